import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { TEMPLATE, template, templateDetail, templateList } from './fake-docusign.js';
import { assertAuth, data, failure, onlyRequest, route, setup } from './harness.js';

const PDF = Buffer.from('%PDF-1.7 contract').toString('base64');

test('list_templates sends guMCP’s filters as DocuSign’s query and answers the templates trimmed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'templates'), { body: templateList([template()], 0, 1) });

  const out = data(
    await call('list_templates', {
      search_text: 'contract',
      folder_ids: 'f1,f2',
      folder_types: 'shared_template_folder',
      include: 'documents',
      created_from_date: '2026-01-01',
      created_to_date: '2026-12-31',
      order_by: 'name',
      order: 'asc',
      count: 10,
    }),
  );

  const req = onlyRequest(fake);
  assert.deepEqual(query(req), {
    search_text: 'contract',
    folder_ids: 'f1,f2',
    folder_types: 'shared_template_folder',
    include: 'documents',
    created_from_date: '2026-01-01',
    created_to_date: '2026-12-31',
    order_by: 'name',
    order: 'asc',
    start_position: '0',
    count: '10',
  });
  assert.deepEqual(out, {
    templates: [
      {
        templateId: TEMPLATE,
        name: 'Sample Contract',
        description: 'A standard contract',
        shared: false,
        created: '2026-06-15T10:30:45.0000000Z',
        lastModified: '2026-07-10T08:15:30.0000000Z',
        folderId: 'f1a2b3c4-0000-4000-8000-000000000001',
        folderName: 'Templates',
        owner: {
          userName: 'Susan Smart',
          email: 'susan.smart@example.com',
          userId: '4799e5e9-1559-4915-9862-cf4713bbcacc',
        },
        emailSubject: 'Please sign this contract',
        pageCount: 2,
        uri: `/templates/${TEMPLATE}`,
      },
    ],
    totalSetSize: 1,
  });
});

test('list_templates follows start_position pages up to count', async (t) => {
  const { fake, call } = await setup(t);
  const all = Array.from({ length: 150 }, (_, i) => template(`t-${i}`, `Template ${i}`));
  fake.route(route('GET', 'templates'), (req) => {
    const start = Number(req.query.get('start_position'));
    const count = Number(req.query.get('count'));
    return { body: templateList(all.slice(start, start + count), start, all.length) };
  });

  const out = data(await call('list_templates', { count: 120 }));

  assert.deepEqual(
    fake.requests.map((r) => [r.query.get('start_position'), r.query.get('count')]),
    [
      ['0', '100'],
      ['100', '20'],
    ],
  );
  assert.equal((out.templates as unknown[]).length, 120);
  assert.equal(out.totalSetSize, 150);
});

test('get_template answers the template with its documents and roles', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `templates/${TEMPLATE}`), { body: templateDetail() });

  const out = data(await call('get_template', { template_id: TEMPLATE }));

  assert.equal(onlyRequest(fake).method, 'GET');
  assert.deepEqual(out.documents, [{ documentId: '1', name: 'Contract.pdf', order: 1, pages: 2 }]);
  assert.deepEqual(out.recipients, [
    {
      type: 'signers',
      recipientId: '1',
      name: '',
      email: '',
      roleName: 'Client',
      routingOrder: 1,
      status: null,
      deliveredDateTime: null,
      signedDateTime: null,
      declinedReason: null,
    },
  ]);
  assert.equal(out.emailBlurb, 'Please review and sign');
});

test('create_template posts one document with guMCP’s defaults for subject and message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'templates'), {
    status: 201,
    body: { templateId: TEMPLATE, uri: `/templates/${TEMPLATE}`, name: 'NDA' },
  });

  const out = data(
    await call('create_template', {
      name: 'NDA',
      description: 'Mutual NDA',
      document_name: 'NDA.pdf',
      document_base64: `${PDF.slice(0, 8)}\n${PDF.slice(8)}`,
      file_extension: '.PDF',
    }),
  );

  const req = onlyRequest(fake);
  assert.match(String(req.headers['content-type']), /^application\/json/);
  assert.deepEqual(req.body, {
    name: 'NDA',
    description: 'Mutual NDA',
    shared: 'false',
    emailSubject: 'Please sign: NDA',
    emailBlurb: 'Please review and sign this document',
    documents: [{ documentId: '1', name: 'NDA.pdf', fileExtension: 'pdf', documentBase64: PDF }],
  });
  assert.deepEqual(out, { templateId: TEMPLATE, name: 'NDA', uri: `/templates/${TEMPLATE}` });
});

test('create_template is not retried after a 5xx; a template made all the same is found and reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'templates'), {
    status: 500,
    body: { errorCode: 'UNSPECIFIED_ERROR', message: 'An error occurred.' },
  });
  fake.route(route('GET', 'templates'), {
    body: templateList([template('t-other', 'NDA v2'), template(TEMPLATE, 'NDA')], 0, 2),
  });

  const out = data(
    await call('create_template', {
      name: 'NDA',
      document_name: 'NDA.pdf',
      document_base64: PDF,
      file_extension: 'pdf',
    }),
  );

  assert.deepEqual(
    fake.requests.map((r) => r.method),
    ['POST', 'GET'],
  );
  const search = fake.requests[1];
  assert.ok(search);
  assertAuth(search);
  assert.equal(search.query.get('search_text'), 'NDA');
  assert.match(String(search.query.get('created_from_date')), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(out.templateId, TEMPLATE);
  assert.match(String(out.note), /did not confirm the creation/);
});

test('create_template refuses a document that is not base64, naming the argument', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(
      await call('create_template', {
        name: 'NDA',
        document_name: 'x',
        document_base64: 'not base64!',
        file_extension: 'pdf',
      }),
    ),
    /document_base64: must be the document in base64/,
  );
  assert.equal(fake.requests.length, 0);
});
