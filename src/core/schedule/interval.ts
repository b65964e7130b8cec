/**
 * Anki-style short interval labels for the answer buttons: "<1m", "10m", "3h", "3d",
 * "1.2mo", "2.5y". Minutes, hours and days are whole numbers; months (30 days) and years
 * (365 days) get one decimal, dropped when it is zero.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function formatInterval(ms: number): string {
  if (!(ms >= MINUTE)) return '<1m'; // also NaN and negatives
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${days}d`;
  const months = Math.round((ms / MONTH) * 10) / 10;
  if (months < 12) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(ms / YEAR)}y`;
}
