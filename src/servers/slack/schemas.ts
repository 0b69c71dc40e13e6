import { z } from 'zod';

/**
 * The Slack objects the tools return, as the Web API documents them. Only the fields worth showing
 * are declared: zod strips the rest (blocks, attachments, edit history ...) from structured content.
 * Almost everything is optional because Slack omits fields freely (bot messages have no `user`, ...).
 */

/** A channel ID (C..., G... or D...) or a channel name, with or without its leading `#`. */
export const channelRef = z.string().trim().min(1);

/** A message timestamp, Slack's message ID: seconds with a microsecond part, e.g. 1512085950.000216. */
export const messageTs = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'expected a Slack timestamp such as 1512085950.000216');

/** A user ID (U... or W...), an email address, or a user name / display name. */
export const userRef = z.string().trim().min(1);

const textField = z.object({
  value: z.string(),
  creator: z.string().optional(),
  last_set: z.number().optional(),
});

export const channelSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  is_private: z.boolean().optional(),
  is_archived: z.boolean().optional(),
  is_member: z.boolean().optional(),
  created: z.number().optional(),
  creator: z.string().optional(),
  num_members: z.number().optional(),
  topic: textField.optional(),
  purpose: textField.optional(),
});
export type SlackChannel = z.input<typeof channelSchema>;

const fileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  permalink: z.string().optional(),
});

export const messageSchema = z.object({
  ts: z.string(),
  type: z.string().optional(),
  subtype: z.string().optional(),
  user: z.string().optional().describe('ID of the author; absent for bot messages'),
  user_name: z.string().optional().describe("The author's real name or user name, looked up by the server"),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  thread_ts: z
    .string()
    .optional()
    .describe('Timestamp of the thread parent, when the message is in a thread'),
  reply_count: z.number().optional(),
  reactions: z
    .array(
      z.object({ name: z.string(), count: z.number().optional(), users: z.array(z.string()).optional() }),
    )
    .optional(),
  files: z.array(fileSchema).optional(),
});
export type SlackMessage = z.input<typeof messageSchema>;

export const userSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  real_name: z.string().optional(),
  display_name: z.string().optional(),
  email: z.string().optional(),
  is_admin: z.boolean().optional(),
  is_owner: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  deleted: z.boolean().optional(),
  updated: z.number().optional(),
});
export type UserSummary = z.input<typeof userSchema>;

/** A user object as users.info and users.list return it. */
export interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  updated?: number;
  profile?: { real_name?: string; display_name?: string; email?: string };
}

export const pinnedItemSchema = z.object({
  type: z.string(),
  created: z.number().optional(),
  created_by: z.string().optional(),
  channel: z.string().optional(),
  message: messageSchema.optional(),
  file: fileSchema.optional(),
});
export type PinnedItem = z.input<typeof pinnedItemSchema>;

export const presenceSchema = z.object({
  user: z.string(),
  presence: z.string().describe('active or away'),
  online: z.boolean().optional().describe("Only for the token's own user, like the fields below"),
  auto_away: z.boolean().optional(),
  manual_away: z.boolean().optional(),
  connection_count: z.number().optional(),
  last_activity: z.number().optional(),
});
export type Presence = z.input<typeof presenceSchema>;
