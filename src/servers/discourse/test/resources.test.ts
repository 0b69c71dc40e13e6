import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { category, categoryShow, latestBody, listTopic, topicBody } from './fake-discourse.js';
import { assertAuth, setup } from './harness.js';

test('resources/list gives the categories, and the latest topics a page at a time', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /categories.json', {
    body: { category_list: { can_create_category: false, can_create_topic: true, categories: [category] } },
  });
  fake.route('GET /latest.json', (req) =>
    req.query.get('page') === '1'
      ? { body: latestBody([listTopic(93, 'Third topic')], null) }
      : { body: latestBody([listTopic(91, 'First topic'), listTopic(92, 'Second topic')], 1) },
  );

  const { resources } = await client.listResources();
  assert.deepEqual(resources, [
    {
      uri: 'discourse://category/4',
      name: 'Support',
      description: 'Ask the community for help.',
      mimeType: 'application/json',
    },
    { uri: 'discourse://topic/91', name: 'First topic', mimeType: 'application/json' },
    { uri: 'discourse://topic/92', name: 'Second topic', mimeType: 'application/json' },
    { uri: 'discourse://topic/93', name: 'Third topic', mimeType: 'application/json' },
  ]);
  assert.deepEqual(
    fake.requests.filter((r) => r.path === '/latest.json').map((r) => query(r)),
    [{}, { page: '1' }],
  );
  for (const req of fake.requests) assertAuth(req);
});

test('reading a category gives it; reading a topic gives it with its posts as text', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /c/4/show.json', { body: { category: categoryShow } });
  fake.route('GET /t/91.json', { body: topicBody });

  const cat = JSON.parse(
    ((await client.readResource({ uri: 'discourse://category/4' })).contents[0] as { text: string }).text,
  );
  assert.equal(cat.name, 'Support');
  assert.equal(cat.url, 'https://forum.example.com/c/support/4');

  const topic = JSON.parse(
    ((await client.readResource({ uri: 'discourse://topic/91' })).contents[0] as { text: string }).text,
  );
  assert.equal(topic.topic.title, 'My printer is on fire');
  assert.equal(topic.topic.url, 'https://forum.example.com/t/printer-on-fire/91');
  assert.deepEqual(topic.posts, [
    {
      id: 1234,
      topic_id: 91,
      post_number: 1,
      username: 'jane',
      created_at: '2026-03-02T10:15:00.000Z',
      text: 'My printer is on fire.',
    },
    {
      id: 1235,
      topic_id: 91,
      post_number: 2,
      username: 'sam',
      created_at: '2026-03-02T10:15:00.000Z',
      text: 'Unplug it & step back!',
    },
  ]);
  assert.equal(topic.more_posts, false);
  await assert.rejects(client.readResource({ uri: 'discourse://topic/abc' }), /Invalid topic id/);
});
