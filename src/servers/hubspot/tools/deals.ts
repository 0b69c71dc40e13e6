import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { DEALS } from '../api.js';
import { recordListSchema, recordSchema, toRecord } from '../shapes.js';
import {
  after,
  changes,
  DEALS_READ,
  DEALS_WRITE,
  extraProperties,
  limit,
  number,
  propertiesOf,
  propertyNames,
  recordId,
  type ToolMaker,
  type ToolTable,
  text,
  uncertainCreate,
} from './common.js';
import { ASSOCIATION_TYPES, associationsOf, listOrSearch, SEARCH_CAP_NOTE } from './objects.js';

/** The deal properties guMCP named as arguments. */
const dealFields = {
  amount: number('Amount, in the deal’s currency').optional(),
  dealstage: text('Stage id, e.g. appointmentscheduled (stage ids are per pipeline)').optional(),
  pipeline: text('Pipeline id, e.g. default').optional(),
  closedate: text('Expected close date, e.g. 2025-06-30 or an ISO 8601 time').optional(),
  properties: extraProperties('deal'),
};

export function dealTools(hubspotTool: ToolMaker): ToolTable {
  return {
    list_deals: hubspotTool({
      description: `List deals, or find them with \`query\` (a text search of the deal name). ${SEARCH_CAP_NOTE}`,
      input: z.object({
        query: z.string().trim().optional().describe('Text to search for; without it, every deal is listed'),
        limit: limit(10),
        properties: propertyNames('dealname, amount, dealstage, closedate, pipeline'),
        after,
      }),
      output: recordListSchema,
      annotations: reads,
      scopes: [DEALS_READ],
      run: (a, hubspot) => listOrSearch(hubspot, DEALS, a),
    }),

    create_deal: hubspotTool({
      description:
        'Create a deal, linked to a contact and a (primary) company when their ids are given, in one request. ' +
        'Not retried after a failure, since HubSpot has no idempotency key.',
      input: z.object({
        dealname: z.string().trim().min(1).describe('Deal name'),
        ...dealFields,
        contact_id: recordId('contact to link').optional(),
        company_id: recordId('company to link as primary').optional(),
      }),
      output: recordSchema,
      annotations: adds,
      scopes: [DEALS_WRITE],
      async run({ properties, contact_id, company_id, ...named }, hubspot) {
        const associations = associationsOf([
          [contact_id, ASSOCIATION_TYPES.dealToContact],
          [company_id, ASSOCIATION_TYPES.dealToCompany],
        ]);
        const check = `Look for "${named.dealname}" (list_deals with query) before creating it again.`;
        const values = propertiesOf(named, properties);
        return toRecord(await hubspot.create(DEALS, values, associations, uncertainCreate('deal', check)));
      },
    }),

    update_deal: hubspotTool({
      description:
        'Change properties of a deal (e.g. move it to another stage); those not given keep their values.',
      input: z.object({
        deal_id: recordId('deal'),
        dealname: z.string().trim().min(1).optional().describe('Deal name'),
        ...dealFields,
      }),
      output: recordSchema,
      annotations: overwrites,
      scopes: [DEALS_WRITE],
      async run({ deal_id, properties, ...named }, hubspot) {
        return toRecord(await hubspot.update(DEALS, deal_id, changes(named, properties)));
      },
    }),
  };
}
