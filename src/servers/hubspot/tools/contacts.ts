import { z } from 'zod';
import { adds, overwrites, reads, writes } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { CONTACTS } from '../api.js';
import {
  deleted,
  deletedSchema,
  mergedSchema,
  recordListSchema,
  recordSchema,
  toRecord,
  toRecordList,
} from '../shapes.js';
import type { SearchFilter } from '../types.js';
import {
  after,
  CONTACTS_READ,
  CONTACTS_WRITE,
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
import { chosen, listOrSearch, SEARCH_CAP_NOTE } from './objects.js';

/** The contact properties guMCP named as arguments. */
const contactFields = {
  firstname: text('First name').optional(),
  lastname: text('Last name').optional(),
  phone: text('Phone number').optional(),
  company: text('Company name (a text property; it does not link a company record)').optional(),
  website: text('Website URL').optional(),
  jobtitle: text('Job title').optional(),
  address: text('Street address').optional(),
  city: text('City').optional(),
  state: text('State or region').optional(),
  zip: text('Postal code').optional(),
  country: text('Country').optional(),
  properties: extraProperties('contact'),
};

const email = z.email('must be an email address').describe('Email address (unique among contacts)');

/** HubSpot's search operators. */
const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;

/** One search filter from guMCP's three arguments: IN takes a comma-separated list, BETWEEN "low,high". */
function filterOf(propertyName: string, operator: (typeof OPERATORS)[number], value: string): SearchFilter {
  const parts = value.split(',').map((s) => s.trim());
  switch (operator) {
    case 'HAS_PROPERTY':
    case 'NOT_HAS_PROPERTY':
      return { propertyName, operator };
    case 'IN':
    case 'NOT_IN':
      return { propertyName, operator, values: parts.filter(Boolean) };
    case 'BETWEEN': {
      const [low, high] = parts;
      if (parts.length !== 2 || !low || !high) {
        throw new ToolError('Invalid arguments: filter_value: BETWEEN takes "low,high", e.g. "10,20"');
      }
      return { propertyName, operator, value: low, highValue: high };
    }
    default:
      return { propertyName, operator, value };
  }
}

export function contactTools(hubspotTool: ToolMaker): ToolTable {
  return {
    list_contacts: hubspotTool({
      description:
        'List contacts, or find them with `query` (a text search of name, email, phone and company). ' +
        SEARCH_CAP_NOTE,
      input: z.object({
        query: z
          .string()
          .trim()
          .optional()
          .describe('Text to search for; without it, every contact is listed'),
        limit: limit(10),
        properties: propertyNames('email, firstname, lastname, phone, company, jobtitle, lifecyclestage'),
        after,
      }),
      output: recordListSchema,
      annotations: reads,
      scopes: [CONTACTS_READ],
      run: (a, hubspot) => listOrSearch(hubspot, CONTACTS, a),
    }),

    search_contacts: hubspotTool({
      description:
        'Find contacts whose property matches a filter, e.g. email EQ a@b.co, or createdate GT 2024-01-01. ' +
        SEARCH_CAP_NOTE,
      input: z.object({
        filter_property: z.string().trim().min(1).describe('Internal name of the property, e.g. email'),
        filter_operator: z
          .string()
          .trim()
          .transform((s) => s.toUpperCase())
          .pipe(z.enum(OPERATORS))
          .describe(`One of ${OPERATORS.join(', ')}`),
        filter_value: z
          .string()
          .describe('Value to compare with; "a,b,c" for IN and NOT_IN, "low,high" for BETWEEN'),
        limit: limit(10),
        properties: propertyNames('email, firstname, lastname, phone, company, jobtitle, lifecyclestage'),
        after,
      }),
      output: recordListSchema,
      annotations: reads,
      scopes: [CONTACTS_READ],
      async run(a, hubspot) {
        const body = {
          filterGroups: [{ filters: [filterOf(a.filter_property, a.filter_operator, a.filter_value)] }],
          sorts: [],
          properties: [...chosen(CONTACTS, a.properties)],
        };
        return toRecordList(await hubspot.search(CONTACTS, body, a.limit, a.after));
      },
    }),

    create_contact: hubspotTool({
      description:
        'Create a contact. HubSpot refuses an email that another contact has (409, naming it). Not retried ' +
        'after a failure, since HubSpot has no idempotency key.',
      input: z.object({ email, ...contactFields }),
      output: recordSchema,
      annotations: adds,
      scopes: [CONTACTS_WRITE],
      async run({ properties, ...named }, hubspot) {
        const check =
          `A contact's email is unique: search for ${named.email} (search_contacts, filter_property "email", ` +
          'filter_operator "EQ") before creating it again.';
        const values = propertiesOf(named, properties);
        return toRecord(await hubspot.create(CONTACTS, values, [], uncertainCreate('contact', check)));
      },
    }),

    update_contact: hubspotTool({
      description: 'Change properties of a contact; those not given keep their values.',
      input: z.object({
        contact_id: recordId('contact'),
        email: email.optional(),
        ...contactFields,
      }),
      output: recordSchema,
      annotations: overwrites,
      scopes: [CONTACTS_WRITE],
      async run({ contact_id, properties, ...named }, hubspot) {
        return toRecord(await hubspot.update(CONTACTS, contact_id, changes(named, properties)));
      },
    }),

    merge_contacts: hubspotTool({
      description:
        'Merge the secondary contact into the primary one (HubSpot keeps the primary record; this cannot be undone).',
      input: z.object({
        primary_contact_id: recordId('contact to keep'),
        secondary_contact_id: recordId('contact merged into it'),
      }),
      output: mergedSchema,
      annotations: writes(true, false),
      scopes: [CONTACTS_WRITE],
      async run({ primary_contact_id, secondary_contact_id }, hubspot) {
        if (primary_contact_id === secondary_contact_id) {
          throw new ToolError('Invalid arguments: secondary_contact_id: it is the primary contact itself');
        }
        const merged = await hubspot.merge(CONTACTS, primary_contact_id, secondary_contact_id);
        return { ...toRecord(merged), merged_id: secondary_contact_id };
      },
    }),

    gdpr_delete_contact: hubspotTool({
      description:
        'Permanently delete a contact and its content, as GDPR requires (it cannot be restored), by contact_id or email.',
      input: z.object({
        contact_id: recordId('contact').optional(),
        email: email.optional().describe('Email of the contact, instead of contact_id'),
      }),
      output: deletedSchema,
      annotations: overwrites,
      scopes: [CONTACTS_WRITE],
      async run({ contact_id, email: address }, hubspot) {
        if (contact_id && address) {
          throw new ToolError(
            'Invalid arguments: give contact_id or email, not both (a permanent delete takes one contact)',
          );
        }
        if (contact_id) await hubspot.gdprDelete(contact_id);
        else if (address) await hubspot.gdprDelete(address, 'email');
        else throw new ToolError('Invalid arguments: give contact_id or email');
        const id = contact_id ?? address ?? '';
        return deleted(id, `Contact ${id} was permanently deleted (GDPR).`);
      },
    }),
  };
}
