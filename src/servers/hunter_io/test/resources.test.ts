import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { campaign, lead, notFound, paged, recipient } from './fake-hunter.js';
import { assertAuth, setup } from './harness.js';

test('resources/list lists leads page by page, then campaigns', async (t) => {
  const { fake, client } = await setup(t);
  const leads = Array.from({ length: 60 }, (_, i) => lead(i + 1));
  fake.route('GET /v2/leads', paged('leads', leads));
  fake.route('GET /v2/campaigns', paged('campaigns', [campaign(5, { started: true }), campaign(6)]));

  // One page at a time: listResources() without a cursor would walk them all.
  const page = (cursor?: string) =>
    client.request({ method: 'resources/list', params: cursor ? { cursor } : {} });
  const first = await page();
  assert.equal(first.resources.length, 50);
  assert.deepEqual(first.resources[0], {
    uri: 'hunter_io://lead/1',
    name: 'Ada Lead1',
    description: 'Lead at Example Inc',
    mimeType: 'application/json',
  });
  assert.ok(first.nextCursor);

  const second = await page(first.nextCursor);
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    leads.slice(50).map((l) => `hunter_io://lead/${l.id}`),
  );
  const third = await page(second.nextCursor);
  assert.deepEqual(third.resources, [
    {
      uri: 'hunter_io://campaign/5',
      name: 'Campaign 5',
      description: 'Campaign, started',
      mimeType: 'application/json',
    },
    {
      uri: 'hunter_io://campaign/6',
      name: 'Campaign 6',
      description: 'Campaign',
      mimeType: 'application/json',
    },
  ]);
  assert.equal(third.nextCursor, undefined);
  assert.deepEqual(
    fake.requests.map((r) => `${r.path}?${new URLSearchParams(query(r) as Record<string, string>)}`),
    ['/v2/leads?limit=50&offset=0', '/v2/leads?limit=50&offset=50', '/v2/campaigns?limit=50&offset=0'],
  );
  for (const req of fake.requests) assertAuth(req);
  assert.equal((await client.listResources()).resources.length, 62, 'the SDK client walks every page');
});

test('reading a lead returns it whole; an unknown or malformed id is named', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /v2/leads/12', { body: { data: lead(12) } });
  fake.route('GET /v2/leads/13', notFound);

  const read = await client.readResource({ uri: 'hunter_io://lead/12' });

  assert.deepEqual(read.contents, [
    { uri: 'hunter_io://lead/12', mimeType: 'application/json', text: JSON.stringify(lead(12), null, 2) },
  ]);
  await assert.rejects(client.readResource({ uri: 'hunter_io://lead/13' }), /Lead not found: 13/);
  await assert.rejects(client.readResource({ uri: 'hunter_io://lead/..%2Faccount' }), /Invalid lead id/);
  assert.equal(fake.requests.length, 2);
});

test('reading a campaign finds it in the list and adds its first recipients', async (t) => {
  const { fake, client } = await setup(t);
  const campaigns = Array.from({ length: 120 }, (_, i) => campaign(i + 1));
  fake.route('GET /v2/campaigns', paged('campaigns', campaigns));
  fake.route('GET /v2/campaigns/110/recipients', paged('recipients', [recipient('a@example.com', 3)]));

  const read = await client.readResource({ uri: 'hunter_io://campaign/110' });

  const [content] = read.contents;
  assert.equal(content?.uri, 'hunter_io://campaign/110');
  assert.deepEqual(JSON.parse(String((content as { text: string }).text)), {
    campaign: campaign(110),
    recipients: [recipient('a@example.com', 3)],
    recipients_total: 1,
    more_recipients: false,
  });
  assert.deepEqual(
    fake.requests.map((r) => [r.path, r.query.get('offset')]),
    [
      ['/v2/campaigns', '0'],
      ['/v2/campaigns', '100'],
      ['/v2/campaigns/110/recipients', '0'],
    ],
  );
});

test('reading a campaign that is not in the list names it', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /v2/campaigns', paged('campaigns', [campaign(1)]));

  await assert.rejects(client.readResource({ uri: 'hunter_io://campaign/77' }), /Campaign not found: 77/);
  assert.equal(fake.requests.length, 1);
});
