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

/** A server's sign-in in a few words: OAuth, an API key, OAuth or a key, or none. */
function signIn(auth: AuthSpec): string {
  if (auth.kind === 'oauth2') return auth.apiKey ? 'OAuth 2.0 or API key' : 'OAuth 2.0';
  return authLabel(auth);
}

/**
 * The README's table of servers, generated from the definitions (`gumcp list --markdown`): each
 * server with its name linked to its README, its sign-in and its tool count.
 */
export function serversTable(servers: readonly CompiledServer[]): string {
  const rows = servers.map(({ definition: d, tools }) => {
    const link = `[${d.id}](src/servers/${d.id}/README.md)`;
    return `| ${link} | ${d.name} | ${signIn(d.auth)} | ${tools.size} |`;
  });
  return ['| id | service | sign-in | tools |', '|---|---|---|---:|', ...rows].join('\n');
}
