import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { doc, METRIC_ID, metric } from './fake-klaviyo.js';
import { answer, data, failure, only, route, setup } from './harness.js';

const flat = (r: { id: string; attributes: object }) => ({ id: r.id, ...r.attributes });

test('list_metrics filters by integration name and category', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'metrics'), answer(doc([metric()])));

  const out = data(
    await call('list_metrics', {
      integration_name: 'Shopify',
      integration_category: 'eCommerce',
      include_fields: ['name'],
    }),
  );

  assert.deepEqual(out, { metrics: [flat(metric())] });
  assert.deepEqual(query(only(fake, 'GET', 'metrics')), {
    filter: "and(equals(integration.name,'Shopify'),equals(integration.category,'eCommerce'))",
    'fields[metric]': 'name',
  });
});

test('list_metrics with one filter, none, or a quote in the name', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'metrics'), answer(doc([])));
  data(await call('list_metrics', { integration_name: "Klaviyo's API" }));
  data(await call('list_metrics'));
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('filter')),
    ['equals(integration.name,"Klaviyo\'s API")', null],
  );
  assert.match(
    failure(await call('list_metrics', { integration_name: `a'b"c` })),
    /integration_name cannot hold both/,
  );
});

test('get_metric reads one metric with its integration', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `metrics/${METRIC_ID}`), answer(doc(metric())));
  assert.deepEqual(data(await call('get_metric', { metric_id: METRIC_ID })), { metric: flat(metric()) });
  assert.deepEqual(query(only(fake, 'GET', `metrics/${METRIC_ID}`)), {});
});
