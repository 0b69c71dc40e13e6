import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectOver, TRANSPORTS } from '../../testing/clients.js';
import { type FakeService, startFake } from '../../testing/fake-service.js';
import { type HostProcess, startHostProcess } from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';

// The same definitions must behave the same over every transport, with real clients and processes.
describe('every example server over every transport', () => {
  let host: HostProcess;
  let hn: FakeService;
  let env: Record<string, string>;

  before(async () => {
    hn = await startFake();
    hn.route('GET /v0/item/8863.json', {
      body: {
        id: 8863,
        type: 'story',
        by: 'dhouston',
        title: 'My YC app: Dropbox',
        score: 111,
        time: 1175714200,
      },
    });
    env = { GUMCP_HACKERNEWS_API_URL: `${hn.url}/v0` };
    host = await startHostProcess(env);
  });
  after(async () => {
    await host.stop();
    await hn.close();
  });

  for (const kind of TRANSPORTS) {
    test(`${kind}: simple-tools-server stores and lists data`, async () => {
      const client = await connectOver(kind, {
        hostUrl: host.url,
        serverId: 'simple-tools-server',
        sessionKey: `user-${kind}`,
        env,
      });
      assert.equal(client.getServerVersion()?.name, 'simple-tools-server');
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), ['list-data', 'retrieve-data', 'store-data']);
      await client.callTool({ name: 'store-data', arguments: { key: 'transport', value: kind } });
      const listed = await client.callTool({ name: 'list-data', arguments: {} });
      assert.equal(text(listed), `transport: ${kind}`);
      await client.close();
    });

    test(`${kind}: hackernews calls its API through the upstream client`, async () => {
      const client = await connectOver(kind, {
        hostUrl: host.url,
        serverId: 'hackernews',
        sessionKey: 'reader',
        env,
      });
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === 'get_story_details'));
      const before = hn.requests.length;
      const result = await client.callTool({ name: 'get_story_details', arguments: { id: 8863 } });
      assert.equal(result.isError, undefined, text(result));
      assert.match(JSON.stringify(result.structuredContent), /My YC app: Dropbox/);
      assert.ok(hn.requests.slice(before).some((r) => r.path === '/v0/item/8863.json'));
      await client.close();
    });

    test(`${kind}: conformance fixture lists and reads resources`, async () => {
      const client = await connectOver(kind, {
        hostUrl: host.url,
        serverId: 'conformance',
        sessionKey: 'c',
        env,
      });
      const { resources } = await client.listResources();
      const first = resources[0];
      assert.ok(first, 'the conformance fixture lists at least one resource');
      const read = await client.readResource({ uri: first.uri });
      assert.equal(read.contents[0]?.uri, first.uri);
      await client.close();
    });
  }
});
