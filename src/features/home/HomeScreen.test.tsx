import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { resetStoreForTests, useAppStore } from '../../store/store';
import { HomeScreen } from './HomeScreen';

beforeEach(async () => {
  resetStoreForTests();
  await useAppStore.getState().init();
});

function statValue(label: string): string {
  const stat = screen.getByText(label).closest('.stat');
  return stat?.querySelector('.stat-value')?.textContent ?? '';
}

describe('Home', () => {
  test('shows every built-in deck with its counts for today, on first visit', () => {
    render(<HomeScreen />);
    const list = screen.getByRole('list', { name: 'Your decks' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByRole('heading', { level: 3 }).textContent)).toEqual(['Fundamentals', 'Service categories', 'Control types']);
    const counts = within(rows[0] as HTMLElement).getByLabelText('Fundamentals: cards for today');
    expect(within(counts).getByTitle('New')).toHaveTextContent('20');
    // The daily limit of 20 new cards applies across decks.
    expect(statValue('new cards today')).toBe('20');
    expect(statValue('reviewed today')).toBe('0');
  });

  test('a deck excluded in "Choose what to study" leaves the list and the totals', async () => {
    const user = userEvent.setup();
    useAppStore.getState().updateSettings({ newPerDay: 100 });
    render(<HomeScreen />);
    expect(statValue('new cards today')).toBe(String(41 + 23 + 14));
    await user.click(screen.getByText('Choose what to study'));
    await user.click(screen.getByRole('checkbox', { name: /^Fundamentals/ }));
    expect(screen.queryByRole('heading', { level: 3, name: 'Fundamentals' })).toBeNull();
    expect(statValue('new cards today')).toBe(String(23 + 14));
    expect(useAppStore.getState().settings.excludedDecks).toEqual(['srm-fundamentals']);
  });

  test('a tag filter narrows the cards studied', async () => {
    const user = userEvent.setup();
    useAppStore.getState().updateSettings({ newPerDay: 1000 });
    render(<HomeScreen />);
    await user.click(screen.getByText('Choose what to study'));
    const service = screen.getByRole('list', { name: 'Service' });
    await user.click(within(service).getByRole('checkbox', { name: /^S3/ }));
    expect(useAppStore.getState().settings.studyTags).toEqual(['service:s3']);
    // S3 facts only, one card per fact on a day (siblings wait).
    expect(Number(statValue('new cards today'))).toBeGreaterThan(0);
    expect(Number(statValue('new cards today'))).toBeLessThan(23);
  });

  test("a deck's Study button scopes the session to that deck", async () => {
    const user = userEvent.setup();
    render(<HomeScreen />);
    await user.click(screen.getByRole('button', { name: 'Study Control types' }));
    expect(useAppStore.getState().session.scope).toEqual(['srm-controls']);
    expect(window.location.pathname).toBe('/study');
  });
});
