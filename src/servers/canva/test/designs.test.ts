import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESIGN, design, T0 } from './fake-canva.js';
import { assertRequest, data, failure, setup } from './harness.js';

test('get_design gives the metadata a model acts on, times in ISO 8601', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /rest/v1/designs/${DESIGN}`, { body: { design: design() } });
  const result = data(await call('get_design', { design_id: DESIGN }));
  assertRequest(fake.requests[0], { method: 'GET', path: `/rest/v1/designs/${DESIGN}` });
  assert.deepEqual(result, {
    id: DESIGN,
    title: 'Spring launch poster',
    owner: { user_id: 'auDAbliZ2rQNNOsUl5ZD', team_id: 'Oi2RJILTrKk0KRhRUZozX' },
    edit_url: `https://www.canva.com/api/design/${DESIGN}/edit`,
    view_url: `https://www.canva.com/api/design/${DESIGN}/view`,
    thumbnail_url: `https://document-export.canva.com/${DESIGN}/thumbnail/0001.png`,
    page_count: 3,
    created_at: '2024-03-01T12:00:00.000Z',
    updated_at: new Date((T0 + 3600) * 1000).toISOString(),
  });
});

test('list_designs passes the filters and follows continuation up to limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /rest/v1/designs', (req) =>
    req.query.get('continuation')
      ? { body: { items: [design('D3'), design('D4')], continuation: 'c2' } }
      : { body: { items: [design('D1'), design('D2')], continuation: 'c1' } },
  );
  const result = data(
    await call('list_designs', {
      query: 'poster',
      ownership: 'owned',
      sort_by: 'modified_descending',
      limit: 3,
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'GET',
    path: '/rest/v1/designs',
    query: { query: 'poster', ownership: 'owned', sort_by: 'modified_descending', limit: '3' },
  });
  assertRequest(fake.requests[1], {
    method: 'GET',
    path: '/rest/v1/designs',
    query: {
      query: 'poster',
      ownership: 'owned',
      sort_by: 'modified_descending',
      limit: '1',
      continuation: 'c1',
    },
  });
  assert.deepEqual(
    (result.designs as { id: string }[]).map((d) => d.id),
    ['D1', 'D2', 'D3', 'D4'],
  );
  assert.equal(result.continuation, 'c2');
});

test('list_designs with guMCP’s continuation asks for the next page (25 by default)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /rest/v1/designs', { body: { items: [design('D9')] } });
  const result = data(await call('list_designs', { continuation: 'c7' }));
  assertRequest(fake.requests[0], {
    method: 'GET',
    path: '/rest/v1/designs',
    query: { continuation: 'c7', limit: '25' },
  });
  assert.equal(result.count, 1);
  assert.equal(result.continuation, null);
});

test('create_design with a preset design type and a title', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /rest/v1/designs', { body: { design: design('DNEW') } });
  const result = data(
    await call('create_design', {
      design_type: { type: 'preset', name: 'presentation' },
      title: 'Q3 review',
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/rest/v1/designs',
    body: {
      type: 'type_and_asset',
      design_type: { type: 'preset', name: 'presentation' },
      title: 'Q3 review',
    },
  });
  assert.equal((result.design as { id: string }).id, 'DNEW');
  assert.equal(result.created_by, 'create');
});

test('create_design with a custom size and an existing asset', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /rest/v1/designs', { body: { design: design('DNEW') } });
  data(
    await call('create_design', {
      design_type: { type: 'custom', width: 1080, height: 1350 },
      asset_id: 'Msd59349ff',
    }),
  );
  assert.deepEqual(fake.requests[0]?.body, {
    type: 'type_and_asset',
    design_type: { type: 'custom', width: 1080, height: 1350 },
    asset_id: 'Msd59349ff',
  });
});

test('create_design checks its arguments before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('create_design', { design_type: { type: 'preset' } })),
    /design_type: a preset design_type needs a name/,
  );
  assert.match(
    failure(await call('create_design', { design_type: { type: 'custom', width: 20, height: 100 } })),
    /design_type.width/,
  );
  assert.equal(
    failure(await call('create_design', { title: 'x' })),
    'Give design_type, an asset (asset_id, asset_url or asset_base64), or both',
  );
  assert.equal(
    failure(await call('create_design', { resize_design_id: DESIGN })),
    'design_type: a resize needs the new design_type',
  );
  assert.equal(
    failure(await call('create_design', { brand_template_id: 'DAE1' })),
    'autofill_data: a brand template needs its field values',
  );
  assert.equal(
    failure(await call('create_design', { asset_id: 'A1', asset_url: 'https://example.com/a.png' })),
    'Give one of asset_id, asset_url and asset_base64',
  );
  assert.equal(fake.requests.length, 0);
});
