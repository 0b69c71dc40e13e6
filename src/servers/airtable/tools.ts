import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { AirtableApi, ApiFactory, FieldSpec, Fields } from './api.js';
import { searchableFields, searchFormula } from './formula.js';
import {
  baseSchema,
  batchesSchema,
  fieldSchema,
  recordListSchema,
  recordSchema,
  tableSchema,
  tableSummarySchema,
  toBase,
  toBatches,
  toField,
  toRecord,
  toTable,
  toTableSummary,
} from './shapes.js';

/** The most records or bases one call returns; also bounds the pages one call may fetch. */
export const MAX_LIMIT = 1000;

// Scopes, as guMCP's catalog assigns them to the tools.
const READ = 'data.records:read';
const WRITE = 'data.records:write';
const SCHEMA_READ = 'schema.bases:read';
const SCHEMA_WRITE = 'schema.bases:write';
/** Deleting a base is an enterprise-admin route with its own scope, not schema.bases:write. */
const MANAGE = 'workspacesAndBases:manage';

// Argument types shared by the tools.
const baseId = z
  .string()
  .regex(/^app[A-Za-z0-9]+$/, 'must be a base id (app...)')
  .describe('Id of the base, e.g. appLkNDICXNqxSDhG');
const tableId = z.string().min(1).describe('Id (tbl...) or name of the table');
const recordId = z.string().regex(/^rec[A-Za-z0-9]+$/, 'must be a record id (rec...)');
const fieldValues = z.record(z.string(), z.unknown()).describe('Cell values by field name or id');
const typecast = z
  .boolean()
  .optional()
  .describe('Let Airtable convert text values to the field types (e.g. create select options)');
const maxRecords = z
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(100)
  .describe(`Maximum number of records to return (1-${MAX_LIMIT}, default 100)`);
const fieldSpec = z.object({
  name: z.string().min(1).describe('Name of the field'),
  type: z.string().min(1).describe('Airtable field type, e.g. singleLineText, number, singleSelect'),
  description: z.string().optional().describe('Description of the field'),
  options: z.record(z.string(), z.unknown()).optional().describe('Options the field type takes'),
});

/** A record to create: `{ "fields": {...} }` as Airtable takes it, or the cell values alone. */
const newRecord = z
  .record(z.string(), z.unknown())
  .transform((r): { fields: Fields } => {
    const keys = Object.keys(r);
    const wrapped = keys.length === 1 && keys[0] === 'fields' && r.fields && typeof r.fields === 'object';
    return { fields: wrapped ? (r.fields as Fields) : r };
  })
  .describe('A record: {"fields": {...}} or the cell values by field name');

/** The primary field Airtable requires when a table is created without fields. */
const DEFAULT_FIELDS: FieldSpec[] = [{ name: 'Name', type: 'singleLineText' }];

/** An Airtable tool: like `tool`, but its handler gets a client bound to the tool's first scope. */
interface AirtableToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, at: AirtableApi): Promise<z.input<O>>;
}

export function airtableTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const airtableTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    ...def
  }: AirtableToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes[0])) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    // Records

    read_records: airtableTool({
      description: 'Read records of a table, optionally only those matching an Airtable formula.',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        max_records: maxRecords,
        filter_by_formula: z
          .string()
          .optional()
          .describe('Airtable formula a record must make true, e.g. {Status} = "Done"'),
      }),
      output: recordListSchema,
      annotations: reads,
      scopes: [READ],
      async run({ base_id, table_id, max_records, filter_by_formula }, at) {
        const { items, more } = await at.listRecords(base_id, table_id, filter_by_formula, max_records);
        return { count: items.length, records: items.map(toRecord), more };
      },
    }),

    search_records: airtableTool({
      description:
        'Find records of a table whose text fields contain a phrase (case-insensitive); reads the table schema to know which fields hold text.',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        search_query: z.string().min(1).describe('Text to look for'),
        max_records: maxRecords,
      }),
      output: recordListSchema.extend({
        searched_fields: z.array(z.string()).describe('The fields that were searched'),
      }),
      annotations: reads,
      scopes: [READ, SCHEMA_READ],
      async run({ base_id, table_id, search_query, max_records }, at) {
        const tables = await at.getTables(base_id);
        const table = tables.find((t) => t.id === table_id || t.name === table_id);
        if (!table) throw new NotFoundError('Table', `${table_id} in base ${base_id}`);
        const fields = searchableFields(table.fields);
        if (!fields.length) throw new ToolError(`Table ${table.name} has no text fields to search`);
        const formula = searchFormula(search_query, fields);
        const { items, more } = await at.listRecords(base_id, table.id, formula, max_records);
        return {
          searched_fields: fields.map((f) => f.name),
          count: items.length,
          records: items.map(toRecord),
          more,
        };
      },
    }),

    get_record: airtableTool({
      description: 'Get one record of a table by its id.',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        record_id: recordId.describe('Id of the record'),
      }),
      output: recordSchema,
      annotations: reads,
      scopes: [READ],
      async run({ base_id, table_id, record_id }, at) {
        return toRecord(await at.getRecord(base_id, table_id, record_id));
      },
    }),

    create_records: airtableTool({
      description:
        'Create records in a table. More than 10 are sent 10 to a request (Airtable’s limit); if a request fails, the error lists the records already created.',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        records: z.array(newRecord).min(1).max(MAX_LIMIT).describe('Records to create'),
        typecast,
      }),
      output: z.object({ count: z.number(), records: z.array(recordSchema), batches: batchesSchema }),
      annotations: adds,
      scopes: [WRITE],
      async run({ base_id, table_id, records, typecast }, at) {
        const { results, batches } = await at.createRecords(base_id, table_id, records, typecast);
        return { count: results.length, records: results.map(toRecord), batches: toBatches(batches) };
      },
    }),

    update_records: airtableTool({
      description:
        'Change fields of records (fields not named keep their values). More than 10 are sent 10 to a request; if a request fails, the error lists the records already updated.',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        records: z
          .array(z.object({ id: recordId.describe('Id of the record'), fields: fieldValues }))
          .min(1)
          .max(MAX_LIMIT)
          .describe('Records to update: {"id": "rec...", "fields": {...}}'),
        typecast,
      }),
      output: z.object({ count: z.number(), records: z.array(recordSchema), batches: batchesSchema }),
      annotations: overwrites,
      scopes: [WRITE],
      async run({ base_id, table_id, records, typecast }, at) {
        const { results, batches } = await at.updateRecords(base_id, table_id, records, typecast);
        return { count: results.length, records: results.map(toRecord), batches: toBatches(batches) };
      },
    }),

    delete_records: airtableTool({
      description:
        'Delete records by id. More than 10 are sent 10 to a request; if a request fails, the error lists the records already deleted.',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        record_ids: z
          .array(recordId)
          .min(1)
          .max(MAX_LIMIT)
          .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id')
          .describe('Ids of the records to delete'),
      }),
      output: z.object({ count: z.number(), deleted: z.array(z.string()), batches: batchesSchema }),
      annotations: overwrites,
      scopes: [WRITE],
      async run({ base_id, table_id, record_ids }, at) {
        const { results, batches } = await at.deleteRecords(base_id, table_id, record_ids);
        const deleted = results.filter((r) => r.deleted).map((r) => r.id);
        return { count: deleted.length, deleted, batches: toBatches(batches) };
      },
    }),

    // Bases and schema

    list_bases: airtableTool({
      description: 'List the bases the token can reach, with the user’s permission level on each.',
      input: z.object({}),
      output: z.object({ count: z.number(), bases: z.array(baseSchema), more: z.boolean() }),
      annotations: reads,
      scopes: [SCHEMA_READ],
      async run(_args, at) {
        const { items, more } = await at.listBases(MAX_LIMIT);
        return { count: items.length, bases: items.map(toBase), more };
      },
    }),

    list_tables: airtableTool({
      description: 'List the tables of a base with their fields (id, name, type).',
      input: z.object({ base_id: baseId }),
      output: z.object({ base_id: z.string(), count: z.number(), tables: z.array(tableSummarySchema) }),
      annotations: reads,
      scopes: [SCHEMA_READ],
      async run({ base_id }, at) {
        const tables = await at.getTables(base_id);
        return { base_id, count: tables.length, tables: tables.map(toTableSummary) };
      },
    }),

    base_schema: airtableTool({
      description: 'Get the full schema of a base: its tables, their fields with options, and views.',
      input: z.object({
        base_id: baseId,
        include: z
          .union([z.literal('visibleFieldIds'), z.array(z.literal('visibleFieldIds'))])
          .optional()
          .describe('"visibleFieldIds" to list the visible fields of grid views'),
      }),
      output: z.object({ base_id: z.string(), tables: z.array(tableSchema) }),
      annotations: reads,
      scopes: [SCHEMA_READ],
      async run({ base_id, include }, at) {
        const extra = include === undefined ? [] : Array.isArray(include) ? include : [include];
        return { base_id, tables: (await at.getTables(base_id, extra)).map(toTable) };
      },
    }),

    create_base: airtableTool({
      description: 'Create a base in a workspace with the given tables (each needs at least one field).',
      input: z.object({
        name: z.string().min(1).describe('Name of the base'),
        workspace_id: z
          .string()
          .regex(/^wsp[A-Za-z0-9]+$/, 'must be a workspace id (wsp...)')
          .describe('Id of the workspace'),
        tables: z
          .array(
            z.object({
              name: z.string().min(1).describe('Name of the table'),
              description: z.string().optional().describe('Description of the table'),
              fields: z.array(fieldSpec).min(1).describe('Fields; the first is the primary field'),
            }),
          )
          .min(1)
          .describe('Tables of the new base'),
      }),
      output: z.object({ id: z.string(), tables: z.array(tableSchema) }),
      annotations: adds,
      scopes: [SCHEMA_WRITE],
      async run({ name, workspace_id, tables }, at) {
        const created = await at.createBase({ name, workspaceId: workspace_id, tables });
        return { id: created.id, tables: (created.tables ?? []).map(toTable) };
      },
    }),

    delete_base: airtableTool({
      description:
        'Delete a base (it can be restored from the trash). Airtable allows this only to enterprise admins, with the workspacesAndBases:manage scope.',
      input: z.object({ base_id: baseId }),
      output: z.object({ id: z.string(), deleted: z.boolean() }),
      annotations: overwrites,
      scopes: [MANAGE],
      async run({ base_id }, at) {
        const res = await at.deleteBase(base_id);
        return { id: res.id, deleted: res.deleted };
      },
    }),

    create_table: airtableTool({
      description:
        'Create a table in a base. The first field is the primary field; without fields, a text field "Name" is created.',
      input: z.object({
        base_id: baseId,
        table_name: z.string().min(1).describe('Name of the table'),
        description: z.string().optional().describe('Description of the table'),
        fields: z.array(fieldSpec).optional().describe('Fields of the table'),
      }),
      output: tableSchema,
      annotations: adds,
      scopes: [SCHEMA_WRITE],
      async run({ base_id, table_name, description, fields }, at) {
        const body = { name: table_name, description, fields: fields?.length ? fields : DEFAULT_FIELDS };
        return toTable(await at.createTable(base_id, body));
      },
    }),

    update_table: airtableTool({
      description: 'Rename a table or change its description.',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        name: z.string().min(1).optional().describe('New name of the table'),
        description: z.string().optional().describe('New description of the table'),
      }),
      output: tableSchema,
      annotations: overwrites,
      scopes: [SCHEMA_WRITE],
      async run({ base_id, table_id, name, description }, at) {
        if (name === undefined && description === undefined) {
          throw new ToolError('Give name or description (or both) to change.');
        }
        return toTable(await at.updateTable(base_id, table_id, { name, description }));
      },
    }),

    create_field: airtableTool({
      description: 'Add a field (column) to a table.',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        field_name: z.string().min(1).describe('Name of the field'),
        field_type: z
          .string()
          .min(1)
          .describe('Airtable field type, e.g. singleLineText, number, singleSelect'),
        description: z.string().optional().describe('Description of the field'),
        options: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('Options the field type takes, e.g. {"choices": [{"name": "Done"}]} for singleSelect'),
      }),
      output: fieldSchema,
      annotations: adds,
      scopes: [SCHEMA_WRITE],
      async run({ base_id, table_id, field_name, field_type, description, options }, at) {
        const body = { name: field_name, type: field_type, description, options };
        return toField(await at.createField(base_id, table_id, body));
      },
    }),

    update_field: airtableTool({
      description:
        'Rename a field or change its description (Airtable’s API cannot change a field’s options).',
      input: z.object({
        base_id: baseId,
        table_id: tableId,
        field_id: z.string().min(1).describe('Id of the field (fld...)'),
        name: z.string().min(1).optional().describe('New name of the field'),
        description: z.string().optional().describe('New description of the field'),
        options: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('Not supported by Airtable’s API: given, the call fails without changing anything'),
      }),
      output: fieldSchema,
      annotations: overwrites,
      scopes: [SCHEMA_WRITE],
      async run({ base_id, table_id, field_id, name, description, options }, at) {
        if (options !== undefined) {
          throw new ToolError(
            'options: Airtable’s API can change only the name and description of a field; change its options in Airtable.',
          );
        }
        if (name === undefined && description === undefined) {
          throw new ToolError('Give name or description (or both) to change.');
        }
        return toField(await at.updateField(base_id, table_id, field_id, { name, description }));
      },
    }),
  };
}
