import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import { GraphQLClient, type GraphQLOptions } from '../../upstream/graphql.js';
import { classify, costWait, httpError, type Subject, throttleWait, type UserError } from './errors.js';
import * as Q from './queries.js';
import { apiRoot, shopOf } from './shop.js';
import type {
  SfAdjustmentGroup,
  SfInventoryItem,
  SfLevel,
  SfPageInfo,
  SfProduct,
  SfShop,
  SfVariantWithItem,
} from './types.js';

/**
 * Timing knobs of the GraphQL client. Production uses its defaults; tests pass tiny values through
 * `createShopifyServer(tuning)` so retries and throttle waits cost milliseconds.
 */
export type ClientTuning = Pick<
  GraphQLOptions,
  | 'timeoutMs'
  | 'retries'
  | 'backoffMs'
  | 'maxRetryAfterMs'
  | 'sleep'
  | 'throttleRetries'
  | 'maxThrottleWaitMs'
>;

/** How a GraphQL call may be repeated. */
type Kind =
  /** A query: repeated after a timeout or 5xx. */
  | 'read'
  /** A mutation that creates or deletes: never repeated after a timeout or 5xx, where it may have run. */
  | 'write'
  /** A mutation that sets a value, or carries an idempotency key: repeating it changes nothing more. */
  | 'safe-write';

function tokenOf(credentials: Readonly<Credentials>): string {
  const token = credentials.access_token;
  if (typeof token !== 'string' || !token) {
    throw new AuthRequiredError('shopify', 'the stored credentials hold no access token');
  }
  return token;
}

/**
 * The GraphQL Admin API calls, one method per operation, through the shared GraphQL client at
 * https://{shop}/admin/api/2026-10/graphql.json. The token goes in `X-Shopify-Access-Token` and is read
 * anew for every request, so a refreshed token is used from the next request on. `scopes` are the
 * calling tool's, named when Shopify denies access.
 */
export class ShopifyApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #scopes: readonly string[];
  readonly #tuning: ClientTuning;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
    scopes: readonly string[],
    tuning: ClientTuning = {},
  ) {
    this.#ctx = ctx;
    this.#scopes = scopes;
    this.#tuning = tuning;
  }

  async #call<T>(query: string, variables: Record<string, unknown>, kind: Kind): Promise<T> {
    const credentials = await this.#ctx.credentials();
    tokenOf(credentials);
    const subject: Subject = { shop: shopOf(credentials), scopes: this.#scopes, mutation: kind === 'write' };
    const client = new GraphQLClient({
      service: 'Shopify',
      serverId: 'shopify',
      baseUrl: apiRoot(credentials),
      path: 'graphql.json',
      log: this.#ctx.log,
      auth: async () => ({ 'x-shopify-access-token': tokenOf(await this.#ctx.credentials()) }),
      // THROTTLED: wait until the cost bucket holds what the query asks for, then send it again.
      throttled: (errors, body) => throttleWait(errors, body),
      classify: (errors, status) => classify(errors, status, subject),
      // Bodies that are not GraphQL (`{"errors": "Not Found"}`, an HTML page).
      mapError: (status, body) => httpError(status, body, subject),
      retryDelay: (status, _headers, body) => (status === 429 ? costWait(body) : undefined),
      ...this.#tuning,
    });
    return client.request<T>(query, variables, {
      signal: this.#ctx.signal,
      ...(kind === 'write' ? { mutation: true } : {}),
    });
  }

  async shop(): Promise<SfShop> {
    return (await this.#call<{ shop: SfShop }>(Q.SHOP, {}, 'read')).shop;
  }

  async productsPage(
    variables: Record<string, unknown>,
  ): Promise<{ nodes: SfProduct[]; pageInfo: SfPageInfo }> {
    const data = await this.#call<{ products: { nodes: SfProduct[]; pageInfo: SfPageInfo } }>(
      Q.PRODUCTS,
      variables,
      'read',
    );
    return data.products;
  }

  async product(id: string): Promise<SfProduct | null> {
    return (await this.#call<{ product: SfProduct | null }>(Q.PRODUCT, { id }, 'read')).product;
  }

  async productExists(id: string): Promise<boolean> {
    return (
      (await this.#call<{ product: { id: string } | null }>(Q.PRODUCT_EXISTS, { id }, 'read')).product !==
      null
    );
  }

  /** The newest products matching a search (Shopify's search syntax), newest first. */
  async recentProducts(query: string): Promise<SfProduct[]> {
    return (await this.#call<{ products: { nodes: SfProduct[] } }>(Q.RECENT_PRODUCTS, { query }, 'read'))
      .products.nodes;
  }

  /** productCreate has no idempotency key, so it is sent once: never again after a timeout or 5xx. */
  async createProduct(
    product: Record<string, unknown>,
  ): Promise<{ product: SfProduct | null; userErrors: UserError[] }> {
    return (
      await this.#call<{ productCreate: { product: SfProduct | null; userErrors: UserError[] } }>(
        Q.PRODUCT_CREATE,
        { product },
        'write',
      )
    ).productCreate;
  }

  /** Sent once: a repeat after a lost answer would say the product does not exist, hiding the deletion. */
  async deleteProduct(id: string): Promise<{ deletedProductId: string | null; userErrors: UserError[] }> {
    return (
      await this.#call<{ productDelete: { deletedProductId: string | null; userErrors: UserError[] } }>(
        Q.PRODUCT_DELETE,
        { input: { id } },
        'write',
      )
    ).productDelete;
  }

  async inventoryItem(id: string, first: number, after?: string): Promise<SfInventoryItem | null> {
    return (
      await this.#call<{ inventoryItem: SfInventoryItem | null }>(
        Q.INVENTORY_ITEM,
        { id, first, ...(after ? { after } : {}) },
        'read',
      )
    ).inventoryItem;
  }

  async inventoryItemAt(id: string, locationId: string): Promise<SfInventoryItem | null> {
    return (
      await this.#call<{ inventoryItem: SfInventoryItem | null }>(
        Q.INVENTORY_ITEM_AT,
        { id, locationId },
        'read',
      )
    ).inventoryItem;
  }

  async inventoryLevel(id: string): Promise<SfLevel | null> {
    return (await this.#call<{ inventoryLevel: SfLevel | null }>(Q.INVENTORY_LEVEL, { id }, 'read'))
      .inventoryLevel;
  }

  /**
   * Adjusts quantities with an idempotency key: the client's retries after a timeout or 5xx resend the
   * same key, and Shopify applies the change once.
   */
  async adjustQuantities(
    input: Record<string, unknown>,
    key: string,
  ): Promise<{ inventoryAdjustmentGroup: SfAdjustmentGroup | null; userErrors: UserError[] }> {
    return (
      await this.#call<{
        inventoryAdjustQuantities: {
          inventoryAdjustmentGroup: SfAdjustmentGroup | null;
          userErrors: UserError[];
        };
      }>(Q.INVENTORY_ADJUST, { input, key }, 'safe-write')
    ).inventoryAdjustQuantities;
  }

  /** Setting `tracked` to a value twice leaves it as once, so this is retried like a read. */
  async updateInventoryItem(
    id: string,
    input: Record<string, unknown>,
  ): Promise<{
    inventoryItem: { id: string; sku?: string | null; tracked?: boolean | null } | null;
    userErrors: UserError[];
  }> {
    return (
      await this.#call<{
        inventoryItemUpdate: {
          inventoryItem: { id: string; sku?: string | null; tracked?: boolean | null } | null;
          userErrors: UserError[];
        };
      }>(Q.INVENTORY_ITEM_UPDATE, { id, input }, 'safe-write')
    ).inventoryItemUpdate;
  }

  async variant(id: string, levels: number): Promise<SfVariantWithItem | null> {
    return (
      await this.#call<{ productVariant: SfVariantWithItem | null }>(Q.VARIANT, { id, first: levels }, 'read')
    ).productVariant;
  }
}

/** Makes the Shopify client a tool uses; `scopes` are named if Shopify denies access. */
export type ApiFactory = (ctx: ToolContext, scopes: readonly string[]) => ShopifyApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scopes) => new ShopifyApi(ctx, scopes, tuning);
}
