import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import {
  metrics,
  sgErrors,
  statsDay,
  TEMPLATE_ID,
  template,
  templatePage,
  VERSION_ID,
  version,
} from './fake-sendgrid.js';
import { assertAuth, data, failure, setup } from './harness.js';

test('get_email_stats reads /stats for the dates and sums each metric over the days', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/stats', { body: [statsDay('2026-11-01', 1), statsDay('2026-11-02', 2)] });
  const out = data(await call('get_email_stats', { start_date: '2026-11-01', end_date: '2026-11-02' }));
  assert.deepEqual(out.periods, [
    { date: '2026-11-01', metrics: metrics(1) },
    { date: '2026-11-02', metrics: metrics(2) },
  ]);
  assert.deepEqual(out.totals, metrics(3));
  assert.equal(out.aggregated_by, 'day');
  const req = only(fake, 'GET', '/v3/stats');
  assertAuth(req);
  assert.deepEqual(query(req), { start_date: '2026-11-01', end_date: '2026-11-02' });
});

test('get_email_stats passes aggregated_by, and refuses an end before the start or a date that is not one', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/stats', { body: [statsDay('2026-11-01', 7)] });
  const out = data(
    await call('get_email_stats', {
      start_date: '2026-11-01',
      end_date: '2026-11-30',
      aggregated_by: 'month',
    }),
  );
  assert.equal(out.aggregated_by, 'month');
  assert.equal(fake.requests[0]?.query.get('aggregated_by'), 'month');
  assert.equal(
    failure(await call('get_email_stats', { start_date: '2026-11-05', end_date: '2026-11-01' })),
    'end_date: must not be before start_date',
  );
  assert.match(
    failure(await call('get_email_stats', { start_date: '01/11/2026', end_date: '2026-11-01' })),
    /start_date/,
  );
  assert.equal(fake.requests.length, 1);
});

test('a date SendGrid refuses is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/stats', {
    status: 400,
    body: sgErrors({ field: 'start_date', message: 'is not a valid date, e.g. 2006-01-02' }),
  });
  assert.equal(
    failure(await call('get_email_stats', { start_date: '2026-02-30', end_date: '2026-03-01' })),
    'SendGrid refused reading email statistics (HTTP 400): start_date: is not a valid date, e.g. 2006-01-02',
  );
});

test('create_template makes a dynamic template, then its first active version', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v3/templates', { status: 201, body: template(TEMPLATE_ID, 'Welcome') });
  fake.route(`POST /v3/templates/${TEMPLATE_ID}/versions`, { status: 201, body: version() });
  const out = data(
    await call('create_template', {
      name: 'Welcome',
      subject: 'Welcome, {{first_name}}',
      html_content: '<h1>Hi {{first_name}}</h1>',
      plain_content: 'Hi {{first_name}}',
    }),
  );
  assert.deepEqual(out, {
    template_id: TEMPLATE_ID,
    name: 'Welcome',
    generation: 'dynamic',
    version_id: VERSION_ID,
    subject: 'Welcome, {{first_name}}',
    message: `Created dynamic template ${TEMPLATE_ID} "Welcome" with an active version (subject "Welcome, {{first_name}}"); send it with send_email template_id.`,
  });
  const created = only(fake, 'POST', '/v3/templates');
  assertAuth(created);
  assert.deepEqual(created.body, { name: 'Welcome', generation: 'dynamic' });
  assert.deepEqual(only(fake, 'POST', `/v3/templates/${TEMPLATE_ID}/versions`).body, {
    name: 'Welcome',
    subject: 'Welcome, {{first_name}}',
    html_content: '<h1>Hi {{first_name}}</h1>',
    plain_content: 'Hi {{first_name}}',
    active: 1,
  });
});

test('when the version fails, the error names the template already made, so it is not made twice', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v3/templates', { status: 201, body: template(TEMPLATE_ID, 'Welcome') });
  fake.route(`POST /v3/templates/${TEMPLATE_ID}/versions`, { status: 500, body: {} });
  assert.equal(
    failure(await call('create_template', { name: 'Welcome', subject: 'Hi', html_content: '<p>Hi</p>' })),
    `Created template ${TEMPLATE_ID} "Welcome", but adding its content failed: SendGrid failed (HTTP 500); ` +
      'the request may have gone through, so check before trying again. Add a version to that template in ' +
      'SendGrid rather than creating the template again.',
  );
  assert.equal(fake.requests.length, 2, 'neither POST is retried');
});

test('list_templates asks for both generations and continues with the page_token of _metadata.next', async (t) => {
  const { fake, call } = await setup(t);
  const second = 'f4e3d2c1-0000-4000-8000-000000000002';
  fake.route('GET /v3/templates', (req) =>
    req.query.get('page_token') === 'tok2'
      ? { body: templatePage([template(second, 'Receipt', { generation: 'legacy' })]) }
      : {
          body: templatePage(
            [template(TEMPLATE_ID, 'Welcome', { versions: [version({ active: 0, id: 'old' }), version()] })],
            'tok2',
          ),
        },
  );
  const first = data(await call('list_templates', { page_size: 1 }));
  assert.deepEqual(first, {
    templates: [
      {
        id: TEMPLATE_ID,
        name: 'Welcome',
        generation: 'dynamic',
        updated_at: '2026-11-20 10:00:00',
        active_version: { id: VERSION_ID, name: 'Welcome', subject: 'Welcome, {{first_name}}' },
      },
    ],
    next_page_token: 'tok2',
  });
  const next = data(
    await call('list_templates', { page_size: 1, page_token: 'tok2', generations: 'legacy' }),
  );
  assert.equal((next.templates as { id: string }[])[0]?.id, second);
  assert.equal(next.next_page_token, null);
  assert.deepEqual(fake.requests.map(query), [
    { generations: 'legacy,dynamic', page_size: '1' },
    { generations: 'legacy', page_size: '1', page_token: 'tok2' },
  ]);
  for (const r of fake.requests) assertAuth(r);
  assert.match(failure(await call('list_templates', { page_size: 500 })), /page_size/);
});
