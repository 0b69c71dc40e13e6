import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { category, searchBody, userBody } from './fake-discourse.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

test('list_categories answers the visible categories, linked on the user’s forum', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /categories.json', {
    body: { category_list: { can_create_category: false, can_create_topic: true, categories: [category] } },
  });

  const out = data(await call('list_categories'));

  assert.deepEqual(query(onlyRequest(fake)), {});
  assert.deepEqual(out, {
    count: 1,
    categories: [
      {
        id: 4,
        name: 'Support',
        slug: 'support',
        description: 'Ask the community for help.',
        topic_count: 152,
        post_count: 1287,
        read_restricted: false,
        parent_category_id: null,
        subcategory_ids: [],
        url: 'https://forum.example.com/c/support/4',
      },
    ],
  });

  data(await call('list_categories', { include_subcategories: true }));
  assert.deepEqual(query(fake.requests[1] as never), { include_subcategories: 'true' });
});

test('search_topics searches the terms, with the category as Discourse’s category: filter', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search.json', { body: searchBody([91], false) });

  const out = data(await call('search_topics', { query: 'printer fire', category_id: 4 }));

  assert.deepEqual(query(onlyRequest(fake)), { q: 'printer fire category:4', page: '1' });
  assert.deepEqual(out, {
    count: 1,
    next_page: null,
    topics: [
      {
        id: 91,
        title: 'Printer question 91',
        category_id: 4,
        tags: ['printers'],
        posts_count: 2,
        created_at: '2026-03-02T10:15:00.000Z',
        last_posted_at: '2026-03-02T11:00:00.000Z',
        closed: false,
        url: 'https://forum.example.com/t/printer-question-91/91',
        excerpt: 'My printer is on fire. The smoke is very colorful…',
      },
    ],
  });
});

test('search_topics follows more_full_page_results up to max_pages and says where to continue', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search.json', (req) => {
    const page = Number(req.query.get('page'));
    return { body: searchBody([page * 10 + 1, page * 10 + 2], page < 3) };
  });

  const two = data(await call('search_topics', { query: 'printer', max_pages: 2 }));
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('page')),
    ['1', '2'],
  );
  assert.deepEqual(
    (two.topics as { id: number }[]).map((x) => x.id),
    [11, 12, 21, 22],
  );
  assert.equal(two.next_page, 3);

  const rest = data(await call('search_topics', { query: 'printer', page: 3, max_pages: 5 }));
  assert.deepEqual(
    (rest.topics as { id: number }[]).map((x) => x.id),
    [31, 32],
  );
  assert.equal(rest.next_page, null);
  for (const req of fake.requests) assertAuth(req);
});

test('search_topics reports Discourse’s own complaint about the terms', async (t) => {
  const { fake, call } = await setup(t);
  const body = searchBody([], false);
  fake.route('GET /search.json', {
    body: {
      ...body,
      grouped_search_result: { ...body.grouped_search_result, error: 'Your search term is too short.' },
    },
  });
  assert.equal(
    failure(await call('search_topics', { query: 'ab' })),
    'query: Your search term is too short.',
  );
});

test('get_user_info answers the profile, trimmed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /u/jane.json', { body: userBody });

  const out = data(await call('get_user_info', { username: '@jane' }));

  onlyRequest(fake);
  assert.deepEqual(out, {
    id: 17,
    username: 'jane',
    name: 'Jane Doe',
    title: 'Regular',
    trust_level: 2,
    moderator: false,
    admin: false,
    created_at: '2021-06-04T12:00:00.000Z',
    last_posted_at: '2026-03-02T10:15:00.000Z',
    last_seen_at: '2026-03-03T08:00:00.000Z',
    post_count: 310,
    topic_count: 25,
    badge_count: 12,
    bio: null,
    location: null,
    website: null,
    url: 'https://forum.example.com/u/jane',
  });
  assert.match(failure(await call('get_user_info', { username: '../admin' })), /username/);
  assert.equal(fake.requests.length, 1);
});
