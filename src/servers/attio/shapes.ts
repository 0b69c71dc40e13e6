import { z } from 'zod';
import type { AttioEntry, AttioList, AttioRecord, AttioValues } from './api.js';

/**
 * What the tools return. Attio gives each attribute as a list of value objects wrapped in history
 * metadata (active_from, created_by_actor...); a caller wants the values, so each is reduced to what
 * its attribute type holds: a text, a name, an email, a domain, a select option's title, a referenced
 * record. One attribute with one value gives that value; several give a list.
 */

const METADATA = new Set(['active_from', 'active_until', 'created_by_actor', 'attribute_type']);

/** The part of one value object a caller reads, by attribute type. */
function plain(value: Record<string, unknown>): unknown {
  const v = value as Record<string, unknown> & {
    option?: { title?: string };
    status?: { title?: string };
  };
  switch (v.attribute_type) {
    case 'personal-name':
      return v.full_name ?? null;
    case 'email-address':
      return v.email_address ?? null;
    case 'domain':
      return v.domain ?? null;
    case 'phone-number':
      return v.original_phone_number ?? v.phone_number ?? null;
    case 'select':
      return v.option?.title ?? null;
    case 'status':
      return v.status?.title ?? null;
    case 'currency':
      return v.currency_value ?? null;
    case 'record-reference':
      return { target_object: v.target_object, target_record_id: v.target_record_id };
    case 'actor-reference':
      return { type: v.referenced_actor_type, id: v.referenced_actor_id };
    case 'interaction':
      return v.interacted_at ?? null;
  }
  if ('value' in v) return v.value;
  const rest = Object.fromEntries(Object.entries(v).filter(([k]) => !METADATA.has(k)));
  const keys = Object.keys(rest);
  return keys.length === 1 ? rest[keys[0] as string] : rest;
}

/** Attribute values by slug, empty attributes left out. */
export function flatten(values: AttioValues | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [slug, list] of Object.entries(values ?? {})) {
    if (!Array.isArray(list) || list.length === 0) continue;
    const plainValues = list.map(plain);
    out[slug] = plainValues.length === 1 ? plainValues[0] : plainValues;
  }
  return out;
}

export const recordSchema = z.object({
  id: z.string().describe('Record id'),
  object_id: z.string(),
  created_at: z.string(),
  web_url: z.string().nullable(),
  values: z.record(z.string(), z.unknown()).describe('Attribute values by slug (empty ones left out)'),
});

export const toRecord = (r: AttioRecord): z.input<typeof recordSchema> => ({
  id: r.id.record_id,
  object_id: r.id.object_id,
  created_at: r.created_at,
  web_url: r.web_url ?? null,
  values: flatten(r.values),
});

export const recordListSchema = z.object({
  count: z.number(),
  records: z.array(recordSchema),
  more: z.boolean().describe('Whether more records matched than were returned'),
});

export const listSchema = z.object({
  id: z.string(),
  api_slug: z.string(),
  name: z.string(),
  parent_object: z.array(z.string()).describe('The objects whose records the list holds'),
  workspace_access: z.string().nullable(),
  created_at: z.string(),
});

export const toList = (l: AttioList): z.input<typeof listSchema> => ({
  id: l.id.list_id,
  api_slug: l.api_slug,
  name: l.name,
  parent_object: l.parent_object,
  workspace_access: l.workspace_access ?? null,
  created_at: l.created_at,
});

export const entrySchema = z.object({
  id: z.string().describe('Entry id'),
  list_id: z.string(),
  parent_record_id: z.string(),
  parent_object: z.string(),
  created_at: z.string(),
  entry_values: z.record(z.string(), z.unknown()),
});

export const toEntry = (e: AttioEntry): z.input<typeof entrySchema> => ({
  id: e.id.entry_id,
  list_id: e.id.list_id,
  parent_record_id: e.parent_record_id,
  parent_object: e.parent_object,
  created_at: e.created_at,
  entry_values: flatten(e.entry_values),
});
