import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { EU, form, list, response } from './fake-typeform.js';
import { data, failure, setup, TOKEN } from './harness.js';

const ANSWERS = [
  {
    field_id: 'SMEUb7VJz92Q',
    field_ref: 'name',
    question: 'What is your name?',
    type: 'text',
    value: 'Laura',
  },
  {
    field_id: 'k6TP9oLGgHjl',
    field_ref: 'colours',
    question: 'Which colours do you like?',
    type: 'choices',
    value: ['Red', 'Blue', 'Teal'],
  },
  { field_id: 'X4BgU2f1K6tG', field_ref: 'count', question: 'How many?', type: 'number', value: 3 },
  { field_id: 'KoJxDM3c6x8h', field_ref: 'agree', question: 'Agree?', type: 'boolean', value: false },
];

test('get_form_responses reads the form, then its responses, each answer with its question', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'Customer Feedback') });
  fake.route('GET /forms/u6nXL7/responses', { body: list([response('tok1')], 1) });

  const out = data(
    await call('get_form_responses', {
      form_id: 'u6nXL7',
      since: '2024-03-20T15:00:59+01:00',
      fields: ['SMEUb7VJz92Q', 'k6TP9oLGgHjl'],
    }),
  );

  assert.deepEqual(out, {
    form: { id: 'u6nXL7', title: 'Customer Feedback' },
    total_items: 1,
    count: 1,
    next_before: null,
    responses: [
      {
        response_id: 'tok1',
        token: 'tok1',
        submitted_at: '2024-03-20T14:00:59Z',
        landed_at: '2024-03-20T13:59:41Z',
        answers: ANSWERS,
        hidden: { source: 'newsletter' },
        score: 4,
      },
    ],
  });
  const req = only(fake, 'GET', '/forms/u6nXL7/responses');
  assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  // since goes out in UTC, to the second, as Typeform takes it.
  assert.deepEqual(query(req), {
    page_size: '10',
    since: '2024-03-20T14:00:59',
    fields: 'SMEUb7VJz92Q,k6TP9oLGgHjl',
  });
});

test('a bare date or Unix seconds is a valid since; anything else names the argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'F') });
  fake.route('GET /forms/u6nXL7/responses', { body: list([], 0) });
  data(await call('get_form_responses', { form_id: 'u6nXL7', since: '2024-03-20' }));
  data(await call('get_form_responses', { form_id: 'u6nXL7', since: '1710943259' }));
  assert.deepEqual(
    fake.requests.filter((r) => r.path.endsWith('/responses')).map((r) => r.query.get('since')),
    ['2024-03-20T00:00:00', '1710943259'],
  );
  const before = fake.requests.length;
  assert.match(failure(await call('get_form_responses', { form_id: 'u6nXL7', since: 'last week' })), /since/);
  assert.match(failure(await call('get_form_responses', { form_id: 'u6nXL7', limit: 0 })), /limit/);
  assert.equal(fake.requests.length, before);
});

test('older responses are read page by page with before (the last token), up to limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'F') });
  fake.route('GET /forms/u6nXL7/responses', (req) => {
    const size = Number(req.query.get('page_size'));
    const start = req.query.get('before') ? Number(req.query.get('before')?.slice(1)) + 1 : 0;
    return {
      body: list(
        Array.from({ length: size }, (_, i) => response(`t${start + i}`)),
        5000,
      ),
    };
  });

  const out = data(await call('get_form_responses', { form_id: 'u6nXL7', limit: 1500 }));

  assert.equal(out.count, 1500);
  assert.equal(out.total_items, 5000);
  assert.equal(out.next_before, 't1499');
  const pages = fake.requests.filter((r) => r.path.endsWith('/responses'));
  assert.deepEqual(
    pages.map((r) => [r.query.get('page_size'), r.query.get('before')]),
    [
      ['1000', null],
      ['500', 't999'],
    ],
  );
});

test('a short page ends the responses', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'F') });
  fake.route('GET /forms/u6nXL7/responses', { body: list([response('a'), response('b')], 2) });
  const out = data(await call('get_form_responses', { form_id: 'u6nXL7', limit: 50, before: 'z' }));
  assert.equal(out.count, 2);
  assert.equal(out.next_before, null);
  assert.equal(fake.requests[1]?.query.get('before'), 'z');
});

test('an EU form’s responses are read from the EU host its _links.responses names', async (t) => {
  const { fake, eu, call } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'Kundenfeedback', EU) });
  eu.route('GET /forms/u6nXL7/responses', { body: list([response('tok1')], 1) });

  const out = data(await call('get_form_responses', { form_id: 'u6nXL7' }));

  assert.equal(out.count, 1);
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/forms/u6nXL7'],
  );
  const req = only(eu, 'GET', '/forms/u6nXL7/responses');
  assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
});

test('credentials that name the EU region send every request to the EU host', async (t) => {
  const { fake, eu, call } = await setup(t, { access_token: TOKEN, region: 'eu' });
  eu.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'F', EU) });
  eu.route('GET /forms/u6nXL7/responses', { body: list([], 0) });
  data(await call('get_form_responses', { form_id: 'u6nXL7' }));
  assert.equal(fake.requests.length, 0);
  assert.deepEqual(
    eu.requests.map((r) => r.path),
    ['/forms/u6nXL7', '/forms/u6nXL7/responses'],
  );
});

test('a responses link to a host that is not Typeform’s is not followed', async (t) => {
  const { fake, eu, call } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'F', 'https://attacker.example') });
  fake.route('GET /forms/u6nXL7/responses', { body: list([], 0) });
  data(await call('get_form_responses', { form_id: 'u6nXL7' }));
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/forms/u6nXL7', '/forms/u6nXL7/responses'],
  );
  assert.equal(eu.requests.length, 0);
});
