import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { FirecrawlApi, type FirecrawlTuning, verifyApiKey } from './api.js';
import { firecrawlTools } from './tools/index.js';

/**
 * The Firecrawl server. `tuning` shortens retries and job polling; only tests pass it, the registry
 * loads the default export.
 */
export function createFirecrawlServer(tuning: FirecrawlTuning = {}): ServerDefinition {
  const connect = (ctx: ConstructorParameters<typeof FirecrawlApi>[0]) => new FirecrawlApi(ctx, tuning);
  return defineServer({
    id: 'firecrawl',
    name: 'Firecrawl',
    description:
      'Firecrawl: scrape web pages to markdown, crawl and map websites, batch-scrape URLs, extract ' +
      'structured data with an LLM, and search the web.',
    instructions:
      'scrape_url reads one page (long pages in parts: nextOffset and scrapeId). crawl_website, ' +
      'batch_scrape and extract_data start jobs and wait for them up to waitSeconds; their status tools ' +
      'continue with skip/nextSkip. Most tools spend Firecrawl credits; check_credit_usage shows the balance.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'api_key', label: 'Firecrawl API key (fc-…)', secret: true }],
      verify: (values) => verifyApiKey(values, tuning),
    },
    tools: firecrawlTools(connect),
  });
}

export default createFirecrawlServer();
