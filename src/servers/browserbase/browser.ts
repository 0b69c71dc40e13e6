import type { Browser, Page } from 'playwright-core';
import { ToolError } from '../../core/errors.js';

/** When a page counts as loaded (Playwright's `waitUntil`). */
export type WaitUntil = 'load' | 'domcontentloaded' | 'networkidle' | 'commit';

export interface LoadOptions {
  waitUntil: WaitUntil;
  /** The longest the navigation may take. */
  timeoutMs: number;
  /** The longest the connection to the session's browser may take. */
  connectTimeoutMs: number;
  screenshot: 'none' | 'viewport' | 'full_page';
  /** A screenshot larger than this is left out (a model cannot use a huge image anyway). */
  maxScreenshotBytes: number;
  includeHtml: boolean;
}

export interface LoadedPage {
  finalUrl: string;
  status: number | null;
  title: string;
  text: string;
  html: string | undefined;
  screenshot: Buffer | undefined;
  screenshotSkipped: boolean;
}

/** Playwright, loaded on the first page load so that a server's cold start does not pay for it. */
let playwright: Promise<typeof import('playwright-core')> | undefined;
const loadPlaywright = () => {
  playwright ??= import('playwright-core');
  return playwright;
};

/**
 * Playwright's messages carry a call log and the endpoint (whose query holds Browserbase's signing
 * key): only the first line is kept, and any WebSocket address in it is cut out.
 */
export function cleanPlaywrightMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const first = (raw.split('\n')[0] ?? '').replace(/^[\w.]+: /, '');
  return (
    first
      .replace(/wss?:\/\/\S+/gi, '<browser address>')
      .replace(/signingKey=[^\s&]+/gi, 'signingKey=…')
      // Terminal colour codes of the call log.
      .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
      .trim()
      .slice(0, 300)
  );
}

/** Rejects as soon as the signal aborts, so a cancelled call stops waiting for the browser. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const stop = () => reject(new ToolError('Cancelled: stopped loading the page'));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Connects to a session's browser over CDP, loads `url` in its page and reads it. The connection is
 * always closed before returning (the caller releases the session itself); a cancelled call closes it
 * at once, which ends any navigation still under way.
 */
export async function loadPage(
  connectUrl: string,
  url: string,
  options: LoadOptions,
  signal: AbortSignal,
  onStep: (step: string) => Promise<void>,
): Promise<LoadedPage> {
  const { chromium } = await loadPlaywright();
  let browser: Browser | undefined;
  const aborted = untilAborted(signal);
  aborted.catch(() => undefined);
  const closeOnAbort = () => void browser?.close().catch(() => undefined);
  signal.addEventListener('abort', closeOnAbort, { once: true });
  try {
    try {
      browser = await Promise.race([
        chromium.connectOverCDP(connectUrl, { timeout: options.connectTimeoutMs }),
        aborted,
      ]);
    } catch (error) {
      if (error instanceof ToolError) throw error;
      throw new ToolError(
        `Could not connect to the Browserbase session's browser: ${cleanPlaywrightMessage(error)}`,
      );
    }
    await onStep('Connected to the browser');
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    return await Promise.race([read(page, url, options, onStep), aborted]);
  } finally {
    signal.removeEventListener('abort', closeOnAbort);
    await browser?.close().catch(() => undefined);
  }
}

async function read(
  page: Page,
  url: string,
  options: LoadOptions,
  onStep: (step: string) => Promise<void>,
): Promise<LoadedPage> {
  let status: number | null = null;
  try {
    const response = await page.goto(url, { waitUntil: options.waitUntil, timeout: options.timeoutMs });
    status = response?.status() ?? null;
  } catch (error) {
    const message = cleanPlaywrightMessage(error);
    if (/Timeout \d+ms exceeded/i.test(message)) {
      throw new ToolError(
        `The page did not finish loading within ${Math.round(options.timeoutMs / 1000)} s (wait_until ` +
          `${options.waitUntil}); try a longer timeout_seconds or wait_until "domcontentloaded"`,
      );
    }
    throw new ToolError(`Could not load ${url}: ${message}`);
  }
  await onStep('Page loaded');
  const title = await page.title();
  // innerText is the text a reader sees (hidden elements, scripts and styles left out).
  const text = String(await page.evaluate('document.body ? document.body.innerText : ""'));
  const html = options.includeHtml ? await page.content() : undefined;
  let screenshot: Buffer | undefined;
  let screenshotSkipped = false;
  if (options.screenshot !== 'none') {
    const shot = await page.screenshot({ type: 'png', fullPage: options.screenshot === 'full_page' });
    if (shot.length <= options.maxScreenshotBytes) screenshot = shot;
    else screenshotSkipped = true;
  }
  return { finalUrl: page.url(), status, title, text, html, screenshot, screenshotSkipped };
}
