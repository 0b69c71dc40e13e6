import { z } from 'zod';
import type { Paged } from './api.js';
import type { CrmObject, Disposition, V1Engagement } from './types.js';

/**
 * What the tools return: HubSpot's records and engagements with the fields a caller acts on. One
 * schema and one mapper per kind of object.
 */

const historySchema = z.object({
  value: z.string().nullable(),
  timestamp: z.string(),
  sourceType: z.string().optional(),
});

export const recordSchema = z.object({
  id: z.string(),
  properties: z
    .record(z.string(), z.string().nullable())
    .describe('Property values by internal name, as HubSpot stores them (strings; null when empty)'),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  archived: z.boolean(),
  associations: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe('Ids of associated records, by object type'),
  propertiesWithHistory: z
    .record(z.string(), z.array(historySchema))
    .optional()
    .describe('Earlier values of the properties asked for, newest first'),
});

export type RecordOut = z.input<typeof recordSchema>;

export function toRecord(o: CrmObject): RecordOut {
  const associations = o.associations
    ? Object.fromEntries(
        Object.entries(o.associations).map(([type, list]) => [
          type,
          [...new Set((list.results ?? []).map((r) => String(r.id)))],
        ]),
      )
    : undefined;
  const history = o.propertiesWithHistory
    ? Object.fromEntries(
        Object.entries(o.propertiesWithHistory).map(([name, values]) => [
          name,
          values.map((v) => ({
            value: v.value ?? null,
            timestamp: v.timestamp,
            ...(v.sourceType ? { sourceType: v.sourceType } : {}),
          })),
        ]),
      )
    : undefined;
  return {
    id: String(o.id),
    properties: o.properties ?? {},
    createdAt: o.createdAt ?? null,
    updatedAt: o.updatedAt ?? null,
    archived: o.archived ?? false,
    ...(associations ? { associations } : {}),
    ...(history ? { propertiesWithHistory: history } : {}),
  };
}

export const recordListSchema = z.object({
  count: z.number(),
  results: z.array(recordSchema),
  next_after: z
    .string()
    .nullable()
    .describe('Where the next page starts: pass it as `after` to continue; null when there is no more'),
  total: z.number().nullable().describe('How many records match in all (searches only)'),
  note: z.string().optional().describe('Why the results stop short, when they do'),
});

/** A page of records as list and search tools return it. */
export function toRecordList(
  page: Paged<CrmObject> & { total?: number; capped?: boolean },
): z.input<typeof recordListSchema> {
  return {
    count: page.items.length,
    results: page.items.map(toRecord),
    next_after: page.next ?? null,
    total: page.total ?? null,
    ...(page.capped
      ? {
          note:
            "HubSpot's search returns at most 10,000 results of a query" +
            (page.total !== undefined ? ` (this one matches ${page.total})` : '') +
            '; narrow the query or filters to reach the rest.',
        }
      : {}),
  };
}

export const deletedSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  message: z.string(),
});

/** What a delete returns. */
export const deleted = (id: string, message: string): z.input<typeof deletedSchema> => ({
  id,
  deleted: true,
  message,
});

export const mergedSchema = recordSchema.extend({
  merged_id: z.string().describe('The record merged into this one (it no longer exists on its own)'),
});

// Engagements (legacy v1)

export const engagementSchema = z.object({
  id: z.string(),
  type: z.string().nullable().describe('EMAIL, CALL, MEETING, TASK, NOTE, …'),
  active: z.boolean().nullable(),
  timestamp: z.number().nullable().describe('When it happened, in ms since the epoch'),
  createdAt: z.number().nullable(),
  lastUpdated: z.number().nullable(),
  ownerId: z.string().nullable(),
  bodyPreview: z.string().nullable(),
  associations: z
    .record(z.string(), z.array(z.string()))
    .describe('Associated record ids: contactIds, companyIds, dealIds, ticketIds, …'),
  metadata: z.record(z.string(), z.unknown()).describe('The details of its type (body, subject, status, …)'),
});

export function toEngagement(v: V1Engagement): z.input<typeof engagementSchema> {
  const e = v.engagement;
  const num = (x: unknown) => (typeof x === 'number' ? x : null);
  return {
    id: String(e.id),
    type: typeof e.type === 'string' ? e.type : null,
    active: typeof e.active === 'boolean' ? e.active : null,
    timestamp: num(e.timestamp),
    createdAt: num(e.createdAt),
    lastUpdated: num(e.lastUpdated),
    ownerId: e.ownerId === undefined || e.ownerId === null ? null : String(e.ownerId),
    bodyPreview: typeof e.bodyPreview === 'string' ? e.bodyPreview : null,
    associations: Object.fromEntries(
      Object.entries(v.associations ?? {})
        .filter(([, ids]) => Array.isArray(ids))
        .map(([key, ids]) => [key, ids.map(String)]),
    ),
    metadata: v.metadata ?? {},
  };
}

export const engagementPageSchema = z.object({
  count: z.number(),
  engagements: z.array(engagementSchema),
  has_more: z.boolean(),
  offset: z
    .string()
    .nullable()
    .describe('Where the next page starts: pass it as `offset` to continue; null when there is no more'),
});

// Activities of a contact (CRM v3 objects)

export const activitySchema = z.object({
  id: z.string(),
  type: z.string().describe('EMAIL, CALL, MEETING, NOTE or TASK'),
  timestamp: z.string().nullable().describe('When it happened (hs_timestamp)'),
  properties: z.record(z.string(), z.string().nullable()),
});

export const dispositionSchema = z.object({ id: z.string(), label: z.string() });

export const toDisposition = (d: Disposition): z.input<typeof dispositionSchema> => ({
  id: String(d.id),
  label: String(d.label),
});
