import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import { type ApiFactory, nextCursor } from './api.js';
import { toConversation, toPart } from './shapes.js';
import type { IcConversation } from './types.js';

/** Conversations listed per `resources/list` page. */
const PAGE_SIZE = 50;

const conversationUri = (id: string) => `intercom://conversation/${encodeURIComponent(id)}`;

/** guMCP's stand-in, listed when there is no conversation to list, so a client sees why. */
const PLACEHOLDER_URI = 'intercom://placeholder/no-conversations';

const placeholder: Resource = {
  uri: PLACEHOLDER_URI,
  name: 'No conversations available',
  description: 'The workspace has no conversations, or the token may not read them',
  mimeType: JSON_MIME,
};

function title(c: IcConversation): string {
  if (c.title) return c.title;
  const author = c.source?.author?.name ?? c.source?.author?.email;
  return author ? `Conversation with ${author}` : `Conversation ${c.id}`;
}

/** guMCP's `intercom://conversation/{id}` resources (and its placeholder), listed with Intercom's cursor. */
export function intercomResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'intercom://conversation/{conversation_id}',
      name: 'conversations',
      title: 'Intercom conversations',
      description: 'Conversations of the workspace, most recent first; reading one gives its messages',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = await connect(ctx, 'conversations.read').listConversationsPage(cursor, PAGE_SIZE);
        const conversations = page.conversations ?? [];
        if (conversations.length === 0 && cursor === undefined) return { resources: [placeholder] };
        const resources: Resource[] = conversations.map((c) => ({
          uri: conversationUri(c.id),
          name: title(c),
          description: `${c.state ?? 'unknown'} conversation, updated ${c.updated_at ? new Date(c.updated_at * 1000).toISOString() : 'never'}`,
          mimeType: JSON_MIME,
        }));
        const next = nextCursor(page.pages);
        return { resources, ...(next ? { nextCursor: next } : {}) };
      },
      async read(uri, { conversation_id = '' }, ctx) {
        const id = decodeURIComponent(conversation_id);
        if (!/^\d{1,20}$/.test(id)) throw new ToolError(`Invalid Intercom conversation id in ${uri}`);
        const conversation = await connect(ctx, 'conversations.read').getConversation(id);
        const parts = conversation.conversation_parts?.conversation_parts ?? [];
        return jsonContents(uri, {
          ...toConversation(conversation),
          parts_total: conversation.conversation_parts?.total_count ?? parts.length,
          parts: parts.map(toPart),
        });
      },
    },
    {
      uriTemplate: 'intercom://placeholder/{name}',
      name: 'placeholder',
      title: 'No conversations',
      description: 'Listed instead of conversations when there are none to list',
      mimeType: JSON_MIME,
      async read(uri) {
        if (uri !== PLACEHOLDER_URI) throw new NotFoundError('Resource', uri);
        return jsonContents(uri, {
          message: 'No conversations available',
          possible_reasons: [
            'The workspace has no conversations yet',
            'The app lacks the permission to read conversations (conversations.read)',
          ],
          help: 'Check the app’s permissions in the Intercom Developer Hub, then sign in again with `gumcp auth intercom`.',
        });
      },
    },
  ];
}
