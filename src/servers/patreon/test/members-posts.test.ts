import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { DEFAULT_FIELDS } from '../api.js';
import {
  CAMPAIGN_ID,
  campaignResource,
  memberResource,
  meta,
  postResource,
  tierResource,
  userResource,
} from './fake-patreon.js';
import { assertAuth, data, path, setup } from './harness.js';

const all = (type: string) => DEFAULT_FIELDS[type]?.join(',');
const MEMBERS = `GET ${path(`campaigns/${CAMPAIGN_ID}/members`)}`;
const POSTS = `GET ${path(`campaigns/${CAMPAIGN_ID}/posts`)}`;

test('get_campaign_members includes the entitled tiers by default and resolves them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(MEMBERS, {
    body: {
      data: [memberResource('03ca69c3-ebea-4b9a-8fac-e4a837873254')],
      included: [tierResource()],
      meta: meta(1, null),
    },
  });

  const out = data(await call('get_campaign_members', { campaign_id: CAMPAIGN_ID }));

  assert.deepEqual(out, {
    campaign_id: CAMPAIGN_ID,
    count: 1,
    next_cursor: null,
    total: 1,
    members: [
      {
        ...memberResource('x').attributes,
        id: '03ca69c3-ebea-4b9a-8fac-e4a837873254',
        type: 'member',
        related: { currently_entitled_tiers: [{ ...tierResource().attributes, id: '54321', type: 'tier' }] },
      },
    ],
  });
  const req = only(fake, 'GET', path(`campaigns/${CAMPAIGN_ID}/members`));
  assertAuth(req);
  assert.deepEqual(query(req), {
    include: 'currently_entitled_tiers',
    'fields[member]': all('member'),
    'fields[tier]': all('tier'),
    'page[count]': '100',
  });
});

test('members are paged with page[cursor] from meta.pagination.cursors.next, up to max_results', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(MEMBERS, (req) => {
    const cursor = req.query.get('page[cursor]');
    const count = Number(req.query.get('page[count]'));
    const from = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: count }, (_, i) => memberResource(`m${from + i}`));
    return { body: { data: items, included: [tierResource()], meta: meta(5000, String(from + count)) } };
  });

  const out = data(
    await call('get_campaign_members', { campaign_id: CAMPAIGN_ID, max_results: 1500, includes: ['user'] }),
  );

  assert.equal(out.count, 1500);
  assert.equal(out.next_cursor, '1500');
  assert.equal(out.total, 5000);
  assert.deepEqual(
    fake.requests.map((r) => [
      r.query.get('page[count]'),
      r.query.get('page[cursor]'),
      r.query.get('include'),
    ]),
    [
      ['1000', null, 'user'],
      ['500', '1000', 'user'],
    ],
  );
  assert.equal(fake.requests[0]?.query.get('fields[user]'), all('user'));
});

test('a cursor continues an earlier list; the last page ends it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(MEMBERS, { body: { data: [memberResource('m9')], meta: meta(10, null) } });
  const out = data(await call('get_campaign_members', { campaign_id: CAMPAIGN_ID, cursor: 'abc' }));
  assert.equal(out.next_cursor, null);
  assert.equal(fake.requests[0]?.query.get('page[cursor]'), 'abc');
});

test('with the pledge history, pages hold at most 500 members', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(MEMBERS, { body: { data: [], meta: meta(0, null) } });
  data(
    await call('get_campaign_members', {
      campaign_id: CAMPAIGN_ID,
      max_results: 2000,
      includes: ['pledge_history'],
    }),
  );
  assert.equal(fake.requests[0]?.query.get('page[count]'), '500');
  assert.equal(fake.requests[0]?.query.get('fields[pledge-event]'), all('pledge-event'));
});

test('get_campaign_posts asks for the post attributes and follows pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(POSTS, { body: { data: [postResource('1'), postResource('2')], meta: meta(3, 'c2') } });
  fake.once(POSTS, { body: { data: [postResource('3')], meta: meta(3, null) } });

  const out = data(await call('get_campaign_posts', { campaign_id: CAMPAIGN_ID }));

  assert.deepEqual(
    (out.posts as { id: string }[]).map((p) => p.id),
    ['1', '2', '3'],
  );
  assert.deepEqual((out.posts as Record<string, unknown>[])[0], {
    ...postResource('1').attributes,
    id: '1',
    type: 'post',
  });
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { 'fields[post]': all('post'), 'page[count]': '20' },
      { 'fields[post]': all('post'), 'page[count]': '18', 'page[cursor]': 'c2' },
    ],
  );
});

test('get_post takes the caller’s fields and includes the author and campaign', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path('posts/42')}`, {
    body: {
      data: {
        ...postResource('42'),
        relationships: {
          user: { data: { id: '111', type: 'user' } },
          campaign: { data: { id: CAMPAIGN_ID, type: 'campaign' } },
        },
      },
      included: [userResource('111'), campaignResource()],
    },
  });

  const out = data(
    await call('get_post', { post_id: '42', fields: { post: 'title,url' }, includes: ['user', 'campaign'] }),
  );

  const post = out.post as { related: { user: { full_name: string }; campaign: { summary: string } } };
  assert.equal(post.related.user.full_name, 'Platform Team');
  assert.equal(post.related.campaign.summary, 'Putting the internet to work for creators.');
  assert.deepEqual(query(only(fake, 'GET', path('posts/42'))), {
    include: 'user,campaign',
    'fields[post]': 'title,url',
    'fields[user]': all('user'),
    'fields[campaign]': all('campaign'),
  });
});
