import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN,
  COMPANY,
  CONTACT,
  errorList,
  ticket,
  ticketList,
  ticketReply,
  ticketState,
  ticketType,
} from './fake-intercom.js';
import { assertHeaders, data, failure, onlyRequest, setup } from './harness.js';

test('list_tickets searches by state and follows the cursor up to the limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /tickets/search', (req) =>
    (req.body as { pagination: { starting_after?: string } }).pagination.starting_after
      ? { body: ticketList([ticket('632')], undefined, 2) }
      : { body: ticketList([ticket('631')], 'WzE3MzQ1Mzc5NzQwMDAsNjMxXQ==', 2) },
  );
  const result = data(await call('list_tickets', { state: 'submitted', limit: 5 }));
  assertHeaders(fake.requests);
  assert.deepEqual(
    fake.requests.map((r) => r.body),
    [
      { query: { field: 'state', operator: '=', value: 'submitted' }, pagination: { per_page: 5 } },
      {
        query: { field: 'state', operator: '=', value: 'submitted' },
        pagination: { per_page: 5, starting_after: 'WzE3MzQ1Mzc5NzQwMDAsNjMxXQ==' },
      },
    ],
  );
  assert.equal(result.count, 2);
  assert.equal(result.next_cursor, null);
  assert.deepEqual((result.tickets as unknown[])[0], {
    id: '631',
    ticket_number: '38',
    title: 'Checkout fails',
    description: 'Card declined twice',
    category: 'Customer',
    state: { id: '8481', category: 'submitted', label: 'Submitted' },
    ticket_type: { id: '67', name: 'Bug Report' },
    open: true,
    is_shared: false,
    contact_ids: [CONTACT],
    admin_assignee_id: null,
    team_assignee_id: null,
    created_at: '2024-12-18T16:06:14.000Z',
    updated_at: '2024-12-18T16:06:16.000Z',
    attributes: { _default_title_: 'Checkout fails', _default_description_: 'Card declined twice' },
  });
});

test('list_tickets without a state lists every ticket (20 by default), and refuses tag_id by name', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /tickets/search', { body: ticketList([ticket('631')]) });
  data(await call('list_tickets'));
  assert.deepEqual(onlyRequest(fake).body, {
    query: { field: 'created_at', operator: '>', value: '0' },
    pagination: { per_page: 20 },
  });
  assert.match(
    failure(await call('list_tickets', { tag_id: '86' })),
    /^tag_id: Intercom’s ticket search cannot filter by tag/,
  );
  assert.equal(fake.requests.length, 1);
});

test('get_ticket gives the ticket with its parts', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /tickets/631', { body: ticket('631') });
  const result = data(await call('get_ticket', { ticket_id: '631' }));
  onlyRequest(fake);
  assert.deepEqual(result.parts, [
    {
      id: '185',
      part_type: 'ticket_state_updated_by_admin',
      body: null,
      author: { type: 'admin', id: ADMIN, name: 'Ada Admin' },
      created_at: '2024-12-18T16:06:15.000Z',
    },
  ]);
});

test('create_ticket sends the contact, type, title and description as Intercom takes them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /tickets', { body: ticket('631') });
  const result = data(
    await call('create_ticket', {
      contact_id: CONTACT,
      ticket_type_id: '67',
      title: 'Checkout fails',
      description: 'Card declined twice',
      company_id: COMPANY,
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    ticket_type_id: '67',
    contacts: [{ id: CONTACT }],
    ticket_attributes: { _default_title_: 'Checkout fails', _default_description_: 'Card declined twice' },
    company_id: COMPANY,
  });
  assert.equal(result.id, '631');
});

test('update_ticket turns a state category into the state id of the ticket’s type', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /tickets/631', { body: ticket('631') });
  fake.route('GET /ticket_types', {
    body: { type: 'list', data: [ticketType('12', 'Other'), ticketType('67', 'Bug Report')] },
  });
  fake.route('PUT /tickets/631', {
    body: ticket('631', {
      ticket_state: ticketState('8324', 'resolved', 'Resolved'),
      admin_assignee_id: Number(ADMIN),
    }),
  });
  const result = data(
    await call('update_ticket', {
      ticket_id: '631',
      title: 'Checkout fails on Visa',
      state: 'resolved',
      admin_id: ADMIN,
    }),
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    ['GET /tickets/631', 'GET /ticket_types', 'PUT /tickets/631'],
  );
  assert.deepEqual(fake.requests[2]?.body, {
    ticket_attributes: { _default_title_: 'Checkout fails on Visa' },
    ticket_state_id: '8324',
    assignee_id: ADMIN,
  });
  assert.deepEqual(result.state, { id: '8324', category: 'resolved', label: 'Resolved' });
  assert.equal(result.admin_assignee_id, ADMIN);
});

test('update_ticket takes a state id as it is, and says when there is nothing to change', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PUT /tickets/631', { body: ticket('631') });
  data(await call('update_ticket', { ticket_id: '631', state: '8322', is_shared: true }));
  assert.deepEqual(onlyRequest(fake).body, { ticket_state_id: '8322', is_shared: true });
  assert.match(failure(await call('update_ticket', { ticket_id: '631' })), /at least one of title/);
  assert.equal(fake.requests.length, 1);
});

test('a state the ticket’s type lacks is refused by name, listing its states', async (t) => {
  const { fake, call } = await setup(t);
  const type = ticketType('67', 'Bug Report');
  type.ticket_states.data = type.ticket_states.data.filter((s) => s.category !== 'waiting_on_customer');
  fake.route('GET /tickets/631', { body: ticket('631') });
  fake.route('GET /ticket_types', { body: { type: 'list', data: [type] } });
  assert.equal(
    failure(await call('update_ticket', { ticket_id: '631', state: 'waiting_on_customer' })),
    "state: the ticket's type 67 has no state in category waiting_on_customer; its states: 8321 (submitted), 8322 (in_progress), 8324 (resolved).",
  );
  assert.ok(!fake.requests.some((r) => r.method === 'PUT'));
});

test('update_ticket is retried after a 5xx: PUT sets the same fields again', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('PUT /tickets/631', { status: 502, body: errorList('server_error', 'Bad gateway') });
  fake.route('PUT /tickets/631', { body: ticket('631') });
  data(await call('update_ticket', { ticket_id: '631', is_shared: false }));
  assert.equal(fake.requests.length, 2);
});

test('add_comment_to_ticket adds an admin note by default', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /tickets/631/reply', { body: ticketReply('156', 'Checked the logs') });
  const result = data(
    await call('add_comment_to_ticket', { ticket_id: '631', comment: 'Checked the logs', admin_id: ADMIN }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    message_type: 'note',
    type: 'admin',
    admin_id: ADMIN,
    body: 'Checked the logs',
  });
  assert.deepEqual(result, {
    ticket_id: '631',
    part: {
      id: '156',
      part_type: 'note',
      body: 'Checked the logs',
      author: { type: 'admin', id: ADMIN, name: 'Ada Admin' },
      created_at: '2024-12-18T16:04:44.000Z',
    },
  });
});

test('list_ticket_types gives each type with its states and attributes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /ticket_types', { body: { type: 'list', data: [ticketType('67', 'Bug Report')] } });
  const result = data(await call('list_ticket_types'));
  onlyRequest(fake);
  assert.deepEqual(result, {
    count: 1,
    ticket_types: [
      {
        id: '67',
        name: 'Bug Report',
        description: 'Customer reported bugs',
        category: 'Customer',
        archived: false,
        states: [
          { id: '8321', category: 'submitted', label: 'Submitted', external_label: 'Submitted' },
          { id: '8322', category: 'in_progress', label: 'In progress', external_label: 'In progress' },
          {
            id: '8323',
            category: 'waiting_on_customer',
            label: 'Waiting on customer',
            external_label: 'Waiting on customer',
          },
          { id: '8324', category: 'resolved', label: 'Resolved', external_label: 'Resolved' },
        ],
        attributes: [{ name: '_default_title_', data_type: 'string', required_to_create: false }],
      },
    ],
  });
});
