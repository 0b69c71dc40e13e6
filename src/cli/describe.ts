import type { CompiledServer } from '../core/compile.js';
import type { AuthSpec } from '../core/definition.js';

export function authLabel(auth: AuthSpec): string {
  return auth.kind === 'oauth2' ? 'OAuth 2.0' : auth.kind === 'api_key' ? 'API key' : 'none';
}

/** The registry entry of a server, generated from its definition (what `gumcp registry` writes). */
export function registryEntry(c: CompiledServer) {
  const def = c.definition;
  return {
    id: def.id,
    name: def.name,
    description: def.description,
    auth: {
      type: def.auth.kind,
      ...(def.auth.kind === 'oauth2' ? { scopes: [...def.auth.scopes] } : {}),
      ...(def.auth.kind === 'api_key' ? { fields: def.auth.fields.map((f) => f.name) } : {}),
    },
    tools: Object.entries(def.tools).map(([name, tool]) => ({
      name,
      description: tool.description,
      requiredScopes: [...(tool.scopes ?? [])],
    })),
    resources: {
      static: c.resourceList.map((r) => ({ uri: r.uri, name: r.name })),
      templates: c.templateList.resourceTemplates.map((t) => ({ uriTemplate: t.uriTemplate, name: t.name })),
    },
  };
}
