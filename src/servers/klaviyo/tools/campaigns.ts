import { z } from 'zod';
import { overwrites, reads, writes } from '../../../core/annotations.js';
import { NotFoundError, ToolError } from '../../../core/errors.js';
import { UpstreamError, unanswered } from '../../../upstream/client.js';
import type { KlaviyoApi, Resource } from '../api.js';
import {
  CAMPAIGNS_READ,
  CAMPAIGNS_WRITE,
  cursor,
  filter,
  flat,
  flatRelated,
  includeFields,
  klaviyoId,
  LISTS_READ,
  limit,
  listQuery,
  nextCursor,
  page,
  quote,
  related,
  resource,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/** Sending a campaign emails (or texts) everyone in its audiences: destructive, and never repeated on its own. */
const sends = writes(true, false);

/** Klaviyo's largest page of campaigns. */
const CAMPAIGN_PAGE = 100;

const THROTTLE_PERCENTAGES = [1, 2, 5, 10, 11, 13, 14, 17, 20, 25, 33, 50] as const;

const audienceIds = (describe: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a list or segment id'),
    )
    .describe(describe);

/**
 * The send strategy as Klaviyo's revision takes it, from guMCP's names: `smart_send_time` carries the day
 * (SmartSendTime) or the date and time (Static, Throttled) to send at.
 */
function sendStrategy(args: {
  send_strategy?: 'Immediate' | 'Static' | 'Throttled' | 'SmartSendTime' | undefined;
  smart_send_time?: string | undefined;
  throttle_percentage?: number | undefined;
}): Record<string, unknown> | undefined {
  const when = args.smart_send_time;
  switch (args.send_strategy) {
    case undefined:
      return undefined;
    case 'Immediate':
      return { method: 'immediate' };
    case 'SmartSendTime':
      if (!when || !/^\d{4}-\d{2}-\d{2}$/.test(when)) {
        throw new ToolError(
          'Invalid arguments: smart_send_time: SmartSendTime needs the day to send, as YYYY-MM-DD',
        );
      }
      return { method: 'smart_send_time', date: when };
    case 'Static':
      if (!when || Number.isNaN(Date.parse(when)) || !when.includes('T')) {
        throw new ToolError(
          'Invalid arguments: smart_send_time: Static needs the date and time to send, e.g. 2026-12-01T10:00:00Z',
        );
      }
      return { method: 'static', datetime: when };
    case 'Throttled':
      if (!when || Number.isNaN(Date.parse(when)) || !when.includes('T')) {
        throw new ToolError(
          'Invalid arguments: smart_send_time: Throttled needs the date and time to start, e.g. 2026-12-01T10:00:00Z',
        );
      }
      if (args.throttle_percentage === undefined) {
        throw new ToolError(
          `Invalid arguments: throttle_percentage: Throttled needs the percentage of recipients per hour (${THROTTLE_PERCENTAGES.join(', ')})`,
        );
      }
      return { method: 'throttled', datetime: when, throttle_percentage: args.throttle_percentage };
  }
}

/** How a campaign is named in results: "May sale" (01HX…). */
const named = (c: Resource) => {
  const name = c.attributes?.name;
  return typeof name === 'string' && name ? `"${name}" (${c.id})` : c.id;
};

const channelOf = (m: Resource) => {
  const definition = m.attributes?.definition as { channel?: unknown } | undefined;
  const channel = definition?.channel ?? m.attributes?.channel;
  return typeof channel === 'string' ? channel : undefined;
};

/** The message changes update_campaign makes, or none. */
async function updateMessage(
  klaviyo: KlaviyoApi,
  campaignId: string,
  args: {
    subject_line?: string | undefined;
    message_content?: string | undefined;
    template_id?: string | undefined;
  },
): Promise<string[]> {
  const { subject_line, message_content, template_id } = args;
  if (subject_line === undefined && message_content === undefined && template_id === undefined) return [];
  const messages = await klaviyo.campaignMessages(campaignId);
  const [message] = messages;
  if (!message) throw new ToolError(`Campaign ${campaignId} has no message to update`);
  if (messages.length > 1) {
    throw new ToolError(
      `Campaign ${campaignId} has ${messages.length} messages (${messages.map((m) => m.id).join(', ')}); update them in Klaviyo`,
    );
  }
  const channel = channelOf(message) ?? 'email';
  const changed: string[] = [];
  if (subject_line !== undefined || message_content !== undefined) {
    if (channel === 'email' && message_content !== undefined) {
      throw new ToolError(
        'Invalid arguments: message_content: an email campaign’s body comes from its template; give template_id instead',
      );
    }
    if (channel !== 'email' && subject_line !== undefined) {
      throw new ToolError(`Invalid arguments: subject_line: a ${channel} campaign has no subject line`);
    }
    const content = channel === 'email' ? { subject: subject_line } : { body: message_content };
    await klaviyo.updateMessage(message.id, { channel, content });
    changed.push(channel === 'email' ? 'subject line' : 'message text');
  }
  if (template_id !== undefined) {
    await klaviyo.assignTemplate(message.id, template_id);
    changed.push(`template ${template_id}`);
  }
  return changed;
}

/** The audiences of a campaign, with the names of those that are lists (segments keep their ids). */
async function audienceNames(klaviyo: KlaviyoApi, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const quoted = ids.map((id) => quote(id, 'audience')).join(',');
  const found = await klaviyo.lists({ filter: `any(id,[${quoted}])`, 'fields[list]': 'name' }, ids.length);
  return new Map(
    found.items
      .filter((l) => typeof l.attributes?.name === 'string')
      .map((l) => [l.id, String(l.attributes?.name)]),
  );
}

const audienceOutput = z.array(z.object({ id: z.string(), name: z.string().optional() }));

export function campaignTools(klaviyoTool: ToolMaker): ToolTable {
  return {
    list_campaigns: klaviyoTool({
      description:
        'List Klaviyo campaigns of one channel (email, sms or mobile_push), optionally with a further filter ' +
        '(e.g. equals(status,"Draft")).',
      input: z.object({
        channel: z.enum(['email', 'sms', 'mobile_push']).describe('The channel of the campaigns'),
        additional_filter: filter(`equals(status,'Draft') or contains(name,'sale')`),
        include_fields: includeFields('campaign'),
        limit: limit('campaigns', CAMPAIGN_PAGE),
        cursor,
      }),
      output: z.object({ campaigns: z.array(resource), next_cursor: nextCursor }),
      annotations: reads,
      scopes: [CAMPAIGNS_READ],
      async run({ channel, additional_filter, ...args }, klaviyo) {
        const byChannel = `equals(messages.channel,'${channel}')`;
        const query = listQuery(
          'campaign',
          { ...args, filter: additional_filter ? `and(${byChannel},${additional_filter})` : byChannel },
          Math.min(args.limit, CAMPAIGN_PAGE),
        );
        return page('campaigns', await klaviyo.campaigns(query, args.limit));
      },
    }),

    get_campaign: klaviyoTool({
      description: 'Get a Klaviyo campaign by id, optionally with its messages and tags (include_related).',
      input: z.object({
        campaign_id: klaviyoId('campaign'),
        include_fields: includeFields('campaign'),
        include_related: z
          .array(z.enum(['campaign-messages', 'tags']))
          .min(1)
          .optional()
          .describe('Related resources to include: campaign-messages, tags'),
      }),
      output: z.object({ campaign: resource, included: z.array(related).optional() }),
      annotations: reads,
      scopes: [CAMPAIGNS_READ],
      async run({ campaign_id, include_fields, include_related }, klaviyo) {
        const doc = await klaviyo.campaign(campaign_id, {
          ...listQuery('campaign', { include_fields }),
          include: include_related?.join(','),
        });
        return {
          campaign: flat(doc.data),
          ...(doc.included?.length ? { included: doc.included.map(flatRelated) } : {}),
        };
      },
    }),

    update_campaign: klaviyoTool({
      description:
        'Update a draft Klaviyo campaign: name, audiences, send strategy and options, and its message (email subject ' +
        'line and template, or the text of an SMS or push message). Only what is given changes.',
      input: z.object({
        campaign_id: klaviyoId('campaign'),
        name: z.string().trim().min(1).max(255).optional().describe('The name of the campaign'),
        included_audiences: audienceIds(
          'Ids of the lists and segments to send to (replaces them)',
        ).optional(),
        excluded_audiences: audienceIds(
          'Ids of the lists and segments not to send to (replaces them)',
        ).optional(),
        send_strategy: z
          .enum(['Immediate', 'Static', 'Throttled', 'SmartSendTime'])
          .optional()
          .describe(
            'When to send: Immediate, Static (at smart_send_time), Throttled, or SmartSendTime (on a day)',
          ),
        smart_send_time: z
          .string()
          .trim()
          .optional()
          .describe(
            'The day to send on for SmartSendTime (YYYY-MM-DD), or the date and time for Static and Throttled (ISO 8601)',
          ),
        throttle_percentage: z
          .literal(THROTTLE_PERCENTAGES)
          .optional()
          .describe(`Throttled: the percentage of recipients per hour (${THROTTLE_PERCENTAGES.join(', ')})`),
        use_smart_sending: z
          .boolean()
          .optional()
          .describe('Skip people who got a message recently (smart sending)'),
        add_tracking_params: z.boolean().optional().describe('Add tracking parameters to links'),
        message_content: z
          .string()
          .min(1)
          .optional()
          .describe(
            'The text of an SMS or push campaign’s message (an email’s body comes from its template)',
          ),
        subject_line: z.string().min(1).max(255).optional().describe('The subject line of an email campaign'),
        template_id: klaviyoId('template').optional().describe('The id of the template to use for the email'),
      }),
      output: z.object({ campaign: resource, changed: z.array(z.string()), message: z.string() }),
      annotations: overwrites,
      scopes: [CAMPAIGNS_WRITE, CAMPAIGNS_READ],
      async run({ campaign_id, ...args }, klaviyo) {
        const strategy = sendStrategy(args);
        if (args.smart_send_time !== undefined && !strategy) {
          throw new ToolError(
            'Invalid arguments: smart_send_time needs send_strategy (SmartSendTime, Static or Throttled)',
          );
        }
        const audiences = {
          ...(args.included_audiences ? { included: args.included_audiences } : {}),
          ...(args.excluded_audiences ? { excluded: args.excluded_audiences } : {}),
        };
        const attributes: Record<string, unknown> = {
          ...(args.name !== undefined ? { name: args.name } : {}),
          ...(Object.keys(audiences).length ? { audiences } : {}),
          ...(args.use_smart_sending !== undefined
            ? { send_options: { use_smart_sending: args.use_smart_sending } }
            : {}),
          ...(args.add_tracking_params !== undefined
            ? { tracking_options: { add_tracking_params: args.add_tracking_params } }
            : {}),
          ...(strategy ? { send_strategy: strategy } : {}),
        };
        const wantsMessage = [args.subject_line, args.message_content, args.template_id].some(
          (v) => v !== undefined,
        );
        if (!Object.keys(attributes).length && !wantsMessage) {
          throw new ToolError('Invalid arguments: give at least one thing to change');
        }
        const changed = Object.keys(attributes).map((k) => k.replace(/_/g, ' '));
        let campaign = Object.keys(attributes).length
          ? (await klaviyo.updateCampaign(campaign_id, attributes)).data
          : undefined;
        changed.push(...(await updateMessage(klaviyo, campaign_id, args)));
        campaign ??= (await klaviyo.campaign(campaign_id)).data;
        return {
          campaign: flat(campaign),
          changed,
          message: `Updated the ${changed.join(', ')} of campaign ${named(campaign)}; nothing was sent.`,
        };
      },
    }),

    send_campaign: klaviyoTool({
      description:
        'Send a draft Klaviyo campaign to its audiences, now or as its send strategy schedules it. This emails (or ' +
        'texts) real people, once: it is never repeated on its own, a campaign that is not a draft is refused, and ' +
        'the result names the campaign, its audiences and the estimated recipients.',
      input: z.object({ campaign_id: klaviyoId('campaign') }),
      output: z.object({
        campaign_id: z.string(),
        name: z.string().optional(),
        job_status: z.string().describe('The send job’s status: queued, processing, complete or cancelled'),
        send_strategy: z.record(z.string(), z.unknown()).optional(),
        included_audiences: audienceOutput,
        excluded_audiences: audienceOutput,
        estimated_recipients: z.number().optional().describe('Klaviyo’s last estimate, when it has one'),
        message: z.string().describe('What was sent, and to whom'),
      }),
      annotations: sends,
      scopes: [CAMPAIGNS_WRITE, CAMPAIGNS_READ, LISTS_READ],
      async run({ campaign_id }, klaviyo) {
        const { data: campaign } = await klaviyo.campaign(campaign_id);
        const a = campaign.attributes ?? {};
        const status = typeof a.status === 'string' ? a.status : 'unknown';
        if (status !== 'Draft') {
          throw new ToolError(
            `Campaign ${named(campaign)} is ${status}, not a draft: nothing was sent. Only a draft can be sent` +
              `${/^(Sent|Sending|Scheduled|Preparing|Adding|Queued|Variations|Sending Segments)/.test(status) ? '; it was sent or queued before' : ''}.`,
          );
        }
        const audiences = (a.audiences ?? {}) as { included?: string[] | null; excluded?: string[] | null };
        const included = audiences.included ?? [];
        const excluded = audiences.excluded ?? [];
        if (!included.length)
          throw new ToolError(`Campaign ${named(campaign)} has no audience: nothing was sent.`);
        const names = await audienceNames(klaviyo, [...included, ...excluded]).catch(
          () => new Map<string, string>(),
        );
        const estimate = await klaviyo.recipientEstimate(campaign_id).catch(() => undefined);
        const strategy = (a.send_strategy ?? undefined) as Record<string, unknown> | undefined;

        let jobStatus: string;
        let lost = false;
        try {
          const job = await klaviyo.send(campaign_id);
          jobStatus = String(job.data?.attributes?.status ?? 'queued');
        } catch (error) {
          // No answer, a 5xx, or the caller cancelled while the request was out: it may have been queued.
          const cancelled = klaviyo.signal.aborted;
          const uncertain =
            cancelled || unanswered(error) || (error instanceof UpstreamError && error.status >= 500);
          if (!uncertain) throw error;
          if (cancelled) {
            throw new ToolError(
              `Cancelled while Klaviyo was queueing campaign ${named(campaign)}: it may have been queued; check it with get_campaign before sending again`,
            );
          }
          // Klaviyo has no idempotency key for sends: whether the job exists says whether it went through.
          const job = await klaviyo.sendJob(campaign_id);
          if (!job) {
            throw new ToolError(
              `Klaviyo did not confirm the send of campaign ${named(campaign)} and has no send job for it: nothing was ` +
                'queued, so send_campaign may be called again.',
            );
          }
          jobStatus = String(job.attributes?.status ?? 'queued');
          lost = true;
        }

        const list = (ids: readonly string[]) =>
          ids.map((id) => ({ id, ...(names.has(id) ? { name: names.get(id) } : {}) }));
        const say = (ids: readonly string[]) =>
          ids
            .map((id) => (names.has(id) ? `"${names.get(id)}" (${id})` : `segment or list ${id}`))
            .join(', ');
        const when =
          strategy?.method === 'static' || strategy?.method === 'throttled'
            ? ` at ${String(strategy.datetime)}${strategy.method === 'throttled' ? `, ${String(strategy.throttle_percentage)}% of recipients an hour` : ''}`
            : strategy?.method === 'smart_send_time'
              ? ` on ${String(strategy.date)} at each recipient’s best time`
              : ' now';
        const message =
          `${lost ? 'Klaviyo’s answer was lost, but its send job exists: ' : ''}Queued campaign ${named(campaign)} ` +
          `(send job ${jobStatus}) to send${when} to ${say(included)}` +
          `${excluded.length ? `, excluding ${say(excluded)}` : ''}` +
          `${estimate !== undefined ? `; about ${estimate} recipients by Klaviyo’s last estimate` : ''}. ` +
          'It is queued once: do not send it again; follow it with get_campaign.';
        return {
          campaign_id,
          ...(typeof a.name === 'string' ? { name: a.name } : {}),
          job_status: jobStatus,
          ...(strategy ? { send_strategy: strategy } : {}),
          included_audiences: list(included),
          excluded_audiences: list(excluded),
          ...(estimate !== undefined ? { estimated_recipients: estimate } : {}),
          message,
        };
      },
    }),

    delete_campaign: klaviyoTool({
      description: 'Delete a Klaviyo campaign (its name is given in the result).',
      input: z.object({ campaign_id: klaviyoId('campaign') }),
      output: z.object({
        campaign_id: z.string(),
        name: z.string().optional(),
        deleted: z.boolean(),
        message: z.string(),
      }),
      annotations: overwrites,
      scopes: [CAMPAIGNS_WRITE, CAMPAIGNS_READ],
      async run({ campaign_id }, klaviyo) {
        const { data: campaign } = await klaviyo.campaign(campaign_id);
        try {
          await klaviyo.deleteCampaign(campaign_id);
        } catch (error) {
          // A retried delete whose first attempt went through finds nothing: the campaign is gone either way.
          if (!(error instanceof NotFoundError)) throw error;
        }
        const name = campaign.attributes?.name;
        return {
          campaign_id,
          ...(typeof name === 'string' ? { name } : {}),
          deleted: true,
          message: `Deleted campaign ${named(campaign)}.`,
        };
      },
    }),
  };
}
