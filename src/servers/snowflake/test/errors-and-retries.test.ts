import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { fakeFor, query } from '../../../testing/fake-service.js';
import { readCredentials } from '../credentials.js';
import { SqlApiRunner } from '../sqlapi.js';
import { error, failed, resultSet, STATEMENTS, statusResult } from './fake-sqlapi.js';
import { ACCOUNT, failure, keyPair, PAT, setup, USER } from './harness.js';

const Q = { database_name: 'SALES', query: 'select 1' };
const ONE = resultSet([{ name: 'N', type: 'fixed', scale: 0 }], [[['1']]]);

test('401: the JWT was rejected; re-authenticate, with Snowflake’s code and a hint, never the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    `POST ${STATEMENTS}`,
    error(401, '390144', 'JWT token is invalid. [eyJhbGciOi.eyJpc3Mi.c2lnbmF0dXJl]'),
  );
  assert.equal(
    failure(await call('execute_query', Q)),
    'Not authenticated with snowflake: Snowflake rejected the key-pair JWT (code 390144); check that the public ' +
      'key is set on the user (ALTER USER … SET RSA_PUBLIC_KEY) and that the account and user name are right. ' +
      'Re-authenticate with `gumcp auth snowflake`.',
  );
  assert.equal(fake.requests.length, 1, 'not retried');
});

test('401 with a PAT says it may have expired, and its message (which may quote the token) is left out', async (t) => {
  const { fake, call } = await setup(t, { account: ACCOUNT, username: USER, programmatic_access_token: PAT });
  fake.route(`POST ${STATEMENTS}`, error(401, '390303', `Invalid OAuth access token. ...${PAT.slice(-8)}`));
  const message = failure(await call('create_database', { db_name: 'D' }));
  assert.equal(
    message,
    'Not authenticated with snowflake: Snowflake rejected the programmatic access token (code 390303); it may ' +
      'have expired or been revoked. Re-authenticate with `gumcp auth snowflake`.',
  );
});

test('403 gives Snowflake’s reason and what usually causes it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${STATEMENTS}`, error(403, '390432', 'Network policy is required.'));
  assert.equal(
    failure(await call('execute_query', Q)),
    'Snowflake refused the request: Network policy is required. (code 390432) (a network policy, or the SQL API ' +
      'not allowed for this user)',
  );
});

test('422: a statement Snowflake cannot run gives its message, code and SQL state; not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    `POST ${STATEMENTS}`,
    failed(
      '002003',
      '42S02',
      "SQL compilation error:\nObject 'SALES.PUBLIC.NOPE' does not exist or not authorized.",
    ),
  );
  assert.equal(
    failure(await call('execute_query', { ...Q, query: 'select * from nope' })),
    "The statement failed: SQL compilation error:\nObject 'SALES.PUBLIC.NOPE' does not exist or not authorized. " +
      '(code 002003, SQL state 42S02)',
  );
  assert.equal(fake.requests.length, 1);
});

test('400 (a payload Snowflake refuses) is reported with its message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    `POST ${STATEMENTS}`,
    error(400, '390142', 'Incoming request does not contain a valid payload.'),
  );
  assert.equal(
    failure(await call('execute_query', Q)),
    'Snowflake rejected the request (HTTP 400): Incoming request does not contain a valid payload. (code 390142)',
  );
});

test('429 is sent again after Retry-After with the same requestId and retry=true, so it runs once', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(`POST ${STATEMENTS}`, error(429, '390505', 'Too many requests.', { 'retry-after': '2' }));
  fake.route(`POST ${STATEMENTS}`, statusResult('Database D successfully created.'));

  const result = await call('create_database', { db_name: 'D' });
  assert.equal(result.isError, undefined);
  const [first, second] = fake.requests.map(query);
  assert.equal(first?.retry, undefined);
  assert.equal(second?.retry, 'true');
  assert.equal(second?.requestId, first?.requestId, 'one requestId for the tool call');
  assert.deepEqual(sleeps, [2000]);
});

test('5xx and lost answers are sent again with retry=true (safe: Snowflake matches the requestId)', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`POST ${STATEMENTS}`, { status: 503, body: '' }, { status: 504, body: '<html>Gateway</html>' });
  fake.route(`POST ${STATEMENTS}`, ONE);
  const result = await call('execute_query', Q);
  assert.equal(result.isError, undefined);
  const sent = fake.requests.map(query);
  assert.equal(sent.length, 3);
  assert.equal(new Set(sent.map((q) => q.requestId)).size, 1);
  assert.deepEqual(
    sent.map((q) => q.retry),
    [undefined, 'true', 'true'],
  );
});

test('a 5xx that persists is reported without the body; a Retry-After too long is not waited', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(`POST ${STATEMENTS}`, { status: 500, body: '<html>stack trace</html>' });
  assert.equal(failure(await call('execute_query', Q)), 'Snowflake failed (HTTP 500); try again later');
  assert.equal(fake.requests.length, 3, 'the first try and two retries');

  fake.route(`POST ${STATEMENTS}`, error(429, '390505', 'Too many requests.', { 'retry-after': '600' }));
  sleeps.length = 0;
  assert.equal(failure(await call('execute_query', Q)), 'Rate limited by Snowflake; try again in 600 s');
  assert.deepEqual(sleeps, []);
});

test('credentials without a way to sign in, or with a bad account or key, ask to authenticate again', async (t) => {
  const { fake, call } = await setup(t, { account: ACCOUNT, username: USER });
  assert.equal(
    failure(await call('list_databases')),
    'Not authenticated with snowflake: the stored credentials hold no password, private_key or ' +
      'programmatic_access_token. Re-authenticate with `gumcp auth snowflake`.',
  );
  assert.equal(fake.requests.length, 0);
  assert.throws(
    () => readCredentials({ ...keyPair(), account: 'me@evil.com:8080' }),
    /not a Snowflake account identifier/,
  );
  assert.throws(
    () => readCredentials({ ...keyPair(), private_key: 'not a key at all' }),
    (e: Error) => /private_key cannot be read/.test(e.message) && !e.message.includes('not a key at all'),
  );
});

test('no secret reaches a log line: requests are logged by path and status only', async (t) => {
  const fake = await fakeFor(t, 'snowflake');
  fake.route(`POST ${STATEMENTS}`, failed('000904', '42000', "invalid identifier 'X'"));
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  const creds = readCredentials({ account: ACCOUNT, username: USER, programmatic_access_token: PAT });
  const runner = new SqlApiRunner(creds, {
    log,
    signal: new AbortController().signal,
    progress: async () => undefined,
  });
  await assert.rejects(
    runner.run('select x', { context: {}, maxRows: 10, timeoutSeconds: 10 }),
    /invalid identifier/,
  );
  assert.ok(lines.length > 0);
  for (const line of lines) {
    assert.ok(!line.includes(PAT), line);
    assert.ok(!line.includes('requestId'), 'no query string in the log');
  }
});
