import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VirtualClock } from '../../../testing/virtual-clock.js';
import { single } from './fake-ahrefs.js';
import { data, setup } from './harness.js';

// The window itself (a burst up to the limit, then a wait for the oldest to leave the minute; keys
// apart; a cancelled wait) is the shared Spacer's, tested in src/upstream/test/spacer.test.ts.

test('tool calls past the per-minute limit wait for the window instead of drawing a 429', async (t) => {
  const clock = new VirtualClock(1_000_000);
  const { fake, call, sleeps } = await setup(t, undefined, { requestsPerMinute: 2, clock });
  fake.route(
    'GET /v3/site-explorer/domain-rating',
    single('domain_rating', { domain_rating: 91, ahrefs_rank: 5 }),
  );
  const args = { target: 'ahrefs.com', date: '2025-03-01' };

  for (let i = 0; i < 3; i++) data(await call('domain_rating', args));

  assert.equal(fake.requests.length, 3);
  assert.deepEqual(clock.sleeps, [60_000], 'the third request waited a minute');
  assert.deepEqual(sleeps, [], 'no retry waits');
});
