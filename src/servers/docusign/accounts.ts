import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Credentials } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { serviceUrl, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';

/**
 * DocuSign's sign-in hosts: the developer (demo) environment and production. Each serves
 * /oauth/auth, /oauth/token and /oauth/userinfo; a token from one is refused by the other.
 */
export const DEMO_AUTH = 'https://account-d.docusign.com';
export const PRODUCTION_AUTH = 'https://account.docusign.com';

/** The eSignature REST API version every request goes to. */
export const ESIGN_VERSION = 'v2.1';

/** Timing knobs of the upstream client, and where the sign-in hosts are; tests pass fakes and tiny values. */
export interface DocusignTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  /** The clock rate-limit resets are read against. */
  now?: () => number;
  /**
   * The sign-in hosts asked for the user's accounts when the token URL is not known: the demo host
   * (the definition's), then production.
   */
  authHosts?: readonly string[];
}

/** One account of the user, as /oauth/userinfo lists it and as it is stored. */
export interface DsAccount {
  account_id: string;
  account_name: string;
  base_uri: string;
  is_default: boolean;
}

interface UserInfo {
  sub?: string;
  name?: string;
  email?: string;
  accounts?: Partial<DsAccount>[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A base URI DocuSign gave (`https://na3.docusign.net`), checked before a token is sent to it: https on a
 * docusign.net or docusign.com host, or a loopback address (a test fake, a local proxy). Undefined
 * when it is not one.
 */
export function checkBaseUri(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const docusign = url.protocol === 'https:' && /(^|\.)docusign\.(net|com)$/.test(url.hostname);
  const loopback = (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname);
  if (!docusign && !loopback) return undefined;
  // The API lives under {base_uri}/restapi; a base URI given with a path keeps it (a proxy's prefix).
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/restapi$/, '')}`;
}

/** The sign-in host of a token URL (`https://account.docusign.com/oauth/token` → its origin). */
export function authHostOf(tokenUrl: string): string {
  return new URL(tokenUrl).origin;
}

function readAccounts(info: UserInfo): DsAccount[] {
  return (info.accounts ?? []).flatMap((a) => {
    const base = checkBaseUri(a.base_uri);
    if (typeof a.account_id !== 'string' || !a.account_id || !base) return [];
    return [
      {
        account_id: a.account_id,
        account_name: typeof a.account_name === 'string' ? a.account_name : a.account_id,
        base_uri: base,
        is_default: a.is_default === true || String(a.is_default) === 'true',
      },
    ];
  });
}

/** GET {authHost}/oauth/userinfo with the token: the user and the accounts it reaches. */
async function userInfo(
  authHost: string,
  token: string,
  tuning: DocusignTuning,
  log?: Logger,
  signal?: AbortSignal,
): Promise<UserInfo> {
  const { now: _now, authHosts: _hosts, ...timing } = tuning;
  const client = new UpstreamClient({
    service: 'DocuSign',
    serverId: 'docusign',
    baseUrl: authHost,
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `Bearer ${token}` }),
    mapError: (status) =>
      status === 401
        ? new AuthRequiredError('docusign', 'DocuSign rejected the stored token (expired or revoked)')
        : undefined,
    ...timing,
  });
  return client.get<UserInfo>('oauth/userinfo', undefined, signal);
}

/** The hosts to ask, in order: the one the token came from when known, else the demo host, then production. */
function hostsFor(authServer: unknown, tuning: DocusignTuning): string[] {
  if (typeof authServer === 'string' && authServer) return [authServer];
  return [...(tuning.authHosts ?? [DEMO_AUTH, PRODUCTION_AUTH])];
}

/** The user's accounts from the first sign-in host that accepts the token, and that host. */
async function lookUp(
  token: string,
  hosts: readonly string[],
  tuning: DocusignTuning,
  log?: Logger,
  signal?: AbortSignal,
): Promise<{ info: UserInfo; accounts: DsAccount[]; host: string }> {
  for (const host of hosts) {
    try {
      const info = await userInfo(host, token, tuning, log, signal);
      return { info, accounts: readAccounts(info), host };
    } catch (error) {
      // A token of the other environment is refused there; try the next host.
      if (error instanceof AuthRequiredError && host !== hosts[hosts.length - 1]) continue;
      throw error;
    }
  }
  throw new AuthRequiredError('docusign', 'no DocuSign sign-in host accepted the stored token');
}

const defaultOf = (accounts: readonly DsAccount[]): DsAccount | undefined =>
  accounts.find((a) => a.is_default) ?? accounts[0];

/**
 * What OAuthProvider.discover stores after sign-in: the default account's `account_id` and `base_uri`
 * (every API call goes to `{base_uri}/restapi/v2.1/accounts/{account_id}`), its name, the list of all
 * the user's accounts when there are several choices, and `auth_server`, the sign-in host the token
 * belongs to. /oauth/userinfo is asked at the host of the token URL when it is given (the sign-in used
 * it), else at the demo host and then production.
 */
export async function discoverAccounts(
  credentials: Readonly<Credentials>,
  options: { tokenUrl?: string | undefined; tuning?: DocusignTuning } = {},
): Promise<Credentials> {
  const token = credentials.access_token;
  if (typeof token !== 'string' || !token) throw new ToolError('The sign-in answered no access token');
  const tuning = options.tuning ?? {};
  const hosts = options.tokenUrl ? [authHostOf(options.tokenUrl)] : hostsFor(undefined, tuning);
  const { info, accounts, host } = await lookUp(token, hosts, tuning);
  const chosen = defaultOf(accounts);
  if (!chosen) {
    throw new ToolError(
      'This DocuSign user belongs to no account the API can reach (userinfo listed none with a base URI); sign in with a user of an eSignature account.',
    );
  }
  return {
    account_id: chosen.account_id,
    account_name: chosen.account_name,
    base_uri: chosen.base_uri,
    accounts,
    auth_server: host,
    ...(info.sub ? { user_id: info.sub } : {}),
    ...(info.email ? { email: info.email } : {}),
  };
}

/** The account a call goes to: its id and the API root of its base URI. */
export interface Target {
  accountId: string;
  accountName: string;
  /** e.g. https://demo.docusign.net/restapi/v2.1 */
  apiRoot: string;
}

function storedAccounts(credentials: Readonly<Credentials>): DsAccount[] {
  const list = Array.isArray(credentials.accounts) ? readAccounts({ accounts: credentials.accounts }) : [];
  if (list.length) return list;
  const single = readAccounts({
    accounts: [
      {
        account_id: credentials.account_id as string,
        account_name: credentials.account_name as string,
        base_uri: credentials.base_uri as string,
        is_default: true,
      },
    ],
  });
  if (!single.length && credentials.base_uri !== undefined && credentials.account_id !== undefined) {
    throw new AuthRequiredError(
      'docusign',
      'the stored DocuSign base URI is not a DocuSign address; sign in again so it is looked up anew',
    );
  }
  return single;
}

const describe = (accounts: readonly DsAccount[]) =>
  accounts.map((a) => `${a.account_name} (${a.account_id})`).join('; ');

/**
 * Resolves the accounts of credentials to the one a call targets. Credentials from guMCP hold no
 * account: the accounts are then asked of /oauth/userinfo (at the stored sign-in host, else demo then
 * production) and kept in memory for an hour, since DocuSign limits userinfo calls per hour.
 */
export class AccountBook {
  readonly #tuning: DocusignTuning;
  readonly #cache = new Map<string, { at: number; accounts: DsAccount[] }>();

  constructor(tuning: DocusignTuning = {}) {
    this.#tuning = tuning;
  }

  /** The stored accounts, else (or, with `fresh`, instead) userinfo's answer, remembered for an hour. */
  async #accounts(
    credentials: Readonly<Credentials>,
    token: string,
    log: Logger | undefined,
    signal: AbortSignal | undefined,
    fresh = false,
  ): Promise<DsAccount[]> {
    const stored = storedAccounts(credentials);
    if (stored.length && !fresh) return stored;
    const now = (this.#tuning.now ?? Date.now)();
    const key = createHash('sha256').update(token).digest('hex');
    const hit = this.#cache.get(key);
    if (hit && now - hit.at < 3_600_000) return hit.accounts;
    const { accounts } = await lookUp(
      token,
      hostsFor(credentials.auth_server, this.#tuning),
      this.#tuning,
      log,
      signal,
    );
    if (this.#cache.size >= 100) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(key, { at: now, accounts });
    return accounts;
  }

  /**
   * The account `requested` names (by id), else the stored default. An id that is not one of the user's
   * accounts is refused naming them, since each account may live at another base URI.
   */
  async target(
    credentials: Readonly<Credentials>,
    token: string,
    requested: string | undefined,
    log?: Logger,
    signal?: AbortSignal,
  ): Promise<Target> {
    const named = (list: readonly DsAccount[]) =>
      list.find((a) => a.account_id.toLowerCase() === String(requested).toLowerCase());
    let accounts = await this.#accounts(credentials, token, log, signal);
    // An account the user joined since sign-in is not stored: ask userinfo once more before refusing.
    if (requested && !named(accounts) && storedAccounts(credentials).length) {
      accounts = await this.#accounts(credentials, token, log, signal, true);
    }
    const storedDefault = accounts.find((a) => a.account_id === credentials.account_id);
    const chosen = requested ? named(accounts) : (storedDefault ?? defaultOf(accounts));
    if (!chosen) {
      if (!accounts.length) {
        throw new AuthRequiredError('docusign', 'this DocuSign user belongs to no account the API can reach');
      }
      throw new ToolError(
        `Invalid arguments: account_id: "${String(requested).slice(0, 60)}" is not an account of this DocuSign user. Accounts: ${describe(accounts)}.`,
      );
    }
    return {
      accountId: chosen.account_id,
      accountName: chosen.account_name,
      apiRoot: apiRootOf(chosen.base_uri),
    };
  }
}

/**
 * The eSignature API root of a base URI: `{base_uri}/restapi/v2.1`, or `GUMCP_DOCUSIGN_API_URL` when set
 * (it replaces `{base_uri}/restapi/v2.1` for every account: a proxy, or a test fake at
 * `http://127.0.0.1:<port>/restapi/v2.1`). The account part, `/accounts/{account_id}`, follows either way.
 */
export function apiRootOf(baseUri: string): string {
  return serviceUrl('docusign', `${baseUri}/restapi/${ESIGN_VERSION}`).replace(/\/+$/, '');
}
