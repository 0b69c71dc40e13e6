import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { graphOrNotFound } from '../../providers/microsoft/graph.js';
import {
  client,
  collect,
  itemPath,
  type ListItem,
  listPath,
  type SharePointList,
  siteBase,
  siteName,
  withoutAnnotations,
} from './api.js';
import {
  graphObject,
  limit,
  list,
  listItem,
  odataFilter,
  odataOrderBy,
  requiredSiteArgs,
  siteArgs,
  summarizeList,
  summarizeListItem,
} from './schemas.js';

const READ = ['Sites.Read.All'];
const WRITE = ['Sites.ReadWrite.All'];

const listId = z.string().min(1).describe('The list’s id (a GUID) or its title');
const itemId = z.string().min(1).describe('The item’s id, as get_list_items returns it (e.g. "1")');
const fields = z
  .record(z.string(), z.unknown())
  .refine((f) => Object.keys(f).length > 0, 'give at least one field')
  .describe('Column values by internal column name, e.g. { "Title": "Q3 plan", "Status": "Open" }');

interface Column {
  name?: string;
  displayName?: string;
  hidden?: boolean;
  readOnly?: boolean;
}

export const listTools = {
  list_site_lists: tool({
    description: 'List the lists and document libraries of a SharePoint site.',
    input: z.object({ ...siteArgs, limit: limit('lists', 100, 1000) }),
    output: z.object({ count: z.number().int(), more: z.boolean(), lists: z.array(list) }),
    annotations: { title: 'List site lists', ...reads },
    scopes: READ,
    async handler({ limit, ...where }, ctx) {
      const base = await siteBase(ctx, where);
      const { items, more } = await graphOrNotFound(
        'Site',
        siteName(where),
        collect<SharePointList>(ctx, `${base}/lists`, {}, limit),
      );
      return { count: items.length, more, lists: items.map(summarizeList) };
    },
  }),

  get_list: tool({
    description: 'Get a SharePoint list by id or title, with its columns (the field names items use).',
    input: z.object({
      ...requiredSiteArgs,
      list_id: listId.optional(),
      list_title: z.string().min(1).optional().describe('The list’s title, when list_id is not given'),
    }),
    output: list.extend({
      columns: z
        .array(z.object({ name: z.string(), display_name: z.string().optional(), read_only: z.boolean() }))
        .describe('Visible columns: name is the key in an item’s fields'),
    }),
    annotations: { title: 'Get list', ...reads },
    scopes: READ,
    async handler({ list_id, list_title, ...where }, ctx) {
      const key = list_id ?? list_title;
      if (!key) throw new ToolError('Give list_id or list_title');
      const base = await siteBase(ctx, where);
      const found = await graphOrNotFound(
        'List',
        key,
        client(ctx).get<SharePointList & { columns?: Column[] }>(
          listPath(base, key),
          { $expand: 'columns' },
          ctx.signal,
        ),
      );
      const columns = (found.columns ?? [])
        .filter((c) => c.name && !c.hidden)
        .map((c) => ({ name: c.name ?? '', display_name: c.displayName, read_only: c.readOnly === true }));
      return { ...summarizeList(found), columns };
    },
  }),

  create_list: tool({
    description: 'Create a list in a SharePoint site (a generic list unless a template is named).',
    input: z.object({
      ...siteArgs,
      display_name: z.string().min(1).describe('The list’s title'),
      description: z.string().optional().describe('What the list is for'),
      template: z
        .string()
        .min(1)
        .default('genericList')
        .describe('List template, e.g. genericList (default), documentLibrary, tasks, events, contacts'),
    }),
    output: list,
    annotations: { title: 'Create list', ...adds },
    scopes: ['Sites.Manage.All'],
    async handler({ display_name, description, template, ...where }, ctx) {
      const base = await siteBase(ctx, where);
      const created = await graphOrNotFound(
        'Site',
        siteName(where),
        client(ctx).post<SharePointList>(
          `${base}/lists`,
          { displayName: display_name, ...(description ? { description } : {}), list: { template } },
          ctx.signal,
        ),
      );
      return summarizeList(created);
    },
  }),

  get_list_items: tool({
    description:
      'Get the items of a SharePoint list with their field values. filter and orderby are OData on fields, ' +
      "e.g. fields/Status eq 'Open' (SharePoint may refuse them on columns that are not indexed).",
    input: z.object({
      ...requiredSiteArgs,
      list_id: listId,
      top: limit('items', 100, 5000),
      filter: odataFilter,
      orderby: odataOrderBy,
    }),
    output: z.object({ count: z.number().int(), more: z.boolean(), items: z.array(listItem) }),
    annotations: { title: 'Get list items', ...reads },
    scopes: READ,
    async handler({ list_id, top, filter, orderby, ...where }, ctx) {
      const base = await siteBase(ctx, where);
      const { items, more } = await graphOrNotFound(
        'List',
        list_id,
        collect<ListItem>(
          ctx,
          `${listPath(base, list_id)}/items`,
          { $expand: 'fields', $filter: filter, $orderby: orderby },
          top,
        ),
      );
      return { count: items.length, more, items: items.map(summarizeListItem) };
    },
  }),

  get_list_item: tool({
    description: 'Get one item of a SharePoint list with its field values.',
    input: z.object({ ...requiredSiteArgs, list_id: listId, item_id: itemId }),
    output: listItem,
    annotations: { title: 'Get list item', ...reads },
    scopes: READ,
    async handler({ list_id, item_id, ...where }, ctx) {
      const base = await siteBase(ctx, where);
      const found = await graphOrNotFound(
        'List item',
        `${item_id} (list ${list_id})`,
        client(ctx).get<ListItem>(itemPath(base, list_id, item_id), { $expand: 'fields' }, ctx.signal),
      );
      return summarizeListItem(found);
    },
  }),

  create_list_item: tool({
    description: 'Add an item to a SharePoint list, with its field values (get_list shows the column names).',
    input: z.object({
      ...requiredSiteArgs,
      list_id: listId,
      fields,
      content_type: z
        .union([z.string().min(1), z.record(z.string(), z.unknown())])
        .optional()
        .describe('The item’s content type: its id, or { "id": … } / { "name": … }'),
    }),
    output: listItem,
    annotations: { title: 'Create list item', ...adds },
    scopes: WRITE,
    async handler({ list_id, fields, content_type, ...where }, ctx) {
      const base = await siteBase(ctx, where);
      const contentType = typeof content_type === 'string' ? { id: content_type } : content_type;
      const created = await graphOrNotFound(
        'List',
        list_id,
        client(ctx).post<ListItem>(
          `${listPath(base, list_id)}/items`,
          { fields, ...(contentType ? { contentType } : {}) },
          ctx.signal,
        ),
      );
      return summarizeListItem(created);
    },
  }),

  update_list_item: tool({
    description: 'Change field values of a SharePoint list item; fields not named stay as they are.',
    input: z.object({ ...requiredSiteArgs, list_id: listId, item_id: itemId, fields }),
    output: z.object({
      id: z.string(),
      fields: graphObject.describe('The item’s field values after the change'),
    }),
    annotations: { title: 'Update list item', ...overwrites },
    scopes: WRITE,
    async handler({ list_id, item_id, fields, ...where }, ctx) {
      const base = await siteBase(ctx, where);
      // Setting the same values again changes nothing more: safe to retry.
      const updated = await graphOrNotFound(
        'List item',
        `${item_id} (list ${list_id})`,
        client(ctx).request<Record<string, unknown>>(
          `${itemPath(base, list_id, item_id)}/fields`,
          { method: 'PATCH', body: fields, idempotent: true },
          ctx.signal,
        ),
      );
      return { id: item_id, fields: withoutAnnotations(updated) };
    },
  }),

  delete_list_item: tool({
    description: 'Delete an item from a SharePoint list (it goes to the site’s recycle bin).',
    input: z.object({ ...requiredSiteArgs, list_id: listId, item_id: itemId }),
    output: z.object({ deleted: z.boolean(), item_id: z.string(), list_id: z.string() }),
    annotations: { title: 'Delete list item', ...overwrites },
    scopes: WRITE,
    async handler({ list_id, item_id, ...where }, ctx) {
      const base = await siteBase(ctx, where);
      await graphOrNotFound(
        'List item',
        `${item_id} (list ${list_id})`,
        client(ctx).request(itemPath(base, list_id, item_id), { method: 'DELETE' }, ctx.signal),
      );
      return { deleted: true, item_id, list_id };
    },
  }),
};
