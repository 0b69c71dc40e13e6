import { z } from 'zod';
import { ToolError } from '../../core/errors.js';

/**
 * The SQL the tools build. Names (databases, schemas, tables, warehouses, columns) cannot be bind
 * variables in DDL and SHOW, so each is checked to be ONE Snowflake identifier before it is written
 * into a statement: unquoted (letters, digits, `_` and `$`, not starting with a digit; Snowflake folds
 * it to upper case, as guMCP's statements did) or double-quoted with any `"` inside doubled. Nothing
 * else can be written, so no argument can end the identifier and add SQL. Values go in bind variables.
 */

const UNQUOTED = /^[A-Za-z_][A-Za-z0-9_$]{0,254}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const QUOTED = /^"((?:[^"\u0000-\u001f]|"")+)"$/;

/** One identifier: as written in SQL, and the name Snowflake stores (what the SQL API's fields take). */
export interface Ident {
  sql: string;
  name: string;
}

export const IDENT_RULE =
  'must be one Snowflake identifier: letters, digits, _ and $ (not starting with a digit), or a name in ' +
  'double quotes with any " inside doubled';

export function isIdentifier(value: string): boolean {
  return UNQUOTED.test(value) || (QUOTED.test(value) && value.length <= 257);
}

/** An identifier the caller gave, already checked by its schema (`identifierArg`). */
export function ident(value: string): Ident {
  const quoted = QUOTED.exec(value);
  if (quoted?.[1]) return { sql: value, name: quoted[1].replace(/""/g, '"') };
  if (UNQUOTED.test(value)) return { sql: value, name: value.toUpperCase() };
  throw new ToolError(`Invalid identifier: ${IDENT_RULE}`);
}

/** A tool argument naming a database, schema, table or warehouse. */
export const identifierArg = (what: string) =>
  z
    .string()
    .trim()
    .refine(isIdentifier, IDENT_RULE)
    .describe(`${what}: an identifier such as MY_DB (folded to upper case), or "My Db" in double quotes`);

/** `db.schema.table`, each part an identifier. */
export const qualified = (...parts: Ident[]): string => parts.map((p) => p.sql).join('.');

// Column definitions of create_table.

/** Snowflake's data types a column may be created with (synonyms included). */
const TYPES = new Set([
  'NUMBER',
  'DECIMAL',
  'DEC',
  'NUMERIC',
  'INT',
  'INTEGER',
  'BIGINT',
  'SMALLINT',
  'TINYINT',
  'BYTEINT',
  'FLOAT',
  'FLOAT4',
  'FLOAT8',
  'DOUBLE',
  'DOUBLE PRECISION',
  'REAL',
  'DECFLOAT',
  'VARCHAR',
  'CHAR',
  'CHARACTER',
  'NCHAR',
  'NVARCHAR',
  'NVARCHAR2',
  'CHAR VARYING',
  'NCHAR VARYING',
  'STRING',
  'TEXT',
  'BINARY',
  'VARBINARY',
  'BOOLEAN',
  'DATE',
  'DATETIME',
  'TIME',
  'TIMESTAMP',
  'TIMESTAMP_LTZ',
  'TIMESTAMP_NTZ',
  'TIMESTAMP_TZ',
  'VARIANT',
  'OBJECT',
  'ARRAY',
  'GEOGRAPHY',
  'GEOMETRY',
  'UUID',
]);

/** A type with optional (precision) or (precision, scale); or VECTOR(INT|FLOAT, n). */
const TYPE =
  /^([A-Za-z_][A-Za-z0-9_]*(?: (?:PRECISION|VARYING))?)(?:\s*\(\s*(\d{1,9})\s*(?:,\s*(\d{1,9})\s*)?\))?$/i;
const VECTOR = /^VECTOR\s*\(\s*(INT|FLOAT)\s*,\s*(\d{1,5})\s*\)$/i;
const CONSTRAINTS = ['NOT NULL', 'NULL', 'PRIMARY KEY', 'UNIQUE', 'AUTOINCREMENT', 'IDENTITY'] as const;

/** One column as the structured form of `columns` gives it. */
export const columnSpec = z.object({
  name: z.string().trim().refine(isIdentifier, IDENT_RULE).describe('Column name'),
  type: z.string().trim().describe('Snowflake data type, e.g. NUMBER(38,0), VARCHAR(100), TIMESTAMP_NTZ'),
  not_null: z.boolean().optional().describe('NOT NULL'),
  primary_key: z.boolean().optional().describe('PRIMARY KEY (Snowflake records it but does not enforce it)'),
  unique: z.boolean().optional().describe('UNIQUE (recorded, not enforced)'),
});
export type ColumnSpec = z.infer<typeof columnSpec>;

/** A checked column definition, written back in one canonical form. */
export interface ColumnDefinition {
  name: string;
  type: string;
  constraints: string[];
  sql: string;
}

function parseType(text: string): string | undefined {
  const squeezed = text.trim().replace(/\s+/g, ' ');
  const vector = VECTOR.exec(squeezed);
  if (vector) return `VECTOR(${vector[1]?.toUpperCase()}, ${vector[2]})`;
  const match = TYPE.exec(squeezed);
  if (!match) return undefined;
  const name = (match[1] ?? '').toUpperCase();
  if (!TYPES.has(name)) return undefined;
  if (match[2] === undefined) return name;
  return match[3] === undefined ? `${name}(${match[2]})` : `${name}(${match[2]},${match[3]})`;
}

/** Splits at the commas outside parentheses and double quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const SHAPE =
  '`name TYPE [NOT NULL] [PRIMARY KEY] [UNIQUE]`, e.g. `id NUMBER(38,0) NOT NULL, name VARCHAR(100)`';

/** One definition of the text form: `name TYPE [constraints]`. */
function parseDefinition(text: string, n: number): ColumnDefinition {
  const bad = (why: string) =>
    new ToolError(
      `Invalid argument columns: column ${n} (${JSON.stringify(text.slice(0, 80))}) ${why}; write ${SHAPE}`,
    );
  const name = /^("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s+(.+)$/s.exec(text);
  if (!name?.[1] || !name[2] || !isIdentifier(name[1])) throw bad('does not start with a column name');
  let rest = name[2].trim().replace(/\s+/g, ' ');
  const constraints: string[] = [];
  for (let found = true; found; ) {
    found = false;
    for (const c of CONSTRAINTS) {
      if (rest.toUpperCase().endsWith(` ${c}`)) {
        constraints.unshift(c);
        rest = rest.slice(0, -c.length - 1).trim();
        found = true;
        break;
      }
    }
  }
  const type = parseType(rest);
  if (!type)
    throw bad(
      `has a type Snowflake does not know, or more than a type (${JSON.stringify(rest.slice(0, 40))})`,
    );
  return { name: name[1], type, constraints, sql: [name[1], type, ...constraints].join(' ') };
}

/**
 * `columns` as guMCP took it (text: `id INT, name STRING`) or as a list of column objects, checked
 * and written back canonically. Anything else (a DEFAULT, a second statement) is refused.
 */
export function columnDefinitions(columns: string | ColumnSpec[]): ColumnDefinition[] {
  if (typeof columns === 'string') {
    let text = columns.trim();
    if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
    if (!text) throw new ToolError(`Invalid argument columns: give at least one column, as ${SHAPE}`);
    return splitTopLevel(text).map((part, i) => parseDefinition(part, i + 1));
  }
  if (columns.length === 0) throw new ToolError('Invalid argument columns: give at least one column');
  return columns.map((c, i) => {
    const type = parseType(c.type);
    if (!type) {
      throw new ToolError(
        `Invalid argument columns: column ${i + 1} (${c.name}) has a type Snowflake does not know: ${JSON.stringify(c.type.slice(0, 40))}`,
      );
    }
    const constraints = [
      ...(c.not_null ? ['NOT NULL'] : []),
      ...(c.primary_key ? ['PRIMARY KEY'] : []),
      ...(c.unique ? ['UNIQUE'] : []),
    ];
    return { name: c.name, type, constraints, sql: [c.name, type, ...constraints].join(' ') };
  });
}

// Warehouses.

/** Snowflake's warehouse sizes, with the spellings its documentation uses for each. */
const SIZES: Record<string, string> = {
  XSMALL: 'XSMALL',
  SMALL: 'SMALL',
  MEDIUM: 'MEDIUM',
  LARGE: 'LARGE',
  XLARGE: 'XLARGE',
  XXLARGE: 'XXLARGE',
  X2LARGE: 'XXLARGE',
  '2XLARGE': 'XXLARGE',
  XXXLARGE: 'XXXLARGE',
  X3LARGE: 'XXXLARGE',
  '3XLARGE': 'XXXLARGE',
  X4LARGE: 'X4LARGE',
  '4XLARGE': 'X4LARGE',
  X5LARGE: 'X5LARGE',
  '5XLARGE': 'X5LARGE',
  X6LARGE: 'X6LARGE',
  '6XLARGE': 'X6LARGE',
};

/** A warehouse size as Snowflake writes it, from `X-SMALL`, `xsmall`, `2X-Large`, ...; undefined when unknown. */
export function warehouseSize(value: string): string | undefined {
  return SIZES[value.toUpperCase().replace(/[\s_-]/g, '')];
}

export const WAREHOUSE_SIZES =
  'X-SMALL, SMALL, MEDIUM, LARGE, X-LARGE, 2X-LARGE, 3X-LARGE, 4X-LARGE, 5X-LARGE, 6X-LARGE';
