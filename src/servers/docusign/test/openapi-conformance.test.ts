import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  ENVELOPE,
  envelope,
  envelopeList,
  envelopeSummary,
  recipientsOf,
  TEMPLATE,
  template,
  templateDetail,
  templateList,
  USER_ID,
  user,
  userList,
} from './fake-docusign.js';
import { data, route, setup } from './harness.js';

/**
 * Checks the fake and the client against DocuSign's own description of the eSignature REST API, so they
 * cannot drift apart together: every request the tools make (method, path, query keys, JSON body) must be
 * an operation of the description, and every answer the fake gives must fit that operation's documented
 * answer.
 *
 * The description is esignature.rest.swagger-v2.1.json of github.com/docusign/OpenAPI-Specifications,
 * which no npm package ships: DOCUSIGN_OPENAPI_SPEC names a copy of it; without one the test is skipped.
 * It is Swagger 2.0, which OpenApiCheck reads itself. /oauth/userinfo belongs to the sign-in host, not
 * to this description.
 */

const ROUTES = [
  'GET /v2.1/accounts/{accountId}/templates',
  'GET /v2.1/accounts/{accountId}/templates/{templateId}',
  'POST /v2.1/accounts/{accountId}/templates',
  'POST /v2.1/accounts/{accountId}/envelopes',
  'GET /v2.1/accounts/{accountId}/envelopes',
  'GET /v2.1/accounts/{accountId}/envelopes/{envelopeId}',
  'PUT /v2.1/accounts/{accountId}/envelopes/{envelopeId}',
  'PUT /v2.1/accounts/{accountId}/envelopes/{envelopeId}/documents',
  'PUT /v2.1/accounts/{accountId}/envelopes/{envelopeId}/recipients',
  'POST /v2.1/accounts/{accountId}/users',
  'GET /v2.1/accounts/{accountId}/users',
  'GET /v2.1/accounts/{accountId}/users/{userId}',
];

const PDF = Buffer.from('%PDF-1.7 conformance').toString('base64');
const DOC = { name: 'NDA.pdf', document_id: '1', file_extension: 'pdf', document_base64: PDF };
const SIGN = {
  signHereTabs: [{ anchorString: '/sn1/', anchorUnits: 'pixels', anchorXOffset: '10', anchorYOffset: '0' }],
};

test("every request the tools make, and every answer of the fake, fits DocuSign's eSignature v2.1 description", async (t) => {
  const file = process.env.DOCUSIGN_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('DOCUSIGN_OPENAPI_SPEC names no copy of OpenAPI-Specifications esignature.rest.swagger-v2.1.json');
    return;
  }
  const spec = await OpenApiCheck.load(file);
  const { fake, call } = await setup(t);
  /** The reply given for each request, by `METHOD path`, to check against the description. */
  const given = new Map<string, FakeReply>();
  const answer = (method: string, path: string, reply: FakeReply) => {
    const key = route(method, path);
    given.set(key, reply);
    fake.route(key, reply);
  };
  let draft = true;
  answer('GET', 'templates', { body: templateList([template()], 0, 1) });
  answer('GET', `templates/${TEMPLATE}`, { body: templateDetail() });
  answer('POST', 'templates', {
    status: 201,
    body: { templateId: TEMPLATE, uri: `/templates/${TEMPLATE}`, name: 'NDA' },
  });
  answer('POST', 'envelopes', { status: 201, body: envelopeSummary() });
  answer('GET', 'envelopes', {
    body: envelopeList([envelope(ENVELOPE, 'sent', { recipients: recipientsOf() })]),
  });
  fake.route(route('GET', `envelopes/${ENVELOPE}`), () => ({
    body: envelope(ENVELOPE, draft ? 'created' : 'sent', { recipients: recipientsOf() }),
  }));
  answer('PUT', `envelopes/${ENVELOPE}`, { body: { envelopeId: ENVELOPE } });
  answer('PUT', `envelopes/${ENVELOPE}/documents`, {
    body: {
      envelopeId: ENVELOPE,
      envelopeDocuments: [{ documentId: '1', name: 'NDA.pdf', type: 'content', order: '1' }],
    },
  });
  answer('PUT', `envelopes/${ENVELOPE}/recipients`, {
    body: { recipientUpdateResults: [{ recipientId: '1' }] },
  });
  answer('POST', 'users', {
    status: 201,
    body: {
      newUsers: [
        {
          userId: 'u-1',
          uri: '/users/u-1',
          email: 'john@example.com',
          userName: 'John Doe',
          userStatus: 'ActivationSent',
        },
      ],
    },
  });
  answer('GET', 'users', { body: userList([user()], 0, 1) });
  answer('GET', `users/${USER_ID}`, { body: user() });

  const calls: [string, Record<string, unknown>][] = [
    [
      'list_templates',
      {
        search_text: 'nda',
        folder_types: 'shared_template_folder',
        created_from_date: '2026-01-01',
        order_by: 'name',
        order: 'asc',
        include: 'recipients',
      },
    ],
    ['get_template', { template_id: TEMPLATE }],
    [
      'create_template',
      {
        name: 'NDA',
        description: 'x',
        document_name: 'NDA.pdf',
        document_base64: PDF,
        file_extension: 'pdf',
      },
    ],
    [
      'create_envelope',
      {
        email_subject: 'Sign',
        status: 'sent',
        documents: [DOC],
        recipients: [{ email: 'jane@example.com', name: 'Jane', tabs: SIGN }],
      },
    ],
    [
      'create_envelope',
      {
        template_id: TEMPLATE,
        email_subject: 'Sign',
        status: 'created',
        documents: [],
        recipients: [{ email: 'jane@example.com', name: 'Jane', role_name: 'Client' }],
      },
    ],
    ['get_envelope', { envelope_id: ENVELOPE, include: 'recipients,documents' }],
    [
      'send_envelope',
      {
        envelope_id: ENVELOPE,
        email_subject: 'Sign',
        documents: [DOC],
        recipients: [{ email: 'jane@example.com', name: 'Jane', tabs: SIGN }],
      },
    ],
    ['get_envelope_status_bulk', { envelope_ids: [ENVELOPE], include: 'recipients' }],
    [
      'create_user',
      { users: [{ userName: 'John Doe', email: 'john@example.com', isAdmin: false, groupId: '42' }] },
    ],
    ['list_users', { username: 'Jo', status: 'Active', additional_info: true }],
    ['get_user', { user_id: USER_ID, additional_info: true }],
  ];
  for (const [name, args] of calls) {
    data(await call(name, args));
    if (name === 'send_envelope') draft = false;
  }

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const reply = given.get(`${req.method} ${req.path}`);
    const body = reply?.body ?? envelope(ENVELOPE, 'sent', { recipients: recipientsOf() });
    spec.assertAnswer(req.method, req.path, reply?.status ?? 200, body);
  }
  assert.deepEqual([...used].sort(), [...ROUTES].sort(), 'the tools use every route listed');
});
