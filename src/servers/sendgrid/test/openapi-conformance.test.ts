import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import { verifySendGridKey } from '../api.js';
import {
  accepted,
  fieldDefinitions,
  SENDGRID_ROUTES,
  scopes,
  sgErrors,
  statsDay,
  TEMPLATE_ID,
  template,
  templatePage,
  version,
} from './fake-sendgrid.js';
import { data, failure, fast, KEY, setup } from './harness.js';

/**
 * Checks the fake and the client against SendGrid's OpenAPI descriptions (github.com/twilio/sendgrid-oai,
 * spec/json or spec/yaml, one file per product), so they cannot drift apart together: every request the
 * tools make (method, path, query keys, JSON body) must be an operation of a description, and every answer
 * of the fake must fit that operation's documented answer.
 *
 * SENDGRID_OPENAPI_SPEC names the files, comma-separated, or the spec/json folder (then the files of the
 * products the tools use are read: tsg_mail_v3, tsg_stats_v3, tsg_templates_v3, tsg_mc_contacts_v3,
 * tsg_mc_custom_fields_v3, tsg_scopes_v3). Without it the test is skipped.
 */

const PRODUCTS = ['mail', 'stats', 'templates', 'mc_contacts', 'mc_custom_fields', 'scopes'];

function specFiles(): string[] {
  const entries = (process.env.SENDGRID_OPENAPI_SPEC ?? '').split(',').filter(Boolean);
  return entries.flatMap((entry) => {
    if (!existsSync(entry) || !statSync(entry).isDirectory()) return [entry];
    const names = readdirSync(entry);
    return PRODUCTS.map((p) => names.find((n) => n === `tsg_${p}_v3.json` || n === `tsg_${p}_v3.yaml`))
      .filter((n): n is string => Boolean(n))
      .map((n) => join(entry, n));
  });
}

/** What each route answers in this test: the fake's bodies with the documented statuses. */
const ANSWERS: Record<string, FakeReply> = {
  'POST /v3/mail/send': accepted(),
  'GET /v3/stats': { body: [statsDay('2026-11-01', 1), statsDay('2026-11-02', 2)] },
  'GET /v3/templates': {
    body: templatePage([template(TEMPLATE_ID, 'Welcome', { versions: [version()] })], 'tok'),
  },
  'POST /v3/templates': { status: 201, body: template(TEMPLATE_ID, 'Welcome') },
  [`POST /v3/templates/${TEMPLATE_ID}/versions`]: { status: 201, body: version() },
  'PUT /v3/marketing/contacts': { status: 202, body: { job_id: '2387e363-4104-4225-8960-4a5758492351' } },
  'GET /v3/marketing/field_definitions': { body: fieldDefinitions },
  'GET /v3/scopes': { body: scopes },
};

const soon = () => new Date(Date.now() + 3600_000).toISOString();

const CALLS: [string, Record<string, unknown>][] = [
  ['send_email', { to: 'ada@example.com', subject: 'Hi', content: 'Hello', from_email: 'a@acme.test' }],
  [
    'send_email',
    {
      to: ['ada@example.com', 'bob@example.com'],
      subject: 'Hi',
      content: '<p>Hello {{name}}</p>',
      from_email: 'a@acme.test',
      from_name: 'Acme',
      template_id: 'd-13b8f94f1e6e4b5c8b8ad1d2c3e4f5a6',
      dynamic_template_data: { name: 'Ada' },
      schedule_time: soon(),
      sandbox_mode: true,
    },
  ],
  ['get_email_stats', { start_date: '2026-11-01', end_date: '2026-11-02', aggregated_by: 'day' }],
  [
    'create_template',
    { name: 'Welcome', subject: 'Hi {{name}}', html_content: '<p>Hi</p>', plain_content: 'Hi' },
  ],
  ['list_templates', { page_size: 10, page_token: 'tok' }],
  [
    'add_contact',
    {
      email: 'ada@example.com',
      first_name: 'Ada',
      last_name: 'L',
      custom_fields: { plan: 'pro', city: 'London' },
    },
  ],
];

test("every request the tools make, and every answer of the fake, fits SendGrid's OpenAPI descriptions", async (t) => {
  const files = specFiles();
  if (files.length === 0 || !files.every((f) => existsSync(f))) {
    t.skip('SENDGRID_OPENAPI_SPEC names no OpenAPI file of the SendGrid v3 API');
    return;
  }
  // The shared check follows bodies named by reference (mail/send's `#/components/requestBodies/PostMailSend`).
  const specs = await Promise.all(files.map((f) => OpenApiCheck.load(f)));
  const specFor = (method: string, path: string) => specs.find((s) => s.operation(method, path));

  const { fake, call } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));
  await verifySendGridKey({ api_key: KEY }, fast());

  const used = new Set<string>();
  const unchecked = new Set<string>();
  for (const req of fake.requests) {
    const spec = specFor(req.method, req.path);
    if (!spec) {
      unchecked.add(`${req.method} ${req.path}`);
      continue;
    }
    used.add(spec.assertRequest(req));
    const reply = ANSWERS[`${req.method} ${req.path}`];
    assert.ok(reply, `the test answers ${req.method} ${req.path}`);
    spec.assertAnswer(req.method, req.path, reply.status ?? 200, reply.body);
  }
  // The error body the fakes give fits the documented one of mail/send.
  specFor('POST', '/v3/mail/send')?.assertAnswer(
    'POST',
    '/v3/mail/send',
    400,
    sgErrors({ field: 'from', message: 'The from address does not match a verified Sender Identity.' }),
  );

  if (unchecked.size > 0) t.diagnostic(`not described by the given files: ${[...unchecked].join(', ')}`);
  const described = SENDGRID_ROUTES.filter((route) => {
    const [method = '', template = ''] = route.split(' ');
    return specFor(method, template.replace(/\{[^}]+\}/g, 'X'));
  });
  assert.deepEqual(
    [...used].sort(),
    [...described].sort(),
    'the tools use every described route of SENDGRID_ROUTES',
  );
  assert.ok(described.length > 0);
  // A refusal in the documented error shape reaches the user with the field named.
  fake.route('POST /v3/mail/send', {
    status: 400,
    body: sgErrors({ field: 'subject', message: 'is required' }),
  });
  assert.match(
    failure(await call('send_email', CALLS[0]?.[1] ?? {})),
    /subject: is required; nothing was sent$/,
  );
});
