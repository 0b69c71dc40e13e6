import { ToolError } from '../../core/errors.js';
import type { FieldDefinitions, SendGridApi } from './api.js';

/** Reserved contact fields SendGrid takes beside email and the names, at the top of a contact. */
const RESERVED = new Set([
  'address_line_1',
  'address_line_2',
  'alternate_emails',
  'city',
  'country',
  'postal_code',
  'state_province_region',
  'phone_number_id',
  'external_id',
  'anonymous_id',
]);

/** Fields with arguments of their own. */
const ARGUMENTS = new Set(['email', 'first_name', 'last_name']);

export interface ContactArgs {
  email: string;
  first_name?: string | undefined;
  last_name?: string | undefined;
  custom_fields?: Record<string, string | number> | undefined;
}

/** A custom field value as its type wants it: Number fields take numbers, the others text. */
function typed(name: string, value: string | number, type: string): string | number {
  if (type !== 'Number') return String(value);
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (value === '' || !Number.isFinite(n)) {
    throw new ToolError(`custom_fields.${name}: the field is a Number in SendGrid; give a number`);
  }
  return n;
}

/**
 * The contact of PUT /marketing/contacts. SendGrid takes custom fields by id (`e1_T`), so names are
 * looked up in the account's field definitions; reserved fields (city, country, ...) go at the top of
 * the contact. Fields not given are left out, so an update keeps their values (guMCP sent empty names,
 * which blanked them).
 */
export async function contactBody(a: ContactArgs, api: SendGridApi): Promise<Record<string, unknown>> {
  const contact: Record<string, unknown> = {
    email: a.email,
    ...(a.first_name ? { first_name: a.first_name } : {}),
    ...(a.last_name ? { last_name: a.last_name } : {}),
  };
  const custom: [string, string | number][] = [];
  for (const [name, value] of Object.entries(a.custom_fields ?? {})) {
    if (ARGUMENTS.has(name)) throw new ToolError(`custom_fields.${name}: give it as the ${name} argument`);
    if (!RESERVED.has(name)) custom.push([name, value]);
    else if (name === 'alternate_emails') {
      contact[name] = String(value)
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
    } else contact[name] = String(value);
  }
  if (custom.length === 0) return contact;

  const defs: FieldDefinitions = await api.fieldDefinitions();
  const fields = defs.custom_fields ?? [];
  const byId = new Map(fields.map((f) => [f.id, f]));
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const out: Record<string, string | number> = {};
  for (const [name, value] of custom) {
    const field = byId.get(name) ?? byName.get(name.toLowerCase());
    if (!field) {
      const known = fields.map((f) => f.name).join(', ');
      throw new ToolError(
        `custom_fields.${name}: no such custom field in SendGrid. ` +
          (known ? `Its custom fields are: ${known}.` : 'The account has no custom fields yet.') +
          ' Create it in Marketing > Custom Fields first.',
      );
    }
    out[field.id] = typed(name, value, field.field_type);
  }
  contact.custom_fields = out;
  return contact;
}
