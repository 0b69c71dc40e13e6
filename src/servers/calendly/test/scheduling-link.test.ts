import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { eventType, notFound, unknown } from './fake-calendly.js';
import { assertAuth, calls, data, failure, setup } from './harness.js';

test('create_scheduling_link reads the event type, then creates a single-use link owned by it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_types/ET1', { body: { resource: eventType('ET1', 'Discovery call') } });
  fake.route('POST /scheduling_links', {
    status: 201,
    body: {
      resource: {
        booking_url: 'https://calendly.com/d/abcd-brv8/15-minute-meeting',
        owner: 'https://api.calendly.com/event_types/ET1',
        owner_type: 'EventType',
      },
    },
  });

  const out = data(await call('create_scheduling_link', { event_type_id: 'ET1' }));

  assert.deepEqual(out, {
    booking_url: 'https://calendly.com/d/abcd-brv8/15-minute-meeting',
    event_type_id: 'ET1',
    event_type_name: 'Discovery call',
    max_event_count: 1,
  });
  const post = only(fake, 'POST', '/scheduling_links');
  assertAuth(post);
  assert.deepEqual(post.body, {
    max_event_count: 1,
    owner: 'https://api.calendly.com/event_types/ET1',
    owner_type: 'EventType',
  });
  assertAuth(only(fake, 'GET', '/event_types/ET1'));
});

test('an unknown event type is a 404 naming it, and no link is asked for', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_types/NOPE', { status: 404, body: notFound });
  assert.equal(
    failure(await call('create_scheduling_link', { event_type_id: 'NOPE' })),
    'Event type not found: NOPE',
  );
  assert.equal(calls(fake).filter((r) => r.method === 'POST').length, 0);
});

test('a link request that fails with a 500 is not retried: it may have made a link', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_types/ET1', { body: { resource: eventType('ET1') } });
  fake.route('POST /scheduling_links', { status: 500, body: unknown });
  assert.equal(
    failure(await call('create_scheduling_link', { event_type_id: 'ET1' })),
    'Calendly failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(calls(fake).filter((r) => r.method === 'POST').length, 1);
});
