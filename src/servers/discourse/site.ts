import type { Credentials } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { apiUrlVariable } from '../../upstream/client.js';
import { assertPublicUrl, privateUrlsAllowed } from '../../upstream/private-network.js';

/** The names guMCP stored the Discourse credentials under (its `credentialFields`). */
export const FIELDS = {
  url: 'metadata[Discourse URL]',
  username: 'metadata[Username]',
  key: 'value',
} as const;

/** What a call needs: the forum's address, and the key with the user it acts as. */
export interface DiscourseLogin {
  site: URL;
  username: string;
  key: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * The login in stored credentials: gumcp's flat fields (the names above), guMCP's own file layout
 * (`{ metadata: [{ name: 'Username', value }, { name: 'Discourse URL', value }], value }`), or its
 * older `{ api_key, base_url, username }`.
 */
export function loginOf(credentials: Readonly<Credentials>): DiscourseLogin {
  const metadata = Array.isArray(credentials.metadata)
    ? Object.fromEntries(
        credentials.metadata
          .filter((m): m is { name: string; value: unknown } => typeof m?.name === 'string')
          .map((m) => [m.name, m.value]),
      )
    : {};
  const url = text(credentials[FIELDS.url]) ?? text(metadata['Discourse URL']) ?? text(credentials.base_url);
  const username =
    text(credentials[FIELDS.username]) ?? text(metadata.Username) ?? text(credentials.username);
  const key = text(credentials[FIELDS.key]) ?? text(credentials.api_key);
  const missing = [!url && 'the Discourse URL', !username && 'the username', !key && 'the API key'].filter(
    Boolean,
  );
  if (!url || !username || !key) {
    throw new AuthRequiredError('discourse', `the stored credentials lack ${missing.join(', ')}`);
  }
  return { site: parseSite(url, (reason) => new AuthRequiredError('discourse', reason)), username, key };
}

/**
 * A forum's address as a user typed it, checked: an http(s) URL without credentials, query or
 * fragment, kept with its path (a forum may live under /forum). Plain http only with
 * GUMCP_ALLOW_PRIVATE_URLS=1, since the API key would cross the network in the clear.
 */
export function parseSite(raw: string, fail: (reason: string) => ToolError = (r) => new ToolError(r)): URL {
  const shown = raw.trim().slice(0, 100);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw fail(`the Discourse URL "${shown}" is not a URL; give it like https://forum.example.com`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && privateUrlsAllowed())) {
    throw fail(`the Discourse URL must start with https:// (got "${url.protocol}")`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw fail('the Discourse URL must be the forum’s address only, without a user, query or fragment');
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
  return url;
}

/**
 * Where the calls for a login go: `GUMCP_DISCOURSE_API_URL` when the operator set it (a proxy, or a
 * test fake: it wins over every user's site), else the user's forum, checked to be on the public
 * network.
 */
export async function apiRoot(login: DiscourseLogin): Promise<string> {
  const override = process.env[apiUrlVariable('discourse')];
  if (override) return override;
  // On the shared host a forum on a private address would let a user call internal services.
  await assertPublicUrl(login.site, {
    unresolved: `Could not resolve the Discourse host ${login.site.host}`,
    refused: `Refusing to call the Discourse URL ${login.site.origin}: it points to a private or local network address`,
  });
  return login.site.href;
}
