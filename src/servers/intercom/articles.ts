import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { type IntercomTool, maxResults, numericId, SCOPES } from './define.js';
import { articleSchema, fullArticleSchema, parentsOf, toArticle, toFullArticle } from './shapes.js';
import type { IcArticle } from './types.js';

/** Articles are listed 50 a page; a collection's articles are looked for in at most this many pages. */
const ARTICLE_PAGE = 50;
const MAX_ARTICLE_PAGES = 20;

/** Help Center articles. */
export function articleTools(intercomTool: IntercomTool): Record<string, AnyToolDef> {
  return {
    list_articles: intercomTool({
      description:
        'List Help Center articles, most recently updated first (without their bodies: retrieve_article has ' +
        'them), optionally only those in a collection or section. Up to max_results; a collection is looked ' +
        'for among the latest 1000 articles.',
      input: z.object({
        collection_id: numericId('collection or section')
          .optional()
          .describe('Only articles in this collection or section'),
        max_results: maxResults('articles', 50, 500),
      }),
      output: z.object({
        collection_id: z.string().nullable(),
        count: z.number().int(),
        total_count: z.number().int().nullable().describe('How many articles the workspace has'),
        articles: z.array(articleSchema),
        complete: z.boolean().describe('False when there are more articles than were looked through'),
      }),
      annotations: reads,
      scopes: SCOPES.articlesRead,
      async run({ collection_id, max_results }, intercom) {
        const found: IcArticle[] = [];
        let total: number | null = null;
        let complete = false;
        const pages = collection_id ? MAX_ARTICLE_PAGES : Math.ceil(max_results / ARTICLE_PAGE);
        for (let page = 1; page <= pages && found.length < max_results; page++) {
          const list = await intercom.listArticlesPage(page, ARTICLE_PAGE);
          const items = list.data ?? [];
          total ??= list.total_count ?? null;
          found.push(...(collection_id ? items.filter((a) => parentsOf(a).includes(collection_id)) : items));
          if (items.length === 0 || page >= (list.pages?.total_pages ?? page)) {
            complete = true;
            break;
          }
        }
        if (found.length > max_results) complete = false;
        const articles = found.slice(0, max_results).map(toArticle);
        return {
          collection_id: collection_id ?? null,
          count: articles.length,
          total_count: total,
          articles,
          complete,
        };
      },
    }),

    retrieve_article: intercomTool({
      description: 'Get a Help Center article with its body (HTML).',
      input: z.object({ id: numericId('article') }),
      output: fullArticleSchema,
      annotations: reads,
      scopes: SCOPES.articlesRead,
      async run({ id }, intercom) {
        return toFullArticle(await intercom.getArticle(id));
      },
    }),

    create_article: intercomTool({
      description:
        'Create a Help Center article (a draft unless state is published), optionally in a collection. Each ' +
        'call creates another article.',
      input: z.object({
        title: z.string().trim().min(1).max(255).describe('Title of the article'),
        body: z.string().min(1).describe('Content of the article, in HTML'),
        author_id: numericId('admin').describe('The admin who is the author (see list_admins)'),
        collection_id: numericId('collection').optional().describe('The collection to put the article in'),
        state: z.enum(['draft', 'published']).default('draft').describe('draft (default) or published'),
      }),
      output: fullArticleSchema,
      annotations: adds,
      scopes: SCOPES.articlesWrite,
      async run({ title, body, author_id, collection_id, state }, intercom) {
        const article = {
          title,
          body,
          author_id: Number(author_id),
          state,
          ...(collection_id ? { parent_id: Number(collection_id), parent_type: 'collection' } : {}),
        };
        return toFullArticle(
          await intercom.createArticle(article, {
            title: 'title',
            body: 'body',
            author_id: 'author_id',
            state: 'state',
            parent_id: 'collection_id',
          }),
        );
      },
    }),
  };
}
