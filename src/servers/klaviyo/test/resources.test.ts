import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAMPAIGN_ID, campaign, campaignMessage, doc } from './fake-klaviyo.js';
import { answer, route, setup } from './harness.js';

test('resources/list walks email, then SMS, then push campaigns, one Klaviyo page at a time', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(route('GET', 'campaigns'), (req) => {
    const filter = req.query.get('filter');
    const cursor = req.query.get('page[cursor]');
    if (filter === "equals(messages.channel,'email')" && !cursor) {
      return answer(
        doc([campaign('E1', { name: 'Email one' })], {
          next: `${fake.url}/api/campaigns?page%5Bcursor%5D=e2`,
        }),
      );
    }
    if (cursor === 'e2') return answer(doc([campaign('E2', { name: 'Email two' })]));
    if (filter === "equals(messages.channel,'sms')") return answer(doc([]));
    return answer(doc([campaign('M1', { name: 'Push one', status: 'Sent' })]));
  });

  // One page at a time: listResources() without a cursor would walk them all.
  const page = (cursor?: string) =>
    client.request({ method: 'resources/list', params: cursor ? { cursor } : {} });
  const first = await page();
  assert.deepEqual(
    first.resources.map((r) => [r.uri, r.name]),
    [['klaviyo://campaign/E1', 'Email one']],
  );
  assert.ok(first.nextCursor);
  const second = await page(first.nextCursor);
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    ['klaviyo://campaign/E2'],
  );
  const third = await page(second.nextCursor);
  assert.deepEqual(
    third.resources.map((r) => [r.uri, r.description]),
    [['klaviyo://campaign/M1', 'Klaviyo mobile_push campaign (Sent, created 2025-05-01T09:00:00+00:00)']],
  );
  assert.equal(third.nextCursor, undefined);
  assert.deepEqual(
    fake.requests.map((r) => [r.query.get('filter'), r.query.get('page[cursor]')].filter(Boolean).join(' ')),
    [
      "equals(messages.channel,'email')",
      "equals(messages.channel,'email') e2",
      "equals(messages.channel,'sms')",
      "equals(messages.channel,'mobile_push')",
    ],
  );
  assert.equal(fake.requests[0]?.query.get('fields[campaign]'), 'name,status,created_at');
  const all = await client.listResources();
  assert.deepEqual(
    all.resources.map((r) => r.uri),
    ['klaviyo://campaign/E1', 'klaviyo://campaign/E2', 'klaviyo://campaign/M1'],
  );
});

test('reading a campaign resource gives the campaign and its messages', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(
    route('GET', `campaigns/${CAMPAIGN_ID}`),
    answer(doc(campaign(), { included: [campaignMessage()] })),
  );

  const { contents } = await client.readResource({ uri: `klaviyo://campaign/${CAMPAIGN_ID}` });

  const body = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(body.campaign.id, CAMPAIGN_ID);
  assert.equal(body.campaign.name, 'May sale');
  assert.deepEqual(
    body.messages.map((m: { type: string; id: string }) => [m.type, m.id]),
    [['campaign-message', campaignMessage().id]],
  );
  assert.equal(fake.requests[0]?.query.get('include'), 'campaign-messages');
  await assert.rejects(
    client.readResource({ uri: 'klaviyo://campaign/..%2Fprofiles' }),
    /Invalid campaign id/,
  );
});
