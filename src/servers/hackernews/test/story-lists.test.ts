import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import hackernews, { createHackerNewsServer } from '../index.js';
import { call, idsOf, paths, startFakeHackerNews, story, V0 } from './fake-hn.js';

let fake: FakeService | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

test('get_top_stories returns the first `limit` top stories in list order, fetched from the API', async () => {
  fake = await startFakeHackerNews({
    lists: { topstories: [30, 10, 20, 40] },
    items: [story(10), story(20), story(30), story(40)],
  });
  const client = await connect(hackernews);
  const result = await call(client, 'get_top_stories', { limit: 3 });

  assert.equal(result.isError, undefined);
  assert.deepEqual(result.structuredContent, {
    story_type: 'top',
    endpoint: 'topstories',
    count: 3,
    stories: [story(30), story(10), story(20)],
  });
  assert.deepEqual(paths(fake).slice(0, 1), [`${V0}/topstories.json`]);
  assert.deepEqual(paths(fake).slice(1).sort(), [
    `${V0}/item/10.json`,
    `${V0}/item/20.json`,
    `${V0}/item/30.json`,
  ]);
  for (const req of fake.requests) {
    assert.equal(req.method, 'GET');
    assert.equal(req.query.toString(), '', 'no query string is sent');
    assert.equal(req.headers.authorization, undefined, 'the public API gets no credentials');
    assert.equal(req.headers.accept, 'application/json');
    assert.equal(req.rawBody, '');
  }
});

test('get_top_stories fetches 10 stories when no limit is given', async () => {
  fake = await startFakeHackerNews({
    lists: { topstories: ids(1, 15) },
    items: ids(1, 15).map((id) => story(id)),
  });
  const client = await connect(hackernews);
  const result = await call(client, 'get_top_stories', {});

  assert.equal(result.structuredContent?.count, 10);
  assert.deepEqual(idsOf(result, 'stories'), ids(1, 10));
  assert.equal(paths(fake).filter((p) => p.startsWith(`${V0}/item/`)).length, 10);
});

test('get_latest_posts reads the new stories list', async () => {
  fake = await startFakeHackerNews({ lists: { newstories: [7, 8] }, items: [story(7), story(8)] });
  const client = await connect(hackernews);
  const result = await call(client, 'get_latest_posts', { limit: 5 });

  assert.deepEqual(result.structuredContent, {
    story_type: 'new',
    endpoint: 'newstories',
    count: 2,
    stories: [story(7), story(8)],
  });
  assert.equal(paths(fake)[0], `${V0}/newstories.json`);
});

test('get_stories_by_type reads the list of each of the six types', async () => {
  const lists = {
    top: 'topstories',
    new: 'newstories',
    best: 'beststories',
    ask: 'askstories',
    show: 'showstories',
    job: 'jobstories',
  };
  fake = await startFakeHackerNews({
    lists: Object.fromEntries(Object.values(lists).map((endpoint, i) => [endpoint, [100 + i]])),
    items: Object.values(lists).map((_, i) => story(100 + i, { type: i === 5 ? 'job' : 'story' })),
  });
  const client = await connect(hackernews);
  for (const [i, [type, endpoint]] of Object.entries(lists).entries()) {
    fake.requests.length = 0;
    const result = await call(client, 'get_stories_by_type', { type, limit: 1 });
    assert.deepEqual(
      result.structuredContent,
      {
        story_type: type,
        endpoint,
        count: 1,
        stories: [story(100 + i, { type: i === 5 ? 'job' : 'story' })],
      },
      `type ${type}`,
    );
    assert.deepEqual(paths(fake), [`${V0}/${endpoint}.json`, `${V0}/item/${100 + i}.json`]);
  }
});

test('ids the API answers null for are left out of a story list', async () => {
  fake = await startFakeHackerNews({ lists: { beststories: [1, 2, 3] }, items: [story(1), story(3)] });
  const client = await connect(hackernews);
  const result = await call(client, 'get_stories_by_type', { type: 'best' });

  assert.equal(result.isError, undefined);
  assert.equal(result.structuredContent?.count, 2);
  assert.deepEqual(result.structuredContent?.stories, [story(1), story(3)]);
  assert.ok(paths(fake).includes(`${V0}/item/2.json`), 'the missing item was asked for');
});

test('an empty list gives no stories and fetches no item', async () => {
  fake = await startFakeHackerNews({ lists: { askstories: [] } });
  const client = await connect(hackernews);
  const result = await call(client, 'get_stories_by_type', { type: 'ask', limit: 5 });

  assert.deepEqual(result.structuredContent, {
    story_type: 'ask',
    endpoint: 'askstories',
    count: 0,
    stories: [],
  });
  assert.deepEqual(paths(fake), [`${V0}/askstories.json`]);
});

test('items are fetched concurrently, but never more than `concurrency` (default 5) at once', async () => {
  fake = await startFakeHackerNews({ lists: { topstories: ids(1, 12) } });
  let inFlight = 0;
  let most = 0;
  fake.route(`GET ${V0}/item/*`, async (req) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 20));
    inFlight--;
    return { body: story(Number(/(\d+)\.json$/.exec(req.path)?.[1])) };
  });
  for (const [server, bound] of [
    [createHackerNewsServer({ concurrency: 3 }), 3],
    [hackernews, 5],
  ] as const) {
    most = 0;
    const client = await connect(server);
    const result = await call(client, 'get_top_stories', { limit: 12 });

    assert.deepEqual(
      idsOf(result, 'stories'),
      ids(1, 12),
      'results keep the list order whatever order the answers came in',
    );
    assert.equal(most, bound);
  }
});
