import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { collectCursor, type IntercomApi } from './api.js';
import { type IntercomTool, icId, numericId, SCOPES } from './define.js';
import { partSchema, ticketSchema, ticketTypeSchema, toPart, toTicket, toTicketType } from './shapes.js';

/** The state categories every ticket type has. */
const STATE_CATEGORIES = ['submitted', 'in_progress', 'waiting_on_customer', 'resolved'] as const;
const SEARCH_PAGE = 150;

const ticketId = numericId('ticket').describe(
  'Intercom’s id of the ticket (the id field, not the number shown in the Inbox)',
);

/**
 * The state id for a state category of a ticket's type: every ticket type has its own states, found
 * in the type's `ticket_states`.
 */
async function stateIdFor(intercom: IntercomApi, ticket: string, category: string): Promise<string> {
  const current = await intercom.getTicket(ticket);
  const typeId = current.ticket_type?.id;
  const types = (await intercom.listTicketTypes()).data ?? [];
  const type = types.find((t) => t.id === typeId);
  const states = (type?.ticket_states?.data ?? []).filter((s) => !s.archived);
  const match = states.find((s) => s.category === category);
  if (!match) {
    const known = states.map((s) => `${s.id} (${s.category})`).join(', ') || 'none';
    throw new ToolError(
      `state: the ticket's type ${typeId ?? '(unknown)'} has no state in category ${category}; its states: ${known}.`,
    );
  }
  return match.id;
}

/** Tickets and their types. */
export function ticketTools(intercomTool: IntercomTool): Record<string, AnyToolDef> {
  return {
    list_tickets: intercomTool({
      description:
        'List tickets, newest matching first, optionally in one state (submitted, in_progress, ' +
        'waiting_on_customer, resolved). Up to limit; next_cursor (when not null) continues the list.',
      input: z.object({
        state: z
          .enum([...STATE_CATEGORIES, 'all'])
          .default('all')
          .describe('Only tickets in this state category (default all)'),
        tag_id: numericId('tag')
          .optional()
          .describe('Not supported: Intercom’s ticket search has no tag filter (kept for guMCP’s callers)'),
        limit: z.number().int().min(1).max(1000).default(20).describe('Most tickets to return (default 20)'),
        starting_after: z
          .string()
          .trim()
          .min(1)
          .max(2000)
          .optional()
          .describe('next_cursor of an earlier call'),
      }),
      output: z.object({
        state: z.string(),
        count: z.number().int(),
        total_count: z.number().int().nullable(),
        tickets: z.array(ticketSchema),
        next_cursor: z.string().nullable(),
      }),
      annotations: reads,
      scopes: SCOPES.ticketsRead,
      async run({ state, tag_id, limit, starting_after }, intercom) {
        if (tag_id) {
          throw new ToolError(
            'tag_id: Intercom’s ticket search cannot filter by tag (its fields are state, ticket_type_id, contact_ids, assignees, dates, …); leave tag_id out.',
          );
        }
        // The search needs a query: every ticket was created after the epoch.
        const query =
          state === 'all'
            ? { field: 'created_at', operator: '>', value: '0' }
            : { field: 'state', operator: '=', value: state };
        let total: number | null = null;
        const { items, next } = await collectCursor(limit, starting_after, async (cursor) => {
          const page = await intercom.searchTickets({
            query,
            pagination: {
              per_page: Math.min(SEARCH_PAGE, limit),
              ...(cursor ? { starting_after: cursor } : {}),
            },
          });
          total ??= page.total_count ?? null;
          return { items: page.tickets ?? [], pages: page.pages };
        });
        return {
          state,
          count: items.length,
          total_count: total,
          tickets: items.map(toTicket),
          next_cursor: next,
        };
      },
    }),

    get_ticket: intercomTool({
      description:
        'Get a ticket: title, description, state, type, contacts, assignees, attributes and its parts.',
      input: z.object({ ticket_id: ticketId }),
      output: ticketSchema.extend({ parts: z.array(partSchema) }),
      annotations: reads,
      scopes: SCOPES.ticketsRead,
      async run({ ticket_id }, intercom) {
        const ticket = await intercom.getTicket(ticket_id);
        return { ...toTicket(ticket), parts: (ticket.ticket_parts?.ticket_parts ?? []).map(toPart) };
      },
    }),

    create_ticket: intercomTool({
      description:
        'Create a ticket of a type (see list_ticket_types) for a contact, with a title and description. Each ' +
        'call creates another ticket.',
      input: z.object({
        contact_id: icId('contact').describe('The contact the ticket is for (Intercom’s id)'),
        ticket_type_id: numericId('ticket type').describe('The ticket type (see list_ticket_types)'),
        title: z.string().trim().min(1).max(255).describe('Title of the ticket'),
        description: z.string().trim().min(1).describe('Description of the ticket'),
        company_id: icId('company').optional().describe('The company the ticket is about (Intercom’s id)'),
      }),
      output: ticketSchema,
      annotations: adds,
      scopes: SCOPES.ticketsWrite,
      async run({ contact_id, ticket_type_id, title, description, company_id }, intercom) {
        const body = {
          ticket_type_id,
          contacts: [{ id: contact_id }],
          ticket_attributes: { _default_title_: title, _default_description_: description },
          ...(company_id ? { company_id } : {}),
        };
        const ids = { Contact: contact_id, Company: company_id ?? '' };
        return toTicket(
          await intercom.createTicket(body, ids, {
            ticket_type_id: 'ticket_type_id',
            contacts: 'contact_id',
            company_id: 'company_id',
          }),
        );
      },
    }),

    update_ticket: intercomTool({
      description:
        'Change a ticket: title, description, state (a category, or a ticket state id), assign it to an admin, ' +
        'or share it with the contact. Fields left out stay as they are.',
      input: z.object({
        ticket_id: ticketId,
        title: z.string().trim().min(1).max(255).optional().describe('New title'),
        description: z.string().trim().min(1).optional().describe('New description'),
        state: z
          .union([
            z.enum(STATE_CATEGORIES),
            z.string().regex(/^\d{1,20}$/, 'must be a state category or a ticket state id'),
          ])
          .optional()
          .describe(
            'submitted, in_progress, waiting_on_customer, resolved, or a ticket state id of the ticket’s type',
          ),
        admin_id: numericId('admin').optional().describe('Assign the ticket to this admin (see list_admins)'),
        is_shared: z.boolean().optional().describe('Whether the contact can see the ticket'),
      }),
      output: ticketSchema,
      annotations: overwrites,
      scopes: SCOPES.ticketsWrite,
      async run({ ticket_id, title, description, state, admin_id, is_shared }, intercom) {
        const attributes = {
          ...(title ? { _default_title_: title } : {}),
          ...(description ? { _default_description_: description } : {}),
        };
        const stateId =
          state === undefined
            ? undefined
            : /^\d+$/.test(state)
              ? state
              : await stateIdFor(intercom, ticket_id, state);
        const body = {
          ...(Object.keys(attributes).length ? { ticket_attributes: attributes } : {}),
          ...(stateId ? { ticket_state_id: stateId } : {}),
          ...(admin_id ? { assignee_id: admin_id } : {}),
          ...(is_shared === undefined ? {} : { is_shared }),
        };
        if (Object.keys(body).length === 0) {
          throw new ToolError(
            'Give at least one of title, description, state, admin_id, is_shared to change.',
          );
        }
        return toTicket(
          await intercom.updateTicket(
            ticket_id,
            body,
            { Admin: admin_id ?? '' },
            {
              ticket_state_id: 'state',
              assignee_id: 'admin_id',
              is_shared: 'is_shared',
              ticket_attributes: 'title',
            },
          ),
        );
      },
    }),

    add_comment_to_ticket: intercomTool({
      description:
        'Add a note (internal, default) or a comment (seen by the contact) to a ticket, as an admin. Each call ' +
        'adds another.',
      input: z.object({
        ticket_id: ticketId,
        comment: z.string().trim().min(1).max(65_000).describe('The text (notes take some HTML)'),
        admin_id: numericId('admin').describe('The admin writing it (see list_admins)'),
        message_type: z
          .enum(['note', 'comment'])
          .default('note')
          .describe('note (internal, default) or comment (seen by the contact)'),
      }),
      output: z.object({ ticket_id: z.string(), part: partSchema }),
      annotations: adds,
      scopes: SCOPES.ticketsWrite,
      async run({ ticket_id, comment, admin_id, message_type }, intercom) {
        const reply = await intercom.replyToTicket(
          ticket_id,
          { message_type, type: 'admin', admin_id, body: comment },
          { Admin: admin_id },
          { admin_id: 'admin_id', body: 'comment', message_type: 'message_type' },
        );
        return { ticket_id, part: toPart(reply) };
      },
    }),

    list_ticket_types: intercomTool({
      description: 'List the ticket types of the workspace, with their states and attributes.',
      input: z.object({}),
      output: z.object({ count: z.number().int(), ticket_types: z.array(ticketTypeSchema) }),
      annotations: reads,
      scopes: SCOPES.ticketsRead,
      async run(_args, intercom) {
        const types = ((await intercom.listTicketTypes()).data ?? []).map(toTicketType);
        return { count: types.length, ticket_types: types };
      },
    }),
  };
}
