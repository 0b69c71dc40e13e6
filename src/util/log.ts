import { type Logger, pino } from 'pino';

/**
 * Field names whose values are secrets. Redacted at any depth the logger sees them, as a last
 * line of defence: code must not log secrets in the first place.
 */
const SECRET_FIELDS = [
  'apiKey',
  'api_key',
  'sessionKey',
  'session_key',
  'token',
  'access_token',
  'refresh_token',
  'client_secret',
  'authorization',
  'password',
  'secret',
];

/** The process logger: JSON lines on stderr (stdout belongs to the stdio protocol). */
export function createLogger(level = process.env.GUMCP_LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`)], censor: '[redacted]' },
    },
    pino.destination({ dest: 2, sync: false }),
  );
}

/**
 * Sends node's process warnings (deprecated or experimental APIs) to the logger as JSON lines,
 * in place of node's plain-text lines on stderr, so that a host's log stays in one format.
 * Returns the function that puts node's own printing back.
 */
export function logProcessWarnings(log: Logger): () => void {
  const previous = process.listeners('warning');
  process.removeAllListeners('warning');
  const listener = (warning: Error) =>
    log.warn({ warning: warning.name, detail: warning.message }, 'node warning');
  process.on('warning', listener);
  return () => {
    process.off('warning', listener);
    for (const l of previous) process.on('warning', l);
  };
}
