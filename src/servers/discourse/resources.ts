import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import { toCategory, toPost, toTopic } from './shapes.js';

const categoryUri = (id: number) => `discourse://category/${id}`;
const topicUri = (id: number) => `discourse://topic/${id}`;

function idFrom(value: string | undefined, what: string): string {
  if (!value || !/^\d+$/.test(value)) throw new ToolError(`Invalid ${what} id in the resource URI: ${value}`);
  return value;
}

/** The page number in a `more_topics_url` (e.g. `/latest?page=1`), or undefined. */
function nextPage(url: string | undefined): number | undefined {
  if (!url) return undefined;
  const page = Number(new URL(url, 'https://forum.invalid/').searchParams.get('page'));
  return Number.isInteger(page) && page > 0 ? page : undefined;
}

/**
 * guMCP's URIs: discourse://category/{id} for each category the user can see, discourse://topic/{id}
 * for the latest topics (a page of Discourse's /latest per resources/list page, its page number the
 * cursor). Reading a category gives it; reading a topic gives it with its first posts as text.
 */
export function discourseResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'discourse://category/{category_id}',
      name: 'categories',
      title: 'Discourse categories',
      description: 'A category of the forum',
      mimeType: JSON_MIME,
      async list(ctx) {
        const answer = await connect(ctx, 'global:read').categories(false);
        return {
          resources: (answer.category_list?.categories ?? []).map((c) => ({
            uri: categoryUri(c.id),
            name: c.name,
            ...(c.description_text ? { description: c.description_text } : {}),
            mimeType: JSON_MIME,
          })),
        };
      },
      async read(uri, vars, ctx) {
        const dc = connect(ctx, 'global:read');
        const [{ category }, site] = await Promise.all([
          dc.category(idFrom(vars.category_id, 'category')),
          dc.site(),
        ]);
        return jsonContents(uri, toCategory(site, category));
      },
    },
    {
      uriTemplate: 'discourse://topic/{topic_id}',
      name: 'topics',
      title: 'Discourse topics',
      description: 'A topic of the forum with its first posts (the latest topics are listed)',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = cursor === undefined ? 0 : Number(cursor);
        if (!Number.isInteger(page) || page < 0) throw new ToolError(`Invalid cursor: ${cursor}`);
        const answer = await connect(ctx, 'global:read').latest(page);
        const next = nextPage(answer.topic_list?.more_topics_url);
        return {
          resources: (answer.topic_list?.topics ?? []).map((t) => ({
            uri: topicUri(t.id),
            name: t.title,
            mimeType: JSON_MIME,
          })),
          ...(next !== undefined && next > page ? { nextCursor: String(next) } : {}),
        };
      },
      async read(uri, vars, ctx) {
        const dc = connect(ctx, 'global:read');
        const [topic, site] = await Promise.all([dc.topic(idFrom(vars.topic_id, 'topic')), dc.site()]);
        const posts = topic.post_stream?.posts ?? [];
        return jsonContents(uri, {
          topic: toTopic(site, topic),
          posts: posts.map(toPost),
          more_posts: (topic.post_stream?.stream?.length ?? posts.length) > posts.length,
        });
      },
    },
  ];
}
