import { z } from 'zod';
import type { Describe, SaveResult, SObject } from './types.js';

/** The org's API usage, shown when the last answer said it is near the limit. */
export const usageSchema = z
  .object({
    used: z.number(),
    limit: z.number(),
    percent: z.number(),
    warning: z.string(),
  })
  .describe("The org's API requests of the last 24 hours, shown when over 90% of its limit");

const record = z.record(z.string(), z.unknown());

export const recordsSchema = z.object({
  records: z
    .array(record)
    .describe('The records, with their fields by API name and `attributes` {type, url}'),
  count: z.number().describe('Records returned'),
  total_size: z.number().optional().describe('Records the query matched in all'),
  done: z.boolean().describe('Whether every record the query matched was returned'),
  next_records_url: z
    .string()
    .optional()
    .describe('When not done: pass it as next_records_url (with the same query) to continue'),
});

export const recordSchema = z.object({ record });

export const saveResultSchema = z.object({
  id: z.string().describe('Id of the new record'),
  success: z.boolean(),
  errors: z.array(z.unknown()),
});

export type SaveOutput = z.input<typeof saveResultSchema>;

/** A create's answer as tools return it; a create answered without an id is not a success. */
export function toSave(result: SaveResult): SaveOutput {
  return { id: String(result.id ?? ''), success: result.success === true, errors: result.errors ?? [] };
}

export const deletedSchema = z.object({
  id: z.string(),
  deleted: z.boolean(),
  status_code: z.number().optional().describe("Salesforce's answer (204) when it deleted the record now"),
  message: z.string(),
});

export const updatedSchema = z.object({
  id: z.string(),
  object_name: z.string(),
  updated: z.boolean(),
  status_code: z.number().describe("Salesforce's answer: 204 No Content"),
  fields: z.array(z.string()).describe('The fields set'),
});

export const describeSchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  label_plural: z.string().optional(),
  key_prefix: z.string().nullable().optional().describe('The first three characters of its record ids'),
  custom: z.boolean().optional(),
  createable: z.boolean().optional(),
  updateable: z.boolean().optional(),
  deletable: z.boolean().optional(),
  queryable: z.boolean().optional(),
  fields: z.array(
    z.object({
      name: z.string(),
      label: z.string().optional(),
      type: z.string().optional(),
      length: z.number().optional(),
      nillable: z.boolean().optional(),
      createable: z.boolean().optional(),
      updateable: z.boolean().optional(),
      reference_to: z.array(z.string()).optional(),
      relationship_name: z.string().optional(),
      picklist_values: z.array(z.string()).optional().describe('Active values of a picklist'),
    }),
  ),
  child_relationships: z.array(
    z.object({ child_object: z.string(), field: z.string(), relationship_name: z.string().optional() }),
  ),
  record_types: z.array(
    z.object({ name: z.string(), id: z.string().optional(), active: z.boolean().optional() }),
  ),
  full: record.optional().describe('The whole describe answer, when `full` was asked for'),
});

/** The parts of a describe a caller needs to query and write the object; `full` keeps the rest. */
export function toDescribe(d: Describe, full: boolean): z.input<typeof describeSchema> {
  return {
    name: d.name ?? '',
    label: d.label,
    label_plural: d.labelPlural,
    key_prefix: d.keyPrefix ?? null,
    custom: d.custom,
    createable: d.createable,
    updateable: d.updateable,
    deletable: d.deletable,
    queryable: d.queryable,
    fields: (d.fields ?? []).map((f) => ({
      name: f.name ?? '',
      label: f.label,
      type: f.type,
      ...(f.length ? { length: f.length } : {}),
      nillable: f.nillable,
      createable: f.createable,
      updateable: f.updateable,
      ...(f.referenceTo?.length ? { reference_to: f.referenceTo } : {}),
      ...(f.relationshipName ? { relationship_name: f.relationshipName } : {}),
      ...(f.picklistValues?.length
        ? { picklist_values: f.picklistValues.filter((p) => p.active !== false).map((p) => p.value ?? '') }
        : {}),
    })),
    child_relationships: (d.childRelationships ?? []).map((c) => ({
      child_object: c.childSObject ?? '',
      field: c.field ?? '',
      ...(c.relationshipName ? { relationship_name: c.relationshipName } : {}),
    })),
    record_types: (d.recordTypeInfos ?? []).map((r) => ({
      name: r.name ?? '',
      ...(r.recordTypeId ? { id: r.recordTypeId } : {}),
      ...(r.active !== undefined ? { active: r.active } : {}),
    })),
    ...(full ? { full: d as Record<string, unknown> } : {}),
  };
}

export const limitsSchema = z.object({
  limits: z
    .record(z.string(), z.unknown())
    .describe('Each limit by name, e.g. DailyApiRequests: {Max, Remaining}'),
});

/** Records of a query, with the listing's state. */
export function toRecords(
  records: SObject[],
  totalSize: number | undefined,
  next: string | undefined,
): z.input<typeof recordsSchema> {
  return {
    records,
    count: records.length,
    ...(totalSize !== undefined ? { total_size: totalSize } : {}),
    done: next === undefined,
    ...(next ? { next_records_url: next } : {}),
  };
}

export const convertedSchema = z.object({
  leadId: z.string(),
  accountId: z.string().nullable(),
  contactId: z.string().nullable(),
  opportunityId: z.string().nullable(),
  success: z.boolean(),
});

export const childrenCreatedSchema = z.object({
  parent_id: z.string(),
  child_object_name: z.string(),
  created: z.number(),
  results: z.array(saveResultSchema),
});

/** A file or note and its link to a record, which Salesforce makes in a second request. */
const linkParts = {
  link: saveResultSchema
    .optional()
    .describe('The ContentDocumentLink to the record, when record_id was given'),
  link_error: z
    .string()
    .optional()
    .describe('Why linking to the record failed: the file or note exists all the same'),
};

export const noteCreatedSchema = z.object({ note: saveResultSchema, ...linkParts });

export const fileCreatedSchema = z.object({
  file: saveResultSchema.describe('The ContentVersion'),
  content_document_id: z
    .string()
    .optional()
    .describe('The file (ContentDocument) id, for add_file_to_record'),
  ...linkParts,
});
