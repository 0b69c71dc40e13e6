import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import gdrive from '../index.js';
import { driveFile, FILES, UPLOAD } from './fake-drive.js';
import {
  callTool,
  credentials,
  describe,
  multipartParts,
  onlyRequest,
  queryOf,
  startGoogleFake,
  TOKEN,
} from './google-fake.js';

let fake: FakeService;
beforeEach(async () => {
  fake = await startGoogleFake('gdrive');
});
afterEach(() => fake.close());

const FIELDS = { fields: 'id,name,mimeType,parents,webViewLink,modifiedTime,size' };
const WRITE_SCOPE = ['https://www.googleapis.com/auth/drive.file'];
const scopes = (name: string) =>
  (gdrive.tools as Record<string, { scopes?: readonly string[] }>)[name]?.scopes;

test('copy_file copies with the new name into the folder and returns the copy', async () => {
  const copy = driveFile('copy-1', { name: 'Plan v2', parents: ['folder-2'] });
  fake.route(`POST ${FILES}/orig-1/copy`, { body: copy });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'copy_file', {
    file_id: 'orig-1',
    name: 'Plan v2',
    folder_id: 'folder-2',
  });

  assert.deepEqual(result.structuredContent, copy);
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(queryOf(req), FIELDS);
  assert.deepEqual(req.body, { name: 'Plan v2', parents: ['folder-2'] });
});

test('copy_file with only an id sends an empty body, so Drive names the copy', async () => {
  fake.route(`POST ${FILES}/orig-1/copy`, { body: driveFile('copy-2', { name: 'Copy of orig' }) });
  const client = await connect(gdrive, { credentials });

  await callTool(client, 'copy_file', { file_id: 'orig-1' });

  assert.deepEqual(onlyRequest(fake).body, {});
});

test('create_folder creates a folder-typed file in the parent', async () => {
  const folder = driveFile('new-folder', { name: 'Q3', mimeType: 'application/vnd.google-apps.folder' });
  fake.route(`POST ${FILES}`, { body: folder });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'create_folder', { name: 'Q3', parent_folder_id: 'parent-1' });

  assert.deepEqual(result.structuredContent, folder);
  const req = onlyRequest(fake);
  assert.equal(req.path, FILES);
  assert.deepEqual(queryOf(req), FIELDS);
  assert.deepEqual(req.body, {
    name: 'Q3',
    mimeType: 'application/vnd.google-apps.folder',
    parents: ['parent-1'],
  });
});

test('move_file reads the current folders, then adds the new one and removes the others', async () => {
  fake.route(`GET ${FILES}/f1`, { body: { parents: ['old-a', 'old-b'] } });
  const moved = driveFile('f1', { parents: ['dest'] });
  fake.route(`PATCH ${FILES}/f1`, { body: moved });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'move_file', { file_id: 'f1', folder_id: 'dest' });

  assert.deepEqual(result.structuredContent, moved);
  assert.deepEqual(fake.requests.map(describe), [`GET ${FILES}/f1`, `PATCH ${FILES}/f1`]);
  const [read, update] = fake.requests;
  assert.deepEqual(queryOf(read ?? assert.fail()), { fields: 'parents' });
  assert.ok(update);
  assert.deepEqual(queryOf(update), { addParents: 'dest', removeParents: 'old-a,old-b', ...FIELDS });
  assert.deepEqual(update.body, {});
  for (const req of fake.requests) assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
});

test('move_file with remove_parents false only adds the folder', async () => {
  fake.route(`PATCH ${FILES}/f1`, { body: driveFile('f1', { parents: ['old-a', 'dest'] }) });
  const client = await connect(gdrive, { credentials });

  await callTool(client, 'move_file', { file_id: 'f1', folder_id: 'dest', remove_parents: false });

  assert.deepEqual(queryOf(onlyRequest(fake)), { addParents: 'dest', ...FIELDS });
});

test('move_file does not remove the destination when the file is already in it', async () => {
  fake.route(`GET ${FILES}/f1`, { body: { parents: ['dest', 'old-a'] } });
  fake.route(`PATCH ${FILES}/f1`, { body: driveFile('f1', { parents: ['dest'] }) });
  const client = await connect(gdrive, { credentials });

  await callTool(client, 'move_file', { file_id: 'f1', folder_id: 'dest' });

  assert.equal(fake.requests[1]?.query.get('removeParents'), 'old-a');
});

test('create_file_from_text uploads metadata and content in one multipart request', async () => {
  const created = driveFile('new-1', { name: 'notes.md', mimeType: 'text/markdown', parents: ['folder-1'] });
  fake.route(`POST ${UPLOAD}`, { body: created });
  const client = await connect(gdrive, { credentials });
  const content = '# Notes\r\n\r\n--not a boundary-- héllo ✓';

  const result = await callTool(client, 'create_file_from_text', {
    name: 'notes.md',
    content,
    mime_type: 'text/markdown',
    folder_id: 'folder-1',
  });

  assert.deepEqual(result.structuredContent, created);
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(queryOf(req), { uploadType: 'multipart', ...FIELDS });
  assert.match(String(req.headers['content-type']), /^multipart\/related; boundary=/);
  const [metadata, media] = multipartParts(req);
  assert.equal(metadata?.headers['content-type'], 'application/json; charset=UTF-8');
  assert.deepEqual(JSON.parse(metadata?.body ?? ''), {
    name: 'notes.md',
    mimeType: 'text/markdown',
    parents: ['folder-1'],
  });
  assert.equal(media?.headers['content-type'], 'text/markdown');
  assert.equal(media?.headers['content-transfer-encoding'], 'base64');
  assert.equal(Buffer.from(media?.body ?? '', 'base64').toString('utf8'), content);
});

test('create_file_from_text defaults to text/plain', async () => {
  fake.route(`POST ${UPLOAD}`, { body: driveFile('new-2') });
  const client = await connect(gdrive, { credentials });

  await callTool(client, 'create_file_from_text', { name: 'a.txt', content: 'hi' });

  const [metadata, media] = multipartParts(onlyRequest(fake));
  assert.deepEqual(JSON.parse(metadata?.body ?? ''), { name: 'a.txt', mimeType: 'text/plain' });
  assert.equal(media?.headers['content-type'], 'text/plain');
});

test('replace_file downloads the URL and uploads its bytes as the new content of the file', async () => {
  const pdf = '%PDF-1.7 ✓ binary-ish ÿ';
  fake.route('GET /downloads/new.pdf', { headers: { 'content-type': 'application/pdf' }, body: pdf });
  fake.route(`GET ${FILES}/doc-1`, { body: { id: 'doc-1', mimeType: 'application/pdf' } });
  const updated = driveFile('doc-1', { name: 'contract.pdf', mimeType: 'application/pdf' });
  fake.route(`PATCH ${UPLOAD}/doc-1`, { body: updated });
  const client = await connect(gdrive, { credentials });
  process.env.GUMCP_ALLOW_PRIVATE_URLS = '1';
  try {
    const result = await callTool(client, 'replace_file', {
      file_id: 'doc-1',
      url: `${fake.url}/downloads/new.pdf?signature=secret-sig`,
    });

    assert.equal(result.isError, undefined, text(result));
    assert.deepEqual(result.structuredContent, updated);
  } finally {
    delete process.env.GUMCP_ALLOW_PRIVATE_URLS;
  }
  assert.deepEqual(fake.requests.map(describe), [
    `GET ${FILES}/doc-1`,
    'GET /downloads/new.pdf',
    `PATCH ${UPLOAD}/doc-1`,
  ]);
  const [check, download, upload] = fake.requests;
  assert.deepEqual(queryOf(check ?? assert.fail()), { fields: 'id,mimeType' });
  assert.equal(download?.headers.authorization, undefined, 'the Google token never goes to the download URL');
  assert.ok(upload);
  assert.equal(upload.headers.authorization, `Bearer ${TOKEN}`);
  assert.deepEqual(queryOf(upload), { uploadType: 'multipart', ...FIELDS });
  const [metadata, media] = multipartParts(upload);
  assert.deepEqual(JSON.parse(metadata?.body ?? ''), { mimeType: 'application/pdf' });
  assert.equal(media?.headers['content-type'], 'application/pdf');
  assert.deepEqual(Buffer.from(media?.body ?? '', 'base64'), Buffer.from(pdf, 'utf8'));
});

test('replace_file refuses a URL on a private address, and names it without its query', async () => {
  fake.route(`GET ${FILES}/doc-1`, { body: { id: 'doc-1', mimeType: 'text/plain' } });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'replace_file', {
    file_id: 'doc-1',
    url: `${fake.url}/internal/secrets?token=abc`,
  });

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    `Refusing to download ${fake.url}/internal/secrets: it points to a private or local network address`,
  );
  const byName = await callTool(client, 'replace_file', {
    file_id: 'doc-1',
    url: `${fake.url.replace('127.0.0.1', 'localhost')}/internal/secrets`,
  });
  assert.match(
    text(byName),
    /^Refusing to download http:\/\/localhost:\d+\/internal\/secrets: it points to a private/,
  );
  const ftp = await callTool(client, 'replace_file', { file_id: 'doc-1', url: 'ftp://example.com/a.txt' });
  assert.match(text(ftp), /^Invalid arguments for tool replace_file: url: /);
  assert.deepEqual(
    fake.requests.map(describe),
    [`GET ${FILES}/doc-1`, `GET ${FILES}/doc-1`],
    'nothing was downloaded or uploaded',
  );
});

test('replace_file refuses content over 5 MB before uploading anything', async () => {
  fake.route(`GET ${FILES}/doc-1`, { body: { id: 'doc-1', mimeType: 'text/plain' } });
  fake.route('GET /big.txt', { body: 'x'.repeat(5 * 1024 * 1024 + 1) });
  const client = await connect(gdrive, { credentials });
  process.env.GUMCP_ALLOW_PRIVATE_URLS = '1';
  try {
    const result = await callTool(client, 'replace_file', { file_id: 'doc-1', url: `${fake.url}/big.txt` });

    assert.equal(result.isError, true);
    assert.equal(text(result), `${fake.url}/big.txt is larger than 5 MB, too large to upload this way`);
  } finally {
    delete process.env.GUMCP_ALLOW_PRIVATE_URLS;
  }
  assert.deepEqual(fake.requests.map(describe), [`GET ${FILES}/doc-1`, 'GET /big.txt']);
});

test('add_file_sharing_preference creates the permission and returns it with the link', async () => {
  const permission = {
    kind: 'drive#permission',
    id: '0123456789',
    type: 'user',
    role: 'writer',
    emailAddress: 'ana@example.com',
  };
  fake.route(`POST ${FILES}/f1/permissions`, { body: permission });
  fake.route(`GET ${FILES}/f1`, { body: { webViewLink: 'https://drive.google.com/file/d/f1/view' } });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'add_file_sharing_preference', {
    file_id: 'f1',
    role: 'writer',
    type: 'user',
    email_address: 'ana@example.com',
  });

  assert.deepEqual(result.structuredContent, {
    permission,
    webViewLink: 'https://drive.google.com/file/d/f1/view',
  });
  const [create, link] = fake.requests;
  assert.equal(create?.method, 'POST');
  assert.deepEqual(queryOf(create ?? assert.fail()), { fields: 'id,type,role,emailAddress,domain' });
  assert.deepEqual(create.body, { role: 'writer', type: 'user', emailAddress: 'ana@example.com' });
  assert.deepEqual(queryOf(link ?? assert.fail()), { fields: 'webViewLink' });
});

test('add_file_sharing_preference asks Drive to transfer ownership when the role is owner', async () => {
  fake.route(`POST ${FILES}/f1/permissions`, { body: { id: 'p', type: 'user', role: 'owner' } });
  fake.route(`GET ${FILES}/f1`, { body: {} });
  const client = await connect(gdrive, { credentials });

  await callTool(client, 'add_file_sharing_preference', {
    file_id: 'f1',
    role: 'owner',
    type: 'user',
    email_address: 'ana@example.com',
  });

  assert.equal(fake.requests[0]?.query.get('transferOwnership'), 'true');
});

test('add_file_sharing_preference needs an email for user and group, a domain for domain', async () => {
  const client = await connect(gdrive, { credentials });

  const user = await callTool(client, 'add_file_sharing_preference', {
    file_id: 'f1',
    role: 'reader',
    type: 'user',
  });
  const domain = await callTool(client, 'add_file_sharing_preference', {
    file_id: 'f1',
    role: 'reader',
    type: 'domain',
  });

  assert.equal(user.isError, true);
  assert.match(text(user), /email_address: required when type is user/);
  assert.match(text(domain), /domain: required when type is domain/);
  assert.equal(fake.requests.length, 0);
});

test('create_shortcut creates a shortcut-typed file pointing at the target', async () => {
  const shortcut = driveFile('sc-1', {
    name: 'Link to plan',
    mimeType: 'application/vnd.google-apps.shortcut',
    shortcutDetails: { targetId: 'plan-1', targetMimeType: 'text/plain' },
  });
  fake.route(`POST ${FILES}`, { body: shortcut });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'create_shortcut', { name: 'Link to plan', target_id: 'plan-1' });

  assert.deepEqual(result.structuredContent, shortcut);
  assert.deepEqual(onlyRequest(fake).body, {
    name: 'Link to plan',
    mimeType: 'application/vnd.google-apps.shortcut',
    shortcutDetails: { targetId: 'plan-1' },
  });
});

test('update_file_folder_name patches the name', async () => {
  const renamed = driveFile('f1', { name: 'Final.txt' });
  fake.route(`PATCH ${FILES}/f1`, { body: renamed });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'update_file_folder_name', { file_id: 'f1', new_name: 'Final.txt' });

  assert.deepEqual(result.structuredContent, renamed);
  const req = onlyRequest(fake);
  assert.equal(req.method, 'PATCH');
  assert.deepEqual(queryOf(req), FIELDS);
  assert.deepEqual(req.body, { name: 'Final.txt' });
});

test('delete_file deletes the file and confirms it', async () => {
  fake.route(`DELETE ${FILES}/f1`, { status: 204, body: '' });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'delete_file', { file_id: 'f1' });

  assert.deepEqual(result.structuredContent, { deleted: true, file_id: 'f1' });
  const req = onlyRequest(fake);
  assert.equal(req.method, 'DELETE');
  assert.equal(req.path, `${FILES}/f1`);
  assert.equal(req.rawBody, '');
});

test('file ids are escaped into the path', async () => {
  fake.route(`DELETE ${FILES}/a/b?c`, { status: 204, body: '' });
  const client = await connect(gdrive, { credentials });

  await callTool(client, 'delete_file', { file_id: 'a/b?c' });

  assert.equal(onlyRequest(fake).path, `${FILES}/a/b?c`, 'decoded by the fake, so it arrived as one segment');
  assert.equal(fake.requests[0]?.query.toString(), '');
});

test('write tools carry the drive.file scope and annotations that say what they change', async () => {
  const client = await connect(gdrive, { credentials });
  const { tools } = await client.listTools();
  const hints = (name: string) => {
    const a = tools.find((t) => t.name === name)?.annotations;
    return [a?.readOnlyHint, a?.destructiveHint, a?.idempotentHint];
  };
  assert.deepEqual(hints('delete_file'), [false, true, true]);
  assert.deepEqual(hints('move_file'), [false, true, true]);
  assert.deepEqual(hints('replace_file'), [false, true, true]);
  assert.deepEqual(hints('create_folder'), [false, false, false]);
  assert.deepEqual(hints('add_file_sharing_preference'), [false, false, false]);
  for (const name of [
    'copy_file',
    'create_folder',
    'move_file',
    'create_file_from_text',
    'replace_file',
    'add_file_sharing_preference',
    'create_shortcut',
    'update_file_folder_name',
    'delete_file',
  ]) {
    assert.deepEqual(scopes(name), WRITE_SCOPE, name);
  }
  assert.deepEqual(tools.find((t) => t.name === 'add_file_sharing_preference')?.inputSchema.required, [
    'file_id',
    'role',
    'type',
  ]);
});
