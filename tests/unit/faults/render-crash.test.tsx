import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getCollection } from '../../../src/store/collection';
import { MemoryStorage } from '../../../src/store/persist/storage';
import { answerAndMoveOn, reopen, renderApp, startApp } from './app';

// The study screen's answer buttons, with a switch that makes them throw while rendering.
const crash = vi.hoisted(() => ({ on: false }));
vi.mock('../../../src/components/OwnerButtons', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/components/OwnerButtons')>();
  return {
    ...actual,
    OwnerButtons: (props: Parameters<typeof actual.OwnerButtons>[0]) => {
      if (crash.on) throw new Error('Cannot read the answer buttons (test crash)');
      return actual.OwnerButtons(props);
    },
  };
});

describe('a crash while rendering', () => {
  afterEach(() => {
    crash.on = false;
  });

  test('leaves storage untouched and shows the error boundary message; the learner can go on studying after leaving the screen', async () => {
    const user = userEvent.setup();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const storage = new MemoryStorage();
    await startApp(storage);
    await renderApp('/study');
    await answerAndMoveOn(user);
    await answerAndMoveOn(user);
    // Feedback for a third answer is on screen; it is stored already.
    const main = within(screen.getByRole('main'));
    await user.click(main.getByRole('button', { name: 'AWS' }));
    await main.findByText(/^(Correct|Not quite)$/);
    const before = storage.snapshot();
    const writes = storage.writeCount;
    expect(reopen(before).collection.entries()).toHaveLength(3);

    // Moving on renders the next card, and the screen throws.
    crash.on = true;
    await user.keyboard('{Enter}');
    const boundary = await screen.findByRole('alert', { name: 'Something went wrong on this screen' });
    expect(boundary).toHaveTextContent(/Your progress is safe/);
    expect(within(boundary).getByText('Cannot read the answer buttons (test crash)')).toBeInTheDocument();
    expect(within(boundary).getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(within(boundary).getByRole('link', { name: 'Go to Home' })).toHaveAttribute('href', '/');
    expect(consoleError).toHaveBeenCalledWith('Screen failed to render', expect.any(Error), expect.anything());

    // Nothing was written or changed by the crash.
    expect(storage.writeCount).toBe(writes);
    expect(storage.snapshot()).toEqual(before);
    expect(getCollection().entries()).toHaveLength(3);

    // Another screen, then back to Study: the boundary resets and answers are stored again.
    crash.on = false;
    await user.click(screen.getByRole('link', { name: 'Home' }));
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await user.click(screen.getByRole('link', { name: 'Study' }));
    await screen.findByRole('group', { name: 'Who is responsible?' });
    await answerAndMoveOn(user);
    const stored = reopen(storage).collection;
    expect(stored.entries().slice(0, 3)).toEqual(reopen(before).collection.entries());
    expect(stored.entries()).toHaveLength(4);
  });
});
