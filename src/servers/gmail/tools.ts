import type { ToolAnnotations } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import {
  createDraft,
  createLabel,
  GMAIL_SCOPE,
  type GmailMessage,
  getAttachment,
  getMessage,
  getMessages,
  listMessageIds,
  modifyLabels,
  sendMessage,
  trashMessage,
} from './api.js';
import { compose, forward } from './compose.js';
import { labelIds } from './labels.js';
import { attachments, readable } from './message.js';

const scopes = [GMAIL_SCOPE];

const MAX_EMAILS = 100;

const emailId = z.string().min(1).describe('Gmail message id, as read_emails returns it');
const addresses = (what: string) => z.string().min(1).describe(`${what} email address(es), comma separated`);
const optionalAddresses = (what: string) => addresses(what).optional();
const hexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'use a hex colour such as #4a86e8')
  .describe("Hex colour from Gmail's label palette, e.g. #4a86e8");

/** The message resource Gmail answers send, modify and trash with: what changed and where it is filed. */
const messageRef = z.object({
  id: z.string().describe('Gmail message id'),
  threadId: z.string().optional().describe('Thread the message belongs to'),
  labelIds: z.array(z.string()).optional().describe('Labels on the message after the call'),
});

const attachmentInfo = z.object({
  partId: z.string().optional(),
  filename: z.string(),
  mimeType: z.string(),
  attachmentId: z.string().describe('Pass to download_attachment'),
  size: z.number().int().describe('Size in bytes'),
});

const email = z.object({
  id: z.string(),
  threadId: z.string().optional(),
  labelIds: z.array(z.string()),
  subject: z.string(),
  from: z.string(),
  to: z.string(),
  date: z.string(),
  body: z.string().describe('Plain text of the message (HTML stripped of tags when there is no text part)'),
  attachments: z.array(attachmentInfo),
  hasAttachments: z.boolean(),
});

const label = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().optional(),
  messageListVisibility: z.string().optional(),
  labelListVisibility: z.string().optional(),
  color: z.object({ textColor: z.string().optional(), backgroundColor: z.string().optional() }).optional(),
});

/** archive, trash, star and unstar: one email in, Gmail's reference to it after the change out. */
const onOneEmail = (
  description: string,
  annotations: ToolAnnotations,
  act: (ctx: ToolContext, id: string) => Promise<GmailMessage>,
) =>
  tool({
    description,
    input: z.object({ email_id: emailId }),
    output: messageRef,
    annotations,
    scopes,
    handler: ({ email_id }, ctx) => act(ctx, email_id),
  });

export const tools = {
  read_emails: tool({
    description:
      'Search Gmail with Gmail search syntax and read the matching emails: headers, plain-text body, attachments.',
    input: z.object({
      query: z
        .string()
        .describe("Gmail search, e.g. 'from:someone@example.com is:unread' or 'subject:invoice'"),
      max_results: z
        .number()
        .int()
        .min(1)
        .max(MAX_EMAILS)
        .default(10)
        .describe(`Most emails to return (default 10, at most ${MAX_EMAILS}); pages are followed up to it`),
    }),
    output: z.object({
      count: z.number().int(),
      more: z.boolean().describe('Whether more emails match than were returned'),
      emails: z.array(email),
    }),
    annotations: { title: 'Read emails', ...reads },
    scopes,
    async handler({ query, max_results }, ctx) {
      const found = await listMessageIds(ctx, { q: query }, max_results);
      const messages = await getMessages(
        ctx,
        found.items.map((m) => m.id),
        'full',
      );
      return { count: messages.length, more: found.more, emails: messages.map(readable) };
    },
  }),

  send_email: tool({
    description: 'Send a plain-text email, or a reply in an existing thread.',
    input: z.object({
      to: addresses('Recipient'),
      subject: z.string().describe('Subject line'),
      body: z.string().describe('Plain-text body'),
      cc: optionalAddresses('CC'),
      bcc: optionalAddresses('BCC'),
      thread_id: z
        .string()
        .min(1)
        .optional()
        .describe('Thread to reply in; the subject gets "Re:" if missing'),
      in_reply_to: z
        .string()
        .min(1)
        .optional()
        .describe('The message answered: its Message-ID header (<...@...>) or its Gmail id'),
    }),
    output: messageRef,
    annotations: { title: 'Send email', ...adds },
    scopes,
    async handler(args, ctx) {
      const { raw, threadId } = await compose(ctx, args);
      return sendMessage(ctx, raw, threadId);
    },
  }),

  update_email: tool({
    description: 'Add and remove labels on an email: mark read (remove UNREAD), move to a folder, and so on.',
    input: z.object({
      email_id: emailId,
      add_labels: z
        .array(z.string().min(1))
        .default([])
        .describe("Label ids or names to add, e.g. 'STARRED', 'IMPORTANT', 'Projects'"),
      remove_labels: z
        .array(z.string().min(1))
        .default([])
        .describe("Label ids or names to remove, e.g. 'UNREAD', 'INBOX'"),
    }),
    output: messageRef,
    annotations: { title: 'Update email labels', ...overwrites },
    scopes,
    async handler({ email_id, add_labels, remove_labels }, ctx) {
      if (add_labels.length + remove_labels.length === 0) {
        throw new ToolError('Nothing to change: give add_labels and/or remove_labels.');
      }
      const ids = await labelIds(ctx, [...add_labels, ...remove_labels]);
      const add = ids.slice(0, add_labels.length);
      return modifyLabels(ctx, email_id, { add, remove: ids.slice(add_labels.length) });
    },
  }),

  create_draft: tool({
    description: 'Save a plain-text email as a draft without sending it, optionally as a reply in a thread.',
    input: z.object({
      to: addresses('Recipient'),
      subject: z.string().describe('Subject line'),
      body: z.string().describe('Plain-text body'),
      cc: optionalAddresses('CC'),
      bcc: optionalAddresses('BCC'),
      thread_id: z.string().min(1).optional().describe('Thread to draft a reply in'),
    }),
    output: z.object({ id: z.string().describe('Draft id'), message: messageRef }),
    annotations: { title: 'Create draft', ...adds },
    scopes,
    async handler(args, ctx) {
      const { raw, threadId } = await compose(ctx, args);
      return createDraft(ctx, raw, threadId);
    },
  }),

  forward_email: tool({
    description: "Forward an email's text to other recipients, with optional text above it.",
    input: z.object({
      email_id: emailId,
      to: addresses('Recipient'),
      additional_text: z.string().optional().describe('Text written above the forwarded message'),
    }),
    output: messageRef,
    annotations: { title: 'Forward email', ...adds },
    scopes,
    async handler({ email_id, to, additional_text }, ctx) {
      const original = await getMessage(ctx, email_id, 'full');
      return sendMessage(ctx, forward(original, to, additional_text).raw);
    },
  }),

  create_label: tool({
    description: 'Create a Gmail label, optionally coloured.',
    input: z.object({
      name: z.string().min(1).describe('Label name; use "/" to nest, e.g. "Projects/2025"'),
      background_color: hexColor.optional(),
      text_color: hexColor.optional(),
    }),
    output: label,
    annotations: { title: 'Create label', ...adds },
    scopes,
    handler({ name, background_color, text_color }, ctx) {
      // Gmail wants both colours or none; the missing one defaults to a readable pairing.
      const color =
        background_color || text_color
          ? { backgroundColor: background_color ?? '#ffffff', textColor: text_color ?? '#000000' }
          : undefined;
      return createLabel(ctx, {
        name,
        messageListVisibility: 'show',
        labelListVisibility: 'labelShow',
        color,
      });
    },
  }),

  archive_email: onOneEmail(
    'Archive an email: take it out of the inbox, keeping it in All Mail.',
    { title: 'Archive email', ...overwrites },
    (ctx, id) => modifyLabels(ctx, id, { remove: ['INBOX'] }),
  ),

  trash_email: onOneEmail(
    'Move an email to the trash (Gmail deletes it for good after 30 days).',
    { title: 'Trash email', ...overwrites },
    trashMessage,
  ),

  star_email: onOneEmail('Star an email.', { title: 'Star email', ...sets }, (ctx, id) =>
    modifyLabels(ctx, id, { add: ['STARRED'] }),
  ),

  unstar_email: onOneEmail(
    'Remove the star from an email.',
    { title: 'Unstar email', ...overwrites },
    (ctx, id) => modifyLabels(ctx, id, { remove: ['STARRED'] }),
  ),

  get_attachment_details: tool({
    description: 'List the attachments of an email: file names, types, sizes and the ids to download them.',
    input: z.object({ email_id: emailId }),
    output: z.object({
      email_id: z.string(),
      subject: z.string(),
      count: z.number().int(),
      attachments: z.array(attachmentInfo),
    }),
    annotations: { title: 'Attachment details', ...reads },
    scopes,
    async handler({ email_id }, ctx) {
      const message = await getMessage(ctx, email_id, 'full');
      const found = attachments(message.payload);
      return { email_id, subject: readable(message).subject, count: found.length, attachments: found };
    },
  }),

  download_attachment: tool({
    description: "Download an email attachment's content, base64-encoded.",
    input: z.object({
      email_id: emailId,
      attachment_id: z.string().min(1).describe('Attachment id from get_attachment_details or read_emails'),
      filename: z
        .string()
        .min(1)
        .optional()
        .describe('Name to give the file (default: its name in the email)'),
    }),
    output: z.object({
      email_id: z.string(),
      attachment_id: z.string(),
      filename: z.string(),
      mimeType: z.string(),
      size: z.number().int().describe('Size in bytes'),
      data: z.string().describe('The file content, base64-encoded (standard alphabet)'),
    }),
    annotations: { title: 'Download attachment', ...reads },
    scopes,
    async handler({ email_id, attachment_id, filename }, ctx) {
      const [content, message] = await Promise.all([
        getAttachment(ctx, email_id, attachment_id),
        getMessage(ctx, email_id, 'full'),
      ]);
      const bytes = Buffer.from(content.data, 'base64url');
      // Gmail may hand out a different attachment id on each read, so fall back to the name, then to a lone file.
      const all = attachments(message.payload);
      const part =
        all.find((a) => a.attachmentId === attachment_id) ??
        all.find((a) => a.filename === filename) ??
        (all.length === 1 ? all[0] : undefined);
      return {
        email_id,
        attachment_id,
        filename: filename ?? part?.filename ?? 'attachment',
        mimeType: part?.mimeType ?? 'application/octet-stream',
        size: bytes.length,
        data: bytes.toString('base64'),
      };
    },
  }),
};
