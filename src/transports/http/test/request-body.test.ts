import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { type HostProcess, startHostProcess } from '../../../testing/host-process.js';
import { claimsModernEnvelope, readBody } from '../host.js';

/** A stand-in for Node's request stream: headers and the chunks a client sends. */
function incoming(chunks: string[], headers: Record<string, string> = {}): IncomingMessage {
  const stream = new PassThrough();
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return Object.assign(stream, { headers }) as unknown as IncomingMessage;
}

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

describe('readBody reads the body from the Node stream, bounded', () => {
  test('joins the chunks of a body within the limit', async () => {
    const body = await readBody(incoming(['{"a":', '1}']), 100);
    assert.equal(body?.toString(), '{"a":1}');
  });

  test('a body of exactly the limit is read', async () => {
    const body = await readBody(incoming(['x'.repeat(10)]), 10);
    assert.equal(body?.length, 10);
  });

  test('a declared Content-Length over the limit is refused before reading', async () => {
    assert.equal(await readBody(incoming(['{}'], { 'content-length': '11' }), 10), undefined);
  });

  test('a streamed body that grows past the limit is refused', async () => {
    assert.equal(await readBody(incoming(['x'.repeat(6), 'x'.repeat(6)]), 10), undefined);
  });

  test('a request closed before its body ended is an error, not a wait without end', async () => {
    const stream = new PassThrough();
    const reading = readBody(Object.assign(stream, { headers: {} }) as unknown as IncomingMessage, 100);
    stream.write('{"partial":');
    stream.destroy();
    await assert.rejects(reading, /closed before its body ended/);
  });

  test('an empty body is an empty buffer', async () => {
    assert.equal((await readBody(incoming([]), 10))?.length, 0);
  });
});

describe('claimsModernEnvelope spots the 2026-07-28 envelope claim', () => {
  test('a request with the _meta protocol version claims it', () => {
    const call = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x', _meta: META } };
    assert.equal(claimsModernEnvelope(call), true);
  });

  test('a notification with the claim claims it', () => {
    assert.equal(
      claimsModernEnvelope({ jsonrpc: '2.0', method: 'notifications/x', params: { _meta: META } }),
      true,
    );
  });

  test('initialize, responses, batches and claim-less bodies are left to the SDK', () => {
    const params = { _meta: META };
    assert.equal(claimsModernEnvelope({ jsonrpc: '2.0', id: 1, method: 'initialize', params }), false);
    assert.equal(claimsModernEnvelope({ jsonrpc: '2.0', id: 1, result: {}, method: 'x', params }), false);
    assert.equal(claimsModernEnvelope([{ jsonrpc: '2.0', id: 1, method: 'ping', params }]), false);
    assert.equal(
      claimsModernEnvelope({ jsonrpc: '2.0', id: 1, method: 'ping', params: { _meta: {} } }),
      false,
    );
    assert.equal(claimsModernEnvelope({ jsonrpc: '2.0', id: 1, method: 'ping' }), false);
    assert.equal(claimsModernEnvelope(null), false);
  });
});

describe('the host reads bodies itself and routes by the envelope claim', () => {
  let host: HostProcess;
  before(async () => {
    host = await startHostProcess({ GUMCP_MAX_BODY_BYTES: '4096' });
  });
  after(async () => {
    await host.stop();
  });

  /** POSTs with chunked transfer encoding (no Content-Length), so only counting bytes can refuse it. */
  const postChunked = (path: string, chunks: string[]) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(path, host.url);
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });

  test('a chunked body past the limit is 413 with a JSON-RPC error naming the limit', async () => {
    const chunks = Array.from({ length: 6 }, () => 'x'.repeat(1000));
    const { status, body } = await postChunked('/simple-tools-server/alice', chunks);
    assert.equal(status, 413);
    const parsed = JSON.parse(body) as { error: { code: number; message: string } };
    assert.equal(parsed.error.code, -32600);
    assert.match(parsed.error.message, /larger than 4096 bytes/);
  });

  test('a chunked 2026-07-28 tools/call within the limit is served by the modern handler', async () => {
    const call = JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'store-data', arguments: { key: 'k', value: 'v' }, _meta: META },
    });
    const response = await fetch(`${host.url}/simple-tools-server/alice`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'tools/call',
        'mcp-name': 'store-data',
      },
      body: call,
    });
    assert.equal(response.status, 200);
    const text = await response.text();
    const json = text.startsWith('{') ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? '');
    const message = JSON.parse(json) as { id: number; result?: { isError?: boolean } };
    assert.equal(message.id, 7);
    assert.ok(message.result, text);
    assert.notEqual(message.result.isError, true);
  });

  test('a claim that names another revision still reaches the modern handler, which refuses it', async () => {
    const call = {
      jsonrpc: '2.0',
      id: 8,
      method: 'tools/list',
      params: { _meta: { ...META, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' } },
    };
    const { status, body } = await postChunked('/simple-tools-server/alice', [JSON.stringify(call)]);
    assert.equal(status, 400);
    const parsed = JSON.parse(body) as { id: number; error: { message: string } };
    assert.equal(parsed.id, 8);
    assert.match(parsed.error.message, /protocol version/i);
  });

  test('a claim-less request without a session is still told to initialize', async () => {
    const { status, body } = await postChunked('/simple-tools-server/alice', [
      JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    ]);
    assert.equal(status, 400);
    assert.match(body, /Mcp-Session-Id header is required/);
  });
});
