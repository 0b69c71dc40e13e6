// The load generator: keep-alive HTTP over node:http, a fixed number of requests in flight,
// bounded both in request count and in wall time. Loopback only.
import http from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Refuses any target that is not on this machine: the benchmark never sends traffic elsewhere. */
export function assertLoopback(url) {
  const { hostname } = new URL(url);
  if (!LOOPBACK.has(hostname)) throw new Error(`bench targets loopback only, not ${hostname}`);
}

/** A keep-alive agent sized for `sockets` parallel requests. */
export function keepAliveAgent(sockets) {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/**
 * One HTTP request; resolves with status, headers and the whole body as text.
 * A body that never ends (an event stream) must not be read with this: use `openStream`.
 */
export function request(url, { method = 'POST', headers = {}, body, agent } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Opens a long-lived event stream on its own socket and calls `onEvent({event, data})` for each
 * server-sent event. Resolves once the response headers arrive, with a `close()` that drops it.
 */
export function openStream(url, { headers = {}, onEvent = () => {}, onEnd = () => {} } = {}) {
  return new Promise((resolve, reject) => {
    // agent:false gives the stream a socket of its own, outside any keep-alive pool.
    const req = http.request(url, { method: 'GET', headers, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`event stream answered ${res.statusCode}`));
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = parseEvent(block);
          if (event) onEvent(event);
          cut = buffer.indexOf('\n\n');
        }
      });
      res.on('end', onEnd);
      res.on('error', onEnd);
      resolve({ status: res.statusCode, headers: res.headers, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/** One server-sent event block to {event, data}; comments and empty blocks to undefined. */
export function parseEvent(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return data.length ? { event, data: data.join('\n') } : undefined;
}

/** The JSON-RPC messages in a response body that is either JSON or a finished event stream. */
export function messagesOf(response) {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('text/event-stream')) {
    return response.body
      .split('\n\n')
      .map(parseEvent)
      .filter((e) => e && e.event === 'message')
      .map((e) => JSON.parse(e.data));
  }
  return response.body ? [JSON.parse(response.body)] : [];
}

/** The value at quantile q (0..1) of an ascending array. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Runs `call(i)` with `concurrency` calls in flight until `requests` have completed or
 * `seconds` have passed, whichever comes first. A call resolves true on a correct answer.
 */
export async function runLoad({ call, concurrency, requests, seconds }) {
  const latencies = new Float64Array(requests);
  const deadline = performance.now() + seconds * 1000;
  let issued = 0;
  let done = 0;
  let errors = 0;
  let firstError;
  const start = performance.now();
  const worker = async () => {
    while (issued < requests && performance.now() < deadline) {
      const i = issued++;
      const t0 = performance.now();
      try {
        if (!(await call(i))) errors++;
      } catch (error) {
        errors++;
        firstError ??= error;
      }
      latencies[done++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  const sorted = latencies.subarray(0, done).sort();
  return {
    requests: done,
    errors,
    firstError: firstError ? String(firstError.message ?? firstError) : undefined,
    seconds: elapsed,
    rps: done / elapsed,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
  };
}

/** Runs `task(i)` for i < n with at most `width` running at once; resolves with the elapsed ms. */
export async function inParallel(n, width, task) {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
  return performance.now() - start;
}
