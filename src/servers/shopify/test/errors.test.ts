import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costWait, throttleWait } from '../errors.js';
import {
  accessDenied,
  ENDPOINT,
  errorReply,
  invalidToken,
  ok,
  productSummary,
  serve,
  shop,
  throttled,
} from './fake-shopify.js';
import { data, failure, setup, TOKEN } from './harness.js';

const ROUTE = `POST ${ENDPOINT}`;

test('a rejected token asks to re-authenticate, and the token is never echoed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ROUTE, invalidToken);
  const message = failure(await call('get_shop_details'));
  assert.equal(
    message,
    'Not authenticated with shopify: Shopify rejected the stored access token (expired, revoked, or the app was uninstalled from the shop). Re-authenticate with `gumcp auth shopify`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1, 'a 401 is not retried');
});

test('ACCESS_DENIED names the scope Shopify requires; without one, the tool’s scopes', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(ROUTE, accessDenied('products', 'read_products'));
  assert.equal(
    failure(await call('get_products')),
    'Permission denied: the stored token lacks the scope "read_products". Re-authenticate to grant it.',
  );
  fake.once(ROUTE, errorReply({ message: 'Access denied for inventoryLevel field.', code: 'ACCESS_DENIED' }));
  assert.match(
    failure(
      await call('adjust_inventory', {
        inventory_level_id: 'gid://shopify/InventoryLevel/1?inventory_item_id=2',
        quantity_adjustment: 1,
      }),
    ),
    /^Permission denied by Shopify: Access denied for inventoryLevel field\. This call needs the access scopes "write_inventory"; re-authenticate/,
  );
});

test('THROTTLED is waited out from the cost bucket and the query sent again', async (t) => {
  const { fake, call } = await setup(t);
  // 40 points missing at 100,000 a second: a wait of a millisecond.
  fake.once(ROUTE, throttled(50, 10, 100_000));
  serve(fake, {
    Products: () => ({ products: { nodes: [productSummary()], pageInfo: { hasNextPage: false } } }),
  });

  data(await call('get_products'));
  assert.equal(fake.requests.length, 2);
});

test('a mutation that was THROTTLED did not run, so it is sent again too', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(ROUTE, throttled(10, 0, 100_000));
  serve(fake, { ProductCreate: () => ({ productCreate: { product: productSummary(), userErrors: [] } }) });
  data(await call('create_product', { title: 'Snowboard' }));
  assert.equal(fake.requests.length, 2);
});

test('throttling that lasts, or a wait too long to hold the call, says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ROUTE, throttled(500, 0, 50));
  assert.equal(failure(await call('get_shop_details')), 'Rate limited by Shopify; try again in 10 s');
  assert.equal(fake.requests.length, 1, 'a 10 s wait is over the limit the tests set, so not waited');

  const again = await setup(t);
  again.fake.route(ROUTE, throttled(11, 10, 100_000));
  assert.equal(failure(await again.call('get_shop_details')), 'Rate limited by Shopify; try again in 1 s');
  assert.equal(again.fake.requests.length, 3, 'the first try and two throttled retries');
});

test('the wait is the missing points over the restore rate; without a bucket, a second', () => {
  assert.equal(
    throttleWait(
      [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
      throttled(752, 666, 50).body as never,
    ),
    1720,
  );
  assert.equal(throttleWait([{ message: 'Nope', extensions: { code: 'ACCESS_DENIED' } }], {}), undefined);
  assert.equal(costWait({ errors: [] }), 1000);
  assert.equal(costWait(throttled(10, 10, 100).body), 10, 'a bucket that said no lacked at least a point');
});

test('an HTTP 429 with Retry-After is retried, then answered', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(ROUTE, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: { errors: 'Exceeded 2 calls per second for api client.' },
  });
  fake.route(ROUTE, ok({ shop: shop() }));
  data(await call('get_shop_details'));
  assert.equal(fake.requests.length, 2);
});

test('an HTTP 429 that lasts, and other HTTP errors with a string body, keep Shopify’s message whole', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ROUTE, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: { errors: 'Exceeded 2 calls per second for api client.' },
  });
  assert.equal(
    failure(await call('get_shop_details')),
    'Rate limited by Shopify; try again in a few seconds',
  );
  assert.equal(fake.requests.length, 3, 'the first try and two retries');

  const other = await setup(t);
  other.fake.route(ROUTE, { status: 400, body: { errors: 'Missing or invalid query parameter' } });
  assert.equal(
    failure(await other.call('get_shop_details')),
    'Shopify refused the request (HTTP 400): Missing or invalid query parameter',
  );
  other.fake.route(ROUTE, {
    status: 403,
    body: { errors: '[API] This action requires merchant approval for write_products scope.' },
  });
  assert.equal(
    failure(await other.call('create_product', { title: 'x' })),
    'Permission denied: the stored token lacks the scope "write_products". Re-authenticate to grant it.',
  );
});

test('a 5xx on a query is retried, then said to be temporary', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(ROUTE, { status: 500, body: { errors: 'Internal Server Error' } });
  fake.route(ROUTE, ok({ shop: shop() }));
  data(await call('get_shop_details'));
  assert.equal(fake.requests.length, 2);

  const down = await setup(t);
  down.fake.route(ROUTE, { status: 503, body: 'Service Unavailable' });
  assert.equal(failure(await down.call('get_shop_details')), 'Shopify failed (HTTP 503); try again later');
  assert.equal(down.fake.requests.length, 3);
});

test('a frozen, locked or unknown shop is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(ROUTE, { status: 402, body: { errors: 'Unavailable Shop' } });
  fake.once(ROUTE, { status: 423, body: { errors: 'Locked' } });
  fake.once(ROUTE, { status: 404, body: { errors: 'Not Found' } });
  assert.match(
    failure(await call('get_shop_details')),
    /^The Shopify shop acme\.myshopify\.com is unavailable \(frozen: its bill is unpaid\)/,
  );
  assert.match(
    failure(await call('get_shop_details')),
    /^The Shopify shop acme\.myshopify\.com is unavailable \(locked\)/,
  );
  assert.match(failure(await call('get_shop_details')), /^Shopify has no shop at acme\.myshopify\.com/);
});

test('a query over the cost limit names the argument to lower', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    ROUTE,
    errorReply({
      message: 'Query cost is 1520, which exceeds the single query max cost limit (1000).',
      code: 'MAX_COST_EXCEEDED',
    }),
  );
  assert.match(
    failure(await call('get_products', { first: 100 })),
    /^Invalid arguments: first: the query asks for too much at once/,
  );
});

test('other GraphQL errors are reported with Shopify’s message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    ROUTE,
    errorReply({
      message: "Invalid global id 'gid://shopify/Product/abc'",
      code: 'argumentLiteralsIncompatible',
    }),
  );
  assert.equal(
    failure(await call('get_product', { product_id: '1' })),
    "Shopify refused the request: Invalid global id 'gid://shopify/Product/abc'",
  );
});
