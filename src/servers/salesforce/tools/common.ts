import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import type { ApiFactory, SalesforceApi } from '../api.js';
import { describeUsage } from '../errors.js';
import { usageSchema } from '../shapes.js';

// Scopes, as guMCP's catalog gives them to the tools.
export const READ = ['api'] as const;
export const WRITE = ['api', 'refresh_token'] as const;

/** Share of the daily API limit past which results say how much is used. */
export const USAGE_WARNING = 0.9;

/** A tool of this server: its handler gets a Salesforce client, and its result the org's usage when near the limit. */
interface SalesforceToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly string[];
  run(args: z.output<I>, salesforce: SalesforceApi): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, output, ...def }: SalesforceToolDef<I, O>) =>
    tool({
      ...def,
      output: output.extend({ api_usage: usageSchema.optional() }),
      async handler(args, ctx) {
        const salesforce = connect(ctx);
        const data = await run(args, salesforce);
        const usage = salesforce.usage;
        if (!usage || usage.used / usage.limit < USAGE_WARNING) return data;
        const percent = Math.round((usage.used / usage.limit) * 100);
        const warning = `Near the org's API limit: ${describeUsage(usage)}; requests fail once it is reached.`;
        return { ...data, api_usage: { ...usage, percent, warning } };
      },
    }) as unknown as AnyToolDef;
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// Arguments shared by the tools.

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** A Salesforce record id: 15 or 18 letters and digits, so it cannot step out of a path or a SOQL string. */
export const sfId = (what: string) =>
  z
    .string()
    .trim()
    .regex(ID, `must be the 15- or 18-character Salesforce id of the ${what}`)
    .describe(`The 15- or 18-character Salesforce id of the ${what}`);

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** An object or field API name (Account, Invoice__c, ns__Thing__c): letters, digits and underscores. */
export const apiName = (what: string, example: string) =>
  z
    .string()
    .trim()
    .max(120)
    .regex(NAME, `must be the API name of the ${what}, e.g. ${example}`)
    .describe(`The API name of the ${what} (e.g. ${example})`);

export const objectName = apiName('Salesforce object', "'Account', 'Contact' or 'Custom_Object__c'");

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** Field API names (relationship paths such as Owner.Name allowed); guMCP took a list, a comma-separated text works too. */
export const fieldList = (describe: string) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .refine((names) => names.every((n) => FIELD_PATH.test(n)), {
      message: 'each must be a field API name such as Name, Custom__c or Owner.Name',
    })
    .describe(describe);

/** Field values of a record by API name, as guMCP took them. */
export const fieldData = (what: string) =>
  z
    .record(z.string(), z.unknown())
    .refine((data) => Object.keys(data).length > 0, { message: 'give at least one field' })
    .refine((data) => Object.keys(data).every((k) => NAME.test(k)), {
      message: 'each key must be a field API name such as Name or Custom__c',
    })
    .describe(`${what}, by field API name, e.g. {"Name": "Acme", "Industry": "Technology"}`);

export const limit = (fallback: number, max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(`Maximum number of records (1-${max}, default ${fallback}); pages are followed up to it`);

/** How a file is shared with a record: Viewer, Collaborator or Inferred. */
export const shareType = z
  .enum(['V', 'C', 'I'])
  .default('V')
  .describe(
    "How the record's users may use the file: 'V' Viewer, 'C' Collaborator, 'I' Inferred (default V)",
  );

/** A SOQL string literal: backslashes, quotes and line breaks escaped, so a value cannot end the string. */
export function soqlString(value: string): string {
  const escaped = value.replace(/[\\'"\n\r\t\f\b]/g, (c) => {
    const map: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\f': '\\f', '\b': '\\b' };
    return map[c] ?? `\\${c}`;
  });
  return `'${escaped}'`;
}

/** What a create says when Salesforce failed or did not answer: it may have gone through, and how to check. */
export const uncertainCreate = (what: string, check: string) =>
  `the ${what} may have been created: Salesforce has no idempotency key for creates, so it was not sent again. ` +
  `Check before creating it again, e.g. with soql_query: ${check}`;

/** A SOQL query that finds what the signed-in user created today of an object, newest first. */
export async function createdToday(
  salesforce: SalesforceApi,
  objectName: string,
  fields = 'Id, CreatedDate',
): Promise<string> {
  const me = await salesforce.userId();
  const mine = me ? ` AND CreatedById = '${me}'` : '';
  return `SELECT ${fields} FROM ${objectName} WHERE CreatedDate = TODAY${mine} ORDER BY CreatedDate DESC LIMIT 5`;
}

/** A create whose answer has no id or says it failed is an error, naming Salesforce's reasons. */
export function requireCreated<T extends { id?: string | null; success?: boolean; errors?: unknown[] }>(
  what: string,
  result: T,
): T & { id: string } {
  if (result.success === false || !result.id) {
    throw new ToolError(
      `Salesforce did not create the ${what}: ${JSON.stringify(result.errors ?? []).slice(0, 300)}`,
    );
  }
  return result as T & { id: string };
}
