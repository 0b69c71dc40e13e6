import type { FakeReply, FakeService, RecordedRequest } from '../../../testing/fake-service.js';

/**
 * A fake of Shopify's GraphQL Admin API (POST /admin/api/2026-10/graphql.json) answering by operation
 * name in the shapes the 2026-10 reference documents: `{ data, extensions: { cost } }` with the cost
 * bucket (`requestedQueryCost`, `actualQueryCost`, `throttleStatus`); GraphQL errors in `errors[]` with
 * `extensions.code` on HTTP 200 (THROTTLED, ACCESS_DENIED with `requiredAccess`, MAX_COST_EXCEEDED);
 * mutation failures as `userErrors: [{ field, message }]`; and HTTP errors whose `errors` is a string
 * (401 "[API] Invalid API key or access token …", 402 "Unavailable Shop", 404 "Not Found"). Search and
 * sort are not applied: tests assert the variables that were sent.
 */

export const API = '/admin/api/2026-10';
export const ENDPOINT = `${API}/graphql.json`;
export const SHOP_DOMAIN = 'acme.myshopify.com';

export const PRODUCT = 'gid://shopify/Product/108828309';
export const VARIANT = 'gid://shopify/ProductVariant/43729076';
export const ITEM = 'gid://shopify/InventoryItem/43729076';
export const LOCATION = 'gid://shopify/Location/346779380';
export const LEVEL = `gid://shopify/InventoryLevel/346779380?inventory_item_id=43729076`;

/** The cost extension every answer carries. */
export function cost(requested = 12, available = 1988, restoreRate = 100, maximum = 2000) {
  return {
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: requested,
      throttleStatus: { maximumAvailable: maximum, currentlyAvailable: available, restoreRate },
    },
  };
}

export const ok = (data: Record<string, unknown>): FakeReply => ({ body: { data, extensions: cost() } });

export interface GraphQLCall {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  req: RecordedRequest;
}

/** The name of a GraphQL operation (`query Products(...)` → `Products`). */
export const operationOf = (query: string): string => /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';

/** What a handler answers: `data`, or a whole reply (errors, another status). */
export type Handler = (call: GraphQLCall) => Record<string, unknown> | { reply: FakeReply };

/** Routes POST graphql.json by operation name; an unknown one answers Shopify's undefined-field error. */
export function serve(fake: FakeService, handlers: Record<string, Handler>): void {
  fake.route(`POST ${ENDPOINT}`, (req) => {
    const { query, variables = {} } = req.body as { query: string; variables?: Record<string, unknown> };
    const handler = handlers[operationOf(query)];
    if (!handler) {
      return errorReply({
        message: `Operation ${operationOf(query)} is not served by the fake`,
        code: 'undefinedField',
      });
    }
    const answer = handler({ operation: operationOf(query), query, variables, req });
    return 'reply' in answer ? (answer.reply as FakeReply) : ok(answer);
  });
}

/** The GraphQL calls the fake received, decoded. */
export const calls = (fake: FakeService): GraphQLCall[] =>
  fake.requests.map((req) => {
    const { query = '', variables = {} } = (req.body ?? {}) as {
      query?: string;
      variables?: Record<string, unknown>;
    };
    return { operation: operationOf(query), query, variables, req };
  });

export function errorReply(
  e: { message: string; code: string; path?: string[]; extensions?: Record<string, unknown> },
  data: unknown = null,
  status = 200,
): FakeReply {
  return {
    status,
    body: {
      errors: [
        {
          message: e.message,
          locations: [{ line: 2, column: 3 }],
          ...(e.path ? { path: e.path } : {}),
          extensions: { code: e.code, ...e.extensions },
        },
      ],
      ...(data === undefined ? {} : { data }),
      extensions: cost(),
    },
  };
}

/** THROTTLED, as Shopify answers when the bucket lacks the points a query asks for. */
export function throttled(requested: number, available: number, restoreRate: number): FakeReply {
  return {
    body: {
      errors: [
        {
          message: 'Throttled',
          extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: requested,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate },
        },
      },
    },
  };
}

export const accessDenied = (field: string, scope: string): FakeReply =>
  errorReply({
    message: `Access denied for ${field} field. Required access: \`${scope}\` access scope.`,
    code: 'ACCESS_DENIED',
    path: [field],
    extensions: {
      documentation: 'https://shopify.dev/api/usage/access-scopes',
      requiredAccess: `\`${scope}\` access scope.`,
    },
  });

export const invalidToken: FakeReply = {
  status: 401,
  body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
};

// Objects, in the shapes the 2026-10 reference gives them.

export function shop(extra: Record<string, unknown> = {}) {
  return {
    id: 'gid://shopify/Shop/548380009',
    name: 'Acme Outfitters',
    email: 'owner@acme.example',
    contactEmail: 'help@acme.example',
    myshopifyDomain: SHOP_DOMAIN,
    url: 'https://acme-outfitters.example',
    currencyCode: 'USD',
    ianaTimezone: 'America/New_York',
    primaryDomain: { host: 'acme-outfitters.example', url: 'https://acme-outfitters.example' },
    plan: { publicDisplayName: 'Grow', partnerDevelopment: false, shopifyPlus: false },
    ...extra,
  };
}

export function variant(id = VARIANT, extra: Record<string, unknown> = {}) {
  return { id, title: 'Default Title', sku: 'SNOW-001', price: '199.99', ...extra };
}

/** A product as lists select it (ProductSummary). */
export function productSummary(id = PRODUCT, title = 'Snowboard', extra: Record<string, unknown> = {}) {
  return {
    id,
    title,
    handle: title.toLowerCase().replace(/\s+/g, '-'),
    status: 'ACTIVE',
    vendor: 'Acme',
    productType: 'Boards',
    tags: ['winter', 'sale'],
    createdAt: '2026-11-02T10:15:00Z',
    updatedAt: '2026-11-20T08:00:00Z',
    totalInventory: 42,
    variants: { nodes: [variant()] },
    ...extra,
  };
}

/** A product as get_product and the mutations select it (ProductDetail). */
export function productDetail(id = PRODUCT, title = 'Snowboard', extra: Record<string, unknown> = {}) {
  return {
    ...productSummary(id, title),
    descriptionHtml: '<p>Fast and light.</p>',
    onlineStoreUrl: null,
    templateSuffix: null,
    giftCard: false,
    requiresSellingPlan: false,
    seo: { title: null, description: null },
    options: [
      { id: 'gid://shopify/ProductOption/10', name: 'Title', optionValues: [{ name: 'Default Title' }] },
    ],
    variants: {
      nodes: [
        {
          ...variant(),
          inventoryQuantity: 42,
          inventoryItem: { id: ITEM, tracked: true },
        },
      ],
    },
    ...extra,
  };
}

export function level(
  id = LEVEL,
  location = { id: LOCATION, name: 'Main Warehouse' },
  available = 42,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    updatedAt: '2026-11-20T08:00:00Z',
    location,
    quantities: [
      { name: 'available', quantity: available },
      { name: 'on_hand', quantity: available + 3 },
      { name: 'committed', quantity: 3 },
      { name: 'incoming', quantity: 0 },
      { name: 'reserved', quantity: 0 },
    ],
    ...extra,
  };
}

export function connection<T>(nodes: T[], endCursor: string | null = null) {
  return { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } };
}

export const userErrors = (...errors: { field: string[] | null; message: string; code?: string }[]) => errors;
