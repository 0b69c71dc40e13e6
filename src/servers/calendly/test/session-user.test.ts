import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import { createCalendlyServer } from '../index.js';
import { ORG_URI, pagination, USER_URI, user } from './fake-calendly.js';
import { data, failure, setup, TOKEN } from './harness.js';

const empty = { body: { collection: [], pagination: pagination('event_types', 100, null) } };

test('the user URI comes from GET /users/me once per session, then from the session memo', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_types', empty);
  fake.route('GET /scheduled_events', empty);
  data(await call('list_event_types'));
  data(await call('list_event_types'));
  data(await call('list_scheduled_events'));
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    ['GET /users/me', 'GET /event_types', 'GET /event_types', 'GET /scheduled_events'],
  );
  for (const r of fake.requests.slice(1)) assert.equal(r.query.get('user'), USER_URI);
});

test('each session looks the user up itself', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_types', empty);
  data(await call('list_event_types'));
  const other = await connect(createCalendlyServer({ retries: 0 }), { credentials: { access_token: TOKEN } });
  t.after(() => other.close());
  data(await other.callTool({ name: 'list_event_types', arguments: {} }));
  data(await call('list_event_types'));
  assert.equal(fake.requests.filter((r) => r.path === '/users/me').length, 2);
});

test('a failed lookup is not kept: the next call asks again', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /users/me', { status: 500, body: {} }, { status: 500, body: {} }, { status: 500, body: {} });
  fake.route('GET /event_types', empty);
  assert.match(failure(await call('list_event_types')), /Calendly failed \(HTTP 500\)/);
  data(await call('list_event_types'));
  assert.equal(fake.requests.filter((r) => r.path === '/users/me').length, 4);
});

test('credentials that name another owner (a new sign-in) make the session look the user up again', async (t) => {
  const other = 'https://api.calendly.com/users/BBBBBBBBBBBBBBBB';
  let creds = { access_token: 'tok1', owner: USER_URI, organization: ORG_URI };
  const { fake, call } = await setup(t, async () => creds);
  fake.route('GET /users/me', (req) => ({
    body: { resource: { ...user, uri: req.headers.authorization === 'Bearer tok2' ? other : USER_URI } },
  }));
  fake.route('GET /event_types', empty);
  data(await call('list_event_types'));
  data(await call('list_event_types'));
  creds = { access_token: 'tok2', owner: other, organization: ORG_URI };
  data(await call('list_event_types'));
  data(await call('list_event_types'));
  assert.deepEqual(
    fake.requests.map((r) => `${r.path} ${r.headers.authorization} ${r.query.get('user') ?? ''}`),
    [
      '/users/me Bearer tok1 ',
      `/event_types Bearer tok1 ${USER_URI}`,
      `/event_types Bearer tok1 ${USER_URI}`,
      '/users/me Bearer tok2 ',
      `/event_types Bearer tok2 ${other}`,
      `/event_types Bearer tok2 ${other}`,
    ],
  );
});

test('a token refreshed mid-session (Calendly rotates both tokens) is used from the next request on', async (t) => {
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return lookups <= 3
      ? { access_token: 'at-old', refresh_token: 'rt-old', owner: USER_URI }
      : { access_token: 'at-new', refresh_token: 'rt-new', owner: USER_URI };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /event_types', empty);
  for (let i = 0; i < 3; i++) data(await call('list_event_types'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer at-old', 'Bearer at-old', 'Bearer at-new', 'Bearer at-new'],
  );
});
