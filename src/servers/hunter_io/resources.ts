import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import type { Lead } from './shapes.js';

/** Items of one kind a resources/list page lists. */
export const RESOURCES_PER_PAGE = 50;
/** Recipients a campaign's read includes. */
export const RECIPIENTS_ON_READ = 100;

/** The id in a resource URI: digits only, so it cannot step out of the URL path it is put in. */
function idOf(value: string | undefined, what: string): number {
  const text = decodeURIComponent(value ?? '');
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0) {
    throw new ToolError(`Invalid ${what} id in the resource URI: ${text.slice(0, 40)}`);
  }
  return Number(text);
}

/** The offset a resources/list cursor carries. */
function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,9}$/.test(cursor)) throw new ToolError('Invalid cursor');
  return Number(cursor);
}

const leadName = (l: Lead) => [l.first_name, l.last_name].filter(Boolean).join(' ') || l.email;

/** `hunter_io://lead/{lead_id}` and `hunter_io://campaign/{campaign_id}`, as guMCP named them. */
export function hunterResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'hunter_io://lead/{lead_id}',
      name: 'lead',
      title: 'Hunter leads',
      description: 'A lead saved in Hunter, with every field',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = await connect(ctx).leads({}, RESOURCES_PER_PAGE, offsetOf(cursor), {});
        const resources: Resource[] = page.items.map((l) => ({
          uri: `hunter_io://lead/${l.id}`,
          name: leadName(l),
          ...(l.company ? { description: `Lead at ${l.company}` } : {}),
          mimeType: JSON_MIME,
        }));
        return { resources, ...(page.next !== undefined ? { nextCursor: String(page.next) } : {}) };
      },
      async read(uri, vars, ctx) {
        const id = idOf(vars.lead_id, 'lead');
        const lead = await connect(ctx).lead(id);
        if (!lead) throw new NotFoundError('Lead', String(id));
        return jsonContents(uri, lead);
      },
    },
    {
      uriTemplate: 'hunter_io://campaign/{campaign_id}',
      name: 'campaign',
      title: 'Hunter campaigns',
      description: `A campaign (email sequence) with its first ${RECIPIENTS_ON_READ} recipients`,
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = await connect(ctx).campaigns({}, RESOURCES_PER_PAGE, offsetOf(cursor));
        const resources: Resource[] = page.items.map((c) => ({
          uri: `hunter_io://campaign/${c.id}`,
          name: c.name,
          description: `Campaign${c.started ? ', started' : ''}${c.archived ? ', archived' : ''}`,
          mimeType: JSON_MIME,
        }));
        return { resources, ...(page.next !== undefined ? { nextCursor: String(page.next) } : {}) };
      },
      async read(uri, vars, ctx) {
        const id = idOf(vars.campaign_id, 'campaign');
        const hunter = connect(ctx);
        const campaign = await hunter.campaign(id);
        if (!campaign) throw new NotFoundError('Campaign', String(id));
        const recipients = await hunter.recipients(id, RECIPIENTS_ON_READ, 0);
        return jsonContents(uri, {
          campaign,
          recipients: recipients.items,
          recipients_total: recipients.total ?? null,
          more_recipients: recipients.next !== undefined,
        });
      },
    },
  ];
}
