/**
 * Bodies in the shapes of Bluesky's lexicons (bluesky-social/atproto, lexicons/): session answers
 * with a DID document (com.atproto.server.createSession, refreshSession), profile and post views
 * (app.bsky.actor.defs, app.bsky.feed.defs), repo writes (com.atproto.repo.*), and XRPC errors
 * `{ error, message }` as the PDS and AppView answer them.
 */

export const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
export const HANDLE = 'alice.bsky.social';
export const BOB = { did: 'did:plc:bobbbbbbbbbbbbbbbbbbbbbb', handle: 'bob.bsky.social' };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT shaped like the PDS's (ES256K, at+jwt); only its `exp` matters to the client. */
export function jwt(kind: 'access' | 'refresh', n: number, expSeconds: number): string {
  const header = { typ: kind === 'access' ? 'at+jwt' : 'refresh+jwt', alg: 'ES256K' };
  const payload = {
    scope: kind === 'access' ? 'com.atproto.appPass' : 'com.atproto.refresh',
    sub: DID,
    iat: expSeconds - 7200,
    exp: expSeconds,
    aud: 'did:web:bsky.social',
    ...(kind === 'refresh' ? { jti: `refresh-${n}` } : {}),
  };
  return `${b64(header)}.${b64(payload)}.signature${kind}${n}`;
}

/** The DID document the session answer carries: its #atproto_pds service is where the data lives. */
export function didDoc(pds: string | undefined) {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: DID,
    alsoKnownAs: [`at://${HANDLE}`],
    verificationMethod: [
      {
        id: `${DID}#atproto`,
        type: 'Multikey',
        controller: DID,
        publicKeyMultibase: 'zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF',
      },
    ],
    service: pds ? [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: pds }] : [],
  };
}

export function session(pds: string | undefined, accessJwt: string, refreshJwt: string) {
  return {
    did: DID,
    didDoc: didDoc(pds),
    handle: HANDLE,
    email: 'alice@example.com',
    emailConfirmed: true,
    emailAuthFactor: false,
    accessJwt,
    refreshJwt,
    active: true,
  };
}

export function profile(did: string, handle: string, extra: Record<string, unknown> = {}) {
  return {
    did,
    handle,
    displayName: handle.split('.')[0]?.replace(/^./, (c) => c.toUpperCase()),
    description: `Bio of ${handle}`,
    avatar: `https://cdn.bsky.app/img/avatar/plain/${did}/bafkreiavatar@jpeg`,
    associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false },
    indexedAt: '2024-02-01T10:00:00.000Z',
    createdAt: '2023-05-01T10:00:00.000Z',
    viewer: { muted: false, blockedBy: false },
    labels: [],
    ...extra,
  };
}

export function detailedProfile(did: string, handle: string, extra: Record<string, unknown> = {}) {
  return profile(did, handle, {
    banner: `https://cdn.bsky.app/img/banner/plain/${did}/bafkreibanner@jpeg`,
    followersCount: 120,
    followsCount: 80,
    postsCount: 456,
    ...extra,
  });
}

export function postView(
  rkey: string,
  text: string,
  author = { did: DID, handle: HANDLE },
  extra: Record<string, unknown> = {},
) {
  return {
    uri: `at://${author.did}/app.bsky.feed.post/${rkey}`,
    cid: `bafyreicid${rkey}`,
    author: {
      did: author.did,
      handle: author.handle,
      displayName: 'Someone',
      viewer: { muted: false },
      labels: [],
    },
    record: { $type: 'app.bsky.feed.post', text, createdAt: '2026-01-10T09:00:00.000Z', langs: ['en'] },
    replyCount: 1,
    repostCount: 2,
    likeCount: 3,
    quoteCount: 0,
    indexedAt: '2026-01-10T09:00:01.000Z',
    viewer: {},
    labels: [],
    ...extra,
  };
}

export const created = (collection: string, rkey: string) => ({
  uri: `at://${DID}/${collection}/${rkey}`,
  cid: `bafyreinew${rkey}`,
  commit: { cid: 'bafyreicommit', rev: '3lcommitrev22' },
  validationStatus: 'valid',
});

export const xrpcError = (error: string, message: string) => ({ error, message });
export const expiredToken = xrpcError('ExpiredToken', 'Token has expired');
export const invalidToken = xrpcError('InvalidToken', 'Token has been revoked');
export const badPassword = xrpcError('AuthenticationRequired', 'Invalid identifier or password');
export const rateLimitExceeded = xrpcError('RateLimitExceeded', 'Rate Limit Exceeded');
export const profileNotFound = xrpcError('InvalidRequest', 'Profile not found');
export const recordNotFound = xrpcError('RecordNotFound', 'Could not locate record: at://...');
export const upstreamFailure = xrpcError('InternalServerError', 'Internal Server Error');
