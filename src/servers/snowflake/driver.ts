import type { Connection, ConnectionOptions, RowStatement, SnowflakeError } from 'snowflake-sdk';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { SERVER_ID, type SnowflakeCredentials, scrub } from './credentials.js';
import type { Ctx, Runner, RunOptions, SnowflakeTuning, StatementResult } from './runner.js';
import type { Ident } from './sql.js';
import { accountUrl } from './sqlapi.js';
import { type ColumnMeta, fromDriver } from './values.js';

type Driver = typeof import('snowflake-sdk');

/**
 * The official driver, loaded on the first call that needs it (it brings the AWS and Azure SDKs for
 * stage transfers: a cold start should not pay for them). Its logger is switched off: it would write
 * to stdout, which carries the MCP messages of a stdio server, and to a file in the working directory.
 */
let driver: Promise<Driver> | undefined;
export function loadDriver(): Promise<Driver> {
  driver ??= import('snowflake-sdk').then((mod) => {
    const sdk = (mod as unknown as { default?: Driver }).default ?? mod;
    sdk.configure({ logLevel: 'OFF', additionalLogToConsole: false });
    return sdk;
  });
  return driver;
}

/** Error codes of a refused sign-in (390100 wrong password, 390101 user locked, 390102 disabled, ...). */
const SIGN_IN_CODE = /^39(0[0-4]|4)\d{2}$/;

/** Opens a session for one tool call: `connect` with a callback (connectAsync resolves even when it fails). */
function open(connection: Connection): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.connect((error) => (error ? reject(error) : resolve()));
  });
}

function close(connection: Connection): Promise<void> {
  return new Promise((resolve) => {
    connection.destroy(() => resolve());
  });
}

/**
 * Statements through the Node driver, for the password guMCP stored (the SQL API accepts no password).
 * One session per tool call, closed afterwards; the database, schema and warehouse a tool names are
 * set with USE statements (guMCP's way), whose names were checked to be identifiers. Numbers and JSON
 * are fetched as strings and converted like the SQL API's (values.ts); rows are streamed up to
 * `maxRows`. A client's cancellation cancels the running statement at Snowflake.
 */
export class DriverRunner implements Runner {
  readonly path = 'driver' as const;
  readonly #creds: SnowflakeCredentials;
  readonly #ctx: Ctx;
  readonly #tuning: SnowflakeTuning;
  readonly #load: () => Promise<Pick<Driver, 'createConnection'>>;
  /** Settles when the driver is done with the statement running now (its answer or its error). */
  #inflight: Promise<void> | undefined;

  constructor(
    creds: SnowflakeCredentials,
    ctx: Ctx,
    tuning: SnowflakeTuning = {},
    load: () => Promise<Pick<Driver, 'createConnection'>> = loadDriver,
  ) {
    this.#creds = creds;
    this.#ctx = ctx;
    this.#tuning = tuning;
    this.#load = load;
  }

  #message(error: unknown): string {
    const e = error as SnowflakeError;
    const text = scrub(String(e?.message ?? error), this.#creds.secrets).slice(0, 600);
    const details = [e?.code && `code ${e.code}`, e?.sqlState && `SQL state ${e.sqlState}`]
      .filter(Boolean)
      .join(', ');
    return `${text}${details ? ` (${details})` : ''}`;
  }

  async run(sql: string, options: RunOptions): Promise<StatementResult> {
    const { signIn, account } = this.#creds;
    if (signIn.kind !== 'password') throw new ToolError('The driver path is for a password sign-in');
    const sdk = await this.#load();
    const config: ConnectionOptions = {
      account,
      accessUrl: accountUrl(account),
      username: signIn.username,
      password: signIn.password,
      application: 'gumcp',
      ...(options.context.role ? { role: options.context.role.name } : {}),
      timeout: this.#tuning.timeoutMs ?? 60_000,
      sfRetryMaxLoginRetries: this.#tuning.driverLoginRetries ?? 3,
      clientSessionKeepAlive: false,
    };
    const connection = sdk.createConnection(config);
    try {
      await open(connection);
    } catch (error) {
      const code = String((error as SnowflakeError).code ?? '');
      if (SIGN_IN_CODE.test(code)) {
        throw new AuthRequiredError(
          SERVER_ID,
          `Snowflake refused the sign-in of ${signIn.username}: ${this.#message(error)}`,
        );
      }
      throw new ToolError(`Could not sign in to Snowflake account ${account}: ${this.#message(error)}`);
    }
    try {
      const { warehouse, database, schema } = options.context;
      const use = (kind: string, name: Ident | undefined) => (name ? [`USE ${kind} ${name.sql}`] : []);
      for (const statement of [
        ...use('WAREHOUSE', warehouse),
        ...use('DATABASE', database),
        ...use('SCHEMA', schema),
      ]) {
        await this.#execute(connection, statement, [], 0, 'the session');
      }
      return await this.#execute(connection, sql, options.binds ?? [], options.maxRows, 'the statement');
    } finally {
      if (this.#ctx.signal.aborted && this.#inflight) {
        // A cancelled statement is still answered (as cancelled); the session ends after that, in the
        // background, so the cancelled call returns at once and no request of the driver is cut off.
        const bound = new Promise<void>((resolve) => setTimeout(resolve, 30_000).unref());
        void Promise.race([this.#inflight, bound]).then(() => close(connection));
      } else {
        await close(connection);
      }
    }
  }

  /** Runs one statement and streams up to `maxRows` of its rows. */
  #execute(
    connection: Connection,
    sqlText: string,
    binds: RunOptions['binds'] & {},
    maxRows: number,
    what: string,
  ): Promise<StatementResult> {
    const { signal } = this.#ctx;
    let settle: () => void = () => undefined;
    this.#inflight = new Promise<void>((resolve) => {
      settle = resolve;
    });
    return new Promise<StatementResult>((resolve, reject) => {
      let statement: RowStatement | undefined;
      const onAbort = () => {
        statement?.cancel(() => undefined);
        reject(new ToolError(`Cancelled: stopped waiting for ${what}, and cancelled it`));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      const done = (result: StatementResult | Error) => {
        settle();
        signal.removeEventListener('abort', onAbort);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      statement = connection.execute({
        sqlText,
        binds: binds.length ? [...binds] : undefined,
        streamResult: true,
        rowMode: 'array',
        // Numbers and JSON as text: converted without precision loss, and JSON without eval.
        fetchAsString: ['Number', 'JSON', 'Buffer'],
        complete: (error, stmt) => {
          if (error)
            return done(
              new ToolError(
                `${what === 'the statement' ? 'The statement' : 'Setting up the session'} failed: ${this.#message(error)}`,
              ),
            );
          const columns: ColumnMeta[] = (stmt.getColumns() ?? []).map((c) => ({
            name: c.getName(),
            type: c.getType().toLowerCase(),
            nullable: c.isNullable(),
            precision: c.getPrecision() ?? null,
            scale: c.getScale() ?? null,
          }));
          const total = stmt.getNumRows();
          const queryId = stmt.getQueryId?.() ?? null;
          if (maxRows === 0 || total === 0) return done({ columns, rows: [], totalRows: total, queryId });
          const rows: unknown[][] = [];
          stmt
            .streamRows({ start: 0, end: Math.min(maxRows, total) - 1 })
            .on('data', (row: unknown[]) => {
              rows.push(columns.map((column, i) => fromDriver(row[i], column)));
            })
            .on('error', (e: Error) => done(new ToolError(`Reading the rows failed: ${this.#message(e)}`)))
            .on('end', () => done({ columns, rows, totalRows: total, queryId }));
        },
      }) as RowStatement;
    });
  }
}
