import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, query } from '../../../testing/fake-service.js';
import { VirtualClock } from '../../../testing/virtual-clock.js';
import { Spacer } from '../../../upstream/spacer.js';
import { discoverRegion } from '../api.js';
import { createTypeformServer } from '../index.js';
import { authFailed, EU, form, formSummary, list, response, US, workspace } from './fake-typeform.js';
import { setup } from './harness.js';

const discovery = () => ({
  throttle: Spacer.perSecond(2, new VirtualClock()),
  tuning: { retries: 0, clock: new VirtualClock() },
});

test('sign-in stores the EU region when the account’s forms link their responses to the EU host', async (t) => {
  const fake = await fakeFor(t, 'typeform');
  fake.route('GET /forms', { body: list([formSummary('u6nXL7', 'F', EU)], 1) });
  const { throttle, tuning } = discovery();
  assert.deepEqual(await discoverRegion({ access_token: 'new' }, throttle, tuning), { region: 'eu' });
  assert.deepEqual(query(fake.requests[0] as never), { page_size: '1' });
  assert.equal(fake.requests[0]?.headers.authorization, 'Bearer new');
});

test('sign-in stores the US region for a US account, and none for an account without forms', async (t) => {
  const fake = await fakeFor(t, 'typeform');
  fake.once('GET /forms', { body: list([formSummary('u6nXL7', 'F', US)], 1) });
  fake.once('GET /forms', { body: list([], 0, 0) });
  const { throttle, tuning } = discovery();
  assert.deepEqual(await discoverRegion({ access_token: 'new' }, throttle, tuning), { region: 'us' });
  assert.deepEqual(await discoverRegion({ access_token: 'new' }, throttle, tuning), {});
});

test('the server’s discover is this one, and a refused token fails the sign-in', async (t) => {
  const fake = await fakeFor(t, 'typeform');
  fake.route('GET /forms', { status: 401, body: authFailed });
  const server = createTypeformServer({ retries: 0, clock: new VirtualClock() });
  assert.equal(server.auth.kind, 'oauth2');
  if (server.auth.kind !== 'oauth2') return;
  await assert.rejects(
    server.auth.provider.discover?.({ access_token: 'bad' }) ?? Promise.resolve(),
    /did not accept/,
  );
});

test('workspaces are listed as resources page by page, and read with their forms', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /workspaces', (req) => ({
    body: list([workspace(`w${req.query.get('page')}`, 'Marketing')], 2, 2),
  }));
  fake.route('GET /workspaces/w1', { body: workspace('w1', 'Marketing') });
  fake.route('GET /forms', { body: list([formSummary('u6nXL7', 'Customer Feedback')], 1) });

  const listed = await client.listResources();
  const workspaces = listed.resources.filter((r) => r.uri.startsWith('typeform://workspace/'));
  assert.deepEqual(
    workspaces.map((r) => [r.uri, r.name]),
    [
      ['typeform://workspace/w1', 'Workspace: Marketing'],
      ['typeform://workspace/w2', 'Workspace: Marketing'],
    ],
  );

  const read = await client.readResource({ uri: 'typeform://workspace/w1' });
  const body = JSON.parse(String((read.contents[0] as { text: string }).text));
  assert.equal(body.workspace.name, 'Marketing');
  assert.deepEqual(
    body.forms.map((f: { id: string }) => f.id),
    ['u6nXL7'],
  );
  // The listing asked for all forms; the read, for the workspace's.
  assert.deepEqual(
    fake.requests.filter((r) => r.path === '/forms').map((r) => r.query.get('workspace_id')),
    [null, 'w1'],
  );
});

test('the workspace list gives a next cursor while page_count has more', async (t) => {
  const { fake } = await setup(t);
  fake.route('GET /workspaces', (req) => ({
    body: list([workspace(`w${req.query.get('page')}`, 'W')], 2, 2),
  }));
  const server = createTypeformServer({ retries: 0, clock: new VirtualClock() });
  const template = server.resources?.find((r) => 'uriTemplate' in r && r.uriTemplate.includes('workspace'));
  assert.ok(template && 'list' in template && template.list);
  const ctx = { credentials: async () => ({ access_token: 't' }) } as never;
  const one = await template.list(ctx, undefined);
  const two = await template.list(ctx, one.nextCursor);
  assert.equal(one.nextCursor, '2');
  assert.equal(two.nextCursor, undefined);
  assert.deepEqual(
    two.resources.map((r) => r.uri),
    ['typeform://workspace/w2'],
  );
});

test('reading a form gives its questions and latest responses, from its responses host', async (t) => {
  const { fake, eu, client } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'Kundenfeedback', EU) });
  eu.route('GET /forms/u6nXL7/responses', { body: list([response('tok1')], 7) });

  const read = await client.readResource({ uri: 'typeform://form/u6nXL7' });
  const body = JSON.parse(String((read.contents[0] as { text: string }).text));

  assert.equal(body.form.title, 'Kundenfeedback');
  assert.deepEqual(
    body.questions.map((q: { id: string }) => q.id),
    ['SMEUb7VJz92Q', 'GROUP1', 'k6TP9oLGgHjl', 'X4BgU2f1K6tG', 'KoJxDM3c6x8h'],
  );
  assert.equal(body.responses.total_items, 7);
  assert.equal(body.responses.latest[0].answers[0].value, 'Laura');
  assert.equal(eu.requests[0]?.query.get('page_size'), '5');
});

test('a resource URI with a bad id is refused', async (t) => {
  const { client, fake } = await setup(t);
  await assert.rejects(client.readResource({ uri: 'typeform://form/a%2Fb' }), /Invalid form id/);
  assert.equal(fake.requests.length, 0);
});
