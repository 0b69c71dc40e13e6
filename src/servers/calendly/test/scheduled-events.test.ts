import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { pagination, permissionDenied, scheduledEvent, USER_URI } from './fake-calendly.js';
import { assertAuth, calls, data, failure, setup } from './harness.js';

test('list_scheduled_events asks for the user’s events of the given days, soonest first, and trims them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /scheduled_events', {
    body: {
      collection: [scheduledEvent('EV1', '2031-03-10T14:15:22.123456Z')],
      pagination: pagination('scheduled_events', 1, null),
    },
  });

  const out = data(
    await call('list_scheduled_events', {
      status: 'canceled',
      start_date: '2031-03-10',
      end_date: '2031-03-12',
    }),
  );

  assert.deepEqual(out, {
    status: 'canceled',
    min_start_time: '2031-03-10T00:00:00.000Z',
    max_start_time: '2031-03-12T23:59:59.000Z',
    count: 1,
    events: [
      {
        id: 'EV1',
        uri: 'https://api.calendly.com/scheduled_events/EV1',
        name: '15 Minute Meeting',
        status: 'active',
        start_time: '2031-03-10T14:15:22.123456Z',
        end_time: '2031-03-10T15:15:22.123456Z',
        event_type_id: 'GBGBDCAADAEDCRZ2',
        location: { type: 'physical', location: 'Calendly Office', join_url: null },
        invitees: { total: 1, active: 1, limit: 1 },
        cancellation: null,
      },
    ],
    next_page_token: null,
  });
  const req = only(fake, 'GET', '/scheduled_events');
  assertAuth(req);
  assert.deepEqual(query(req), {
    user: USER_URI,
    status: 'canceled',
    min_start_time: '2031-03-10T00:00:00.000Z',
    max_start_time: '2031-03-12T23:59:59.000Z',
    sort: 'start_time:asc',
    count: '100',
  });
});

test('by default active events of the 30 days either side of now are listed, over several pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /scheduled_events', (req) =>
    req.query.get('page_token') === 'p2'
      ? {
          body: {
            collection: [scheduledEvent('EV2', '2031-01-02T10:00:00Z')],
            pagination: pagination('scheduled_events', 100, null),
          },
        }
      : {
          body: {
            collection: [scheduledEvent('EV1', '2031-01-01T10:00:00Z')],
            pagination: pagination('scheduled_events', 100, 'p2'),
          },
        },
  );
  const before = Date.now();

  const out = data(await call('list_scheduled_events'));

  assert.deepEqual(
    (out.events as { id: string }[]).map((e) => e.id),
    ['EV1', 'EV2'],
  );
  const [first, second] = calls(fake);
  assert.equal(first?.query.get('status'), 'active');
  const min = Date.parse(first?.query.get('min_start_time') ?? '');
  const max = Date.parse(first?.query.get('max_start_time') ?? '');
  assert.ok(min <= before - 30 * 86_400_000 + 60_000 && min >= before - 31 * 86_400_000);
  assert.equal(max - min, 60 * 86_400_000);
  assert.equal(second?.query.get('page_token'), 'p2');
});

test('a wrong status names the argument', async (t) => {
  const { call } = await setup(t);
  assert.match(failure(await call('list_scheduled_events', { status: 'done' })), /status/);
});

test('cancel_event posts the reason to the event’s cancellation and reports who canceled', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /scheduled_events/EV1/cancellation', {
    status: 201,
    body: { resource: { canceled_by: 'John Doe', reason: 'Sick', canceler_type: 'host' } },
  });

  const out = data(await call('cancel_event', { event_id: 'EV1', reason: 'Sick' }));

  assert.deepEqual(out, {
    event_id: 'EV1',
    canceled: true,
    already_canceled: false,
    canceled_by: 'John Doe',
    canceler_type: 'host',
    reason: 'Sick',
  });
  const req = only(fake, 'POST', '/scheduled_events/EV1/cancellation');
  assertAuth(req);
  assert.deepEqual(req.body, { reason: 'Sick' });
  assert.equal(req.headers['content-type'], 'application/json');
  // Cancelling needs no user URI.
  assert.equal(fake.requests.length, 1);
});

test('cancel_event without a reason sends an empty body; an event URI is accepted', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /scheduled_events/EV2/cancellation', {
    status: 201,
    body: { resource: { canceled_by: 'John Doe', reason: null, canceler_type: 'host' } },
  });
  const out = data(await call('cancel_event', { event_id: 'https://api.calendly.com/scheduled_events/EV2' }));
  assert.equal(out.reason, null);
  assert.deepEqual(only(fake, 'POST', '/scheduled_events/EV2/cancellation').body, {});
});

test('cancel_event after a 503 is retried (cancelling twice changes nothing)', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /scheduled_events/EV1/cancellation', { status: 503, body: {} });
  fake.route('POST /scheduled_events/EV1/cancellation', {
    status: 201,
    body: { resource: { canceled_by: 'John Doe', reason: null, canceler_type: 'host' } },
  });
  data(await call('cancel_event', { event_id: 'EV1' }));
  assert.equal(calls(fake).length, 2);
});

test('a retry that meets “already canceled” reports the earlier cancellation, read from the event', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /scheduled_events/EV1/cancellation', { status: 502, body: {} });
  fake.route('POST /scheduled_events/EV1/cancellation', {
    status: 403,
    body: { title: 'Permission Denied', message: 'Event is already canceled' },
  });
  fake.route('GET /scheduled_events/EV1', {
    body: {
      resource: scheduledEvent('EV1', '2031-03-10T14:15:22.123456Z', {
        status: 'canceled',
        cancellation: { canceled_by: 'John Doe', reason: 'Sick', canceler_type: 'host' },
      }),
    },
  });
  assert.deepEqual(data(await call('cancel_event', { event_id: 'EV1', reason: 'Sick' })), {
    event_id: 'EV1',
    canceled: true,
    already_canceled: true,
    canceled_by: 'John Doe',
    canceler_type: 'host',
    reason: 'Sick',
  });
  assert.equal(calls(fake).filter((r) => r.method === 'POST').length, 2);
});

test('an event in the past, or not the user’s, gives Calendly’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /scheduled_events/EV1/cancellation', {
    status: 403,
    body: { title: 'Permission Denied', message: 'Event in the past' },
  });
  assert.equal(
    failure(await call('cancel_event', { event_id: 'EV1' })),
    'Calendly denied access to Scheduled event EV1: Event in the past',
  );
  fake.route('POST /scheduled_events/EV3/cancellation', { status: 403, body: permissionDenied });
  assert.match(failure(await call('cancel_event', { event_id: 'EV3' })), /You do not have permission/);
});
