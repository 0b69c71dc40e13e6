import type { ApiFactory } from '../api.js';
import { accountTools } from './accounts.js';
import { type ToolTable, toolMaker } from './common.js';
import { contactTools } from './contacts.js';
import { dealTools } from './deals.js';
import { enrichmentTools } from './enrichment.js';
import { searchTools } from './search.js';
import { teamTools } from './team.js';

/** The 17 tools of guMCP's Apollo server, by area, with clients made by `connect`. */
export function apolloTools(connect: ApiFactory): ToolTable {
  const apolloTool = toolMaker(connect);
  return {
    ...searchTools(apolloTool),
    ...enrichmentTools(apolloTool),
    ...contactTools(apolloTool),
    ...accountTools(apolloTool),
    ...dealTools(apolloTool),
    ...teamTools(apolloTool),
  };
}
