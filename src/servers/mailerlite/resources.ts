import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { Query } from '../../upstream/client.js';
import { type ApiFactory, type MailerLiteApi, PAGE_SIZE, paths, type Rec } from './api.js';
import type { Call } from './errors.js';
import { toCampaign, toForm, toGroup, toSubscriber, toWebhook } from './shapes.js';
import { FORM_TYPES } from './tools/forms.js';

/** Pages of groups read to find one by id (MailerLite has no endpoint for a single group). */
const GROUP_PAGES_SEARCHED = 10;
/** Subscribers shown when a group is read. */
const GROUP_MEMBERS_ON_READ = 25;

const uri = (kind: string, id: string) => `mailerlite://${kind}/${id}`;

/** The id in a resource URI: digits only, so it cannot step out of the URL path it is put in. */
function idOf(value: string | undefined, kind: string): string {
  const id = decodeURIComponent(value ?? '');
  if (!/^\d{1,20}$/.test(id)) throw new ToolError(`Invalid ${kind} id in the resource URI: ${value}`);
  return id;
}

/**
 * A listing over one or more lists of MailerLite (campaigns by status, forms by type), a page at a time.
 * The cursor is `<list>:<page>`, or the page alone when there is one list.
 */
async function listPage(
  api: MailerLiteApi,
  call: Call,
  lists: readonly { key: string; path: string; query: Query }[],
  cursor: string | undefined,
  toResource: (r: Rec) => Resource,
): Promise<{ resources: Resource[]; nextCursor?: string }> {
  const [key, pageText] = cursor?.includes(':') ? cursor.split(':') : [lists[0]?.key, cursor ?? '1'];
  const index = lists.findIndex((l) => l.key === key);
  const page = Number(pageText);
  const list = lists[index];
  if (!list || !Number.isInteger(page) || page < 1)
    throw new ToolError(`Invalid resource list cursor: ${cursor}`);
  const answer = await api.numberedList(call, list.path, list.query, PAGE_SIZE, page);
  const next = answer.next_page
    ? `${list.key}:${answer.next_page}`
    : lists[index + 1]
      ? `${lists[index + 1]?.key}:1`
      : undefined;
  return { resources: answer.items.map(toResource), ...(next ? { nextCursor: next } : {}) };
}

const resource = (kind: string, r: Rec, label: string): Resource => ({
  uri: uri(kind, r.id),
  name: label || `${kind} ${r.id}`,
  mimeType: JSON_MIME,
});

export function mailerliteResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'mailerlite://group/{group_id}',
      name: 'group',
      title: 'MailerLite groups',
      description: 'A subscriber group with its counts and its first active subscribers',
      mimeType: JSON_MIME,
      list: (ctx, cursor) =>
        listPage(
          connect(ctx),
          { subject: { what: 'Groups', id: 'of the account' }, doing: 'listing groups' },
          [{ key: 'groups', path: paths.groups, query: { sort: 'name' } }],
          cursor,
          (g) => resource('group', g, String(g.name ?? '')),
        ),
      async read(address, vars, ctx) {
        const id = idOf(vars.group_id, 'group');
        const api = connect(ctx);
        const call: Call = { subject: { what: 'Group', id }, doing: `reading group ${id}` };
        let group: Rec | undefined;
        for (let page = 1; page <= GROUP_PAGES_SEARCHED && !group; page++) {
          const list = await api.numberedList(call, paths.groups, { sort: 'name' }, PAGE_SIZE, page);
          group = list.items.find((g) => g.id === id);
          if (!list.next_page) break;
        }
        if (!group) throw new NotFoundError('Group', id);
        const members = await api.cursorList(
          call,
          paths.groupSubscribers(id),
          { 'filter[status]': 'active' },
          GROUP_MEMBERS_ON_READ,
        );
        return jsonContents(address, {
          resource: 'group',
          ...toGroup(group),
          subscribers: members.items.map(toSubscriber),
          more_subscribers: members.next_cursor !== null,
        });
      },
    },
    {
      uriTemplate: 'mailerlite://campaign/{campaign_id}',
      name: 'campaign',
      title: 'MailerLite campaigns',
      description: 'A campaign: status, schedule, audience, email and statistics',
      mimeType: JSON_MIME,
      list: (ctx, cursor) =>
        listPage(
          connect(ctx),
          { subject: { what: 'Campaigns', id: 'of the account' }, doing: 'listing campaigns' },
          ['draft', 'ready', 'sent'].map((status) => ({
            key: status,
            path: paths.campaigns,
            query: { 'filter[status]': status },
          })),
          cursor,
          (c) => resource('campaign', c, `${String(c.name ?? '')} (${String(c.status ?? '')})`),
        ),
      async read(address, vars, ctx) {
        const id = idOf(vars.campaign_id, 'campaign');
        const c = await connect(ctx).record(
          { subject: { what: 'Campaign', id }, doing: `reading campaign ${id}` },
          paths.campaign(id),
        );
        return jsonContents(address, { resource: 'campaign', ...toCampaign(c) });
      },
    },
    {
      uriTemplate: 'mailerlite://form/{form_id}',
      name: 'form',
      title: 'MailerLite forms',
      description: 'A sign-up form (popup, embedded or promotion) with its groups and conversions',
      mimeType: JSON_MIME,
      list: (ctx, cursor) =>
        listPage(
          connect(ctx),
          { subject: { what: 'Forms', id: 'of the account' }, doing: 'listing forms' },
          FORM_TYPES.map((type) => ({ key: type, path: paths.forms(type), query: { sort: 'name' } })),
          cursor,
          (f) => resource('form', f, `${String(f.name ?? '')} (${String(f.type ?? '')})`),
        ),
      async read(address, vars, ctx) {
        const id = idOf(vars.form_id, 'form');
        const f = await connect(ctx).record(
          { subject: { what: 'Form', id }, doing: `reading form ${id}` },
          paths.form(id),
        );
        return jsonContents(address, { resource: 'form', ...toForm(f) });
      },
    },
    {
      uriTemplate: 'mailerlite://webhook/{webhook_id}',
      name: 'webhook',
      title: 'MailerLite webhooks',
      description: 'A webhook: its events, URL and state (its signing secret left out)',
      mimeType: JSON_MIME,
      list: async (ctx, cursor) => {
        const page = cursor ? Number(cursor) : 1;
        if (!Number.isInteger(page) || page < 1)
          throw new ToolError(`Invalid resource list cursor: ${cursor}`);
        const list = await connect(ctx).numberedList(
          { subject: { what: 'Webhooks', id: 'of the account' }, doing: 'listing webhooks' },
          paths.webhooks,
          {},
          PAGE_SIZE,
          page,
          false,
        );
        return {
          resources: list.items.map((w) => resource('webhook', w, String(w.name ?? w.url ?? ''))),
          ...(list.next_page ? { nextCursor: String(list.next_page) } : {}),
        };
      },
      async read(address, vars, ctx) {
        const id = idOf(vars.webhook_id, 'webhook');
        const w = await connect(ctx).record(
          { subject: { what: 'Webhook', id }, doing: `reading webhook ${id}` },
          paths.webhook(id),
        );
        return jsonContents(address, { resource: 'webhook', ...toWebhook(w) });
      },
    },
  ];
}
