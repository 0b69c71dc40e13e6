import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import gmail from '../index.js';

/** guMCP's gmail tools with their parameters and required ones (catalog, from the code at c6398c6). */
const CATALOG: Record<string, { params: string[]; required: string[] }> = {
  read_emails: { params: ['query', 'max_results'], required: ['query'] },
  send_email: {
    params: ['to', 'subject', 'body', 'cc', 'bcc', 'thread_id', 'in_reply_to'],
    required: ['to', 'subject', 'body'],
  },
  update_email: { params: ['email_id', 'add_labels', 'remove_labels'], required: ['email_id'] },
  create_draft: {
    params: ['to', 'subject', 'body', 'cc', 'bcc', 'thread_id'],
    required: ['to', 'subject', 'body'],
  },
  forward_email: { params: ['email_id', 'to', 'additional_text'], required: ['email_id', 'to'] },
  create_label: { params: ['name', 'background_color', 'text_color'], required: ['name'] },
  archive_email: { params: ['email_id'], required: ['email_id'] },
  trash_email: { params: ['email_id'], required: ['email_id'] },
  star_email: { params: ['email_id'], required: ['email_id'] },
  unstar_email: { params: ['email_id'], required: ['email_id'] },
  get_attachment_details: { params: ['email_id'], required: ['email_id'] },
  download_attachment: {
    params: ['email_id', 'attachment_id', 'filename'],
    required: ['email_id', 'attachment_id'],
  },
};

const READ_ONLY = ['read_emails', 'get_attachment_details', 'download_attachment'];
const DESTRUCTIVE = ['update_email', 'archive_email', 'trash_email', 'unstar_email'];
const NOT_IDEMPOTENT = ['send_email', 'create_draft', 'forward_email', 'create_label'];

test('gmail lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const client = await connect(gmail);
  const { tools } = await client.listTools();

  assertCatalogTools(tools, CATALOG);
});

test('annotations say which tools only read, which remove something, and which are safe to repeat', async () => {
  const client = await connect(gmail);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, {
    readOnly: READ_ONLY,
    destructive: DESTRUCTIVE,
    notIdempotent: NOT_IDEMPOTENT,
  });
});

test('every tool declares the catalog scope, and the server asks for it at login', () => {
  const scope = 'https://www.googleapis.com/auth/gmail.modify';
  for (const [name, def] of Object.entries(gmail.tools)) assert.deepEqual(def.scopes, [scope], name);
  assert.deepEqual(gmail.auth.kind === 'oauth2' && gmail.auth.scopes, [scope]);
  assert.equal(gmail.auth.kind === 'oauth2' && gmail.auth.provider.service, 'gmail');
});
