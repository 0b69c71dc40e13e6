import type { ContentBlock } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, tool, withContent } from '../../core/definition.js';
import { BrowserbaseApi, type BrowserbaseTuning, readCredentials } from './api.js';
import { type LoadedPage, loadPage, type WaitUntil } from './browser.js';

/** Timing of the browser side; tests shorten it. */
export interface BrowserTuning {
  /** How long connecting to the session's browser may take (default 30 s). */
  connectTimeoutMs?: number;
}

const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;

const url = z
  .string()
  .trim()
  .url('must be an absolute URL such as https://example.com/')
  .refine(
    (u) => !URL.canParse(u) || /^https?:$/i.test(new URL(u).protocol),
    'must be an http:// or https:// URL',
  )
  .describe('The page to load, e.g. https://example.com/pricing');

const output = z.object({
  url: z.string().describe('The URL asked for'),
  final_url: z.string().describe('Where the browser ended up, after redirects'),
  status: z
    .number()
    .nullable()
    .describe('HTTP status of the main document (null when the browser gives none)'),
  title: z.string(),
  text: z.string().describe('The text a reader sees on the page'),
  text_truncated: z.boolean(),
  html: z
    .string()
    .optional()
    .describe('The page’s HTML after scripts ran (guMCP’s answer), when include_html'),
  html_truncated: z.boolean().optional(),
  screenshot: z
    .enum(['attached', 'too_large', 'none'])
    .describe('Whether a PNG screenshot is attached as an image block'),
  session_id: z.string().describe('The Browserbase session used (see it in the Browserbase dashboard)'),
  session_released: z
    .boolean()
    .describe('Whether the session was ended at once (else it ends on its timeout)'),
});

function cut(value: string, max: number): { value: string; truncated: boolean } {
  return value.length > max ? { value: value.slice(0, max), truncated: true } : { value, truncated: false };
}

/** The one tool of guMCP's browserbase server. */
export function browserbaseTools(
  tuning: BrowserbaseTuning,
  browser: BrowserTuning,
): Record<string, AnyToolDef> {
  return {
    load_webpage_tool: tool({
      title: 'Load a web page in a cloud browser',
      description:
        'Load a URL in a headless Chrome on Browserbase (JavaScript runs, as in a real browser) and return ' +
        'the page’s title, visible text and HTML, optionally with a screenshot. Each call starts a ' +
        'Browserbase session, billed as browser time, and ends it when done.',
      input: z.object({
        url,
        include_html: z
          .boolean()
          .default(true)
          .describe('Return the page’s HTML as well as its text (default true, as guMCP did)'),
        max_chars: z
          .number()
          .int()
          .min(1000)
          .max(500_000)
          .default(50_000)
          .describe('Longest text and HTML returned, each (default 50000 characters); longer is cut'),
        screenshot: z
          .enum(['none', 'viewport', 'full_page'])
          .default('none')
          .describe('Attach a PNG screenshot of the visible part or of the whole page (default none)'),
        wait_until: z
          .enum(['load', 'domcontentloaded', 'networkidle', 'commit'])
          .default('load')
          .describe(
            'When the page counts as loaded (default load; networkidle waits for requests to settle)',
          ),
        timeout_seconds: z
          .number()
          .int()
          .min(1)
          .max(120)
          .default(30)
          .describe('Longest the page may take to load (default 30 s, at most 120)'),
      }),
      output,
      annotations: { ...reads, title: 'Load a web page in a cloud browser' },
      async handler(args, ctx) {
        const page = await loadThroughBrowserbase(args, ctx, tuning, browser);
        const text = cut(page.loaded.text, args.max_chars);
        const html = page.loaded.html === undefined ? undefined : cut(page.loaded.html, args.max_chars);
        const data = {
          url: args.url,
          final_url: page.loaded.finalUrl,
          status: page.loaded.status,
          title: page.loaded.title,
          text: text.value,
          text_truncated: text.truncated,
          ...(html ? { html: html.value, html_truncated: html.truncated } : {}),
          screenshot: page.loaded.screenshot
            ? ('attached' as const)
            : page.loaded.screenshotSkipped
              ? ('too_large' as const)
              : ('none' as const),
          session_id: page.sessionId,
          session_released: page.released,
        };
        const blocks: ContentBlock[] = page.loaded.screenshot
          ? [{ type: 'image', data: page.loaded.screenshot.toString('base64'), mimeType: 'image/png' }]
          : [];
        return withContent(data, blocks);
      },
    }),
  };
}

interface LoadArgs {
  url: string;
  include_html: boolean;
  screenshot: 'none' | 'viewport' | 'full_page';
  wait_until: WaitUntil;
  timeout_seconds: number;
}

/**
 * Starts a session, loads the page in it and ALWAYS releases the session afterwards, whether the
 * load succeeded, failed or was cancelled: a session left running is billed until its timeout.
 */
async function loadThroughBrowserbase(
  args: LoadArgs,
  ctx: ToolContext,
  tuning: BrowserbaseTuning,
  browser: BrowserTuning,
): Promise<{ loaded: LoadedPage; sessionId: string; released: boolean }> {
  const api = new BrowserbaseApi(readCredentials(await ctx.credentials()), ctx, tuning);
  // Session started, connected, page loaded, session released.
  let steps = 0;
  const step = (message: string) => ctx.progress(++steps, 4, message).catch(() => undefined);
  const session = await api.createSession();
  await step('Browser session started');
  let released = false;
  try {
    const loaded = await loadPage(
      session.connectUrl,
      args.url,
      {
        waitUntil: args.wait_until,
        timeoutMs: args.timeout_seconds * 1000,
        connectTimeoutMs: browser.connectTimeoutMs ?? 30_000,
        screenshot: args.screenshot,
        maxScreenshotBytes: MAX_SCREENSHOT_BYTES,
        includeHtml: args.include_html,
      },
      ctx.signal,
      step,
    );
    const done = await release();
    if (done) await step('Browser session released');
    return { loaded, sessionId: session.id, released: done };
  } finally {
    if (!released) await release();
  }

  async function release(): Promise<boolean> {
    released = true;
    try {
      await api.releaseSession(session.id);
      return true;
    } catch (error) {
      // The page's answer (or its error) matters more; the session ends on its own timeout.
      ctx.log.warn(
        { sessionId: session.id, error: error instanceof Error ? error.message : String(error) },
        'could not release the Browserbase session',
      );
      return false;
    }
  }
}
