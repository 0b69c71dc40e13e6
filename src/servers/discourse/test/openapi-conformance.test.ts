import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  category,
  categoryShow,
  createdPost,
  latestBody,
  listTopic,
  searchBody,
  topicBody,
  userBody,
} from './fake-discourse.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against Discourse's OpenAPI description (openapi.json of
 * discourse/discourse_api_docs), so they cannot drift apart together: every request the tools and
 * resources make must be an operation of it, and every answer the fake gives must fit the operation's
 * 200 schema. The description is in no npm package; DISCOURSE_OPENAPI_SPEC names the file, and
 * without it the test is skipped.
 */

type Schema = Record<string, unknown>;
const props = (s: Schema) => (s.properties ?? {}) as Record<string, unknown>;

/**
 * Discourse's own omissions, which its API accepts and answers (see its controllers): `tags` when
 * creating a topic, the `topics` of a search answer, and the `page` of /latest. The servers' URL is a
 * template (`https://{defaultHost}`) and is made concrete.
 */
function fix(s: Schema): Schema {
  if (typeof s.openapi === 'string') return { ...s, servers: [{ url: 'https://discourse.example.com' }] };
  const p = props(s);
  if (p.target_recipients && p.raw) {
    return { ...s, properties: { ...p, tags: { type: 'array', items: { type: 'string' } } } };
  }
  if (p.grouped_search_result && p.posts) {
    return { ...s, properties: { ...p, topics: { type: 'array', items: {} } } };
  }
  if (s.operationId === 'listLatestTopics') {
    const parameters = [
      ...((s.parameters as unknown[]) ?? []),
      { name: 'page', in: 'query', schema: { type: 'integer' } },
    ];
    return { ...s, parameters };
  }
  return s;
}

const categories = {
  category_list: { can_create_category: false, can_create_topic: true, categories: [category] },
};

/** What each route of the fake answers in this test. */
const ANSWERS: Record<string, FakeReply> = {
  'GET /categories.json': { body: categories },
  'GET /search.json': { body: searchBody([91], false) },
  'POST /posts.json': { body: createdPost },
  'GET /u/jane.json': { body: userBody },
  'GET /c/4/show.json': { body: { category: categoryShow } },
  'GET /t/91.json': { body: topicBody },
  'GET /latest.json': { body: latestBody([listTopic(91, 'First topic')], null) },
};

const CALLS: [string, Record<string, unknown>][] = [
  ['list_categories', { include_subcategories: true }],
  ['search_topics', { query: 'printer', category_id: 4 }],
  ['create_topic', { title: 'My printer is on fire', raw: 'Help', category_id: 4, tags: ['printers'] }],
  ['create_post', { topic_id: 91, raw: 'Unplug it', reply_to_post_number: 1 }],
  ['get_user_info', { username: 'jane' }],
];

test("every request the server makes, and every answer of the fake, fits Discourse's OpenAPI description", async (t) => {
  const file = process.env.DISCOURSE_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('DISCOURSE_OPENAPI_SPEC names no file (openapi.json of discourse/discourse_api_docs)');
    return;
  }
  const spec = await OpenApiCheck.load(file, { fix });
  const { fake, call, client } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));
  await client.listResources();
  await client.readResource({ uri: 'discourse://category/4' });
  await client.readResource({ uri: 'discourse://topic/91' });

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const answer = ANSWERS[`${req.method} ${req.path}`];
    spec.assertAnswer(req.method, req.path, answer?.status ?? 200, answer?.body);
  }
  assert.deepEqual([...used].sort(), [
    'GET /c/{id}/show.json',
    'GET /categories.json',
    'GET /latest.json',
    'GET /search.json',
    'GET /t/{id}.json',
    'GET /u/{username}.json',
    'POST /posts.json',
  ]);
});
