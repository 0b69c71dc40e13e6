import { MissingScopeError } from '../../core/errors.js';

/**
 * The parts of an Atlassian error answer a user can act on. Atlassian answers in three shapes: the
 * API gateway's `{ code, message }` (e.g. `401 Unauthorized; scope does not match`), Jira's
 * ErrorCollection `{ errorMessages: [...], errors: { field: message } }`, and Confluence v2's
 * `{ errors: [{ status, code, title, detail }] }`.
 */
export interface AtlassianErrorDetail {
  /** Messages about the request as a whole. */
  messages: string[];
  /** Messages about one field each, by the service's field name. */
  fields: Record<string, string>;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : undefined;

export function errorDetail(body: unknown): AtlassianErrorDetail {
  const detail: AtlassianErrorDetail = { messages: [], fields: {} };
  if (typeof body === 'string') {
    // An HTML error page says nothing useful and may be long; a short plain text is kept.
    const t = text(body);
    if (t && !t.startsWith('<')) detail.messages.push(t);
    return detail;
  }
  if (!body || typeof body !== 'object') return detail;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.errorMessages))
    detail.messages.push(...b.errorMessages.map(text).filter((m) => m !== undefined));
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)) {
    for (const [field, message] of Object.entries(b.errors as Record<string, unknown>)) {
      const m = text(message);
      if (m) detail.fields[field] = m;
    }
  }
  if (Array.isArray(b.errors)) {
    for (const e of b.errors as Record<string, unknown>[]) {
      const m = text(e?.detail) ?? text(e?.title) ?? text(e?.message);
      if (m) detail.messages.push(m);
    }
  }
  const message = text(b.message);
  if (message && !detail.messages.length) detail.messages.push(message);
  return detail;
}

/** The gateway's answer when the token lacks the scope an endpoint needs: 401 "scope does not match". */
export function isScopeMismatch(status: number, body: unknown): boolean {
  return status === 401 && errorDetail(body).messages.some((m) => /scope does not match/i.test(m));
}

/** A missing scope, naming the ones the tool declares (Atlassian does not say which one it wanted). */
export class AtlassianScopeError extends MissingScopeError {
  constructor(serverId: string, scopes: readonly string[]) {
    super(scopes[0] ?? '');
    const wanted = scopes.map((s) => `"${s}"`).join(', ');
    this.message =
      `Permission denied: the stored token lacks a scope this call needs (${scopes.length > 1 ? 'one of ' : ''}${wanted}). ` +
      `Re-authenticate with \`gumcp auth ${serverId}\` to grant it.`;
  }
}
