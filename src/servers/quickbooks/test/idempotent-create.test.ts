import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { adds } from '../../../core/annotations.js';
import { defineServer, tool } from '../../../core/definition.js';
import { fakeFor } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { apiFactory } from '../api.js';
import { REALM } from './fake-quickbooks.js';
import { CREDENTIALS, data, FAST } from './harness.js';

/**
 * guMCP's QuickBooks tools only read, so no tool creates yet; the API layer's create is what future
 * writing tools use. A minimal server with one creating tool drives it through an MCP client.
 */
const connectApi = apiFactory(FAST);
const server = defineServer({
  id: 'quickbooks',
  name: 'QuickBooks create probe',
  description: 'test only',
  auth: { kind: 'none' },
  tools: {
    create_customer: tool({
      description: 'test only',
      input: z.object({ name: z.string() }),
      output: z.object({ id: z.string() }),
      annotations: adds,
      async handler({ name }, ctx) {
        const created = await connectApi(ctx).create('Customer', { DisplayName: name });
        return { id: String(created.Id) };
      },
    }),
  },
});

test('a create retried after its answer was lost reaches QuickBooks twice with one requestid and creates once', async (t) => {
  const fake = await fakeFor(t, 'quickbooks', '/v3/company');
  // QuickBooks' requestid: a repeated id gets the first answer back instead of a second create.
  const byRequest = new Map<string, Record<string, unknown>>();
  let created = 0;
  let attempts = 0;
  fake.route(`POST /v3/company/${REALM}/customer`, (req) => {
    attempts += 1;
    const id = req.query.get('requestid') ?? '';
    let customer = byRequest.get(id);
    if (!customer) {
      created += 1;
      customer = {
        Id: String(100 + created),
        DisplayName: (req.body as { DisplayName: string }).DisplayName,
        SyncToken: '0',
      };
      byRequest.set(id, customer);
    }
    // The first attempt's work is done, but its answer is lost to a gateway error.
    if (attempts === 1) return { status: 502, body: 'Bad Gateway' };
    return { body: { Customer: customer, time: '2025-03-01T00:00:00Z' } };
  });
  const client = await connect(server, { credentials: CREDENTIALS });
  t.after(() => client.close());

  const out = data(await client.callTool({ name: 'create_customer', arguments: { name: 'Cool Cars' } }));
  assert.deepEqual(out, { id: '101' });
  assert.equal(fake.requests.length, 2);
  const [first, second] = fake.requests.map((r) => r.query.get('requestid'));
  assert.ok(first && first.length <= 50);
  assert.equal(second, first);
  assert.equal(created, 1);
  assert.equal(fake.requests[0]?.query.get('minorversion'), '75');
  assert.deepEqual(fake.requests[0]?.body, { DisplayName: 'Cool Cars' });

  // The next call is a new create: a new requestid.
  data(await client.callTool({ name: 'create_customer', arguments: { name: 'Amy' } }));
  assert.notEqual(fake.requests[2]?.query.get('requestid'), first);
  assert.equal(created, 2);
});
