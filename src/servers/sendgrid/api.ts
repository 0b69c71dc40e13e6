import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  MayHaveGoneThroughError,
  type Query,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';

/**
 * SendGrid's v3 API roots: the global one, and the one EU regional subusers must use. Each is
 * overridable on its own (GUMCP_SENDGRID_API_URL, GUMCP_SENDGRID_EU_API_URL) for fakes or a proxy.
 */
export const HOSTS = {
  global: { id: 'sendgrid', url: 'https://api.sendgrid.com/v3' },
  eu: { id: 'sendgrid-eu', url: 'https://api.eu.sendgrid.com/v3' },
} as const;

export type Region = keyof typeof HOSTS;

export const hostUrl = (region: Region): string => serviceUrl(HOSTS[region].id, HOSTS[region].url);

/** Timing knobs of the upstream client; tests pass tiny values through `createSendGridServer(tuning)`. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** The stored `region` field: `global` (the default) or `eu`. */
export function parseRegion(value: unknown): Region {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return 'global';
  const v = String(value).trim().toLowerCase();
  if (v === 'global' || v === 'us') return 'global';
  if (v === 'eu') return 'eu';
  throw new ToolError('region: must be "global" or "eu" (EU regional subusers), or left empty for global');
}

function keyOf(creds: Credentials): string {
  const key = creds.api_key;
  if (typeof key !== 'string' || !key.trim()) {
    throw new AuthRequiredError('sendgrid', 'the stored credentials hold no API key (field "api_key")');
  }
  return key.trim();
}

/** What a call is, for its errors: the permission it needs and how SendGrid's field names read as arguments. */
export interface Call {
  /** e.g. `sending the email`; a failure says it. */
  doing: string;
  /** The API key permission the endpoint needs (its scope, quoted, where SendGrid documents one), named on a 403. */
  permission: string;
  /** SendGrid's field (or its first segments, e.g. `personalizations`) to the tool argument carrying it. */
  fields?: Readonly<Record<string, string>>;
  /** What a 404 means, e.g. `Template not found: <id>`. */
  notFound?: string;
  /** The call sends email: its errors say whether anything went out. */
  sends?: boolean;
}

const MAY_HAVE_SENT = 'it may have been sent, so check Email Activity in SendGrid before sending again';

interface SendGridErrorEntry {
  field?: unknown;
  message?: unknown;
}

/**
 * The argument a SendGrid field path belongs to: the longest prefix `fields` names (indexes left out,
 * so `personalizations.0.to.0.email` is looked up as `personalizations.to.email`), else the path itself.
 */
function argumentOf(field: string, fields: Readonly<Record<string, string>> = {}): string {
  const segments = field.split(/[.[\]]+/).filter((s) => s && !/^\d+$/.test(s));
  for (let n = segments.length; n > 0; n--) {
    const prefix = segments.slice(0, n).join('.');
    if (fields[prefix]) return fields[prefix];
  }
  return field;
}

/** SendGrid's `{errors: [{field, message, help}]}` as `argument: message` lines, never the raw body. */
export function sendgridMessages(body: unknown, fields?: Readonly<Record<string, string>>): string[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) {
    const message = (body as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message.trim() ? [message.trim().slice(0, 300)] : [];
  }
  return (errors as SendGridErrorEntry[])
    .map((e) => {
      const message = typeof e?.message === 'string' ? e.message.trim() : '';
      const field = typeof e?.field === 'string' && e.field !== 'null' ? argumentOf(e.field, fields) : '';
      return message ? (field ? `${field}: ${message}` : message).slice(0, 300) : '';
    })
    .filter(Boolean)
    .slice(0, 5);
}

/** Milliseconds until SendGrid's X-RateLimit-Reset (a Unix time in seconds), when it sends one. */
export function resetDelay(headers: Headers, now = Date.now()): number | undefined {
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return Math.max(0, reset * 1000 - now);
}

function sendgridError(status: number, body: unknown, call: Call): ToolError | undefined {
  const said = sendgridMessages(body, call.fields);
  const detail = said.length ? `: ${said.join('; ')}` : '';
  if (status === 401) {
    return new AuthRequiredError(
      'sendgrid',
      `SendGrid rejected the stored API key (revoked or mistyped)${detail}`,
    );
  }
  if (status === 403) {
    return new UpstreamError(
      `Permission denied: the SendGrid API key lacks the ${call.permission} permission needed for ${call.doing}` +
        `${detail}. Give it to the key in SendGrid (Settings > API Keys > Edit API Key), or sign in with a key that has it.`,
      403,
    );
  }
  if (status === 404 && call.notFound) return new UpstreamError(call.notFound, 404);
  if (status === 413) {
    return new UpstreamError(`SendGrid refused ${call.doing}: the message is too large (30 MB at most)`, 413);
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    const nothing = call.sends ? '; nothing was sent' : '';
    return new UpstreamError(`SendGrid refused ${call.doing} (HTTP ${status})${detail}${nothing}`, status);
  }
  // A send is never retried after a 5xx, so this is its first and only answer.
  if (status >= 500 && call.sends) {
    return new UpstreamError(
      `SendGrid failed (HTTP ${status}) while ${call.doing}: ${MAY_HAVE_SENT}`,
      status,
    );
  }
  return undefined;
}

export function sendgridClient(
  key: string,
  region: Region,
  call: Call,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  return new UpstreamClient({
    service: 'SendGrid',
    serverId: 'sendgrid',
    baseUrl: hostUrl(region),
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `Bearer ${key}` }),
    mapError: (status, body) => sendgridError(status, body, call),
    // SendGrid's 429 carries no Retry-After but X-RateLimit-Reset, the Unix time the window reopens.
    retryDelay: (status, headers) => (status === 429 ? resetDelay(headers) : undefined),
    ...tuning,
  });
}

// Shapes of SendGrid's answers, as its OpenAPI description (twilio/sendgrid-oai) gives them.

export interface StatsDay {
  date: string;
  stats: { metrics?: Record<string, number> }[];
}

export interface TemplateVersion {
  id?: string;
  template_id?: string;
  active?: number;
  name?: string;
  subject?: string;
  updated_at?: string;
}

export interface Template {
  id: string;
  name: string;
  generation: string;
  updated_at: string;
  versions?: TemplateVersion[];
}

export interface TemplatePage {
  result?: Template[];
  _metadata?: { next?: string; count?: number };
}

export interface FieldDefinitions {
  custom_fields: { id: string; name: string; field_type: string }[];
  reserved_fields: { name: string; field_type: string; read_only?: boolean }[];
}

/**
 * The SendGrid v3 calls. Every request reads the stored key afresh, so a key replaced mid-session is
 * used from the next call on.
 */
export class SendGridApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #client(call: Call): Promise<UpstreamClient> {
    const creds = await this.#ctx.credentials();
    return sendgridClient(keyOf(creds), parseRegion(creds.region), call, this.#tuning, this.#ctx.log);
  }

  async #request<T>(call: Call, path: string, req: UpstreamRequest = {}): Promise<T> {
    return (await this.#client(call)).request<T>(path, req, this.#ctx.signal);
  }

  /**
   * POST /mail/send. SendGrid has no idempotency key for it, so it is sent once: not retried after a
   * timeout or a 5xx (the email may have gone), only after a 429 (SendGrid took nothing). Answers 202
   * with no body; X-Message-Id identifies the message.
   */
  async sendMail(body: Record<string, unknown>, call: Call): Promise<{ messageId: string | null }> {
    const client = await this.#client({ ...call, sends: true });
    try {
      const answer = await client.exchange<unknown>(
        'mail/send',
        { method: 'POST', body, idempotent: false },
        this.#ctx.signal,
      );
      return { messageId: answer.headers.get('x-message-id') };
    } catch (error) {
      if (error instanceof MayHaveGoneThroughError && !error.answered) {
        throw new ToolError(`${error.happened} while ${call.doing}: ${MAY_HAVE_SENT}`);
      }
      throw error;
    }
  }

  stats(query: Query): Promise<StatsDay[]> {
    return this.#request(
      { doing: 'reading email statistics', permission: '"stats.read"', fields: STATS_FIELDS },
      'stats',
      { query },
    );
  }

  templates(query: Query): Promise<TemplatePage> {
    return this.#request(
      { doing: 'listing templates', permission: '"templates.read"', fields: { page_size: 'page_size' } },
      'templates',
      { query },
    );
  }

  createTemplate(name: string): Promise<Template> {
    return this.#request(
      { doing: 'creating the template', permission: '"templates.create"', fields: { name: 'name' } },
      'templates',
      { method: 'POST', body: { name, generation: 'dynamic' } },
    );
  }

  createVersion(templateId: string, body: Record<string, unknown>): Promise<TemplateVersion> {
    return this.#request(
      {
        doing: `adding the first version to template ${templateId}`,
        permission: '"templates.versions.create"',
        notFound: `Template not found: ${templateId}`,
      },
      `templates/${encodeURIComponent(templateId)}/versions`,
      { method: 'POST', body },
    );
  }

  fieldDefinitions(): Promise<FieldDefinitions> {
    return this.#request(
      { doing: 'reading the contact fields', permission: 'Marketing (read access)' },
      'marketing/field_definitions',
    );
  }

  /** PUT /marketing/contacts: an upsert by email, queued as a job; repeating it changes nothing more. */
  upsertContact(contact: Record<string, unknown>): Promise<{ job_id?: string }> {
    return this.#request(
      { doing: 'adding the contact', permission: 'Marketing (full access)', fields: CONTACT_FIELDS },
      'marketing/contacts',
      { method: 'PUT', body: { contacts: [contact] } },
    );
  }
}

const STATS_FIELDS = { start_date: 'start_date', end_date: 'end_date', aggregated_by: 'aggregated_by' };
const CONTACT_FIELDS = {
  contacts: 'email',
  'contacts.first_name': 'first_name',
  'contacts.last_name': 'last_name',
  'contacts.custom_fields': 'custom_fields',
};

export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => SendGridApi;

export const apiFactory =
  (tuning: ClientTuning = {}): ApiFactory =>
  (ctx) =>
    new SendGridApi(ctx, tuning);

/**
 * Checks the key when it is entered (`gumcp auth sendgrid`) with GET /v3/scopes, which any valid key
 * may call, so a wrong key fails at sign-in rather than at the first send. Stores nothing else.
 */
export async function verifySendGridKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key) throw new ToolError('api_key: enter the SendGrid API key (Settings > API Keys in SendGrid)');
  const region = parseRegion(values.region);
  const call = { doing: 'checking the key', permission: 'any' };
  try {
    await sendgridClient(key, region, call, tuning).request('scopes');
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        `SendGrid${region === 'eu' ? ' (EU)' : ''} rejected the API key: check that it was copied whole and has not been revoked` +
          (region === 'global' ? ' (a key of an EU regional subuser needs region "eu")' : ''),
      );
    }
    throw error;
  }
  return undefined;
}
