import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { eventType, invitee, notFound, pagination, scheduledEvent, USER_URI } from './fake-calendly.js';
import { assertAuth, setup } from './harness.js';

test('resources list event types, then scheduled events, each paged by Calendly’s page_token', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /event_types', (req) =>
    req.query.get('page_token') === 'et2'
      ? {
          body: {
            collection: [eventType('ET2', 'Long call', { duration: 60 })],
            pagination: pagination('event_types', 100, null),
          },
        }
      : {
          body: {
            collection: [eventType('ET1', 'Short call', { duration: 15 })],
            pagination: pagination('event_types', 100, 'et2'),
          },
        },
  );
  fake.route('GET /scheduled_events', {
    body: {
      collection: [scheduledEvent('EV1', '2031-03-10T14:15:22.123456Z')],
      pagination: pagination('scheduled_events', 100, null),
    },
  });

  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await client.listResources(cursor ? { cursor } : {});
    seen.push(...page.resources.map((r) => `${r.uri} | ${r.name}`));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 10);

  assert.deepEqual(seen, [
    'calendly://event_type/ET1 | Event type: Short call (15 min)',
    'calendly://event_type/ET2 | Event type: Long call (60 min)',
    'calendly://event/EV1 | Meeting: 15 Minute Meeting (2031-03-10 14:15 UTC)',
  ]);
  const etRequests = fake.requests.filter((r) => r.path === '/event_types');
  assert.deepEqual(
    etRequests.map((r) => r.query.get('page_token')),
    [null, 'et2'],
  );
  for (const r of etRequests) assert.equal(r.query.get('user'), USER_URI);
  const ev = only(fake, 'GET', '/scheduled_events');
  assert.equal(ev.query.get('status'), 'active');
  assert.equal(ev.query.get('user'), USER_URI);
});

test('reading an event type gives it trimmed and whole', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /event_types/ET1', { body: { resource: eventType('ET1', 'Short call') } });
  const { contents } = await client.readResource({ uri: 'calendly://event_type/ET1' });
  const body = JSON.parse((contents[0] as { text: string }).text);
  assert.equal(body.id, 'ET1');
  assert.equal(body.name, 'Short call');
  assert.equal(body.resource.internal_note, 'Internal note');
  assert.equal(contents[0]?.mimeType, 'application/json');
  assertAuth(only(fake, 'GET', '/event_types/ET1'));
});

test('reading an event gives it with its invitees', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /scheduled_events/EV1', {
    body: { resource: scheduledEvent('EV1', '2031-03-10T14:15:22.123456Z') },
  });
  fake.route('GET /scheduled_events/EV1/invitees', {
    body: {
      collection: [invitee('EV1', 'INV1')],
      pagination: pagination('scheduled_events/EV1/invitees', 100, null),
    },
  });
  const { contents } = await client.readResource({ uri: 'calendly://event/EV1' });
  const body = JSON.parse((contents[0] as { text: string }).text);
  assert.equal(body.id, 'EV1');
  assert.deepEqual(body.invitees, [
    {
      id: 'INV1',
      name: 'John Doe',
      email: 'test@example.com',
      status: 'active',
      timezone: 'America/New_York',
      cancel_url: 'https://calendly.com/cancellations/INV1',
      reschedule_url: 'https://calendly.com/reschedulings/INV1',
    },
  ]);
  assert.equal(body.more_invitees, false);
  assert.equal(only(fake, 'GET', '/scheduled_events/EV1/invitees').query.get('count'), '100');
});

test('reading a missing event names it', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /scheduled_events/GONE', { status: 404, body: notFound });
  fake.route('GET /scheduled_events/GONE/invitees', { status: 404, body: notFound });
  await assert.rejects(
    client.readResource({ uri: 'calendly://event/GONE' }),
    /Scheduled event not found: GONE/,
  );
});
