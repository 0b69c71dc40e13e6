import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import { type Query, UpstreamClient, type UpstreamRequest } from '../../upstream/client.js';
import { AccountBook, type DocusignTuning, type Target } from './accounts.js';
import { docusignError, rateLimitDelay, type Subject } from './errors.js';
import type {
  DsEnvelope,
  DsEnvelopeList,
  DsEnvelopeSummary,
  DsTemplate,
  DsTemplateList,
  DsTemplateSummary,
  DsUser,
  DsUserList,
} from './types.js';

export type Body = Record<string, unknown>;

const enc = encodeURIComponent;

function tokenOf(credentials: Readonly<Credentials>): string {
  const token = credentials.access_token;
  if (typeof token !== 'string' || !token) {
    throw new AuthRequiredError('docusign', 'the stored credentials hold no access token');
  }
  return token;
}

/**
 * The eSignature calls for one account, at `{base_uri}/restapi/v2.1/accounts/{account_id}`. The token
 * is read anew for every request, so a refreshed token is used from the next request on.
 */
export class DocusignAccount {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #tuning: DocusignTuning;
  readonly target: Target;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
    target: Target,
    tuning: DocusignTuning,
  ) {
    this.#ctx = ctx;
    this.target = target;
    this.#tuning = tuning;
  }

  #request<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const { now = Date.now, authHosts: _hosts, ...timing } = this.#tuning;
    const client = new UpstreamClient({
      service: 'DocuSign',
      serverId: 'docusign',
      baseUrl: `${this.target.apiRoot}/accounts/${enc(this.target.accountId)}`,
      log: this.#ctx.log,
      auth: async () => ({ authorization: `Bearer ${tokenOf(await this.#ctx.credentials())}` }),
      mapError: (status, body, headers) => docusignError(status, body, headers, subject, now()),
      // A 429 without Retry-After: wait out the burst window, or until the hourly limit resets.
      retryDelay: (status, headers, body) => rateLimitDelay(status, headers, body, now()),
      ...timing,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  // Templates

  listTemplates(query: Query): Promise<DsTemplateList> {
    return this.#request({ what: 'Templates', id: 'list' }, 'templates', { query });
  }

  getTemplate(id: string): Promise<DsTemplate> {
    return this.#request({ what: 'Template', id }, `templates/${enc(id)}`);
  }

  /** Creates a template: sent once, never again after a timeout or 5xx (DocuSign takes no idempotency key). */
  createTemplate(body: Body): Promise<DsTemplateSummary> {
    return this.#request({ what: 'Template', id: '(new)' }, 'templates', {
      method: 'POST',
      body,
      idempotent: false,
    });
  }

  // Envelopes

  /** Creates (and with status "sent", sends) an envelope: sent once, never again after a timeout or 5xx. */
  createEnvelope(body: Body, ids: Record<string, string>): Promise<DsEnvelopeSummary> {
    return this.#request({ what: 'Envelope', id: '(new)', ids }, 'envelopes', {
      method: 'POST',
      body,
      idempotent: false,
    });
  }

  getEnvelope(id: string, include?: string): Promise<DsEnvelope> {
    return this.#request({ what: 'Envelope', id }, `envelopes/${enc(id)}`, { query: { include } });
  }

  listEnvelopes(query: Query): Promise<DsEnvelopeList> {
    return this.#request({ what: 'Envelopes', id: 'list' }, 'envelopes', { query });
  }

  /**
   * Changes a draft envelope. Setting its subject is idempotent and retried; setting `status: sent`
   * sends it, so that one is sent once (`idempotent: false`).
   */
  updateEnvelope(id: string, body: Body, idempotent: boolean): Promise<Body> {
    return this.#request({ what: 'Envelope', id }, `envelopes/${enc(id)}`, {
      method: 'PUT',
      body,
      idempotent,
    });
  }

  /** Puts documents in a draft envelope, replacing those with the same documentId: safe to repeat. */
  putDocuments(id: string, documents: Body[]): Promise<{ envelopeDocuments?: Body[] }> {
    return this.#request({ what: 'Envelope', id }, `envelopes/${enc(id)}/documents`, {
      method: 'PUT',
      body: { documents },
    });
  }

  /** Puts recipients in a draft envelope, updating those with the same recipientId: safe to repeat. */
  putRecipients(id: string, recipients: Body): Promise<{ recipientUpdateResults?: Body[] }> {
    return this.#request({ what: 'Envelope', id }, `envelopes/${enc(id)}/recipients`, {
      method: 'PUT',
      body: recipients,
    });
  }

  // Users

  /** Adds users (DocuSign emails each an activation link): sent once, never again after a timeout or 5xx. */
  createUsers(newUsers: Body[]): Promise<{ newUsers?: DsUser[] }> {
    return this.#request({ what: 'User', id: '(new)' }, 'users', {
      method: 'POST',
      body: { newUsers },
      idempotent: false,
    });
  }

  listUsers(query: Query): Promise<DsUserList> {
    return this.#request({ what: 'Users', id: 'list' }, 'users', { query });
  }

  getUser(id: string, additionalInfo: boolean | undefined): Promise<DsUser> {
    return this.#request({ what: 'User', id }, `users/${enc(id)}`, {
      query: { additional_info: additionalInfo === undefined ? undefined : String(additionalInfo) },
    });
  }
}

/** Opens the account a tool call targets (`account_id`, else the stored default). */
export type ApiFactory = (ctx: ToolContext, accountId: string | undefined) => Promise<DocusignAccount>;

export function apiFactory(tuning: DocusignTuning = {}): ApiFactory {
  const book = new AccountBook(tuning);
  return async (ctx, accountId) => {
    const credentials = await ctx.credentials();
    const target = await book.target(credentials, tokenOf(credentials), accountId, ctx.log, ctx.signal);
    return new DocusignAccount(ctx, target, tuning);
  };
}
