import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecordedRequest } from '../../../testing/fake-service.js';
import { query } from '../../../testing/fake-service.js';
import { associations, batchAnswer, batchError, crmObject } from './fake-hubspot.js';
import { assertAuth, data, setup } from './harness.js';

const ASSOCIATIONS = '/crm/v4/objects/contacts/5101/associations';
const TYPES = ['emails', 'calls', 'meetings', 'tasks', 'notes'];

const activity = (id: string, timestamp: string, extra: Record<string, string> = {}) =>
  crmObject(id, { hs_timestamp: timestamp, ...extra });

/** A batch read that answers the ids it knows, and a 207 naming the others. */
const batchRead =
  (known: Record<string, ReturnType<typeof activity>>, label: string) => (req: RecordedRequest) => {
    const ids = (req.body as { inputs: { id: string }[] }).inputs.map((i) => i.id);
    const found = ids.filter((id) => known[id]).map((id) => known[id]);
    const missing = ids.filter((id) => !known[id]);
    if (!missing.length) return { body: batchAnswer(found) };
    return {
      status: 207,
      body: batchAnswer(found, [
        batchError(
          missing,
          'OBJECT_NOT_FOUND',
          `Could not get some ${label} objects, they may be deleted or not exist. Check that ids are valid.`,
        ),
      ]),
    };
  };

test('get_engagements reads the contact’s associations of each type, batch-reads them, and sorts newest first', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ASSOCIATIONS}/notes`, { body: associations(['11', '12'], 202) });
  fake.route(`GET ${ASSOCIATIONS}/calls`, { body: associations(['21'], 194) });
  for (const type of ['emails', 'meetings', 'tasks'])
    fake.route(`GET ${ASSOCIATIONS}/${type}`, { body: associations([], 0) });
  fake.route(
    'POST /crm/v3/objects/notes/batch/read',
    batchRead(
      {
        '11': activity('11', '2024-05-01T10:00:00Z', { hs_note_body: 'First' }),
        '12': activity('12', '2024-05-03T10:00:00Z', { hs_note_body: 'Third' }),
      },
      'NOTE',
    ),
  );
  fake.route(
    'POST /crm/v3/objects/calls/batch/read',
    batchRead({ '21': activity('21', '2024-05-02T10:00:00Z', { hs_call_title: 'Second' }) }, 'CALL'),
  );

  const out = data(await call('get_engagements', { contact_id: '5101', limit: 2 }));

  assert.deepEqual(
    fake.requests.filter((r) => r.method === 'GET').map((r) => [r.path, query(r)]),
    TYPES.map((type) => [`${ASSOCIATIONS}/${type}`, { limit: '500' }]),
  );
  for (const req of fake.requests) assertAuth(req);
  const notes = fake.requests.find((r) => r.path === '/crm/v3/objects/notes/batch/read');
  assert.deepEqual(notes?.body, {
    inputs: [{ id: '11' }, { id: '12' }],
    properties: ['hs_timestamp', 'hubspot_owner_id', 'hs_note_body'],
    propertiesWithHistory: [],
  });
  assert.equal(out.count, 2);
  assert.deepEqual(
    (out.engagements as { id: string; type: string; timestamp: string }[]).map((e) => [
      e.id,
      e.type,
      e.timestamp,
    ]),
    [
      ['12', 'NOTE', '2024-05-03T10:00:00Z'],
      ['21', 'CALL', '2024-05-02T10:00:00Z'],
    ],
  );
  assert.equal(out.more, true, 'a third activity was left out by the limit');
  assert.deepEqual(out.failed, []);
});

test('a 207 batch read lists each id HubSpot could not read, with its reason, beside those it read', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ASSOCIATIONS}/notes`, { body: associations(['11', '13', '14'], 202) });
  fake.route(
    'POST /crm/v3/objects/notes/batch/read',
    batchRead({ '11': activity('11', '2024-05-01T10:00:00Z', { hs_note_body: 'Kept' }) }, 'NOTE'),
  );

  const out = data(await call('get_engagements', { contact_id: '5101', engagement_type: 'notes' }));

  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`GET ${ASSOCIATIONS}/notes`, 'POST /crm/v3/objects/notes/batch/read'],
  );
  assert.deepEqual(
    (out.engagements as { id: string }[]).map((e) => e.id),
    ['11'],
  );
  assert.deepEqual(out.failed, [
    {
      type: 'NOTE',
      ids: ['13', '14'],
      category: 'OBJECT_NOT_FOUND',
      message: 'Could not get some NOTE objects, they may be deleted or not exist. Check that ids are valid.',
    },
  ]);
  assert.equal(out.more, false);
});

test('more than 100 associated ids are read 100 to a request', async (t) => {
  const { fake, call } = await setup(t);
  const ids = Array.from({ length: 150 }, (_, i) => String(1000 + i));
  fake.route(`GET ${ASSOCIATIONS}/tasks`, { body: associations(ids, 204) });
  fake.route('POST /crm/v3/objects/tasks/batch/read', (req) => {
    const asked = (req.body as { inputs: { id: string }[] }).inputs.map((i) => i.id);
    return {
      body: batchAnswer(
        asked.map((id) => activity(id, `2024-05-01T10:${String(Number(id) % 60).padStart(2, '0')}:00Z`)),
      ),
    };
  });

  const out = data(
    await call('get_engagements', { contact_id: '5101', engagement_type: 'TASK', limit: 500 }),
  );

  const reads = fake.requests.filter((r) => r.method === 'POST');
  assert.deepEqual(
    reads.map((r) => (r.body as { inputs: unknown[] }).inputs.length),
    [100, 50],
  );
  assert.equal(out.count, 150);
});
