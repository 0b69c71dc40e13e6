import { UpstreamError } from '../../upstream/client.js';

/**
 * YouTube Data API quota: every project has a daily budget of units (10,000 by default) that resets
 * at midnight Pacific Time. A call past it answers 403 with reason `quotaExceeded` (or the older
 * `dailyLimitExceeded`); repeating it before the reset only fails again, so it is never retried.
 */

export const QUOTA_REASONS: ReadonlySet<string> = new Set(['quotaExceeded', 'dailyLimitExceeded']);

const PACIFIC = 'America/Los_Angeles';

/**
 * Made on first use, not at import: an Intl object built at import would sit in the CLI's V8 startup
 * snapshot, which cannot hold one.
 */
let wallClock: Intl.DateTimeFormat | undefined;
const pacificClock = (): Intl.DateTimeFormat =>
  (wallClock ??= new Intl.DateTimeFormat('en-US', {
    timeZone: PACIFIC,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }));

/** The Pacific wall-clock fields of an instant. */
function pacific(ms: number): { year: number; month: number; day: number; utcWall: number } {
  const f = Object.fromEntries(
    pacificClock()
      .formatToParts(new Date(ms))
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return {
    year: f.year,
    month: f.month,
    day: f.day,
    utcWall: Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second),
  };
}

/** Pacific time's offset from UTC at an instant, in ms (-7 h in summer, -8 h in winter). */
const offsetAt = (ms: number): number => pacific(ms).utcWall - Math.floor(ms / 1000) * 1000;

/** The next midnight in Pacific Time after `now`, when YouTube resets the daily quota. */
export function quotaResetAt(now: Date): Date {
  const today = pacific(now.getTime());
  const midnightAsUtc = Date.UTC(today.year, today.month - 1, today.day + 1);
  // Clocks change at 2 AM, so the offset an hour or so either side of midnight is midnight's own.
  const guess = midnightAsUtc - offsetAt(midnightAsUtc);
  return new Date(midnightAsUtc - offsetAt(guess));
}

function inHoursAndMinutes(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The error for an exhausted quota: what happened, when it resets, and that it was not retried. */
export function quotaError(reason: string, now: Date): UpstreamError {
  const reset = quotaResetAt(now);
  return new UpstreamError(
    `YouTube Data API quota exhausted (${reason}): the Google Cloud project has used its daily units ` +
      '(10,000 by default; search_videos costs 100 a call, the other tools 1 to 2 a page). ' +
      `It resets at midnight Pacific Time, ${reset.toISOString().replace('.000Z', 'Z')} ` +
      `(in ${inHoursAndMinutes(reset.getTime() - now.getTime())}). Not retried: try again after the reset, ` +
      'or ask for more quota in the Google Cloud console.',
    403,
  );
}
