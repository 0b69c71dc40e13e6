import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import hackernews from '../index.js';
import { call, comment, idsOf, paths, startFakeHackerNews, story, V0 } from './fake-hn.js';

let fake: FakeService | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A story shaped like the API documentation's example, with five comments of which two are gone. */
const dropbox = story(8863, {
  by: 'dhouston',
  descendants: 71,
  kids: [8952, 9224, 8917, 8884, 8887],
  score: 111,
  time: 1175714200,
  title: 'My YC app: Dropbox - Throw away your USB drive',
  url: 'http://www.getdropbox.com/u/2/screencast.html',
});
const comments = [
  comment(8952, 8863, { kids: [9153] }),
  { id: 9224, deleted: true, parent: 8863, time: 1175800000, type: 'comment' },
  comment(8917, 8863, { dead: true }),
  comment(8884, 8863),
  comment(8887, 8863),
];
const jl = {
  id: 'jl',
  created: 1173923446,
  delay: 0,
  karma: 2937,
  about: 'This is a test',
  submitted: [8265435, 8168423],
};

test('get_story_details returns the item the API has for the id', async () => {
  fake = await startFakeHackerNews({ items: [dropbox] });
  const client = await connect(hackernews);
  const result = await call(client, 'get_story_details', { id: 8863 });

  assert.equal(result.isError, undefined);
  assert.deepEqual(result.structuredContent, dropbox);
  assert.equal(JSON.parse(text(result)).title, dropbox.title, 'the text content carries the same data');
  assert.deepEqual(paths(fake), [`${V0}/item/8863.json`]);
  assert.equal(fake.requests[0]?.method, 'GET');
  assert.equal(fake.requests[0]?.headers.authorization, undefined);
});

test('get_comments returns the first `limit` top-level comments, without deleted or dead ones', async () => {
  fake = await startFakeHackerNews({ items: [dropbox, ...comments] });
  const client = await connect(hackernews);
  const result = await call(client, 'get_comments', { story_id: 8863, limit: 4 });

  assert.deepEqual(result.structuredContent, {
    story_id: 8863,
    story_title: dropbox.title,
    count: 2,
    comments: [comments[0], comments[3]],
  });
  assert.equal(paths(fake)[0], `${V0}/item/8863.json`);
  assert.deepEqual(
    paths(fake).slice(1).sort(),
    [8884, 8917, 8952, 9224].map((id) => `${V0}/item/${id}.json`),
    'only the first four kids are fetched; replies are not',
  );
});

test('get_comments fetches 10 comments when no limit is given', async () => {
  const kids = Array.from({ length: 12 }, (_, i) => 9000 + i);
  fake = await startFakeHackerNews({
    items: [story(1, { kids }), ...kids.map((id) => comment(id, 1))],
  });
  const client = await connect(hackernews);
  const result = await call(client, 'get_comments', { story_id: 1 });

  assert.equal(result.structuredContent?.count, 10);
  assert.deepEqual(idsOf(result, 'comments'), kids.slice(0, 10));
  assert.equal(paths(fake).length, 11);
});

test('get_comments of a story without comments returns none', async () => {
  fake = await startFakeHackerNews({ items: [story(5)] });
  const client = await connect(hackernews);
  const result = await call(client, 'get_comments', { story_id: 5 });

  assert.equal(result.isError, undefined);
  assert.deepEqual(result.structuredContent, { story_id: 5, story_title: 'Story 5', count: 0, comments: [] });
  assert.deepEqual(paths(fake), [`${V0}/item/5.json`]);
});

test('get_user returns the profile the API has for the username', async () => {
  fake = await startFakeHackerNews({ users: [jl] });
  const client = await connect(hackernews);
  const result = await call(client, 'get_user', { username: 'jl' });

  assert.equal(result.isError, undefined);
  assert.deepEqual(result.structuredContent, jl);
  assert.deepEqual(paths(fake), [`${V0}/user/jl.json`]);
  assert.equal(fake.requests[0]?.method, 'GET');
});

test('an unknown item id is a not-found error naming the id', async () => {
  fake = await startFakeHackerNews({ items: [dropbox] });
  const client = await connect(hackernews);

  const details = await call(client, 'get_story_details', { id: 424242 });
  assert.equal(details.isError, true);
  assert.equal(text(details), 'Hacker News item not found: 424242');
  assert.equal(details.structuredContent, undefined);

  const thread = await call(client, 'get_comments', { story_id: 535353 });
  assert.equal(thread.isError, true);
  assert.equal(text(thread), 'Hacker News item not found: 535353');

  assert.deepEqual(paths(fake), [`${V0}/item/424242.json`, `${V0}/item/535353.json`]);
});

test('an unknown username is a not-found error naming the user', async () => {
  fake = await startFakeHackerNews({ users: [jl] });
  const client = await connect(hackernews);
  const result = await call(client, 'get_user', { username: 'JL' });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Hacker News user not found: JL');
  assert.deepEqual(paths(fake), [`${V0}/user/JL.json`], 'usernames are case-sensitive: asked as given');
});
