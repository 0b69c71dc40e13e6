import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import browserbase from '../index.js';
import { error, PROJECT_ID } from './fake-browserbase.js';
import { assertAuth, KEY } from './harness.js';

const catalog = catalogServer('browserbase');

const verify = (values: Record<string, string>) => {
  if (browserbase.auth.kind !== 'api_key' || !browserbase.auth.verify) throw new Error('no verify');
  return browserbase.auth.verify(values);
};

test('browserbase lists the catalog’s one tool, with its parameter, and optional extras', async () => {
  const { tools } = await (await connect(browserbase)).listTools();
  assert.equal(tools.length, 1);
  assertCatalogTools(tools, catalog.tools, {
    load_webpage_tool: ['include_html', 'max_chars', 'screenshot', 'wait_until', 'timeout_seconds'],
  });
  assertAnnotationKinds(tools, { readOnly: ['load_webpage_tool'], destructive: [], notIdempotent: [] });
});

test('auth is an API key and a project id under guMCP’s field names, checked at sign-in', () => {
  assert.equal(browserbase.auth.kind, 'api_key');
  if (browserbase.auth.kind !== 'api_key') return;
  assert.deepEqual(
    browserbase.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(browserbase.auth.fields[0]?.secret, true);
});

test('sign-in checks the key and project with GET /v1/projects/{id}', async (t) => {
  const fake = await fakeFor(t, 'browserbase');
  fake.route(`GET /v1/projects/${PROJECT_ID}`, {
    body: {
      id: PROJECT_ID,
      name: 'Default',
      ownerId: 'o1',
      defaultTimeout: 300,
      concurrency: 3,
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    },
  });
  assert.equal(await verify({ api_key: ` ${KEY} `, project_id: PROJECT_ID }), undefined);
  assertAuth(only(fake, 'GET', `/v1/projects/${PROJECT_ID}`));
});

test('sign-in with a rejected key or an unknown project fails clearly, without the key', async (t) => {
  const fake = await fakeFor(t, 'browserbase');
  fake.once(`GET /v1/projects/${PROJECT_ID}`, error(401, 'Unauthorized', 'Invalid API key'));
  await assert.rejects(verify({ api_key: 'wrong-key-123', project_id: PROJECT_ID }), {
    message: 'Browserbase rejected the API key: check that it was copied whole and is not revoked',
  });
  fake.once(`GET /v1/projects/${PROJECT_ID}`, error(404, 'Not Found', 'Project not found'));
  await assert.rejects(verify({ api_key: KEY, project_id: PROJECT_ID }), {
    message: `Browserbase project not found: ${PROJECT_ID}`,
  });
  await assert.rejects(
    verify({ api_key: KEY, project_id: ' ' }),
    /project_id: enter the Browserbase project id/,
  );
  assert.equal(fake.requests.length, 2);
});
