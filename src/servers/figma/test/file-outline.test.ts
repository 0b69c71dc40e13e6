import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { FILE_KEY, fileResponse, nodesResponse, sampleDocument } from './fake-figma.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const FILE_PATH = `/v1/files/${FILE_KEY}`;

/** A fake GET /v1/files/{key} that cuts the sample document at the depth asked for, as Figma does. */
function serveFile(fake: Awaited<ReturnType<typeof setup>>['fake']) {
  fake.route(`GET ${FILE_PATH}`, (req) => {
    const depth = req.query.get('depth');
    return { body: fileResponse(sampleDocument(), depth ? Number(depth) : undefined) };
  });
}

test('get_file lists pages and their top-level frames by default, asking Figma for one level more', async (t) => {
  const { fake, call } = await setup(t);
  serveFile(fake);
  const out = data(await call('get_file', { file_key: FILE_KEY }));

  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, FILE_PATH);
  assert.deepEqual(query(req), { depth: '3' });

  assert.deepEqual(
    { ...out, nodes: undefined },
    {
      file_key: FILE_KEY,
      name: 'Checkout redesign',
      editor_type: 'figma',
      last_modified: '2025-03-04T12:00:00Z',
      version: '5124837761',
      role: 'owner',
      link_access: 'inherit',
      thumbnail_url: 'https://s3-alpha.figma.com/thumbnails/checkout',
      depth: 2,
      node_count: 5,
      truncated: false,
      nodes: undefined,
      components: 1,
      component_sets: 0,
      styles: 1,
    },
  );
  assert.deepEqual(out.nodes, [
    { id: '0:1', name: 'Cover', type: 'CANVAS', depth: 1, parent_id: '0:0', child_count: 1 },
    {
      id: '1:2',
      name: 'Cover frame',
      type: 'FRAME',
      depth: 2,
      parent_id: '0:1',
      child_count: 1,
      collapsed: true,
    },
    { id: '0:2', name: 'Screens', type: 'CANVAS', depth: 1, parent_id: '0:0', child_count: 2 },
    { id: '2:1', name: 'Cart', type: 'FRAME', depth: 2, parent_id: '0:2', child_count: 2, collapsed: true },
    { id: '3:1', name: 'Receipt', type: 'FRAME', depth: 2, parent_id: '0:2', child_count: 0 },
  ]);
});

test('get_file takes a figma.com URL, a deeper depth, and shows text and hidden layers', async (t) => {
  const { fake, call } = await setup(t);
  serveFile(fake);
  const out = data(
    await call('get_file', {
      file_key: `https://www.figma.com/design/${FILE_KEY}/Checkout-redesign?node-id=0-1`,
      depth: 4,
    }),
  );
  assert.deepEqual(query(onlyRequest(fake)), { depth: '5' });
  const nodes = out.nodes as Record<string, unknown>[];
  assert.equal(out.node_count, 10);
  assert.deepEqual(
    nodes.find((n) => n.id === '2:4'),
    {
      id: '2:4',
      name: 'Pay button',
      type: 'FRAME',
      depth: 3,
      parent_id: '2:1',
      child_count: 1,
      hidden: true,
    },
  );
  assert.deepEqual(
    nodes.find((n) => n.id === '2:5'),
    {
      id: '2:5',
      name: 'Label',
      type: 'TEXT',
      depth: 4,
      parent_id: '2:4',
      child_count: 0,
      text: 'Pay now',
    },
  );
});

test('max_nodes cuts the deepest levels first and says the listing is truncated', async (t) => {
  const { fake, call } = await setup(t);
  serveFile(fake);
  const out = data(await call('get_file', { file_key: FILE_KEY, depth: 4, max_nodes: 5 }));
  const nodes = out.nodes as { id: string; collapsed?: boolean }[];
  assert.equal(out.truncated, true);
  assert.equal(out.node_count, 5);
  // Pages and frames fit; the frames' children (3 more) do not, so those frames stay collapsed.
  assert.deepEqual(
    nodes.map((n) => n.id),
    ['0:1', '1:2', '0:2', '2:1', '3:1'],
  );
  assert.equal(nodes.find((n) => n.id === '2:1')?.collapsed, true);
});

test('node_ids lists what is under chosen nodes through GET /v1/files/{key}/nodes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${FILE_PATH}/nodes`, (req) => {
    const ids = (req.query.get('ids') ?? '').split(',');
    return { body: nodesResponse(sampleDocument(), ids, Number(req.query.get('depth'))) };
  });
  const out = data(
    await call('get_file', {
      file_key: FILE_KEY,
      node_ids: '2-1, 9:9',
      depth: 1,
      include_properties: true,
      version: '5124837761',
    }),
  );
  const req = onlyRequest(fake);
  assert.deepEqual(query(req), { ids: '2:1,9:9', depth: '2', version: '5124837761' });
  assert.deepEqual(out.missing_node_ids, ['9:9']);
  const nodes = out.nodes as { id: string; depth: number; properties?: Record<string, unknown> }[];
  assert.deepEqual(
    nodes.map((n) => [n.id, n.depth]),
    [
      ['2:1', 0],
      ['2:2', 1],
      ['2:4', 1],
    ],
  );
  assert.deepEqual(nodes[0]?.properties?.absoluteBoundingBox, { x: 0, y: 0, width: 375, height: 812 });
  assert.equal(nodes[2]?.properties?.visible, false);
  assert.equal('children' in (nodes[0]?.properties ?? {}), false);
});

test('node_ids that the file does not have are reported as not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${FILE_PATH}/nodes`, { body: nodesResponse(sampleDocument(), ['7:7']) });
  assert.equal(
    failure(await call('get_file', { file_key: FILE_KEY, node_ids: ['7:7'] })),
    `Node not found: 7:7 in file ${FILE_KEY}`,
  );
});

test('a file key that could leave the path, or a bad depth, is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('get_file', { file_key: '../me' })), /file_key: must be a Figma file key/);
  assert.match(failure(await call('get_file', { file_key: FILE_KEY, depth: 0 })), /depth/);
  assert.match(failure(await call('get_file', { file_key: FILE_KEY, node_ids: '1:2/../x' })), /node id/);
  assert.equal(fake.requests.length, 0);
});
