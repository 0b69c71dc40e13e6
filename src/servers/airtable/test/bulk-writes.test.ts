import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE, recId, record, TABLE, unknownField } from './fake-airtable.js';
import { assertAuth, data, failure, setup } from './harness.js';

const RECORDS = `/v0/${BASE}/${TABLE}`;
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ fields: { Name: `Row ${i + 1}` } }));

test('a bulk create of 25 records goes out as 3 requests of at most 10, spaced 200 ms apart (5 per second)', async (t) => {
  const { fake, call, clock } = await setup(t);
  const start = clock.time;
  const sentAt: number[] = [];
  let next = 1;
  fake.route(`POST ${RECORDS}`, (req) => {
    sentAt.push(clock.time - start);
    const body = req.body as { records: { fields: Record<string, unknown> }[] };
    return { body: { records: body.records.map((r) => record(recId(next++), r.fields)) } };
  });

  const out = data(await call('create_records', { base_id: BASE, table_id: TABLE, records: rows(25) }));

  const sizes = fake.requests.map((r) => (r.body as { records: unknown[] }).records.length);
  assert.deepEqual(sizes, [10, 10, 5]);
  assert.deepEqual(sentAt, [0, 200, 400]);
  for (const req of fake.requests) assertAuth(req);
  const firstOfThird = (fake.requests[2]?.body as { records: { fields: { Name: string } }[] }).records[0];
  assert.deepEqual(firstOfThird, { fields: { Name: 'Row 21' } });
  assert.equal(out.count, 25);
  assert.deepEqual(
    (out.batches as { batch: number; ids: string[] }[]).map((b) => [b.batch, b.ids.length, b.ids[0]]),
    [
      [1, 10, recId(1)],
      [2, 10, recId(11)],
      [3, 5, recId(21)],
    ],
  );
});

test('the throttle rate is injectable: at 50 per second the slots are 20 ms apart', async (t) => {
  const { fake, call, clock } = await setup(t, undefined, { requestsPerSecond: 50 });
  fake.route(`DELETE ${RECORDS}`, (req) => ({
    body: { records: req.query.getAll('records[]').map((id) => ({ id, deleted: true })) },
  }));
  const ids = Array.from({ length: 21 }, (_, i) => recId(i));
  const out = data(await call('delete_records', { base_id: BASE, table_id: TABLE, record_ids: ids }));
  assert.deepEqual(
    fake.requests.map((r) => r.query.getAll('records[]').length),
    [10, 10, 1],
  );
  assert.deepEqual(clock.sleeps, [20, 20]);
  assert.equal(out.count, 21);
});

test('when a later batch fails, the error lists the records the earlier batches created', async (t) => {
  const { fake, call } = await setup(t);
  let next = 1;
  fake.route(`POST ${RECORDS}`, (req) => {
    const body = req.body as { records: { fields: Record<string, unknown> }[] };
    if (next > 20) return { status: 422, body: unknownField };
    return { body: { records: body.records.map((r) => record(recId(next++), r.fields)) } };
  });

  const message = failure(
    await call('create_records', { base_id: BASE, table_id: TABLE, records: rows(25) }),
  );

  assert.equal(fake.requests.length, 3);
  const first = Array.from({ length: 10 }, (_, i) => recId(i + 1)).join(', ');
  const second = Array.from({ length: 10 }, (_, i) => recId(i + 11)).join(', ');
  assert.equal(
    message,
    `Batch 3 (records 21-25 of 25) failed after 20 record(s) were created: Airtable could not process the ` +
      `request for Table ${TABLE} in base ${BASE} (HTTP 422): UNKNOWN_FIELD_NAME: Unknown field name: "Colour". ` +
      `Created before it: batch 1: ${first}; batch 2: ${second}.`,
  );
});

test('a failed first batch of a bulk update says later batches were not sent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${RECORDS}`, { status: 422, body: unknownField });
  const records = Array.from({ length: 12 }, (_, i) => ({ id: recId(i), fields: { Colour: 'red' } }));
  const message = failure(await call('update_records', { base_id: BASE, table_id: TABLE, records }));
  assert.equal(fake.requests.length, 1);
  assert.match(message, /^Batch 1 \(records 1-10 of 12\) failed after 0 record\(s\) were updated: /);
  assert.match(message, /Later batches were not sent\.$/);
});

test('a write of at most 10 records fails with the request’s own error', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${RECORDS}`, { status: 422, body: unknownField });
  assert.equal(
    failure(await call('create_records', { base_id: BASE, table_id: TABLE, records: rows(3) })),
    `Airtable could not process the request for Table ${TABLE} in base ${BASE} (HTTP 422): ` +
      'UNKNOWN_FIELD_NAME: Unknown field name: "Colour"',
  );
});
