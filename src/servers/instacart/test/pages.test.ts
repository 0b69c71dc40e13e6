import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { pageLink } from './fake-instacart.js';
import { assertAuth, data, failure, KEY, setup } from './harness.js';

const LIST = '/idp/v1/products/products_link';
const RECIPE = '/idp/v1/products/recipe';

test('create_shopping_list posts Instacart’s body and answers with the hosted page link', async (t) => {
  const { production, development, call } = await setup(t);
  production.route(`POST ${LIST}`, { body: pageLink('/store/shopping_lists/5551') });

  const out = data(
    await call('create_shopping_list', {
      title: 'Weekly groceries',
      image_url: 'https://example.com/list.png',
      instructions: ['Buy ripe ones', 'Check the dates'],
      line_items: [
        { name: 'bananas', quantity: 6 },
        { name: 'whole milk', quantity: 1, unit: 'gallon', display_text: 'Milk (1 gal)' },
        {
          name: 'flour',
          measurements: [
            { quantity: 1, unit: 'cup' },
            { quantity: 16, unit: 'tbsp' },
          ],
        },
        {
          name: 'eggs',
          upcs: ['0123456789012'],
          brand_filters: ['Vital Farms'],
          health_filters: ['ORGANIC'],
        },
      ],
      partner_linkback_url: 'https://example.com/plan',
      expires_in: 30,
    }),
  );

  assert.deepEqual(out, {
    products_link_url: 'https://customers.dev.instacart.tools/store/shopping_lists/5551',
    title: 'Weekly groceries',
    items: 4,
    environment: 'production',
    message:
      'Created an Instacart shopping list page "Weekly groceries" with 4 items: ' +
      'https://customers.dev.instacart.tools/store/shopping_lists/5551. Each call makes a new page, so reuse ' +
      'this link rather than creating it again.',
  });
  const req = only(production, 'POST', LIST);
  assertAuth(req);
  assert.equal(req.headers['content-type'], 'application/json');
  assert.deepEqual(req.body, {
    title: 'Weekly groceries',
    link_type: 'shopping_list',
    image_url: 'https://example.com/list.png',
    instructions: ['Buy ripe ones', 'Check the dates'],
    line_items: [
      { name: 'bananas', line_item_measurements: [{ quantity: 6, unit: 'each' }] },
      {
        name: 'whole milk',
        display_text: 'Milk (1 gal)',
        line_item_measurements: [{ quantity: 1, unit: 'gallon' }],
      },
      {
        name: 'flour',
        line_item_measurements: [
          { quantity: 1, unit: 'cup' },
          { quantity: 16, unit: 'tbsp' },
        ],
      },
      {
        name: 'eggs',
        upcs: ['0123456789012'],
        filters: { brand_filters: ['Vital Farms'], health_filters: ['ORGANIC'] },
      },
    ],
    expires_in: 30,
    landing_page_configuration: { partner_linkback_url: 'https://example.com/plan' },
  });
  assert.equal(development.requests.length, 0);
});

test('a minimal shopping list sends only the title, link type and names; one text instruction is one step', async (t) => {
  const { production, call } = await setup(t);
  production.route(`POST ${LIST}`, { body: pageLink('/store/shopping_lists/1') });
  const out = data(
    await call('create_shopping_list', {
      title: 'Snacks',
      instructions: 'Party on Friday',
      line_items: [{ name: 'chips' }],
    }),
  );
  assert.equal(out.items, 1);
  assert.match(String(out.message), /with 1 item: /);
  assert.deepEqual(only(production, 'POST', LIST).body, {
    title: 'Snacks',
    link_type: 'shopping_list',
    instructions: ['Party on Friday'],
    line_items: [{ name: 'chips' }],
  });
});

test('create_recipe posts the recipe with ingredient measurements and the landing page settings', async (t) => {
  const { production, call } = await setup(t);
  production.route(`POST ${RECIPE}`, { body: pageLink('/store/recipes/777') });

  const out = data(
    await call('create_recipe', {
      title: 'Pancakes',
      image_url: 'https://example.com/pancakes.png',
      author: 'Ada',
      servings: 4,
      cooking_time: 20,
      instructions: ['Mix', 'Fry'],
      ingredients: [
        { name: 'flour', quantity: 2, unit: 'cup' },
        { name: 'eggs', quantity: 2 },
        { name: 'salt', display_text: 'a pinch of salt' },
      ],
      partner_linkback_url: 'https://example.com/pancakes',
      enable_pantry_items: false,
    }),
  );

  assert.equal(out.products_link_url, 'https://customers.dev.instacart.tools/store/recipes/777');
  assert.equal(out.items, 3);
  assert.match(String(out.message), /^Created an Instacart recipe page "Pancakes" with 3 items: /);
  const req = only(production, 'POST', RECIPE);
  assertAuth(req);
  assert.deepEqual(req.body, {
    title: 'Pancakes',
    image_url: 'https://example.com/pancakes.png',
    author: 'Ada',
    servings: 4,
    cooking_time: 20,
    instructions: ['Mix', 'Fry'],
    ingredients: [
      { name: 'flour', measurements: [{ quantity: 2, unit: 'cup' }] },
      { name: 'eggs', measurements: [{ quantity: 2, unit: 'each' }] },
      { name: 'salt', display_text: 'a pinch of salt' },
    ],
    landing_page_configuration: {
      partner_linkback_url: 'https://example.com/pancakes',
      enable_pantry_items: false,
    },
  });
});

test('a key stored for development calls only the development host, and the result says so', async (t) => {
  const { production, development, call } = await setup(t, { api_key: KEY, environment: 'dev' });
  development.route(`POST ${RECIPE}`, { body: pageLink('/store/recipes/9') });
  const out = data(await call('create_recipe', { title: 'Soup', ingredients: [{ name: 'leek' }] }));
  assert.equal(out.environment, 'development');
  assert.match(String(out.message), /with 1 item on the development host \(for testing\): /);
  assertAuth(only(development, 'POST', RECIPE));
  assert.equal(production.requests.length, 0);
});

test('wrong arguments name the argument and send nothing', async (t) => {
  const { production, call } = await setup(t);
  assert.match(
    failure(
      await call('create_shopping_list', {
        title: 'x',
        line_items: [{ name: 'flour', quantity: 1, measurements: [{ quantity: 1, unit: 'cup' }] }],
      }),
    ),
    /line_items\[0\]: give either quantity and unit or measurements, not both/,
  );
  assert.match(failure(await call('create_shopping_list', { title: 'x', line_items: [] })), /line_items/);
  assert.match(
    failure(await call('create_recipe', { title: 'x', ingredients: [{ name: 'a' }], image_url: 'ftp://x' })),
    /image_url/,
  );
  assert.match(
    failure(await call('create_recipe', { title: 'x', ingredients: [{ name: 'a' }], servings: 0 })),
    /servings/,
  );
  assert.equal(production.requests.length, 0);
});
