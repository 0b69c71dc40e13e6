import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import { numericId } from './ids.js';
import { toShop } from './shapes.js';

const SCOPES = ['read_products'] as const;

/**
 * guMCP's shopify://shop/{shop_id}: the connected shop, one resource (a token reaches one shop), named by
 * the number of its global id. Reading it gives the shop's details, as get_shop_details does.
 */
export function shopifyResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'shopify://shop/{shop_id}',
      name: 'shop',
      title: 'Shopify shop',
      description: 'The connected shop: name, domains, currency, time zone and plan',
      mimeType: JSON_MIME,
      async list(ctx) {
        const shop = await connect(ctx, SCOPES).shop();
        return {
          resources: [
            {
              uri: `shopify://shop/${numericId(shop.id)}`,
              name: shop.name,
              description: `Shopify shop ${shop.name} (${shop.myshopifyDomain})`,
              mimeType: JSON_MIME,
            },
          ],
        };
      },
      async read(uri, vars, ctx) {
        const id = decodeURIComponent(vars.shop_id ?? '');
        if (!/^\d+$/.test(id) && !/^gid:\/\/shopify\/Shop\/\d+$/.test(id)) {
          throw new ToolError(`Invalid shop id in the resource URI: ${id.slice(0, 80)}`);
        }
        const shop = await connect(ctx, SCOPES).shop();
        // The token reaches one shop; another shop's id is not this one.
        if (numericId(shop.id) !== numericId(id)) throw new NotFoundError('Shop', id);
        return jsonContents(uri, toShop(shop));
      },
    },
  ];
}
