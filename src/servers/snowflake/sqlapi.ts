import { randomUUID } from 'node:crypto';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  parseRetryAfter,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type JobState, pollJob } from '../../upstream/poll.js';
import { sleep as realSleep } from '../../util/sleep.js';
import { keyPairJwt, SERVER_ID, type SnowflakeCredentials, scrub } from './credentials.js';
import type { BindValue, Ctx, Runner, RunOptions, SnowflakeTuning, StatementResult } from './runner.js';
import { type ColumnMeta, fromSqlApi } from './values.js';

/** The account's host; GUMCP_SNOWFLAKE_API_URL points both paths elsewhere (tests: a fake on loopback). */
export const accountUrl = (account: string): string =>
  serviceUrl(SERVER_ID, `https://${account}.snowflakecomputing.com`);

const USER_AGENT = 'gumcp-snowflake/1.0';

/** Snowflake's answer body: a ResultSet, a QueryStatus or an error, all with code and message. */
interface Answer {
  code?: string;
  sqlState?: string;
  message?: string;
  statementHandle?: string;
  resultSetMetaData?: {
    numRows?: number;
    rowType?: (ColumnMeta & { type: string })[];
    partitionInfo?: { rowCount?: number }[];
  };
  data?: (string | null)[][];
}

/** An error answer that knows its status and Snowflake's code, for the retry and poll loops. */
class SnowflakeHttpError extends UpstreamError {
  constructor(
    message: string,
    status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message, status);
  }
}

/** The statement's own failure (422, 408): Snowflake ran it and it failed. */
class StatementFailed extends SnowflakeHttpError {}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

function describe(body: unknown, secrets: readonly string[]): { text: string; code?: string } {
  const b = (body ?? {}) as Answer;
  const code = typeof b.code === 'string' ? b.code : undefined;
  const message = typeof b.message === 'string' ? scrub(b.message, secrets).slice(0, 600) : '';
  const details = [code && `code ${code}`, b.sqlState && `SQL state ${b.sqlState}`]
    .filter(Boolean)
    .join(', ');
  return { text: `${message}${details ? ` (${details})` : ''}`.trim(), code };
}

function mapError(
  status: number,
  body: unknown,
  headers: Headers,
  creds: SnowflakeCredentials,
): SnowflakeHttpError | AuthRequiredError {
  const { text, code } = describe(body, creds.secrets);
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  switch (status) {
    case 401: {
      // Snowflake's 401 message may quote the end of the token: only its code is shown.
      const kind = creds.signIn.kind === 'key_pair' ? 'key-pair JWT' : 'programmatic access token';
      const hint =
        creds.signIn.kind === 'key_pair'
          ? 'check that the public key is set on the user (ALTER USER … SET RSA_PUBLIC_KEY) and that the account and user name are right'
          : 'it may have expired or been revoked';
      return new AuthRequiredError(
        SERVER_ID,
        `Snowflake rejected the ${kind}${code ? ` (code ${code})` : ''}; ${hint}`,
      );
    }
    case 403:
      return new SnowflakeHttpError(
        `Snowflake refused the request${text ? `: ${text}` : ''} (a network policy, or the SQL API not allowed for this user)`,
        403,
        undefined,
      );
    case 408:
      return new StatementFailed(
        `it ran past its timeout and Snowflake cancelled it${text ? `: ${text}` : ''}`,
        408,
        undefined,
      );
    case 422:
      return new StatementFailed(text || 'Snowflake gave no reason', 422, undefined);
    case 429:
      return new SnowflakeHttpError(
        `Rate limited by Snowflake; try again ${retryAfterMs !== undefined ? `in ${Math.ceil(retryAfterMs / 1000)} s` : 'in a minute'}`,
        429,
        retryAfterMs,
      );
    default:
      if (status >= 500) {
        return new SnowflakeHttpError(
          `Snowflake failed (HTTP ${status}); try again later`,
          status,
          retryAfterMs,
        );
      }
      return new SnowflakeHttpError(
        `Snowflake rejected the request (HTTP ${status})${text ? `: ${text}` : ''}`,
        status,
        undefined,
      );
  }
}

function bindings(
  binds: readonly BindValue[] | undefined,
): Record<string, { type: string; value: string | null }> | undefined {
  if (!binds?.length) return undefined;
  return Object.fromEntries(
    binds.map((value, i) => {
      const bound =
        value === null
          ? { type: 'TEXT', value: null }
          : typeof value === 'boolean'
            ? { type: 'BOOLEAN', value: String(value) }
            : typeof value === 'number'
              ? { type: Number.isInteger(value) ? 'FIXED' : 'REAL', value: String(value) }
              : { type: 'TEXT', value };
      return [String(i + 1), bound];
    }),
  );
}

/**
 * Statements through the SQL API v2 (`POST /api/v2/statements`), signed in with a key-pair JWT or a
 * programmatic access token:
 * - each statement carries one `requestId` (a UUID), reused with `retry=true` when the request is sent
 *   again after a 429, a 5xx or a lost answer, so Snowflake runs it once;
 * - a statement still running after 45 s answers 202 with a handle, polled with the shared pollJob
 *   (progress to the client; a client's cancellation cancels it at Snowflake);
 * - results come in partitions, fetched one after another until `maxRows` rows are in hand.
 */
export class SqlApiRunner implements Runner {
  readonly path = 'sql_api' as const;
  readonly #creds: SnowflakeCredentials;
  readonly #ctx: Ctx;
  readonly #tuning: SnowflakeTuning;
  readonly #options: UpstreamOptions;
  readonly #client: UpstreamClient;
  #jwt: string | undefined;

  constructor(creds: SnowflakeCredentials, ctx: Ctx, tuning: SnowflakeTuning = {}) {
    this.#creds = creds;
    this.#ctx = ctx;
    this.#tuning = tuning;
    const { poll: _poll, driverLoginRetries: _d, ...client } = tuning;
    this.#options = {
      service: 'Snowflake',
      serverId: SERVER_ID,
      baseUrl: accountUrl(creds.account),
      log: ctx.log,
      auth: () => this.#auth(),
      mapError: (status, body, headers) => mapError(status, body, headers, creds),
      ...client,
    };
    this.#client = new UpstreamClient(this.#options);
  }

  #auth(): Record<string, string> {
    const { signIn, account } = this.#creds;
    const base = { 'user-agent': USER_AGENT };
    if (signIn.kind === 'key_pair') {
      this.#jwt ??= keyPairJwt(account, signIn);
      return {
        ...base,
        authorization: `Bearer ${this.#jwt}`,
        'x-snowflake-authorization-token-type': 'KEYPAIR_JWT',
      };
    }
    if (signIn.kind === 'pat') {
      return {
        ...base,
        authorization: `Bearer ${signIn.token}`,
        'x-snowflake-authorization-token-type': 'PROGRAMMATIC_ACCESS_TOKEN',
      };
    }
    throw new ToolError('A password sign-in cannot use the SQL API');
  }

  async run(sql: string, options: RunOptions): Promise<StatementResult> {
    const { context } = options;
    const bound = bindings(options.binds);
    const body = {
      statement: sql,
      timeout: options.timeoutSeconds,
      // The SQL API's fields take names as Snowflake stores them (case-sensitive).
      ...(context.database ? { database: context.database.name } : {}),
      ...(context.schema ? { schema: context.schema.name } : {}),
      ...(context.warehouse ? { warehouse: context.warehouse.name } : {}),
      ...(context.role ? { role: context.role.name } : {}),
      ...(bound ? { bindings: bound } : {}),
    };
    const first = await this.#submit(body);
    const answer = first.status === 202 ? await this.#wait(first.body, options.timeoutSeconds) : first.body;
    return this.#collect(answer, options.maxRows);
  }

  /** Sends the statement; again after a 429, a 5xx or a lost answer, with the same requestId and retry=true. */
  async #submit(body: object): Promise<{ status: number; body: Answer }> {
    const requestId = randomUUID();
    const retries = this.#tuning.retries ?? 3;
    const wait = this.#tuning.sleep ?? realSleep;
    for (let attempt = 0; ; attempt++) {
      const req: UpstreamRequest = {
        method: 'POST',
        query: { requestId, ...(attempt > 0 ? { retry: true } : {}) },
        body,
        idempotent: true,
      };
      try {
        const answer = await this.#once<Answer>('api/v2/statements', req);
        return { status: answer.status, body: answer.body ?? {} };
      } catch (error) {
        if (error instanceof StatementFailed) throw new ToolError(`The statement failed: ${error.message}`);
        const delay = this.#retryDelay(error, attempt);
        if (delay === undefined || attempt >= retries) throw error;
        await wait(delay, this.#ctx.signal);
      }
    }
  }

  /** One request without the client's own retries (the loop above resends with retry=true). */
  #once<T>(path: string, req: UpstreamRequest) {
    return new UpstreamClient({ ...this.#options, retries: 0 }).exchange<T | undefined>(
      path,
      req,
      this.#ctx.signal,
    );
  }

  /** How long to wait before sending again; undefined when sending again cannot help. */
  #retryDelay(error: unknown, attempt: number): number | undefined {
    if (this.#ctx.signal.aborted) return undefined;
    const backoff = (this.#tuning.backoffMs ?? 250) * 2 ** attempt;
    if (error instanceof SnowflakeHttpError) {
      if (!RETRYABLE.has(error.status)) return undefined;
      if (error.retryAfterMs === undefined) return backoff;
      return error.retryAfterMs <= (this.#tuning.maxRetryAfterMs ?? 60_000) ? error.retryAfterMs : undefined;
    }
    // No answer at all (a timeout, a reset connection): the statement may have started; retry=true finds it.
    if (
      error instanceof ToolError &&
      !(error instanceof UpstreamError) &&
      !(error instanceof AuthRequiredError)
    ) {
      return backoff;
    }
    return undefined;
  }

  /** Waits for a statement past Snowflake's 45 s with the shared poller; a cancelled call cancels it. */
  async #wait(status: Answer, timeoutSeconds: number): Promise<Answer> {
    const handle = status.statementHandle;
    if (!handle) throw new ToolError('Snowflake answered 202 without a statement handle');
    const path = `api/v2/statements/${encodeURIComponent(handle)}`;
    return pollJob<Answer>({
      what: `statement ${handle}`,
      check: async (): Promise<JobState<Answer>> => {
        try {
          const answer = await this.#client.exchange<Answer | undefined>(path, {}, this.#ctx.signal);
          if (answer.status === 202) {
            return { state: 'running', message: `Snowflake is still running statement ${handle}` };
          }
          return { state: 'done', value: answer.body ?? {} };
        } catch (error) {
          if (error instanceof StatementFailed) return { state: 'failed', reason: error.message };
          throw error;
        }
      },
      signal: this.#ctx.signal,
      progress: (p, total, message) => this.#ctx.progress(p, total, message),
      cancel: async () => {
        // Runs after the client cancelled, so without its signal.
        await this.#client.request(`${path}/cancel`, { method: 'POST', idempotent: true });
      },
      later:
        `Snowflake goes on running it until its timeout (${timeoutSeconds} s); find statement ${handle} ` +
        'in Query History',
      initialDelayMs: 1000,
      maxDelayMs: 5000,
      // A little past Snowflake's own timeout, which cancels the statement and ends the wait.
      deadlineMs: (timeoutSeconds + 30) * 1000,
      ...this.#tuning.poll,
    });
  }

  /** The rows of the first partition, then of the next ones, until `maxRows` are in hand. */
  async #collect(first: Answer, maxRows: number): Promise<StatementResult> {
    const meta = first.resultSetMetaData ?? {};
    const columns: ColumnMeta[] = (meta.rowType ?? []).map((c) => ({
      name: c.name,
      type: String(c.type).toLowerCase(),
      nullable: c.nullable,
      precision: c.precision ?? null,
      scale: c.scale ?? null,
      length: c.length ?? null,
    }));
    const handle = first.statementHandle ?? null;
    const raw: (string | null)[][] = [...(first.data ?? [])];
    const partitions = meta.partitionInfo?.length ?? 1;
    for (let partition = 1; partition < partitions && raw.length < maxRows && handle; partition++) {
      const next = await this.#client.request<Answer | undefined>(
        `api/v2/statements/${encodeURIComponent(handle)}`,
        { query: { partition } },
        this.#ctx.signal,
      );
      raw.push(...(next?.data ?? []));
    }
    const rows = raw.slice(0, maxRows).map((row) => columns.map((column, i) => fromSqlApi(row[i], column)));
    return { columns, rows, totalRows: meta.numRows ?? null, queryId: handle };
  }
}
