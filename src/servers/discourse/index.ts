import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyLogin } from './api.js';
import { discourseResources } from './resources.js';
import { FIELDS } from './site.js';
import { discourseTools } from './tools.js';

/**
 * The Discourse server. `tuning` shortens the upstream client's timeouts and retry backoff; only tests
 * pass it, the registry loads the default export.
 */
export function createDiscourseServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'discourse',
    name: 'Discourse',
    description: 'Categories, topic search, new topics and replies, and user profiles on a Discourse forum.',
    instructions:
      'Topics and categories are named by numeric id (list_categories gives category ids; search_topics gives topic ids). ' +
      'Posts are Markdown. Resources: discourse://category/{id}, discourse://topic/{id}.',
    // guMCP's stored names (its credentialFields), so its users' credential files keep working.
    auth: {
      kind: 'api_key',
      fields: [
        { name: FIELDS.url, label: 'Discourse site URL (e.g. https://forum.example.com)' },
        { name: FIELDS.username, label: 'Discourse username the API key acts as' },
        { name: FIELDS.key, label: 'Discourse API key', secret: true },
      ],
      verify: (values) => verifyLogin(values, tuning),
    },
    tools: discourseTools(connect),
    resources: discourseResources(connect),
  });
}

export default createDiscourseServer();
