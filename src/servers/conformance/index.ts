import { defineServer } from '../../core/definition.js';
import { prompts } from './prompts.js';
import { resources } from './resources.js';
import { tools } from './tools.js';

/**
 * The fixture the official MCP conformance suite (`@modelcontextprotocol/conformance`) drives:
 * every tool, resource and prompt its server scenarios expect, written with the same definition API
 * as the integrations, so the suite checks the host and core that serve them. Calls no service.
 */
export default defineServer({
  id: 'conformance',
  name: 'MCP Conformance Fixture',
  description: 'Tools, resources and prompts the MCP conformance suite exercises; calls no external service.',
  auth: { kind: 'none' },
  tools,
  resources,
  resourceSubscriptions: true,
  prompts,
});
