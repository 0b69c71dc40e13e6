import { z } from 'zod';
import { adds, overwrites, sets } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { IntercomApi } from './api.js';
import { type IntercomTool, icId, numericId, SCOPES } from './define.js';
import { partSchema, toPart } from './shapes.js';

const tagIds = z
  .array(numericId('tag'))
  .min(1, 'give at least one tag id')
  .max(50)
  .describe('Ids of the tags (digits)');

const adminId = numericId('admin')
  .optional()
  .describe('The admin acting (see list_admins); default the admin the token belongs to');

/**
 * Applies `step` to each tag in turn. When one fails, the error says which tags were already done, so
 * the caller knows where it stands.
 */
async function eachTag(
  tags: readonly string[],
  doneVerb: string,
  step: (tag: string) => Promise<{ id: string; name?: string }>,
): Promise<{ id: string; name: string | null }[]> {
  const done: { id: string; name: string | null }[] = [];
  for (const tag of new Set(tags)) {
    try {
      const t = await step(tag);
      done.push({ id: String(t.id ?? tag), name: t.name ?? null });
    } catch (error) {
      if (error instanceof ToolError && done.length > 0) {
        throw new ToolError(`${error.message} (${doneVerb} before it: ${done.map((t) => t.id).join(', ')})`);
      }
      throw error;
    }
  }
  return done;
}

const actingAdmin = async (intercom: IntercomApi, given: string | undefined) =>
  given ?? (await intercom.adminId());

/** Starting, replying to and tagging conversations. */
export function conversationTools(intercomTool: IntercomTool): Record<string, AnyToolDef> {
  return {
    create_conversation: intercomTool({
      description:
        'Start a conversation with a contact: as the contact writing in, or, with admin_id, as an admin ' +
        'writing to the contact (an in-app message opened as a conversation). Tags are applied after. Each ' +
        'call sends a new message.',
      input: z.object({
        contact_id: icId('contact'),
        message: z.string().trim().min(1).max(65_000).describe('The text of the first message'),
        admin_id: numericId('admin')
          .optional()
          .describe('Write as this admin to the contact, instead of as the contact (see list_admins)'),
        tag_ids: tagIds.optional().describe('Tags to apply to the new conversation (digits)'),
      }),
      output: z.object({
        conversation_id: z.string().nullable().describe('Null when Intercom did not open a conversation'),
        message_id: z.string(),
        created_at: z.string().nullable(),
        from: z.enum(['contact', 'admin']),
        tags_applied: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
        tag_errors: z
          .array(z.object({ tag_id: z.string(), error: z.string() }))
          .describe('Tags that could not be applied (the conversation exists)'),
      }),
      annotations: adds,
      scopes: SCOPES.conversationsWrite,
      async run({ contact_id, message, admin_id, tag_ids = [] }, intercom) {
        const sent = admin_id
          ? await intercom.createMessage(
              {
                message_type: 'in_app',
                body: message,
                from: { type: 'admin', id: Number(admin_id) },
                to: { type: 'user', id: contact_id },
                create_conversation_without_contact_reply: true,
              },
              { Contact: contact_id, Admin: admin_id },
            )
          : await intercom.createConversation(contact_id, message);
        const conversationId = sent.conversation_id ? String(sent.conversation_id) : null;
        const tagsApplied: { id: string; name: string | null }[] = [];
        const tagErrors: { tag_id: string; error: string }[] = [];
        // The message is sent: a tag that cannot be applied is reported, not thrown, so no one sends it again.
        if (tag_ids.length > 0) {
          let tagger: string | undefined;
          let why = 'Intercom opened no conversation to tag';
          if (conversationId) {
            try {
              tagger = await actingAdmin(intercom, admin_id);
            } catch (error) {
              if (!(error instanceof ToolError)) throw error;
              why = error.message;
            }
          }
          for (const tag of new Set(tag_ids)) {
            if (!conversationId || !tagger) {
              tagErrors.push({ tag_id: tag, error: why });
              continue;
            }
            try {
              const t = await intercom.attachTag(conversationId, tag, tagger);
              tagsApplied.push({ id: String(t.id), name: t.name ?? null });
            } catch (error) {
              if (!(error instanceof ToolError)) throw error;
              tagErrors.push({ tag_id: tag, error: error.message });
            }
          }
        }
        return {
          conversation_id: conversationId,
          message_id: String(sent.id),
          created_at: sent.created_at ? new Date(sent.created_at * 1000).toISOString() : null,
          from: admin_id ? ('admin' as const) : ('contact' as const),
          tags_applied: tagsApplied,
          tag_errors: tagErrors,
        };
      },
    }),

    reply_to_conversation: intercomTool({
      description:
        'Reply to a conversation: as a contact (user_id), where no conversation_id means that contact’s ' +
        'latest conversation; or as an admin (admin_id, default the signed-in admin), which needs ' +
        'conversation_id. message_type note adds an internal note (admins only). Each call sends a new reply.',
      input: z.object({
        message: z
          .string()
          .trim()
          .min(1)
          .max(65_000)
          .describe('The text of the reply (notes take some HTML)'),
        conversation_id: numericId('conversation')
          .optional()
          .describe(
            'The conversation (digits); left out, a contact’s reply goes to their latest conversation',
          ),
        user_id: icId('contact').optional().describe('Reply as this contact (Intercom’s id of the contact)'),
        admin_id: numericId('admin')
          .optional()
          .describe('Reply as this admin (default: the admin the token belongs to)'),
        message_type: z
          .enum(['comment', 'note'])
          .default('comment')
          .describe('comment (seen by the contact, default) or note (internal, admins only)'),
        attachment_urls: z
          .array(z.url({ protocol: /^https?$/ }))
          .max(10)
          .optional()
          .describe('Up to 10 image URLs to attach'),
      }),
      output: z.object({
        conversation_id: z.string(),
        replied_as: z.enum(['contact', 'admin']),
        author_id: z.string(),
        part: partSchema.nullable().describe('The reply as a part of the conversation'),
        state: z.string().nullable(),
      }),
      annotations: adds,
      scopes: SCOPES.conversationsWrite,
      async run({ message, conversation_id, user_id, admin_id, message_type, attachment_urls }, intercom) {
        if (user_id && admin_id) {
          throw new ToolError(
            'Give user_id (reply as the contact) or admin_id (reply as an admin), not both.',
          );
        }
        const attachments = attachment_urls?.length ? { attachment_urls } : {};
        let target: string;
        let body: Record<string, unknown>;
        let author: string;
        if (user_id) {
          if (message_type === 'note')
            throw new ToolError('message_type: a note is written by an admin; give admin_id.');
          target = conversation_id ?? 'last';
          author = user_id;
          body = {
            message_type: 'comment',
            type: 'user',
            intercom_user_id: user_id,
            body: message,
            ...attachments,
          };
        } else {
          if (!conversation_id) {
            throw new ToolError(
              'conversation_id: needed for a reply from an admin (only a contact’s reply, with user_id, can go to their latest conversation).',
            );
          }
          target = conversation_id;
          author = await actingAdmin(intercom, admin_id);
          body = { message_type, type: 'admin', admin_id: author, body: message, ...attachments };
        }
        const ids = { Contact: user_id ?? '', Admin: author };
        const conversation = await intercom.reply(target, body, ids);
        const parts = conversation.conversation_parts?.conversation_parts ?? [];
        const last = parts.at(-1);
        return {
          conversation_id: String(conversation.id),
          replied_as: user_id ? ('contact' as const) : ('admin' as const),
          author_id: author,
          part: last ? toPart(last) : null,
          state: conversation.state ?? null,
        };
      },
    }),

    add_tags_to_conversation: intercomTool({
      description:
        'Tag a conversation (tags by id). Tagging is done as an admin: admin_id, default the admin the token ' +
        'belongs to. A tag already on the conversation stays as it is.',
      input: z.object({ conversation_id: numericId('conversation'), tag_ids: tagIds, admin_id: adminId }),
      output: z.object({
        conversation_id: z.string(),
        admin_id: z.string(),
        tags: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
      }),
      annotations: sets,
      scopes: SCOPES.conversationTags,
      async run({ conversation_id, tag_ids, admin_id }, intercom) {
        const admin = await actingAdmin(intercom, admin_id);
        const tags = await eachTag(tag_ids, 'tagged', (tag) =>
          intercom.attachTag(conversation_id, tag, admin),
        );
        return { conversation_id, admin_id: admin, tags };
      },
    }),

    remove_tags_from_conversation: intercomTool({
      description:
        'Remove tags (by id) from a conversation, as an admin: admin_id, default the admin the token belongs to.',
      input: z.object({ conversation_id: numericId('conversation'), tag_ids: tagIds, admin_id: adminId }),
      output: z.object({
        conversation_id: z.string(),
        admin_id: z.string(),
        removed: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
      }),
      annotations: overwrites,
      scopes: SCOPES.conversationTags,
      async run({ conversation_id, tag_ids, admin_id }, intercom) {
        const admin = await actingAdmin(intercom, admin_id);
        const removed = await eachTag(tag_ids, 'removed', (tag) =>
          intercom.detachTag(conversation_id, tag, admin),
        );
        return { conversation_id, admin_id: admin, removed };
      },
    }),
  };
}
