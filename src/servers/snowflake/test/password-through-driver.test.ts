import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FakeReply, only } from '../../../testing/fake-service.js';
import {
  LOGIN,
  QUERY,
  QUERY_ID,
  routeDriver,
  rows,
  sessionEnded,
  sqlError,
  sqlTexts,
  statementStatus,
  wrongPassword,
} from './fake-driver.js';
import { ACCOUNT, data, failure, PASSWORD, password, setup, USER } from './harness.js';

// guMCP's stored credentials (username, password, account) sign in through snowflake-sdk, pointed at
// the fake with its accessUrl.

test('execute_query signs in with guMCP’s credentials, USEs the database, binds values and types the rows', async (t) => {
  const { fake, call } = await setup(t, password({ warehouse: 'COMPUTE_WH' }));
  routeDriver(fake, (sql) =>
    sql.startsWith('USE ')
      ? statementStatus('Statement executed successfully.')
      : rows(
          [
            { name: 'ID', type: 'fixed', precision: 38, scale: 0, nullable: false },
            { name: 'BIG', type: 'fixed', precision: 38, scale: 0 },
            { name: 'PRICE', type: 'fixed', precision: 10, scale: 2 },
            { name: 'NAME', type: 'text' },
            { name: 'PAID', type: 'boolean' },
            { name: 'D', type: 'date' },
            { name: 'TM', type: 'time', scale: 3 },
            { name: 'NTZ', type: 'timestamp_ntz', scale: 3 },
            { name: 'LTZ', type: 'timestamp_ltz', scale: 3 },
            { name: 'V', type: 'variant' },
            { name: 'NUL', type: 'text' },
          ],
          [
            [
              '7',
              '12345678901234567890',
              '19.99',
              'Acme',
              '1',
              '19000',
              '45296.789',
              '1565481394.123',
              '1565481394.123',
              '{"tags": ["a", "b"]}',
              null,
            ],
          ],
        ),
  );

  const result = data(
    await call('execute_query', {
      database_name: 'SALES',
      query: 'SELECT * FROM orders WHERE id = ? AND name = ?',
      bindings: [7, "x'); DROP TABLE orders; --"],
    }),
  );

  assert.deepEqual(result.rows, [
    {
      ID: 7,
      BIG: '12345678901234567890',
      PRICE: 19.99,
      NAME: 'Acme',
      PAID: true,
      D: '2022-01-08',
      // The driver hands TIME out as text in the session's TIME_OUTPUT_FORMAT (seconds by default).
      TM: '12:34:56',
      NTZ: '2019-08-10T23:56:34.123',
      LTZ: '2019-08-10T23:56:34.123Z',
      V: { tags: ['a', 'b'] },
      NUL: null,
    },
  ]);
  assert.equal(result.total_rows, 1);
  assert.equal(result.query_id, QUERY_ID);

  const login = only(fake, 'POST', LOGIN).body as { data: Record<string, unknown> };
  assert.equal(login.data.LOGIN_NAME, USER);
  assert.equal(login.data.PASSWORD, PASSWORD);
  assert.equal(login.data.ACCOUNT_NAME, ACCOUNT);
  assert.deepEqual(sqlTexts(fake), [
    'USE WAREHOUSE COMPUTE_WH',
    'USE DATABASE SALES',
    'SELECT * FROM orders WHERE id = ? AND name = ?',
  ]);
  const main = fake.requests.filter((r) => r.path === QUERY).at(-1);
  assert.equal(main?.headers.authorization, 'Snowflake Token="SESSION_TOKEN"');
  assert.deepEqual((main?.body as { bindings: unknown }).bindings, {
    '1': { type: 'FIXED', value: '7' },
    '2': { type: 'TEXT', value: "x'); DROP TABLE orders; --" },
  });
  assert.ok(sessionEnded(fake), 'the session was ended after the call');
});

test('the DDL tools run their statements through the driver too', async (t) => {
  const { fake, call } = await setup(t, password());
  routeDriver(fake, (sql) =>
    statementStatus(
      sql.startsWith('CREATE WAREHOUSE')
        ? 'Warehouse W successfully created.'
        : 'Database D successfully created.',
    ),
  );
  assert.deepEqual(data(await call('create_database', { db_name: 'D' })), {
    database: 'D',
    status: 'Database D successfully created.',
  });
  assert.equal(data(await call('create_warehouse', { warehouse_name: 'W' })).created, true);
  assert.deepEqual(sqlTexts(fake), [
    'CREATE DATABASE D',
    "CREATE WAREHOUSE IF NOT EXISTS W WITH WAREHOUSE_SIZE = 'XSMALL' AUTO_SUSPEND = 300 AUTO_RESUME = TRUE INITIALLY_SUSPENDED = TRUE",
  ]);
});

test('rows are read up to max_rows, and the result says there were more', async (t) => {
  const { fake, call } = await setup(t, password());
  routeDriver(fake, () =>
    rows(
      [{ name: 'I', type: 'fixed', scale: 0 }],
      Array.from({ length: 5 }, (_, i) => [String(i)]),
    ),
  );
  const result = data(await call('list_databases', { max_rows: 2, full: true }));
  assert.deepEqual(result.databases, [{ I: 0 }, { I: 1 }]);
  assert.equal(result.total, 5);
  assert.equal(result.truncated, true);
});

test('a wrong password asks to authenticate again, with Snowflake’s reason and without the password', async (t) => {
  const { fake, call } = await setup(t, password());
  routeDriver(fake, () => statementStatus('never'));
  fake.route(`POST ${LOGIN}`, wrongPassword);
  assert.equal(
    failure(await call('list_warehouses')),
    `Not authenticated with snowflake: Snowflake refused the sign-in of ${USER}: Incorrect username or password ` +
      'was specified. (code 390100). Re-authenticate with `gumcp auth snowflake`.',
  );
  assert.equal(sqlTexts(fake).length, 0, 'no statement without a session');
});

test('a statement Snowflake cannot run gives its message, and the session is still ended', async (t) => {
  const { fake, call } = await setup(t, password());
  routeDriver(fake, (sql) =>
    sql.startsWith('USE ')
      ? statementStatus('Statement executed successfully.')
      : sqlError(
          '002003',
          '42S02',
          "SQL compilation error:\nObject 'NOPE' does not exist or not authorized.",
        ),
  );
  assert.equal(
    failure(await call('execute_query', { database_name: 'SALES', query: 'select * from nope' })),
    "The statement failed: SQL compilation error:\nObject 'NOPE' does not exist or not authorized. (code 002003, " +
      'SQL state 42S02)',
  );
  assert.ok(sessionEnded(fake));
});

test('a database that cannot be USEd says the session could not be set up', async (t) => {
  const { fake, call } = await setup(t, password());
  routeDriver(fake, () =>
    sqlError(
      '002043',
      '02000',
      'SQL compilation error:\nObject does not exist, or operation cannot be performed.',
    ),
  );
  assert.match(
    failure(await call('execute_query', { database_name: 'MISSING', query: 'select 1' })),
    /^Setting up the session failed: SQL compilation error:\nObject does not exist/,
  );
  assert.deepEqual(sqlTexts(fake), ['USE DATABASE MISSING']);
});

test('a client that cancels a running statement gets no result, and the statement is aborted at Snowflake', async (t) => {
  const { fake, client } = await setup(t, password());
  let answer: (reply: FakeReply) => void = () => undefined;
  const held = new Promise<FakeReply>((resolve) => {
    answer = resolve;
  });
  routeDriver(fake, (sql) =>
    sql.startsWith('USE ') ? statementStatus('Statement executed successfully.') : held,
  );
  fake.route('POST /queries/v1/abort-request', {
    body: { success: true, data: null, code: null, message: null },
  });
  const controller = new AbortController();
  const called = client.callTool(
    { name: 'execute_query', arguments: { database_name: 'SALES', query: 'select system$wait(60)' } },
    { signal: controller.signal },
  );
  const arrived = (path: string, sql?: string) =>
    fake.requests.some((r) => r.path === path && (!sql || (r.body as { sqlText?: string }).sqlText === sql));
  for (let i = 0; i < 400 && !arrived(QUERY, 'select system$wait(60)'); i++)
    await new Promise((r) => setTimeout(r, 10));
  controller.abort();
  await assert.rejects(called);
  for (let i = 0; i < 400 && !arrived('/queries/v1/abort-request'); i++)
    await new Promise((r) => setTimeout(r, 10));
  assert.ok(arrived('/queries/v1/abort-request'), 'the statement was aborted at Snowflake');
  assert.equal(sessionEnded(fake), false, 'the session ends once the statement is answered, not before');
  // Snowflake answers the cancelled statement; then the session is ended.
  answer(sqlError('000604', '57014', 'SQL execution canceled'));
  for (let i = 0; i < 400 && !sessionEnded(fake); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(sessionEnded(fake), 'the session was ended');
});
