import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, Entity } from './api.js';

/** Entities listed per page of resources/list. */
export const RESOURCE_PAGE = 100;

interface Kind {
  /** The URI's kind and the API's path segment. */
  kind: 'customer' | 'invoice' | 'account';
  entity: 'Customer' | 'Invoice' | 'Account';
  variable: string;
  name: (e: Entity) => string;
}

const KINDS: readonly Kind[] = [
  {
    kind: 'customer',
    entity: 'Customer',
    variable: 'customer_id',
    name: (e) => `Customer: ${String(e.DisplayName ?? e.Id)}`,
  },
  {
    kind: 'invoice',
    entity: 'Invoice',
    variable: 'invoice_id',
    name: (e) => `Invoice: ${String(e.DocNumber ?? e.Id)}`,
  },
  {
    kind: 'account',
    entity: 'Account',
    variable: 'account_id',
    name: (e) => `Account: ${String(e.Name ?? e.Id)}${e.AccountType ? ` (${String(e.AccountType)})` : ''}`,
  },
];

/**
 * quickbooks://customer/{customer_id}, quickbooks://invoice/{invoice_id} and
 * quickbooks://account/{account_id}: listed a page at a time (the cursor is the next STARTPOSITION),
 * read as the entity's JSON.
 */
export function quickbooksResources(connect: ApiFactory): ResourceDef[] {
  return KINDS.map((k) => ({
    uriTemplate: `quickbooks://${k.kind}/{${k.variable}}`,
    name: k.kind,
    title: `QuickBooks ${k.entity.toLowerCase()}s`,
    description: `A ${k.entity.toLowerCase()} of the connected QuickBooks company, as JSON`,
    mimeType: JSON_MIME,
    async list(ctx, cursor) {
      const start = cursor === undefined ? 1 : Number(cursor);
      if (!Number.isInteger(start) || start < 1)
        throw new ToolError(`Invalid cursor for ${k.kind} resources`);
      const page = await connect(ctx).query(k.entity, `SELECT * FROM ${k.entity}`, RESOURCE_PAGE, start);
      const resources: Resource[] = page.items.map((e) => ({
        uri: `quickbooks://${k.kind}/${String(e.Id)}`,
        name: k.name(e),
        mimeType: JSON_MIME,
      }));
      return { resources, ...(page.next !== undefined ? { nextCursor: String(page.next) } : {}) };
    },
    async read(uri, vars, ctx) {
      const id = decodeURIComponent(vars[k.variable] ?? '');
      if (!/^\d+$/.test(id))
        throw new ToolError(`Invalid resource URI ${uri}: the ${k.kind} id must be a number`);
      return jsonContents(uri, await connect(ctx).read(k.kind, k.entity, id));
    },
  }));
}
