import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { QUERY_BATCH } from '../api.js';
import {
  deletedSchema,
  describeSchema,
  limitsSchema,
  recordSchema,
  recordsSchema,
  saveResultSchema,
  toDescribe,
  toRecords,
  toSave,
  updatedSchema,
} from '../shapes.js';
import {
  createdToday,
  fieldData,
  fieldList,
  limit,
  objectName,
  READ,
  requireCreated,
  sfId,
  type ToolMaker,
  type ToolTable,
  uncertainCreate,
  WRITE,
} from './common.js';

/** The most records one soql_query returns; more pages than this need next_records_url. */
const MAX_QUERY = 10_000;

/** Queries, searches and the generic record tools. */
export function dataTools(salesforceTool: ToolMaker): ToolTable {
  return {
    soql_query: salesforceTool({
      description:
        "Run a SOQL query, e.g. SELECT Id, Name FROM Account WHERE Industry = 'Technology'. Pages are followed up to " +
        '`limit`; past it, `next_records_url` continues.',
      input: z.object({
        query: z
          .string()
          .trim()
          .min(1)
          .describe("The SOQL query, e.g. SELECT Id, Name FROM Account WHERE Industry = 'Technology'"),
        limit: limit(QUERY_BATCH, MAX_QUERY),
        next_records_url: z
          .string()
          .trim()
          .optional()
          .describe('The next_records_url of an earlier result, to continue its listing'),
      }),
      output: recordsSchema,
      annotations: reads,
      scopes: READ,
      async run({ query, limit: max, next_records_url }, salesforce) {
        const { records, totalSize, next } = await salesforce.query(query, max, next_records_url);
        return toRecords(records, totalSize, next);
      },
    }),

    sosl_search: salesforceTool({
      description:
        'Search text across objects with SOSL, e.g. FIND {Cloud} IN ALL FIELDS RETURNING Account(Id, Name), Opportunity.',
      input: z.object({
        search: z
          .string()
          .trim()
          .min(1)
          .describe('The SOSL search, e.g. FIND {Cloud} IN ALL FIELDS RETURNING Account, Opportunity'),
      }),
      output: recordsSchema,
      annotations: reads,
      scopes: READ,
      async run({ search }, salesforce) {
        return toRecords(await salesforce.search(search), undefined, undefined);
      },
    }),

    describe_object: salesforceTool({
      description:
        "An object's metadata: its fields (type, whether required, picklist values, references), child relationships and record types.",
      input: z.object({
        object_name: objectName,
        full: z.boolean().default(false).describe("Also return Salesforce's whole describe answer (large)"),
      }),
      output: describeSchema,
      annotations: reads,
      scopes: READ,
      async run({ object_name, full }, salesforce) {
        return toDescribe(await salesforce.describe(object_name), full);
      },
    }),

    get_record: salesforceTool({
      description: 'Read a record by id, with every field you may see or only those named.',
      input: z.object({
        object_name: objectName,
        record_id: sfId('record'),
        fields: fieldList('Fields to return (default: every field you may see)').optional(),
      }),
      output: recordSchema,
      annotations: reads,
      scopes: READ,
      async run({ object_name, record_id, fields }, salesforce) {
        return { record: await salesforce.getRecord(object_name, record_id, fields) };
      },
    }),

    create_record: salesforceTool({
      description:
        'Create a record. Not retried after a failure (Salesforce has no idempotency key); the error then says how to check.',
      input: z.object({ object_name: objectName, data: fieldData('Field values of the new record') }),
      output: saveResultSchema,
      annotations: adds,
      scopes: WRITE,
      async run({ object_name, data }, salesforce) {
        const check = await createdToday(salesforce, object_name);
        const result = await salesforce.create(
          object_name,
          data,
          uncertainCreate(`${object_name} record`, check),
        );
        return toSave(requireCreated(`${object_name} record`, result));
      },
    }),

    update_record: salesforceTool({
      description: 'Set fields of a record; fields not given keep their values.',
      input: z.object({
        object_name: objectName,
        record_id: sfId('record'),
        data: fieldData('Field values to set'),
      }),
      output: updatedSchema,
      annotations: overwrites,
      scopes: WRITE,
      async run({ object_name, record_id, data }, salesforce) {
        await salesforce.update(object_name, record_id, data);
        return { id: record_id, object_name, updated: true, status_code: 204, fields: Object.keys(data) };
      },
    }),

    delete_record: salesforceTool({
      description: 'Delete a record (it goes to the recycle bin, where an admin can restore it for 15 days).',
      input: z.object({ object_name: objectName, record_id: sfId('record') }),
      output: deletedSchema,
      annotations: overwrites,
      scopes: WRITE,
      async run({ object_name, record_id }, salesforce) {
        const done = await salesforce.delete(object_name, record_id);
        return done === 'deleted'
          ? {
              id: record_id,
              deleted: true,
              status_code: 204,
              message: `${object_name} ${record_id} deleted.`,
            }
          : {
              id: record_id,
              deleted: false,
              message: `${object_name} ${record_id} is not in Salesforce: it was already deleted, or the id is wrong.`,
            };
      },
    }),

    get_org_limits: salesforceTool({
      description:
        "The org's limits and what is left of each (API requests, storage, emails, ...), or one of them.",
      input: z.object({
        limit_type: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe("One limit by name, e.g. 'DailyApiRequests' or 'DataStorageMB' (default: all)"),
      }),
      output: limitsSchema,
      annotations: reads,
      scopes: READ,
      async run({ limit_type }, salesforce) {
        const limits = await salesforce.limits();
        if (!limit_type) return { limits };
        if (!(limit_type in limits)) {
          const names = Object.keys(limits).sort();
          throw new ToolError(
            `Invalid arguments: limit_type: the org has no limit "${limit_type}"; it has ${names.slice(0, 40).join(', ')}` +
              (names.length > 40 ? ` and ${names.length - 40} more` : ''),
          );
        }
        return { limits: { [limit_type]: limits[limit_type] } };
      },
    }),
  };
}
