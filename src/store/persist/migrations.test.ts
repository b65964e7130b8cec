import { describe, expect, it } from 'vitest';
import v1Backup from '../../../tests/fixtures/storage/v1-backup.json';
import v1State from '../../../tests/fixtures/storage/v1-state.json';
import { T, V1_ENTRIES, V1_STATES } from '../../../tests/fixtures/storage/v1-expected';
import { parseBackup } from './backup';
import { openCollection } from './collection';
import { CURRENT_VERSION, META_KEY } from './layout';
import { LAYOUT_MIGRATIONS, migrateBackup, migrateLayout, type LayoutStep } from './migrations';
import { MemoryStorage } from './storage';

const STATES = V1_STATES;
const ENTRIES = V1_ENTRIES;

const DOCS = {
  settings: { theme: 'dark', newPerDay: 20 },
  'deck:my-deck': {
    id: 'my-deck',
    name: 'My deck',
    description: '',
    builtIn: false,
    cards: [{ kind: 'basic', id: 'card "1", ünïcode', question: 'Q?', answer: 'A', explanation: '', tags: [], source: '', sibling: 'card "1", ünïcode' }],
  },
};
const anyDoc = (x: unknown): unknown => x;

describe('the v1 stored layout fixture', () => {
  it('loads through the migration path with every card state, log entry and document', () => {
    const migrated = migrateLayout(v1State, 1);
    expect(migrated).toEqual({ ok: true, value: v1State, applied: [] });
    const storage = new MemoryStorage({ initial: v1State });
    const { collection, report } = openCollection(storage, { now: T + 7_200_000 });
    expect(report).toEqual({ status: 'ok', problems: [], migratedFrom: null, created: false });
    expect([...collection.states]).toEqual(STATES);
    expect(collection.entries()).toEqual(ENTRIES);
    expect(Object.fromEntries(collection.docNames().map((name) => [name, collection.getDoc(name, anyDoc)]))).toEqual(DOCS);
    // Opening does not rewrite anything.
    expect(storage.snapshot()).toEqual(v1State);
  });
});

describe('the v1 backup fixture', () => {
  it('parses, migrates and restores every card state, log entry and document', () => {
    const parsed = parseBackup(v1Backup);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.migratedFrom).toBeNull();
    const storage = new MemoryStorage();
    const { collection } = openCollection(storage, { now: T });
    expect(collection.restoreBackup(parsed.backup)).toEqual({ ok: true });
    for (const c of [collection, openCollection(storage, { now: T }).collection]) {
      expect(new Map(c.states)).toEqual(new Map(STATES));
      expect(c.entries()).toEqual(ENTRIES);
      expect(Object.fromEntries(c.docNames().map((name) => [name, c.getDoc(name, anyDoc)]))).toEqual(DOCS);
    }
  });
});

describe('the migration runner', () => {
  // A made-up v2 that renames doc keys, to show how a real step plugs in.
  const toV2: LayoutStep = {
    from: 1,
    migrate: (layout) =>
      Object.fromEntries(
        Object.entries(layout).map(([key, value]) =>
          key === META_KEY ? [key, value.replace('"v":1', '"v":2')] : [key.replace('srm:doc:', 'srm:d:'), value],
        ),
      ),
  };

  it('applies steps in order up to the target, and is a no-op at the current version', () => {
    expect(CURRENT_VERSION).toBe(1);
    expect(LAYOUT_MIGRATIONS).toEqual([]);
    const result = migrateLayout(v1State, 1, [toV2], 2);
    if (!result.ok) throw new Error(result.error);
    expect(result.applied).toEqual([1]);
    expect(JSON.parse(result.value[META_KEY] ?? '{}')).toMatchObject({ v: 2 });
    expect(result.value['srm:d:settings']).toBe(v1State['srm:doc:settings']);
    expect(Object.keys(result.value)).toHaveLength(Object.keys(v1State).length);
  });

  it('refuses a missing step, a failing step and a newer version', () => {
    expect(migrateLayout(v1State, 1, [], 2)).toEqual({ ok: false, error: 'no migration from version 1' });
    const broken: LayoutStep = { from: 1, migrate: () => { throw new Error('bad'); } };
    expect(migrateLayout(v1State, 1, [broken], 2)).toMatchObject({ ok: false, error: expect.stringContaining('bad') as string });
    expect(migrateLayout(v1State, 3, [], 2)).toMatchObject({ ok: false });
  });

  it('migrates old backups before validating them', () => {
    const fakeV0: Record<string, unknown> = { ...v1Backup, version: 0, logFields: undefined };
    const step = { from: 0, migrate: (b: Readonly<Record<string, unknown>>) => ({ ...b, version: 1, logFields: ['review', 'rating', 'state', 'duration'] }) };
    expect(migrateBackup(fakeV0, 0, [step], 1)).toMatchObject({ ok: true, applied: [0] });
    const parsed = parseBackup(fakeV0, [step]);
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 0 });
    expect(parseBackup(fakeV0)).toEqual({ ok: false, problems: [{ path: 'version', message: 'no migration from version 0' }] });
  });
});
