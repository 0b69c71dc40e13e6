import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { COMPANIES } from '../api.js';
import { recordListSchema, recordSchema, toRecord } from '../shapes.js';
import {
  after,
  COMPANIES_READ,
  COMPANIES_WRITE,
  changes,
  extraProperties,
  limit,
  propertiesOf,
  propertyNames,
  recordId,
  type ToolMaker,
  type ToolTable,
  text,
  uncertainCreate,
} from './common.js';
import { listOrSearch, SEARCH_CAP_NOTE } from './objects.js';

/** The company properties guMCP named as arguments. */
const companyFields = {
  domain: text('Website domain, e.g. example.com').optional(),
  description: text('Description').optional(),
  industry: text('Industry (one of HubSpot’s values, e.g. COMPUTER_SOFTWARE)').optional(),
  city: text('City').optional(),
  state: text('State or region').optional(),
  country: text('Country').optional(),
  phone: text('Phone number').optional(),
  properties: extraProperties('company'),
};

export function companyTools(hubspotTool: ToolMaker): ToolTable {
  return {
    list_companies: hubspotTool({
      description:
        'List companies, or find them with `query` (a text search of name, domain and phone). ' +
        SEARCH_CAP_NOTE,
      input: z.object({
        query: z
          .string()
          .trim()
          .optional()
          .describe('Text to search for; without it, every company is listed'),
        limit: limit(10),
        properties: propertyNames('name, domain, description, industry, city, state, country, phone'),
        after,
      }),
      output: recordListSchema,
      annotations: reads,
      scopes: [COMPANIES_READ],
      run: (a, hubspot) => listOrSearch(hubspot, COMPANIES, a),
    }),

    create_company: hubspotTool({
      description:
        'Create a company. Not retried after a failure, since HubSpot has no idempotency key; HubSpot does not ' +
        'refuse a second company with the same name or domain.',
      input: z.object({ name: z.string().trim().min(1).describe('Company name'), ...companyFields }),
      output: recordSchema,
      annotations: adds,
      scopes: [COMPANIES_WRITE],
      async run({ properties, ...named }, hubspot) {
        const check = `Look for "${named.name}" (list_companies with query) before creating it again.`;
        const values = propertiesOf(named, properties);
        return toRecord(await hubspot.create(COMPANIES, values, [], uncertainCreate('company', check)));
      },
    }),

    update_company: hubspotTool({
      description: 'Change properties of a company; those not given keep their values.',
      input: z.object({
        company_id: recordId('company'),
        name: z.string().trim().min(1).optional().describe('Company name'),
        ...companyFields,
      }),
      output: recordSchema,
      annotations: overwrites,
      scopes: [COMPANIES_WRITE],
      async run({ company_id, properties, ...named }, hubspot) {
        return toRecord(await hubspot.update(COMPANIES, company_id, changes(named, properties)));
      },
    }),
  };
}
