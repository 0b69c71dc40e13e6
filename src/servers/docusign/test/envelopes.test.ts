import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  ENVELOPE,
  envelope,
  envelopeList,
  envelopeSummary,
  errors,
  recipientsOf,
  TEMPLATE,
} from './fake-docusign.js';
import { assertAuth, data, failure, onlyRequest, route, setup } from './harness.js';

const PDF = Buffer.from('%PDF-1.7 nda').toString('base64');
const DOC = { name: 'NDA.pdf', document_id: '1', file_extension: 'pdf', document_base64: PDF };
const SIGN = {
  signHereTabs: [{ anchorString: '/sn1/', anchorUnits: 'pixels', anchorXOffset: '10', anchorYOffset: '0' }],
};

test('create_envelope from documents posts signers numbered in order with their tabs, and answers the summary', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'envelopes'), { status: 201, body: envelopeSummary() });

  const out = data(
    await call('create_envelope', {
      email_subject: 'Please sign the NDA',
      status: 'sent',
      documents: [DOC],
      recipients: [
        { email: 'jane@example.com', name: 'Jane Doe', tabs: SIGN },
        { email: 'bob@example.com', name: 'Bob Roe', routing_order: 2, recipient_id: '7' },
      ],
    }),
  );

  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, {
    emailSubject: 'Please sign the NDA',
    emailBlurb: 'Please review and sign this document',
    status: 'sent',
    documents: [{ documentId: '1', name: 'NDA.pdf', fileExtension: 'pdf', documentBase64: PDF }],
    recipients: {
      signers: [
        { email: 'jane@example.com', name: 'Jane Doe', recipientId: '1', routingOrder: '1', tabs: SIGN },
        { email: 'bob@example.com', name: 'Bob Roe', recipientId: '7', routingOrder: '2' },
      ],
    },
  });
  assert.deepEqual(out, {
    envelopeId: ENVELOPE,
    status: 'sent',
    statusDateTime: '2026-11-30T02:45:00.0000000Z',
    uri: `/envelopes/${ENVELOPE}`,
  });
});

test('create_envelope from a template fills its roles; each recipient needs role_name, and documents stay empty', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'envelopes'), { status: 201, body: envelopeSummary(ENVELOPE, 'created') });

  data(
    await call('create_envelope', {
      template_id: TEMPLATE,
      email_subject: 'Contract',
      email_blurb: 'Hi',
      status: 'created',
      documents: [],
      recipients: [{ email: 'jane@example.com', name: 'Jane Doe', role_name: 'Client', routing_order: '1' }],
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    emailSubject: 'Contract',
    emailBlurb: 'Hi',
    status: 'created',
    templateId: TEMPLATE,
    templateRoles: [{ email: 'jane@example.com', name: 'Jane Doe', roleName: 'Client', routingOrder: '1' }],
  });

  const base = { template_id: TEMPLATE, email_subject: 'x', status: 'sent' };
  assert.equal(
    failure(
      await call('create_envelope', { ...base, documents: [], recipients: [{ email: 'a@b.c', name: 'A' }] }),
    ),
    'Invalid arguments: recipients.0.role_name: required with template_id (the template role they fill)',
  );
  assert.match(
    failure(
      await call('create_envelope', {
        ...base,
        documents: [DOC],
        recipients: [{ email: 'a@b.c', name: 'A', role_name: 'R' }],
      }),
    ),
    /^Invalid arguments: documents: leave it empty with template_id/,
  );
  assert.equal(fake.requests.length, 1);
});

test('create_envelope refuses what DocuSign would reject before sending anything', async (t) => {
  const { fake, call } = await setup(t);
  const base = { email_subject: 'x', status: 'sent' };
  assert.match(
    failure(
      await call('create_envelope', { ...base, documents: [], recipients: [{ email: 'a@b.c', name: 'A' }] }),
    ),
    /documents: give at least one document/,
  );
  assert.match(
    failure(
      await call('create_envelope', {
        ...base,
        documents: [DOC, DOC],
        recipients: [{ email: 'a@b.c', name: 'A' }],
      }),
    ),
    /documents: id 1 is given twice/,
  );
  assert.match(
    failure(
      await call('create_envelope', {
        ...base,
        documents: [DOC],
        recipients: [{ email: 'nope', name: 'A' }],
      }),
    ),
    /recipients\.0\.email: must be an email address/,
  );
  assert.match(
    failure(await call('create_envelope', { ...base, status: 'voided', documents: [DOC], recipients: [] })),
    /status/,
  );
  assert.match(
    failure(
      await call('create_envelope', {
        ...base,
        documents: [{ ...DOC, document_id: 'one' }],
        recipients: [{ email: 'a@b.c', name: 'A' }],
      }),
    ),
    /document_id/,
  );
  assert.equal(fake.requests.length, 0);
});

test('create_envelope is not retried after a 5xx or a timeout; an envelope made all the same is found and reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'envelopes'), { status: 503, body: 'Service Unavailable' });
  fake.route(route('GET', 'envelopes'), {
    body: envelopeList([
      envelope('e-other', 'sent', { emailSubject: 'Another' }),
      envelope(ENVELOPE, 'sent', {
        emailSubject: 'Please sign the NDA',
        createdDateTime: new Date().toISOString(),
      }),
    ]),
  });

  const out = data(
    await call('create_envelope', {
      email_subject: 'Please sign the NDA',
      status: 'sent',
      documents: [DOC],
      recipients: [{ email: 'a@b.c', name: 'A' }],
    }),
  );

  assert.deepEqual(
    fake.requests.map((r) => r.method),
    ['POST', 'GET'],
    'one POST: never sent twice',
  );
  const search = fake.requests[1];
  assert.ok(search);
  assertAuth(search);
  assert.match(String(search.query.get('from_date')), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(out.envelopeId, ENVELOPE);
  assert.match(
    String(out.note),
    /did not confirm the creation, but an envelope with this subject was created just now \(sent\)/,
  );
});

test('create_envelope that got no answer and is not found warns that recipients may be asked twice', async (t) => {
  const { fake, call } = await setup(t, undefined, { timeoutMs: 50 });
  fake.route(route('POST', 'envelopes'), async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { status: 201, body: envelopeSummary() };
  });
  fake.route(route('GET', 'envelopes'), { body: envelopeList([]) });

  const message = failure(
    await call('create_envelope', {
      email_subject: 'Hello',
      status: 'sent',
      documents: [DOC],
      recipients: [{ email: 'a@b.c', name: 'A' }],
    }),
  );
  assert.match(
    message,
    /^DocuSign did not answer; the request may have gone through, so check before trying again\. No envelope with the subject "Hello" shows up yet/,
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
});

test('get_envelope passes include and answers the envelope with its recipients', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `envelopes/${ENVELOPE}`), {
    body: envelope(ENVELOPE, 'completed', {
      completedDateTime: '2026-11-29T10:05:00.0000000Z',
      recipients: recipientsOf(),
    }),
  });

  const out = data(await call('get_envelope', { envelope_id: ENVELOPE, include: 'recipients' }));

  assert.deepEqual(query(onlyRequest(fake)), { include: 'recipients' });
  assert.equal(out.status, 'completed');
  assert.deepEqual(out.sender, {
    userName: 'Susan Smart',
    email: 'susan.smart@example.com',
    userId: '4799e5e9-1559-4915-9862-cf4713bbcacc',
  });
  assert.deepEqual(out.recipients, [
    {
      type: 'signers',
      recipientId: '1',
      name: 'Jane Doe',
      email: 'jane@example.com',
      roleName: null,
      routingOrder: 1,
      status: 'completed',
      deliveredDateTime: '2026-11-29T10:00:00.0000000Z',
      signedDateTime: '2026-11-29T10:05:00.0000000Z',
      declinedReason: null,
    },
  ]);
});

test('send_envelope sets the subject, puts documents and signers in the draft, then sends it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `envelopes/${ENVELOPE}`), { body: envelope(ENVELOPE, 'created') });
  fake.route(route('PUT', `envelopes/${ENVELOPE}`), { body: { envelopeId: ENVELOPE } });
  fake.route(route('PUT', `envelopes/${ENVELOPE}/documents`), {
    body: {
      envelopeId: ENVELOPE,
      envelopeDocuments: [{ documentId: '1', name: 'NDA.pdf', type: 'content', order: '1', pages: '1' }],
    },
  });
  fake.route(route('PUT', `envelopes/${ENVELOPE}/recipients`), {
    body: {
      recipientUpdateResults: [{ recipientId: '1', errorDetails: { errorCode: 'SUCCESS', message: '' } }],
    },
  });

  const out = data(
    await call('send_envelope', {
      envelope_id: ENVELOPE,
      email_subject: 'Please sign the NDA',
      email_blurb: 'Thanks!',
      documents: [DOC],
      recipients: [{ email: 'jane@example.com', name: 'Jane Doe', tabs: SIGN }],
    }),
  );

  assert.deepEqual(out, { envelopeId: ENVELOPE, status: 'sent' });
  const path = `/restapi/v2.1/accounts/a4ec37d6-04ba-4a8d-b3a6-2f2c2ea8ba37/envelopes/${ENVELOPE}`;
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, r.body]),
    [
      ['GET', path, undefined],
      ['PUT', path, { emailSubject: 'Please sign the NDA', emailBlurb: 'Thanks!' }],
      [
        'PUT',
        `${path}/documents`,
        { documents: [{ documentId: '1', name: 'NDA.pdf', fileExtension: 'pdf', documentBase64: PDF }] },
      ],
      [
        'PUT',
        `${path}/recipients`,
        {
          signers: [
            { email: 'jane@example.com', name: 'Jane Doe', recipientId: '1', routingOrder: '1', tabs: SIGN },
          ],
        },
      ],
      ['PUT', path, { status: 'sent' }],
    ],
  );
  for (const r of fake.requests) assertAuth(r);
});

test('send_envelope refuses an envelope that is not a draft, changing nothing, so a second call cannot send twice', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `envelopes/${ENVELOPE}`), { body: envelope(ENVELOPE, 'sent') });
  assert.equal(
    failure(
      await call('send_envelope', {
        envelope_id: ENVELOPE,
        email_subject: 's',
        documents: [],
        recipients: [{ email: 'a@b.c', name: 'A', tabs: SIGN }],
      }),
    ),
    `Envelope ${ENVELOPE} is sent, not a draft (created): only a draft can be sent, so nothing was changed.`,
  );
  assert.equal(fake.requests.length, 1);
});

test('send_envelope stops before sending when DocuSign refuses a recipient', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `envelopes/${ENVELOPE}`), { body: envelope(ENVELOPE, 'created') });
  fake.route(route('PUT', `envelopes/${ENVELOPE}`), { body: { envelopeId: ENVELOPE } });
  fake.route(route('PUT', `envelopes/${ENVELOPE}/recipients`), {
    body: {
      recipientUpdateResults: [
        {
          recipientId: '1',
          errorDetails: {
            errorCode: 'INVALID_EMAIL_ADDRESS_FOR_RECIPIENT',
            message: 'The email address for the recipient is invalid.',
          },
        },
      ],
    },
  });
  assert.equal(
    failure(
      await call('send_envelope', {
        envelope_id: ENVELOPE,
        email_subject: 's',
        documents: [],
        recipients: [{ email: 'a@b.c', name: 'A', tabs: SIGN }],
      }),
    ),
    'DocuSign refused part of the envelope, so it was not sent: recipients id 1: INVALID_EMAIL_ADDRESS_FOR_RECIPIENT (The email address for the recipient is invalid.)',
  );
  assert.equal(
    fake.requests.filter((r) => (r.body as { status?: string } | undefined)?.status === 'sent').length,
    0,
  );
});

test('a send that got a 5xx is not repeated: the envelope is read, and reported sent if it left the draft state', async (t) => {
  const { fake, call } = await setup(t);
  let status = 'created';
  fake.route(route('GET', `envelopes/${ENVELOPE}`), () => ({ body: envelope(ENVELOPE, status) }));
  fake.route(route('PUT', `envelopes/${ENVELOPE}`), (req) => {
    if ((req.body as { status?: string }).status !== 'sent') return { body: { envelopeId: ENVELOPE } };
    status = 'sent';
    return { status: 502, body: 'Bad Gateway' };
  });
  fake.route(route('PUT', `envelopes/${ENVELOPE}/recipients`), {
    body: { recipientUpdateResults: [{ recipientId: '1' }] },
  });
  const args = {
    envelope_id: ENVELOPE,
    email_subject: 's',
    documents: [],
    recipients: [{ email: 'a@b.c', name: 'A', tabs: SIGN }],
  };

  const out = data(await call('send_envelope', args));
  assert.deepEqual(out, {
    envelopeId: ENVELOPE,
    status: 'sent',
    note: 'DocuSign did not confirm the send, but the envelope is no longer a draft: it was sent.',
  });
  assert.equal(
    fake.requests.filter((r) => (r.body as { status?: string } | undefined)?.status === 'sent').length,
    1,
  );
});

test('a send that got a 5xx and left the envelope a draft says it was not sent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `envelopes/${ENVELOPE}`), { body: envelope(ENVELOPE, 'created') });
  fake.route(route('PUT', `envelopes/${ENVELOPE}`), (req) =>
    (req.body as { status?: string }).status === 'sent'
      ? { status: 500, body: errors.invalidStatus }
      : { body: {} },
  );
  fake.route(route('PUT', `envelopes/${ENVELOPE}/recipients`), { body: { recipientUpdateResults: [] } });
  assert.equal(
    failure(
      await call('send_envelope', {
        envelope_id: ENVELOPE,
        email_subject: 's',
        documents: [],
        recipients: [{ email: 'a@b.c', name: 'A', tabs: SIGN }],
      }),
    ),
    'DocuSign failed (HTTP 500); the request may have gone through, so check before trying again. The envelope is still a draft: it was not sent.',
  );
});

test('get_envelope_status_bulk asks for the ids at once and lists those DocuSign did not answer', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'envelopes'), { body: envelopeList([envelope(ENVELOPE, 'delivered')]) });

  const out = data(
    await call('get_envelope_status_bulk', {
      envelope_ids: [ENVELOPE, 'missing-id', ENVELOPE],
      include: 'recipients',
    }),
  );

  assert.deepEqual(query(onlyRequest(fake)), {
    envelope_ids: `${ENVELOPE},missing-id`,
    include: 'recipients',
    count: '2',
  });
  assert.deepEqual(
    (out.envelopes as { envelopeId: string; status: string }[]).map((e) => [e.envelopeId, e.status]),
    [[ENVELOPE, 'delivered']],
  );
  assert.deepEqual(out.missing, ['missing-id']);
  assert.match(failure(await call('get_envelope_status_bulk', { envelope_ids: [] })), /envelope_ids/);
});
