import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ACCOUNT_ID, created, DOCUMENT_ID, sfError, VERSION_ID } from './fake-salesforce.js';
import { data, only, route, setup } from './harness.js';

test('create_note creates a Note on its parent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/Note'), created('0025e00000AbCdEAAZ'));
  const out = data(
    await call('create_note', { parent_id: ACCOUNT_ID, title: 'Call', body: 'Went well', private: true }),
  );
  assert.equal(out.id, '0025e00000AbCdEAAZ');
  assert.deepEqual(only(fake, 'POST', 'sobjects/Note').body, {
    ParentId: ACCOUNT_ID,
    Title: 'Call',
    Body: 'Went well',
    IsPrivate: true,
  });
});

test('create_enhanced_note sends the HTML as base64 and links the note (its own document id) to the record', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/ContentNote'), created(DOCUMENT_ID));
  fake.route(route('POST', 'sobjects/ContentDocumentLink'), created('06A5e00000AbCdEAAZ'));
  const out = data(
    await call('create_enhanced_note', {
      title: 'Kickoff',
      content: '<p>Café &amp; plans</p>',
      record_id: ACCOUNT_ID,
    }),
  );
  assert.deepEqual(out, {
    note: { id: DOCUMENT_ID, success: true, errors: [] },
    link: { id: '06A5e00000AbCdEAAZ', success: true, errors: [] },
  });
  const note = only(fake, 'POST', 'sobjects/ContentNote').body as { Title: string; Content: string };
  assert.equal(note.Title, 'Kickoff');
  assert.equal(Buffer.from(note.Content, 'base64').toString('utf8'), '<p>Café &amp; plans</p>');
  assert.deepEqual(only(fake, 'POST', 'sobjects/ContentDocumentLink').body, {
    ContentDocumentId: DOCUMENT_ID,
    LinkedEntityId: ACCOUNT_ID,
    ShareType: 'V',
  });
});

test('create_file uploads the version, finds its document and links it with the share type given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/ContentVersion'), created(VERSION_ID));
  fake.route(route('GET', `sobjects/ContentVersion/${VERSION_ID}`), {
    body: { attributes: { type: 'ContentVersion' }, Id: VERSION_ID, ContentDocumentId: DOCUMENT_ID },
  });
  fake.route(route('POST', 'sobjects/ContentDocumentLink'), created('06A5e00000AbCdEAAZ'));
  const content = Buffer.from('%PDF-1.4 hello').toString('base64');
  const out = data(
    await call('create_file', {
      title: 'Contract',
      path_on_client: 'contract.pdf',
      version_data: content,
      description: 'Signed',
      record_id: ACCOUNT_ID,
      share_type: 'C',
    }),
  );
  assert.equal(out.content_document_id, DOCUMENT_ID);
  assert.deepEqual(out.link, { id: '06A5e00000AbCdEAAZ', success: true, errors: [] });
  assert.deepEqual(only(fake, 'POST', 'sobjects/ContentVersion').body, {
    Title: 'Contract',
    PathOnClient: 'contract.pdf',
    VersionData: content,
    Description: 'Signed',
  });
  assert.deepEqual(query(only(fake, 'GET', `sobjects/ContentVersion/${VERSION_ID}`)), {
    fields: 'ContentDocumentId',
  });
  assert.deepEqual(only(fake, 'POST', 'sobjects/ContentDocumentLink').body, {
    ContentDocumentId: DOCUMENT_ID,
    LinkedEntityId: ACCOUNT_ID,
    ShareType: 'C',
  });
});

test('a file whose link fails is reported created, with the reason of the link: never as a failed call', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/ContentVersion'), created(VERSION_ID));
  fake.route(route('GET', `sobjects/ContentVersion/${VERSION_ID}`), {
    body: { Id: VERSION_ID, ContentDocumentId: DOCUMENT_ID },
  });
  fake.route(route('POST', 'sobjects/ContentDocumentLink'), {
    status: 400,
    body: sfError(
      'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
      'insufficient access rights on cross-reference id',
    ),
  });
  const out = data(
    await call('create_file', {
      title: 'T',
      path_on_client: 't.txt',
      version_data: 'aGk=',
      record_id: ACCOUNT_ID,
    }),
  );
  assert.deepEqual(out.file, { id: VERSION_ID, success: true, errors: [] });
  assert.equal(out.content_document_id, DOCUMENT_ID);
  assert.match(
    String(out.link_error),
    /^The file was created, but linking it to record 0015e00000AbCdEAAZ failed: .*INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY.*do not create it again\.$/,
  );
  assert.equal(fake.requests.filter((r) => r.path.endsWith('ContentVersion')).length, 1);
});

test('create_file refuses content that is not base64 before any request', async (t) => {
  const { fake, call } = await setup(t);
  const result = await call('create_file', {
    title: 'T',
    path_on_client: 't.txt',
    version_data: 'not base64!',
  });
  assert.equal(result.isError, true);
  assert.equal(fake.requests.length, 0);
});

test('add_file_to_record links an existing document to a record', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/ContentDocumentLink'), created('06A5e00000AbCdEAAZ'));
  const out = data(await call('add_file_to_record', { file_id: DOCUMENT_ID, record_id: ACCOUNT_ID }));
  assert.equal(out.id, '06A5e00000AbCdEAAZ');
  assert.deepEqual(only(fake, 'POST', 'sobjects/ContentDocumentLink').body, {
    ContentDocumentId: DOCUMENT_ID,
    LinkedEntityId: ACCOUNT_ID,
    ShareType: 'V',
  });
});
