import type { ToolContext } from '../../core/context.js';
import { type GmailMessage, getMessage } from './api.js';
import { bodyText, header, rawMessage } from './message.js';

/**
 * Outgoing mail built from tool arguments: new messages, replies in a thread, forwards. Each
 * returns the base64url `raw` and the thread to file it in, ready for messages.send or drafts.create.
 */

export interface Composed {
  raw: string;
  threadId?: string | undefined;
}

export interface NewMail {
  to: string;
  subject: string;
  body: string;
  cc?: string | undefined;
  bcc?: string | undefined;
  thread_id?: string | undefined;
  in_reply_to?: string | undefined;
}

/** Gmail threads a reply only when its subject matches the thread's, so replies get "Re:". */
const replySubject = (subject: string): string => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);
const angle = (id: string): string => (id.startsWith('<') ? id : `<${id}>`);

/**
 * Threading headers for a reply. `in_reply_to` may be an RFC 2822 Message-ID (it has an `@`) or a
 * Gmail message id, whose Message-ID, References and thread are then read from Gmail.
 */
async function replyTo(
  ctx: ToolContext,
  inReplyTo: string,
): Promise<{ messageId: string; references: string; threadId?: string | undefined }> {
  if (inReplyTo.includes('@')) return { messageId: angle(inReplyTo), references: angle(inReplyTo) };
  const original = await getMessage(ctx, inReplyTo, 'metadata', ['Message-ID', 'References']);
  const messageId = header(original, 'Message-ID');
  if (!messageId) return { messageId: '', references: '', threadId: original.threadId };
  const references = [header(original, 'References'), messageId].filter(Boolean).join(' ');
  return { messageId, references, threadId: original.threadId };
}

/** A new message, or a reply when a thread or the message answered is given. */
export async function compose(ctx: ToolContext, mail: NewMail): Promise<Composed> {
  const reply = mail.in_reply_to ? await replyTo(ctx, mail.in_reply_to) : undefined;
  const threadId = mail.thread_id || reply?.threadId;
  const raw = rawMessage({
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    subject: threadId ? replySubject(mail.subject) : mail.subject,
    body: mail.body,
    inReplyTo: reply?.messageId || undefined,
    references: reply?.references || undefined,
  });
  return { raw, threadId };
}

/** The quoted block Gmail's web client writes under a forwarded message. */
function forwardedBlock(original: GmailMessage): string {
  const field = (name: string) => `${name}: ${header(original, name) ?? ''}`;
  return [
    '---------- Forwarded message ---------',
    field('From'),
    field('Date'),
    field('Subject'),
    field('To'),
    '',
    bodyText(original),
  ].join('\n');
}

/** A forward of `original` to `to`, with the caller's text above the quoted message. */
export function forward(original: GmailMessage, to: string, additionalText?: string): Composed {
  const subject = header(original, 'Subject') ?? '';
  const raw = rawMessage({
    to,
    subject: /^fwd?:/i.test(subject) ? subject : `Fwd: ${subject}`,
    body: [additionalText, forwardedBlock(original)].filter(Boolean).join('\n\n'),
  });
  return { raw };
}
