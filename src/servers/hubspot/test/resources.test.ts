import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { contact, crmList, crmObject, engagement, page } from './fake-hubspot.js';
import { assertAuth, setup } from './harness.js';

const json = (contents: readonly object[]) =>
  JSON.parse(String((contents[0] as { text?: string } | undefined)?.text)) as Record<string, unknown>;

const fifty = Array.from({ length: 50 }, (_, i) => contact(String(i + 1)));

/** Routes every listing a resources/list walk touches: contacts over two HubSpot pages, one item per other type. */
function routeListings(fake: Awaited<ReturnType<typeof setup>>['fake']) {
  fake.route('GET /crm/v3/objects/contacts', (req) =>
    req.query.get('after') === 'c2'
      ? { body: page([crmObject('51', { email: 'only@example.com' })]) }
      : { body: page(fifty, 'c2') },
  );
  fake.route('GET /crm/v3/objects/companies', {
    body: page([crmObject('801', { name: 'Analytical Engines' })]),
  });
  fake.route('GET /crm/v3/objects/deals', { body: page([crmObject('901', { dealname: 'Engine #2' })]) });
  fake.route('GET /crm/v3/objects/tickets', { body: page([crmObject('31', {})]) });
  fake.route('GET /crm/v3/objects/products', { body: page([crmObject('71', { name: 'Gear' })]) });
  fake.route('POST /crm/v3/lists/search', {
    body: {
      lists: [{ ...crmList('12', 'Newsletter'), additionalProperties: {} }],
      hasMore: false,
      offset: 1,
      total: 1,
    },
  });
  fake.route('GET /engagements/v1/engagements/paged', {
    body: {
      results: [engagement(29090716, 'NOTE', { body: 'Called about gears' })],
      hasMore: false,
      offset: 29090716,
    },
  });
}

test('resources/list walks every type, 50 to a page, carrying HubSpot’s cursor in its own', async (t) => {
  const { fake, client } = await setup(t);
  routeListings(fake);

  // One page at a time: listResources() without a cursor would walk them all.
  const pages: { uri: string; name: string }[][] = [];
  let cursor: string | undefined;
  do {
    const answer = await client.request({ method: 'resources/list', params: cursor ? { cursor } : {} });
    pages.push(answer.resources.map((r) => ({ uri: r.uri, name: r.name })));
    cursor = answer.nextCursor;
  } while (cursor && pages.length < 20);

  assert.deepEqual(
    pages.map((p) => p.length),
    [50, 1, 1, 1, 1, 1, 1, 1],
  );
  assert.deepEqual(pages[0]?.[0], { uri: 'hubspot://contact/1', name: 'Ada Lovelace 1' });
  assert.deepEqual(pages.slice(1).flat(), [
    { uri: 'hubspot://contact/51', name: 'only@example.com' },
    { uri: 'hubspot://company/801', name: 'Analytical Engines' },
    { uri: 'hubspot://deal/901', name: 'Engine #2' },
    { uri: 'hubspot://ticket/31', name: 'Ticket 31' },
    { uri: 'hubspot://product/71', name: 'Gear' },
    { uri: 'hubspot://list/12', name: 'Newsletter' },
    { uri: 'hubspot://engagement/29090716', name: 'NOTE 29090716' },
  ]);
  const contactPages = fake.requests
    .filter((r) => r.path === '/crm/v3/objects/contacts')
    .map((r) => query(r));
  assert.deepEqual(contactPages, [
    { limit: '50', properties: 'firstname,lastname,email' },
    { limit: '50', after: 'c2', properties: 'firstname,lastname,email' },
  ]);
  assert.deepEqual(fake.requests.find((r) => r.path === '/crm/v3/lists/search')?.body, {
    offset: 0,
    count: 50,
    additionalProperties: [],
  });
  for (const req of fake.requests) assertAuth(req);
});

test('reading a contact gives its properties and the ids of its companies, deals and tickets', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /crm/v3/objects/contacts/5101', {
    body: contact('5101', 'ada@example.com', {}),
  });
  const read = await client.readResource({ uri: 'hubspot://contact/5101' });
  const req = fake.requests[0];
  assert.deepEqual(query(req as never), {
    properties: 'email,firstname,lastname,phone,company,jobtitle,lifecyclestage',
    associations: 'companies,deals,tickets',
  });
  assert.equal(read.contents[0]?.mimeType, 'application/json');
  const body = json(read.contents);
  assert.equal(body.resource, 'contact');
  assert.equal(body.id, '5101');
});

test('reading a list gives it with its first members; reading an engagement gives it whole', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /crm/v3/lists/12', { body: { list: crmList('12', 'Newsletter') } });
  fake.route('GET /crm/v3/lists/12/memberships', {
    body: {
      results: [
        { recordId: '5101', membershipTimestamp: '2024-05-01T10:00:00Z' },
        { recordId: '5102', membershipTimestamp: '2024-05-01T10:00:00Z' },
      ],
      paging: { next: { after: 'm2' } },
    },
  });
  fake.route('GET /engagements/v1/engagements/29090716', { body: engagement(29090716, 'CALL') });

  const list = json((await client.readResource({ uri: 'hubspot://list/12' })).contents);
  const call = json((await client.readResource({ uri: 'hubspot://engagement/29090716' })).contents);

  assert.equal(query(fake.requests[1] as never).limit, '100');
  assert.deepEqual(list.member_ids, ['5101', '5102']);
  assert.equal(list.more_members, true);
  assert.equal((list.list as { name: string }).name, 'Newsletter');
  assert.equal(call.type, 'CALL');
  assert.equal(call.resource, 'engagement');
});

test('a resource URI with an id that is not a number is refused before any request', async (t) => {
  const { fake, client } = await setup(t);
  await assert.rejects(client.readResource({ uri: 'hubspot://deal/..%2F..%2Foauth' }), /Invalid deal id/);
  assert.equal(fake.requests.length, 0);
});
