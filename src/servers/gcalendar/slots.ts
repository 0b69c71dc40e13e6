import type { FreeBusyResponse } from './api.js';
import { formatInZone } from './times.js';

/**
 * Free time from a freeBusy answer, which lists only the busy side: the gaps long enough for a
 * meeting in which every calendar asked about is free.
 */

export interface Interval {
  start: number;
  end: number;
}

/**
 * The gaps of at least `minMinutes` inside `range` that no busy interval covers. Busy intervals may
 * overlap and come from several calendars.
 */
export function freeIntervals(range: Interval, busy: readonly Interval[], minMinutes: number): Interval[] {
  const minMs = minMinutes * 60_000;
  const sorted = busy
    .map((b) => ({ start: Math.max(b.start, range.start), end: Math.min(b.end, range.end) }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start);
  const free: Interval[] = [];
  let cursor = range.start;
  for (const b of sorted) {
    if (b.start - cursor >= minMs) free.push({ start: cursor, end: b.start });
    cursor = Math.max(cursor, b.end);
  }
  if (range.end - cursor >= minMs) free.push({ start: cursor, end: range.end });
  return free;
}

export interface Availability {
  calendars: { id: string; busy: { start: string; end: string }[]; errors?: string[] }[];
  free_slots: { start: string; end: string; minutes: number }[];
}

/** Each calendar's busy times and errors as Google gave them, and the shared free slots in `timeZone`. */
export function availability(
  answer: FreeBusyResponse,
  range: Interval,
  minMinutes: number,
  timeZone: string,
): Availability {
  const calendars = Object.entries(answer.calendars ?? {}).map(([id, c]) => ({
    id,
    busy: c.busy ?? [],
    ...(c.errors?.length ? { errors: c.errors.map((e) => e.reason ?? 'unknown') } : {}),
  }));
  const busy = calendars.flatMap((c) =>
    c.busy.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) })),
  );
  const free_slots = freeIntervals(range, busy, minMinutes).map((f) => ({
    start: formatInZone(f.start, timeZone),
    end: formatInZone(f.end, timeZone),
    minutes: Math.round((f.end - f.start) / 60_000),
  }));
  return { calendars, free_slots };
}
