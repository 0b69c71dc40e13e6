import assert from 'node:assert/strict';
import type { Tool } from '@modelcontextprotocol/client';

/** A tool as guMCP's catalog lists it: its parameter names and the required ones. */
export interface CatalogTool {
  params: readonly string[];
  required: readonly string[];
}

const sorted = (values: readonly string[]) => [...values].sort();

/**
 * Asserts that a server lists exactly the catalog's tools, each with the catalog's parameter names
 * and required fields (so prompts written for guMCP keep working) and with an output schema.
 */
export function assertCatalogTools(tools: readonly Tool[], catalog: Readonly<Record<string, CatalogTool>>) {
  assert.deepEqual(sorted(tools.map((t) => t.name)), sorted(Object.keys(catalog)));
  for (const tool of tools) {
    const spec = catalog[tool.name] ?? assert.fail(`${tool.name} is not in the catalog`);
    assert.deepEqual(sorted(Object.keys(tool.inputSchema.properties ?? {})), sorted(spec.params), tool.name);
    assert.deepEqual(sorted(tool.inputSchema.required ?? []), sorted(spec.required), tool.name);
    assert.equal(tool.outputSchema?.type, 'object', `${tool.name} has an output schema`);
  }
}
