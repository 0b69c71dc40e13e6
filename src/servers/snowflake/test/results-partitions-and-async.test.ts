import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  cancelled,
  failed,
  HANDLE,
  partition,
  resultSet,
  running,
  STATEMENTS,
  STATUS,
  submitted,
} from './fake-sqlapi.js';
import { data, failure, setup } from './harness.js';

const Q = { database_name: 'SALES', query: 'select * from t' };

test('cells are typed by rowType: numbers, big numbers as strings, booleans, dates, times, timestamps, JSON', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    `POST ${STATEMENTS}`,
    resultSet(
      [
        { name: 'N', type: 'fixed', precision: 38, scale: 0 },
        { name: 'BIG', type: 'fixed', precision: 38, scale: 0 },
        { name: 'PRICE', type: 'fixed', precision: 10, scale: 2 },
        { name: 'EXACT', type: 'fixed', precision: 38, scale: 10 },
        { name: 'R', type: 'real' },
        { name: 'NAN', type: 'real' },
        { name: 'B', type: 'boolean' },
        { name: 'D', type: 'date' },
        { name: 'TM', type: 'time', scale: 3 },
        { name: 'NTZ', type: 'timestamp_ntz', scale: 3 },
        { name: 'LTZ', type: 'timestamp_ltz', scale: 9 },
        { name: 'TZ', type: 'timestamp_tz', scale: 0 },
        { name: 'OLD', type: 'timestamp_ntz', scale: 3 },
        { name: 'V', type: 'variant' },
        { name: 'O', type: 'object' },
        { name: 'A', type: 'array' },
        { name: 'BIN', type: 'binary' },
        { name: 'T', type: 'text' },
        { name: 'NUL', type: 'text' },
      ],
      [
        [
          [
            '42',
            '12345678901234567890',
            '19.99',
            '3.1415926535897932384',
            '1.5e3',
            'NaN',
            'false',
            '19000',
            '45296.789000000',
            '1565481394.123000000',
            '1565481394.123456789',
            '1565481394.000000000 1560',
            '1565481394123000000',
            '{"a": [1, 2], "b": null}',
            '{"k": "v"}',
            '[1, "two"]',
            '48656C6C6F',
            'plain text',
            null,
          ],
        ],
      ],
    ),
  );
  const [row] = data(await call('execute_query', Q)).rows as Record<string, unknown>[];
  assert.deepEqual(row, {
    N: 42,
    BIG: '12345678901234567890',
    PRICE: 19.99,
    EXACT: '3.1415926535897932384',
    R: 1500,
    NAN: 'NaN',
    B: false,
    D: '2022-01-08',
    TM: '12:34:56.789',
    NTZ: '2019-08-10T23:56:34.123',
    LTZ: '2019-08-10T23:56:34.123456789Z',
    // Offset index 1560 is UTC+2 (1560 - 1440 = 120 minutes): the local time with its offset.
    TZ: '2019-08-11T01:56:34+02:00',
    OLD: '2019-08-10T23:56:34.123',
    V: { a: [1, 2], b: null },
    O: { k: 'v' },
    A: [1, 'two'],
    BIN: '48656C6C6F',
    T: 'plain text',
    NUL: null,
  });
});

test('results in several partitions are fetched one by one up to max_rows, and say they are truncated', async (t) => {
  const { fake, call } = await setup(t);
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [String(from + i)]);
  const parts = [rows(0, 3), rows(3, 3), rows(6, 3)];
  fake.route(`POST ${STATEMENTS}`, resultSet([{ name: 'I', type: 'fixed', scale: 0 }], parts));
  fake.route(`GET ${STATUS}`, (req) => partition(parts[Number(req.query.get('partition'))] ?? []));

  const result = data(await call('execute_query', { ...Q, max_rows: 5 }));
  assert.deepEqual(
    (result.rows as { I: number }[]).map((r) => r.I),
    [0, 1, 2, 3, 4],
  );
  assert.equal(result.row_count, 5);
  assert.equal(result.total_rows, 9);
  assert.equal(result.truncated, true);
  assert.deepEqual(
    fake.requests.filter((r) => r.method === 'GET').map((r) => query(r)),
    [{ partition: '1' }],
    'the third partition is not needed',
  );

  const all = data(await call('execute_query', { ...Q, max_rows: 100 }));
  assert.equal(all.row_count, 9);
  assert.equal(all.truncated, false);
});

test('a statement past 45 s (202) is polled with backoff and progress until its result', async (t) => {
  const { fake, client, sleeps } = await setup(t);
  fake.route(`POST ${STATEMENTS}`, running);
  fake.once(`GET ${STATUS}`, running, running);
  fake.route(`GET ${STATUS}`, resultSet([{ name: 'N', type: 'fixed', scale: 0 }], [[['1']]]));
  const progress: string[] = [];

  const result = await client.callTool(
    { name: 'execute_query', arguments: Q },
    { onprogress: (p) => progress.push(`${p.progress} ${p.message}`) },
  );

  assert.deepEqual(data(result).rows, [{ N: 1 }]);
  assert.equal(fake.requests.filter((r) => r.method === 'GET' && r.path === STATUS).length, 3);
  // The first look at once, then waits growing by half.
  assert.deepEqual(sleeps, [10, 15]);
  assert.deepEqual(progress, [
    `1 Snowflake is still running statement ${HANDLE}`,
    `2 Snowflake is still running statement ${HANDLE}`,
  ]);
});

test('a statement that fails while polled gives Snowflake’s error', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${STATEMENTS}`, running);
  fake.route(`GET ${STATUS}`, failed('100038', '22018', "Numeric value 'abc' is not recognized"));
  assert.equal(
    failure(await call('execute_query', Q)),
    `Statement ${HANDLE} failed: Numeric value 'abc' is not recognized (code 100038, SQL state 22018)`,
  );
});

test('a client that cancels while a statement runs stops polling and cancels it at Snowflake', async (t) => {
  const { fake, client } = await setup(t, undefined, { poll: { initialDelayMs: 60_000, sleep: undefined } });
  fake.route(`POST ${STATEMENTS}`, running);
  fake.route(`GET ${STATUS}`, running);
  fake.route(`POST ${STATUS}/cancel`, cancelled);
  const controller = new AbortController();

  await assert.rejects(
    client.callTool(
      { name: 'execute_query', arguments: Q },
      { signal: controller.signal, onprogress: () => controller.abort() },
    ),
  );
  for (let i = 0; i < 200 && !fake.requests.some((r) => r.path === `${STATUS}/cancel`); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const cancel = fake.requests.find((r) => r.path === `${STATUS}/cancel`);
  assert.equal(cancel?.method, 'POST', 'the statement was cancelled at Snowflake');
});

test('a statement Snowflake cancels at its timeout (408) says so, whether polled or answered at once', async (t) => {
  const { fake, call } = await setup(t);
  const timedOut = {
    status: 408,
    body: {
      code: '000630',
      message: 'Statement reached its statement or warehouse timeout of 1 second(s) and was canceled.',
      sqlState: '57014',
      statementHandle: HANDLE,
    },
  };
  const said =
    'it ran past its timeout and Snowflake cancelled it: Statement reached its statement or warehouse timeout ' +
    'of 1 second(s) and was canceled. (code 000630, SQL state 57014)';
  fake.once(`POST ${STATEMENTS}`, running);
  fake.route(`GET ${STATUS}`, timedOut);
  assert.equal(
    failure(await call('execute_query', { ...Q, timeout_seconds: 1 })),
    `Statement ${HANDLE} failed: ${said}`,
  );
  fake.route(`POST ${STATEMENTS}`, timedOut);
  assert.equal(
    failure(await call('execute_query', { ...Q, timeout_seconds: 1 })),
    `The statement failed: ${said}`,
  );
  assert.deepEqual(
    submitted(fake).map((b) => b.timeout),
    [1, 1],
  );
});
