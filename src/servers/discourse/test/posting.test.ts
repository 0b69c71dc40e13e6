import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createdPost, rateLimited } from './fake-discourse.js';
import { data, failure, onlyRequest, setup } from './harness.js';

test('create_topic posts the title, the Markdown, the category and the tags', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /posts.json', { body: createdPost });

  const out = data(
    await call('create_topic', {
      title: 'My printer is on fire',
      raw: 'The smoke is **very** colorful.',
      category_id: 4,
      tags: ['printers'],
    }),
  );

  const req = onlyRequest(fake);
  assert.match(String(req.headers['content-type']), /^application\/json/);
  assert.deepEqual(req.body, {
    title: 'My printer is on fire',
    raw: 'The smoke is **very** colorful.',
    category: 4,
    tags: ['printers'],
  });
  assert.deepEqual(out, {
    topic_id: 91,
    post_id: 1234,
    title: 'My printer is on fire',
    url: 'https://forum.example.com/t/printer-on-fire/91',
  });
});

test('create_post replies in a topic, to a post when asked', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /posts.json', {
    body: { ...createdPost, id: 1236, post_number: 3, reply_to_post_number: 2 },
  });

  const out = data(await call('create_post', { topic_id: '91', raw: 'Unplug it!', reply_to_post_number: 2 }));

  assert.deepEqual(onlyRequest(fake).body, { topic_id: 91, raw: 'Unplug it!', reply_to_post_number: 2 });
  assert.deepEqual(out, {
    post_id: 1236,
    topic_id: 91,
    post_number: 3,
    reply_to_post_number: 2,
    url: 'https://forum.example.com/t/printer-on-fire/91/3',
  });
});

test('a post is retried after a 429 (Discourse did not take it), never after a 5xx', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /posts.json', { status: 429, headers: { 'retry-after': '0' }, body: rateLimited });
  fake.route('POST /posts.json', { body: createdPost });
  data(await call('create_post', { topic_id: 91, raw: 'hi' }));
  assert.equal(fake.requests.length, 2);

  fake.route('POST /posts.json', { status: 500, body: { errors: ['Internal Server Error'] } });
  assert.equal(
    failure(await call('create_post', { topic_id: 91, raw: 'hi' })),
    'Discourse failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 3, 'a reply is not posted twice');
});

test('create_topic checks its arguments before sending', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('create_topic', { title: 'x', raw: 'y' })), /category_id/);
  assert.match(failure(await call('create_topic', { title: 'x', raw: ' ', category_id: 4 })), /raw/);
  assert.match(failure(await call('create_post', { topic_id: 'abc', raw: 'y' })), /topic_id/);
  assert.equal(fake.requests.length, 0);
});
