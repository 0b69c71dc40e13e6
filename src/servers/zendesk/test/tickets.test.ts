import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit, ticket } from './fake-zendesk.js';
import { data, failure, onlyRequest, route, setup } from './harness.js';

test('create_ticket posts the subject, the comment as its body, and the optional fields', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'tickets'), {
    status: 201,
    body: { ticket: ticket(35437, { subject: 'My printer is on fire!' }), audit: audit(35437) },
  });

  const out = data(
    await call('create_ticket', {
      subject: 'My printer is on fire!',
      comment: 'The smoke is very colorful.',
      priority: 'urgent',
      type: 'incident',
      tags: ['printer', 'fire'],
    }),
  );

  const req = onlyRequest(fake);
  assert.deepEqual(req.body, {
    ticket: {
      subject: 'My printer is on fire!',
      comment: { body: 'The smoke is very colorful.' },
      priority: 'urgent',
      type: 'incident',
      tags: ['printer', 'fire'],
    },
  });
  assert.match(String(req.headers['content-type']), /^application\/json/);
  assert.match(String(req.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
  assert.equal(out.id, 35437);
  assert.equal(out.subject, 'My printer is on fire!');
  assert.equal(out.url, 'https://company.zendesk.com/agent/tickets/35437');
});

test('create_ticket is retried after a 5xx with the same idempotency key, so one ticket is made', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(route('POST', 'tickets'), { status: 503, body: { error: 'ServiceUnavailable' } });
  fake.route(route('POST', 'tickets'), {
    status: 201,
    headers: { 'x-idempotency-lookup': 'miss' },
    body: { ticket: ticket(35438), audit: audit(35438) },
  });

  assert.equal(data(await call('create_ticket', { subject: 's', comment: 'c' })).id, 35438);
  const keys = fake.requests.map((r) => r.headers['idempotency-key']);
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'the retry carries the first attempt’s key');
  assert.deepEqual(fake.requests[0]?.body, fake.requests[1]?.body);
});

test('create_ticket checks priority and type before sending', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('create_ticket', { subject: 's', comment: 'c', priority: 'asap' })),
    /priority/,
  );
  assert.match(failure(await call('create_ticket', { subject: 's', comment: 'c', type: 'bug' })), /type/);
  assert.match(failure(await call('create_ticket', { subject: 's' })), /comment/);
  assert.equal(fake.requests.length, 0);
});

test('update_ticket puts only the given fields, with a comment as a public reply', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('PUT', 'tickets/35436'), {
    body: {
      ticket: ticket(35436, { status: 'solved', assignee_id: 99 }),
      audit: audit(35436, { id: 1274, body: 'Fixed: the fire is out.', public: true }),
    },
  });

  const out = data(
    await call('update_ticket', {
      ticket_id: '35436',
      status: 'solved',
      assignee_id: 99,
      comment: 'Fixed: the fire is out.',
      tags: ['resolved'],
    }),
  );

  assert.deepEqual(onlyRequest(fake).body, {
    ticket: {
      status: 'solved',
      assignee_id: 99,
      tags: ['resolved'],
      comment: { body: 'Fixed: the fire is out.' },
    },
  });
  assert.deepEqual(out.comment, {
    id: 1274,
    body: 'Fixed: the fire is out.',
    public: true,
    author_id: 5246746,
    created_at: '2011-09-25T22:35:44Z',
  });
  assert.equal((out.ticket as { status: string }).status, 'solved');
});

test('update_ticket without a comment is retried after a 5xx; with one it is not', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(route('PUT', 'tickets/1'), { status: 502, body: '' });
  fake.route(route('PUT', 'tickets/1'), { body: { ticket: ticket(1), audit: audit(1) } });
  fake.route(route('PUT', 'tickets/2'), { status: 500, body: { error: 'InternalError' } });

  assert.equal(data(await call('update_ticket', { ticket_id: 1, priority: 'low' })).comment, null);
  assert.equal(fake.requests.length, 2, 'setting fields is repeated after a 502');

  assert.equal(
    failure(await call('update_ticket', { ticket_id: 2, comment: 'hello' })),
    'Zendesk failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 3, 'a comment is not posted twice');
});

test('update_ticket with nothing to change fails before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('update_ticket', { ticket_id: 5 })), /Give at least one of/);
  assert.match(failure(await call('update_ticket', { ticket_id: 'abc', status: 'open' })), /ticket_id/);
  assert.match(failure(await call('update_ticket', { ticket_id: 5, status: 'done' })), /status/);
  assert.equal(fake.requests.length, 0);
});

test('add_comment adds a public reply by default, or an internal note', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('PUT', 'tickets/35436'), (req) => {
    const comment = (req.body as { ticket: { comment: { body: string; public: boolean } } }).ticket.comment;
    return { body: { ticket: ticket(35436), audit: audit(35436, { id: 77, ...comment }) } };
  });

  const reply = data(await call('add_comment', { ticket_id: 35436, comment: 'On it.' }));
  const note = data(await call('add_comment', { ticket_id: 35436, comment: 'Escalate.', public: false }));

  assert.deepEqual(
    fake.requests.map((r) => r.body),
    [
      { ticket: { comment: { body: 'On it.', public: true } } },
      { ticket: { comment: { body: 'Escalate.', public: false } } },
    ],
  );
  assert.equal((reply.comment as { public: boolean }).public, true);
  assert.equal((note.comment as { public: boolean; body: string }).public, false);
  assert.equal((note.comment as { body: string }).body, 'Escalate.');
});
