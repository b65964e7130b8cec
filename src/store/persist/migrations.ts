/**
 * Format migrations: pure steps vN → vN+1, one list for the stored layout and one for backups.
 *
 * Version 1 is the first released format, so both lists are empty today. To change the format:
 *   1. bump CURRENT_VERSION in layout.ts (and BACKUP_VERSION in backup.ts if backups change);
 *   2. append a step `{ from: 1, migrate }` here — a pure function over the raw layout
 *      (storage key → raw string, quarantine keys excluded) that returns the v2 layout,
 *      including `srm:meta` with `"v":2`; and/or over the parsed backup JSON object;
 *   3. keep tests/fixtures/storage/v1-*.json as they are and add v2 fixtures; the migration
 *      tests load every fixture through these steps.
 * Steps never read storage or the clock, so they can be tested on fixtures alone.
 */
import { CURRENT_VERSION } from './layout';

export type RawLayout = Readonly<Record<string, string>>;

export interface LayoutStep {
  /** The version this step reads; it produces from + 1. */
  from: number;
  migrate(layout: RawLayout): Record<string, string>;
}

export interface BackupStep {
  from: number;
  migrate(backup: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

export const LAYOUT_MIGRATIONS: readonly LayoutStep[] = [];
export const BACKUP_MIGRATIONS: readonly BackupStep[] = [];

export type MigrationResult<T> =
  | { ok: true; value: T; applied: number[] }
  | { ok: false; error: string };

function run<T>(
  value: T,
  from: number,
  target: number,
  steps: readonly { from: number; migrate(value: T): T }[],
): MigrationResult<T> {
  if (from > target) return { ok: false, error: `version ${from} is newer than this app's ${target}` };
  let current = value;
  const applied: number[] = [];
  for (let version = from; version < target; version += 1) {
    const step = steps.find((s) => s.from === version);
    if (step === undefined) return { ok: false, error: `no migration from version ${version}` };
    try {
      current = step.migrate(current);
    } catch (error) {
      return { ok: false, error: `migration from version ${version} failed: ${String(error)}` };
    }
    applied.push(version);
  }
  return { ok: true, value: current, applied };
}

/** Brings a raw stored layout from `from` to `target` (default: this build's version). */
export function migrateLayout(
  layout: RawLayout,
  from: number,
  steps: readonly LayoutStep[] = LAYOUT_MIGRATIONS,
  target: number = CURRENT_VERSION,
): MigrationResult<RawLayout> {
  return run<RawLayout>(layout, from, target, steps);
}

/** Brings a parsed backup object from `from` to `target`; steps also update its `version`. */
export function migrateBackup(
  backup: Readonly<Record<string, unknown>>,
  from: number,
  steps: readonly BackupStep[],
  target: number,
): MigrationResult<Readonly<Record<string, unknown>>> {
  return run<Readonly<Record<string, unknown>>>(backup, from, target, steps);
}
