import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { doc, profile } from './fake-klaviyo.js';
import { answer, data, failure, route, setup } from './harness.js';

const PROFILES = route('GET', 'profiles');
const people = (from: number, n: number) => Array.from({ length: n }, (_, i) => profile(`P${from + i}`));

test('a listing follows links.next page after page until the limit', async (t) => {
  const { fake, call } = await setup(t);
  const next = (cursor: string) => `${fake.url}/api/profiles?page%5Bsize%5D=2&page%5Bcursor%5D=${cursor}`;
  fake.route(PROFILES, (req) => {
    const cursor = req.query.get('page[cursor]');
    if (!cursor) return answer(doc(people(0, 2), { next: next('c2') }));
    if (cursor === 'c2') return answer(doc(people(2, 2), { next: next('c3') }));
    return answer(doc(people(4, 1)));
  });

  const out = data(await call('get_profiles', { limit: 4 }));

  assert.deepEqual(
    (out.profiles as { id: string }[]).map((p) => p.id),
    ['P0', 'P1', 'P2', 'P3'],
  );
  assert.equal(out.next_cursor, 'c3');
  assert.deepEqual(fake.requests.map(query), [
    { 'page[size]': '4' },
    { 'page[size]': '2', 'page[cursor]': 'c2' },
  ]);

  const rest = data(await call('get_profiles', { cursor: 'c3' }));
  assert.deepEqual(
    (rest.profiles as { id: string }[]).map((p) => p.id),
    ['P4'],
  );
  assert.equal(rest.next_cursor, undefined);
  assert.equal(fake.requests[2]?.query.get('page[cursor]'), 'c3');
});

test('a next link to another host is never followed with the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    PROFILES,
    answer(doc(people(0, 1), { next: 'https://evil.example/api/profiles?page%5Bcursor%5D=x' })),
  );
  assert.equal(
    failure(await call('get_profiles', { limit: 10 })),
    "Klaviyo's next-page link leads outside its API (evil.example); stopped paging rather than send the token there",
  );
  assert.equal(fake.requests.length, 1);
});

test('a next link outside the API path on the same host is refused too', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(PROFILES, answer(doc(people(0, 1), { next: `${fake.url}/oauth/token?page%5Bcursor%5D=x` })));
  assert.match(failure(await call('get_profiles', { limit: 10 })), /leads outside its API/);
  assert.equal(fake.requests.length, 1);
});
