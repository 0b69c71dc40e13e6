import type { GmailMessage, MessagePart } from './api.js';

/**
 * RFC 2822 messages in and out of Gmail: building the base64url `raw` that messages.send and
 * drafts.create take, and reading headers, text and attachments out of a `format=full` payload.
 */

export interface Outgoing {
  to: string;
  subject: string;
  body: string;
  cc?: string | undefined;
  bcc?: string | undefined;
  /** Message-ID of the message answered, for the In-Reply-To and References headers. */
  inReplyTo?: string | undefined;
  references?: string | undefined;
}

/** Header values are one line: a CR or LF in user input would otherwise start a header of its own. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

/** RFC 2047 encoded-word for non-ASCII text in a header such as Subject. */
function encodeWord(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** Base64 body lines of at most 76 characters, as RFC 2045 requires. */
const wrap = (base64: string): string => base64.match(/.{1,76}/g)?.join('\r\n') ?? '';

/** A plain-text UTF-8 message, base64url-encoded for Gmail's `raw` field. */
export function rawMessage(message: Outgoing): string {
  const headers: [string, string | undefined][] = [
    ['To', message.to],
    ['Cc', message.cc],
    ['Bcc', message.bcc],
    ['Subject', encodeWord(oneLine(message.subject))],
    ['In-Reply-To', message.inReplyTo],
    ['References', message.references ?? message.inReplyTo],
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/plain; charset="UTF-8"'],
    ['Content-Transfer-Encoding', 'base64'],
  ];
  const head = headers
    .filter((h): h is [string, string] => Boolean(h[1]?.trim()))
    .map(([name, value]) => `${name}: ${oneLine(value)}`)
    .join('\r\n');
  const text = `${head}\r\n\r\n${wrap(Buffer.from(message.body, 'utf8').toString('base64'))}\r\n`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A header's value by case-insensitive name. */
export function header(message: GmailMessage, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return message.payload?.headers?.find((h) => h.name.toLowerCase() === wanted)?.value;
}

const decode = (data: string | undefined): string =>
  data ? Buffer.from(data, 'base64url').toString('utf8') : '';

/** All non-attachment parts of a MIME type, depth first. */
function textParts(part: MessagePart | undefined, mimeType: string): string[] {
  if (!part || part.filename) return [];
  if (part.mimeType === mimeType) return [decode(part.body?.data)];
  return (part.parts ?? []).flatMap((p) => textParts(p, mimeType));
}

const stripHtml = (html: string): string =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

/** Longest body text returned per message, so one huge mail cannot flood a reply. */
export const MAX_BODY_CHARS = 20_000;

/** The readable text of a message: its text/plain parts, else its HTML without tags, else the snippet. */
export function bodyText(message: GmailMessage): string {
  const plain = textParts(message.payload, 'text/plain').join('\n').trim();
  const text =
    plain || stripHtml(textParts(message.payload, 'text/html').join('\n')) || message.snippet || '';
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}\n[truncated]` : text;
}

export interface AttachmentInfo {
  partId?: string | undefined;
  filename: string;
  mimeType: string;
  attachmentId: string;
  size: number;
}

/** Parts that carry a file name and an attachment id, at any depth of the MIME tree. */
export function attachments(part: MessagePart | undefined): AttachmentInfo[] {
  if (!part) return [];
  const own =
    part.filename && part.body?.attachmentId
      ? [
          {
            partId: part.partId,
            filename: part.filename,
            mimeType: part.mimeType ?? 'application/octet-stream',
            attachmentId: part.body.attachmentId,
            size: part.body.size ?? 0,
          },
        ]
      : [];
  return [...own, ...(part.parts ?? []).flatMap(attachments)];
}

export interface ReadableEmail {
  id: string;
  threadId?: string | undefined;
  labelIds: string[];
  subject: string;
  from: string;
  to: string;
  date: string;
  body: string;
  attachments: AttachmentInfo[];
  hasAttachments: boolean;
}

/** A message as read_emails shows it: headers, readable body, attachments. */
export function readable(message: GmailMessage): ReadableEmail {
  const found = attachments(message.payload);
  return {
    id: message.id,
    threadId: message.threadId,
    labelIds: message.labelIds ?? [],
    subject: header(message, 'Subject') ?? '',
    from: header(message, 'From') ?? '',
    to: header(message, 'To') ?? '',
    date: header(message, 'Date') ?? '',
    body: bodyText(message),
    attachments: found,
    hasAttachments: found.length > 0,
  };
}
