import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Credentials, UserStore } from '../../../core/context.js';
import { MemoryStore } from '../../../store/memory.js';
import { userStore } from '../../../store/user-store.js';
import { type FakeService, fakeFor, type RecordedRequest, startFake } from '../../../testing/fake-service.js';
import { type CallResult, data, failure, type ToolClient, toolClient } from '../../../testing/mcp.js';
import { VirtualClock } from '../../../testing/virtual-clock.js';
import { createBlueskyServer } from '../index.js';
import type { StoredSession } from '../session.js';
import type { BlueskyTuning } from '../xrpc.js';
import { HANDLE, jwt, session } from './fake-bluesky.js';

export { type CallResult, data, failure };

export const PASSWORD = 'abcd-efgh-ijkl-mnop';
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
/** Tokens from the fake live two hours from NOW. */
export const EXP = NOW / 1000 + 7200;

export interface Harness extends ToolClient {
  /** The entryway (GUMCP_BLUESKY_API_URL): sessions are created and refreshed there. */
  entry: FakeService;
  /** The account's PDS, named by the DID document of the session answer: every other call goes there. */
  pds: FakeService;
  clock: VirtualClock;
  /** The user's store for this server, as the tools see it. */
  store: UserStore;
  /** The access token of the n-th session the entryway gave (1 for the first). */
  access(n: number): string;
  refresh(n: number): string;
}

export interface SetupOptions {
  credentials?: Credentials | (() => Promise<Credentials | undefined>);
  /** What the DID document names as the PDS: the PDS fake (default), nothing, or a given URL. */
  pdsEndpoint?: 'fake' | 'none' | string;
  tuning?: BlueskyTuning;
}

/**
 * An entryway and a PDS on 127.0.0.1, and an MCP client on the Bluesky server with one quick retry
 * and a virtual clock. The entryway answers createSession and refreshSession with numbered tokens.
 */
export async function setup(t: TestContext, options: SetupOptions = {}): Promise<Harness> {
  const entry = await fakeFor(t, 'bluesky');
  const pds = await startFake();
  t.after(() => pds.close());
  const clock = new VirtualClock(NOW);
  const access = (n: number) => jwt('access', n, EXP);
  const refresh = (n: number) => jwt('refresh', n, EXP + 86_400);
  const endpoint =
    options.pdsEndpoint === 'none'
      ? undefined
      : options.pdsEndpoint && options.pdsEndpoint !== 'fake'
        ? options.pdsEndpoint
        : pds.url;
  let issued = 0;
  const answer = () => {
    issued += 1;
    return { body: session(endpoint, access(issued), refresh(issued)) };
  };
  entry.route('POST /xrpc/com.atproto.server.createSession', answer);
  entry.route('POST /xrpc/com.atproto.server.refreshSession', answer);

  const memory = new MemoryStore();
  const { client, call } = await toolClient(
    t,
    createBlueskyServer({ retries: 1, backoffMs: 1, timeoutMs: 2000, clock, ...options.tuning }),
    {
      credentials: options.credentials ?? {
        identifier: HANDLE,
        password: PASSWORD,
        did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
        handle: HANDLE,
      },
      store: memory,
    },
  );
  // The user's store as the tools see it (connect's user is `test-user`).
  const store = userStore(memory, 'bluesky', 'test-user');
  return {
    entry,
    pds,
    client,
    clock,
    store,
    access,
    refresh,
    call,
  };
}

/** Every call to the PDS carries the access token of the current session. */
export function assertBearer(req: RecordedRequest, token: string): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
}

export const stored = (h: Harness) => h.store.get<StoredSession>('session');
