import { z } from 'zod';

/**
 * The arguments the Zoom tools share, checked so that each failure names the argument and why, and so
 * that no argument can step out of the path it is placed in.
 */

/** A meeting's id: digits (as Zoom shows them, spaces or dashes allowed), or a zoom.us/j/<id> join link. */
export const meetingId = z
  .union([z.string(), z.number().int().positive()])
  .transform((value, ctx) => {
    const raw = String(value).trim();
    const fromLink = /\/(?:j|w|s|wc\/join)\/(\d{9,12})\b/.exec(raw)?.[1];
    const id = fromLink ?? raw.replace(/[\s-]/g, '');
    if (!/^\d{9,12}$/.test(id)) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: 'must be a Zoom meeting id (9 to 12 digits) or a zoom.us/j/ join link',
      });
      return z.NEVER;
    }
    return id;
  })
  .describe('The meeting id (digits, e.g. 851 2345 6789) or its zoom.us/j/ join link');

/**
 * A meeting's id, or the UUID of one instance of it (past instances of a recurring meeting have their
 * own UUIDs, e.g. from list_all_recordings).
 */
export const meetingRef = z
  .union([z.string(), z.number().int().positive()])
  .transform((value, ctx) => {
    const raw = String(value).trim();
    const digits = raw.replace(/[\s-]/g, '');
    if (/^\d{9,12}$/.test(digits)) return digits;
    const fromLink = /\/(?:j|w|s)\/(\d{9,12})\b/.exec(raw)?.[1];
    if (fromLink) return fromLink;
    if (/^[A-Za-z0-9+/=]{16,64}$/.test(raw)) return raw;
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: 'must be a Zoom meeting id (digits) or a meeting UUID such as 4444AAAiAAAAAiAiAiiAii==',
    });
    return z.NEVER;
  })
  .describe('The meeting id (the latest instance), or the UUID of one instance of the meeting');

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'must be a real calendar date',
    },
  );

/** Whether Intl knows the IANA time zone (checked at call time; nothing is built at import). */
function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timezone = z
  .string()
  .trim()
  .min(1)
  .refine(knownTimeZone, { message: 'must be an IANA time zone such as America/New_York or Europe/Paris' });

const NAIVE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A start time as Zoom takes it: a time with an offset or Z becomes `yyyy-MM-ddTHH:mm:ssZ` (UTC); a
 * time without one stays `yyyy-MM-ddTHH:mm:ss`, which Zoom reads in `timezone` or, without it, in the
 * time zone of the user's Zoom settings.
 */
export const startTime = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const naive = NAIVE.exec(value);
    if (naive) return `${naive[1]}T${naive[2]}${naive[3] ?? ':00'}`;
    const ms = WITH_ZONE.test(value) ? Date.parse(value.replace(' ', 'T')) : Number.NaN;
    if (Number.isNaN(ms)) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message:
          'must be an ISO 8601 date and time, e.g. 2026-05-01T15:00:00Z, 2026-05-01T15:00:00+02:00, or 2026-05-01T15:00:00 with timezone',
      });
      return z.NEVER;
    }
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  })
  .describe(
    'Start, ISO 8601: with Z or an offset (e.g. 2026-05-01T15:00:00Z), or a local time (2026-05-01T15:00:00) read in `timezone`, else in the time zone of the user’s Zoom settings',
  );

export const duration = z
  .number()
  .int()
  .min(1, 'must be at least 1 minute')
  .max(1440, 'must be at most 1440 minutes (24 hours)')
  .describe('Length in minutes');

export const maxResults = (what: string, fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(3000)
    .default(fallback)
    .describe(
      `Stop fetching pages once this many ${what} are collected (whole pages of 300 are kept; default ${fallback})`,
    );

export const pageToken = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .optional()
  .describe('next_page_token of an earlier call, to continue that list');
