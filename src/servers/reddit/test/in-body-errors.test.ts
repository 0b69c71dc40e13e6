import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiError } from './fake-reddit.js';
import { failure, setup } from './harness.js';

const POST = { subreddit: 'test', title: 'A title', content: 'A body' };

test('RATELIMIT in a 200 says how long to wait (Reddit’s ratelimit seconds) and is not retried', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('POST /api/submit', {
    body: apiError('RATELIMIT', 'you are doing that too much. try again in 5 minutes.', 'ratelimit', 295.4),
  });
  assert.equal(
    failure(await call('create_reddit_post', POST)),
    'Reddit refused to submit the post for now: you are doing that too much. try again in 5 minutes. (RATELIMIT). ' +
      'Try again in 5 min (after 2026-01-15T12:04:55.400Z).',
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('RATELIMIT without a ratelimit field takes the wait from the message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/comment', {
    body: apiError(
      'RATELIMIT',
      "Looks like you've been doing that a lot. Take a break for 5 seconds before trying again.",
      'ratelimit',
    ),
  });
  assert.match(
    failure(await call('create_reddit_comment', { parent_id: 't3_abc123', content: 'x' })),
    /^Reddit refused to post the comment for now: .*\(RATELIMIT\)\. Try again in 5 s \(after 2026-01-15T12:00:05\.000Z\)\.$/,
  );
});

test('errors about a form field name the tool’s argument', async (t) => {
  const { fake, call } = await setup(t);
  const cases: [unknown, string, string, Record<string, unknown>][] = [
    [
      apiError('SUBREDDIT_NOEXIST', "Hmm, that community doesn't exist. Try checking the spelling.", 'sr'),
      'POST /api/submit',
      "subreddit: Hmm, that community doesn't exist. Try checking the spelling. (Reddit's SUBREDDIT_NOEXIST)",
      { name: 'create_reddit_post', args: POST },
    ],
    [
      apiError('NO_TEXT', 'we need something here', 'title'),
      'POST /api/submit',
      "title: we need something here (Reddit's NO_TEXT)",
      { name: 'create_reddit_post', args: POST },
    ],
    [
      apiError('NO_SELFS', "This community doesn't allow text posts", 'sr'),
      'POST /api/submit',
      "subreddit: This community doesn't allow text posts (Reddit's NO_SELFS)",
      { name: 'create_reddit_post', args: POST },
    ],
    [
      apiError('THREAD_LOCKED', 'Comments are locked.', 'parent'),
      'POST /api/comment',
      "parent_id: Comments are locked. (Reddit's THREAD_LOCKED)",
      { name: 'create_reddit_comment', args: { parent_id: 't3_abc123', content: 'x' } },
    ],
    [
      apiError('TOO_LONG', 'This field must be under 10000 characters', 'text'),
      'POST /api/comment',
      "content: This field must be under 10000 characters (Reddit's TOO_LONG)",
      { name: 'create_reddit_comment', args: { parent_id: 't3_abc123', content: 'x' } },
    ],
  ];
  for (const [body, route, message, { name, args }] of cases) {
    fake.once(route, { body });
    assert.equal(failure(await call(name as string, args as Record<string, unknown>)), message);
  }
});

test('an error about no field of the tool says what Reddit refused', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/submit', { body: apiError('USER_REQUIRED', 'Please log in to do that.', null) });
  assert.equal(
    failure(await call('create_reddit_post', POST)),
    'Reddit refused to submit the post: Please log in to do that. (USER_REQUIRED)',
  );
});

test('arguments Reddit would refuse are named before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('create_reddit_post', { ...POST, title: '  ' })),
    /title: must not be empty/,
  );
  assert.match(
    failure(await call('create_reddit_post', { ...POST, title: 't'.repeat(301) })),
    /title: must be at most 300/,
  );
  assert.match(
    failure(await call('create_reddit_comment', { parent_id: 'not an id!', content: 'x' })),
    /parent_id: not a Reddit post or comment id/,
  );
  assert.equal(fake.requests.length, 0);
});
