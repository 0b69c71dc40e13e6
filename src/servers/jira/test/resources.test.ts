import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ACME, api, BETA, listedProject, OTHER_CLOUD_ID } from './fake-jira.js';
import { CREDENTIALS, only, route, setup } from './harness.js';

test('resources/list gives one jira://site resource per Jira site', async (t) => {
  const { fake, client } = await setup(t, { ...CREDENTIALS, sites: [ACME, BETA] });

  const { resources, nextCursor } = await client.listResources();

  assert.deepEqual(resources, [
    {
      uri: `jira://site/${ACME.id}`,
      name: 'acme',
      description: `Jira site acme (https://acme.atlassian.net, cloud id ${ACME.id})`,
      mimeType: 'application/json',
    },
    {
      uri: `jira://site/${BETA.id}`,
      name: 'beta',
      description: `Jira site beta (https://beta.atlassian.net, cloud id ${BETA.id})`,
      mimeType: 'application/json',
    },
  ]);
  assert.equal(nextCursor, undefined);
  assert.equal(fake.requests.length, 0, 'the stored sites are listed without a request');
});

test('resources/read of a site gives the site and its first projects', async (t) => {
  const { fake, client } = await setup(t, { ...CREDENTIALS, sites: [ACME, BETA] });
  fake.route(route('GET', 'project/search', api(OTHER_CLOUD_ID)), {
    body: { isLast: true, startAt: 0, maxResults: 50, total: 1, values: [listedProject('BE', '10100')] },
  });

  const result = await client.readResource({ uri: `jira://site/${OTHER_CLOUD_ID}` });

  const content = result.contents[0] as { mimeType: string; text: string };
  assert.equal(content.mimeType, 'application/json');
  const body = JSON.parse(content.text) as {
    site: unknown;
    projects: { key: string; url: string }[];
    more_projects: boolean;
  };
  assert.deepEqual(body.site, BETA);
  assert.deepEqual(
    body.projects.map((p) => [p.key, p.url]),
    [['BE', 'https://beta.atlassian.net/browse/BE']],
  );
  assert.equal(body.more_projects, false);
  assert.deepEqual(query(only(fake, 'GET', 'project/search', api(OTHER_CLOUD_ID))), {
    startAt: '0',
    maxResults: '50',
    orderBy: 'key',
  });
});

test('resources/read of a site the account does not reach says so', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /oauth/token/accessible-resources', { body: [] });
  await assert.rejects(client.readResource({ uri: 'jira://site/unknown-id' }), /no Jira site/);
});
