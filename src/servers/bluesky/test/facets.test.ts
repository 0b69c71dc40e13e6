import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { detectFacets, graphemeCount } from '../facets.js';
import { BOB, created, DID, HANDLE, xrpcError } from './fake-bluesky.js';
import { assertBearer, data, failure, setup } from './harness.js';

const CREATE = 'POST /xrpc/com.atproto.repo.createRecord';
const RESOLVE = 'GET /xrpc/com.atproto.identity.resolveHandle';
const link = (uri: string) => ({ $type: 'app.bsky.richtext.facet#link', uri });
const tag = (t: string) => ({ $type: 'app.bsky.richtext.facet#tag', tag: t });
const mention = (did: string) => ({ $type: 'app.bsky.richtext.facet#mention', did });
const facet = (byteStart: number, byteEnd: number, feature: unknown) => ({
  index: { byteStart, byteEnd },
  features: [feature],
});

test('create_post marks a link, a mention and a hashtag by UTF-8 byte offsets, after accented text and an emoji', async (t) => {
  const h = await setup(t);
  h.pds.route(RESOLVE, { body: { did: BOB.did } });
  h.pds.route(CREATE, { body: created('app.bsky.feed.post', '3lbpost22') });
  const text = 'Café 🎉 see https://example.com/a?b=1, ping @bob.bsky.social #atproto!';

  const out = data(await h.call('create_post', { text }));

  // "Café " is 6 bytes (é takes 2), "🎉" 4, " see " 5: the link starts at byte 15, not at character 11.
  const facets = [
    facet(15, 40, link('https://example.com/a?b=1')),
    facet(47, 63, mention(BOB.did)),
    facet(64, 72, tag('atproto')),
  ];
  const req = only(h.pds, 'POST', '/xrpc/com.atproto.repo.createRecord');
  assertBearer(req, h.access(1));
  assert.deepEqual(req.body, {
    repo: DID,
    collection: 'app.bsky.feed.post',
    record: { $type: 'app.bsky.feed.post', text, createdAt: '2026-01-15T12:00:00.000Z', facets },
  });
  assert.equal(
    only(h.pds, 'GET', '/xrpc/com.atproto.identity.resolveHandle').query.get('handle'),
    'bob.bsky.social',
  );
  assert.deepEqual(out, {
    uri: `at://${DID}/app.bsky.feed.post/3lbpost22`,
    cid: 'bafyreinew3lbpost22',
    url: `https://bsky.app/profile/${HANDLE}/post/3lbpost22`,
    text,
    facets: [
      {
        type: 'link',
        text: 'https://example.com/a?b=1',
        value: 'https://example.com/a?b=1',
        byte_start: 15,
        byte_end: 40,
      },
      { type: 'mention', text: '@bob.bsky.social', value: BOB.did, byte_start: 47, byte_end: 63 },
      { type: 'tag', text: '#atproto', value: 'atproto', byte_start: 64, byte_end: 72 },
    ],
  });
});

test('a mention of a handle that resolves to nothing stays plain text', async (t) => {
  const h = await setup(t);
  h.pds.route(RESOLVE, { status: 400, body: xrpcError('InvalidRequest', 'Unable to resolve handle') });
  h.pds.route(CREATE, { body: created('app.bsky.feed.post', '3lbpost23') });
  const out = data(await h.call('create_post', { text: 'hi @nobody.example.com', langs: ['en'] }));
  assert.deepEqual(out.facets, []);
  const record = (
    only(h.pds, 'POST', '/xrpc/com.atproto.repo.createRecord').body as { record: Record<string, unknown> }
  ).record;
  assert.equal(record.facets, undefined);
  assert.deepEqual(record.langs, ['en']);
});

test('given facets are sent as they are, [] sends none, and a range outside the text is refused', async (t) => {
  const h = await setup(t);
  h.pds.route(CREATE, { body: created('app.bsky.feed.post', '3lbpost24') });
  const given = [facet(0, 5, link('https://atproto.com'))];
  data(await h.call('create_post', { text: 'Hello https://x.com', facets: given }));
  data(await h.call('create_post', { text: 'Hello https://x.com', facets: [] }));
  const [first, second] = h.pds.requests
    .filter((r) => r.path.endsWith('createRecord'))
    .map((r) => (r.body as { record: Record<string, unknown> }).record);
  assert.deepEqual(first?.facets, given);
  assert.equal(second?.facets, undefined);
  assert.equal(h.pds.requests.filter((r) => r.path.endsWith('resolveHandle')).length, 0);

  assert.equal(
    failure(await h.call('create_post', { text: 'héllo', facets: [facet(0, 7, link('https://x.com'))] })),
    'facets.0.index: the range 0-7 is not inside the 6 UTF-8 bytes of text',
  );
  assert.equal(
    failure(
      await h.call('create_post', { text: 'hi @bob', facets: [facet(3, 7, mention('bob.bsky.social'))] }),
    ),
    "facets.0.features.0.did: a mention needs the account's DID (did:plc:...)",
  );
  assert.equal(h.pds.requests.filter((r) => r.path.endsWith('createRecord')).length, 2);
});

test('length is counted in graphemes (300) and bytes (3000), as Bluesky does', async (t) => {
  const h = await setup(t);
  h.pds.route(CREATE, { body: created('app.bsky.feed.post', '3lbpost25') });
  // 300 thumbs with a skin tone: 300 graphemes, 2,400 bytes, 600 UTF-16 units: accepted.
  data(await h.call('create_post', { text: '👍🏽'.repeat(300) }));
  assert.equal(
    failure(await h.call('create_post', { text: 'a'.repeat(301) })),
    'text: 301 characters; Bluesky takes at most 300 in a post',
  );
  assert.equal(
    failure(await h.call('create_post', { text: '👨‍👩‍👧‍👦'.repeat(150) })),
    'text: 3750 bytes of UTF-8; Bluesky takes at most 3000',
  );
  assert.equal(h.pds.requests.filter((r) => r.path.endsWith('createRecord')).length, 1);
});

test('detection: trailing punctuation and unmatched parentheses leave links; numbers, keycaps and fragments are no tags', async () => {
  const resolve = async (handle: string) => (handle === 'bob.bsky.social' ? BOB.did : undefined);
  const text =
    '(see https://x.org/page) and https://y.org/a.b. #123 #tag1 #️⃣ https://z.org/#frag #日本語 #end. me@x.com @nodot';
  const facets = await detectFacets(text, resolve);
  const covered = facets.map((f) =>
    Buffer.from(text).subarray(f.index.byteStart, f.index.byteEnd).toString(),
  );
  assert.deepEqual(covered, [
    'https://x.org/page',
    'https://y.org/a.b',
    '#tag1',
    'https://z.org/#frag',
    '#日本語',
    '#end',
  ]);
  assert.deepEqual(
    facets.map((f) => f.features[0]),
    [
      link('https://x.org/page'),
      link('https://y.org/a.b'),
      tag('tag1'),
      link('https://z.org/#frag'),
      tag('日本語'),
      tag('end'),
    ],
  );
});

test('graphemes: an emoji with modifiers or joiners counts once', () => {
  assert.equal(graphemeCount('👨‍👩‍👧‍👦👍🏽é'), 3);
});
