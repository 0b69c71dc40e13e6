import { ToolError } from '../../core/errors.js';

/**
 * Times as callers write them ("2025-05-15 10:00", "2025-05-15", or RFC 3339) turned into what
 * Google Calendar takes: an all-day `date`, a wall-clock `dateTime` with a time zone, or an instant.
 * Wall-clock times are read in the caller's time zone, not the host's.
 */

export type When =
  | { kind: 'date'; date: string }
  /** Wall-clock time without offset, `YYYY-MM-DDTHH:MM:SS`. */
  | { kind: 'local'; local: string }
  /** An absolute time with `Z` or an offset. */
  | { kind: 'instant'; instant: string };

export const WHEN_FORMATS = 'YYYY-MM-DD HH:MM, YYYY-MM-DD, or RFC 3339 such as 2025-05-15T10:00:00Z';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function realDate(date: string): boolean {
  const [, y, m, d] = DATE.exec(date) ?? [];
  const parsed = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return parsed.toISOString().slice(0, 10) === date;
}

/** Reads a caller's date or time; `field` names the argument in the error. */
export function parseWhen(field: string, value: string): When {
  const text = value.trim();
  if (DATE.test(text) && realDate(text)) return { kind: 'date', date: text };
  const local = LOCAL.exec(text);
  if (local?.[1] && realDate(local[1]) && Number(local[2]) < 24 && Number(local[3]) < 60) {
    return { kind: 'local', local: `${local[1]}T${local[2]}:${local[3]}:${local[4] ?? '00'}` };
  }
  if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return { kind: 'instant', instant: text };
  throw new ToolError(`${field}: "${value}" is not a date or time; use ${WHEN_FORMATS}`);
}

/** Throws a tool error naming the zone when it is not an IANA time zone the runtime knows. */
export function checkZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    throw new ToolError(`Unknown time zone "${timeZone}"; use an IANA name such as Europe/Paris or UTC`);
  }
}

/** How far `timeZone` is ahead of UTC at the instant `utcMs`, in ms. */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - utcMs
  );
}

/** The instant a wall-clock time in `timeZone` denotes (two passes settle DST edges). */
function wallClockToUtc(wall: string, timeZone: string): number {
  const asUtc = Date.parse(`${wall}Z`);
  const first = asUtc - zoneOffset(asUtc, timeZone);
  return asUtc - zoneOffset(first, timeZone);
}

/** The instant a `When` denotes, in ms; a date is its first second, or its last with `endOfDay`. */
export function toInstant(when: When, timeZone: string, endOfDay = false): number {
  switch (when.kind) {
    case 'instant':
      return Date.parse(when.instant);
    case 'local':
      return wallClockToUtc(when.local, timeZone);
    case 'date':
      return wallClockToUtc(`${when.date}T${endOfDay ? '23:59:59' : '00:00:00'}`, timeZone);
  }
}

/** RFC 3339 in `timeZone`'s own offset, e.g. 2025-05-15T09:00:00-04:00, for times shown to a person. */
export function formatInZone(utcMs: number, timeZone: string): string {
  const offset = zoneOffset(utcMs, timeZone);
  const wall = new Date(utcMs + offset).toISOString().slice(0, 19);
  if (offset === 0) return `${wall}Z`;
  const minutes = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${wall}${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Google's EventDateTime: `date` for all-day events, else `dateTime` with the zone it is read in. */
export interface EventTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export function eventTime(when: When, timeZone: string): EventTime {
  switch (when.kind) {
    case 'date':
      return { date: when.date };
    case 'local':
      return { dateTime: when.local, timeZone };
    case 'instant':
      return { dateTime: when.instant, timeZone };
  }
}

/**
 * The instants a caller's range denotes. A missing start is `now`; a missing end is `days` after the
 * start; an end given as a date means the end of that day.
 */
export function timeRange(
  given: { start?: string | undefined; end?: string | undefined; days?: number },
  names: { start: string; end: string },
  timeZone: string,
  now = Date.now(),
): { start: number; end: number } {
  const start = given.start ? toInstant(parseWhen(names.start, given.start), timeZone) : now;
  const end = given.end
    ? toInstant(parseWhen(names.end, given.end), timeZone, true)
    : start + (given.days ?? 1) * 86_400_000;
  if (end <= start) throw new ToolError(`${names.end} must be after ${names.start}.`);
  return { start, end };
}
