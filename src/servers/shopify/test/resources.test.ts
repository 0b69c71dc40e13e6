import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serve, shop } from './fake-shopify.js';
import { onlyCall, setup } from './harness.js';

test('the connected shop is listed as shopify://shop/{number} and read as JSON', async (t) => {
  const { fake, client } = await setup(t);
  serve(fake, { Shop: () => ({ shop: shop() }) });

  const { resources, nextCursor } = await client.listResources();
  assert.deepEqual(resources, [
    {
      uri: 'shopify://shop/548380009',
      name: 'Acme Outfitters',
      description: 'Shopify shop Acme Outfitters (acme.myshopify.com)',
      mimeType: 'application/json',
    },
  ]);
  assert.equal(nextCursor, undefined);
  onlyCall(fake);

  const read = await client.readResource({ uri: 'shopify://shop/548380009' });
  const [content] = read.contents as { uri: string; mimeType: string; text: string }[];
  assert.equal(content?.mimeType, 'application/json');
  assert.equal(JSON.parse(content?.text ?? '{}').myshopifyDomain, 'acme.myshopify.com');
});

test('another shop’s id is not found, and a malformed one is refused without a request', async (t) => {
  const { fake, client } = await setup(t);
  serve(fake, { Shop: () => ({ shop: shop() }) });
  await assert.rejects(client.readResource({ uri: 'shopify://shop/1' }), /Shop not found: 1/);
  await assert.rejects(
    client.readResource({ uri: 'shopify://shop/abc' }),
    /Invalid shop id in the resource URI: abc/,
  );
  assert.equal(fake.requests.length, 1);
});
