import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  calls,
  connection,
  ITEM,
  LEVEL,
  LOCATION,
  level,
  serve,
  userErrors,
  VARIANT,
} from './fake-shopify.js';
import { assertRequest, data, failure, onlyCall, operations, setup } from './harness.js';

const OTHER_LOCATION = { id: 'gid://shopify/Location/99', name: 'Outlet' };
const OTHER_LEVEL = 'gid://shopify/InventoryLevel/99?inventory_item_id=43729076';

const levelOut = (id: string, location: { id: string; name: string }, available: number) => ({
  id,
  location,
  available,
  quantities: { available, on_hand: available + 3, committed: 3, incoming: 0, reserved: 0 },
  updatedAt: '2026-11-20T08:00:00Z',
});

test('get_inventory_level lists the item’s quantities at every location, following pages up to limit', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    InventoryItem: ({ variables }) => ({
      inventoryItem: {
        id: ITEM,
        sku: 'SNOW-001',
        tracked: true,
        inventoryLevels: variables.after
          ? connection([level(OTHER_LEVEL, OTHER_LOCATION, 5)], 'l3')
          : connection([level()], 'l2'),
      },
    }),
  });

  const out = data(await call('get_inventory_level', { inventory_item_id: '43729076', limit: 2 }));

  assert.deepEqual(out, {
    inventoryItem: { id: ITEM, sku: 'SNOW-001', tracked: true },
    levels: [
      levelOut(LEVEL, { id: LOCATION, name: 'Main Warehouse' }, 42),
      levelOut(OTHER_LEVEL, OTHER_LOCATION, 5),
    ],
    more: true,
  });
  assert.deepEqual(
    calls(fake).map((c) => c.variables),
    [
      { id: ITEM, first: 2 },
      { id: ITEM, first: 50, after: 'l2' },
    ],
  );
  for (const c of calls(fake)) assertRequest(c);
});

test('get_inventory_level at one location asks for that level only, and says when the item is not stocked there', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    InventoryItemAt: ({ variables }) => ({
      inventoryItem: {
        id: ITEM,
        sku: 'SNOW-001',
        tracked: true,
        inventoryLevel: variables.locationId === LOCATION ? level() : null,
      },
    }),
  });

  const out = data(await call('get_inventory_level', { inventory_item_id: ITEM, location_id: '346779380' }));
  assert.deepEqual(out.levels, [levelOut(LEVEL, { id: LOCATION, name: 'Main Warehouse' }, 42)]);
  assert.equal(out.more, false);
  assert.deepEqual(calls(fake)[0]?.variables, { id: ITEM, locationId: LOCATION });

  assert.equal(
    failure(await call('get_inventory_level', { inventory_item_id: ITEM, location_id: '7' })),
    `Inventory level not found: ${ITEM} is not stocked at location gid://shopify/Location/7`,
  );
});

test('adjust_inventory reads the level, then adjusts available by the delta against that quantity, with an idempotency key', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    InventoryLevel: () => ({
      inventoryLevel: { ...level(), item: { id: ITEM, sku: 'SNOW-001', tracked: true } },
    }),
    InventoryAdjust: () => ({
      inventoryAdjustQuantities: {
        inventoryAdjustmentGroup: {
          id: 'gid://shopify/InventoryAdjustmentGroup/800',
          createdAt: '2026-11-30T02:40:00Z',
          reason: 'received',
          changes: [
            {
              name: 'available',
              delta: -5,
              quantityAfterChange: 37,
              item: { id: ITEM },
              location: { id: LOCATION, name: 'Main Warehouse' },
            },
            {
              name: 'on_hand',
              delta: -5,
              quantityAfterChange: 40,
              item: { id: ITEM },
              location: { id: LOCATION, name: 'Main Warehouse' },
            },
          ],
        },
        userErrors: [],
      },
    }),
  });

  const out = data(
    await call('adjust_inventory', {
      inventory_level_id: LEVEL,
      quantity_adjustment: -5,
      reason: 'received',
    }),
  );

  assert.deepEqual(out, {
    inventoryLevelId: LEVEL,
    inventoryItemId: ITEM,
    location: { id: LOCATION, name: 'Main Warehouse' },
    delta: -5,
    availableBefore: 42,
    availableAfter: 37,
    reason: 'received',
    adjustmentGroupId: 'gid://shopify/InventoryAdjustmentGroup/800',
    createdAt: '2026-11-30T02:40:00Z',
  });
  const [read, adjust] = calls(fake);
  assert.ok(read && adjust);
  assert.deepEqual(read.variables, { id: LEVEL });
  assertRequest(adjust);
  assert.match(adjust.query, /inventoryAdjustQuantities\(input: \$input\) @idempotent\(key: \$key\)/);
  assert.deepEqual(adjust.variables.input, {
    reason: 'received',
    name: 'available',
    changes: [{ delta: -5, inventoryItemId: ITEM, locationId: LOCATION, changeFromQuantity: 42 }],
  });
  assert.match(String(adjust.variables.key), /^[0-9a-f-]{36}$/);
});

test('adjust_inventory retried after a 502 resends the same idempotency key, so Shopify applies it once', async (t) => {
  const { fake, call } = await setup(t);
  const applied = new Map<string, number>();
  let attempts = 0;
  serve(fake, {
    InventoryLevel: () => ({ inventoryLevel: { ...level(), item: { id: ITEM } } }),
    InventoryAdjust: ({ variables }) => {
      const key = String(variables.key);
      if (!applied.has(key)) applied.set(key, 42 + 10);
      // The first attempt is applied, but its answer is lost.
      if (++attempts === 1) return { reply: { status: 502, body: 'Bad Gateway' } };
      return {
        inventoryAdjustQuantities: {
          inventoryAdjustmentGroup: {
            id: 'gid://shopify/InventoryAdjustmentGroup/801',
            createdAt: null,
            reason: 'correction',
            changes: [
              {
                name: 'available',
                delta: 10,
                quantityAfterChange: applied.get(key),
                location: { id: LOCATION, name: 'Main Warehouse' },
              },
            ],
          },
          userErrors: [],
        },
      };
    },
  });

  const out = data(await call('adjust_inventory', { inventory_level_id: LEVEL, quantity_adjustment: 10 }));

  const adjusts = calls(fake).filter((c) => c.operation === 'InventoryAdjust');
  assert.equal(adjusts.length, 2);
  assert.equal(adjusts[0]?.variables.key, adjusts[1]?.variables.key, 'one key per tool call');
  assert.equal(applied.size, 1, 'applied once');
  assert.equal(out.availableAfter, 52);
  assert.equal(out.reason, 'correction');
});

test('adjust_inventory reads again once when another change came first, with a new key; twice stale, nothing is adjusted', async (t) => {
  const { fake, call } = await setup(t);
  let available = 42;
  let stale = 1;
  serve(fake, {
    InventoryLevel: () => ({ inventoryLevel: { ...level(LEVEL, undefined, available), item: { id: ITEM } } }),
    InventoryAdjust: ({ variables }) => {
      if (stale-- > 0) {
        available = 40;
        return {
          inventoryAdjustQuantities: {
            inventoryAdjustmentGroup: null,
            userErrors: userErrors({
              field: ['input', 'changes', '0', 'changeFromQuantity'],
              message: 'The changeFromQuantity argument no longer matches the persisted quantity.',
              code: 'CHANGE_FROM_QUANTITY_STALE',
            }),
          },
        };
      }
      const change = (variables.input as { changes: { delta: number; changeFromQuantity: number }[] })
        .changes[0];
      return {
        inventoryAdjustQuantities: {
          inventoryAdjustmentGroup: {
            id: 'gid://shopify/InventoryAdjustmentGroup/802',
            createdAt: null,
            reason: 'correction',
            changes: [
              {
                name: 'available',
                delta: change?.delta,
                quantityAfterChange: (change?.changeFromQuantity ?? 0) + (change?.delta ?? 0),
              },
            ],
          },
          userErrors: [],
        },
      };
    },
  });

  const out = data(await call('adjust_inventory', { inventory_level_id: LEVEL, quantity_adjustment: 1 }));
  assert.deepEqual(operations(fake), [
    'InventoryLevel',
    'InventoryAdjust',
    'InventoryLevel',
    'InventoryAdjust',
  ]);
  const [, first, , second] = calls(fake);
  assert.notEqual(first?.variables.key, second?.variables.key);
  assert.equal(out.availableBefore, 40);
  assert.equal(out.availableAfter, 41);

  stale = 2;
  assert.match(
    failure(await call('adjust_inventory', { inventory_level_id: LEVEL, quantity_adjustment: 1 })),
    /kept changing .* nothing was adjusted/,
  );
});

test('adjust_inventory names the argument behind a userError, and refuses a zero delta or a bare number as level id', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    InventoryLevel: () => ({ inventoryLevel: { ...level(), item: { id: ITEM } } }),
    InventoryAdjust: () => ({
      inventoryAdjustQuantities: {
        inventoryAdjustmentGroup: null,
        userErrors: userErrors({
          field: ['input', 'changes', '0', 'delta'],
          message: "The quantity can't be lower than -1,000,000,000.",
          code: 'INVALID_QUANTITY_TOO_LOW',
        }),
      },
    }),
  });
  assert.equal(
    failure(
      await call('adjust_inventory', { inventory_level_id: LEVEL, quantity_adjustment: -1_000_000_000 }),
    ),
    "Shopify refused the change: argument quantity_adjustment: The quantity can't be lower than -1,000,000,000.",
  );
  assert.match(
    failure(await call('adjust_inventory', { inventory_level_id: LEVEL, quantity_adjustment: 0 })),
    /quantity_adjustment: must not be 0/,
  );
  assert.match(
    failure(await call('adjust_inventory', { inventory_level_id: '346779380', quantity_adjustment: 1 })),
    /inventory_level_id: must be an inventory level id as Shopify gives it/,
  );
  assert.equal(fake.requests.length, 2);
});

test('adjust_inventory names a level that does not exist, and adjusts nothing', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { InventoryLevel: () => ({ inventoryLevel: null }) });
  assert.equal(
    failure(await call('adjust_inventory', { inventory_level_id: LEVEL, quantity_adjustment: 2 })),
    `Inventory level not found: ${LEVEL}`,
  );
  assert.deepEqual(operations(fake), ['InventoryLevel']);
});

test('update_inventory_tracking sets tracked on the item, and is retried after a 5xx since setting twice is harmless', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /admin/api/2026-10/graphql.json', { status: 503, body: 'Service Unavailable' });
  serve(fake, {
    InventoryItemUpdate: ({ variables }) => ({
      inventoryItemUpdate: {
        inventoryItem: {
          id: variables.id,
          sku: 'SNOW-001',
          tracked: (variables.input as { tracked: boolean }).tracked,
        },
        userErrors: [],
      },
    }),
  });

  const out = data(
    await call('update_inventory_tracking', { inventory_item_id: '43729076', tracked: false }),
  );

  assert.deepEqual(out, { inventoryItem: { id: ITEM, sku: 'SNOW-001', tracked: false } });
  const sent = calls(fake);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[1]?.variables, { id: ITEM, input: { tracked: false } });
});

test('update_inventory_tracking names a missing item', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    InventoryItemUpdate: () => ({
      inventoryItemUpdate: {
        inventoryItem: null,
        userErrors: userErrors({ field: ['id'], message: 'Inventory item does not exist' }),
      },
    }),
  });
  assert.equal(
    failure(await call('update_inventory_tracking', { inventory_item_id: '5', tracked: true })),
    'Inventory item not found: gid://shopify/InventoryItem/5',
  );
});

test('get_variant_inventory_item answers the variant, its inventory item and its levels', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    Variant: ({ variables }) => ({
      productVariant:
        variables.id === VARIANT
          ? {
              id: VARIANT,
              title: 'Default Title',
              sku: 'SNOW-001',
              product: { id: 'gid://shopify/Product/108828309', title: 'Snowboard' },
              inventoryItem: {
                id: ITEM,
                sku: 'SNOW-001',
                tracked: false,
                inventoryLevels: connection([level()]),
              },
            }
          : null,
    }),
  });

  const out = data(await call('get_variant_inventory_item', { variant_id: '43729076' }));

  assert.deepEqual(out, {
    variant: {
      id: VARIANT,
      title: 'Default Title',
      sku: 'SNOW-001',
      product: { id: 'gid://shopify/Product/108828309', title: 'Snowboard' },
    },
    inventoryItem: { id: ITEM, sku: 'SNOW-001', tracked: false },
    levels: [levelOut(LEVEL, { id: LOCATION, name: 'Main Warehouse' }, 42)],
    more: false,
  });
  assert.deepEqual(onlyCall(fake).variables, { id: VARIANT, first: 50 });

  assert.equal(
    failure(await call('get_variant_inventory_item', { variant_id: '1' })),
    'Product variant not found: gid://shopify/ProductVariant/1',
  );
});
