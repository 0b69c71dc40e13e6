import type { FakeReply, FakeService, RecordedRequest } from '../../../testing/fake-service.js';

/**
 * The endpoints snowflake-sdk calls (its source: lib/services/sf.js, lib/connection/statement.js,
 * lib/telemetry), answered with the shapes of the driver's own test mocks
 * (snowflake-connector-nodejs, test/unit/mock/mock_http_client.js): every answer is HTTP 200 with
 * `{ data, code, message, success }`; a refused sign-in or a failed statement has `success: false`.
 */

export const LOGIN = '/session/v1/login-request';
export const QUERY = '/queries/v1/query-request';
export const QUERY_ID = '01b2c3d4-0000-a1b2-0000-0001000200ff';

export const loggedIn: FakeReply = {
  body: {
    code: null,
    message: null,
    success: true,
    data: {
      displayUserName: 'GUMCP_BOT',
      firstLogin: false,
      healthCheckInterval: 45,
      masterToken: 'MASTER_TOKEN',
      masterValidityInSeconds: 14_400,
      serverVersion: '8.40.1',
      sessionId: 51_539_800_306,
      token: 'SESSION_TOKEN',
      validityInSeconds: 3600,
      parameters: [
        { name: 'TIMEZONE', value: 'America/Los_Angeles' },
        { name: 'TIMESTAMP_OUTPUT_FORMAT', value: 'DY, DD MON YYYY HH24:MI:SS TZHTZM' },
        { name: 'DATE_OUTPUT_FORMAT', value: 'YYYY-MM-DD' },
        { name: 'TIME_OUTPUT_FORMAT', value: 'HH24:MI:SS' },
        { name: 'CLIENT_RESULT_PREFETCH_SLOTS', value: 2 },
        { name: 'CLIENT_RESULT_PREFETCH_THREADS', value: 1 },
        { name: 'CLIENT_SESSION_KEEP_ALIVE', value: false },
        { name: 'JS_TREAT_INTEGER_AS_BIGINT', value: false },
      ],
    },
  },
};

export const wrongPassword: FakeReply = {
  body: {
    code: '390100',
    data: { nextAction: 'RETRY_LOGIN', authnMethod: 'USERNAME_PASSWORD' },
    message: 'Incorrect username or password was specified.',
    success: false,
  },
};

export interface DriverCol {
  name: string;
  type: string;
  scale?: number;
  precision?: number;
  nullable?: boolean;
}

/** A statement's result, all its rows inline (no chunks). */
export function rows(columns: DriverCol[], rowset: (string | null)[][]): FakeReply {
  return {
    body: {
      data: {
        parameters: [
          { name: 'TIMEZONE', value: 'America/Los_Angeles' },
          { name: 'DATE_OUTPUT_FORMAT', value: 'YYYY-MM-DD' },
          { name: 'TIME_OUTPUT_FORMAT', value: 'HH24:MI:SS' },
        ],
        rowtype: columns.map((c) => ({
          name: c.name,
          byteLength: null,
          length: null,
          type: c.type,
          nullable: c.nullable ?? true,
          precision: c.precision ?? null,
          scale: c.scale ?? null,
        })),
        rowset,
        total: rowset.length,
        returned: rowset.length,
        queryId: QUERY_ID,
        databaseProvider: null,
        finalDatabaseName: 'SALES',
        finalSchemaName: 'PUBLIC',
        finalWarehouseName: 'COMPUTE_WH',
        finalRoleName: 'SYSADMIN',
        numberOfBinds: 0,
        statementTypeId: 4096,
        version: 1,
        queryResultFormat: 'json',
      },
      message: null,
      code: null,
      success: true,
    },
  };
}

export const statementStatus = (message: string) =>
  rows([{ name: 'status', type: 'text', nullable: false }], [[message]]);

export function sqlError(code: string, sqlState: string, message: string): FakeReply {
  return {
    body: {
      data: {
        internalError: false,
        errorCode: code,
        age: 0,
        sqlState,
        queryId: QUERY_ID,
        line: -1,
        pos: -1,
        type: 'COMPILATION',
      },
      message,
      code,
      success: false,
    },
  };
}

/**
 * Routes a fake Snowflake for the driver: sign-in, telemetry, session end, and statements answered by
 * `statements` from their SQL text.
 */
export function routeDriver(
  fake: FakeService,
  statements: (sqlText: string, req: RecordedRequest) => FakeReply | Promise<FakeReply>,
): void {
  fake.route(`POST ${LOGIN}`, loggedIn);
  fake.route('POST /telemetry/send', { body: { success: true, data: null, code: null, message: null } });
  fake.route('POST /session', { body: { code: null, data: null, message: null, success: true } });
  fake.route(`POST ${QUERY}`, (req) => statements(String((req.body as { sqlText?: string }).sqlText), req));
}

/** The SQL texts the driver sent, in order. */
export const sqlTexts = (fake: FakeService) =>
  fake.requests.filter((r) => r.path === QUERY).map((r) => (r.body as { sqlText: string }).sqlText);

/** The driver ended its session (`POST /session?delete=true`). */
export const sessionEnded = (fake: FakeService) =>
  fake.requests.some((r) => r.method === 'POST' && r.path === '/session' && r.query.get('delete') === 'true');
