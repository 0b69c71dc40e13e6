import { z } from 'zod';
import { adds, overwrites, reads, writes } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { TICKETS as TICKET_OBJECTS } from '../api.js';
import {
  deleted,
  deletedSchema,
  mergedSchema,
  recordListSchema,
  recordSchema,
  toRecord,
  toRecordList,
} from '../shapes.js';
import {
  after,
  changes,
  deletion,
  extraProperties,
  limit,
  propertiesOf,
  propertyNames,
  recordId,
  stringList,
  TICKETS,
  type ToolMaker,
  type ToolTable,
  text,
  uncertainCreate,
} from './common.js';
import { ASSOCIATION_TYPES, associationsOf, chosen } from './objects.js';

const DEFAULTS = 'subject, content, hs_pipeline, hs_pipeline_stage, hs_ticket_priority, hs_ticket_category';

/** The ticket properties guMCP named as arguments. */
const ticketFields = {
  content: text('Description of the ticket').optional(),
  hs_pipeline: text('Pipeline id (the default support pipeline is "0")').optional(),
  hs_pipeline_stage: text(
    'Stage id in the pipeline (HubSpot requires one; in the default pipeline "1" is New)',
  ).optional(),
  hs_ticket_priority: text('Priority: LOW, MEDIUM or HIGH (or a value the account added)').optional(),
  hs_ticket_category: text(
    'Category, e.g. PRODUCT_ISSUE, BILLING_ISSUE, FEATURE_REQUEST, GENERAL_INQUIRY',
  ).optional(),
  properties: extraProperties('ticket'),
};

const associations = stringList(
  'Object types whose associated record ids to include, e.g. ["contacts", "companies"]',
).optional();
const archived = z.boolean().optional().describe('Return archived (deleted) tickets instead (default false)');

export function ticketTools(hubspotTool: ToolMaker): ToolTable {
  return {
    list_tickets: hubspotTool({
      description: 'List tickets, with the ids of their associated records when `associations` names types.',
      input: z.object({
        limit: limit(10),
        after,
        properties: propertyNames(DEFAULTS),
        associations,
        archived,
      }),
      output: recordListSchema,
      annotations: reads,
      scopes: [TICKETS],
      async run(a, hubspot) {
        const options = {
          properties: chosen(TICKET_OBJECTS, a.properties),
          associations: a.associations,
          archived: a.archived,
        };
        return toRecordList(await hubspot.list(TICKET_OBJECTS, options, a.limit, a.after));
      },
    }),

    get_ticket: hubspotTool({
      description:
        'Get one ticket by id, with the ids of its associated records when `associations` names types.',
      input: z.object({
        ticket_id: recordId('ticket'),
        properties: propertyNames(DEFAULTS),
        associations,
        archived: z.boolean().optional().describe('Look among archived (deleted) tickets (default false)'),
      }),
      output: recordSchema,
      annotations: reads,
      scopes: [TICKETS],
      async run(a, hubspot) {
        const options = {
          properties: chosen(TICKET_OBJECTS, a.properties),
          associations: a.associations,
          archived: a.archived,
        };
        return toRecord(await hubspot.get(TICKET_OBJECTS, a.ticket_id, options));
      },
    }),

    create_ticket: hubspotTool({
      description:
        'Create a ticket, linked to a contact and a (primary) company when their ids are given, in one request. ' +
        'HubSpot requires hs_pipeline_stage. Not retried after a failure, since HubSpot has no idempotency key.',
      input: z.object({
        subject: z.string().trim().min(1).describe('Subject (the ticket name)'),
        ...ticketFields,
        contact_id: recordId('contact to link').optional(),
        company_id: recordId('company to link as primary').optional(),
      }),
      output: recordSchema,
      annotations: adds,
      scopes: [TICKETS],
      async run({ properties, contact_id, company_id, ...named }, hubspot) {
        const links = associationsOf([
          [contact_id, ASSOCIATION_TYPES.ticketToContact],
          [company_id, ASSOCIATION_TYPES.ticketToCompany],
        ]);
        const check = `Look for "${named.subject}" among the tickets (list_tickets) before creating it again.`;
        const values = propertiesOf(named, properties);
        return toRecord(
          await hubspot.create(TICKET_OBJECTS, values, links, uncertainCreate('ticket', check)),
        );
      },
    }),

    update_ticket: hubspotTool({
      description:
        'Change properties of a ticket (e.g. move it to another stage); those not given keep their values.',
      input: z.object({
        ticket_id: recordId('ticket'),
        subject: z.string().trim().min(1).optional().describe('Subject (the ticket name)'),
        ...ticketFields,
      }),
      output: recordSchema,
      annotations: overwrites,
      scopes: [TICKETS],
      async run({ ticket_id, properties, ...named }, hubspot) {
        return toRecord(await hubspot.update(TICKET_OBJECTS, ticket_id, changes(named, properties)));
      },
    }),

    delete_ticket: hubspotTool({
      description: 'Delete (archive) a ticket; HubSpot keeps it in the recycle bin for 90 days.',
      input: z.object({ ticket_id: recordId('ticket') }),
      output: deletedSchema,
      annotations: overwrites,
      scopes: [TICKETS],
      async run({ ticket_id }, hubspot) {
        const done = await hubspot.archive(TICKET_OBJECTS, ticket_id);
        return deleted(ticket_id, deletion('Ticket', ticket_id, done, 'was moved to the recycle bin'));
      },
    }),

    merge_tickets: hubspotTool({
      description:
        'Merge the secondary ticket into the primary one (HubSpot keeps the primary record; this cannot be undone).',
      input: z.object({
        primary_ticket_id: recordId('ticket to keep'),
        secondary_ticket_id: recordId('ticket merged into it'),
      }),
      output: mergedSchema,
      annotations: writes(true, false),
      scopes: [TICKETS],
      async run({ primary_ticket_id, secondary_ticket_id }, hubspot) {
        if (primary_ticket_id === secondary_ticket_id) {
          throw new ToolError('Invalid arguments: secondary_ticket_id: it is the primary ticket itself');
        }
        const merged = await hubspot.merge(TICKET_OBJECTS, primary_ticket_id, secondary_ticket_id);
        return { ...toRecord(merged), merged_id: secondary_ticket_id };
      },
    }),
  };
}
