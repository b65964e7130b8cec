/** Display helpers for the quiz screens. */

/** "14 min", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "45s", "12m 5s", "1h 2m". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return s === 0 ? `${m}m` : `${m}m ${s}s`;
  return `${s}s`;
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(epochMs: number): string {
  return DATE_FORMAT.format(new Date(epochMs));
}

const SHORT_THIS_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const SHORT_OTHER_YEAR = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Compact, for tables: "Nov 23, 2:35 AM" this year, "Nov 23, 2025" before. */
export function formatShortDate(epochMs: number, now: number = Date.now()): string {
  const date = new Date(epochMs);
  return date.getFullYear() === new Date(now).getFullYear() ? SHORT_THIS_YEAR.format(date) : SHORT_OTHER_YEAR.format(date);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
