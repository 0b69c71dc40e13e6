import { z } from 'zod';
import { adds } from '../../core/annotations.js';
import { type AnyToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, PageKind } from './api.js';

// Arguments shared by the two tools.

const url = (what: string) =>
  z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' }).describe(what);

const measurement = z.object({
  quantity: z.number().positive().describe('Amount, e.g. 2 or 0.5'),
  unit: z
    .string()
    .trim()
    .min(1)
    .describe('Unit of measurement as Instacart lists them, e.g. each, cup, oz, lb, g, tbsp'),
});

/** An item as guMCP took it (name, quantity, unit, display_text), with Instacart's further options. */
const item = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .describe('Product name only, e.g. "whole milk" (Instacart matches products by it)'),
  quantity: z.number().positive().optional().describe('Quantity (default 1 when a unit is given)'),
  unit: z.string().trim().min(1).optional().describe('Unit of the quantity (default "each")'),
  display_text: z.string().trim().min(1).optional().describe('Text shown instead of the name'),
  measurements: z
    .array(measurement)
    .min(1)
    .optional()
    .describe('Several equivalent measurements (e.g. 1 cup and 16 tbsp), instead of quantity and unit'),
  upcs: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{6,14}$/, 'must be a UPC (digits)'),
    )
    .optional()
    .describe('UPCs to match first, in order of preference'),
  brand_filters: z.array(z.string().trim().min(1)).optional().describe('Only products of these brands'),
  health_filters: z
    .array(z.string().trim().min(1))
    .optional()
    .describe('Only products with these health labels, e.g. ORGANIC, GLUTEN_FREE, VEGAN'),
});

type Item = z.output<typeof item>;

/** guMCP took a list of steps; a single text is taken as one step. */
const instructions = (what: string) =>
  z
    .union([z.array(z.string().trim().min(1)), z.string().trim().min(1)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .describe(what);

const expiresIn = z
  .number()
  .int()
  .min(1)
  .max(365)
  .optional()
  .describe('Days until the link expires (1-365; Instacart defaults to 30 for recipes, none for lists)');

/**
 * An item in Instacart's shape. Its measurements go under `field` (`line_item_measurements` for a
 * shopping list, `measurements` for a recipe); guMCP's quantity and unit become one measurement.
 */
function itemBody(it: Item, index: number, list: string, field: string): Record<string, unknown> {
  if (it.measurements && (it.quantity !== undefined || it.unit !== undefined)) {
    throw new ToolError(
      `${list}[${index}]: give either quantity and unit or measurements, not both (item "${it.name}")`,
    );
  }
  const measured =
    it.measurements ??
    (it.quantity !== undefined || it.unit !== undefined
      ? [{ quantity: it.quantity ?? 1, unit: it.unit ?? 'each' }]
      : undefined);
  const filters = {
    ...(it.brand_filters?.length ? { brand_filters: it.brand_filters } : {}),
    ...(it.health_filters?.length ? { health_filters: it.health_filters } : {}),
  };
  return {
    name: it.name,
    ...(it.display_text ? { display_text: it.display_text } : {}),
    ...(measured ? { [field]: measured } : {}),
    ...(it.upcs?.length ? { upcs: it.upcs } : {}),
    ...(Object.keys(filters).length ? { filters } : {}),
  };
}

const pageOutput = z.object({
  products_link_url: z.string().describe('The hosted Instacart page: share or open it to shop the items'),
  title: z.string(),
  items: z.number().int().describe('Items on the page'),
  environment: z
    .enum(['production', 'development'])
    .describe('The Instacart host that made the page (development pages are for testing)'),
  message: z.string(),
});

const LABELS: Readonly<Record<PageKind, string>> = { shopping_list: 'shopping list', recipe: 'recipe' };

export function instacartTools(connect: ApiFactory): Record<string, AnyToolDef> {
  /** Creates the page and says what was made, and where. */
  const create = async (
    kind: PageKind,
    ctx: Parameters<ApiFactory>[0],
    title: string,
    count: number,
    body: Record<string, unknown>,
  ) => {
    const page = await connect(ctx).createPage(kind, body);
    const dev = page.environment === 'development' ? ' on the development host (for testing)' : '';
    return {
      products_link_url: page.products_link_url,
      title,
      items: count,
      environment: page.environment,
      message:
        `Created an Instacart ${LABELS[kind]} page "${title}" with ${count} item${count === 1 ? '' : 's'}${dev}: ` +
        `${page.products_link_url}. Each call makes a new page, so reuse this link rather than creating it again.`,
    };
  };

  return {
    create_shopping_list: tool({
      description:
        'Create a shopping list page on Instacart and get its link: whoever opens it picks a store, adds the ' +
        'items to a cart and checks out. Nothing is ordered or sent; each call makes a new page.',
      input: z.object({
        title: z.string().trim().min(1).describe('Title of the shopping list'),
        image_url: url('Image shown on the page (500x500 pixels)').optional(),
        instructions: instructions('Notes shown on the page, one entry per paragraph'),
        line_items: z.array(item).min(1).describe('The products, at least one; each needs a name'),
        partner_linkback_url: url('A link back to your site, shown on the page').optional(),
        expires_in: expiresIn,
      }),
      output: pageOutput,
      annotations: adds,
      handler: (a, ctx) =>
        create('shopping_list', ctx, a.title, a.line_items.length, {
          title: a.title,
          link_type: 'shopping_list',
          ...(a.image_url ? { image_url: a.image_url } : {}),
          ...(a.instructions?.length ? { instructions: a.instructions } : {}),
          line_items: a.line_items.map((it, i) => itemBody(it, i, 'line_items', 'line_item_measurements')),
          ...(a.expires_in ? { expires_in: a.expires_in } : {}),
          ...(a.partner_linkback_url
            ? { landing_page_configuration: { partner_linkback_url: a.partner_linkback_url } }
            : {}),
        }),
    }),

    create_recipe: tool({
      description:
        'Create a recipe page on Instacart and get its link: it lists the ingredients to buy, with the steps. ' +
        'Nothing is ordered or sent; each call makes a new page.',
      input: z.object({
        title: z.string().trim().min(1).describe('Title of the recipe'),
        image_url: url('Image shown on the page (500x500 pixels)').optional(),
        author: z.string().trim().min(1).optional().describe('Author of the recipe'),
        servings: z.number().int().min(1).optional().describe('Servings the recipe makes'),
        cooking_time: z.number().int().min(1).optional().describe('Cooking time in minutes'),
        instructions: instructions('The steps of the recipe, in order'),
        ingredients: z.array(item).min(1).describe('The ingredients, at least one; each needs a name'),
        partner_linkback_url: url('A link back to your site, shown on the page').optional(),
        enable_pantry_items: z
          .boolean()
          .optional()
          .describe('Let shoppers leave out items they may already have (salt, oil, ...)'),
        expires_in: expiresIn,
      }),
      output: pageOutput,
      annotations: adds,
      handler: (a, ctx) => {
        const landing = {
          ...(a.partner_linkback_url ? { partner_linkback_url: a.partner_linkback_url } : {}),
          ...(a.enable_pantry_items !== undefined ? { enable_pantry_items: a.enable_pantry_items } : {}),
        };
        return create('recipe', ctx, a.title, a.ingredients.length, {
          title: a.title,
          ...(a.image_url ? { image_url: a.image_url } : {}),
          ...(a.author ? { author: a.author } : {}),
          ...(a.servings ? { servings: a.servings } : {}),
          ...(a.cooking_time ? { cooking_time: a.cooking_time } : {}),
          ...(a.instructions?.length ? { instructions: a.instructions } : {}),
          ingredients: a.ingredients.map((it, i) => itemBody(it, i, 'ingredients', 'measurements')),
          ...(a.expires_in ? { expires_in: a.expires_in } : {}),
          ...(Object.keys(landing).length ? { landing_page_configuration: landing } : {}),
        });
      },
    }),
  };
}
