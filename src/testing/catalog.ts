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

/** Which tools only read, which overwrite or remove, and which add something anew on every call. */
export interface AnnotationKinds {
  readOnly: readonly string[];
  destructive: readonly string[];
  notIdempotent: readonly string[];
}

/** Asserts every tool's hints against the kinds it belongs to; every tool reaches an open world. */
export function assertAnnotationKinds(tools: readonly Tool[], kinds: AnnotationKinds) {
  for (const { name, annotations } of tools) {
    assert.equal(annotations?.openWorldHint, true, `${name} openWorldHint`);
    assert.equal(annotations?.readOnlyHint, kinds.readOnly.includes(name), `${name} readOnlyHint`);
    assert.equal(annotations?.destructiveHint, kinds.destructive.includes(name), `${name} destructiveHint`);
    assert.equal(annotations?.idempotentHint, !kinds.notIdempotent.includes(name), `${name} idempotentHint`);
  }
}
