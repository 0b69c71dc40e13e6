import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAnnotationKinds,
  assertCatalogTools,
  type CatalogTool,
  catalogServer,
} from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import excel from '../index.js';

/** Parameters this port adds to guMCP's (all optional). */
const EXTRAS: Record<string, string[]> = { list_table_rows: ['limit'], delete_table: ['keep_data'] };

const withExtras = (tools: Record<string, CatalogTool>) =>
  Object.fromEntries(
    Object.entries(tools).map(([name, spec]) => [
      name,
      { ...spec, params: [...spec.params, ...(EXTRAS[name] ?? [])] },
    ]),
  );

test('excel lists exactly the catalog tools, with its parameters (and the declared extras) and output schemas', async () => {
  const client = await connect(excel);
  const { tools } = await client.listTools();

  assertCatalogTools(tools, withExtras(catalogServer('excel').tools));
});

test('annotations: reads, overwrites, and what adds anew (or shifts rows) on every call', async () => {
  const client = await connect(excel);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, {
    readOnly: [
      'list_worksheets',
      'read_worksheet',
      'find_row',
      'list_tables',
      'get_table',
      'list_table_rows',
      'download_workbook',
      'search_workbooks',
    ],
    destructive: [
      'update_cells',
      'add_formula',
      'update_row',
      'delete_worksheet_row',
      'update_table_column',
      'delete_table',
    ],
    notIdempotent: [
      'create_workbook',
      'add_worksheet',
      'add_row',
      'add_table',
      'add_table_row',
      'find_or_create_row',
      'add_table_column',
      'delete_worksheet_row',
    ],
  });
});

test('the server asks for the catalog’s scopes; each tool declares the catalog’s required ones', () => {
  const catalog = catalogServer('excel');
  assert.ok(excel.auth.kind === 'oauth2');
  if (excel.auth.kind !== 'oauth2') return;
  assert.deepEqual([...excel.auth.scopes], catalog.auth.scopes);
  assert.equal(excel.auth.provider.service, 'excel');
  for (const [name, def] of Object.entries(excel.tools)) {
    assert.deepEqual(def.scopes, catalog.tools[name]?.requiredScopes, name);
  }
});
