import { z } from 'zod';
import type { AtBase, AtField, AtRecord, AtTable, AtView, Batch } from './api.js';

/**
 * What the tools return: Airtable's records, bases and table schemas with the fields a caller acts on.
 * One schema and one mapper per kind of object.
 */

export const recordSchema = z.object({
  id: z.string(),
  createdTime: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()).describe('Cell values by field name (empty cells are absent)'),
});

export const toRecord = (r: AtRecord): z.input<typeof recordSchema> => ({
  id: r.id,
  createdTime: r.createdTime ?? null,
  fields: r.fields ?? {},
});

export const recordListSchema = z.object({
  count: z.number(),
  records: z.array(recordSchema),
  more: z.boolean().describe('Whether the table had more matching records than were returned'),
});

export const batchesSchema = z
  .array(z.object({ batch: z.number(), ids: z.array(z.string()) }))
  .describe('The requests of at most 10 records the write was sent in, with the ids each wrote');

export const toBatches = (batches: Batch[]) => batches.map((b) => ({ batch: b.batch, ids: b.ids }));

export const baseSchema = z.object({
  id: z.string(),
  name: z.string(),
  permissionLevel: z.string().nullable(),
});

export const toBase = (b: AtBase): z.input<typeof baseSchema> => ({
  id: b.id,
  name: b.name,
  permissionLevel: b.permissionLevel ?? null,
});

export const fieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  description: z.string().nullable(),
  options: z.record(z.string(), z.unknown()).nullable(),
});

export const toField = (f: AtField): z.input<typeof fieldSchema> => ({
  id: f.id,
  name: f.name,
  type: f.type ?? null,
  description: f.description ?? null,
  options: f.options ?? null,
});

const viewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  visibleFieldIds: z.array(z.string()).optional(),
});

const toView = (v: AtView): z.input<typeof viewSchema> => ({
  id: v.id,
  name: v.name,
  type: v.type,
  ...(v.visibleFieldIds ? { visibleFieldIds: v.visibleFieldIds } : {}),
});

export const tableSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  primaryFieldId: z.string(),
  fields: z.array(fieldSchema),
  views: z.array(viewSchema),
});

export const toTable = (t: AtTable): z.input<typeof tableSchema> => ({
  id: t.id,
  name: t.name,
  description: t.description ?? null,
  primaryFieldId: t.primaryFieldId,
  fields: (t.fields ?? []).map(toField),
  views: (t.views ?? []).map(toView),
});

export const tableSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  primaryFieldId: z.string(),
  fields: z.array(z.object({ id: z.string(), name: z.string(), type: z.string().nullable() })),
});

export const toTableSummary = (t: AtTable): z.input<typeof tableSummarySchema> => ({
  id: t.id,
  name: t.name,
  description: t.description ?? null,
  primaryFieldId: t.primaryFieldId,
  fields: (t.fields ?? []).map((f) => ({ id: f.id, name: f.name, type: f.type ?? null })),
});
