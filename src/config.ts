/** Everything a host or stdio runner can be told, with the embedded defaults `npm start` uses. */
export interface Config {
  host: string;
  port: number;
  metricsPort: number;
  /** Where data lives: `memory:` or, with the embedded database, a SQLite file URL. */
  storeUrl: string;
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

/** Reads configuration from the environment; flags override it field by field. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = env.GUMCP_DATA_DIR ?? 'data';
  return {
    host: env.GUMCP_HOST ?? '127.0.0.1',
    port: integer('GUMCP_PORT', env.GUMCP_PORT, 8000),
    metricsPort: integer('GUMCP_METRICS_PORT', env.GUMCP_METRICS_PORT, 9091),
    storeUrl: env.GUMCP_STORE ?? 'memory:',
    dataDir,
    sessionIdleSeconds: integer('GUMCP_SESSION_IDLE_SECONDS', env.GUMCP_SESSION_IDLE_SECONDS, 1800),
    maxSessions: integer('GUMCP_MAX_SESSIONS', env.GUMCP_MAX_SESSIONS, 20_000),
    maxBodyBytes: integer('GUMCP_MAX_BODY_BYTES', env.GUMCP_MAX_BODY_BYTES, 4 * 1024 * 1024),
    allowedHosts: list(env.GUMCP_ALLOWED_HOSTS),
    allowedOrigins: list(env.GUMCP_ALLOWED_ORIGINS),
    logLevel: env.GUMCP_LOG_LEVEL ?? 'info',
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}
