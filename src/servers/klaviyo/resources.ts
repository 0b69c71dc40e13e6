import type { Resource as McpResource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import { CAMPAIGNS_READ, flat, flatRelated } from './tools/common.js';

/** Campaigns a resources/list page lists: one page of Klaviyo's, of one channel. */
export const RESOURCES_PER_PAGE = 50;

/** Klaviyo lists campaigns one channel at a time; resources/list walks them in this order. */
const CHANNELS = ['email', 'sms', 'mobile_push'] as const;

/** Where a listing continues: the channel and Klaviyo's page cursor within it. */
interface Position {
  channel: number;
  page?: string;
}

const encodeCursor = (p: Position) => Buffer.from(JSON.stringify(p)).toString('base64url');

function decodeCursor(cursor: string | undefined): Position {
  if (cursor === undefined) return { channel: 0 };
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Position;
    if (Number.isInteger(p.channel) && p.channel >= 0 && p.channel < CHANNELS.length) {
      if (p.page === undefined || typeof p.page === 'string') return p;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new ToolError('Invalid cursor for Klaviyo campaigns; list again from the start');
}

/** The id in a resource URI: Klaviyo's id characters only, so it cannot step out of the URL path. */
function idOf(value: string | undefined): string {
  const id = decodeURIComponent(value ?? '');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw new ToolError(`Invalid campaign id in the resource URI: ${value}`);
  return id;
}

/** klaviyo://campaign/{campaign_id}: campaigns of every channel, listed by name; read with their messages. */
export function klaviyoResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'klaviyo://campaign/{campaign_id}',
      name: 'campaign',
      title: 'Klaviyo campaigns',
      description: 'A Klaviyo campaign (email, SMS or push) with its audiences, send strategy and messages',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        let position = decodeCursor(cursor);
        const klaviyo = connect(ctx, [CAMPAIGNS_READ]);
        for (;;) {
          const channel = CHANNELS[position.channel] ?? 'email';
          const walk = await klaviyo.campaigns(
            {
              filter: `equals(messages.channel,'${channel}')`,
              'fields[campaign]': 'name,status,created_at',
              'page[size]': RESOURCES_PER_PAGE,
              'page[cursor]': position.page,
            },
            1,
          );
          const resources: McpResource[] = walk.items.map((c) => {
            const a = c.attributes ?? {};
            return {
              uri: `klaviyo://campaign/${encodeURIComponent(c.id)}`,
              name: typeof a.name === 'string' && a.name ? a.name : `Campaign ${c.id}`,
              description: `Klaviyo ${channel} campaign (${String(a.status ?? 'unknown status')}, created ${String(a.created_at ?? 'unknown')})`,
              mimeType: JSON_MIME,
            };
          });
          const next: Position | undefined = walk.next_cursor
            ? { channel: position.channel, page: walk.next_cursor }
            : position.channel + 1 < CHANNELS.length
              ? { channel: position.channel + 1 }
              : undefined;
          // An empty channel is skipped rather than answered as an empty page.
          if (!resources.length && next) {
            position = next;
            continue;
          }
          return { resources, ...(next ? { nextCursor: encodeCursor(next) } : {}) };
        }
      },
      async read(uri, vars, ctx) {
        const id = idOf(vars.campaign_id);
        const doc = await connect(ctx, [CAMPAIGNS_READ]).campaign(id, { include: 'campaign-messages' });
        return jsonContents(uri, {
          campaign: flat(doc.data),
          messages: (doc.included ?? []).filter((r) => r.type === 'campaign-message').map(flatRelated),
        });
      },
    },
  ];
}
