import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { cardKey } from '../../core/deck/types';
import type { QuizAttempt } from '../../core/quiz/history';
import type { CardState } from '../../core/schedule/types';
import { getCollection } from '../../store/collection';
import { USER_DECK_PREFIX } from '../../store/decks';
import { MemoryStorage } from '../../store/persist/storage';
import { QUIZ_DOCS } from '../../store/quizSlice';
import { resetStoreForTests, useAppStore } from '../../store/store';
import DecksScreen from './DecksScreen';

const BAD_ROWS = new Uint8Array(readFileSync('tests/fixtures/import/bad-rows.csv'));

const STUDIED: CardState = {
  due: Date.now() + 3 * 86_400_000,
  stability: 3,
  difficulty: 5,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  lastReview: Date.now() - 60_000,
};

const V1 = ['id,question,answer,explanation', 'k1,Who patches the hypervisor?,AWS,AWS runs it.', 'k2,Who sets bucket policies?,Customer,', 'k3,Who handles patch management?,Shared,'].join('\n');
const V2 = [
  'id,question,answer,explanation',
  'k1,Who patches the hypervisor?,AWS,AWS runs the virtualization layer.',
  'k2,Who sets bucket policies?,Customer,',
  'k3,Who handles patch management?,Shared,',
  'k4,Who encrypts data at rest in S3?,Customer,',
].join('\n');

async function startApp(storage?: MemoryStorage) {
  resetStoreForTests(storage ?? new MemoryStorage());
  await useAppStore.getState().init();
}

function storedDeckNames(): string[] {
  return getCollection()
    .docNames()
    .filter((n) => n.startsWith(USER_DECK_PREFIX));
}

function csvFile(name: string, text: BlobPart): File {
  return new File([text], name, { type: 'text/csv' });
}

async function importFile(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(screen.getByLabelText('Import deck'), file);
  return screen.findByRole('region', { name: `Preview: ${file.name}` });
}

describe('import preview', () => {
  beforeEach(() => startApp());

  test('lists every problem with its line and the skipped rows, and stores nothing until confirmed', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    const preview = await importFile(user, csvFile('bad-rows.csv', BAD_ROWS));

    const problems = within(preview).getByRole('table', { name: /5 problems found · 4 rows skipped/ });
    const rows = within(problems).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Line 1 foo', 'Line 3 answer', 'Line 4 question', 'Line 5 question', 'Line 6 id']);
    expect(within(rows[1] as HTMLElement).getByText('The answer is empty')).toBeVisible();
    expect(within(rows[1] as HTMLElement).getByText('Row skipped')).toBeVisible();
    expect(within(rows[0] as HTMLElement).getByText('Warning only')).toBeVisible();
    expect(within(preview).getByRole('list', { name: 'Cards by kind' })).toHaveTextContent('1AWS cards1Customer cards0Shared cards0front/back cards');
    expect(within(preview).getByRole('cell', { name: 'Who classifies data?' })).toBeVisible();
    expect(storedDeckNames()).toEqual([]);

    await user.click(within(preview).getByRole('button', { name: 'Import 2 cards' }));
    expect(storedDeckNames()).toEqual(['deck:bad-rows']);
    expect(screen.queryByRole('region', { name: /Preview/ })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Imported “bad-rows”: 2 cards.');
    expect(screen.getByRole('listitem', { name: 'bad-rows' })).toHaveTextContent('0 / 2 cards studied');
  });

  test('Cancel (and Escape) leave everything as it was', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    await importFile(user, csvFile('v1.csv', V1));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Preview: v1.csv' })).toBeNull();
    expect(screen.getByLabelText('Import deck')).toHaveFocus();

    await importFile(user, csvFile('v1.csv', V1));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Preview: v1.csv' })).toBeNull();
    expect(storedDeckNames()).toEqual([]);
    expect(useAppStore.getState().userDecks).toEqual([]);
  });

  test('the deck name can be edited before importing', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    const preview = await importFile(user, csvFile('v1.csv', V1));
    const name = within(preview).getByRole('textbox', { name: 'Deck name' });
    await user.clear(name);
    await user.type(name, 'S3 and EC2');
    await user.click(within(preview).getByRole('button', { name: 'Import 3 cards' }));
    expect(useAppStore.getState().userDecks.map((d) => d.name)).toEqual(['S3 and EC2']);
  });

  test('a file that cannot be read shows why and offers no import', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    const preview = await importFile(user, new File(['{\n  "format": "srm-deck",\n  "cards": [ }'], 'broken.json'));
    expect(within(preview).getByRole('rowheader', { name: 'Line 3 column 14' })).toBeVisible();
    expect(within(preview).getByText('Nothing imported')).toBeVisible();
    expect(within(preview).queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(storedDeckNames()).toEqual([]);
  });

  test('a re-import says how many cards are new, changed and unchanged, and keeps progress', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    await importFile(user, csvFile('srm.csv', V1));
    await user.click(screen.getByRole('button', { name: 'Import 3 cards' }));
    act(() => {
      getCollection().setStates([[cardKey('srm', 'k1'), STUDIED]]);
      useAppStore.getState().refreshFromCollection();
    });
    expect(screen.getByRole('listitem', { name: 'srm' })).toHaveTextContent('1 / 3 cards studied');

    const preview = await importFile(user, csvFile('srm.csv', V2));
    const note = within(preview).getByRole('note', { name: 'Re-import' });
    expect(note).toHaveTextContent('This updates your deck “srm” (same deck id)');
    expect(note).toHaveTextContent('1 new');
    expect(note).toHaveTextContent('1 changed');
    expect(note).toHaveTextContent('2 unchanged');
    expect(note).toHaveTextContent('progress on matching cards is kept');
    await user.click(within(preview).getByRole('button', { name: 'Import 4 cards' }));

    const deck = useAppStore.getState().userDecks.find((d) => d.id === 'srm');
    expect(deck?.cards.map((c) => c.id)).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(deck?.cards[0]?.explanation).toBe('AWS runs the virtualization layer.');
    expect(getCollection().states.get(cardKey('srm', 'k1'))).toBeDefined();
    expect(screen.getByRole('listitem', { name: 'srm' })).toHaveTextContent('1 / 4 cards studied');
  });

  test('a file dropped on the screen shows the drop zone, then the same preview', async () => {
    render(<DecksScreen />);
    const screenRegion = screen.getByRole('region', { name: 'Decks' });
    const file = csvFile('dropped.csv', V1);
    const dataTransfer = { files: [file], types: ['Files'], dropEffect: 'none' };
    fireEvent.dragEnter(screenRegion, { dataTransfer });
    expect(screen.getByText('Drop the file to preview it')).toBeVisible();
    fireEvent.drop(screenRegion, { dataTransfer });
    const preview = await screen.findByRole('region', { name: 'Preview: dropped.csv' });
    expect(screen.queryByText('Drop the file to preview it')).toBeNull();
    expect(within(preview).getByRole('button', { name: 'Import 3 cards' })).toBeVisible();
    expect(storedDeckNames()).toEqual([]);
  });

  test('pasted text goes through the same preview', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    await user.keyboard('p');
    const box = screen.getByRole('textbox', { name: 'Paste deck text' });
    expect(box).toHaveFocus();
    await user.type(box, 'front\tback{Enter}What is IAM?\tIdentity and Access Management');
    await user.type(screen.getByRole('textbox', { name: 'Deck name' }), 'Terms');
    await user.click(screen.getByRole('button', { name: 'Preview pasted deck' }));
    const preview = screen.getByRole('region', { name: 'Preview: Pasted text: Terms' });
    expect(within(preview).getByRole('list', { name: 'Cards by kind' })).toHaveTextContent('1front/back cards');
    await user.click(within(preview).getByRole('button', { name: 'Import 1 card' }));
    expect(storedDeckNames()).toEqual(['deck:terms']);
  });
});

describe('import failures change nothing', () => {
  test('a write that hits the quota is rolled back with a clear message', async () => {
    const storage = new MemoryStorage();
    await startApp(storage);
    const user = userEvent.setup();
    render(<DecksScreen />);
    const preview = await importFile(user, csvFile('v1.csv', V1));
    storage.failWrites = true;
    await user.click(within(preview).getByRole('button', { name: 'Import 3 cards' }));
    expect(within(preview).getByRole('alert')).toHaveTextContent('Browser storage is full');
    expect(useAppStore.getState().userDecks).toEqual([]);
    expect(storedDeckNames()).toEqual([]);
    expect(Object.keys(storage.snapshot()).some((k) => k.includes('deck:'))).toBe(false);
  });

  test('a deck that would not fit is refused before writing', async () => {
    const storage = new MemoryStorage({ initial: { 'srm:doc:filler': JSON.stringify('x'.repeat(4_999_900)) } });
    await startApp(storage);
    const user = userEvent.setup();
    render(<DecksScreen />);
    const preview = await importFile(user, csvFile('v1.csv', V1));
    const writes = storage.writeCount;
    await user.click(within(preview).getByRole('button', { name: 'Import 3 cards' }));
    expect(within(preview).getByRole('alert')).toHaveTextContent(/needs about .* but only about .* is free. Nothing was changed/);
    expect(storage.writeCount).toBe(writes);
    expect(storedDeckNames()).toEqual([]);
  });
});

describe('library', () => {
  beforeEach(() => startApp());

  test('deleting asks first, keeps progress, and Undo brings the deck back', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    await importFile(user, csvFile('srm.csv', V1));
    await user.click(screen.getByRole('button', { name: 'Import 3 cards' }));
    getCollection().setStates([[cardKey('srm', 'k2'), STUDIED]]);

    const deleteButton = screen.getByRole('button', { name: 'Delete srm' });
    await user.click(deleteButton);
    let dialog = screen.getByRole('dialog', { name: 'Delete “srm”?' });
    expect(within(dialog).getByRole('button', { name: 'Download backup first' })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deleteButton).toHaveFocus();
    expect(storedDeckNames()).toEqual(['deck:srm']);

    await user.click(deleteButton);
    dialog = screen.getByRole('dialog', { name: 'Delete “srm”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete deck' }));
    expect(screen.queryByRole('listitem', { name: 'srm' })).toBeNull();
    expect(storedDeckNames()).toEqual([]);
    expect(getCollection().states.get(cardKey('srm', 'k2'))).toBeDefined();
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();

    await user.click(undo);
    expect(storedDeckNames()).toEqual(['deck:srm']);
    expect(screen.getByRole('listitem', { name: 'srm' })).toHaveTextContent('1 / 3 cards studied');
    expect(screen.getByRole('status')).toHaveTextContent('Restored “srm” with its progress.');
  });

  test('renaming a user deck; including, excluding and hiding decks go to settings', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    await importFile(user, csvFile('srm.csv', V1));
    await user.click(screen.getByRole('button', { name: 'Import 3 cards' }));

    await user.click(screen.getByRole('button', { name: 'Rename srm' }));
    const field = within(screen.getByRole('dialog', { name: 'Rename deck' })).getByRole('textbox', { name: 'New name for “srm”' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'My SRM deck{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useAppStore.getState().userDecks[0]?.name).toBe('My SRM deck');

    await user.click(screen.getByRole('checkbox', { name: 'Include My SRM deck in study' }));
    expect(useAppStore.getState().settings.excludedDecks).toEqual(['srm']);
    expect(screen.getByRole('listitem', { name: 'My SRM deck' })).toHaveTextContent('Not in study');

    const builtin = useAppStore.getState().builtinDecks[0];
    if (!builtin) throw new Error('no built-in deck');
    expect(screen.queryByRole('button', { name: `Delete ${builtin.name}` })).toBeNull();
    await user.click(screen.getByRole('button', { name: `Hide ${builtin.name}` }));
    expect(useAppStore.getState().settings.hiddenDecks).toEqual([builtin.id]);
    expect(screen.queryByRole('listitem', { name: builtin.name })).toBeNull();
    await user.click(screen.getByRole('button', { name: `Show ${builtin.name}` }));
    expect(useAppStore.getState().settings.hiddenDecks).toEqual([]);
    expect(screen.getByRole('listitem', { name: builtin.name })).toBeVisible();
  });
});

describe('backup and restore', () => {
  beforeEach(() => startApp());

  test('restore shows what the file holds next to now, and replaces everything only on confirm', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    await importFile(user, csvFile('srm.csv', V1));
    await user.click(screen.getByRole('button', { name: 'Import 3 cards' }));
    getCollection().setStates([[cardKey('srm', 'k1'), STUDIED]]);
    const attempt: QuizAttempt = {
      id: 'quiz-1',
      mode: 'exam',
      finishedAt: Date.now() - 1000,
      total: 10,
      correct: 8,
      percent: 80,
      breakdown: { category: [], owner: [] },
      missedKeys: [],
    };
    getCollection().setDoc(QUIZ_DOCS.attempts, [attempt]);
    const backup = JSON.stringify(getCollection().exportBackup(Date.now()));

    await user.click(screen.getByRole('button', { name: 'Erase all data…' }));
    const erase = screen.getByRole('dialog', { name: 'Erase all data?' });
    expect(erase).toHaveTextContent('only a backup file can bring the data back');
    await user.click(within(erase).getByRole('button', { name: 'Erase everything' }));
    expect(storedDeckNames()).toEqual([]);
    expect(getCollection().states.size).toBe(0);
    expect(screen.queryByRole('listitem', { name: 'srm' })).toBeNull();

    await user.upload(screen.getByLabelText('Restore backup'), new File([backup], 'backup.json', { type: 'application/json' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    const rows = within(dialog).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual([
      'WhatIn the backupNow',
      'Imported decks10',
      'Cards in imported decks30',
      'Cards with progress10',
      'Reviews in the history00',
      'Quiz attempts10',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(storedDeckNames()).toEqual([]);

    await user.upload(screen.getByLabelText('Restore backup'), new File([backup], 'backup.json', { type: 'application/json' }));
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(storedDeckNames()).toEqual(['deck:srm']);
    expect(getCollection().getDoc(QUIZ_DOCS.attempts, (v) => v)).toEqual([attempt]);
    expect(screen.getByRole('listitem', { name: 'srm' })).toHaveTextContent('1 / 3 cards studied');
    expect(screen.getByRole('status')).toHaveTextContent('Restored the backup “backup.json”.');
  });

  test('a file that is not a backup is refused with the reason', async () => {
    const user = userEvent.setup();
    render(<DecksScreen />);
    await user.upload(screen.getByLabelText('Restore backup'), new File(['{"format":"srm-deck"}'], 'deck.json'));
    expect(screen.getByRole('alert')).toHaveTextContent('“deck.json”: This file cannot be restored: format: not a backup file');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
