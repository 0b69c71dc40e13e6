import type { Logger } from 'pino';
import { refreshingLookup } from './auth/oauth/refresh.js';
import { type CredentialSources, credentialSourceFromEnv } from './auth/sources/from-env.js';
import type { CredentialSource } from './auth/types.js';
import type { Config } from './config.js';
import type { SessionContext } from './core/context.js';
import { ServerRegistry } from './core/registry.js';
import { type CredentialsLookup, sessionContext } from './core/session.js';
import { type Increment, sharedCounters, sharedLocks, type WithLock } from './store/locks.js';
import { openStore } from './store/open.js';
import type { KeyValueStore } from './store/types.js';
import { userStore } from './store/user-store.js';
import { createLogger } from './util/log.js';

/**
 * What every transport needs to serve sessions: the registry, the store, the logger and where
 * credentials come from. Built once per process.
 */
export interface Runtime {
  readonly config: Config;
  readonly registry: ServerRegistry;
  readonly store: KeyValueStore;
  /**
   * What hosts share for a while (sign-in states, resumable event streams): the GUMCP_CACHE store
   * (Redis) when set, else undefined and those live in `store` or in memory.
   */
  readonly cache: KeyValueStore | undefined;
  /** A lock every host of the deployment respects (the cache's or the store's), else this process's. */
  readonly withLock: WithLock;
  /** Counters every host of the deployment shares (the cache's or the store's), else this process's. */
  readonly increment: Increment;
  readonly log: Logger;
  readonly credentials: CredentialSources;
  /**
   * The context for one user of one server; cached, so reconnecting users get the same one.
   * `apiKey` is the user's key from the session key, which the remote broker reads with.
   */
  session(serverId: string, userId: string, apiKey?: string): SessionContext;
  /**
   * From now on, a session whose credentials are missing or revoked tells its user the host's connect
   * link (`<base>/connect/<server>?user_id=…`) instead of the `gumcp auth` command, which a remote
   * user cannot run. The HTTP host calls it once it knows its address.
   */
  useConnectLinks(base: string): void;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  registry?: ServerRegistry;
  log?: Logger;
  credentials?: CredentialSources;
  /** Open the store on first use (stdio: most sessions never touch it); the host opens it at start. */
  lazyStore?: boolean;
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  const store = await openStore(config.storeUrl, { lazy: options.lazyStore });
  let cache: KeyValueStore | undefined;
  try {
    cache = config.cacheUrl ? await openStore(config.cacheUrl, { lazy: options.lazyStore }) : undefined;
  } catch (error) {
    await store.close();
    throw error;
  }
  const withLock = sharedLocks(cache, store);
  const increment = sharedCounters(cache, store);
  const registry = options.registry ?? new ServerRegistry();
  const credentials = options.credentials ?? credentialSourceFromEnv(process.env, store, { log });
  try {
    // A wrong encryption key must stop the start, not surface on a user's first tool call.
    await credentials.ready?.();
  } catch (error) {
    await Promise.all([store.close(), cache?.close()]);
    throw error;
  }
  // One refreshing lookup per source, so concurrent calls of a user share one refresh.
  const lookups = new WeakMap<CredentialSource, CredentialsLookup>();
  const lookupFor = (apiKey: string | undefined) => {
    const source = credentials.forSession(apiKey);
    let lookup = lookups.get(source);
    if (!lookup) {
      lookup = refreshingLookup({
        source,
        authSpec: async (id) => (await registry.load(id)).definition.auth,
        log,
        withLock,
      });
      lookups.set(source, lookup);
    }
    return lookup;
  };
  const sessions = new Map<string, SessionContext>();
  let connectBase: string | undefined;
  const signInAdvice = (serverId: string, userId: string) => () => {
    const link = `${connectBase}/connect/${encodeURIComponent(serverId)}?user_id=${encodeURIComponent(userId)}`;
    // The key itself never goes into a tool result: it would end up in the model's context.
    const key =
      config.apiKeys === 'off' ? '' : ', adding &key=<your gumcp API key> if this host asks for one';
    return `Connect ${serverId} again at ${link}${key}.`;
  };
  return {
    config,
    registry,
    store,
    cache,
    withLock,
    increment,
    log,
    credentials,
    session(serverId, userId, apiKey) {
      const key = `${serverId}\u0000${userId}\u0000${apiKey ?? ''}`;
      let ctx = sessions.get(key);
      if (!ctx) {
        ctx = sessionContext({
          serverId,
          userId,
          store: userStore(store, serverId, userId),
          log: log.child({ server: serverId, user: userId }),
          credentials: lookupFor(apiKey),
          ...(connectBase ? { signInAdvice: signInAdvice(serverId, userId) } : {}),
        });
        // Contexts are small and bounded by users x servers; a cap keeps a flood of user ids harmless.
        if (sessions.size >= 100_000) sessions.delete(sessions.keys().next().value as string);
        sessions.set(key, ctx);
      }
      return ctx;
    },
    useConnectLinks(base) {
      connectBase = base.replace(/\/+$/, '');
      sessions.clear();
    },
    close: async () => {
      await Promise.all([store.close(), cache?.close()]);
    },
  };
}
