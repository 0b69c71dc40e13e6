import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canvaError, DESIGN, design, FOLDER, THREAD, thread } from './fake-canva.js';
import { data, failure, setup, TOKEN } from './harness.js';

const DESIGN_PATH = `GET /rest/v1/designs/${DESIGN}`;

test('401 invalid_access_token asks to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(DESIGN_PATH, {
    status: 401,
    body: canvaError('invalid_access_token', 'Access token is invalid'),
  });
  const message = failure(await call('get_design', { design_id: DESIGN }));
  assert.equal(
    message,
    'Not authenticated with canva: Canva rejected the stored token (expired or invalid). Re-authenticate with `gumcp auth canva`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test('a revoked token says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /rest/v1/users/me', {
    status: 401,
    body: canvaError('revoked_access_token', 'Access token revoked'),
  });
  assert.match(
    failure(await call('get_user_details')),
    /^Not authenticated with canva: Canva says the access token was revoked/,
  );
});

test('403 missing_scope names the scope Canva gives, else the tool’s', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /rest/v1/folders', {
    status: 403,
    body: canvaError('missing_scope', 'Missing scopes: [folder:write]'),
  });
  fake.route(`GET /rest/v1/folders/${FOLDER}`, {
    status: 403,
    body: canvaError('missing_scope', 'Scope missing'),
  });
  assert.equal(
    failure(await call('create_folder', { name: 'X', parent_folder_id: 'root' })),
    'Permission denied: the stored token lacks the scope "folder:write". Re-authenticate to grant it.',
  );
  assert.match(failure(await call('get_folder', { folder_id: FOLDER })), /lacks the scope "folder:read"/);
});

test('403 permission_denied names the design', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(DESIGN_PATH, {
    status: 403,
    body: canvaError('permission_denied', 'Not allowed to access design'),
  });
  assert.equal(
    failure(await call('get_design', { design_id: DESIGN })),
    `Canva denied access to design ${DESIGN}: Not allowed to access design`,
  );
});

test('404 names what was not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(DESIGN_PATH, {
    status: 404,
    body: canvaError('design_not_found', `Design with id '${DESIGN}' not found`),
  });
  fake.route(`GET /rest/v1/designs/${DESIGN}/comments/${THREAD}`, {
    status: 404,
    body: canvaError('thread_not_found', 'Thread not found'),
  });
  assert.equal(failure(await call('get_design', { design_id: DESIGN })), `Design not found: ${DESIGN}`);
  assert.equal(
    failure(await call('get_thread', { design_id: DESIGN, thread_id: THREAD })),
    `Comment thread not found: ${THREAD} (design ${DESIGN})`,
  );
});

test("400 gives Canva's code and message", async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /rest/v1/designs/${DESIGN}/comments`, {
    status: 400,
    body: canvaError('too_many_comments', 'Design has too many comments'),
  });
  assert.equal(
    failure(await call('create_thread', { design_id: DESIGN, message_plaintext: 'hi' })),
    `Canva rejected the request for design ${DESIGN} (too_many_comments): Design has too many comments`,
  );
});

test('429 with Retry-After is honoured, then the call succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(DESIGN_PATH, {
    status: 429,
    headers: { 'retry-after': '2' },
    body: canvaError('too_many_requests', 'Too many requests'),
  });
  fake.route(DESIGN_PATH, { body: { design: design() } });
  data(await call('get_design', { design_id: DESIGN }));
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(sleeps, [2000]);
});

test('429 without Retry-After waits one slot of the endpoint’s documented rate (20 a minute: 3 s)', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once('POST /rest/v1/designs', {
    status: 429,
    body: canvaError('too_many_requests', 'Too many requests'),
  });
  fake.route('POST /rest/v1/designs', { body: { design: design('DNEW') } });
  data(await call('create_design', { design_type: { type: 'preset', name: 'doc' } }));
  assert.equal(fake.requests.length, 2, 'a 429 is retried even for a create: Canva did nothing');
  assert.deepEqual(sleeps, [3000]);
});

test('a persisting 429 fails with the operation, its budget and when to retry', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /rest/v1/designs/${DESIGN}/comments/${THREAD}/replies`, {
    status: 429,
    headers: { 'retry-after': '120' },
    body: canvaError('too_many_requests', 'Too many requests'),
  });
  assert.match(
    failure(await call('create_reply', { design_id: DESIGN, thread_id: THREAD, message_plaintext: 'x' })),
    /^Canva rate limit reached for creating replies \(about 20 requests a minute per user\); try again in 120 s \(after \d{4}-\d\d-\d\dT[\d:.]+Z\)$/,
  );
  assert.equal(fake.requests.length, 1);
});

test('5xx on a read is retried, then reported; a create is not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /rest/v1/designs/${DESIGN}/comments/${THREAD}`, {
    status: 502,
    body: canvaError('internal_error', 'Bad gateway'),
  });
  assert.equal(
    failure(await call('get_thread', { design_id: DESIGN, thread_id: THREAD })),
    'Canva failed (HTTP 502); try again later',
  );
  assert.equal(fake.requests.length, 3);
  fake.route(`GET /rest/v1/designs/${DESIGN}/comments/${THREAD}`, { body: { thread: thread() } });
  data(await call('get_thread', { design_id: DESIGN, thread_id: THREAD }));

  fake.route(`POST /rest/v1/designs/${DESIGN}/comments`, {
    status: 500,
    body: canvaError('internal_error', 'oops'),
  });
  const before = fake.requests.length;
  assert.equal(
    failure(await call('create_thread', { design_id: DESIGN, message_plaintext: 'hi' })),
    'Canva failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, before + 1);
});
