import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  ADMIN,
  admin,
  adminMessage,
  article,
  COMPANY,
  CONTACT,
  company,
  contact,
  contactList,
  conversation,
  conversationList,
  me,
  pagedList,
  part,
  tag,
  ticket,
  ticketList,
  ticketReply,
  ticketType,
  userMessage,
} from './fake-intercom.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against Intercom's OpenAPI description, so they cannot drift apart
 * together: every request the tools make (method, path, query keys, JSON body) must be an operation
 * of the description, and every answer the fake gives must fit that operation's documented answer.
 *
 * The description is descriptions/2.16/api.intercom.io.yaml of github.com/intercom/Intercom-OpenAPI,
 * which no npm package ships: INTERCOM_OPENAPI_SPEC names a copy of it; without one the test is skipped.
 */

/** Every route the server calls, as templates of the description's paths. */
const ROUTES = [
  'GET /me',
  'POST /contacts/search',
  'POST /contacts',
  'GET /companies',
  'POST /companies/list',
  'POST /companies',
  'POST /contacts/{contact_id}/companies',
  'GET /admins',
  'POST /conversations',
  'POST /messages',
  'POST /conversations/{conversation_id}/reply',
  'POST /conversations/{conversation_id}/tags',
  'DELETE /conversations/{conversation_id}/tags/{tag_id}',
  'GET /conversations',
  'GET /conversations/{conversation_id}',
  'GET /articles',
  'GET /articles/{article_id}',
  'POST /articles',
  'POST /tickets/search',
  'GET /tickets/{ticket_id}',
  'POST /tickets',
  'PUT /tickets/{ticket_id}',
  'POST /tickets/{ticket_id}/reply',
  'GET /ticket_types',
];

const author = { type: 'admin', id: ADMIN, name: 'Ada Admin' };

const ANSWERS: Record<string, FakeReply> = {
  'GET /me': { body: me('EU') },
  'POST /contacts/search': { body: contactList([contact()]) },
  'POST /contacts': { body: contact() },
  'GET /companies': {
    status: 404,
    body: {
      type: 'error.list',
      request_id: null,
      errors: [{ code: 'company_not_found', message: 'Company Not Found' }],
    },
  },
  'POST /companies/list': { body: pagedList([company()], 1, 1) },
  'POST /companies': { body: company() },
  [`POST /contacts/${CONTACT}/companies`]: { body: company() },
  'GET /admins': { body: { type: 'admin.list', admins: [admin(ADMIN, 'Ada Admin')] } },
  'POST /conversations': { body: userMessage('499') },
  'POST /messages': { body: adminMessage('500') },
  'POST /conversations/524/reply': { body: conversation('524', [part('132', '<p>Thanks</p>', author)]) },
  'POST /conversations/524/tags': { body: tag('86', 'Shipping') },
  'DELETE /conversations/524/tags/86': { body: tag('86', 'Shipping') },
  'GET /conversations': { body: conversationList([conversation('524')]) },
  'GET /conversations/524': { body: conversation('524', [part('132', 'Thanks', author)]) },
  'GET /articles': { body: pagedList([article('39', { body: '' })], 1, 1) },
  'GET /articles/39': { body: article('39') },
  'POST /articles': { body: article('42') },
  'POST /tickets/search': { body: ticketList([ticket('631')]) },
  'GET /tickets/631': { body: ticket('631') },
  'POST /tickets': { body: ticket('631') },
  'PUT /tickets/631': { body: ticket('631') },
  'POST /tickets/631/reply': { body: ticketReply('156', 'Checked the logs') },
  'GET /ticket_types': { body: { type: 'list', data: [ticketType('67', 'Bug Report')] } },
};

const CALLS: [string, Record<string, unknown>][] = [
  ['search_contacts', { query: 'joe' }],
  [
    'create_contact',
    { email: 'joe@bloggs.com', name: 'Joe', role: 'lead', custom_attributes: { plan: 'pro' } },
  ],
  ['search_companies', { query: 'acme' }],
  [
    'create_company',
    { name: 'Acme', company_id: 'acme-001', website: 'https://acme.example', industry: 'Retail' },
  ],
  ['associate_contact_with_company', { contact_id: CONTACT, company_id: COMPANY }],
  ['list_admins', {}],
  ['create_conversation', { contact_id: CONTACT, message: 'Hello' }],
  ['create_conversation', { contact_id: CONTACT, message: 'Hello', admin_id: ADMIN }],
  [
    'reply_to_conversation',
    { conversation_id: '524', message: 'Thanks', attachment_urls: ['https://example.com/a.png'] },
  ],
  ['reply_to_conversation', { conversation_id: '524', message: 'Thanks', user_id: CONTACT }],
  ['add_tags_to_conversation', { conversation_id: '524', tag_ids: ['86'] }],
  ['remove_tags_from_conversation', { conversation_id: '524', tag_ids: ['86'], admin_id: ADMIN }],
  ['list_articles', {}],
  ['retrieve_article', { id: '39' }],
  ['create_article', { title: 'Returns', body: '<p>How</p>', author_id: ADMIN, collection_id: '145' }],
  ['list_tickets', { state: 'submitted' }],
  ['get_ticket', { ticket_id: '631' }],
  [
    'create_ticket',
    { contact_id: CONTACT, ticket_type_id: '67', title: 'x', description: 'y', company_id: COMPANY },
  ],
  ['update_ticket', { ticket_id: '631', title: 'z', state: 'resolved', admin_id: ADMIN, is_shared: true }],
  ['add_comment_to_ticket', { ticket_id: '631', comment: 'Checked the logs', admin_id: ADMIN }],
  ['list_ticket_types', {}],
];

/** The description's own gaps, filled from Intercom's SDK overrides (fern/openapi-overrides.yml). */
function fix(schema: Record<string, unknown>): Record<string, unknown> {
  // GET /articles pages by page and per_page (the SDK's ListArticlesRequest); the description omits them.
  if (schema.operationId === 'listArticles') {
    const parameters = (schema.parameters as unknown[] | undefined) ?? [];
    return {
      ...schema,
      parameters: [
        ...parameters,
        { name: 'page', in: 'query', schema: { type: 'integer' } },
        { name: 'per_page', in: 'query', schema: { type: 'integer' } },
      ],
    };
  }
  return schema;
}

test("every request the tools make, and every answer of the fake, fits Intercom's OpenAPI description", async (t) => {
  const file = process.env.INTERCOM_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('INTERCOM_OPENAPI_SPEC names no copy of Intercom-OpenAPI descriptions/2.16/api.intercom.io.yaml');
    return;
  }
  // Intercom's nullable references (`nullable: true` beside a `$ref`) are read by the shared check itself.
  const spec = await OpenApiCheck.load(file, { fix });
  const { fake, call, client } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));
  await client.listResources();
  await client.readResource({ uri: 'intercom://conversation/524' });

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const answer = ANSWERS[`${req.method} ${req.path}`];
    spec.assertAnswer(req.method, req.path, answer?.status ?? 200, answer?.body);
  }
  // The tools' /me calls: none here, since the stored credentials name the admin; discovery asks it.
  used.add('GET /me');
  spec.assertAnswer('GET', '/me', 200, ANSWERS['GET /me']?.body);
  assert.deepEqual([...used].sort(), [...ROUTES].sort(), 'the tools use every route listed');
});
