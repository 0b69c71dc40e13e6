import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  forbidden,
  invalidToken,
  notFound,
  rateLimited,
  recordInvalid,
  ticket,
  unavailable,
} from './fake-zendesk.js';
import { CREDENTIALS, data, failure, route, setup, TOKEN } from './harness.js';

const PUT = route('PUT', 'tickets/35436');
const SEARCH = route('GET', 'search');
const emptySearch = { results: [], facets: null, next_page: null, previous_page: null, count: 0 };

test('401 (token expired or revoked) asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { status: 401, body: invalidToken });
  const message = failure(await call('search_tickets', { query: 'x' }));
  assert.equal(
    message,
    'Not authenticated with zendesk: Zendesk rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth zendesk`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1, 'a 401 is not retried');
});

test('403 for a token without the write scope names the scope', async (t) => {
  const { fake, call } = await setup(t, { ...CREDENTIALS, scope: 'read' });
  fake.route(PUT, { status: 403, body: forbidden });
  assert.equal(
    failure(await call('update_ticket', { ticket_id: 35436, status: 'open' })),
    'Permission denied: the stored token lacks the scope "write". Re-authenticate to grant it.',
  );
});

test('403 with the scope granted gives Zendesk’s reason and the scope the call needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(PUT, { status: 403, body: forbidden });
  assert.equal(
    failure(await call('add_comment', { ticket_id: 35436, comment: 'x' })),
    `Permission denied by Zendesk for Ticket 35436: ${forbidden.description}. This call needs the OAuth scope "write" and an agent role allowed to do it.`,
  );
});

test('404 names the ticket', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(PUT, { status: 404, body: notFound });
  assert.equal(
    failure(await call('update_ticket', { ticket_id: 35436, status: 'open' })),
    'Ticket not found: 35436',
  );
});

test('422 names the arguments Zendesk objected to', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'tickets'), { status: 422, body: recordInvalid });
  assert.equal(
    failure(await call('create_ticket', { subject: 's', comment: 'c' })),
    'Zendesk rejected the request for Ticket (new) (HTTP 422): argument subject: Subject: cannot be blank; Requester: is suspended.',
  );
});

test('429 with Retry-After is waited out and retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(SEARCH, { status: 429, headers: { 'retry-after': '0' }, body: rateLimited });
  fake.route(SEARCH, { body: emptySearch });
  data(await call('search_tickets', { query: 'x' }));
  assert.equal(fake.requests.length, 2);
});

test('429 without Retry-After waits for ratelimit-reset, or backs off when there is none', async (t) => {
  const sleeps: number[] = [];
  const { fake, call } = await setup(t, CREDENTIALS, {
    retries: 2,
    backoffMs: 4,
    maxRetryAfterMs: 60_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  fake.once(SEARCH, { status: 429, headers: { 'ratelimit-reset': '41' }, body: rateLimited });
  fake.once(SEARCH, { status: 429, body: rateLimited });
  fake.route(SEARCH, { body: emptySearch });

  data(await call('search_tickets', { query: 'x' }));

  assert.equal(fake.requests.length, 3);
  assert.equal(sleeps[0], 41_000, 'the window’s reset');
  assert.ok(
    sleeps[1] !== undefined && sleeps[1] >= 4 && sleeps[1] <= 8,
    `a bounded backoff, got ${sleeps[1]}`,
  );
});

test('a 429 that lasts says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { status: 429, headers: { 'retry-after': '93' }, body: rateLimited });
  assert.equal(
    failure(await call('search_tickets', { query: 'x' })),
    'Rate limited by Zendesk; try again in 93 s',
  );
  assert.equal(fake.requests.length, 1, 'a wait longer than the client accepts is not attempted');
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { status: 503, body: unavailable });
  assert.equal(
    failure(await call('search_tickets', { query: 'x' })),
    'Zendesk failed (HTTP 503); try again later',
  );
  assert.equal(fake.requests.length, 3, 'one try and two retries');
});

test('5xx then success returns the data', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(PUT, { status: 502, body: '<html>Bad gateway</html>' });
  fake.route(PUT, { body: { ticket: ticket(35436) } });
  assert.equal(
    (data(await call('update_ticket', { ticket_id: 35436, status: 'open' })).ticket as { id: number }).id,
    35436,
  );
});

test('without stored credentials, an access token or a subdomain, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('search_tickets', { query: 'x' })),
    /^Not authenticated with zendesk: no credentials/,
  );
  const { access_token: _, ...noToken } = CREDENTIALS;
  const empty = await setup(t, noToken);
  assert.match(
    failure(await empty.call('search_tickets', { query: 'x' })),
    /stored credentials hold no access token/,
  );
  assert.equal(none.fake.requests.length + empty.fake.requests.length, 0);
});
