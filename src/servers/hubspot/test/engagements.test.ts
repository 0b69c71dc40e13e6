import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { contact, crmObject, dispositions, engagement } from './fake-hubspot.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

const ENGAGEMENTS = '/engagements/v1/engagements';

test('get_engagement returns the engagement with its associations and metadata', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ENGAGEMENTS}/29090716`, {
    body: engagement(29090716, 'NOTE', { body: 'Called about gears' }),
  });

  const out = data(await call('get_engagement', { engagement_id: '29090716' }));

  onlyRequest(fake);
  assert.deepEqual(out, {
    id: '29090716',
    type: 'NOTE',
    active: true,
    timestamp: 1714557600000,
    createdAt: 1714557600000,
    lastUpdated: 1714644000000,
    ownerId: '70',
    bodyPreview: 'Called about gears',
    associations: {
      contactIds: ['5101'],
      companyIds: [],
      dealIds: [],
      ownerIds: [],
      workflowIds: [],
      ticketIds: [],
      contentIds: [],
      quoteIds: [],
    },
    metadata: { body: 'Called about gears' },
  });
});

test('list_engagements follows offset over two pages and returns where to continue', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ENGAGEMENTS}/paged`, (req) =>
    req.query.get('offset') === '2'
      ? { body: { results: [engagement(3, 'CALL')], hasMore: true, offset: 3 } }
      : { body: { results: [engagement(1, 'NOTE'), engagement(2, 'TASK')], hasMore: true, offset: 2 } },
  );

  const out = data(await call('list_engagements', { limit: 3 }));

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [{ limit: '3' }, { limit: '1', offset: '2' }],
  );
  for (const req of fake.requests) assertAuth(req);
  assert.equal(out.count, 3);
  assert.deepEqual(
    (out.engagements as { id: string; type: string }[]).map((e) => [e.id, e.type]),
    [
      ['1', 'NOTE'],
      ['2', 'TASK'],
      ['3', 'CALL'],
    ],
  );
  assert.equal(out.has_more, true);
  assert.equal(out.offset, '3');
});

test('get_recent_engagements passes count, offset and since, and stops when hasMore is false', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ENGAGEMENTS}/recent/modified`, {
    body: { results: [engagement(9, 'MEETING')], hasMore: false, offset: 9, total: 1 },
  });

  const out = data(await call('get_recent_engagements', { count: 5, offset: '4', since: 1714500000000 }));

  assert.deepEqual(query(onlyRequest(fake)), { count: '5', offset: '4', since: '1714500000000' });
  assert.deepEqual([out.count, out.has_more, out.offset], [1, false, null]);
});

test('get_call_dispositions lists the call outcomes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /calling/v1/dispositions', { body: dispositions });

  const out = data(await call('get_call_dispositions'));

  onlyRequest(fake);
  assert.equal(out.count, 6);
  assert.deepEqual((out.dispositions as unknown[])[1], {
    id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
    label: 'Connected',
  });
});

test('create_engagement posts the v1 body: type, owner, time, numeric association ids, metadata with its body', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${ENGAGEMENTS}`, {
    body: engagement(29090717, 'TASK', { body: 'Send the quote', subject: 'Quote' }),
  });

  const out = data(
    await call('create_engagement', {
      type: 'task',
      metadata: { subject: 'Quote', status: 'NOT_STARTED' },
      metadata_body: 'Send the quote',
      owner_id: '70',
      timestamp: '2024-05-01T10:00:00Z',
      contact_ids: ['5101'],
      deal_ids: '901,902',
    }),
  );

  assert.deepEqual(onlyRequest(fake).body, {
    engagement: { active: true, type: 'TASK', ownerId: 70, timestamp: 1714557600000 },
    associations: { contactIds: [5101], companyIds: [], dealIds: [901, 902], ticketIds: [] },
    metadata: { subject: 'Quote', status: 'NOT_STARTED', body: 'Send the quote' },
  });
  assert.equal(out.id, '29090717');
});

test('create_engagement refuses an unknown type, non-numeric ids and two different bodies', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('create_engagement', { type: 'LUNCH' })), /type/);
  assert.match(
    failure(await call('create_engagement', { type: 'NOTE', contact_ids: ['ada'] })),
    /contact_ids/,
  );
  assert.equal(
    failure(await call('create_engagement', { type: 'NOTE', metadata: { body: 'a' }, metadata_body: 'b' })),
    'Invalid arguments: metadata.body differs from metadata_body; give the body once',
  );
  assert.equal(fake.requests.length, 0);
});

test('update_engagement patches only what is given; delete_engagement deletes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${ENGAGEMENTS}/29090716`, {
    body: engagement(29090716, 'NOTE', { body: 'Updated note' }),
  });
  fake.route(`DELETE ${ENGAGEMENTS}/29090716`, { status: 204 });

  const out = data(
    await call('update_engagement', { engagement_id: '29090716', metadata_body: 'Updated note' }),
  );
  data(await call('update_engagement', { engagement_id: '29090716', owner_id: 71 }));
  data(await call('delete_engagement', { engagement_id: '29090716' }));

  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.body]),
    [
      ['PATCH', { engagement: {}, metadata: { body: 'Updated note' } }],
      ['PATCH', { engagement: { ownerId: 71 } }],
      ['DELETE', undefined],
    ],
  );
  assert.equal(out.bodyPreview, 'Updated note');
  assert.match(
    failure(await call('update_engagement', { engagement_id: '29090716' })),
    /give owner_id, timestamp/,
  );
});

test('send_email reads the contact’s address and logs an EMAIL engagement on it (HubSpot does not deliver it)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /crm/v3/objects/contacts/5101', { body: contact('5101', 'ada@example.com') });
  fake.route(`POST ${ENGAGEMENTS}`, { body: engagement(29090720, 'EMAIL', { subject: 'Gears' }) });

  const before = Date.now();
  const out = data(
    await call('send_email', {
      contact_id: '5101',
      subject: 'Gears',
      body: 'Hello <Ada>\nMore soon',
      from_name: 'Charles',
    }),
  );

  const [read, post] = fake.requests;
  assert.deepEqual(query(read as never), { properties: 'email,firstname,lastname' });
  const body = post?.body as { engagement: { timestamp: number } };
  assert.ok(body.engagement.timestamp >= before);
  assert.deepEqual(body, {
    engagement: { active: true, type: 'EMAIL', timestamp: body.engagement.timestamp },
    associations: { contactIds: [5101], companyIds: [], dealIds: [], ticketIds: [] },
    metadata: {
      from: { firstName: 'Charles' },
      to: [{ email: 'ada@example.com' }],
      subject: 'Gears',
      text: 'Hello <Ada>\nMore soon',
      html: 'Hello &lt;Ada&gt;<br>More soon',
    },
  });
  assert.equal(out.logged, true);
  assert.equal(out.delivered, false);
  assert.equal(out.to, 'ada@example.com');
});

test('send_email to a contact without an email address sends nothing', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /crm/v3/objects/contacts/5102', { body: crmObject('5102', { firstname: 'Bob' }) });
  assert.equal(
    failure(await call('send_email', { contact_id: '5102', subject: 's', body: 'b' })),
    'Contact 5102 has no email address to write to',
  );
  onlyRequest(fake);
});
