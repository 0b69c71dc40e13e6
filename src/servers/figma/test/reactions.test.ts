import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ALICE, BOB, FILE_KEY, ok, reaction } from './fake-figma.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const REACTIONS = `/v1/files/${FILE_KEY}/comments/101/reactions`;
const nextPage = (cursor: string) => `https://api.figma.com${REACTIONS}?cursor=${cursor}`;

test('get_comment_reactions follows next_page cursors and returns each reaction', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${REACTIONS}`, (req) =>
    req.query.get('cursor') === 'c2'
      ? { body: { reactions: [reaction(':heart:', ALICE)], pagination: {} } }
      : { body: { reactions: [reaction(':+1:')], pagination: { next_page: nextPage('c2') } } },
  );
  const out = data(await call('get_comment_reactions', { file_key: FILE_KEY, comment_id: '101' }));
  assert.deepEqual(fake.requests.map(query), [{}, { cursor: 'c2' }]);
  for (const req of fake.requests)
    assert.equal(req.headers.authorization, 'Bearer figu_oauth-test-token-7c1d');
  assert.deepEqual(out, {
    comment_id: '101',
    count: 2,
    reactions: [
      { emoji: ':+1:', user: { id: BOB.id, handle: 'Bob Okafor' }, created_at: '2025-03-02T10:00:00Z' },
      {
        emoji: ':heart:',
        user: { id: ALICE.id, handle: 'Alice Martin' },
        created_at: '2025-03-02T10:00:00Z',
      },
    ],
    next_cursor: null,
  });
});

test('get_comment_reactions stops at max_results and hands back the cursor to continue from', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${REACTIONS}`, (req) => {
    const n = Number(req.query.get('cursor') ?? '0');
    return {
      body: {
        reactions: [reaction(':+1:'), reaction(':tada:')],
        pagination: { next_page: nextPage(String(n + 1)) },
      },
    };
  });
  const out = data(
    await call('get_comment_reactions', { file_key: FILE_KEY, comment_id: 101, cursor: '5', max_results: 3 }),
  );
  assert.deepEqual(fake.requests.map(query), [{ cursor: '5' }, { cursor: '6' }]);
  assert.equal(out.count, 4);
  assert.equal(out.next_cursor, '7');
});

test('post_comment_reaction posts the emoji shortcode, adding the colons when left out', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${REACTIONS}`, { body: ok });
  const out = data(
    await call('post_comment_reaction', { file_key: FILE_KEY, comment_id: '101', emoji: 'heart' }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, { emoji: ':heart:' });
  assert.deepEqual(out, { reacted: true, comment_id: '101', emoji: ':heart:' });
});

test('delete_comment_reaction sends the emoji in the query', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${REACTIONS}`, { body: ok });
  const out = data(
    await call('delete_comment_reaction', {
      file_key: FILE_KEY,
      comment_id: '101',
      emoji: ':+1::skin-tone-2:',
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'DELETE');
  assert.deepEqual(query(req), { emoji: ':+1::skin-tone-2:' });
  assert.deepEqual(out, { reacted: false, comment_id: '101', emoji: ':+1::skin-tone-2:' });
});

test('an emoji character instead of a shortcode is refused with the reason', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('post_comment_reaction', { file_key: FILE_KEY, comment_id: '101', emoji: '👍' })),
    /emoji: must be an emoji shortcode such as :heart:/,
  );
  assert.equal(fake.requests.length, 0);
});
