import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** Twilio's error body, the same on api.twilio.com and on every product host. */
export interface TwilioErrorBody {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

/** What a request is about: named when Twilio answers 404, and used to name arguments in other errors. */
export interface Subject {
  /** e.g. `Message`, `Verify service`. */
  what: string;
  /** e.g. the SID the tool was given. */
  id: string;
  /** The tool's arguments by the Twilio parameter each was sent as (`To` → `to`). */
  args?: Readonly<Record<string, string>>;
  /**
   * Set on a request that is not idempotent (a message, a call): what it did, e.g. "sending the SMS to
   * +14155550100", said when Twilio fails without saying whether it went through.
   */
  doing?: string;
}

/** Twilio's 20429: too many concurrent requests; never processed, so always safe to retry after a wait. */
export const TOO_MANY_REQUESTS = 20429;

/**
 * Verify's attempt limits (60202 too many checks, 60203 too many sends) come as HTTP 429 too, but
 * waiting seconds does not lift them: they fail at once instead of being retried.
 */
export const ATTEMPT_LIMITS: ReadonlySet<number> = new Set([60202, 60203]);

/**
 * Twilio error codes that are about one argument, by the Twilio parameter and why (from Twilio's error
 * dictionary). The argument is named by the tool's name for it (`to`, not `To`).
 */
const ARGUMENT_ERRORS: Readonly<Record<number, readonly [param: string, why: string]>> = {
  21205: ['Url', 'is not a valid URL'],
  21210: ['From', 'is not a Twilio number or verified caller ID of this account'],
  21211: ['To', 'is not a valid phone number (use E.164, e.g. +14155552671)'],
  21212: ['From', 'is not a valid phone number, short code or alphanumeric sender ID'],
  21214: ['To', 'cannot be reached'],
  21217: ['To', 'does not appear to be a valid phone number'],
  21219: ['To', 'is not a verified number (a trial account can call verified numbers only)'],
  21408: ['To', "is in a region this account's geographic permissions do not allow"],
  21602: ['Body', 'is required (or a media_url)'],
  21603: ['From', 'is required'],
  21604: ['To', 'is required'],
  21606: ['From', 'is not a message-capable Twilio number of this account for this destination'],
  21608: ['To', 'is not a verified number (a trial account can message verified numbers only)'],
  21610: ['To', 'has unsubscribed from this sender (replied STOP)'],
  21612: ['To', 'cannot be reached from this From number'],
  21614: ['To', 'is not a mobile number that can receive SMS'],
  21617: ['Body', 'is longer than 1,600 characters'],
  21620: ['MediaUrl', 'is not a valid, reachable media URL'],
  21623: ['MediaUrl', 'has too many media files (at most 10)'],
  50433: ['Identity', 'is already a participant of this conversation'],
  50437: ['Identity', 'is already a participant of this conversation'],
  53113: ['UniqueName', 'names a room that is already in progress'],
  60202: ['Code', 'was checked too many times: start a new verification'],
  60203: ['To', 'was sent too many codes: wait 10 minutes before starting another verification'],
};

function describe(body: unknown): TwilioErrorBody {
  return body && typeof body === 'object' ? (body as TwilioErrorBody) : {};
}

/** "error 21211: The 'To' number 555 is not a valid phone number." (Twilio's messages carry no secret). */
function said({ code, message }: TwilioErrorBody): string {
  const text = typeof message === 'string' ? message.slice(0, 300) : '';
  if (code === undefined) return text;
  return text ? `error ${code}: ${text}` : `error ${code}`;
}

/** The argument a Twilio parameter name in the message stands for: `'To'`, `"To"`, `` `To` `` or "parameter To". */
function argumentIn(message: string, args: Readonly<Record<string, string>>): string | undefined {
  for (const [param, arg] of Object.entries(args)) {
    const pattern = new RegExp(`['"\`]${param}['"\`]|parameter:? ${param}\\b`);
    if (pattern.test(message)) return arg;
  }
  return undefined;
}

const waitText = (ms: number | undefined) =>
  ms === undefined ? 'try again in a few seconds' : `try again in ${Math.max(1, Math.ceil(ms / 1000))} s`;

/**
 * Maps a Twilio error answer to a tool error a user can act on. 5xx answers of idempotent requests
 * are left to the upstream client (retried, then "try again later").
 */
export function twilioError(
  status: number,
  body: unknown,
  subject: Subject,
  headers: Headers = new Headers(),
): ToolError | undefined {
  const error = describe(body);
  const detail = said(error);
  const suffix = detail ? ` (${detail})` : '';
  const code = error.code;

  if (status === 401 || code === 20003) {
    return new AuthRequiredError(
      'twilio',
      `Twilio rejected the API key SID and secret${suffix}: the key may have been deleted, or belong to another account`,
    );
  }
  if (code === 20403) {
    return new ToolError(`Twilio refused the request: the account is suspended or closed${suffix}`);
  }
  if (status === 403) {
    return new UpstreamError(
      `Twilio denied access to ${subject.what.toLowerCase()} ${subject.id}${suffix}. A Restricted API key ` +
        'needs the permission for this request: add it to the key, or use a Standard key.',
      403,
    );
  }
  if (status === 404 || code === 20404) return new NotFoundError(subject.what, subject.id);

  const argument = code === undefined ? undefined : ARGUMENT_ERRORS[code];
  if (argument && status >= 400 && status < 500) {
    const [param, why] = argument;
    const name = subject.args?.[param] ?? `'${param}'`;
    return new UpstreamError(`${name}: ${why} (${detail})`, status);
  }
  if (status === 429) {
    return new UpstreamError(
      `Twilio is receiving too many concurrent requests for this account${suffix}; ` +
        `${waitText(parseRetryAfter(headers.get('retry-after')))}`,
      429,
    );
  }
  if (status >= 400 && status < 500) {
    const name = error.message && subject.args ? argumentIn(error.message, subject.args) : undefined;
    const more = error.more_info?.startsWith('https://www.twilio.com/') ? ` See ${error.more_info}` : '';
    if (name) return new UpstreamError(`${name}: Twilio rejected it${suffix}.${more}`, status);
    return new UpstreamError(
      `Twilio rejected the request for ${subject.what.toLowerCase()} ${subject.id} (HTTP ${status})${
        detail ? `: ${detail}` : ''
      }.${more}`,
      status,
    );
  }
  if (status >= 500 && subject.doing) {
    return new UpstreamError(
      `Twilio failed (HTTP ${status}) while ${subject.doing}; it may have gone through, so check ` +
        'before trying again (it was not retried).',
      status,
    );
  }
  return undefined;
}

/** Whether a 429 is one of Verify's attempt limits, which waiting seconds does not lift. */
export function isAttemptLimit(body: unknown): boolean {
  const { code } = describe(body);
  return code !== undefined && ATTEMPT_LIMITS.has(code);
}
