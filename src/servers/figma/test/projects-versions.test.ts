import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { BOB, FILE_KEY, projectFile, version } from './fake-figma.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const VERSIONS = `/v1/files/${FILE_KEY}/versions`;

test('get_team_projects lists the projects of a team', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v1/teams/1234567890/projects', {
    body: {
      name: 'Design team',
      projects: [
        { id: '3000001', name: 'Checkout' },
        { id: 3000002, name: 'Onboarding' },
      ],
    },
  });
  const out = data(await call('get_team_projects', { team_id: '1234567890' }));
  assert.equal(onlyRequest(fake).method, 'GET');
  assert.deepEqual(out, {
    team_id: '1234567890',
    team_name: 'Design team',
    count: 2,
    projects: [
      { id: '3000001', name: 'Checkout' },
      { id: '3000002', name: 'Onboarding' },
    ],
  });
});

test('get_project_files lists file keys, with branches when branch_data is set', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v1/projects/3000001/files', (req) => ({
    body: {
      name: 'Checkout',
      files: [
        projectFile(FILE_KEY, 'Checkout redesign', {
          ...(req.query.get('branch_data') === 'true'
            ? {
                branches: [
                  {
                    key: 'br4nch',
                    name: 'Dark mode',
                    thumbnail_url: 'https://t/1',
                    last_modified: '2025-03-05T08:00:00Z',
                  },
                ],
              }
            : {}),
        }),
      ],
    },
  }));
  const plain = data(await call('get_project_files', { project_id: 3000001 }));
  const withBranches = data(await call('get_project_files', { project_id: '3000001', branch_data: true }));
  assert.deepEqual(fake.requests.map(query), [{}, { branch_data: 'true' }]);
  assert.deepEqual(plain, {
    project_id: '3000001',
    project_name: 'Checkout',
    count: 1,
    files: [
      {
        key: FILE_KEY,
        name: 'Checkout redesign',
        last_modified: '2025-03-03T08:00:00Z',
        thumbnail_url: `https://s3-alpha.figma.com/thumbnails/${FILE_KEY}`,
      },
    ],
  });
  assert.deepEqual((withBranches.files as { branches?: unknown }[])[0]?.branches, [
    { key: 'br4nch', name: 'Dark mode', last_modified: '2025-03-05T08:00:00Z' },
  ]);
});

test('get_file_versions pages with page_size and before, and stops at max_results', async (t) => {
  const { fake, call } = await setup(t);
  // 120 versions, newest first: ids 1120 down to 1001.
  const all = Array.from({ length: 120 }, (_, i) =>
    version(String(1120 - i), { label: i === 0 ? 'v2' : null }),
  );
  fake.route(`GET ${VERSIONS}`, (req) => {
    const size = Number(req.query.get('page_size'));
    const before = req.query.get('before');
    const start = before ? all.findIndex((v) => Number(v.id) < Number(before)) : 0;
    const versions = all.slice(start, start + size);
    const last = versions.at(-1);
    return {
      body: {
        versions,
        pagination: {
          prev_page: `https://api.figma.com${VERSIONS}?page_size=${size}&after=${versions[0]?.id}`,
          ...(last
            ? { next_page: `https://api.figma.com${VERSIONS}?page_size=${size}&before=${last.id}` }
            : {}),
        },
      },
    };
  });
  const out = data(await call('get_file_versions', { file_key: FILE_KEY, max_results: 80 }));
  assert.deepEqual(fake.requests.map(query), [{ page_size: '50' }, { page_size: '30', before: '1071' }]);
  const versions = out.versions as { id: string }[];
  assert.equal(out.count, 80);
  assert.equal(versions[0]?.id, '1120');
  assert.equal(versions[79]?.id, '1041');
  assert.equal(out.next_before, '1041');
  assert.deepEqual(versions[0], {
    id: '1120',
    created_at: '2025-02-20T16:45:00Z',
    label: 'v2',
    description: null,
    user: { id: '1061467419850487543', handle: 'Alice Martin' },
  });

  // Continuing from next_before reads the rest; a short page ends the history.
  fake.requests.length = 0;
  const rest = data(
    await call('get_file_versions', { file_key: FILE_KEY, before: '1041', max_results: 100 }),
  );
  assert.deepEqual(fake.requests.map(query), [{ page_size: '50', before: '1041' }]);
  assert.equal(rest.count, 40);
  assert.equal(rest.next_before, null);
});

test('a version authored by another user names them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${VERSIONS}`, {
    body: { versions: [version('9', { user: BOB, description: 'Spacing' })], pagination: {} },
  });
  const out = data(await call('get_file_versions', { file_key: FILE_KEY }));
  assert.deepEqual(query(onlyRequest(fake)), { page_size: '50' });
  assert.deepEqual((out.versions as unknown[])[0], {
    id: '9',
    created_at: '2025-02-20T16:45:00Z',
    label: null,
    description: 'Spacing',
    user: { id: BOB.id, handle: 'Bob Okafor' },
  });
});

test('ids that are not Figma ids are refused', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('get_team_projects', { team_id: '12/../me' })), /team_id: .*team id/);
  assert.match(
    failure(await call('get_file_versions', { file_key: FILE_KEY, max_results: 0 })),
    /max_results/,
  );
  assert.equal(fake.requests.length, 0);
});
