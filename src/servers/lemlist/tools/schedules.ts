import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import type { LemlistObject } from '../api.js';
import { listPage, message, scheduleSchema } from '../shapes.js';
import {
  campaignId,
  offset,
  scheduleId,
  sortBy,
  sortOrder,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/** The most schedules one call returns, and how many it asks lemlist for at a time. */
const MAX_SCHEDULES = 1000;
const SCHEDULE_PAGE = 100;

/** lemlist's defaults for a new schedule, as its reference documents them. */
const DEFAULTS = {
  name: 'Default schedule',
  secondsToWait: 1200,
  timezone: 'Europe/Paris',
  start: '09:00',
  end: '18:00',
  weekdays: [1, 2, 3, 4, 5],
} as const;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const time = (what: string, fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:mm, e.g. 09:00')
    .optional()
    .describe(`${what} of the sending window, HH:mm (new schedules: ${fallback})`);

/** The fields of a schedule, shared by create and update. */
const scheduleFields = {
  name: z.string().trim().min(1).max(200).optional().describe(`Name (new schedules: "${DEFAULTS.name}")`),
  secondsToWait: z
    .number()
    .int()
    .min(0)
    .max(86_400)
    .optional()
    .describe(`Seconds between two sends (new schedules: ${DEFAULTS.secondsToWait})`),
  timezone: z
    .string()
    .trim()
    .refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Paris or America/New_York')
    .optional()
    .describe(`Time zone of the window, IANA name (new schedules: ${DEFAULTS.timezone})`),
  start: time('Start', DEFAULTS.start),
  end: time('End', DEFAULTS.end),
  weekdays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
    .optional()
    .describe('Days it sends on, 1 = Monday … 7 = Sunday (new schedules: [1,2,3,4,5])'),
};

type Fields = {
  name?: string;
  secondsToWait?: number;
  timezone?: string;
  start?: string;
  end?: string;
  weekdays?: number[];
};

function window(s: Fields): void {
  if (s.start && s.end && s.start >= s.end) {
    throw new ToolError(`Invalid arguments: end (${s.end}) must be after start (${s.start})`);
  }
}

const describe = (s: LemlistObject) =>
  `${String(s.start ?? '?')}-${String(s.end ?? '?')} ${String(s.timezone ?? '')} on days ${
    Array.isArray(s.weekdays) ? s.weekdays.join(',') : '?'
  }`.replace(/\s+/g, ' ');

export function scheduleTools(lemlistTool: ToolMaker): ToolTable {
  return {
    get_all_schedules: lemlistTool({
      description:
        "List the team's sending schedules. Pages are followed up to `limit`; give `page` to read one page " +
        'of lemlist’s page numbering instead.',
      input: z.object({
        page: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('Read only this page (of `limit` schedules, at most 100)'),
        offset,
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAX_SCHEDULES)
          .default(SCHEDULE_PAGE)
          .describe(`How many schedules to return (1-${MAX_SCHEDULES}, default ${SCHEDULE_PAGE})`),
        sortBy,
        sortOrder,
      }),
      output: z.object({
        schedules: z.array(scheduleSchema),
        ...listPage,
        total: z.number().optional().describe('Schedules in all, as lemlist counts them'),
        next_offset: z.number().optional(),
        next_page: z.number().optional(),
      }),
      annotations: reads,
      async run({ page, offset: start = 0, limit, sortBy: by, sortOrder: order }, lemlist) {
        const sort = { ...(by ? { sortBy: by } : {}), ...(order ? { sortOrder: order } : {}) };
        if (page !== undefined) {
          if (limit > SCHEDULE_PAGE) {
            throw new ToolError(`Invalid arguments: limit: at most ${SCHEDULE_PAGE} with page`);
          }
          const answer = await lemlist.schedulesPage({ page, limit, ...sort });
          const schedules = answer.schedules ?? [];
          const next = answer.pagination?.nextPage;
          return {
            schedules: schedules as z.input<typeof scheduleSchema>[],
            count: schedules.length,
            has_more: typeof next === 'number',
            ...(typeof answer.pagination?.totalRecords === 'number'
              ? { total: answer.pagination.totalRecords }
              : {}),
            ...(typeof next === 'number' ? { next_page: next } : {}),
          };
        }
        const schedules: LemlistObject[] = [];
        let at = start;
        for (;;) {
          const want = Math.min(SCHEDULE_PAGE, limit - schedules.length);
          const answer = await lemlist.schedulesPage({ offset: at, limit: want, ...sort });
          const batch = answer.schedules ?? [];
          schedules.push(...batch.slice(0, want));
          at += batch.length;
          const total = answer.pagination?.totalRecords;
          const more = batch.length >= want && (typeof total !== 'number' || at < total);
          if (!more || schedules.length >= limit) {
            return {
              schedules: schedules as z.input<typeof scheduleSchema>[],
              count: schedules.length,
              has_more: more,
              ...(typeof total === 'number' ? { total } : {}),
              ...(more ? { next_offset: at } : {}),
            };
          }
        }
      },
    }),

    get_schedule: lemlistTool({
      description:
        'Get a sending schedule by id: its window (start, end, time zone), days and delay between sends.',
      input: z.object({ scheduleId }),
      output: scheduleSchema,
      annotations: reads,
      run: ({ scheduleId: id }, lemlist) => lemlist.schedule(id) as Promise<z.input<typeof scheduleSchema>>,
    }),

    get_campaign_schedules: lemlistTool({
      description: 'List the sending schedules a campaign uses.',
      input: z.object({ campaignId }),
      output: z.object({ campaignId: z.string(), schedules: z.array(scheduleSchema) }),
      annotations: reads,
      run: async ({ campaignId: id }, lemlist) => ({
        campaignId: id,
        schedules: (await lemlist.campaignSchedules(id)) as z.input<typeof scheduleSchema>[],
      }),
    }),

    update_schedule: lemlistTool({
      description:
        'Change a sending schedule (name, delay between sends, time zone, window, days); fields not given keep ' +
        'their values. Campaigns using it send on the new terms.',
      input: z.object({ scheduleId, ...scheduleFields }),
      output: z.object({ schedule: scheduleSchema, message }),
      annotations: overwrites,
      async run({ scheduleId: id, ...fields }, lemlist) {
        const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        if (!Object.keys(body).length) {
          throw new ToolError(
            'Invalid arguments: give at least one field to change (name, timezone, start, …)',
          );
        }
        window(fields);
        const schedule = await lemlist.updateSchedule(id, body);
        return {
          schedule: schedule as z.input<typeof scheduleSchema>,
          message: `Updated ${Object.keys(body).join(', ')} of schedule ${id}: it sends ${describe(schedule)}.`,
        };
      },
    }),

    create_schedule: lemlistTool({
      description:
        "Create a sending schedule; fields not given take lemlist's defaults (09:00-18:00 Europe/Paris, Monday " +
        'to Friday, 1200 s between sends). Attach it with associate_schedule_with_campaign.',
      input: z.object(scheduleFields),
      output: z.object({ schedule: scheduleSchema, message }),
      annotations: adds,
      async run(fields, lemlist) {
        const body = { ...DEFAULTS, weekdays: [...DEFAULTS.weekdays], ...stripUndefined(fields) };
        window(body);
        const schedule = await lemlist.createSchedule(body);
        return {
          schedule: schedule as z.input<typeof scheduleSchema>,
          message: `Created schedule "${body.name}" (${String(schedule._id)}): it sends ${describe(schedule)}.`,
        };
      },
    }),

    delete_schedule: lemlistTool({
      description: 'Delete a sending schedule by id.',
      input: z.object({ schedule_id: scheduleId }),
      output: z.object({ deleted: z.boolean(), schedule_id: z.string(), message }),
      annotations: overwrites,
      async run({ schedule_id }, lemlist) {
        const done = await lemlist.deleteSchedule(schedule_id);
        return {
          deleted: done === 'deleted',
          schedule_id,
          message:
            done === 'deleted'
              ? `Deleted schedule ${schedule_id}.`
              : `Schedule ${schedule_id} is not in lemlist: it was already deleted, or the id is wrong.`,
        };
      },
    }),

    associate_schedule_with_campaign: lemlistTool({
      description: 'Make a campaign send on a schedule. Associating them again changes nothing.',
      input: z.object({ campaignId, scheduleId }),
      output: z.object({ campaignId: z.string(), scheduleId: z.string(), message }),
      annotations: sets,
      async run({ campaignId: c, scheduleId: s }, lemlist) {
        const answer = await lemlist.associateSchedule(c, s);
        return {
          campaignId: String(answer.campaignId ?? c),
          scheduleId: String(answer.scheduleId ?? s),
          message: `Campaign ${c} now sends on schedule ${s}.`,
        };
      },
    }),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
