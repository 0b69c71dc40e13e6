import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyPostHogKey } from './api.js';
import { posthogTools } from './tools/index.js';

/**
 * The PostHog server. `tuning` shortens the upstream clients' timeouts and retry waits; only tests
 * pass it, the registry loads the default export.
 */
export function createPostHogServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'posthog',
    name: 'PostHog',
    description:
      'PostHog product analytics: send events and identify persons and groups, evaluate feature flags, and manage ' +
      'actions, annotations, cohorts, dashboards, persons, experiments and insights, with trends computed on demand.',
    instructions:
      'Every tool works in the project chosen at sign-in unless given project_id. Ids are numbers. Insights take a ' +
      'query node in filters (e.g. {"kind": "TrendsQuery", "series": [{"kind": "EventsNode", "event": "$pageview"}]}) ' +
      'or legacy filters. Lists return next_offset to continue. get_trend_insights uses the query API, limited to ' +
      'about 120 queries an hour.',
    auth: {
      kind: 'api_key',
      fields: [
        // guMCP's credential field name, so its users' credential files keep working.
        { name: 'api_key', label: 'PostHog personal API key (phx_...)', secret: true },
        {
          name: 'host',
          label: 'PostHog host: empty for US Cloud, "eu" for EU Cloud, or your instance’s https:// URL',
          optional: true,
        },
        {
          name: 'project_id',
          label: 'Project id (the number in your project’s address; empty: your current project)',
          optional: true,
        },
      ],
      verify: (values) => verifyPostHogKey(values, tuning),
    },
    tools: posthogTools(apiFactory(tuning)),
  });
}

export default createPostHogServer();
