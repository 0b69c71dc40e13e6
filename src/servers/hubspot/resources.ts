import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, COMPANIES, CONTACTS, DEALS, type ObjectKind, PRODUCTS, TICKETS } from './api.js';
import { toEngagement, toRecord } from './shapes.js';
import {
  COMPANIES_READ,
  CONTACTS_READ,
  DEALS_READ,
  ECOMMERCE,
  LISTS_READ,
  TICKETS as TICKETS_SCOPE,
} from './tools/common.js';
import { defaultsOf } from './tools/objects.js';
import type { Properties } from './types.js';

/** Items of one type a resources/list page lists. */
export const RESOURCES_PER_PAGE = 50;
/** Members shown when a list is read. */
export const LIST_MEMBERS_ON_READ = 100;

const uri = (type: string, id: string) => `hubspot://${type}/${encodeURIComponent(id)}`;

/** The id in a resource URI: digits only, so it cannot step out of the URL path it is put in. */
function idOf(value: string | undefined, type: string): string {
  const id = decodeURIComponent(value ?? '');
  if (!/^\d+$/.test(id)) throw new ToolError(`Invalid ${type} id in the resource URI: ${value}`);
  return id;
}

interface RecordType {
  type: string;
  kind: ObjectKind;
  scope: string;
  title: string;
  /** The properties a listing asks for, and the name they make. */
  listed: readonly string[];
  name(p: Properties, id: string): string;
  /** Object types whose associated ids a read includes. */
  associations: readonly string[];
}

const RECORD_TYPES: readonly RecordType[] = [
  {
    type: 'contact',
    kind: CONTACTS,
    scope: CONTACTS_READ,
    title: 'HubSpot contacts',
    listed: ['firstname', 'lastname', 'email'],
    name: (p, id) => [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email || `Contact ${id}`,
    associations: ['companies', 'deals', 'tickets'],
  },
  {
    type: 'company',
    kind: COMPANIES,
    scope: COMPANIES_READ,
    title: 'HubSpot companies',
    listed: ['name', 'domain'],
    name: (p, id) => p.name || p.domain || `Company ${id}`,
    associations: ['contacts', 'deals', 'tickets'],
  },
  {
    type: 'deal',
    kind: DEALS,
    scope: DEALS_READ,
    title: 'HubSpot deals',
    listed: ['dealname'],
    name: (p, id) => p.dealname || `Deal ${id}`,
    associations: ['contacts', 'companies'],
  },
  {
    type: 'ticket',
    kind: TICKETS,
    scope: TICKETS_SCOPE,
    title: 'HubSpot tickets',
    listed: ['subject'],
    name: (p, id) => p.subject || `Ticket ${id}`,
    associations: ['contacts', 'companies'],
  },
  {
    type: 'product',
    kind: PRODUCTS,
    scope: ECOMMERCE,
    title: 'HubSpot products',
    listed: ['name'],
    name: (p, id) => p.name || `Product ${id}`,
    associations: [],
  },
];

function recordTemplate(t: RecordType, connect: ApiFactory): ResourceTemplateDef {
  return {
    uriTemplate: `hubspot://${t.type}/{item_id}`,
    name: t.type,
    title: t.title,
    description: `A HubSpot ${t.type} with its properties${t.associations.length ? ' and associated record ids' : ''}`,
    mimeType: JSON_MIME,
    async list(ctx, cursor) {
      const page = await connect(ctx, [t.scope]).list(
        t.kind,
        { properties: t.listed },
        RESOURCES_PER_PAGE,
        cursor,
      );
      const resources: Resource[] = page.items.map((r) => ({
        uri: uri(t.type, r.id),
        name: t.name(r.properties ?? {}, r.id),
        mimeType: JSON_MIME,
      }));
      return { resources, ...(page.next ? { nextCursor: page.next } : {}) };
    },
    async read(address, vars, ctx) {
      const id = idOf(vars.item_id, t.type);
      const record = await connect(ctx, [t.scope]).get(t.kind, id, {
        properties: defaultsOf(t.kind),
        associations: t.associations,
      });
      return jsonContents(address, { resource: t.type, ...toRecord(record) });
    },
  };
}

/** Contact lists (lists v3): listed by name; reading one gives its definition and first members. */
function listTemplate(connect: ApiFactory): ResourceTemplateDef {
  return {
    uriTemplate: 'hubspot://list/{item_id}',
    name: 'list',
    title: 'HubSpot lists',
    description: 'A HubSpot list (static or active) with its first members',
    mimeType: JSON_MIME,
    async list(ctx, cursor) {
      const offset = cursor === undefined ? 0 : Number(cursor);
      if (!Number.isInteger(offset) || offset < 0) throw new ToolError(`Invalid cursor: ${cursor}`);
      const page = await connect(ctx, [LISTS_READ]).searchLists(offset, RESOURCES_PER_PAGE);
      const resources: Resource[] = (page.lists ?? []).map((l) => ({
        uri: uri('list', String(l.listId)),
        name: l.name,
        description: `HubSpot ${l.processingType === 'MANUAL' ? 'static' : 'active'} list`,
        mimeType: JSON_MIME,
      }));
      return { resources, ...(page.hasMore ? { nextCursor: String(page.offset) } : {}) };
    },
    async read(address, vars, ctx) {
      const id = idOf(vars.item_id, 'list');
      const hubspot = connect(ctx, [LISTS_READ]);
      const list = await hubspot.getList(id);
      const members = await hubspot.listMembers(id, LIST_MEMBERS_ON_READ);
      return jsonContents(address, {
        resource: 'list',
        list,
        member_ids: members.items.map((m) => String(m.recordId)),
        more_members: members.next !== undefined,
      });
    },
  };
}

/** Engagements (legacy v1): listed oldest first; reading one gives it whole. */
function engagementTemplate(connect: ApiFactory): ResourceTemplateDef {
  return {
    uriTemplate: 'hubspot://engagement/{item_id}',
    name: 'engagement',
    title: 'HubSpot engagements',
    description: 'A HubSpot engagement (email, call, meeting, task or note) with its details',
    mimeType: JSON_MIME,
    async list(ctx, cursor) {
      const page = await connect(ctx, [CONTACTS_READ]).pagedEngagements(RESOURCES_PER_PAGE, cursor);
      const resources: Resource[] = page.items.map((v) => {
        const e = toEngagement(v);
        return {
          uri: uri('engagement', e.id),
          name: `${e.type ?? 'Engagement'} ${e.id}`,
          ...(e.bodyPreview ? { description: e.bodyPreview.slice(0, 200) } : {}),
          mimeType: JSON_MIME,
        };
      });
      return { resources, ...(page.next ? { nextCursor: page.next } : {}) };
    },
    async read(address, vars, ctx) {
      const id = idOf(vars.item_id, 'engagement');
      const engagement = await connect(ctx, [CONTACTS_READ]).getEngagement(id);
      return jsonContents(address, { resource: 'engagement', ...toEngagement(engagement) });
    },
  };
}

/** hubspot://{type}/{item_id} for each type guMCP's catalog lists. */
export function hubspotResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    ...RECORD_TYPES.map((t) => recordTemplate(t, connect)),
    listTemplate(connect),
    engagementTemplate(connect),
  ];
}
