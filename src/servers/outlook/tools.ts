import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import {
  listMessages,
  MAIL_READ_WRITE,
  MAIL_SEND,
  type Message,
  type Recipient,
  resolveFolder,
  sendMail,
} from './api.js';

/** Most messages read_emails returns in one call; pages are followed up to it. */
const MAX_EMAILS = 250;
/** Longest body text returned per message, so one long mail cannot flood a reply. */
export const MAX_BODY_CHARS = 10_000;

type Address = { emailAddress?: { name?: string; address?: string } } | null | undefined;

/** "Ada Lovelace <ada@example.com>", or the bare address when the name adds nothing. */
function person(r: Address): string {
  const { name, address } = r?.emailAddress ?? {};
  if (!address) return name ?? '';
  return name && name !== address ? `${name} <${address}>` : address;
}

const email = z.object({
  id: z.string(),
  subject: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  received: z.string().optional().describe('ISO 8601, UTC'),
  preview: z.string().describe('The first 255 characters of the body, as Outlook gives them'),
  is_read: z.boolean().optional(),
  has_attachments: z.boolean().optional(),
  web_link: z.string().optional().describe('The message in Outlook on the web'),
  body: z.string().optional().describe(`The body as text, at most ${MAX_BODY_CHARS} characters`),
  body_truncated: z.boolean().optional(),
});

/** A message as read_emails and the folder resource show it. */
export function summarize(m: Message): z.input<typeof email> {
  const text = m.body?.content;
  return {
    id: m.id,
    subject: m.subject ?? '',
    from: person(m.from),
    to: (m.toRecipients ?? []).map(person),
    cc: (m.ccRecipients ?? []).map(person),
    received: m.receivedDateTime,
    preview: m.bodyPreview ?? '',
    is_read: m.isRead,
    has_attachments: m.hasAttachments,
    web_link: m.webLink,
    ...(text !== undefined
      ? { body: text.slice(0, MAX_BODY_CHARS), body_truncated: text.length > MAX_BODY_CHARS }
      : {}),
  };
}

/** Recipients in "a@x.com, Bob <b@y.com>; c@z.com" form, each checked, named by the argument on error. */
function addresses(arg: string, value: string | undefined): Recipient[] {
  if (value === undefined) return [];
  return value
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const named = /^(.*?)\s*<([^<>]+)>$/.exec(part);
      const address = (named?.[2] ?? part).trim();
      if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(address)) {
        throw new ToolError(`${arg}: "${address}" is not an email address`);
      }
      const name = named?.[1]?.replace(/^"|"$/g, '').trim();
      return { emailAddress: { address, ...(name ? { name } : {}) } };
    });
}

const plain = (list: Recipient[]) => list.map((r) => r.emailAddress.address);

export const tools = {
  read_emails: tool({
    description:
      'Read emails from an Outlook mail folder, newest first, optionally filtered (OData $filter) or searched (KQL $search).',
    input: z.object({
      folder: z
        .string()
        .min(1)
        .default('inbox')
        .describe(
          'Folder: a well-known name (inbox, sentitems, drafts, deleteditems, junkemail, archive), a folder’s display name, or its id (default inbox)',
        ),
      count: z
        .number()
        .int()
        .min(1)
        .max(MAX_EMAILS)
        .default(10)
        .describe(`Number of emails to return (default 10, at most ${MAX_EMAILS})`),
      filter: z
        .string()
        .min(1)
        .optional()
        .describe("OData filter, e.g. 'isRead eq false' or \"from/emailAddress/address eq 'a@example.com'\""),
      search: z
        .string()
        .min(1)
        .optional()
        .describe('Text or KQL searched in the messages, e.g. "invoice" or "from:ada subject:report"'),
      include_body: z
        .boolean()
        .default(false)
        .describe(`Also return each body as text (at most ${MAX_BODY_CHARS} characters); default false`),
    }),
    output: z.object({
      folder: z.string(),
      count: z.number().int(),
      more: z.boolean().describe('Whether more emails match than were returned'),
      emails: z.array(email),
    }),
    annotations: { title: 'Read emails', ...reads },
    scopes: [MAIL_READ_WRITE],
    async handler(args, ctx) {
      const folderId = await resolveFolder(ctx, args.folder);
      const { items, more } = await listMessages(
        ctx,
        folderId,
        { filter: args.filter, search: args.search, withBody: args.include_body },
        args.count,
      );
      const emails = items.map(summarize);
      return { folder: args.folder, count: emails.length, more, emails };
    },
  }),

  send_email: tool({
    description: 'Send an email from the user’s Outlook mailbox; a copy is kept in Sent Items.',
    input: z.object({
      to: z.string().min(1).describe('Recipient email addresses, comma-separated'),
      subject: z.string().min(1).describe('Subject'),
      body: z.string().min(1).describe('Body, as plain text unless body_type is html'),
      cc: z.string().optional().describe('CC email addresses, comma-separated'),
      bcc: z.string().optional().describe('BCC email addresses, comma-separated'),
      body_type: z.enum(['text', 'html']).default('text').describe('How body is written (default text)'),
    }),
    output: z.object({
      sent: z.boolean(),
      message: z.string(),
      subject: z.string(),
      to: z.array(z.string()),
      cc: z.array(z.string()),
      bcc: z.array(z.string()),
    }),
    annotations: { title: 'Send email', ...adds },
    scopes: [MAIL_SEND],
    async handler(args, ctx) {
      const [to, cc, bcc] = [addresses('to', args.to), addresses('cc', args.cc), addresses('bcc', args.bcc)];
      if (to.length === 0) throw new ToolError('to: give at least one email address');
      await sendMail(ctx, {
        subject: args.subject,
        body: { contentType: args.body_type === 'html' ? 'HTML' : 'Text', content: args.body },
        toRecipients: to,
        ...(cc.length ? { ccRecipients: cc } : {}),
        ...(bcc.length ? { bccRecipients: bcc } : {}),
      });
      const [toList, ccList, bccList] = [plain(to), plain(cc), plain(bcc)];
      const copies = [
        ccList.length ? `cc ${ccList.join(', ')}` : '',
        bccList.length ? `bcc ${bccList.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      return {
        sent: true,
        message: `Email "${args.subject}" sent to ${toList.join(', ')}${copies ? ` (${copies})` : ''}`,
        subject: args.subject,
        to: toList,
        cc: ccList,
        bcc: bccList,
      };
    },
  }),
};
