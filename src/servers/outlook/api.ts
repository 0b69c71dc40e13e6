import type { ToolContext } from '../../core/context.js';
import { NotFoundError } from '../../core/errors.js';
import { graphApi, graphOrNotFound, graphPageAt, graphPages } from '../../providers/microsoft/graph.js';
import type { Query, UpstreamClient } from '../../upstream/client.js';

/** The scopes guMCP's outlook server signs in with. */
export const MAIL_READ_WRITE = 'https://graph.microsoft.com/Mail.ReadWrite';
export const MAIL_SEND = 'https://graph.microsoft.com/Mail.Send';
export const SCOPES = [MAIL_READ_WRITE, MAIL_SEND, 'offline_access'] as const;

/** Shapes of the Graph v1.0 mail resources this server reads (learn.microsoft.com/graph/api/resources/message). */
export interface EmailAddress {
  name?: string;
  address?: string;
}

export interface Message {
  id: string;
  subject?: string | null;
  from?: { emailAddress?: EmailAddress } | null;
  toRecipients?: { emailAddress?: EmailAddress }[];
  ccRecipients?: { emailAddress?: EmailAddress }[];
  receivedDateTime?: string;
  bodyPreview?: string;
  body?: { contentType?: string; content?: string };
  isRead?: boolean;
  hasAttachments?: boolean;
  webLink?: string;
}

export interface MailFolder {
  id: string;
  displayName?: string;
  parentFolderId?: string;
  childFolderCount?: number;
  totalItemCount?: number;
  unreadItemCount?: number;
}

/** A recipient as `sendMail` takes it. */
export interface Recipient {
  emailAddress: { address: string; name?: string };
}

/** A message as `sendMail` takes it. */
export interface OutgoingMessage {
  subject: string;
  body: { contentType: 'Text' | 'HTML'; content: string };
  toRecipients: Recipient[];
  ccRecipients?: Recipient[];
  bccRecipients?: Recipient[];
}

const client = (ctx: ToolContext, scope: string): UpstreamClient =>
  graphApi(ctx, { serverId: 'outlook', service: 'Outlook', scopes: [scope] });

/** Outlook's well-known folder names, which Graph accepts in place of a folder id. */
const WELL_KNOWN = new Set([
  'archive',
  'clutter',
  'conflicts',
  'conversationhistory',
  'deleteditems',
  'drafts',
  'inbox',
  'junkemail',
  'localfailures',
  'msgfolderroot',
  'outbox',
  'recoverableitemsdeletions',
  'scheduled',
  'searchfolders',
  'sentitems',
  'serverfailures',
  'syncissues',
]);

/** The fields of a message the tools show; the body is asked for only when wanted. */
const MESSAGE_FIELDS =
  'id,subject,from,toRecipients,ccRecipients,receivedDateTime,bodyPreview,isRead,hasAttachments,webLink';
/** Graph's largest page of messages. */
const MAX_PAGE = 1000;
/** More folders than anyone has at the top level; graphPages stops at its page bound anyway. */
const MAX_FOLDERS = 10_000;

const folderPath = (id: string) => `me/mailFolders/${encodeURIComponent(id)}`;

/**
 * The id to put in `me/mailFolders/{id}`: a well-known name as it is, a folder id as it is, else the
 * top-level folder whose display name matches (in any case).
 */
export async function resolveFolder(ctx: ToolContext, folder: string): Promise<string> {
  const name = folder.trim();
  if (WELL_KNOWN.has(name.toLowerCase())) return name.toLowerCase();
  // Graph's folder ids are long base64 strings; no folder is named like one.
  if (/^[A-Za-z0-9+/=_-]{60,}$/.test(name)) return name;
  const folders = await listAllFolders(ctx);
  const match = folders.find((f) => f.displayName?.toLowerCase() === name.toLowerCase());
  if (!match) throw new NotFoundError('Mail folder', folder);
  return match.id;
}

async function listAllFolders(ctx: ToolContext): Promise<MailFolder[]> {
  const api = client(ctx, MAIL_READ_WRITE);
  return (await graphPages<MailFolder>(api, 'me/mailFolders', { $top: 100 }, MAX_FOLDERS, ctx.signal)).items;
}

/**
 * Messages of a folder, newest first, following `@odata.nextLink` until `limit`. Bodies come as text
 * (Graph's `Prefer: outlook.body-content-type="text"`) when asked for.
 */
export async function listMessages(
  ctx: ToolContext,
  folderId: string,
  options: { filter?: string | undefined; search?: string | undefined; withBody: boolean },
  limit: number,
): Promise<{ items: Message[]; more: boolean }> {
  const api = client(ctx, MAIL_READ_WRITE);
  const query: Query = {
    $select: options.withBody ? `${MESSAGE_FIELDS},body` : MESSAGE_FIELDS,
    $top: Math.min(limit, MAX_PAGE),
  };
  if (options.search !== undefined) {
    // $search takes a quoted KQL string and cannot be combined with $orderby: Graph sorts by date itself.
    query.$search = `"${options.search.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    if (options.filter !== undefined) query.$filter = options.filter;
  } else if (options.filter !== undefined) {
    // Graph refuses $orderby on a property that does not lead the $filter (InefficientFilter), so the
    // caller's condition follows an always-true one on receivedDateTime.
    query.$filter = `receivedDateTime ge 1900-01-01T00:00:00Z and (${options.filter})`;
    query.$orderby = 'receivedDateTime desc';
  } else {
    query.$orderby = 'receivedDateTime desc';
  }
  const headers = options.withBody ? { prefer: 'outlook.body-content-type="text"' } : undefined;
  return graphOrNotFound(
    'Mail folder',
    folderId,
    graphPages<Message>(api, `${folderPath(folderId)}/messages`, query, limit, ctx.signal, headers),
  );
}

/** One page of the user's top-level mail folders; the cursor is Graph's nextLink. */
export async function listFoldersPage(
  ctx: ToolContext,
  cursor: string | undefined,
  pageSize: number,
): Promise<{ items: MailFolder[]; nextCursor?: string }> {
  const api = client(ctx, MAIL_READ_WRITE);
  const page = await graphPageAt<MailFolder>(api, 'me/mailFolders', { $top: pageSize }, cursor, ctx.signal);
  return { items: page.items, ...(page.next ? { nextCursor: page.next } : {}) };
}

export function getFolder(ctx: ToolContext, folderId: string): Promise<MailFolder> {
  return graphOrNotFound(
    'Mail folder',
    folderId,
    client(ctx, MAIL_READ_WRITE).get<MailFolder>(folderPath(folderId), undefined, ctx.signal),
  );
}

/**
 * Sends a message (Graph answers 202 with no body) and keeps a copy in Sent Items. A POST that is not
 * idempotent: the upstream client retries it only after a 429, never after a 5xx or a timeout.
 */
export async function sendMail(ctx: ToolContext, message: OutgoingMessage): Promise<void> {
  await client(ctx, MAIL_SEND).request(
    'me/sendMail',
    { method: 'POST', body: { message, saveToSentItems: true } },
    ctx.signal,
  );
}
