import { z } from 'zod';
import { adds, reads, writes } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import type { ApiFactory, AttioApi, Filter, ObjectSlug } from './api.js';
import { MAX_LIMIT } from './api.js';
import {
  entrySchema,
  listSchema,
  recordListSchema,
  recordSchema,
  toEntry,
  toList,
  toRecord,
} from './shapes.js';

/**
 * Attio's own scope names, per tool. They are not sent at login (Attio's authorize endpoint takes no
 * scope: the app's Scopes tab decides); a 403 names the first one, for the user to tick on the app.
 */
const RECORDS_READ = ['record_permission:read', 'object_configuration:read'] as const;
const RECORDS_WRITE = ['record_permission:read-write', 'object_configuration:read'] as const;
const LISTS_READ = ['list_configuration:read'] as const;
const ENTRIES_READ = ['list_entry:read', 'list_configuration:read'] as const;
const ENTRIES_WRITE = ['list_entry:read-write', 'list_configuration:read'] as const;

/** PATCH sets single values and prepends to multiselect ones, so repeating it may add values again. */
const updates = writes(true, false);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const recordId = (what: string) =>
  z.string().regex(UUID, 'must be a record id (a UUID)').describe(`Id of the ${what}`);
const attributes = z
  .record(z.string(), z.unknown())
  .describe(
    'Attribute values by slug, in Attio’s write format, e.g. {"description": "...", "categories": ["SaaS"]}',
  );
const limit = (what: string, fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(fallback)
    .describe(`Maximum number of ${what} to return (1-${MAX_LIMIT}, default ${fallback})`);

/** record_type as guMCP users write it (company, person, contact) or as Attio's object slug. */
const recordType = z
  .enum(['company', 'companies', 'person', 'people', 'contact', 'contacts'])
  .transform((t): ObjectSlug => (t.startsWith('compan') ? 'companies' : 'people'))
  .describe('Kind of record: company or person (contact)');

/** Companies whose name or a domain contains the query (Attio's $contains ignores case). */
const companyFilter = (q: string): Filter => ({
  $or: [{ name: { $contains: q } }, { domains: { domain: { $contains: q } } }],
});

/** People whose full name or an email address contains the query. */
const personFilter = (q: string): Filter => ({
  $or: [{ name: { full_name: { $contains: q } } }, { email_addresses: { email_address: { $contains: q } } }],
});

interface AttioToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, attio: AttioApi): Promise<z.input<O>>;
}

export function attioTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const attioTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: AttioToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes[0])) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const search = (object: ObjectSlug, filter: (q: string) => Filter, noun: string) =>
    attioTool({
      description: `Find ${noun} whose ${object === 'companies' ? 'name or domain' : 'name or email address'} contains the query (case-insensitive).`,
      input: z.object({ query: z.string().min(1).describe('Text to look for'), limit: limit(noun, 20) }),
      output: recordListSchema,
      annotations: reads,
      scopes: RECORDS_READ,
      async run({ query, limit }, attio) {
        const { items, more } = await attio.queryRecords(object, filter(query), limit);
        return { count: items.length, records: items.map(toRecord), more };
      },
    });

  const read = (object: ObjectSlug, noun: string) =>
    attioTool({
      description: `Get a ${noun} by its record id, with its attribute values.`,
      input: z.object({ id: recordId(noun) }),
      output: recordSchema,
      annotations: reads,
      scopes: RECORDS_READ,
      async run({ id }, attio) {
        return toRecord(await attio.getRecord(object, id));
      },
    });

  const update = (object: ObjectSlug, noun: string) =>
    attioTool({
      description: `Change attribute values of a ${noun}; multiselect values given are added to the existing ones.`,
      input: z.object({
        id: recordId(noun),
        attributes: attributes.refine((a) => Object.keys(a).length > 0, 'must name at least one attribute'),
      }),
      output: recordSchema,
      annotations: updates,
      scopes: RECORDS_WRITE,
      async run({ id, attributes }, attio) {
        return toRecord(await attio.updateRecord(object, id, attributes));
      },
    });

  return {
    search_companies: search('companies', companyFilter, 'companies'),
    read_company: read('companies', 'company'),
    create_company: attioTool({
      description: 'Create a company, with its domain and any other attributes.',
      input: z.object({
        name: z.string().min(1).describe('Name of the company'),
        domain: z.string().min(1).optional().describe('Web domain, e.g. acme.com'),
        attributes: attributes.optional(),
      }),
      output: recordSchema,
      annotations: adds,
      scopes: RECORDS_WRITE,
      async run({ name, domain, attributes }, attio) {
        const values = { ...attributes, name, ...(domain ? { domains: [domain] } : {}) };
        return toRecord(await attio.createRecord('companies', values));
      },
    }),
    update_company: update('companies', 'company'),

    search_contacts: search('people', personFilter, 'people'),
    read_contact: read('people', 'person'),
    create_contact: attioTool({
      description: 'Create a person with an email address, a name and a company, and any other attributes.',
      input: z.object({
        email: z.string().email('must be an email address').describe('Email address'),
        first_name: z.string().optional().describe('First name'),
        last_name: z.string().optional().describe('Last name'),
        company_id: recordId('company the person works for').optional(),
        attributes: attributes.optional(),
      }),
      output: recordSchema,
      annotations: adds,
      scopes: RECORDS_WRITE,
      async run({ email, first_name, last_name, company_id, attributes }, attio) {
        const named = first_name || last_name;
        const full = [first_name, last_name].filter(Boolean).join(' ');
        const values = {
          ...attributes,
          email_addresses: [email],
          // Attio's object syntax for a name needs all three parts.
          ...(named
            ? { name: [{ first_name: first_name ?? '', last_name: last_name ?? '', full_name: full }] }
            : {}),
          ...(company_id ? { company: [{ target_object: 'companies', target_record_id: company_id }] } : {}),
        };
        return toRecord(await attio.createRecord('people', values));
      },
    }),
    update_contact: update('people', 'person'),

    list_lists: attioTool({
      description: 'List the lists of the workspace the token can reach.',
      input: z.object({}),
      output: z.object({ count: z.number(), lists: z.array(listSchema) }),
      annotations: reads,
      scopes: LISTS_READ,
      async run(_args, attio) {
        const lists = await attio.listLists();
        return { count: lists.length, lists: lists.map(toList) };
      },
    }),

    read_list: attioTool({
      description: 'Get a list and its entries (the records on it, with the list’s own values).',
      input: z.object({
        list_id: z.string().min(1).describe('Id or slug of the list'),
        limit: limit('entries', 100),
      }),
      output: z.object({
        list: listSchema,
        count: z.number(),
        entries: z.array(entrySchema),
        more: z.boolean(),
      }),
      annotations: reads,
      scopes: ENTRIES_READ,
      async run({ list_id, limit }, attio) {
        const list = await attio.getList(list_id);
        const { items, more } = await attio.queryEntries(list_id, limit);
        return { list: toList(list), count: items.length, entries: items.map(toEntry), more };
      },
    }),

    add_to_list: attioTool({
      description:
        'Add a company or person to a list as a new entry (a record may be on a list more than once).',
      input: z.object({
        list_id: z.string().min(1).describe('Id or slug of the list'),
        record_id: recordId('record to add'),
        record_type: recordType,
      }),
      output: entrySchema,
      annotations: adds,
      scopes: ENTRIES_WRITE,
      async run({ list_id, record_id, record_type }, attio) {
        return toEntry(await attio.addEntry(list_id, record_id, record_type));
      },
    }),
  };
}
