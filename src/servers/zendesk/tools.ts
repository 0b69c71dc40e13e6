import { z } from 'zod';
import { adds, reads, writes } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, pageOf, type TicketFields, type ZdTicket, type ZendeskApi } from './api.js';
import { addedComment, commentSchema, ticketSchema, toTicket } from './shapes.js';

/** Zendesk's search answers at most 1,000 results per query, in pages of at most 100. */
export const SEARCH_RESULT_CAP = 1000;

const ticketId = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'must be a ticket id (digits)')])
  .transform(Number)
  .describe('Id of the ticket (the number in #35436)');
const priority = z.enum(['urgent', 'high', 'normal', 'low']).describe('Priority');
const ticketType = z.enum(['problem', 'incident', 'question', 'task']).describe('Type of the ticket');
const tags = z.array(z.string().min(1)).describe('Tags; on an update they replace the ticket’s tags');

/** Drops undefined values, so that only the fields the caller gave are sent. */
const defined = (fields: TicketFields): TicketFields =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

/** A query for tickets: `type:ticket` is added unless the caller named a type. */
const ticketQuery = (query: string) => (/\btype:/i.test(query) ? query : `type:ticket ${query}`);

interface ZendeskToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output' | 'scopes'> {
  output: O;
  /** The OAuth scope the tool needs: `read` or `write`. */
  scope: 'read' | 'write';
  run(args: z.output<I>, zd: ZendeskApi): Promise<z.input<O>>;
}

export function zendeskTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const zendeskTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    scope,
    ...def
  }: ZendeskToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      scopes: [scope],
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, scope)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const updated = z.object({
    ticket: ticketSchema,
    comment: commentSchema.nullable().describe('The comment the call added, if any'),
  });

  return {
    search_tickets: zendeskTool({
      description:
        'Search tickets with Zendesk search syntax (e.g. "status:open priority:urgent", "requester:jane@example.com", ' +
        '"created>2024-01-01 printer"). Follows pages up to limit; Zendesk answers at most 1,000 results per query.',
      input: z.object({
        query: z.string().trim().min(1).describe('Zendesk search query; type:ticket is added unless given'),
        sort_by: z
          .enum(['created_at', 'updated_at', 'priority', 'status', 'ticket_type'])
          .default('created_at')
          .describe('Field to sort by (default created_at)'),
        sort_order: z.enum(['asc', 'desc']).default('desc').describe('Sort order (default desc)'),
        per_page: z
          .number()
          .int()
          .min(1)
          .max(100)
          .default(10)
          .describe('Results per page, 1-100 (default 10)'),
        page: z.number().int().min(1).default(1).describe('Page to start from (default 1)'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(SEARCH_RESULT_CAP)
          .optional()
          .describe('Most tickets to return, following pages (default: one page of per_page)'),
      }),
      output: z.object({
        count: z.number().describe('How many tickets match in all (Zendesk returns at most 1,000)'),
        tickets: z.array(ticketSchema),
        next_page: z.number().nullable().describe('The page to ask for next, or null after the last'),
      }),
      annotations: reads,
      scope: 'read',
      async run({ query, sort_by, sort_order, per_page, page, limit = per_page }, zd) {
        const tickets: ZdTicket[] = [];
        let count = 0;
        let next: number | null = page;
        while (next !== null && tickets.length < limit) {
          if ((next - 1) * per_page >= SEARCH_RESULT_CAP) {
            if (next === page) {
              throw new ToolError(
                `page: Zendesk's search returns at most ${SEARCH_RESULT_CAP} results (page ${page} of ${per_page} starts past them); narrow the query, e.g. with created>YYYY-MM-DD`,
              );
            }
            next = null;
            break;
          }
          const got = await zd.searchPage(ticketQuery(query), next, per_page, { sort_by, sort_order });
          count = got.count ?? count;
          const results = (got.results ?? []).filter((r) => !r.result_type || r.result_type === 'ticket');
          tickets.push(...results.slice(0, limit - tickets.length));
          next = got.results?.length ? pageOf(got.next_page) : null;
        }
        return { count, tickets: tickets.map(toTicket), next_page: next };
      },
    }),

    create_ticket: zendeskTool({
      description:
        'Create a ticket with a subject and a first comment (its description), optionally with priority, type and tags.',
      input: z.object({
        subject: z.string().trim().min(1).describe('Subject of the ticket'),
        comment: z.string().trim().min(1).describe('The first comment: the description of the problem'),
        priority: priority.optional(),
        type: ticketType.optional(),
        tags: tags.optional(),
      }),
      output: ticketSchema,
      annotations: adds,
      scope: 'write',
      async run({ subject, comment, ...fields }, zd) {
        const { ticket } = await zd.createTicket(defined({ subject, comment: { body: comment }, ...fields }));
        return toTicket(ticket);
      },
    }),

    update_ticket: zendeskTool({
      description:
        'Change the given fields of a ticket (subject, status, priority, assignee, tags) and optionally add a public comment; the other fields stay.',
      input: z.object({
        ticket_id: ticketId,
        subject: z.string().trim().min(1).optional().describe('New subject'),
        comment: z.string().trim().min(1).optional().describe('A public comment to add'),
        status: z
          .enum(['new', 'open', 'pending', 'hold', 'solved', 'closed'])
          .optional()
          .describe('New status'),
        priority: priority.optional(),
        assignee_id: z.number().int().positive().optional().describe('Id of the agent to assign'),
        tags: tags.optional(),
      }),
      output: updated,
      // Fields are overwritten; a comment is added anew on every call.
      annotations: writes(true, false),
      scope: 'write',
      async run({ ticket_id, comment, ...fields }, zd) {
        const body = defined({ ...fields, comment: comment === undefined ? undefined : { body: comment } });
        if (!Object.keys(body).length) {
          throw new ToolError('Give at least one of subject, comment, status, priority, assignee_id, tags.');
        }
        const { ticket, audit } = await zd.updateTicket(ticket_id, body);
        return { ticket: toTicket(ticket), comment: addedComment(audit) };
      },
    }),

    add_comment: zendeskTool({
      description:
        'Add a comment to a ticket: public (a reply the requester sees, the default) or an internal note.',
      input: z.object({
        ticket_id: ticketId,
        comment: z.string().trim().min(1).describe('Text of the comment'),
        public: z
          .boolean()
          .default(true)
          .describe('true for a public reply (default), false for an internal note'),
      }),
      output: updated,
      annotations: adds,
      scope: 'write',
      async run({ ticket_id, comment, public: isPublic }, zd) {
        const { ticket, audit } = await zd.updateTicket(ticket_id, {
          comment: { body: comment, public: isPublic },
        });
        return { ticket: toTicket(ticket), comment: addedComment(audit) };
      },
    }),
  };
}
