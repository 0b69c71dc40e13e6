import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

/**
 * A real headless Chromium on loopback, standing in for the browser a Browserbase session runs: the
 * tool connects to it over CDP exactly as it connects to Browserbase's. Debian's `chromium` package
 * (CI installs it); GUMCP_CHROMIUM names another binary.
 */
export const CHROMIUM = process.env.GUMCP_CHROMIUM ?? '/usr/bin/chromium';

/** The longest Chromium may take to say where its DevTools endpoint listens. */
const START_TIMEOUT_MS = 30_000;

export interface RunningChromium {
  /** The browser's CDP WebSocket address (`ws://127.0.0.1:<port>/devtools/browser/<id>`). */
  wsUrl: string;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile and reads its DevTools address from stderr. */
export async function startChromium(): Promise<RunningChromium> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} does not exist`);
  const profile = mkdtempSync(join(tmpdir(), 'gumcp-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const wsUrl = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(
        () => reject(new Error(`no DevTools address within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with code ${code} before listening: ${stderr.slice(-300)}`));
      });
    });
    // Chromium's output is not read any further; left unread, a full pipe could stall it.
    child.stderr?.resume();
    return { wsUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const required = () => process.env.GUMCP_REQUIRE_SERVICES === '1';

/**
 * The Chromium of a test file, started once by `before`: a test calls `need(t)` and is skipped, saying
 * why, when it could not start, or fails when GUMCP_REQUIRE_SERVICES=1 (as CI sets) requires it.
 */
export function chromiumForFile(): {
  start(): Promise<void>;
  stop(): Promise<void>;
  need(t: TestContext): string | undefined;
} {
  let running: RunningChromium | undefined;
  let failure: string | undefined;
  return {
    async start() {
      try {
        running = await startChromium();
      } catch (error) {
        failure = `Chromium (${CHROMIUM}) could not be started: ${(error as Error).message}`;
      }
    },
    async stop() {
      await running?.close();
    },
    need(t) {
      if (running) return running.wsUrl;
      const reason = failure ?? 'Chromium was not started';
      if (required()) throw new Error(`${reason}; GUMCP_REQUIRE_SERVICES=1 makes it required`);
      t.skip(`${reason}: skipped; install Debian's chromium or set GUMCP_CHROMIUM`);
      return undefined;
    },
  };
}
