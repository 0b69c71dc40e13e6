import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  calls,
  connection,
  ok,
  PRODUCT,
  productDetail,
  productSummary,
  serve,
  shop,
  userErrors,
} from './fake-shopify.js';
import { assertRequest, data, failure, onlyCall, operations, setup } from './harness.js';

test('get_shop_details answers the shop’s details from the shop query', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { Shop: () => ({ shop: shop() }) });

  const out = data(await call('get_shop_details'));

  assert.deepEqual(out, {
    id: 'gid://shopify/Shop/548380009',
    name: 'Acme Outfitters',
    email: 'owner@acme.example',
    contactEmail: 'help@acme.example',
    myshopifyDomain: 'acme.myshopify.com',
    url: 'https://acme-outfitters.example',
    primaryDomain: { host: 'acme-outfitters.example', url: 'https://acme-outfitters.example' },
    currencyCode: 'USD',
    ianaTimezone: 'America/New_York',
    plan: { publicDisplayName: 'Grow', partnerDevelopment: false, shopifyPlus: false },
  });
  const sent = onlyCall(fake);
  assert.equal(sent.operation, 'Shop');
  assert.match(sent.query, /plan \{ publicDisplayName partnerDevelopment shopifyPlus \}/);
  assert.deepEqual(sent.variables, {});
});

test('get_products sends guMCP’s filters as variables and answers one page with its cursors', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    Products: () => ({
      products: {
        nodes: [productSummary(PRODUCT, 'Snowboard'), productSummary('gid://shopify/Product/2', 'Wax')],
        pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' },
      },
    }),
  });

  const out = data(
    await call('get_products', {
      first: 2,
      query: 'vendor:Acme status:active',
      sortKey: 'TITLE',
      reverse: true,
      savedSearchId: '77',
    }),
  );

  assert.deepEqual(onlyCall(fake).variables, {
    first: 2,
    query: 'vendor:Acme status:active',
    sortKey: 'TITLE',
    reverse: true,
    savedSearchId: 'gid://shopify/SavedSearch/77',
  });
  assert.deepEqual(out.pageInfo, {
    hasNextPage: true,
    hasPreviousPage: false,
    startCursor: 'c1',
    endCursor: 'c2',
  });
  const products = out.products as Record<string, unknown>[];
  assert.deepEqual(
    products.map((p) => p.title),
    ['Snowboard', 'Wax'],
  );
  assert.deepEqual(products[0], {
    id: PRODUCT,
    title: 'Snowboard',
    handle: 'snowboard',
    status: 'ACTIVE',
    vendor: 'Acme',
    productType: 'Boards',
    tags: ['winter', 'sale'],
    createdAt: '2026-11-02T10:15:00Z',
    updatedAt: '2026-11-20T08:00:00Z',
    totalInventory: 42,
    variants: [
      {
        id: 'gid://shopify/ProductVariant/43729076',
        title: 'Default Title',
        sku: 'SNOW-001',
        price: '199.99',
      },
    ],
  });
});

test('get_products follows pages forward up to limit, asking only for what is still wanted', async (t) => {
  const { fake, call } = await setup(t);
  const pages: Record<string, unknown> = {
    '': connection(
      [productSummary('gid://shopify/Product/1', 'A'), productSummary('gid://shopify/Product/2', 'B')],
      'p2',
    ),
    p2: connection(
      [productSummary('gid://shopify/Product/3', 'C'), productSummary('gid://shopify/Product/4', 'D')],
      'p3',
    ),
    p3: connection([productSummary('gid://shopify/Product/5', 'E')], 'p4'),
  };
  serve(fake, { Products: ({ variables }) => ({ products: pages[String(variables.after ?? '')] }) });

  const out = data(await call('get_products', { first: 2, limit: 5 }));

  assert.deepEqual(
    calls(fake).map((c) => c.variables),
    [{ first: 2 }, { first: 2, after: 'p2' }, { first: 1, after: 'p3' }],
  );
  assert.deepEqual(
    (out.products as { title: string }[]).map((p) => p.title),
    ['A', 'B', 'C', 'D', 'E'],
  );
  assert.equal((out.pageInfo as { endCursor: string }).endCursor, 'p4', 'the cursor to continue from');
});

test('get_products goes backward with last and before, one page; mixed directions are refused', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { Products: () => ({ products: connection([productSummary()]) }) });

  data(await call('get_products', { last: 3, before: 'c9' }));
  assert.deepEqual(onlyCall(fake).variables, { last: 3, before: 'c9' });

  assert.match(
    failure(await call('get_products', { first: 2, last: 2 })),
    /first and last: give one of them/,
  );
  assert.match(failure(await call('get_products', { before: 'c9', limit: 50 })), /give one direction/);
  assert.match(failure(await call('get_products', { first: 500 })), /first/);
  assert.equal(fake.requests.length, 1);

  data(await call('get_products', { limit: 40 }));
  assert.deepEqual(fake.requests.length, 2);
  assert.deepEqual(
    (fake.requests[1]?.body as { variables: unknown }).variables,
    { first: 40 },
    'one page as large as the limit',
  );
});

test('get_product takes the number or the global id, answers the product in full, and names a missing one', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    Product: ({ variables }) => ({ product: variables.id === PRODUCT ? productDetail() : null }),
  });

  const out = data(await call('get_product', { product_id: '108828309' }));
  const product = out.product as Record<string, unknown>;
  assert.equal(product.descriptionHtml, '<p>Fast and light.</p>');
  assert.deepEqual(product.options, [
    { id: 'gid://shopify/ProductOption/10', name: 'Title', values: ['Default Title'] },
  ]);
  assert.deepEqual(product.variants, [
    {
      id: 'gid://shopify/ProductVariant/43729076',
      title: 'Default Title',
      sku: 'SNOW-001',
      price: '199.99',
      inventoryQuantity: 42,
      inventoryItemId: 'gid://shopify/InventoryItem/43729076',
      tracked: true,
    },
  ]);
  assert.deepEqual(calls(fake)[0]?.variables, { id: PRODUCT });

  assert.equal(
    failure(await call('get_product', { product_id: PRODUCT.replace('309', '300') })),
    'Product not found: gid://shopify/Product/108828300',
  );
  assert.match(
    failure(await call('get_product', { product_id: 'gid://shopify/ProductVariant/1' })),
    /product_id: "gid:\/\/shopify\/ProductVariant\/1" is a ProductVariant id, not a Product id/,
  );
  assert.equal(fake.requests.length, 2);
});

test('create_product sends ProductCreateInput once, with options’ values as objects, and answers the product', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { ProductCreate: () => ({ productCreate: { product: productDetail(), userErrors: [] } }) });

  const out = data(
    await call('create_product', {
      title: 'Snowboard',
      descriptionHtml: '<p>Fast and light.</p>',
      vendor: 'Acme',
      productType: 'Boards',
      tags: ['winter'],
      status: 'DRAFT',
      handle: 'snowboard',
      productOptions: [
        { name: 'Color', values: ['Red', { name: 'Blue' }] },
        { name: 'Size', values: [{ name: 'M' }] },
      ],
      seo: { title: 'Snowboard', description: 'Fast' },
      metafields: [{ namespace: 'custom', key: 'material', value: 'wood', type: 'single_line_text_field' }],
      giftCard: false,
      requiresSellingPlan: false,
      templateSuffix: 'special',
    }),
  );

  const sent = onlyCall(fake);
  assert.equal(sent.operation, 'ProductCreate');
  assert.match(sent.query, /productCreate\(product: \$product\)/);
  assert.deepEqual(sent.variables, {
    product: {
      title: 'Snowboard',
      descriptionHtml: '<p>Fast and light.</p>',
      vendor: 'Acme',
      productType: 'Boards',
      tags: ['winter'],
      status: 'DRAFT',
      handle: 'snowboard',
      giftCard: false,
      requiresSellingPlan: false,
      seo: { title: 'Snowboard', description: 'Fast' },
      metafields: [{ namespace: 'custom', key: 'material', value: 'wood', type: 'single_line_text_field' }],
      templateSuffix: 'special',
      productOptions: [
        { name: 'Color', values: [{ name: 'Red' }, { name: 'Blue' }] },
        { name: 'Size', values: [{ name: 'M' }] },
      ],
    },
  });
  assert.equal((out.product as { id: string }).id, PRODUCT);
  assert.equal(out.note, undefined);
});

test('create_product turns userErrors into an error naming the argument', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    ProductCreate: () => ({
      productCreate: {
        product: null,
        userErrors: userErrors(
          { field: ['handle'], message: 'Handle has already been taken' },
          { field: ['metafields', '0', 'type'], message: 'Type is invalid' },
        ),
      },
    }),
  });

  assert.equal(
    failure(await call('create_product', { title: 'Snowboard', handle: 'taken' })),
    'Shopify refused the change: argument handle: Handle has already been taken; argument metafields: Type is invalid',
  );
  assert.equal(fake.requests.length, 1);
});

test('create_product is not retried after a 5xx; a product that was made all the same is found and reported created', async (t) => {
  const { fake, call } = await setup(t);
  let creates = 0;
  serve(fake, {
    ProductCreate: () => {
      creates++;
      return { reply: { status: 502, body: 'Bad Gateway' } };
    },
    RecentProducts: () => ({
      products: {
        nodes: [
          productDetail('gid://shopify/Product/9', 'Snowboard (old)', {
            createdAt: new Date().toISOString(),
          }),
          productDetail(PRODUCT, 'Snowboard', {
            createdAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          }),
        ],
      },
    }),
  });

  const out = data(await call('create_product', { title: 'Snowboard' }));

  assert.equal(creates, 1, 'the create is sent once');
  assert.deepEqual(operations(fake), ['ProductCreate', 'RecentProducts']);
  const search = calls(fake)[1];
  assert.ok(search);
  assertRequest(search);
  assert.match(
    String(search.variables.query),
    /^title:"Snowboard" AND created_at:>='\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'$/,
  );
  assert.equal((out.product as { id: string }).id, PRODUCT);
  assert.match(
    String(out.note),
    /did not confirm the creation, but this product titled "Snowboard" was created/,
  );
});

test('create_product that got no answer and is not found says it may still exist, and how to check', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    ProductCreate: () => ({ reply: { status: 503, body: { errors: 'Service Unavailable' } } }),
    RecentProducts: () => ({ products: { nodes: [] } }),
  });

  const message = failure(await call('create_product', { title: 'Say "hi"' }));

  assert.match(
    message,
    /^Shopify failed \(HTTP 503\); the change may have gone through, so check before trying again\./,
  );
  assert.match(
    message,
    /No product titled "Say \\"hi\\"" shows up yet .*get_products \(query: title:"Say \\"hi\\""\)/,
  );
  assert.deepEqual(operations(fake), ['ProductCreate', 'RecentProducts']);
});

test('delete_product deletes by id; a product that does not exist is named', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    ProductDelete: ({ variables }) => ({
      productDelete:
        (variables.input as { id: string }).id === PRODUCT
          ? { deletedProductId: PRODUCT, userErrors: [] }
          : {
              deletedProductId: null,
              userErrors: userErrors({ field: ['id'], message: 'Product does not exist' }),
            },
    }),
  });

  assert.deepEqual(data(await call('delete_product', { id: '108828309' })), { deletedProductId: PRODUCT });
  const sent = calls(fake)[0];
  assert.ok(sent);
  assertRequest(sent);
  assert.deepEqual(sent.variables, { input: { id: PRODUCT } });

  assert.equal(
    failure(await call('delete_product', { id: '5' })),
    'Product not found: gid://shopify/Product/5',
  );
});

test('delete_product without an answer checks whether the product is gone before reporting', async (t) => {
  const { fake, call } = await setup(t);
  let exists = false;
  serve(fake, {
    ProductDelete: () => ({ reply: { status: 500, body: { errors: 'Internal Server Error' } } }),
    ProductExists: () => ({ product: exists ? { id: PRODUCT } : null }),
  });

  const gone = data(await call('delete_product', { id: PRODUCT }));
  assert.deepEqual(gone, {
    deletedProductId: PRODUCT,
    note: 'Shopify did not confirm the deletion, but the product no longer exists: it was deleted.',
  });

  exists = true;
  assert.match(
    failure(await call('delete_product', { id: PRODUCT })),
    /The product gid:\/\/shopify\/Product\/108828309 still exists: it was not deleted\.$/,
  );
  assert.deepEqual(operations(fake), ['ProductDelete', 'ProductExists', 'ProductDelete', 'ProductExists']);
});

test('an answer with data is read even when Shopify adds extensions beside it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /admin/api/2026-10/graphql.json', ok({ shop: shop({ plan: null, primaryDomain: null }) }));
  const out = data(await call('get_shop_details'));
  assert.equal(out.plan, null);
  assert.equal(out.primaryDomain, null);
});
