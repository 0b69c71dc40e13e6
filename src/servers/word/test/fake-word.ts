import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { GRAPH_PATH } from '../../../providers/microsoft/test/graph-fake.js';
import { type FakeService, startFake } from '../../../testing/fake-service.js';
import { apiUrlVariable } from '../../../upstream/client.js';

/**
 * Graph for the word server, in two parts, because the shared fake speaks text and a .docx is bytes:
 * - the Graph fake (driveItems, search, uploads) behind a recorder that keeps each request's raw
 *   bytes, so a test can open the .docx that was uploaded;
 * - a download host standing for SharePoint's storage: Graph answers `GET …/content` with a 302 to a
 *   pre-authenticated URL there (learn.microsoft.com/graph/api/driveitem-get-content), whose bytes it serves.
 */

export const V1 = GRAPH_PATH;
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface RawRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

export interface WordFake {
  graph: FakeService;
  /** Where the word server reaches Graph (the recorder), the origin of Graph's next-page links. */
  url: string;
  /** Every request to Graph with its body's bytes. */
  raw: RawRequest[];
  /** Requests to the download host. */
  downloads: RawRequest[];
  /** Serves `bytes` at the download host and makes Graph redirect `…/items/{id}/content` there. */
  serveFile(id: string, bytes: Buffer): void;
}

async function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const body = async (req: AsyncIterable<Buffer>) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
};

export async function fakeWord(t: TestContext): Promise<WordFake> {
  const graph = await startFake();
  const raw: RawRequest[] = [];
  const downloads: RawRequest[] = [];
  const files = new Map<string, Buffer>();

  const storage = await listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    downloads.push({ method: req.method ?? 'GET', path, headers: req.headers, bytes: await body(req) });
    const file = files.get(path);
    res.writeHead(file ? 200 : 404, { 'content-type': DOCX });
    res.end(file ?? '');
  });

  // Records the bytes, then hands the request to the Graph fake and its answer back.
  const recorder = await listen(async (req, res) => {
    const bytes = await body(req);
    const url = new URL(req.url ?? '/', 'http://x');
    raw.push({
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      headers: req.headers,
      bytes,
    });
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
    ) as Record<string, string>;
    const answer = await fetch(`${graph.url}${req.url}`, {
      method: req.method,
      headers,
      body: bytes.length ? bytes : undefined,
      redirect: 'manual',
    });
    const hop = ['content-length', 'transfer-encoding', 'connection', 'keep-alive'];
    res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([k]) => !hop.includes(k))));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });

  const variable = apiUrlVariable('word');
  process.env[variable] = `${recorder.url}${V1}`;
  t.after(async () => {
    delete process.env[variable];
    await Promise.all([recorder.close(), storage.close(), graph.close()]);
  });

  return {
    graph,
    url: recorder.url,
    raw,
    downloads,
    serveFile(id, bytes) {
      files.set(`/files/${id}.docx`, bytes);
      graph.route(`GET ${V1}/me/drive/items/${id}/content`, {
        status: 302,
        headers: { location: `${storage.url}/files/${id}.docx?tempauth=eyJ0` },
        body: '',
      });
    },
  };
}
