import { AuthRequiredError, MissingScopeError, ToolError } from '../../core/errors.js';
import { MayHaveGoneThroughError, UpstreamError } from '../../upstream/client.js';
import type { GraphQLBody, GraphQLErrorItem } from '../../upstream/graphql.js';

/** What a call is about, so errors can name it: the shop, the tool's scopes, whether it writes. */
export interface Subject {
  shop: string;
  /** The OAuth scopes the calling tool needs, named when Shopify denies access. */
  scopes: readonly string[];
  mutation: boolean;
}

const MAY_HAVE_GONE_THROUGH = 'the change may have gone through, so check before trying again';

/** Shopify answers some HTTP errors with `{"errors": "a message"}` rather than a list. */
function messageOf(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 200);
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (typeof errors === 'string') return errors.slice(0, 200);
  if (Array.isArray(errors)) {
    return errors
      .map((e) => (typeof e === 'string' ? e : String((e as { message?: unknown })?.message ?? '')))
      .filter(Boolean)
      .slice(0, 3)
      .join('; ');
  }
  return '';
}

const codeOf = (e: unknown): string =>
  typeof e === 'object' && e !== null ? String((e as GraphQLErrorItem).extensions?.code ?? '') : '';

const num = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** When the cost bucket says nothing, a second restores enough for a small query on every plan. */
const DEFAULT_THROTTLE_WAIT_MS = 1000;

/**
 * How long to wait after Shopify's `THROTTLED`, in ms: until the bucket (`extensions.cost.throttleStatus`)
 * has restored the points the query asked for, at its restore rate. Undefined when not throttled.
 */
export function throttleWait(errors: readonly unknown[], body: GraphQLBody): number | undefined {
  if (!errors.some((e) => codeOf(e) === 'THROTTLED')) return undefined;
  return costWait(body);
}

/** The wait the cost bucket of an answer asks for, in ms. */
export function costWait(body: unknown): number {
  const cost = (body as { extensions?: { cost?: Record<string, unknown> } } | null)?.extensions?.cost;
  const status = cost?.throttleStatus as Record<string, unknown> | undefined;
  const requested = num(cost?.requestedQueryCost);
  const available = num(status?.currentlyAvailable);
  const rate = num(status?.restoreRate);
  if (requested === undefined || available === undefined || !rate || rate <= 0) {
    return DEFAULT_THROTTLE_WAIT_MS;
  }
  // At least one point's worth: the bucket said no, so it lacked something.
  return Math.ceil((Math.max(requested - available, 1) / rate) * 1000);
}

/**
 * The access scope a denial names: ACCESS_DENIED's "Required access: `read_products` access scope.", or
 * a 403's "[API] This action requires merchant approval for write_products scope."
 */
function requiredScope(errors: readonly unknown[]): string | undefined {
  for (const e of errors) {
    const item = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as GraphQLErrorItem;
    const said = `${String(item.extensions?.requiredAccess ?? '')} ${item.message ?? ''}`;
    const scope = /`?\b((?:read|write|unauthenticated_read|unauthenticated_write)_[a-z_]+)\b`?/.exec(
      said,
    )?.[1];
    if (scope) return scope;
  }
  return undefined;
}

/**
 * Shopify's answers that mean more than their message, as errors a user can act on: a refused token,
 * a missing access scope, an unavailable or unknown shop, a query over the cost limit, an internal
 * failure. Undefined leaves the GraphQL client's "Shopify refused the request: …".
 */
export function classify(
  errors: readonly unknown[],
  status: number,
  subject: Subject,
): ToolError | undefined {
  const codes = errors.map(codeOf);
  const said = messageOf({ errors }).replace(/\.+$/, '');
  if (status === 401 || codes.includes('UNAUTHENTICATED')) {
    return new AuthRequiredError(
      'shopify',
      'Shopify rejected the stored access token (expired, revoked, or the app was uninstalled from the shop)',
    );
  }
  if (codes.includes('ACCESS_DENIED') || status === 403) {
    const scope = requiredScope(errors);
    if (scope) return new MissingScopeError(scope);
    return new UpstreamError(
      `Permission denied by Shopify${said ? `: ${said}` : ''}. This call needs the access scopes ${subject.scopes
        .map((s) => `"${s}"`)
        .join(
          ', ',
        )}; re-authenticate with \`gumcp auth shopify\` to grant them, or ask the shop owner for the permission.`,
      403,
    );
  }
  if (status === 402 || status === 423) {
    return new UpstreamError(
      `The Shopify shop ${subject.shop} is unavailable (${status === 402 ? 'frozen: its bill is unpaid' : 'locked'}); its owner must reactivate it in the Shopify admin.`,
      status,
    );
  }
  if (status === 404) {
    return new UpstreamError(
      `Shopify has no shop at ${subject.shop} (or it does not serve Admin API version 2026-10); check the shop and sign in again.`,
      404,
    );
  }
  if (codes.includes('MAX_COST_EXCEEDED')) {
    return new ToolError(
      `Invalid arguments: first: the query asks for too much at once (${said}); ask for fewer products per page.`,
    );
  }
  if (status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
    return new UpstreamError(
      `Shopify failed${status >= 500 ? ` (HTTP ${status})` : ' internally'}; ${subject.mutation ? MAY_HAVE_GONE_THROUGH : 'try again later'}`,
      status >= 500 ? status : 500,
    );
  }
  // An HTTP 429 left after the client's waits (a THROTTLED error says its own wait).
  if (status === 429) return new UpstreamError('Rate limited by Shopify; try again in a few seconds', 429);
  if (status >= 400) {
    return new UpstreamError(
      `Shopify refused the request (HTTP ${status})${said ? `: ${said}` : ''}`,
      status,
    );
  }
  return undefined;
}

/** An HTTP error whose body is not GraphQL (an HTML 404, `{"errors": "Not Found"}`), mapped like one. */
export function httpError(status: number, body: unknown, subject: Subject): ToolError | undefined {
  const said = messageOf(body);
  const errors = said ? [{ message: said }] : [];
  if (status === 429) return undefined;
  return classify(errors, status, subject);
}

/**
 * Whether a failed write may have been carried out all the same: Shopify did not answer, or answered
 * 5xx, after the request left (the upstream client's own error says so, or a 5xx mapped here).
 */
export function mayHaveGoneThrough(error: unknown): boolean {
  return error instanceof MayHaveGoneThroughError || (error instanceof UpstreamError && error.status >= 500);
}

/** A mutation's `userErrors` entry: the path of the input field, and what is wrong with it. */
export interface UserError {
  field?: readonly string[] | null;
  message: string;
  code?: string | null;
}

/**
 * Throws a mutation's `userErrors` as one tool error, naming each field as the tool's argument that
 * set it (`fields` maps Shopify's input field names to argument names).
 */
export function throwUserErrors(
  errors: readonly UserError[] | null | undefined,
  fields: Readonly<Record<string, string>> = {},
): void {
  if (!errors?.length) return;
  const parts = errors.slice(0, 5).map((e) => {
    const path = (e.field ?? []).filter((segment) => !/^\d+$/.test(segment));
    const named = [...path].reverse().find((segment) => fields[segment] !== undefined);
    if (named) return `argument ${fields[named]}: ${e.message}`;
    const field = path.filter((segment) => segment !== 'input' && segment !== 'product').join('.');
    return field ? `field ${field}: ${e.message}` : e.message;
  });
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  throw new ToolError(`Shopify refused the change: ${parts.join('; ')}${more}`);
}
