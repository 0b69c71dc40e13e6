import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import type { FakeReply, FakeService, RecordedRequest } from '../../../testing/fake-service.js';

/**
 * Answers of the SQL API v2 as Snowflake's OpenAPI description (snowflakedb/snowflake-rest-api-specs,
 * specifications/sqlapi.yaml) and its "Handling responses" examples give them: a ResultSet (200) with
 * `resultSetMetaData` (numRows, format jsonv2, rowType, partitionInfo) and `data` as strings; a
 * QueryStatus (202, code 333334); a QueryFailureStatus (422); CancelStatus; and
 * `{ code, message }` errors (400 390142, 401 390303, 429 390505).
 */

export const HANDLE = '01b2c3d4-0000-a1b2-0000-000100020003';
export const STATEMENTS = '/api/v2/statements';
export const STATUS = `${STATEMENTS}/${HANDLE}`;

export interface Col {
  name: string;
  type: string;
  scale?: number | null;
  precision?: number | null;
  length?: number | null;
  nullable?: boolean;
}

/** A column as Snowflake's rowType gives it, with the fields it always sends. */
function rowType(c: Col) {
  return {
    name: c.name,
    database: '',
    schema: '',
    table: '',
    scale: c.scale ?? null,
    precision: c.precision ?? null,
    length: c.length ?? null,
    type: c.type,
    nullable: c.nullable ?? true,
    byteLength: null,
    collation: null,
  };
}

/**
 * A ResultSet. `partitions` are the rows of each partition; the first is in `data`, the others are
 * fetched with `?partition=n` (see `partition`).
 */
export function resultSet(columns: Col[], partitions: (string | null)[][][], handle = HANDLE): FakeReply {
  const numRows = partitions.reduce((n, p) => n + p.length, 0);
  return {
    body: {
      resultSetMetaData: {
        numRows,
        format: 'jsonv2',
        rowType: columns.map(rowType),
        partitionInfo: partitions.map((p) => ({ rowCount: p.length, uncompressedSize: 100 * p.length })),
      },
      data: partitions[0] ?? [],
      code: '090001',
      statementStatusUrl: `/api/v2/statements/${handle}?requestId=x`,
      sqlState: '00000',
      statementHandle: handle,
      message: 'Statement executed successfully.',
      createdOn: 1_620_151_693_299,
    },
  };
}

/** A later partition: only its data (the spec makes every ResultSet field optional). */
export function partition(rows: (string | null)[][]): FakeReply {
  return { body: { data: rows } };
}

/** The one-row answer of a DDL statement. */
export function statusResult(message: string): FakeReply {
  return resultSet([{ name: 'status', type: 'text', length: 16_777_216, nullable: false }], [[[message]]]);
}

export const running: FakeReply = {
  status: 202,
  body: {
    code: '333334',
    message:
      'Asynchronous execution in progress. Use provided query id to perform query monitoring and management.',
    statementHandle: HANDLE,
    statementStatusUrl: `/api/v2/statements/${HANDLE}`,
  },
};

export function failed(code: string, sqlState: string, message: string): FakeReply {
  return { status: 422, body: { code, message, sqlState, statementHandle: HANDLE } };
}

export const cancelled: FakeReply = {
  body: {
    code: '000604',
    sqlState: '57014',
    message: 'SQL execution canceled',
    statementHandle: HANDLE,
    statementStatusUrl: `/api/v2/statements/${HANDLE}`,
  },
};

export const error = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): FakeReply => ({
  status,
  headers,
  body: { code, message },
});

// Key-pair sign-in.

export interface TestKey {
  pem: string;
  publicKey: KeyObject;
}

let key: TestKey | undefined;

/** One RSA key pair for the test process (as `openssl genrsa 2048 | openssl pkcs8 -nocrypt` makes). */
export function testKey(): TestKey {
  if (!key) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    key = {
      pem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: pair.publicKey,
    };
  }
  return key;
}

/** The JWT of a request, its signature checked with the test key; its claims. */
export function jwtClaims(req: RecordedRequest): Record<string, unknown> {
  assert.equal(req.headers['x-snowflake-authorization-token-type'], 'KEYPAIR_JWT');
  const token =
    /^Bearer (.+)$/.exec(String(req.headers.authorization))?.[1] ?? assert.fail('no bearer token');
  const [header = '', payload = '', signature = ''] = token.split('.');
  assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString()), { alg: 'RS256', typ: 'JWT' });
  assert.ok(
    verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      testKey().publicKey,
      Buffer.from(signature, 'base64url'),
    ),
    'the JWT is signed with the user’s private key',
  );
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

/** The statements the fake received, in order. */
export const submitted = (fake: FakeService) =>
  fake.requests
    .filter((r) => r.method === 'POST' && r.path === STATEMENTS)
    .map((r) => r.body as Record<string, unknown>);
