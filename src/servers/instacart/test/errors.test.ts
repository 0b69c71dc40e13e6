import assert from 'node:assert/strict';
import { test } from 'node:test';
import { manyErrors, oneError, pageLink } from './fake-instacart.js';
import { data, failure, KEY, setup } from './harness.js';

const LIST = 'POST /idp/v1/products/products_link';
const RECIPE = 'POST /idp/v1/products/recipe';
const ARGS = { title: 'Groceries', line_items: [{ name: 'milk' }] };

test('Instacart’s errors name the argument they are about, in both of its formats', async (t) => {
  const { production, call } = await setup(t);
  production.route(LIST, {
    status: 400,
    body: manyErrors(
      oneError("can't be blank", 1001, 'title'),
      oneError('is not a valid URL', 1001, 'landing_page_configuration.partner_linkback_url'),
    ),
  });
  assert.equal(
    failure(await call('create_shopping_list', ARGS)),
    "Instacart refused the request (HTTP 400): title: can't be blank; partner_linkback_url: is not a valid URL",
  );
  production.route(RECIPE, {
    status: 400,
    body: oneError('Unit is not supported', 1001, 'ingredients[0].measurements'),
  });
  assert.equal(
    failure(await call('create_recipe', { title: 'x', ingredients: [{ name: 'a', unit: 'handful' }] })),
    'Instacart refused the request (HTTP 400): ingredients[0]: Unit is not supported',
  );
});

test('a 403 says the key’s permission level is the likely cause', async (t) => {
  const { production, call } = await setup(t);
  production.route(LIST, { status: 403, body: oneError('Forbidden', 1003) });
  assert.match(
    failure(await call('create_shopping_list', ARGS)),
    /^Instacart denied the request on its production host: Forbidden\. Check the key's permission level/,
  );
});

test('a 429 is retried after Retry-After (nothing was made), then the page is created once', async (t) => {
  const { production, call, sleeps } = await setup(t);
  production.once(LIST, {
    status: 429,
    headers: { 'retry-after': '2' },
    body: oneError('Too many requests', 1002),
  });
  production.route(LIST, { body: pageLink('/store/shopping_lists/3') });
  assert.equal(data(await call('create_shopping_list', ARGS)).environment, 'production');
  assert.equal(production.requests.length, 2);
  assert.deepEqual(sleeps, [2000]);
});

test('a 429 that persists says when to try again', async (t) => {
  const { production, call } = await setup(t);
  production.route(LIST, {
    status: 429,
    headers: { 'retry-after': '3' },
    body: oneError('Too many requests', 1002),
  });
  assert.equal(
    failure(await call('create_shopping_list', ARGS)),
    'Rate limited by Instacart; try again in 3 s',
  );
  assert.equal(production.requests.length, 3);
});

test('a 5xx is not retried: the page may exist already', async (t) => {
  const { production, call } = await setup(t);
  production.route(LIST, { status: 500, body: {} });
  assert.equal(
    failure(await call('create_shopping_list', ARGS)),
    'Instacart failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(production.requests.length, 1);
});

test('an answer without a link is an error, and credentials without the key ask to sign in', async (t) => {
  const { production, call } = await setup(t);
  production.route(LIST, { body: {} });
  assert.equal(
    failure(await call('create_shopping_list', ARGS)),
    'Instacart answered without a page URL (products_link_url); try again',
  );
  const other = await setup(t, { key: KEY });
  const message = failure(await other.call('create_shopping_list', ARGS));
  assert.equal(
    message,
    'Not authenticated with instacart: the stored credentials hold no API key (field "api_key"). ' +
      'Re-authenticate with `gumcp auth instacart`.',
  );
  assert.equal(other.production.requests.length, 0);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let reads = 0;
  const { production, call } = await setup(t, async () => ({
    api_key: ++reads <= 1 ? 'keys.old' : 'keys.new',
    environment: 'production',
  }));
  production.route(LIST, { body: pageLink('/store/shopping_lists/4') });
  data(await call('create_shopping_list', ARGS));
  data(await call('create_shopping_list', ARGS));
  assert.deepEqual(
    production.requests.map((r) => r.headers.authorization),
    ['Bearer keys.old', 'Bearer keys.new'],
  );
});
