import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESIGN, design } from './fake-canva.js';
import { setup, TOKEN } from './harness.js';

test('canva://design resources list the designs, newest first, page by page with Canva’s continuation', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /rest/v1/designs', (req) =>
    req.query.get('continuation') === 'c1'
      ? { body: { items: [design('D3', { title: 'Third' })] } }
      : {
          body: {
            items: [design('D1', { title: 'First' }), design('D2', { title: '' })],
            continuation: 'c1',
          },
        },
  );
  // One page at a time: listResources() without a cursor would walk them all.
  const first = await client.request({ method: 'resources/list', params: {} });
  assert.deepEqual(
    first.resources.map((r) => [r.uri, r.name, r.mimeType]),
    [
      ['canva://design/D1', 'First', 'application/json'],
      ['canva://design/D2', 'D2', 'application/json'],
    ],
  );
  assert.ok(first.nextCursor);
  const second = await client.listResources({ cursor: first.nextCursor });
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    ['canva://design/D3'],
  );
  assert.equal(second.nextCursor, undefined);
  assert.deepEqual(Object.fromEntries(fake.requests[0]?.query ?? []), {
    sort_by: 'modified_descending',
    limit: '100',
  });
  assert.deepEqual(Object.fromEntries(fake.requests[1]?.query ?? []), {
    sort_by: 'modified_descending',
    limit: '100',
    continuation: 'c1',
  });
  assert.equal(fake.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
});

test('reading canva://design/{id} gives the design’s metadata as JSON', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(`GET /rest/v1/designs/${DESIGN}`, { body: { design: design() } });
  const { contents } = await client.readResource({ uri: `canva://design/${DESIGN}` });
  assert.equal(contents[0]?.mimeType, 'application/json');
  const read = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(read.id, DESIGN);
  assert.equal(read.title, 'Spring launch poster');
  assert.equal(fake.requests[0]?.path, `/rest/v1/designs/${DESIGN}`);
});
