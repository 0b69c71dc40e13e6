import type { ToolContext } from '../../core/context.js';
import type { UpstreamOptions } from '../../upstream/client.js';
import type { PollOptions } from '../../upstream/poll.js';
import type { SnowflakeCredentials } from './credentials.js';
import type { Ident } from './sql.js';
import type { ColumnMeta } from './values.js';

/** A value bound to a `?` placeholder. */
export type BindValue = string | number | boolean | null;

/** Where a statement runs: the tool's names, else the stored defaults. */
export interface StatementContext {
  warehouse?: Ident;
  database?: Ident;
  schema?: Ident;
  role?: Ident;
}

export interface RunOptions {
  context: StatementContext;
  binds?: readonly BindValue[];
  /** The most rows read back; the rest stay in Snowflake (`total_rows` says how many there were). */
  maxRows: number;
  /** Snowflake cancels the statement after this long. */
  timeoutSeconds: number;
}

/** A statement's result, its cells already JSON of their types (values.ts). */
export interface StatementResult {
  columns: ColumnMeta[];
  rows: unknown[][];
  /** All the rows the statement produced, when Snowflake says. */
  totalRows: number | null;
  /** Snowflake's query id (the SQL API's statement handle), to find it in Query History. */
  queryId: string | null;
}

/** Runs one statement: through the SQL API (key pair, PAT) or the Node driver (password). */
export interface Runner {
  readonly path: 'sql_api' | 'driver';
  run(sql: string, options: RunOptions): Promise<StatementResult>;
}

/** Timing knobs; tests shorten them. */
export interface SnowflakeTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  /** How a statement that outlives Snowflake's 45 s is waited for. */
  poll?: Pick<PollOptions<unknown>, 'initialDelayMs' | 'maxDelayMs' | 'sleep'>;
  /** Driver: how many times a failed sign-in is retried (the driver's own default is 7). */
  driverLoginRetries?: number;
}

export type Ctx = Pick<ToolContext, 'log' | 'signal' | 'progress'>;

export type RunnerFactory = (creds: SnowflakeCredentials, ctx: Ctx, tuning: SnowflakeTuning) => Runner;
