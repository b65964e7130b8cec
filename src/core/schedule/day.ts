/**
 * The study day: like Anki, a day starts at a fixed local hour (04:00 by default), so an
 * answer at 01:30 still counts for the previous day. Local time is read through
 * `Intl.DateTimeFormat`, so any IANA zone works and DST days (23 or 25 hours, or 23.5 and
 * 24.5 on Lord Howe Island) keep their real length.
 */

export interface StudyDayOptions {
  /** Local hour (0–23) at which a study day starts; default 4. */
  hour?: number;
  /** IANA time zone, e.g. 'Europe/Berlin'; default: the runtime's local zone. */
  timeZone?: string;
}

export const DEFAULT_DAY_START_HOUR = 4;

const DAY_MS = 86_400_000;

interface Wall {
  year: number;
  month: number;
  day: number;
}

interface WallClock extends Wall {
  hour: number;
  minute: number;
  second: number;
}

/** Formatters by zone ('' = the runtime zone, resolved when first used). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const cacheKey = timeZone ?? '';
  let formatter = formatters.get(cacheKey);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** "1/31/2024, 23:05:09" as formatted by the en-US formatter above. */
const WALL_PATTERN = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

function wallClock(formatter: Intl.DateTimeFormat, t: number): WallClock {
  // format() is several times faster than formatToParts(); fall back if the shape differs.
  const match = WALL_PATTERN.exec(formatter.format(t));
  if (match !== null) {
    return {
      year: Number(match[3]),
      month: Number(match[1]),
      day: Number(match[2]),
      hour: Number(match[4]),
      minute: Number(match[5]),
      second: Number(match[6]),
    };
  }
  const wall: WallClock = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(t)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        wall[part.type] = Number(part.value);
        break;
      default:
        break;
    }
  }
  return wall;
}

/** A wall-clock reading as if it were UTC, in epoch ms. */
function utcOf(date: Wall, hour: number, minute = 0, second = 0): number {
  if (date.year >= 100) return Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
  // Date.UTC maps years 0–99 to 19xx; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** The zone's UTC offset at instant `t`, in ms (local = utc + offset). */
function offsetAt(formatter: Intl.DateTimeFormat, t: number): number {
  const wholeSecond = Math.floor(t / 1000) * 1000;
  const wall = wallClock(formatter, wholeSecond);
  return utcOf(wall, wall.hour, wall.minute, wall.second) - wholeSecond;
}

function addDays(date: Wall, days: number): Wall {
  const d = new Date(utcOf(date, 12) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The first instant whose local wall clock reads `date` at `hour`:00. When that wall time
 * occurs twice (fall back) the earlier one; when it does not exist (spring forward) the
 * transition instant, i.e. the first moment of the day that does exist.
 */
function instantOf(formatter: Intl.DateTimeFormat, date: Wall, hour: number): number {
  const wall = utcOf(date, hour);
  // At most one offset change lies near a given wall time; sample either side of it.
  const before = offsetAt(formatter, wall - DAY_MS);
  const after = offsetAt(formatter, wall + DAY_MS);
  const early = wall - Math.max(before, after);
  const late = wall - Math.min(before, after);
  if (offsetAt(formatter, early) + early === wall) return early;
  if (offsetAt(formatter, late) + late === wall) return late;
  // A gap: wall time skipped. Find the transition, the first instant past `wall`.
  let lo = early; // wall clock before `wall`
  let hi = late; // wall clock after `wall`
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(formatter, mid) + mid < wall) lo = mid;
    else hi = mid;
  }
  return hi;
}

function startHour(opts: StudyDayOptions | undefined): number {
  const hour = opts?.hour ?? DEFAULT_DAY_START_HOUR;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`Study day start hour must be an integer 0–23, got ${hour}`);
  }
  return hour;
}

interface StudyDay {
  date: Wall;
  start: number;
  end: number;
}

/**
 * The last study day computed per zone and hour. Reading the wall clock through Intl costs
 * tens of microseconds per call and the queue asks after every answer, almost always for the
 * same day; a day is fully determined by its bounds, so a hit returns the same answer.
 */
const lastDay = new Map<string, StudyDay>();

/** The study day containing `now`: the latest day start that is not after `now`. */
function studyDayOf(now: number, opts: StudyDayOptions | undefined): StudyDay {
  const hour = startHour(opts);
  const cacheKey = `${opts?.timeZone ?? ''}|${hour}`;
  const cached = lastDay.get(cacheKey);
  if (cached !== undefined && cached.start <= now && now < cached.end) return cached;

  const formatter = formatterFor(opts?.timeZone);
  const local = wallClock(formatter, now);
  let date: Wall = { year: local.year, month: local.month, day: local.day };
  let start = instantOf(formatter, date, hour);
  if (start > now) {
    date = addDays(date, -1);
    start = instantOf(formatter, date, hour);
  }
  const day: StudyDay = { date, start, end: instantOf(formatter, addDays(date, 1), hour) };
  lastDay.set(cacheKey, day);
  return day;
}

/** Epoch ms at which the study day containing `now` began. */
export function studyDayStart(now: number, opts?: StudyDayOptions): number {
  return studyDayOf(now, opts).start;
}

/** Epoch ms at which the study day after the one containing `now` begins. */
export function nextStudyDayStart(now: number, opts?: StudyDayOptions): number {
  return studyDayOf(now, opts).end;
}

/**
 * The start of the study day before the one that began at `dayStart` (a value returned by
 * `studyDayStart`). Cheaper than `studyDayStart(dayStart - 1)` when walking back many days.
 */
export function previousStudyDayStart(dayStart: number, opts?: StudyDayOptions): number {
  const hour = startHour(opts);
  const formatter = formatterFor(opts?.timeZone);
  return instantOf(formatter, addDays(wallClock(formatter, dayStart), -1), hour);
}

/** Both bounds of the study day containing `now`: `start <= now < end`. */
export function studyDayBounds(now: number, opts?: StudyDayOptions): { start: number; end: number } {
  const { start, end } = studyDayOf(now, opts);
  return { start, end };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** 'YYYY-MM-DD' of the study day containing `now` (the calendar date on which it began). */
export function studyDayKey(now: number, opts?: StudyDayOptions): string {
  const { date } = studyDayOf(now, opts);
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
