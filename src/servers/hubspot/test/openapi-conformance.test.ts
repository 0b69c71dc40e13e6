import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  associations,
  batchAnswer,
  batchError,
  contact,
  crmList,
  crmObject,
  page,
  searchPage,
} from './fake-hubspot.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against HubSpot's OpenAPI descriptions
 * (github.com/HubSpot/HubSpot-public-api-spec-collection, PublicApiSpecs/CRM/…; no npm package ships
 * them), so they cannot drift apart together: every request the tools make (method, path, query and
 * body) must be an operation of one of the descriptions, and every answer of the fake must fit that
 * operation's documented answer for its status. HUBSPOT_OPENAPI_SPEC names the files, comma-separated:
 * Contacts, Companies, Deals, Tickets, Products, Notes, Calls, Emails, Meetings and Tasks (v3),
 * Associations (v4) and Lists (v3); without them the test is skipped.
 *
 * The legacy engagements and calling v1 endpoints have no published description, so the tools that
 * call them (get_engagement, list_engagements, get_recent_engagements, get_call_dispositions,
 * create/update/delete_engagement, send_email) are checked only against the reference pages, in
 * engagements.test.ts.
 */

/**
 * HubSpot's Deals description names the object by its type id (`/crm/v3/objects/0-3`), which the API
 * takes as well as `deals` (the name its guides use, and this client sends); requests are looked up
 * under the id.
 */
const described = (path: string) => path.replace(/^\/crm\/v3\/objects\/deals(?=\/|$)/, '/crm/v3/objects/0-3');

/** The operations the tools use, by the descriptions' path templates. */
const HUBSPOT_ROUTES = [
  'GET /crm/v3/objects/contacts',
  'POST /crm/v3/objects/contacts',
  'POST /crm/v3/objects/contacts/search',
  'PATCH /crm/v3/objects/contacts/{contactId}',
  'POST /crm/v3/objects/contacts/merge',
  'POST /crm/v3/objects/contacts/gdpr-delete',
  'GET /crm/v3/objects/companies',
  'POST /crm/v3/objects/companies',
  'PATCH /crm/v3/objects/companies/{companyId}',
  'POST /crm/v3/objects/0-3',
  'POST /crm/v3/objects/0-3/search',
  'PATCH /crm/v3/objects/0-3/{dealId}',
  'GET /crm/v3/objects/tickets',
  'GET /crm/v3/objects/tickets/{ticketId}',
  'POST /crm/v3/objects/tickets',
  'PATCH /crm/v3/objects/tickets/{ticketId}',
  'DELETE /crm/v3/objects/tickets/{ticketId}',
  'POST /crm/v3/objects/tickets/merge',
  'GET /crm/v3/objects/products',
  'GET /crm/v3/objects/products/{productId}',
  'POST /crm/v3/objects/products',
  'PATCH /crm/v3/objects/products/{productId}',
  'DELETE /crm/v3/objects/products/{productId}',
  'GET /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}',
  'POST /crm/v3/objects/notes/batch/read',
  'POST /crm/v3/objects/calls/batch/read',
  'POST /crm/v3/lists/search',
  'GET /crm/v3/lists/{listId}',
  'GET /crm/v3/lists/{listId}/memberships',
];

const answer = (body: unknown, status = 200): FakeReply => ({ status, body });
const O = '/crm/v3/objects';
const A = '/crm/v4/objects/contacts/5101/associations';

const ANSWERS: Record<string, FakeReply> = {
  [`GET ${O}/contacts`]: answer(page([contact('1')], 'NTI1Cg')),
  [`POST ${O}/contacts`]: answer(contact('5101'), 201),
  [`POST ${O}/contacts/search`]: answer(searchPage([contact('7')], 1)),
  [`PATCH ${O}/contacts/5101`]: answer(contact('5101')),
  [`POST ${O}/contacts/merge`]: answer(contact('5101')),
  [`POST ${O}/contacts/gdpr-delete`]: answer(undefined, 204),
  [`GET ${O}/companies`]: answer(page([crmObject('801', { name: 'Analytical Engines' })])),
  [`POST ${O}/companies`]: answer(crmObject('801', { name: 'Analytical Engines' }), 201),
  [`PATCH ${O}/companies/801`]: answer(crmObject('801', { name: 'AE Ltd' })),
  [`POST ${O}/deals`]: answer(crmObject('901', { dealname: 'Engine #2' }), 201),
  [`POST ${O}/deals/search`]: answer(searchPage([crmObject('901', { dealname: 'Engine #2' })], 1)),
  [`PATCH ${O}/deals/901`]: answer(crmObject('901', { dealstage: 'closedwon' })),
  [`GET ${O}/tickets`]: answer(
    page([
      crmObject(
        '31',
        { subject: 'Jammed' },
        { associations: { contacts: { results: [{ id: '5101', type: 'ticket_to_contact' }] } } },
      ),
    ]),
  ),
  [`GET ${O}/tickets/31`]: answer(crmObject('31', { subject: 'Jammed' })),
  [`POST ${O}/tickets`]: answer(crmObject('33', { subject: 'Jammed' }), 201),
  [`PATCH ${O}/tickets/31`]: answer(crmObject('31', { hs_pipeline_stage: '4' })),
  [`DELETE ${O}/tickets/31`]: answer(undefined, 204),
  [`POST ${O}/tickets/merge`]: answer(crmObject('31', { subject: 'Jammed' })),
  [`GET ${O}/products`]: answer(page([crmObject('71', { name: 'Gear', price: '12.50' })])),
  [`GET ${O}/products/71`]: answer(
    crmObject(
      '71',
      { name: 'Gear', price: '12.50' },
      {
        propertiesWithHistory: {
          price: [{ value: '12.50', timestamp: '2024-05-02T09:30:00.000Z', sourceType: 'API' }],
        },
      },
    ),
  ),
  [`POST ${O}/products`]: answer(crmObject('72', { name: 'Cog' }), 201),
  [`PATCH ${O}/products/72`]: answer(crmObject('72', { price: '3.25' })),
  [`DELETE ${O}/products/72`]: answer(undefined, 204),
  [`GET ${A}/notes`]: answer(associations(['11', '13'], 202)),
  [`GET ${A}/calls`]: answer(associations(['21'], 194)),
  [`GET ${A}/emails`]: answer(associations([], 0)),
  [`GET ${A}/meetings`]: answer(associations([], 0)),
  [`GET ${A}/tasks`]: answer(associations([], 0)),
  [`POST ${O}/notes/batch/read`]: answer(
    batchAnswer(
      [crmObject('11', { hs_timestamp: '2024-05-01T10:00:00Z', hs_note_body: 'Kept' })],
      [
        batchError(
          ['13'],
          'OBJECT_NOT_FOUND',
          'Could not get some NOTE objects, they may be deleted or not exist.',
        ),
      ],
    ),
    207,
  ),
  [`POST ${O}/calls/batch/read`]: answer(
    batchAnswer([crmObject('21', { hs_timestamp: '2024-05-02T10:00:00Z' })]),
  ),
  'POST /crm/v3/lists/search': answer({
    lists: [{ ...crmList('12', 'Newsletter'), additionalProperties: {} }],
    hasMore: false,
    offset: 1,
    total: 1,
  }),
  'GET /crm/v3/lists/12': answer({ list: crmList('12', 'Newsletter') }),
  'GET /crm/v3/lists/12/memberships': answer({
    results: [{ recordId: '5101', membershipTimestamp: '2024-05-01T10:00:00Z' }],
  }),
};

const CALLS: [string, Record<string, unknown>][] = [
  ['list_contacts', { limit: 1 }],
  ['list_contacts', { query: 'ada', limit: 1 }],
  [
    'search_contacts',
    { filter_property: 'lifecyclestage', filter_operator: 'IN', filter_value: 'lead,customer' },
  ],
  ['create_contact', { email: 'ada@example.com', firstname: 'Ada', properties: { annualrevenue: 12 } }],
  ['update_contact', { contact_id: '5101', jobtitle: 'Countess' }],
  ['merge_contacts', { primary_contact_id: '5101', secondary_contact_id: '5102' }],
  ['gdpr_delete_contact', { email: 'ada@example.com' }],
  ['list_companies', {}],
  ['create_company', { name: 'Analytical Engines', domain: 'ae.example' }],
  ['update_company', { company_id: '801', name: 'AE Ltd' }],
  ['list_deals', { query: 'engine' }],
  ['create_deal', { dealname: 'Engine #2', amount: 7500, contact_id: '5101', company_id: '801' }],
  ['update_deal', { deal_id: '901', dealstage: 'closedwon' }],
  ['list_tickets', { associations: ['contacts'], archived: false }],
  ['get_ticket', { ticket_id: '31' }],
  [
    'create_ticket',
    { subject: 'Jammed', hs_pipeline: '0', hs_pipeline_stage: '1', contact_id: '5101', company_id: '801' },
  ],
  ['update_ticket', { ticket_id: '31', hs_pipeline_stage: '4' }],
  ['delete_ticket', { ticket_id: '31' }],
  ['merge_tickets', { primary_ticket_id: '31', secondary_ticket_id: '35' }],
  ['list_products', { archived: false }],
  ['get_product', { product_id: '71', properties_with_history: ['price'] }],
  ['create_product', { name: 'Cog', price: 3, hs_recurring_billing_period: 'P12M' }],
  ['update_product', { product_id: '72', price: 3.25 }],
  ['delete_product', { product_id: '72' }],
  ['get_engagements', { contact_id: '5101' }],
];

test("every request the tools make, and every answer of the fake, fits HubSpot's OpenAPI descriptions", async (t) => {
  const files = (process.env.HUBSPOT_OPENAPI_SPEC ?? '').split(',').filter(Boolean);
  if (files.length === 0 || !files.every((f) => existsSync(f))) {
    t.skip('HUBSPOT_OPENAPI_SPEC names no OpenAPI files of HubSpot’s CRM APIs');
    return;
  }
  const specs = await Promise.all(files.map((f) => OpenApiCheck.load(f)));
  const specFor = (method: string, path: string) =>
    specs.find((s) => s.operation(method, path)) ?? assert.fail(`${method} ${path} is in no description`);

  const { fake, call, client } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));
  await client.request({ method: 'resources/list', params: { cursor: listsCursor() } });
  await client.readResource({ uri: 'hubspot://list/12' });

  const used = new Set<string>();
  for (const req of fake.requests) {
    const path = described(req.path);
    const spec = specFor(req.method, path);
    used.add(spec.assertRequest({ ...req, path }));
    const reply =
      ANSWERS[`${req.method} ${req.path}`] ?? assert.fail(`no answer for ${req.method} ${req.path}`);
    spec.assertAnswer(req.method, path, reply.status ?? 200, reply.body);
  }
  assert.deepEqual(
    [...used].sort(),
    [...HUBSPOT_ROUTES].sort(),
    'the tools use every route of HUBSPOT_ROUTES',
  );
});

/** A resources/list cursor that starts at the lists (the sixth template), as the host encodes it. */
const listsCursor = () => Buffer.from(JSON.stringify({ t: 5 })).toString('base64url');
