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
