import assert from 'node:assert/strict';
import { test } from 'node:test';
import { folder, list, space, team } from './fake-clickup.js';
import { assertAuth, setup } from './harness.js';

test('resources/list gives the workspaces, then the spaces of one workspace a page', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /api/v2/team', { body: { teams: [team, { ...team, id: '5678', name: 'Second' }] } });
  fake.route('GET /api/v2/team/1234/space', { body: { spaces: [space] } });
  fake.route('GET /api/v2/team/5678/space', {
    body: { spaces: [{ ...space, id: '791', name: 'Second Space' }] },
  });

  // One page at a time: listResources() without a cursor would walk them all.
  const page = (cursor?: string) =>
    client.request({ method: 'resources/list', params: cursor ? { cursor } : {} });
  const first = await page();
  assert.deepEqual(
    first.resources.map((r) => r.uri),
    ['clickup://workspace/1234', 'clickup://workspace/5678'],
  );
  const second = await page(first.nextCursor);
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    ['clickup://space/790'],
  );
  const third = await page(second.nextCursor);
  assert.deepEqual(third.resources, [
    {
      uri: 'clickup://space/791',
      name: 'Second Space',
      description: 'Space in Second',
      mimeType: 'application/json',
    },
  ]);
  assert.equal(third.nextCursor, undefined);
  for (const req of fake.requests) assertAuth(req);
});

test('reading a workspace gives it with its spaces; reading a space gives its folders and lists', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /api/v2/team', { body: { teams: [team] } });
  fake.route('GET /api/v2/team/1234/space', { body: { spaces: [space] } });
  fake.route('GET /api/v2/space/790', { body: space });
  fake.route('GET /api/v2/space/790/folder', { body: { folders: [folder] } });
  fake.route('GET /api/v2/space/790/list', { body: { lists: [list] } });

  const ws = await client.readResource({ uri: 'clickup://workspace/1234' });
  const wsBody = JSON.parse((ws.contents[0] as { text: string }).text);
  assert.equal(wsBody.workspace.name, 'My ClickUp Workspace');
  assert.equal(wsBody.spaces[0].id, '790');

  const sp = await client.readResource({ uri: 'clickup://space/790' });
  const spBody = JSON.parse((sp.contents[0] as { text: string }).text);
  assert.equal(spBody.space.name, 'Updated Space Name');
  assert.equal(spBody.folders[0].id, '457');
  assert.equal(spBody.lists[0].id, '124');

  await assert.rejects(client.readResource({ uri: 'clickup://workspace/999' }), /Workspace not found/);
});
