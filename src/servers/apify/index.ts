import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { ApifyApi, type ApifyTuning, verifyToken } from './api.js';
import { apifyTools } from './tools/index.js';

/**
 * The Apify server. `tuning` shortens retries and job polling; only tests pass it, the registry loads
 * the default export.
 */
export function createApifyServer(tuning: ApifyTuning = {}): ServerDefinition {
  return defineServer({
    id: 'apify',
    name: 'Apify',
    description:
      'Apify: create, build and run Actors (web scrapers and automations) and their tasks, follow their runs, ' +
      'and read or delete the datasets they fill.',
    instructions:
      'Ids are Apify ids or username~name (apify~web-scraper). run_actor and run_task start a run (it costs ' +
      'money), wait for it with progress, and return its first results; list_datasets with dataset_id reads more ' +
      'of them. Cancelling a run call aborts the run.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'token', label: 'Apify API token', secret: true }],
      verify: (values) => verifyToken(values, tuning),
    },
    tools: apifyTools((ctx) => new ApifyApi(ctx, tuning)),
  });
}

export default createApifyServer();
