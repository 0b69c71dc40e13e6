import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { unsubscribe, unsubscribesCsv } from './fake-lemlist.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const many = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => unsubscribe(`uns_${from + i}`, `p${from + i}@example.com`));

test('get_all_unsubscribes reads the v2 list in pages of 100 up to limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/unsubscribes/variables', (req) => {
    const at = Number(req.query.get('offset'));
    return { body: many(at, Math.min(Number(req.query.get('limit')), 130 - at)) };
  });
  const out = data(await call('get_all_unsubscribes', { limit: 500 }));
  assert.equal(out.count, 130);
  assert.equal(out.has_more, false);
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { offset: '0', limit: '100' },
      { offset: '100', limit: '100' },
    ],
  );
  const first = data(await call('get_all_unsubscribes', { offset: 5, limit: 2 }));
  assert.deepEqual(first, {
    unsubscribes: many(5, 2),
    count: 2,
    has_more: true,
    next_offset: 7,
  });
});

test('export_unsubscribes returns the CSV of the v2 export, with its row count', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/unsubscribes/exports/variables', {
    headers: { 'content-type': 'text/csv' },
    body: unsubscribesCsv,
  });
  assert.deepEqual(data(await call('export_unsubscribes')), { export_data: unsubscribesCsv, rows: 2 });
  assert.equal(onlyRequest(fake).path, '/api/v2/unsubscribes/exports/variables');
});

test('add_unsubscribe posts the email (or @domain) and says lemlist will not contact it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v2/unsubscribes/variables/john.doe@example.com', {
    body: {
      _id: 'uns_ZfdZWc7dvCqXdgQmb',
      value: 'john.doe@example.com',
      variable: 'john.doe@example.com',
      source: 'api',
    },
  });
  fake.route('POST /api/v2/unsubscribes/variables/@example.org', {
    body: { _id: 'uns_fH5gNhZnIpnwRlxZw', value: '@example.org', variable: '@example.org', source: 'api' },
  });
  assert.equal(
    data(await call('add_unsubscribe', { email: 'John.Doe@example.com' })).message,
    'Unsubscribed john.doe@example.com (uns_ZfdZWc7dvCqXdgQmb): lemlist will not contact john.doe@example.com from any campaign.',
  );
  assert.equal(
    data(await call('add_unsubscribe', { email: '@example.org' })).message,
    'Unsubscribed @example.org (uns_fH5gNhZnIpnwRlxZw): lemlist will not contact anyone at example.org from any campaign.',
  );
  assert.match(failure(await call('add_unsubscribe', { email: 'not an email' })), /email/);
  assert.equal(fake.requests.length, 2);
});

test('add_unsubscribe (documented idempotent) is retried after a 500', async (t) => {
  const { fake, call } = await setup(t);
  const path = 'POST /api/v2/unsubscribes/variables/john.doe@example.com';
  fake.once(path, { status: 500, body: 'Failed to unsubscribe variable' });
  fake.route(path, { body: { _id: 'uns_1', value: 'john.doe@example.com', source: 'api' } });
  data(await call('add_unsubscribe', { email: 'john.doe@example.com' }));
  assert.equal(fake.requests.length, 2);
});

test('delete_unsubscribe re-subscribes; one not on the list, or protected, is said so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('DELETE /api/v2/unsubscribes/variables/john.doe@example.com', { body: 'Variable subscribed' });
  fake.route('DELETE /api/v2/unsubscribes/variables/ann@example.com', {
    status: 400,
    body: 'Variable not found in unsubscribe list',
  });
  fake.route('DELETE /api/v2/unsubscribes/variables/@abuse.example', {
    status: 409,
    body: 'Variable is protected and cannot be re-subscribed',
  });
  assert.deepEqual(data(await call('delete_unsubscribe', { email: 'john.doe@example.com' })), {
    value: 'john.doe@example.com',
    resubscribed: true,
    message: 'Removed john.doe@example.com from the unsubscribe list: campaigns may contact it again.',
  });
  assert.equal(data(await call('delete_unsubscribe', { email: 'ann@example.com' })).resubscribed, false);
  assert.equal(
    failure(await call('delete_unsubscribe', { email: '@abuse.example' })),
    'lemlist keeps @abuse.example unsubscribed: it unsubscribed itself or reported abuse, so it cannot be re-subscribed',
  );
});
