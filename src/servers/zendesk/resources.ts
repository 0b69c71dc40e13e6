import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import { toTicket, toView } from './shapes.js';

/** Tickets a view resource holds when read: one page, Zendesk's largest. */
export const VIEW_TICKETS = 100;

const viewUri = (id: number | string) => `zendesk://view/${id}`;

/**
 * guMCP's zendesk://view/{id}: the views the user can see, listed a hundred to a resources/list page
 * with Zendesk's cursor (offset pages fail past 10,000 records); reading one gives the view and its
 * first hundred tickets.
 */
export function zendeskResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'zendesk://view/{view_id}',
      name: 'views',
      title: 'Zendesk views',
      description: 'A ticket view the user can see, with its first 100 tickets',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = await connect(ctx, 'read').viewsPage(cursor);
        const after = page.meta?.has_more ? page.meta.after_cursor : undefined;
        return {
          resources: (page.views ?? []).map((v) => ({
            uri: viewUri(v.id),
            name: v.title,
            ...(v.description ? { description: v.description } : {}),
            mimeType: JSON_MIME,
          })),
          ...(after ? { nextCursor: after } : {}),
        };
      },
      async read(uri, vars, ctx) {
        const id = vars.view_id ?? '';
        if (!/^\d+$/.test(id)) throw new ToolError(`Invalid view id in the resource URI: ${id}`);
        const zd = connect(ctx, 'read');
        const [{ view }, page] = await Promise.all([
          zd.getView(id),
          zd.viewTicketsPage(id, VIEW_TICKETS, undefined),
        ]);
        return jsonContents(uri, {
          view: toView(view),
          tickets: (page.tickets ?? []).map(toTicket),
          more_tickets: page.meta?.has_more ?? false,
        });
      },
    },
  ];
}
