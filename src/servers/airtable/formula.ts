import type { AtField } from './api.js';

/** Field types whose cell value reads as text, so a substring search on them makes sense. */
const TEXT_TYPES = new Set([
  'singleLineText',
  'multilineText',
  'richText',
  'email',
  'url',
  'phoneNumber',
  'singleSelect',
  'multipleSelects',
  'autoNumber',
  'number',
  'barcode',
  'formula',
  'multipleLookupValues',
  'rollup',
]);

/** The fields of a table that search_records looks in. */
export const searchableFields = (fields: readonly AtField[]): AtField[] =>
  fields.filter((f) => f.type !== undefined && TEXT_TYPES.has(f.type));

/** A string literal in an Airtable formula: double-quoted, with `\` and `"` escaped. */
export const formulaString = (value: string): string =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A field reference in an Airtable formula: `{Name}`, with `}` and `\` escaped. */
export const fieldRef = (name: string): string => `{${name.replace(/\\/g, '\\\\').replace(/}/g, '\\}')}}`;

/**
 * A filterByFormula that keeps records where any of `fields` contains `query`, ignoring case. Airtable
 * has no full-text search; SEARCH over each field's text (`& ""` turns numbers and lists into text)
 * is what its own UI filter does.
 */
export function searchFormula(query: string, fields: readonly AtField[]): string {
  const needle = `LOWER(${formulaString(query)})`;
  const tests = fields.map((f) => `SEARCH(${needle}, LOWER(${fieldRef(f.name)} & ""))`);
  return tests.length === 1 ? (tests[0] as string) : `OR(${tests.join(', ')})`;
}
