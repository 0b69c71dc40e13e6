import { z } from 'zod';
import { adds, reads, sets, writes } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { readCredentials, type SnowflakeCredentials } from './credentials.js';
import { DriverRunner } from './driver.js';
import type { BindValue, Ctx, Runner, SnowflakeTuning, StatementContext, StatementResult } from './runner.js';
import {
  columnDefinitions,
  columnSpec,
  type Ident,
  ident,
  identifierArg,
  qualified,
  WAREHOUSE_SIZES,
  warehouseSize,
} from './sql.js';
import { SqlApiRunner } from './sqlapi.js';

/** The runner a call's credentials ask for: the SQL API for a key pair or PAT, the driver for a password. */
export function runnerFor(creds: SnowflakeCredentials, ctx: Ctx, tuning: SnowflakeTuning): Runner {
  return creds.signIn.kind === 'password'
    ? new DriverRunner(creds, ctx, tuning)
    : new SqlApiRunner(creds, ctx, tuning);
}

/** What a tool's `run` gets: statements run in the stored defaults unless the tool names its own context. */
interface Session {
  defaults: SnowflakeCredentials['defaults'];
  run(sql: string, options: Partial<RunArgs> & { context?: StatementContext }): Promise<StatementResult>;
}

interface RunArgs {
  binds: readonly BindValue[];
  maxRows: number;
  timeoutSeconds: number;
}

interface SnowflakeToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, session: Session): Promise<z.input<O>>;
}

function toolMaker(tuning: SnowflakeTuning) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: SnowflakeToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      handler: async (args, ctx) => {
        // Read on every call, so credentials replaced mid-session are used from the next call on.
        const creds = readCredentials(await ctx.credentials());
        const runner = runnerFor(creds, ctx, tuning);
        const session: Session = {
          defaults: creds.defaults,
          run: (sql, options) =>
            runner.run(sql, {
              context: { ...creds.defaults, ...dropUndefined(options.context ?? {}) },
              binds: options.binds,
              maxRows: options.maxRows ?? MAX_ROWS_DEFAULT,
              timeoutSeconds: options.timeoutSeconds ?? 60,
            }),
        };
        // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
        return run(args, session) as ReturnType<ToolDef<I, O>['handler']>;
      },
    });
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const MAX_ROWS_DEFAULT = 1000;
const MAX_ROWS = 10_000;

const maxRows = (fallback = MAX_ROWS_DEFAULT) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_ROWS)
    .default(fallback)
    .describe(`Most rows returned (1-${MAX_ROWS}, default ${fallback}); total_rows says how many there were`);

const optionalIdent = (what: string) => identifierArg(what).optional();

/** Rows as objects by column name; a repeated name gets `_2`, `_3`, ... */
function records(result: StatementResult): Record<string, unknown>[] {
  const seen = new Map<string, number>();
  const names = result.columns.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c.name : `${c.name}_${n}`;
  });
  return result.rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i] ?? null])));
}

/** The `status` a DDL statement answers, e.g. "Database MY_DB successfully created." */
function status(result: StatementResult): string {
  const [first] = records(result);
  const value = first?.status ?? Object.values(first ?? {})[0];
  return typeof value === 'string' ? value : 'Statement executed successfully.';
}

/** Only the fields of a SHOW row that matter, unless `full`. */
function pick(
  row: Record<string, unknown>,
  fields: readonly string[],
  full: boolean,
): Record<string, unknown> {
  if (full) return row;
  return Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]]));
}

const listing = {
  count: z.number().describe('Rows returned'),
  total: z.number().nullable().describe('Rows Snowflake has, when it says'),
  truncated: z.boolean().describe('More rows exist than max_rows allowed'),
};

function listed(result: StatementResult, rows: unknown[]) {
  return {
    count: rows.length,
    total: result.totalRows,
    truncated: result.totalRows !== null && result.totalRows > rows.length,
  };
}

const full = z
  .boolean()
  .default(false)
  .describe('Return every column Snowflake shows (default: the main ones)');
const record = z.record(z.string(), z.unknown());

const DATABASE_FIELDS = [
  'name',
  'owner',
  'comment',
  'created_on',
  'kind',
  'origin',
  'retention_time',
  'is_default',
  'is_current',
];
const TABLE_FIELDS = [
  'name',
  'database_name',
  'schema_name',
  'kind',
  'rows',
  'bytes',
  'owner',
  'comment',
  'created_on',
];
const WAREHOUSE_FIELDS = [
  'name',
  'state',
  'type',
  'size',
  'running',
  'queued',
  'auto_suspend',
  'auto_resume',
  'owner',
  'comment',
  'created_on',
];

/** The eight tools of guMCP's snowflake server. */
export function snowflakeTools(tuning: SnowflakeTuning): Record<string, AnyToolDef> {
  const snowflakeTool = toolMaker(tuning);
  return {
    create_database: snowflakeTool({
      description: 'Create a database (CREATE DATABASE). Fails when a database of that name exists.',
      input: z.object({ db_name: identifierArg('Name of the new database') }),
      output: z.object({ database: z.string(), status: z.string().describe('Snowflake’s answer') }),
      annotations: adds,
      async run({ db_name }, sf) {
        const name = ident(db_name);
        const result = await sf.run(`CREATE DATABASE ${name.sql}`, {});
        return { database: name.name, status: status(result) };
      },
    }),

    list_databases: snowflakeTool({
      description: 'List the databases the role can see (SHOW DATABASES).',
      input: z.object({ max_rows: maxRows(), full }),
      output: z.object({ databases: z.array(record), ...listing }),
      annotations: reads,
      async run(args, sf) {
        const result = await sf.run('SHOW DATABASES', { maxRows: args.max_rows });
        const databases = records(result).map((r) => pick(r, DATABASE_FIELDS, args.full));
        return { databases, ...listed(result, databases) };
      },
    }),

    create_table: snowflakeTool({
      description:
        'Create a table in a database and schema (default PUBLIC). `columns` is guMCP’s text, e.g. ' +
        '"id NUMBER(38,0) NOT NULL, name VARCHAR(100), created TIMESTAMP_NTZ", or a list of column objects.',
      input: z.object({
        database_name: identifierArg('Database of the table'),
        warehouse_name: optionalIdent('Warehouse to use (default: the stored warehouse)'),
        schema_name: identifierArg('Schema of the table (default PUBLIC)').default('PUBLIC'),
        table_name: identifierArg('Name of the new table'),
        columns: z
          .union([z.string().trim().min(1), z.array(columnSpec).min(1).max(1000)])
          .describe(
            'Column definitions: text `name TYPE [NOT NULL] [PRIMARY KEY] [UNIQUE]` separated by commas, or ' +
              'a list of {name, type, not_null, primary_key, unique}',
          ),
      }),
      output: z.object({
        table: z.string().describe('database.schema.table'),
        columns: z.array(z.string()).describe('The column definitions as sent'),
        status: z.string(),
      }),
      annotations: adds,
      async run(args, sf) {
        const definitions = columnDefinitions(args.columns);
        const table = qualified(ident(args.database_name), ident(args.schema_name), ident(args.table_name));
        const result = await sf.run(`CREATE TABLE ${table} (${definitions.map((d) => d.sql).join(', ')})`, {
          context: { warehouse: opt(args.warehouse_name) },
        });
        return { table, columns: definitions.map((d) => d.sql), status: status(result) };
      },
    }),

    list_tables: snowflakeTool({
      description: 'List the tables of a database, or of one schema of it (SHOW TABLES).',
      input: z.object({
        database_name: identifierArg('Database whose tables to list'),
        warehouse_name: optionalIdent('Warehouse to use (default: the stored warehouse)'),
        schema_name: optionalIdent('Only the tables of this schema'),
        max_rows: maxRows(),
        full,
      }),
      output: z.object({ tables: z.array(record), ...listing }),
      annotations: reads,
      async run(args, sf) {
        const database = ident(args.database_name);
        const where = args.schema_name
          ? `SCHEMA ${qualified(database, ident(args.schema_name))}`
          : `DATABASE ${database.sql}`;
        const result = await sf.run(`SHOW TABLES IN ${where}`, {
          maxRows: args.max_rows,
          context: { warehouse: opt(args.warehouse_name) },
        });
        const tables = records(result).map((r) => pick(r, TABLE_FIELDS, args.full));
        return { tables, ...listed(result, tables) };
      },
    }),

    describe_table: snowflakeTool({
      description:
        'The columns of a table: name, type, nullability, default, keys and comment (DESCRIBE TABLE).',
      input: z.object({
        database_name: identifierArg('Database of the table'),
        warehouse_name: optionalIdent('Warehouse to use (default: the stored warehouse)'),
        schema_name: identifierArg('Schema of the table (default PUBLIC)').default('PUBLIC'),
        table_name: identifierArg('The table'),
      }),
      output: z.object({
        table: z.string(),
        columns: z.array(
          z.object({
            name: z.string(),
            type: z.string(),
            kind: z.string().nullable(),
            nullable: z.boolean(),
            default: z.string().nullable(),
            primary_key: z.boolean(),
            unique_key: z.boolean(),
            comment: z.string().nullable(),
          }),
        ),
      }),
      annotations: reads,
      async run(args, sf) {
        const table = qualified(ident(args.database_name), ident(args.schema_name), ident(args.table_name));
        const result = await sf.run(`DESCRIBE TABLE ${table}`, {
          maxRows: MAX_ROWS,
          context: { warehouse: opt(args.warehouse_name) },
        });
        const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
        return {
          table,
          columns: records(result).map((r) => ({
            name: String(r.name),
            type: String(r.type),
            kind: text(r.kind),
            nullable: r['null?'] === 'Y',
            default: text(r.default),
            primary_key: r['primary key'] === 'Y',
            unique_key: r['unique key'] === 'Y',
            comment: text(r.comment),
          })),
        };
      },
    }),

    list_warehouses: snowflakeTool({
      description: 'List the warehouses the role can see, with their state and size (SHOW WAREHOUSES).',
      input: z.object({ max_rows: maxRows(), full }),
      output: z.object({ warehouses: z.array(record), ...listing }),
      annotations: reads,
      async run(args, sf) {
        const result = await sf.run('SHOW WAREHOUSES', { maxRows: args.max_rows });
        const warehouses = records(result).map((r) => pick(r, WAREHOUSE_FIELDS, args.full));
        return { warehouses, ...listed(result, warehouses) };
      },
    }),

    create_warehouse: snowflakeTool({
      description:
        'Create a warehouse if none of that name exists (CREATE WAREHOUSE IF NOT EXISTS). A warehouse ' +
        'consumes credits while it runs: it is created suspended unless initially_suspended is false, and ' +
        'suspends itself after auto_suspend seconds idle.',
      input: z.object({
        warehouse_name: identifierArg('Name of the warehouse'),
        warehouse_size: z
          .string()
          .trim()
          .default('X-SMALL')
          .refine((v) => warehouseSize(v) !== undefined, `must be one of ${WAREHOUSE_SIZES}`)
          .describe(`Size: ${WAREHOUSE_SIZES} (default X-SMALL)`),
        auto_suspend: z
          .number()
          .int()
          .min(0)
          .max(31_536_000)
          .default(300)
          .describe('Seconds idle before it suspends (default 300; 0 never suspends)'),
        auto_resume: z.boolean().default(true).describe('Resume when a statement needs it (default true)'),
        initially_suspended: z
          .boolean()
          .default(true)
          .describe('Create it suspended, so it uses no credits until needed (default true)'),
      }),
      output: z.object({
        warehouse: z.string(),
        created: z
          .boolean()
          .describe('False when a warehouse of that name already existed (it is left as it was)'),
        status: z.string(),
        size: z.string(),
        auto_suspend: z.number(),
        auto_resume: z.boolean(),
        initially_suspended: z.boolean(),
      }),
      annotations: sets,
      async run(args, sf) {
        const name = ident(args.warehouse_name);
        const size = warehouseSize(args.warehouse_size) ?? 'XSMALL';
        // Every value was checked by its schema (identifier, size list, integer, booleans).
        const sql =
          `CREATE WAREHOUSE IF NOT EXISTS ${name.sql} WITH WAREHOUSE_SIZE = '${size}' ` +
          `AUTO_SUSPEND = ${args.auto_suspend} AUTO_RESUME = ${args.auto_resume ? 'TRUE' : 'FALSE'} ` +
          `INITIALLY_SUSPENDED = ${args.initially_suspended ? 'TRUE' : 'FALSE'}`;
        const said = status(await sf.run(sql, {}));
        return {
          warehouse: name.name,
          created: !/already exists/i.test(said),
          status: said,
          size,
          auto_suspend: args.auto_suspend,
          auto_resume: args.auto_resume,
          initially_suspended: args.initially_suspended,
        };
      },
    }),

    execute_query: snowflakeTool({
      description:
        'Run one SQL statement in a database and return its rows as typed values (numbers, booleans, ISO ' +
        'dates and times, parsed JSON for VARIANT/OBJECT/ARRAY). Values go in `bindings` for `?` ' +
        'placeholders. Any statement can run, writes included, with the role’s privileges.',
      input: z.object({
        database_name: identifierArg('Database the statement runs in'),
        query: z
          .string()
          .trim()
          .min(1)
          .max(1_000_000)
          .describe('One SQL statement, e.g. SELECT * FROM orders WHERE id = ?'),
        warehouse_name: optionalIdent(
          'Warehouse to run it on (default: the stored warehouse, else the user’s default)',
        ),
        schema_name: optionalIdent('Schema the statement runs in (default: the stored schema, else PUBLIC)'),
        bindings: z
          .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
          .max(1000)
          .optional()
          .describe('Values for the ? placeholders, in order'),
        max_rows: maxRows(),
        timeout_seconds: z
          .number()
          .int()
          .min(1)
          .max(3600)
          .default(300)
          .describe('Snowflake cancels the statement after this long (default 300 s)'),
      }),
      output: z.object({
        columns: z.array(z.object({ name: z.string(), type: z.string(), nullable: z.boolean().optional() })),
        rows: z.array(record),
        row_count: z.number().describe('Rows returned'),
        total_rows: z.number().nullable().describe('Rows the statement produced, when Snowflake says'),
        truncated: z.boolean().describe('More rows exist than max_rows allowed'),
        query_id: z.string().nullable().describe('Snowflake’s query id (find it in Query History)'),
      }),
      annotations: writes(true, false),
      async run(args, sf) {
        const result = await sf.run(args.query, {
          context: {
            database: ident(args.database_name),
            schema: opt(args.schema_name),
            warehouse: opt(args.warehouse_name),
          },
          binds: args.bindings,
          maxRows: args.max_rows,
          timeoutSeconds: args.timeout_seconds,
        });
        const rows = records(result);
        return {
          columns: result.columns.map((c) => ({
            name: c.name,
            type: c.type,
            ...(c.nullable === undefined ? {} : { nullable: c.nullable }),
          })),
          rows,
          row_count: rows.length,
          total_rows: result.totalRows,
          truncated: result.totalRows !== null && result.totalRows > rows.length,
          query_id: result.queryId,
        };
      },
    }),
  };
}

const opt = (value: string | undefined): Ident | undefined => (value ? ident(value) : undefined);
