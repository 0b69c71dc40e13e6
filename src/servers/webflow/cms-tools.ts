import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ItemBody } from './api.js';
import { cmsLocaleId, collectionId, itemId, paging, siteId, type WebflowToolMaker } from './args.js';
import {
  collectionSchema,
  collectionSummarySchema,
  itemSchema,
  toCollection,
  toCollectionSummary,
  toItem,
  windowFields,
  windowOf,
} from './shapes.js';

/**
 * CMS items exist twice in Webflow: staged (the CMS as the Designer and Editor show it, drafts and
 * unpublished changes included) and live (what visitors see, under /items/live). guMCP's tools, and
 * so these, work on the staged items; each description says so.
 */
const STAGED =
  'Works on the staged item (the CMS as the Designer shows it), not the live site: visitors see the change ' +
  'only once the item or the site is published.';

const FIELD_TYPES = [
  'Color',
  'DateTime',
  'Email',
  'File',
  'Image',
  'Link',
  'MultiImage',
  'Number',
  'Phone',
  'PlainText',
  'RichText',
  'Switch',
  'VideoLink',
  'Option',
  'Reference',
  'MultiReference',
] as const;

/** A field of create_collection, in Webflow's shape; Option and Reference fields need their metadata. */
const fieldDefinition = z
  .looseObject({
    type: z.enum(FIELD_TYPES).describe('Field type'),
    displayName: z.string().trim().min(1).describe('Name shown in the Designer'),
    isRequired: z.boolean().optional(),
    helpText: z.string().optional(),
    metadata: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Option: { options: [{ name }] }; Reference and MultiReference: { collectionId }'),
  })
  .superRefine((f, ctx) => {
    const meta = f.metadata ?? {};
    if (f.type === 'Option' && !Array.isArray(meta.options)) {
      ctx.addIssue({
        code: 'custom',
        message: 'an Option field needs metadata.options, e.g. [{ "name": "Red" }]',
      });
    }
    if ((f.type === 'Reference' || f.type === 'MultiReference') && typeof meta.collectionId !== 'string') {
      ctx.addIssue({ code: 'custom', message: `a ${f.type} field needs metadata.collectionId` });
    }
  });

const fieldData = z
  .record(z.string(), z.unknown())
  .describe('Field values by field slug (get_collection lists the slugs), e.g. { "name": "…", "slug": "…" }');

const isArchived = z.boolean().optional().describe('Archive (true) or restore (false) the item');
const isDraft = z
  .boolean()
  .optional()
  .describe('Keep the item as a draft (true) or queue it for the next publish (false)');

/** An item of the bulk tools, in guMCP's snake_case names. */
const bulkItem = z.object({
  id: itemId,
  cms_locale_id: cmsLocaleId,
  is_archived: isArchived,
  is_draft: isDraft,
  field_data: fieldData.optional(),
});

/** A slug Webflow accepts, made from a name: "Déjà Vu, Part 2" -> "deja-vu-part-2". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 255);
  return slug || 'item';
}

const hasChanges = (b: ItemBody) =>
  b.isArchived !== undefined ||
  b.isDraft !== undefined ||
  (b.fieldData && Object.keys(b.fieldData).length > 0);

const itemBody = (i: {
  id?: string;
  cms_locale_id?: string;
  is_archived?: boolean;
  is_draft?: boolean;
  field_data?: Record<string, unknown>;
}): ItemBody => ({
  ...(i.id === undefined ? {} : { id: i.id }),
  ...(i.cms_locale_id === undefined ? {} : { cmsLocaleId: i.cms_locale_id }),
  ...(i.is_archived === undefined ? {} : { isArchived: i.is_archived }),
  ...(i.is_draft === undefined ? {} : { isDraft: i.is_draft }),
  ...(i.field_data === undefined ? {} : { fieldData: i.field_data }),
});

const SORT_BY = ['createdOn', 'lastPublished', 'lastUpdated', 'name', 'slug'] as const;

export function cmsTools(webflowTool: WebflowToolMaker): Record<string, AnyToolDef> {
  return {
    // Collections

    list_collections: webflowTool({
      description: 'List the CMS collections of a Webflow site.',
      input: z.object({ site_id: siteId }),
      output: z.object({
        site_id: z.string(),
        count: z.number().int(),
        collections: z.array(collectionSummarySchema),
      }),
      annotations: reads,
      scope: 'cms:read',
      async run({ site_id }, webflow) {
        const collections = await webflow.listCollections(site_id);
        return { site_id, count: collections.length, collections: collections.map(toCollectionSummary) };
      },
    }),

    get_collection: webflowTool({
      description:
        'Get a CMS collection with its fields: slug (the key in field_data), type, required, validations.',
      input: z.object({ collection_id: collectionId }),
      output: collectionSchema,
      annotations: reads,
      scope: 'cms:read',
      async run({ collection_id }, webflow) {
        return toCollection(await webflow.getCollection(collection_id));
      },
    }),

    delete_collection: webflowTool({
      description: 'Delete a CMS collection and all its items, staged and live.',
      input: z.object({ collection_id: collectionId }),
      output: z.object({ deleted: z.boolean(), collection_id: z.string() }),
      annotations: overwrites,
      scope: 'cms:write',
      async run({ collection_id }, webflow) {
        await webflow.deleteCollection(collection_id);
        return { deleted: true, collection_id };
      },
    }),

    create_collection: webflowTool({
      description:
        'Create a CMS collection on a site. Webflow adds the name and slug fields itself; `fields` adds others.',
      input: z.object({
        site_id: siteId,
        displayName: z
          .string()
          .trim()
          .min(1)
          .describe('Name of the collection (distinct on the site), e.g. Blog Posts'),
        singularName: z.string().trim().min(1).describe('Name of one item, e.g. Blog Post'),
        slug: z
          .string()
          .trim()
          .regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and hyphens')
          .optional()
          .describe('URL part of the collection (default from displayName)'),
        fields: z
          .array(fieldDefinition)
          .optional()
          .describe('Custom fields: [{ type, displayName, isRequired?, helpText?, metadata? }]'),
      }),
      output: collectionSchema,
      annotations: adds,
      scope: 'cms:write',
      async run({ site_id, displayName, singularName, slug, fields }, webflow) {
        return toCollection(
          await webflow.createCollection(site_id, { displayName, singularName, slug, fields }),
        );
      },
    }),

    // Staged items

    list_collection_items_staging: webflowTool({
      description:
        'List the staged items of a collection: the CMS as the Designer shows it, drafts and unpublished changes ' +
        'included, which may differ from the live site (lastPublished says when an item last went live).',
      input: z.object({
        collection_id: collectionId,
        cms_locale_id: cmsLocaleId,
        ...paging,
        name: z.string().optional().describe('Only items with exactly this name'),
        slug: z.string().optional().describe('Only the item with exactly this slug'),
        last_published: z
          .object({
            gte: z.iso.datetime({ offset: true }).optional().describe('Published at or after (ISO 8601)'),
            lte: z.iso.datetime({ offset: true }).optional().describe('Published at or before (ISO 8601)'),
          })
          .optional()
          .describe('Only items last published in this range: { gte?, lte? }'),
        sort_by: z.enum(SORT_BY).optional().describe('Sort by this property'),
        sort_order: z.enum(['asc', 'desc']).optional().describe('Sort order (with sort_by)'),
      }),
      output: z.object({ ...windowFields, items: z.array(itemSchema) }),
      annotations: reads,
      scope: 'cms:read',
      async run(
        { collection_id, cms_locale_id, offset, limit, name, slug, last_published, sort_by, sort_order },
        webflow,
      ) {
        // lastPublished is a deepObject parameter: lastPublished[gte]=…&lastPublished[lte]=…
        const filters = {
          cmsLocaleId: cms_locale_id,
          name,
          slug,
          'lastPublished[gte]': last_published?.gte,
          'lastPublished[lte]': last_published?.lte,
          sortBy: sort_by,
          sortOrder: sort_order,
        };
        return windowOf(await webflow.listItems(collection_id, filters, offset, limit), toItem);
      },
    }),

    get_collection_item_staging: webflowTool({
      description:
        'Get one staged item of a collection (drafts and unpublished changes included, not the live item).',
      input: z.object({ collection_id: collectionId, item_id: itemId, cms_locale_id: cmsLocaleId }),
      output: itemSchema,
      annotations: reads,
      scope: 'cms:read',
      async run({ collection_id, item_id, cms_locale_id }, webflow) {
        return toItem(await webflow.getItem(collection_id, item_id, cms_locale_id));
      },
    }),

    update_collection_item_staging: webflowTool({
      description: `Change the fields or flags of one staged item; fields not given keep their values. ${STAGED}`,
      input: z.object({
        collection_id: collectionId,
        item_id: itemId,
        cms_locale_id: cmsLocaleId,
        is_archived: isArchived,
        is_draft: isDraft,
        field_data: fieldData.optional(),
      }),
      output: itemSchema,
      annotations: overwrites,
      scope: 'cms:write',
      async run({ collection_id, item_id, ...changes }, webflow) {
        const body = itemBody(changes);
        if (!hasChanges(body))
          throw new ToolError('Give at least one of field_data, is_archived or is_draft to change.');
        return toItem(await webflow.updateItem(collection_id, item_id, body));
      },
    }),

    update_collection_items_staging: webflowTool({
      description: `Change up to 100 staged items at once, each by id; fields not given keep their values. ${STAGED}`,
      input: z.object({
        collection_id: collectionId,
        items: z
          .array(bulkItem)
          .min(1)
          .max(100)
          .describe(
            'Items to change: [{ id, field_data?, is_archived?, is_draft?, cms_locale_id? }] (100 at most)',
          ),
      }),
      output: z.object({ count: z.number().int(), items: z.array(itemSchema) }),
      annotations: overwrites,
      scope: 'cms:write',
      async run({ collection_id, items }, webflow) {
        const bodies = items.map(itemBody);
        const idle = bodies.find((b) => !hasChanges(b));
        if (idle)
          throw new ToolError(
            `items: item ${idle.id} has nothing to change (field_data, is_archived, is_draft).`,
          );
        const updated = await webflow.updateItems(collection_id, bodies);
        return { count: updated.length, items: updated.map(toItem) };
      },
    }),

    create_collection_item_staging: webflowTool({
      description:
        'Create a staged item in a collection (a draft unless is_draft is false, when it is queued for the next ' +
        'publish). field_data needs a name; a slug is made from it when none is given.',
      input: z.object({
        collection_id: collectionId,
        is_archived: isArchived,
        is_draft: isDraft,
        field_data: fieldData.refine(
          (fd) => typeof fd.name === 'string' && fd.name.trim() !== '',
          'must hold a non-empty name',
        ),
      }),
      output: itemSchema,
      annotations: adds,
      scope: 'cms:write',
      async run({ collection_id, is_archived, is_draft, field_data }, webflow) {
        const slug =
          typeof field_data.slug === 'string' && field_data.slug
            ? field_data.slug
            : slugify(String(field_data.name));
        const body = itemBody({ is_archived, is_draft, field_data: { ...field_data, slug } });
        return toItem(await webflow.createItem(collection_id, body));
      },
    }),

    delete_collection_item_staging: webflowTool({
      description:
        'Delete one item from the staged collection (the CMS as the Designer shows it). Taking an item off the ' +
        'live site is a separate unpublish in Webflow, which no tool here does.',
      input: z.object({ collection_id: collectionId, item_id: itemId, cms_locale_id: cmsLocaleId }),
      output: z.object({ deleted: z.boolean(), collection_id: z.string(), item_id: z.string() }),
      annotations: overwrites,
      scope: 'cms:write',
      async run({ collection_id, item_id, cms_locale_id }, webflow) {
        await webflow.deleteItem(collection_id, item_id, cms_locale_id);
        return { deleted: true, collection_id, item_id };
      },
    }),

    delete_collection_items_staging: webflowTool({
      description:
        'Delete several items from the staged collection, each in one locale or in all (cms_locale_id left out: ' +
        'the primary). Taking items off the live site is a separate unpublish in Webflow.',
      input: z.object({
        collection_id: collectionId,
        items: z
          .array(
            z.object({
              id: itemId,
              cms_locale_id: cmsLocaleId,
              cms_locale_ids: z
                .array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a CMS locale id'))
                .optional()
                .describe('Several CMS locales to delete the item in'),
            }),
          )
          .min(1)
          .max(100)
          .describe('Items to delete: [{ id, cms_locale_id? }] (100 at most)'),
      }),
      output: z.object({
        deleted: z.number().int(),
        collection_id: z.string(),
        item_ids: z.array(z.string()),
      }),
      annotations: overwrites,
      scope: 'cms:write',
      async run({ collection_id, items }, webflow) {
        // Webflow's body names the locales `cmsLocaleIds`, a list.
        const body = items.map(({ id, cms_locale_id, cms_locale_ids }) => {
          const locales = [...(cms_locale_ids ?? []), ...(cms_locale_id ? cms_locale_id.split(',') : [])];
          return locales.length ? { id, cmsLocaleIds: [...new Set(locales)] } : { id };
        });
        await webflow.deleteItems(collection_id, body);
        return { deleted: items.length, collection_id, item_ids: items.map((i) => i.id) };
      },
    }),
  };
}
