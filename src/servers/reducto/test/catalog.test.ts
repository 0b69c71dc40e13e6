import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import reducto from '../index.js';
import { KEY } from './fake-reducto.js';

const JOB_TOOLS = ['parse_document', 'extract_data', 'split_document'];
const ASYNC_TOOLS = ['parse_document_async', 'extract_data_async', 'split_document_async'];

test('the Reducto tools are guMCP’s, with its parameters and required ones, and output schemas', async (t) => {
  const client = await connect(reducto, { credentials: { api_key: KEY } });
  t.after(() => client.close());
  const { tools } = await client.listTools();
  assertCatalogTools(tools, catalogServer('reducto').tools, {
    parse_document: ['experimental_options', 'max_chars'],
    extract_data: ['experimental_options', 'max_chars'],
    split_document: ['experimental_options'],
    ...Object.fromEntries(ASYNC_TOOLS.map((name) => [name, ['experimental_options']])),
    get_job_status: ['chunk_offset', 'content_offset', 'max_chars'],
    upload_document: ['content_base64'],
  });
  assertAnnotationKinds(tools, {
    readOnly: ['get_job_status', 'get_version'],
    destructive: ['cancel_job'],
    // Every job and every upload is new work at Reducto (and credits spent).
    notIdempotent: [...JOB_TOOLS, ...ASYNC_TOOLS, 'upload_document'],
  });
});

test('the server signs in with guMCP’s api_key field', () => {
  assert.deepEqual(catalogServer('reducto').auth.credentialFields, ['api_key']);
  assert.equal(reducto.auth.kind, 'api_key');
  if (reducto.auth.kind === 'api_key')
    assert.deepEqual(
      reducto.auth.fields.map((f) => f.name),
      ['api_key'],
    );
});
