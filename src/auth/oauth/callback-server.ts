import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A browser's request to the redirect URI, held open until the flow knows how it ended. */
export interface PendingCallback {
  params: URLSearchParams;
  /** Answers the browser with a page saying how the sign-in ended, then frees the connection. */
  reply(ok: boolean, message: string): Promise<void>;
}

export interface CallbackServer {
  /** The redirect URI the provider must send the browser to. */
  readonly redirectUri: string;
  /** The first request to the callback path; rejects with `onTimeout()` when none comes in time. */
  next(timeoutMs: number, onTimeout: () => Error): Promise<PendingCallback>;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, message: string): Promise<void> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>gumcp</title></head><body><p>${escapeHtml(message)}</p><p>You can close this tab.</p></body></html>`;
  return new Promise((resolve) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The code is in the URL: keep it out of any Referer the page could send.
      'referrer-policy': 'no-referrer',
    });
    res.end(html, () => resolve());
  });
}

/** Names that reach the IPv4 loopback address the server listens on. */
const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1';

/**
 * Listens on 127.0.0.1 for the provider's redirect. With a registered redirect URI (a loopback
 * URL, as RFC 8252 §7.3 describes), its port and path are used as they are, since providers
 * compare it exactly; otherwise http://127.0.0.1:<port>/callback.
 */
export async function startCallbackServer(options: {
  port: number;
  redirectUri?: string;
}): Promise<CallbackServer> {
  let target: URL;
  if (options.redirectUri) {
    target = new URL(options.redirectUri);
    if (target.protocol !== 'http:' || !isLoopback(target.hostname)) {
      throw new Error(
        `The configured redirect_uri ${options.redirectUri} is not on this machine; the sign-in needs an http:// ` +
          `address on 127.0.0.1 or localhost, such as http://127.0.0.1:${options.port}/callback, registered with the provider`,
      );
    }
  } else {
    target = new URL(`http://127.0.0.1:${options.port}/callback`);
  }
  const port = target.port ? Number(target.port) : 80;

  let waiting: ((callback: PendingCallback) => void) | undefined;
  let taken = false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== target.pathname) {
      res.writeHead(404).end();
      return;
    }
    if (taken || !waiting) {
      void page(res, 409, 'This sign-in was already handled, or is not expected any more.');
      return;
    }
    taken = true;
    waiting({ params: url.searchParams, reply: (ok, message) => page(res, ok ? 200 : 400, message) });
  });
  server.listen(port, '127.0.0.1');
  try {
    // once() rejects when 'error' comes first.
    await once(server, 'listening');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${port} on 127.0.0.1 is in use, so the sign-in callback cannot be received there; free it or choose another port (and register that redirect URI with the provider)`
        : `Could not listen on 127.0.0.1:${port} for the sign-in callback: ${(error as Error).message}`,
    );
  }
  if (!target.port || target.port === '0') target.port = String((server.address() as AddressInfo).port);

  return {
    redirectUri: options.redirectUri ?? target.href,
    next(timeoutMs, onTimeout) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = undefined;
          reject(onTimeout());
        }, timeoutMs);
        waiting = (callback) => {
          clearTimeout(timer);
          waiting = undefined;
          resolve(callback);
        };
      });
    },
    async close() {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
