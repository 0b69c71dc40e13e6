import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateLimitMessage } from '../errors.js';
import { errMessage, errorBoolean, FILE_KEY, me } from './fake-figma.js';
import { failure, onlyRequest, setup, TOKEN } from './harness.js';

const COMMENTS = `/v1/files/${FILE_KEY}/comments`;
const getComments = { file_key: FILE_KEY };
const REAUTH =
  'Not authenticated with figma: Figma rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth figma`.';

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COMMENTS}`, { status: 401, body: errorBoolean(401, 'Unauthorized') });
  const message = failure(await call('get_file_comments', getComments));
  assert.equal(message, REAUTH);
  assert.ok(!message.includes(TOKEN));
  onlyRequest(fake);
});

test("403 'Invalid token' (Figma's answer for an expired token) also asks to re-authenticate", async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v1/me', { status: 403, body: errMessage(403, 'Invalid token') });
  assert.equal(failure(await call('get_me')), REAUTH);
});

test('403 for a missing scope names the scope Figma asks for, or the tool’s own', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COMMENTS}`, {
    status: 403,
    body: errMessage(
      403,
      'Invalid scope(s): file_content:read. This endpoint requires the file_comments:read scope',
    ),
  });
  fake.route('GET /v1/teams/42/projects', { status: 403, body: errMessage(403, 'Invalid scope') });
  assert.equal(
    failure(await call('get_file_comments', getComments)),
    'Permission denied: the stored token lacks the scope "file_comments:read". Re-authenticate to grant it.',
  );
  assert.match(
    failure(await call('get_team_projects', { team_id: '42' })),
    /lacks the scope "projects:read"/,
  );
});

test('403 without a scope problem says the user cannot open the file', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v1/files/${FILE_KEY}`, { status: 403, body: errMessage(403, 'Forbidden') });
  assert.equal(
    failure(await call('get_file', { file_key: FILE_KEY })),
    `Figma denied access to file ${FILE_KEY}: Forbidden. The user must be able to open it in Figma ` +
      '(shared with them, or in a team or project they belong to).',
  );
});

test('404 names what was not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COMMENTS}`, { status: 404, body: errMessage(404, 'Not found') });
  fake.route(`DELETE ${COMMENTS}/77`, { status: 404, body: errMessage(404, 'Not found') });
  assert.equal(failure(await call('get_file_comments', getComments)), `File not found: ${FILE_KEY}`);
  assert.equal(
    failure(await call('delete_comment', { file_key: FILE_KEY, comment_id: '77' })),
    `Comment not found: 77 in file ${FILE_KEY}`,
  );
});

test("400 gives Figma's message", async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${COMMENTS}`, { status: 400, body: errorBoolean(400, 'Cannot reply to a reply') });
  assert.equal(
    failure(await call('post_comment', { file_key: FILE_KEY, message: 'x', parent_id: '5' })),
    `Figma rejected the request for comment 5 in file ${FILE_KEY} (HTTP 400): Cannot reply to a reply`,
  );
});

test('429 with Retry-After is retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /v1/me', {
    status: 429,
    headers: { 'retry-after': '0', 'x-figma-plan-tier': 'pro', 'x-figma-rate-limit-type': 'high' },
    body: errMessage(429, 'Rate limit exceeded'),
  });
  fake.route('GET /v1/me', { body: me() });
  const result = await call('get_me');
  assert.equal(result.isError, undefined);
  assert.equal(fake.requests.length, 2);
});

test('429 with a long Retry-After fails at once, naming the plan tier, the limit type and when to retry', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v1/me', {
    status: 429,
    headers: {
      'retry-after': '396749',
      'x-figma-plan-tier': 'pro',
      'x-figma-rate-limit-type': 'low',
      'x-figma-upgrade-link': 'https://www.figma.com/files?api_paywall=true',
    },
    body: errMessage(429, 'Rate limit exceeded'),
  });
  const message = failure(await call('get_me'));
  assert.match(
    message,
    /^Figma rate limit reached \(plan tier Professional, rate limit type low \(View or Collab seat: Full and Dev seats get higher limits\)\)\. Try again in 4 d 14 h \(after \d{4}-\d\d-\d\dT[\d:.]+Z\)\. Higher limits: https:\/\/www\.figma\.com\/files\?api_paywall=true$/,
  );
  onlyRequest(fake);
});

test('the rate-limit message reads well without Figma’s optional headers', () => {
  const now = Date.parse('2025-03-01T00:00:00Z');
  assert.equal(
    rateLimitMessage(new Headers({ 'retry-after': '90', 'x-figma-plan-tier': 'enterprise' }), now),
    'Figma rate limit reached (plan tier Enterprise). Try again in 90 s (after 2025-03-01T00:01:30.000Z).',
  );
  assert.equal(rateLimitMessage(new Headers(), now), 'Figma rate limit reached. Try again later.');
});

test('5xx on a read is retried, then reported as a failure to try again later', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v1/me', { status: 502, body: errMessage(502, 'Bad gateway') });
  assert.equal(failure(await call('get_me')), 'Figma failed (HTTP 502); try again later');
  assert.equal(fake.requests.length, 3);
});

test('without a token or a personal access token no request is made, and the message says how to log in', async (t) => {
  const { fake, call } = await setup(t, { refresh_token: 'r' });
  assert.equal(
    failure(await call('get_me')),
    'Not authenticated with figma: the stored credentials hold no access token (nor a personal_access_token). ' +
      'Re-authenticate with `gumcp auth figma`.',
  );
  assert.equal(fake.requests.length, 0);
});
