import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { eventType, pagination, USER_URI } from './fake-calendly.js';
import { assertAuth, calls, data, setup } from './harness.js';

test('list_event_types asks for the signed-in user’s event types and trims them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_types', {
    body: {
      collection: [eventType('ET1', '30 Minute Meeting', { duration: 30 })],
      pagination: pagination('event_types', 1, null),
    },
  });

  const out = data(await call('list_event_types', { active_only: true }));

  assert.deepEqual(out, {
    count: 1,
    event_types: [
      {
        id: 'ET1',
        uri: 'https://api.calendly.com/event_types/ET1',
        name: '30 Minute Meeting',
        active: true,
        duration_minutes: 30,
        scheduling_url: 'https://calendly.com/acmesales',
        kind: 'solo',
        type: 'StandardEventType',
        secret: false,
        description: '30 Minute Meeting',
      },
    ],
    next_page_token: null,
  });
  const [req] = calls(fake);
  assert.ok(req);
  assert.equal(req.method, 'GET');
  assertAuth(req);
  assert.deepEqual(query(req), { user: USER_URI, active: 'true', count: '100', sort: 'name:asc' });
});

test('without active_only every event type is asked for; pages are followed by page_token up to max_results', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_types', (req) => {
    const token = req.query.get('page_token');
    if (!token) {
      return {
        body: {
          collection: [eventType('A'), eventType('B')],
          pagination: pagination('event_types', 2, 'tok2'),
        },
      };
    }
    if (token === 'tok2') {
      return {
        body: {
          collection: [eventType('C'), eventType('D')],
          pagination: pagination('event_types', 2, 'tok3'),
        },
      };
    }
    return { status: 500, body: {} };
  });

  const out = data(await call('list_event_types', { max_results: 3 }));

  assert.deepEqual(
    (out.event_types as { id: string }[]).map((e) => e.id),
    ['A', 'B', 'C', 'D'],
  );
  assert.equal(out.next_page_token, 'tok3');
  const [first, second] = calls(fake);
  assert.equal(first?.query.get('active'), null);
  assert.equal(first?.query.get('count'), '3');
  assert.equal(second?.query.get('page_token'), 'tok2');
  assert.equal(second?.query.get('count'), '1');
  assert.equal(calls(fake).length, 2);
});

test('an invalid max_results names the argument', async (t) => {
  const { fake, call } = await setup(t);
  const result = await call('list_event_types', { max_results: 0 });
  assert.equal(result.isError, true);
  assert.match(JSON.stringify(result.content), /max_results/);
  assert.equal(fake.requests.length, 0);
});
