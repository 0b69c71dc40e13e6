import { z } from 'zod';
import { adds, reads, sets, writes } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { type JobState, pollJob } from '../../../upstream/poll.js';
import { type LemlistApi, type LemlistObject, PAGE_SIZE } from '../api.js';
import { campaignSchema, exportSchema, listPage, message } from '../shapes.js';
import {
  campaignId,
  campaignLabel,
  email,
  offset,
  sortBy,
  sortOrder,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/** The most campaigns one call returns; pages of 100 are followed up to it. */
const MAX_CAMPAIGNS = 1000;

/** Settings update_campaign changes; each may be given or left as it is. */
const toggles = {
  stopOnEmailReplied: 'Stop the sequence for a lead who replies',
  stopOnMeetingBooked: 'Stop the sequence for a lead who books a meeting',
  stopOnLinkClicked: 'Stop the sequence for a lead who clicks a link',
  leadsPausedByInterest: 'Pause leads marked interested or not interested',
  opportunityReplied: 'Make a lead who replies an opportunity',
  opportunityClicked: 'Make a lead who clicks a link an opportunity',
  autoLeadInterest: 'Let lemlist set lead interest from replies',
  sequenceSharing: 'Share the sequence with the team',
  disableTrackOpen: 'Turn open tracking off',
  disableTrackClick: 'Turn click tracking off',
  disableTrackReply: 'Turn reply tracking off',
} as const;

const toggleFields = Object.fromEntries(
  Object.entries(toggles).map(([name, what]) => [name, z.boolean().optional().describe(what)]),
) as { [K in keyof typeof toggles]: z.ZodOptional<z.ZodBoolean> };

const exportId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the export id start_lemlist_campaign_export returned (axp_…)')
  .describe('Id of the export (axp_…), from start_lemlist_campaign_export');

const exportOutput = z.object({
  campaignId: z.string(),
  exportId: z.string(),
  status: z.string().describe('pending, done or error'),
  progress: z.number().optional(),
  total: z.number().optional(),
  csv_url: z.string().nullable().describe('Where the CSV is once the export is done'),
  export: exportSchema,
});

function exportResult(campaign: string, id: string, status: LemlistObject | undefined) {
  const s = status ?? {};
  return {
    campaignId: campaign,
    exportId: id,
    status: typeof s.status === 'string' ? s.status : 'unknown',
    ...(typeof s.progress === 'number' ? { progress: s.progress } : {}),
    ...(typeof s.total === 'number' ? { total: s.total } : {}),
    csv_url: typeof s.url === 'string' ? s.url : null,
    export: s,
  };
}

/** One look at an export for pollJob: done with its status, failed, or still going with its progress. */
async function lookAtExport(
  lemlist: LemlistApi,
  campaign: string,
  id: string,
): Promise<JobState<LemlistObject>> {
  const { status } = await lemlist.exportStatus(campaign, id);
  const s = status ?? {};
  if (s.status === 'done') return { state: 'done', value: s };
  if (s.status === 'error') return { state: 'failed', reason: 'lemlist reports an error for this export' };
  const progress = typeof s.progress === 'number' ? s.progress : undefined;
  const total = typeof s.total === 'number' && s.total > 0 ? s.total : undefined;
  return {
    state: 'running',
    ...(progress !== undefined ? { progress } : {}),
    ...(total !== undefined ? { total } : {}),
    message: `Export ${id} is ${String(s.status ?? 'pending')}`,
  };
}

export function campaignTools(lemlistTool: ToolMaker): ToolTable {
  return {
    get_all_campaigns: lemlistTool({
      description:
        "List the team's campaigns, newest first by default. Pages of 100 are followed up to `limit`; give " +
        '`page` to read one page of lemlist’s page numbering instead.',
      input: z.object({
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAX_CAMPAIGNS)
          .default(PAGE_SIZE)
          .describe(
            `How many campaigns to return (1-${MAX_CAMPAIGNS}, default ${PAGE_SIZE}; 100 at most with page)`,
          ),
        offset,
        page: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('Read only this page (of `limit` campaigns, at most 100)'),
        sortBy,
        sortOrder,
      }),
      output: z.object({
        campaigns: z.array(campaignSchema),
        ...listPage,
        next_offset: z.number().optional(),
        next_page: z.number().optional(),
      }),
      annotations: reads,
      async run({ limit, offset: start = 0, page, sortBy: by, sortOrder: order }, lemlist) {
        const sort = { ...(by ? { sortBy: by } : {}), ...(order ? { sortOrder: order } : {}) };
        if (page !== undefined) {
          if (limit > PAGE_SIZE)
            throw new ToolError(`Invalid arguments: limit: at most ${PAGE_SIZE} with page`);
          const campaigns = await lemlist.campaignsPage({ page, limit, ...sort });
          const more = campaigns.length >= limit;
          return {
            campaigns: campaigns as z.input<typeof campaignSchema>[],
            count: campaigns.length,
            has_more: more,
            ...(more ? { next_page: page + 1 } : {}),
          };
        }
        const campaigns: LemlistObject[] = [];
        let at = start;
        for (;;) {
          const want = Math.min(PAGE_SIZE, limit - campaigns.length);
          const batch = await lemlist.campaignsPage({ offset: at, limit: want, ...sort });
          campaigns.push(...batch.slice(0, want));
          at += batch.length;
          const more = batch.length >= want;
          if (!more || campaigns.length >= limit) {
            return {
              campaigns: campaigns as z.input<typeof campaignSchema>[],
              count: campaigns.length,
              has_more: more,
              ...(more ? { next_offset: at } : {}),
            };
          }
        }
      },
    }),

    get_campaign: lemlistTool({
      description: 'Get a campaign by id: name, status, sequence and schedule ids, senders and errors.',
      input: z.object({ campaignId }),
      output: campaignSchema,
      annotations: reads,
      run: ({ campaignId: id }, lemlist) => lemlist.campaign(id) as Promise<z.input<typeof campaignSchema>>,
    }),

    create_campaign: lemlistTool({
      description:
        'Create an empty campaign (lemlist gives it a sequence and a schedule). It contacts no one until ' +
        'leads are added. Not retried after a failure, since lemlist has no idempotency key: check ' +
        'get_all_campaigns before creating again.',
      input: z.object({
        name: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe('Name of the campaign (default: "New campaign" and the date)'),
      }),
      output: z.object({ campaign: campaignSchema, message }),
      annotations: adds,
      async run({ name }, lemlist) {
        const chosen = name ?? `New campaign ${new Date().toISOString().slice(0, 10)}`;
        const campaign = await lemlist.createCampaign({ name: chosen });
        const id = String(campaign._id);
        const schedules = Array.isArray(campaign.scheduleIds) ? campaign.scheduleIds.join(', ') : '';
        return {
          campaign: campaign as z.input<typeof campaignSchema>,
          message:
            `Created campaign ${campaignLabel(id, chosen)}` +
            `${campaign.sequenceId ? ` with sequence ${String(campaign.sequenceId)}` : ''}` +
            `${schedules ? ` and schedule ${schedules}` : ''}; it has no leads yet.`,
        };
      },
    }),

    update_campaign: lemlistTool({
      description:
        "Change a campaign's name or settings (what stops a lead's sequence, tracking, opportunities); those " +
        'not given keep their values.',
      input: z.object({
        campaignId,
        name: z.string().trim().min(1).max(200).optional().describe('New name'),
        ...toggleFields,
        stopOnLinkClickedFilter: z
          .string()
          .trim()
          .min(1)
          .nullable()
          .optional()
          .describe('Stop only when this link is clicked; null clears it'),
      }),
      output: z.object({
        campaignId: z.string(),
        updated: z.array(z.string()).describe('The settings sent'),
        settings: z
          .object({})
          .catchall(z.unknown())
          .describe("The campaign's settings as lemlist answered them"),
        message,
      }),
      annotations: writes(true, true),
      async run({ campaignId: id, ...fields }, lemlist) {
        const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        const updated = Object.keys(body);
        if (!updated.length) {
          throw new ToolError(
            'Invalid arguments: give at least one setting to change (name, stopOnEmailReplied, …)',
          );
        }
        const settings = await lemlist.updateCampaign(id, body);
        return {
          campaignId: id,
          updated,
          settings,
          message: `Updated ${updated.join(', ')} of campaign ${campaignLabel(id, settings.name)}.`,
        };
      },
    }),

    pause_lemlist_campaign: lemlistTool({
      description:
        'Pause a campaign: lemlist sends nothing more from it until it is started again. Pausing a paused ' +
        'campaign changes nothing.',
      input: z.object({ campaignId }),
      output: z.object({ campaignId: z.string(), state: z.string(), message }),
      annotations: sets,
      async run({ campaignId: id }, lemlist) {
        const answer = await lemlist.pauseCampaign(id);
        const state = typeof answer.state === 'string' ? answer.state : 'paused';
        return {
          campaignId: id,
          state,
          message: `Campaign ${id} is ${state}: lemlist sends nothing more from it until it is started again.`,
        };
      },
    }),

    start_lemlist_campaign_export: lemlistTool({
      description:
        "Start an export of a campaign's statistics as CSV (an asynchronous job). Returns the export id for " +
        'get_campaign_export_status and export_lemlist_campaign.',
      input: z.object({ campaignId }),
      output: exportOutput.extend({ message }),
      annotations: adds,
      async run({ campaignId: id }, lemlist) {
        const started = await lemlist.startExport(id);
        const exportIdValue = String(started.id ?? started._id ?? '');
        if (!exportIdValue) throw new ToolError(`lemlist started no export for campaign ${id}`);
        return {
          ...exportResult(id, exportIdValue, started),
          message: `Started export ${exportIdValue} of campaign ${campaignLabel(id, started.campaignName)}; follow it with get_campaign_export_status.`,
        };
      },
    }),

    get_campaign_export_status: lemlistTool({
      description:
        'Check a campaign export: pending, done (with csv_url, the CSV) or error. With wait_seconds, waits for ' +
        'it to finish, reporting progress.',
      input: z.object({
        campaignId,
        exportId,
        wait_seconds: z
          .number()
          .int()
          .min(0)
          .max(300)
          .optional()
          .describe('Wait up to this long for the export to finish (default 0: look once)'),
      }),
      output: exportOutput,
      annotations: reads,
      async run({ campaignId: id, exportId: xid, wait_seconds = 0 }, lemlist, ctx) {
        if (wait_seconds === 0) return exportResult(id, xid, (await lemlist.exportStatus(id, xid)).status);
        const done = await pollJob({
          what: `export ${xid} of campaign ${id}`,
          check: () => lookAtExport(lemlist, id, xid),
          signal: ctx.signal,
          progress: (p, total, m) => ctx.progress(p, total, m),
          later: `call get_campaign_export_status with exportId ${xid} again`,
          initialDelayMs: 1000,
          maxDelayMs: 10_000,
          deadlineMs: wait_seconds * 1000,
          sleep: (ms, signal) => lemlist.wait(ms, signal),
        });
        return exportResult(id, xid, done);
      },
    }),

    export_lemlist_campaign: lemlistTool({
      description:
        'Have lemlist email the download link of a campaign export to an address when the export is done ' +
        '(at once if it is). Sends an email to that address; not repeated after a failure.',
      input: z.object({
        campaignId,
        exportId,
        email: email('Address lemlist sends the download link to'),
      }),
      output: exportOutput.extend({ email: z.string(), message }),
      annotations: adds,
      async run({ campaignId: id, exportId: xid, email: to }, lemlist) {
        const { status } = await lemlist.exportEmail(id, xid, to);
        const result = exportResult(id, xid, status);
        return {
          ...result,
          email: to,
          message:
            result.status === 'done'
              ? `Export ${xid} of campaign ${id} is done: lemlist emails its download link to ${to}.`
              : `lemlist will email the download link of export ${xid} of campaign ${id} to ${to} when it is done.`,
        };
      },
    }),
  };
}
