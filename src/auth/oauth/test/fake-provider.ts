import { createHash, randomBytes } from 'node:crypto';
import type { OAuthProvider } from '../../../core/definition.js';
import {
  type FakeReply,
  type FakeService,
  type RecordedRequest,
  startFake,
} from '../../../testing/fake-service.js';
import type { OAuthClientConfig } from '../../types.js';

export const CLIENT_ID = 'client-123';
/** Has characters that RFC 6749's form-encoding of Basic credentials changes. */
export const CLIENT_SECRET = 'sec/ret+=42';

type ClientAuth = 'client_secret_basic' | 'client_secret_post';

/**
 * What the fake's authorize endpoint does with the browser: approve (redirect with a code and the
 * state it was sent), or redirect with the given query instead (e.g. an error, a forged state).
 */
export type AuthorizeBehaviour = (query: URLSearchParams, code: string) => Record<string, string>;

export const approve: AuthorizeBehaviour = (query, code) => ({ code, state: query.get('state') ?? '' });

export interface FakeProvider {
  fake: FakeService;
  provider: OAuthProvider;
  client: OAuthClientConfig;
  authorize: AuthorizeBehaviour;
  /** Requests that reached the token endpoint. */
  tokenRequests(): RecordedRequest[];
  /** Refresh tokens the fake accepts; issuing rotates them when `rotate` is true. */
  refreshTokens: Set<string>;
  rotate: boolean;
  /** Delay before the token endpoint answers, to make concurrent requests overlap. */
  tokenDelayMs: number;
  /** The `expires_in` of issued tokens. */
  expiresIn: number;
  /** The n-th access token issued (default `at-<n>`); tests that scan for secrets make them unique. */
  accessToken: (n: number) => string;
  /** Every access token issued, in order. */
  issued: string[];
  close(): Promise<void>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));

/** Checks the client authenticated the configured way; an error reply when it did not. */
function clientAuthError(req: RecordedRequest, auth: ClientAuth): FakeReply | undefined {
  const body = req.body as Record<string, string>;
  const header = req.headers.authorization;
  let ok: boolean;
  if (auth === 'client_secret_basic') {
    const decoded = header?.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString() : '';
    const [id = '', secret = ''] = decoded.split(':');
    ok = formDecode(id) === CLIENT_ID && formDecode(secret) === CLIENT_SECRET && !('client_secret' in body);
  } else {
    ok = !header && body.client_id === CLIENT_ID && body.client_secret === CLIENT_SECRET;
  }
  return ok
    ? undefined
    : { status: 401, body: { error: 'invalid_client', error_description: 'Client auth failed' } };
}

/**
 * A loopback OAuth 2.0 provider: GET /authorize redirects the browser to the redirect URI;
 * POST /token checks client authentication, PKCE (S256) and single use of codes, and issues tokens
 * with Slack's extra `team` field.
 */
export async function startFakeProvider(
  auth: ClientAuth,
  extra: Partial<OAuthProvider> = {},
): Promise<FakeProvider> {
  const fake = await startFake();
  const codes = new Map<string, { challenge: string; method: string; redirectUri: string }>();
  let count = 0;
  const state: FakeProvider = {
    fake,
    provider: {
      service: 'fakesvc',
      authorizeUrl: `${fake.url}/authorize`,
      tokenUrl: `${fake.url}/token`,
      tokenEndpointAuth: auth,
      keepTokenFields: ['team'],
      ...extra,
    },
    client: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
    authorize: approve,
    tokenRequests: () => fake.requests.filter((r) => r.path === '/token'),
    refreshTokens: new Set(),
    rotate: true,
    tokenDelayMs: 0,
    expiresIn: 3600,
    accessToken: (n) => `at-${n}`,
    issued: [],
    close: () => fake.close(),
  };

  const tokens = () => {
    count += 1;
    const refresh = `rt-${count}-${randomBytes(4).toString('hex')}`;
    state.refreshTokens.add(refresh);
    const access = state.accessToken(count);
    state.issued.push(access);
    return {
      access_token: access,
      token_type: 'Bearer',
      ...(state.expiresIn ? { expires_in: state.expiresIn } : {}),
      refresh_token: refresh,
      scope: 'read write',
      team: { id: 'T1', name: 'Team' },
      ok: true,
    };
  };

  fake.route('GET /authorize', (req) => {
    const code = `code-${randomBytes(6).toString('hex')}`;
    codes.set(code, {
      challenge: req.query.get('code_challenge') ?? '',
      method: req.query.get('code_challenge_method') ?? '',
      redirectUri: req.query.get('redirect_uri') ?? '',
    });
    const target = new URL(req.query.get('redirect_uri') ?? '');
    for (const [k, v] of Object.entries(state.authorize(req.query, code))) target.searchParams.set(k, v);
    return { status: 302, headers: { location: target.href }, body: '' };
  });

  fake.route('POST /token', async (req) => {
    if (state.tokenDelayMs) await new Promise((r) => setTimeout(r, state.tokenDelayMs));
    const denied = clientAuthError(req, auth);
    if (denied) return denied;
    const body = req.body as Record<string, string>;
    if (body.grant_type === 'authorization_code') {
      const grant = codes.get(body.code ?? '');
      codes.delete(body.code ?? '');
      // Without a challenge at authorize (a provider without PKCE) no verifier may come either.
      const pkceOk = grant?.method
        ? grant.method === 'S256' && sha256(body.code_verifier ?? '') === grant.challenge
        : body.code_verifier === undefined;
      if (!grant || !pkceOk || grant.redirectUri !== body.redirect_uri) {
        return {
          status: 400,
          body: { error: 'invalid_grant', error_description: 'Code, verifier or redirect_uri do not match' },
        };
      }
      return { body: tokens() };
    }
    if (body.grant_type === 'refresh_token' && state.refreshTokens.has(body.refresh_token ?? '')) {
      if (!state.rotate) {
        count += 1;
        const access = state.accessToken(count);
        state.issued.push(access);
        return { body: { access_token: access, token_type: 'Bearer', expires_in: state.expiresIn } };
      }
      state.refreshTokens.delete(body.refresh_token ?? '');
      const { team: _team, ...fresh } = tokens();
      return { body: fresh };
    }
    return { status: 400, body: { error: 'invalid_grant', error_description: 'Unknown refresh token' } };
  });
  return state;
}

export interface BrowserVisit {
  status: number;
  text: string;
}

/** Plays the user's browser: follows the authorize URL's redirect to the callback and reads the page. */
export function scriptedBrowser(): { open: (url: string) => void; visit: () => Promise<BrowserVisit> } {
  let visit: Promise<BrowserVisit> | undefined;
  return {
    open(url) {
      visit = (async () => {
        const redirect = await fetch(url, { redirect: 'manual' });
        const location = redirect.headers.get('location');
        if (redirect.status !== 302 || !location) throw new Error(`authorize answered ${redirect.status}`);
        // As a browser would, reach a `localhost` redirect URI on the loopback address.
        const page = await fetch(location.replace(/^http:\/\/localhost:/, 'http://127.0.0.1:'));
        return { status: page.status, text: await page.text() };
      })();
    },
    visit() {
      if (!visit) throw new Error('the browser was never opened');
      return visit;
    },
  };
}
