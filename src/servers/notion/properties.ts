import { ToolError } from '../../core/errors.js';
import { chunks } from './blocks.js';
import { plainText } from './markdown.js';
import type { PropertySchema, PropertyValue, RichText, RichTextRequest } from './types.js';

/**
 * Page properties both ways: Notion's property values reduced to plain values a model reads (a
 * title as text, a select as its name, a date as its start and end), and plain values a model writes
 * turned into Notion's property values by the type the data source's schema gives each property.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const name = (v: unknown) => (isObject(v) && typeof v.name === 'string' ? v.name : null);
const userName = (v: unknown) => (isObject(v) ? (name(v) ?? (typeof v.id === 'string' ? v.id : null)) : null);

function date(v: unknown): string | null {
  if (!isObject(v) || typeof v.start !== 'string') return null;
  return typeof v.end === 'string' && v.end ? `${v.start} → ${v.end}` : v.start;
}

/** The value inside a formula or rollup (`{type, [type]: value}`). */
function inner(v: unknown): unknown {
  if (!isObject(v) || typeof v.type !== 'string') return null;
  const value = v[v.type];
  if (v.type === 'date') return date(value);
  if (v.type === 'array' && Array.isArray(value))
    return value.map((item) => simplifyValue(item as PropertyValue));
  return value ?? null;
}

/** One property value as a plain value: text, number, boolean, name, date string, list, or null. */
export function simplifyValue(p: PropertyValue): unknown {
  const v = p[p.type];
  switch (p.type) {
    case 'title':
    case 'rich_text':
      return plainText(v as RichText[]);
    case 'select':
    case 'status':
      return name(v);
    case 'multi_select':
      return Array.isArray(v) ? v.map(name) : [];
    case 'people':
      return Array.isArray(v) ? v.map(userName) : [];
    case 'created_by':
    case 'last_edited_by':
      return userName(v);
    case 'relation':
      return Array.isArray(v) ? v.map((r) => (isObject(r) ? r.id : null)) : [];
    case 'date':
      return date(v);
    case 'files':
      return Array.isArray(v)
        ? v.map((f) =>
            isObject(f) ? (name(f) ?? String((f.external as Json)?.url ?? (f.file as Json)?.url)) : null,
          )
        : [];
    case 'formula':
    case 'rollup':
      return inner(v);
    case 'unique_id':
      return isObject(v) && v.number != null ? `${v.prefix ? `${v.prefix}-` : ''}${v.number}` : null;
    case 'verification':
      return isObject(v) ? (v.state ?? null) : null;
    case 'place':
      return isObject(v) ? (v.name ?? v.address ?? null) : null;
    case 'button':
      return null;
    default:
      return v ?? null;
  }
}

export function simplifyProperties(properties: Record<string, PropertyValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, simplifyValue(value)]));
}

/** The title of a page (its `title` property) as plain text. */
export function pageTitle(properties: Record<string, PropertyValue>): string {
  const title = Object.values(properties).find((p) => p.type === 'title');
  return title ? plainText(title.title as RichText[]) : '';
}

/** Property types a page can be given a value of; the others are computed by Notion. */
const WRITABLE = new Set([
  'title',
  'rich_text',
  'number',
  'select',
  'multi_select',
  'status',
  'date',
  'checkbox',
  'url',
  'email',
  'phone_number',
  'people',
  'relation',
  'files',
  'place',
  'verification',
]);

/** Whether a value is already a Notion property value (`{"select": {...}}`), which is passed on as it is. */
export function isPropertyValue(value: unknown): value is Json {
  return isObject(value) && Object.keys(value).some((k) => WRITABLE.has(k));
}

const text = (value: string): RichTextRequest[] =>
  chunks(value).map((content) => ({ type: 'text', text: { content } }));

/** Rich text given as raw JSON, with over-long `text.content` split (Notion takes 2,000 characters an item). */
function splitText(items: unknown): unknown {
  if (!Array.isArray(items)) return items;
  return items.flatMap((rt) =>
    isObject(rt) && isObject(rt.text) && typeof rt.text.content === 'string' && rt.text.content.length > 2000
      ? chunks(rt.text.content).map((content) => ({ ...rt, text: { ...(rt.text as Json), content } }))
      : [rt],
  );
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return [value];
}

/** A plain value as the property value of `type`, or an error naming the property and what it takes. */
function toPropertyValue(key: string, type: string, value: unknown): Json {
  const wrong = (expected: string) =>
    new ToolError(
      `Property "${key}" is ${type.replace(/_/g, ' ')}: give ${expected}, not ${JSON.stringify(value)}`,
    );
  switch (type) {
    case 'title':
    case 'rich_text':
      if (value === null) return { [type]: [] };
      if (typeof value === 'object') throw wrong('text');
      return { [type]: text(String(value)) };
    case 'number': {
      if (value === null || value === '') return { number: null };
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) throw wrong('a number');
      return { number: n };
    }
    case 'checkbox':
      if (typeof value === 'boolean') return { checkbox: value };
      if (value === 'true' || value === 'false') return { checkbox: value === 'true' };
      throw wrong('true or false');
    case 'select':
    case 'status':
      if (value === null) return { [type]: null };
      if (isObject(value) && (typeof value.name === 'string' || typeof value.id === 'string'))
        return { [type]: value };
      if (typeof value !== 'string' || !value) throw wrong('an option name');
      return { [type]: { name: value } };
    case 'multi_select':
      return { multi_select: list(value).map((v) => (isObject(v) ? v : { name: String(v) })) };
    case 'date':
      if (value === null) return { date: null };
      if (typeof value === 'string') return { date: { start: value } };
      if (isObject(value) && typeof value.start === 'string') return { date: value };
      throw wrong('an ISO 8601 date, or {"start": ..., "end": ...}');
    case 'url':
    case 'email':
    case 'phone_number':
      if (value !== null && typeof value !== 'string') throw wrong('text');
      return { [type]: value || null };
    case 'people':
    case 'relation':
      return {
        [type]: list(value).map((v) =>
          isObject(v) && typeof v.id === 'string' ? { id: v.id } : { id: String(v) },
        ),
      };
    default:
      throw new ToolError(
        `Property "${key}" is ${type.replace(/_/g, ' ')}, which ${WRITABLE.has(type) ? 'takes a Notion property value object' : 'Notion computes and cannot be set'}`,
      );
  }
}

/**
 * The `properties` of a page to create: Notion property values are passed on (long text split), plain
 * values are converted by the schema's type for that property (looked up by name or id). `schema` is
 * fetched only when a plain value needs it.
 */
export async function toNotionProperties(
  properties: Record<string, unknown>,
  schema: () => Promise<Record<string, PropertySchema>>,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let known: Record<string, PropertySchema> | undefined;
  for (const [key, value] of Object.entries(properties)) {
    if (isPropertyValue(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === 'title' || k === 'rich_text' ? splitText(v) : v]),
      );
      continue;
    }
    known ??= await schema();
    const property = known[key] ?? Object.values(known).find((p) => p.id === key || p.name === key);
    if (!property) {
      throw new ToolError(
        `The database has no property "${key}"; its properties are: ${Object.keys(known)
          .map((k) => `"${k}" (${known?.[k]?.type})`)
          .join(', ')}`,
      );
    }
    out[key] = toPropertyValue(key, property.type, value);
  }
  return out;
}
