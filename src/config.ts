/** Everything a host or stdio runner can be told, with the embedded defaults `npm start` uses. */
export interface Config {
  host: string;
  port: number;
  metricsPort: number;
  /** Where data lives: `sqlite:<file>` (the embedded default, under dataDir) or `memory:`. */
  storeUrl: string;
  /**
   * Where hosts share what lasts a while (resumable event streams, locks): a `redis://` URL. Unset, a
   * single host keeps those in its memory.
   */
  cacheUrl?: string;
  dataDir: string;
  /** Idle Streamable HTTP and SSE sessions are closed after this long without a message. */
  sessionIdleSeconds: number;
  /** Live sessions a host holds at most; a new one beyond this is refused with 503. */
  maxSessions: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Host header names accepted besides the loopback names (DNS rebinding protection). */
  allowedHosts: string[];
  /** Origins (hostnames) browsers may call from besides loopback. */
  allowedOrigins: string[];
  logLevel: string;
  /**
   * Whether the host demands tenants' API keys: `required`, `off` (single-user local mode), or
   * `auto`: required as soon as one key has been created.
   */
  apiKeys: 'required' | 'off' | 'auto';
  /** The host's external base URL, for OAuth redirect URIs of the web connect flow. */
  publicUrl?: string;
  /** Requests a user may make per minute across every host (0: no limit); beyond it, 429. */
  userRequestsPerMinute: number;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

function apiKeyMode(value: string | undefined): Config['apiKeys'] {
  const mode = value ?? 'auto';
  if (mode === 'required' || mode === 'off' || mode === 'auto') return mode;
  throw new Error(`GUMCP_API_KEYS must be required, off or auto, got "${mode}"`);
}

/** Reads configuration from the environment; flags override it field by field. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = env.GUMCP_DATA_DIR ?? 'data';
  return {
    host: env.GUMCP_HOST ?? '127.0.0.1',
    port: integer('GUMCP_PORT', env.GUMCP_PORT, 8000),
    metricsPort: integer('GUMCP_METRICS_PORT', env.GUMCP_METRICS_PORT, 9091),
    storeUrl: env.GUMCP_STORE ?? `sqlite:${overrides.dataDir ?? dataDir}/gumcp.db`,
    dataDir,
    sessionIdleSeconds: integer('GUMCP_SESSION_IDLE_SECONDS', env.GUMCP_SESSION_IDLE_SECONDS, 1800),
    maxSessions: integer('GUMCP_MAX_SESSIONS', env.GUMCP_MAX_SESSIONS, 20_000),
    maxBodyBytes: integer('GUMCP_MAX_BODY_BYTES', env.GUMCP_MAX_BODY_BYTES, 4 * 1024 * 1024),
    allowedHosts: list(env.GUMCP_ALLOWED_HOSTS),
    allowedOrigins: list(env.GUMCP_ALLOWED_ORIGINS),
    logLevel: env.GUMCP_LOG_LEVEL ?? 'info',
    apiKeys: apiKeyMode(env.GUMCP_API_KEYS),
    userRequestsPerMinute: integer('GUMCP_USER_REQUESTS_PER_MINUTE', env.GUMCP_USER_REQUESTS_PER_MINUTE, 0),
    ...(env.GUMCP_PUBLIC_URL ? { publicUrl: env.GUMCP_PUBLIC_URL } : {}),
    ...(env.GUMCP_CACHE ? { cacheUrl: env.GUMCP_CACHE } : {}),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}
