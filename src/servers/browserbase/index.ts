import { pino } from 'pino';
import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { BrowserbaseApi, type BrowserbaseTuning, readCredentials } from './api.js';
import { type BrowserTuning, browserbaseTools } from './tools.js';

/** Checks a key and project id with `GET /v1/projects/{id}` at sign-in, so a wrong one fails at once. */
async function verify(
  values: Readonly<Record<string, string>>,
  tuning: BrowserbaseTuning,
): Promise<undefined> {
  if (!values.api_key?.trim()) throw new ToolError('api_key: enter the Browserbase API key');
  if (!values.project_id?.trim()) throw new ToolError('project_id: enter the Browserbase project id');
  const api = new BrowserbaseApi(
    readCredentials(values),
    { log: pino({ level: 'silent' }), signal: AbortSignal.timeout(30_000) },
    tuning,
  );
  try {
    await api.project();
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Browserbase rejected the API key: check that it was copied whole and is not revoked',
      );
    }
    throw error;
  }
  return undefined;
}

/**
 * The Browserbase server. `tuning` and `browser` shorten retries and waits; only tests pass them, the
 * registry loads the default export.
 */
export function createBrowserbaseServer(
  tuning: BrowserbaseTuning = {},
  browser: BrowserTuning = {},
): ServerDefinition {
  return defineServer({
    id: 'browserbase',
    name: 'Browserbase',
    description:
      'Browserbase: load web pages in a headless Chrome running in Browserbase’s cloud and read their ' +
      'title, text and HTML, with an optional screenshot.',
    instructions:
      'Each load_webpage_tool call starts a Browserbase session (billed as browser time, one minute at ' +
      'least) and ends it when the page is read.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field names, so its users' credential files keep working.
      fields: [
        { name: 'api_key', label: 'Browserbase API key', secret: true },
        { name: 'project_id', label: 'Browserbase project id' },
      ],
      verify: (values) => verify(values, tuning),
    },
    tools: browserbaseTools(tuning, browser),
  });
}

export default createBrowserbaseServer();
