import type { ToolContext } from '../../core/context.js';
import { mapBounded } from '../../util/map-bounded.js';
import { collectPages, googleApi, orNotFound, segment } from '../google-api.js';

/** The one scope the server asks for: read, send, label and trash mail (not delete it for good). */
export const GMAIL_SCOPE = 'https://www.googleapis.com/auth/gmail.modify';

/** Shapes of the Gmail API v1 resources this server reads (users.messages, users.labels, users.drafts). */
export interface MessagePartBody {
  attachmentId?: string;
  size?: number;
  /** base64url */
  data?: string;
}

export interface MessagePart {
  partId?: string;
  mimeType?: string;
  filename?: string;
  headers?: { name: string; value: string }[];
  body?: MessagePartBody;
  parts?: MessagePart[];
}

export interface GmailMessage {
  id: string;
  threadId?: string;
  labelIds?: string[];
  snippet?: string;
  internalDate?: string;
  payload?: MessagePart;
}

export interface GmailLabel {
  id: string;
  name: string;
  type?: 'system' | 'user';
  messageListVisibility?: string;
  labelListVisibility?: string;
  messagesTotal?: number;
  messagesUnread?: number;
  color?: { textColor?: string; backgroundColor?: string };
}

export interface GmailDraft {
  id: string;
  message: GmailMessage;
}

interface MessageList {
  messages?: { id: string; threadId: string }[];
  nextPageToken?: string;
  resultSizeEstimate?: number;
}

const client = (ctx: ToolContext) =>
  googleApi(ctx, {
    serverId: 'gmail',
    service: 'Gmail',
    realBaseUrl: 'https://gmail.googleapis.com/gmail/v1',
    scope: GMAIL_SCOPE,
  });

const ME = 'users/me';
/** Gmail's largest page for messages.list. */
const MAX_PAGE = 500;

/** Ids of messages matching a search and/or a label, newest first, up to `limit` (following pages). */
export function listMessageIds(
  ctx: ToolContext,
  filter: { q?: string; labelId?: string },
  limit: number,
): Promise<{ items: { id: string; threadId: string }[]; more: boolean }> {
  return collectPages(limit, MAX_PAGE, async (pageToken, wanted) => {
    const page = await client(ctx).get<MessageList>(
      `${ME}/messages`,
      {
        q: filter.q,
        labelIds: filter.labelId,
        maxResults: wanted,
        pageToken,
      },
      ctx.signal,
    );
    return { items: page.messages ?? [], nextPageToken: page.nextPageToken };
  });
}

/** One message; `metadata` fetches only the named headers, `full` the decoded MIME tree too. */
export function getMessage(
  ctx: ToolContext,
  id: string,
  format: 'full' | 'metadata',
  metadataHeaders?: readonly string[],
): Promise<GmailMessage> {
  return orNotFound(
    'Email',
    id,
    client(ctx).get<GmailMessage>(`${ME}/messages/${segment(id)}`, { format, metadataHeaders }, ctx.signal),
  );
}

/** Messages fetched at most this many at a time: read_emails costs one request per message. */
const FETCH_CONCURRENCY = 5;

/** Several messages in the order of `ids`, a few requests in flight at once. */
export async function getMessages(
  ctx: ToolContext,
  ids: readonly string[],
  format: 'full' | 'metadata',
  metadataHeaders?: readonly string[],
): Promise<GmailMessage[]> {
  return mapBounded(ids, FETCH_CONCURRENCY, (id) => getMessage(ctx, id, format, metadataHeaders));
}

/** Sends an RFC 2822 message, already base64url-encoded; `threadId` files it in an existing thread. */
export function sendMessage(ctx: ToolContext, raw: string, threadId?: string): Promise<GmailMessage> {
  return client(ctx).post<GmailMessage>(`${ME}/messages/send`, { raw, threadId }, ctx.signal);
}

export function createDraft(ctx: ToolContext, raw: string, threadId?: string): Promise<GmailDraft> {
  return client(ctx).post<GmailDraft>(`${ME}/drafts`, { message: { raw, threadId } }, ctx.signal);
}

/** Adds and removes labels on a message (system labels such as INBOX, STARRED, UNREAD included). */
export function modifyLabels(
  ctx: ToolContext,
  id: string,
  change: { add?: readonly string[]; remove?: readonly string[] },
): Promise<GmailMessage> {
  const body = { addLabelIds: change.add ?? [], removeLabelIds: change.remove ?? [] };
  return orNotFound(
    'Email',
    id,
    // Setting labels twice is harmless, so a 5xx may be retried.
    client(ctx).request<GmailMessage>(
      `${ME}/messages/${segment(id)}/modify`,
      { method: 'POST', body, idempotent: true },
      ctx.signal,
    ),
  );
}

export function trashMessage(ctx: ToolContext, id: string): Promise<GmailMessage> {
  return orNotFound(
    'Email',
    id,
    client(ctx).request<GmailMessage>(
      `${ME}/messages/${segment(id)}/trash`,
      { method: 'POST', idempotent: true },
      ctx.signal,
    ),
  );
}

export function createLabel(ctx: ToolContext, label: Omit<GmailLabel, 'id'>): Promise<GmailLabel> {
  return client(ctx).post<GmailLabel>(`${ME}/labels`, label, ctx.signal);
}

/** Every label of the mailbox: Gmail returns them in one answer (labels.list has no pages). */
export async function listLabels(ctx: ToolContext): Promise<GmailLabel[]> {
  const result = await client(ctx).get<{ labels?: GmailLabel[] }>(`${ME}/labels`, undefined, ctx.signal);
  return result.labels ?? [];
}

/** One label with its message counts, which labels.list leaves out. */
export function getLabel(ctx: ToolContext, id: string): Promise<GmailLabel> {
  return orNotFound(
    'Label',
    id,
    client(ctx).get<GmailLabel>(`${ME}/labels/${segment(id)}`, undefined, ctx.signal),
  );
}

/** An attachment's bytes, base64url-encoded as Gmail sends them. */
export function getAttachment(
  ctx: ToolContext,
  messageId: string,
  attachmentId: string,
): Promise<Required<Pick<MessagePartBody, 'data'>> & MessagePartBody> {
  return orNotFound(
    'Attachment',
    `${attachmentId} (email ${messageId})`,
    client(ctx).get(
      `${ME}/messages/${segment(messageId)}/attachments/${segment(attachmentId)}`,
      undefined,
      ctx.signal,
    ),
  );
}
