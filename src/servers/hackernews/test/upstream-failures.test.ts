import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { createHackerNewsServer } from '../index.js';
import { call, paths, startFakeHackerNews, story, V0 } from './fake-hn.js';

let fake: FakeService | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Small timings so failures are quick; backoff of 1 ms so any long wait can only be Retry-After. */
const fast = createHackerNewsServer({ retries: 2, backoffMs: 1, timeoutMs: 500 });

test('a 429 with Retry-After is waited out and retried once, then succeeds', async () => {
  fake = await startFakeHackerNews({ items: [story(1)] });
  const arrivals: number[] = [];
  fake.route(`GET ${V0}/topstories.json`, () => {
    arrivals.push(performance.now());
    return arrivals.length === 1
      ? { status: 429, headers: { 'retry-after': '1' }, body: { error: 'Too many requests' } }
      : { body: [1] };
  });
  const client = await connect(fast);
  const result = await call(client, 'get_top_stories', { limit: 1 });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent?.stories, [story(1)]);
  assert.equal(arrivals.length, 2, 'the fake saw the first request and one retry');
  const waited = (arrivals[1] ?? 0) - (arrivals[0] ?? 0);
  assert.ok(waited >= 900, `the retry waited for Retry-After (1 s), not the backoff: ${waited} ms`);
  assert.deepEqual(paths(fake), [`${V0}/topstories.json`, `${V0}/topstories.json`, `${V0}/item/1.json`]);
});

test('5xx answers until the retries run out give a clear error', async () => {
  fake = await startFakeHackerNews();
  fake.route(`GET ${V0}/item/*`, { status: 503, body: { error: 'Service Unavailable' } });
  const client = await connect(fast);
  const result = await call(client, 'get_story_details', { id: 77 });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Hacker News failed (HTTP 503); try again later');
  assert.deepEqual(paths(fake), Array(3).fill(`${V0}/item/77.json`), 'the first request and two retries');
});

test('an upstream that never answers gives a clear timeout error after the retries', async () => {
  fake = await startFakeHackerNews();
  let release = (): void => {};
  const hung = new Promise<void>((resolve) => {
    release = resolve;
  });
  fake.route(`GET ${V0}/user/*`, async () => {
    await hung;
    return { body: null };
  });
  const client = await connect(createHackerNewsServer({ retries: 1, backoffMs: 1, timeoutMs: 500 }));
  try {
    const started = performance.now();
    const result = await call(client, 'get_user', { username: 'pg' });
    const elapsed = performance.now() - started;

    assert.equal(result.isError, true);
    assert.equal(text(result), 'Hacker News did not answer within 500 ms; try again later');
    assert.deepEqual(paths(fake), [`${V0}/user/pg.json`, `${V0}/user/pg.json`], 'one try and one retry');
    assert.ok(elapsed >= 900 && elapsed < 5000, `two attempts of 500 ms each: ${elapsed} ms`);
  } finally {
    release();
  }
});

test('a failing item fails the whole list and no further items are requested', async () => {
  fake = await startFakeHackerNews({ lists: { topstories: [1, 2, 3, 4, 5, 6] } });
  fake.route(`GET ${V0}/item/*`, async (req) => {
    if (req.path === `${V0}/item/1.json`) return { status: 500, body: { error: 'Internal Server Error' } };
    await sleep(30);
    return { body: story(Number(/(\d+)\.json$/.exec(req.path)?.[1])) };
  });
  const client = await connect(createHackerNewsServer({ retries: 0, concurrency: 2 }));
  const result = await call(client, 'get_top_stories', { limit: 6 });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Hacker News failed (HTTP 500); try again later');
  // The call fails as soon as item 1 does; item 2 was already in flight and may reach the fake later.
  const seen = fake;
  const until = Date.now() + 1000;
  while (!paths(seen).includes(`${V0}/item/2.json`) && Date.now() < until) await sleep(10);
  await sleep(100);
  assert.equal(paths(fake)[0], `${V0}/topstories.json`);
  assert.deepEqual(
    paths(fake).slice(1).sort(),
    [`${V0}/item/1.json`, `${V0}/item/2.json`],
    'the two items in flight when the first failed, and no more',
  );
});

test('Firebase "Permission denied" (401) is reported as a refusal, not as a login problem', async () => {
  fake = await startFakeHackerNews();
  fake.route(`GET ${V0}/showstories.json`, { status: 401, body: { error: 'Permission denied' } });
  const client = await connect(fast);
  const result = await call(client, 'get_stories_by_type', { type: 'show' });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Hacker News refused the request (HTTP 401): Permission denied');
  assert.doesNotMatch(text(result), /gumcp auth/);
  assert.deepEqual(paths(fake), [`${V0}/showstories.json`], '401 is not retried');
});
