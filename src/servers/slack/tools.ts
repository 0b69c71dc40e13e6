import { z } from 'zod';
import { reads, writes } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, tool } from '../../core/definition.js';
import type { SlackApi } from './api.js';
import {
  channelRef,
  channelSchema,
  messageSchema,
  messageTs,
  pinnedItemSchema,
  presenceSchema,
  userRef,
  userSchema,
} from './schemas.js';

// Scopes as guMCP's tool definitions list them (the catalog's requiredScopes).
const HISTORY = ['channels:history', 'groups:history', 'im:read'];
const POST = ['chat:write', 'chat:write.customize'];
const MANAGE = ['channels:manage', 'groups:write'];

const channelArg = channelRef.describe('Channel ID (C0123ABCD) or channel name (#general)');
const userArg = userRef.describe('User ID (U0123ABCD), email address, or user name');
const limitArg = (what: string, fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(fallback)
    .describe(`Most ${what} to return (1-1000, default ${fallback})`);

const changed = z.boolean().describe('false when nothing changed because it was already so');
const posted = z.object({ channel: z.string(), ts: z.string(), message: messageSchema.optional() });
const membership = z.object({ channel: z.string(), user: z.string(), changed });
const pinned = z.object({ channel: z.string(), timestamp: z.string(), changed });
const archived = z.object({ channel: z.string(), changed });
const channelResult = z.object({ channel: channelSchema });

/** Slack shows a canvas-style message best with a header: add one from the title unless there is one. */
function withHeader(title: string, blocks: Record<string, unknown>[]): Record<string, unknown>[] {
  if (blocks.some((b) => b.type === 'header')) return blocks;
  return [{ type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } }, ...blocks];
}

/** The Slack tools, by guMCP's names and parameters. `open` gives the API client for a call's context. */
export function slackTools(open: (ctx: ToolContext) => SlackApi): Record<string, AnyToolDef> {
  return {
    read_messages: tool({
      description: 'Read the most recent messages of a channel, returned oldest first, with their authors.',
      input: z.object({
        channel: channelArg,
        limit: limitArg('messages', 20),
        start_timestamp: messageTs.optional().describe('Only messages from this time on (epoch seconds)'),
        end_timestamp: messageTs.optional().describe('Only messages up to this time (epoch seconds)'),
      }),
      output: z.object({ channel: z.string(), messages: z.array(messageSchema), has_more: z.boolean() }),
      annotations: reads,
      scopes: HISTORY,
      async handler(args, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        const range = { limit: args.limit, oldest: args.start_timestamp, latest: args.end_timestamp };
        const { messages, more } = await api.history(channel, range);
        return { channel, messages, has_more: more };
      },
    }),

    send_message: tool({
      description: 'Send a message to a channel, to a user by @name (as a direct message), or into a thread.',
      input: z.object({
        channel: channelRef.describe('Channel ID, #channel-name, or @user-name for a direct message'),
        text: z.string().min(1).describe('Message text (Slack mrkdwn)'),
        thread_ts: messageTs.optional().describe('Timestamp of the parent message, to reply in its thread'),
      }),
      output: posted,
      annotations: writes(false, false),
      scopes: POST,
      async handler({ channel, text, thread_ts }, ctx) {
        const api = open(ctx);
        return api.post(await api.conversationId(channel), { text, thread_ts });
      },
    }),

    create_canvas: tool({
      description:
        'Post a rich Block Kit message (a "canvas" message) with a title, optionally in a thread. A header ' +
        'block with the title is added unless the blocks have one.',
      input: z.object({
        channel: channelArg,
        title: z.string().min(1).describe('Title, shown as the header and used as the notification text'),
        blocks: z
          .array(z.looseObject({ type: z.string() }))
          .min(1)
          .max(49)
          .describe('Block Kit blocks, e.g. {"type":"section","text":{"type":"mrkdwn","text":"..."}}'),
        thread_ts: messageTs.optional().describe('Timestamp of the parent message, to post in its thread'),
      }),
      output: posted,
      annotations: writes(false, false),
      scopes: POST,
      async handler({ channel, title, blocks, thread_ts }, ctx) {
        const api = open(ctx);
        return api.post(await api.channelId(channel), {
          text: title,
          blocks: withHeader(title, blocks),
          thread_ts,
        });
      },
    }),

    add_user_to_channel: tool({
      description: 'Invite a user to a channel the app is a member of.',
      input: z.object({ channel: channelArg, user: userArg }),
      output: membership,
      annotations: writes(false, true),
      scopes: MANAGE,
      async handler(args, ctx) {
        const api = open(ctx);
        const [channel, user] = await Promise.all([api.channelId(args.channel), api.userId(args.user)]);
        return { channel, user, changed: await api.invite(channel, user) };
      },
    }),

    react_to_message: tool({
      description: 'Add an emoji reaction to a message.',
      input: z.object({
        channel: channelArg,
        timestamp: messageTs.describe('Timestamp of the message'),
        reaction: z
          .string()
          .transform((name) => name.replace(/^:|:$/g, ''))
          .pipe(z.string().min(1))
          .describe('Emoji name, with or without colons (thumbsup or :thumbsup:)'),
      }),
      output: z.object({ channel: z.string(), timestamp: z.string(), reaction: z.string(), changed }),
      annotations: writes(false, true),
      scopes: ['reactions:write'],
      async handler({ timestamp, reaction, ...args }, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        return { channel, timestamp, reaction, changed: await api.react(channel, timestamp, reaction) };
      },
    }),

    delete_message: tool({
      description: 'Delete a message. A bot token can delete only the messages the app posted.',
      input: z.object({ channel: channelArg, timestamp: messageTs.describe('Timestamp of the message') }),
      output: z.object({ channel: z.string(), ts: z.string() }),
      annotations: writes(true, true),
      scopes: ['chat:write'],
      async handler({ timestamp, ...args }, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        await api.deleteMessage(channel, timestamp);
        return { channel, ts: timestamp };
      },
    }),

    get_message_thread: tool({
      description: 'Read a thread: the parent message first, then its replies in order.',
      input: z.object({
        channel: channelArg,
        thread_ts: messageTs.describe('Timestamp of the parent message'),
        limit: limitArg('messages', 20),
      }),
      output: z.object({
        channel: z.string(),
        thread_ts: z.string(),
        messages: z.array(messageSchema),
        has_more: z.boolean(),
      }),
      annotations: reads,
      scopes: HISTORY,
      async handler({ thread_ts, limit, ...args }, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        const { messages, more } = await api.thread(channel, thread_ts, limit);
        return { channel, thread_ts, messages, has_more: more };
      },
    }),

    pin_message: tool({
      description: 'Pin a message to its channel.',
      input: z.object({ channel: channelArg, timestamp: messageTs.describe('Timestamp of the message') }),
      output: pinned,
      annotations: writes(false, true),
      scopes: ['pins:write'],
      async handler({ timestamp, ...args }, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        return { channel, timestamp, changed: await api.pin(channel, timestamp) };
      },
    }),

    unpin_message: tool({
      description: 'Unpin a message from its channel.',
      input: z.object({ channel: channelArg, timestamp: messageTs.describe('Timestamp of the message') }),
      output: pinned,
      annotations: writes(true, true),
      scopes: ['pins:write'],
      async handler({ timestamp, ...args }, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        return { channel, timestamp, changed: await api.unpin(channel, timestamp) };
      },
    }),

    get_user_presence: tool({
      description:
        "Check whether a user is active or away. Details beyond that are given for the token's own user only.",
      input: z.object({ user: userArg }),
      output: presenceSchema,
      annotations: reads,
      scopes: ['users:read'],
      async handler(args, ctx) {
        const api = open(ctx);
        return api.presence(await api.userId(args.user));
      },
    }),

    remove_from_channel: tool({
      description: 'Remove a user from a channel.',
      input: z.object({
        channel_id: channelArg,
        user_id: userArg,
      }),
      output: membership,
      annotations: writes(true, true),
      scopes: MANAGE,
      async handler({ channel_id, user_id }, ctx) {
        const api = open(ctx);
        const [channel, user] = await Promise.all([api.channelId(channel_id), api.userId(user_id)]);
        return { channel, user, changed: await api.kick(channel, user) };
      },
    }),

    list_pinned_items: tool({
      description: 'List the messages and files pinned in a channel.',
      input: z.object({ channel: channelArg }),
      output: z.object({ channel: z.string(), items: z.array(pinnedItemSchema) }),
      annotations: reads,
      scopes: ['pins:read'],
      async handler(args, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        return { channel, items: await api.pins(channel) };
      },
    }),

    create_channel: tool({
      description: 'Create a public or private channel.',
      input: z.object({
        name: z
          .string()
          .regex(/^[a-z0-9_-]{1,80}$/, 'use 1-80 lowercase letters, numbers, hyphens or underscores')
          .describe('Channel name: lowercase letters, numbers, hyphens, underscores; 80 at most'),
        is_private: z.boolean().default(false).describe('Create a private channel (default false)'),
        team_id: z.string().optional().describe('Workspace to create it in; needed only for org-wide apps'),
      }),
      output: channelResult,
      annotations: writes(false, false),
      scopes: MANAGE,
      async handler({ name, is_private, team_id }, ctx) {
        return { channel: await open(ctx).createChannel(name, is_private, team_id) };
      },
    }),

    update_channel_topic: tool({
      description: "Set a channel's topic, replacing the current one.",
      input: z.object({
        channel: channelArg,
        topic: z.string().max(250).describe('New topic (250 characters at most)'),
      }),
      output: channelResult,
      annotations: writes(true, true),
      scopes: MANAGE,
      async handler({ topic, ...args }, ctx) {
        const api = open(ctx);
        return { channel: await api.setTopic(await api.channelId(args.channel), topic) };
      },
    }),

    update_channel_purpose: tool({
      description: "Set a channel's purpose (its description), replacing the current one.",
      input: z.object({
        channel: channelArg,
        purpose: z.string().max(250).describe('New purpose (250 characters at most)'),
      }),
      output: channelResult,
      annotations: writes(true, true),
      scopes: MANAGE,
      async handler({ purpose, ...args }, ctx) {
        const api = open(ctx);
        return { channel: await api.setPurpose(await api.channelId(args.channel), purpose) };
      },
    }),

    archive_channel: tool({
      description: 'Archive a channel. It can be unarchived later.',
      input: z.object({ channel: channelArg }),
      output: archived,
      annotations: writes(true, true),
      scopes: MANAGE,
      async handler(args, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        return { channel, changed: await api.archive(channel) };
      },
    }),

    unarchive_channel: tool({
      description: 'Unarchive an archived channel.',
      input: z.object({ channel: channelArg }),
      output: archived,
      annotations: writes(false, true),
      scopes: MANAGE,
      async handler(args, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        return { channel, changed: await api.unarchive(channel) };
      },
    }),

    list_users_in_channel: tool({
      description: 'List the members of a channel with their names, emails and roles.',
      input: z.object({ channel: channelArg, limit: limitArg('members', 100) }),
      output: z.object({ channel: z.string(), users: z.array(userSchema), has_more: z.boolean() }),
      annotations: reads,
      scopes: ['channels:read', 'groups:read', 'users:read'],
      async handler({ limit, ...args }, ctx) {
        const api = open(ctx);
        const channel = await api.channelId(args.channel);
        const { users, more } = await api.members(channel, limit);
        return { channel, users, has_more: more };
      },
    }),
  };
}
