import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import { toDesign } from './shapes.js';

/** Designs listed per resources/list page (Canva's largest page). */
const PAGE = 100;

/**
 * guMCP's `canva://design/{design_id}` resources: the user's designs, most recently changed first,
 * Canva's continuation token being the cursor; reading one gives its metadata as JSON.
 */
export function canvaResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'canva://design/{design_id}',
      name: 'designs',
      title: 'Canva designs',
      description: "The user's designs, most recently changed first; reading one gives its metadata",
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = await connect(ctx, 'design:meta:read').listDesigns({
          sort_by: 'modified_descending',
          limit: PAGE,
          ...(cursor ? { continuation: cursor } : {}),
        });
        const resources: Resource[] = page.items.map((d) => ({
          uri: `canva://design/${encodeURIComponent(d.id)}`,
          name: d.title || d.id,
          description: `Canva design: ${d.title || d.id}`,
          mimeType: JSON_MIME,
        }));
        return {
          resources,
          ...(page.continuation && page.items.length ? { nextCursor: page.continuation } : {}),
        };
      },
      async read(uri, { design_id = '' }, ctx) {
        const id = decodeURIComponent(design_id);
        if (!/^[a-zA-Z0-9_-]{1,50}$/.test(id)) throw new ToolError(`Invalid Canva design id in ${uri}`);
        return jsonContents(uri, toDesign(await connect(ctx, 'design:meta:read').design(id)));
      },
    },
  ];
}
