import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FILE_KEY, projectFile } from './fake-figma.js';
import { data, setup } from './harness.js';

const teamAnswer = (name: string, ids: string[]) => ({
  body: { name, projects: ids.map((id) => ({ id, name: `Project ${id}` })) },
});

test('figma://project resources list the projects of teams the user looked at, one team per page', async (t) => {
  const { fake, call, client } = await setup(t);
  fake.route('GET /v1/teams/111/projects', teamAnswer('Design', ['31', '32']));
  fake.route('GET /v1/teams/222/projects', teamAnswer('Brand', ['41']));

  // Before any team is known there is nothing to list, and nothing is asked of Figma.
  assert.deepEqual((await client.listResources()).resources, []);
  assert.equal(fake.requests.length, 0);

  data(await call('get_team_projects', { team_id: '111' }));
  data(await call('get_team_projects', { team_id: '222' }));
  fake.requests.length = 0;

  // One resources/list page is one team; its cursor leads to the next team.
  const first = await client.request({ method: 'resources/list', params: {} });
  assert.deepEqual(first.resources, [
    {
      uri: 'figma://project/31',
      name: 'Project 31',
      description: 'Figma project Project 31 (team Design)',
      mimeType: 'application/json',
    },
    {
      uri: 'figma://project/32',
      name: 'Project 32',
      description: 'Figma project Project 32 (team Design)',
      mimeType: 'application/json',
    },
  ]);
  assert.ok(first.nextCursor, 'a cursor to the second team');
  const second = await client.request({ method: 'resources/list', params: { cursor: first.nextCursor } });
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    ['figma://project/41'],
  );
  assert.equal(second.nextCursor, undefined);
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/v1/teams/111/projects', '/v1/teams/222/projects'],
  );

  // A client asking for everything walks both pages.
  const all = await client.listResources();
  assert.equal(all.resources.length, 3);
});

test('FIGMA_DEFAULT_TEAM_ID (guMCP’s variable) names teams to list too', async (t) => {
  process.env.FIGMA_DEFAULT_TEAM_ID = '333';
  t.after(() => {
    delete process.env.FIGMA_DEFAULT_TEAM_ID;
  });
  const { fake, client } = await setup(t);
  fake.route('GET /v1/teams/333/projects', teamAnswer('Marketing', ['51']));
  const { resources, nextCursor } = await client.listResources();
  assert.deepEqual(
    resources.map((r) => r.uri),
    ['figma://project/51'],
  );
  assert.equal(nextCursor, undefined);
});

test('reading a project gives its files as JSON', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /v1/projects/31/files', {
    body: { name: 'Checkout', files: [projectFile(FILE_KEY, 'Checkout redesign')] },
  });
  const { contents } = await client.readResource({ uri: 'figma://project/31' });
  assert.equal(contents[0]?.mimeType, 'application/json');
  assert.deepEqual(JSON.parse(String((contents[0] as { text: string }).text)), {
    project_id: '31',
    name: 'Checkout',
    files: [
      {
        key: FILE_KEY,
        name: 'Checkout redesign',
        last_modified: '2025-03-03T08:00:00Z',
        thumbnail_url: `https://s3-alpha.figma.com/thumbnails/${FILE_KEY}`,
      },
    ],
  });
  assert.equal(fake.requests[0]?.headers.authorization, 'Bearer figu_oauth-test-token-7c1d');
});
