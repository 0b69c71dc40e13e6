import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { fromUri } from '../google-api.js';
import { getLabel, getMessages, listLabels, listMessageIds } from './api.js';
import { header } from './message.js';

/** Labels per resources/list page. Gmail lists every label in one answer, so pages are cut here. */
export const LABEL_PAGE_SIZE = 50;
/** Latest messages shown when a label is read. */
export const LABEL_MESSAGES = 10;

const labelUri = (id: string): string => `gmail://label/${encodeURIComponent(id)}`;

function offset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const value = Number(cursor);
  if (!Number.isInteger(value) || value < 0)
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid cursor');
  return value;
}

/** gmail://label/{label_id}: each label of the mailbox; reading one shows its counts and latest messages. */
export const labelResource: ResourceTemplateDef = {
  uriTemplate: 'gmail://label/{label_id}',
  name: 'label',
  title: 'Gmail label',
  description: 'A Gmail label (system or user) with its message counts and latest messages',
  mimeType: JSON_MIME,

  async list(ctx, cursor) {
    const start = offset(cursor);
    // Sorted so that pages cut from separate labels.list answers line up.
    const labels = (await listLabels(ctx)).sort((a, b) => a.name.localeCompare(b.name));
    const page = labels.slice(start, start + LABEL_PAGE_SIZE);
    const next = start + LABEL_PAGE_SIZE;
    return {
      resources: page.map((l) => ({
        uri: labelUri(l.id),
        name: l.name,
        description: `${l.type === 'system' ? 'System' : 'User'} label ${l.id}`,
        mimeType: JSON_MIME,
      })),
      ...(next < labels.length ? { nextCursor: String(next) } : {}),
    };
  },

  async read(uri, vars, ctx) {
    const id = fromUri(vars.label_id, 'label id');
    const label = await getLabel(ctx, id);
    const found = await listMessageIds(ctx, { labelId: id }, LABEL_MESSAGES);
    const messages = await getMessages(
      ctx,
      found.items.map((m) => m.id),
      'metadata',
      ['Subject', 'From', 'Date'],
    );
    const content = {
      label: {
        id: label.id,
        name: label.name,
        type: label.type,
        messagesTotal: label.messagesTotal ?? 0,
        messagesUnread: label.messagesUnread ?? 0,
      },
      messages: messages.map((m) => ({
        id: m.id,
        threadId: m.threadId,
        subject: header(m, 'Subject') ?? '',
        from: header(m, 'From') ?? '',
        date: header(m, 'Date') ?? '',
        snippet: m.snippet ?? '',
        unread: m.labelIds?.includes('UNREAD') ?? false,
      })),
    };
    return jsonContents(uri, content);
  },
};
