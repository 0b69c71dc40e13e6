import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import {
  listChannelMessages,
  listChatMessages,
  listChats,
  replyToMessage,
  sendChannelMessage,
  sendChatMessage,
} from './api.js';
import { channelId, content, contentType, teamId, top } from './fields.js';
import { messageBody } from './html.js';
import { chat, message, summarizeChat, summarizeMessage } from './shapes.js';

const chatId = z.string().min(1).describe('Chat id, e.g. 19:…@thread.v2 (get_chats)');
const messages = z.object({ count: z.number().int(), more: z.boolean(), messages: z.array(message) });
const sent = message.extend({
  chatId: z.string().optional(),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
});

export const messageTools = {
  get_chats: tool({
    description: 'List the user’s chats (one-on-one, group and meeting chats) with their members.',
    input: z.object({
      filter: z
        .string()
        .min(1)
        .optional()
        .describe('OData filter on chats, e.g. "chatType eq \'group\'" or "topic eq \'Launch\'"'),
      limit: top('chats', 50, 500),
    }),
    output: z.object({ count: z.number().int(), more: z.boolean(), chats: z.array(chat) }),
    annotations: { title: 'Get chats', ...reads },
    scopes: ['Chat.ReadWrite'],
    async handler({ filter, limit }, ctx) {
      const { items, more } = await listChats(ctx, filter, limit);
      return { count: items.length, more, chats: items.map(summarizeChat) };
    },
  }),

  get_chat_messages: tool({
    description: 'Get the most recent messages of a chat, newest first, as text.',
    input: z.object({ chat_id: chatId, top: top('messages', 30, 500) }),
    output: messages.extend({ chatId: z.string() }),
    annotations: { title: 'Get chat messages', ...reads },
    scopes: ['Chat.ReadWrite'],
    async handler({ chat_id, top }, ctx) {
      const { items, more } = await listChatMessages(ctx, chat_id, top);
      return { chatId: chat_id, count: items.length, more, messages: items.map(summarizeMessage) };
    },
  }),

  send_chat_message: tool({
    description: 'Send a message in a chat.',
    input: z.object({ chat_id: chatId, content, content_type: contentType }),
    output: sent,
    annotations: { title: 'Send chat message', ...adds },
    scopes: ['Chat.ReadWrite'],
    async handler(args, ctx) {
      const posted = await sendChatMessage(ctx, args.chat_id, messageBody(args.content, args.content_type));
      return { ...summarizeMessage(posted), chatId: args.chat_id };
    },
  }),

  get_team_channel_messages: tool({
    description: 'Get the recent top-level messages of a team channel (replies not included), as text.',
    input: z.object({ team_id: teamId, channel_id: channelId, top: top('messages', 20, 500) }),
    output: messages.extend({ teamId: z.string(), channelId: z.string() }),
    annotations: { title: 'Get channel messages', ...reads },
    scopes: ['ChannelMessage.Read.All'],
    async handler({ team_id, channel_id, top }, ctx) {
      const { items, more } = await listChannelMessages(ctx, team_id, channel_id, top);
      return {
        teamId: team_id,
        channelId: channel_id,
        count: items.length,
        more,
        messages: items.map(summarizeMessage),
      };
    },
  }),

  send_team_channel_message: tool({
    description: 'Post a new message in a team channel.',
    input: z.object({ team_id: teamId, channel_id: channelId, content, content_type: contentType }),
    output: sent,
    annotations: { title: 'Send channel message', ...adds },
    scopes: ['ChannelMessage.Send'],
    async handler(args, ctx) {
      const body = messageBody(args.content, args.content_type);
      const posted = await sendChannelMessage(ctx, args.team_id, args.channel_id, body);
      return { ...summarizeMessage(posted), teamId: args.team_id, channelId: args.channel_id };
    },
  }),

  post_message_reply: tool({
    description: 'Reply to a message in a team channel (in its thread).',
    input: z.object({
      team_id: teamId,
      channel_id: channelId,
      message_id: z.string().min(1).describe('Id of the message replied to (get_team_channel_messages)'),
      content,
      content_type: contentType,
    }),
    output: sent,
    annotations: { title: 'Reply to message', ...adds },
    scopes: ['ChannelMessage.Send'],
    async handler(args, ctx) {
      const ids = { teamId: args.team_id, channelId: args.channel_id, messageId: args.message_id };
      const posted = await replyToMessage(ctx, ids, messageBody(args.content, args.content_type));
      return { ...summarizeMessage(posted), teamId: args.team_id, channelId: args.channel_id };
    },
  }),
};
