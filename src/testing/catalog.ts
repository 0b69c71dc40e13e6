import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tool } from '@modelcontextprotocol/client';

/** A tool as guMCP's catalog lists it: its parameter names and the required ones. */
export interface CatalogTool {
  params: readonly string[];
  required: readonly string[];
}

/** One server of guMCP's catalog (src/testing/gumcp-catalog.json, trimmed from guMCP at c6398c6). */
export interface CatalogServer {
  name: string;
  category: string;
  auth: {
    type: string;
    authorizeUrl?: string;
    tokenUrl?: string;
    scopes?: string[];
    scopeSeparator?: string;
    pkce?: boolean;
    tokenEndpointAuth?: string;
    credentialFields?: string[];
  };
  apiBase: string[];
  resources?: { uriScheme: string; uriTemplates: string[] };
  tools: Record<string, CatalogTool & { requiredScopes?: string[] }>;
}

let catalog: Record<string, CatalogServer> | undefined;

/**
 * guMCP's catalog, by server id: the tool names, parameter names and required ones every port must
 * keep. Read from the JSON in src/ (tsc does not copy it to dist/).
 */
export function gumcpCatalog(): Readonly<Record<string, CatalogServer>> {
  catalog ??= JSON.parse(
    readFileSync(
      join(dirname(fileURLToPath(import.meta.url)), '../../src/testing/gumcp-catalog.json'),
      'utf8',
    ),
  ) as Record<string, CatalogServer>;
  return catalog;
}

/** One server's catalog entry; fails the test when the id is not in guMCP's catalog. */
export function catalogServer(id: string): CatalogServer {
  return gumcpCatalog()[id] ?? assert.fail(`${id} is not in guMCP's catalog`);
}

const sorted = (values: readonly string[]) => [...values].sort();

/**
 * Asserts that a server lists exactly the catalog's tools, each accepting every catalog parameter under
 * its name, requiring exactly what guMCP required (so prompts written for guMCP keep working), and
 * with an output schema. Parameters beyond the catalog's are welcome, but only as optional ones.
 */
export function assertCatalogTools(
  tools: readonly Tool[],
  catalog: Readonly<Record<string, CatalogTool>>,
  /** The optional parameters a tool adds to guMCP's, by tool: each must exist and not be required. */
  extras: Readonly<Record<string, readonly string[]>> = {},
) {
  assert.deepEqual(sorted(tools.map((t) => t.name)), sorted(Object.keys(catalog)));
  for (const tool of tools) {
    const spec = catalog[tool.name] ?? assert.fail(`${tool.name} is not in the catalog`);
    const params = Object.keys(tool.inputSchema.properties ?? {});
    const missing = [...spec.params, ...(extras[tool.name] ?? [])].filter((p) => !params.includes(p));
    assert.deepEqual(missing, [], `${tool.name} accepts every catalog parameter and its extras`);
    assert.deepEqual(sorted(tool.inputSchema.required ?? []), sorted(spec.required), `${tool.name} required`);
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
