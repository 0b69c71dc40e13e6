import type { ApiFactory } from '../api.js';
import { backlinkTools } from './backlinks.js';
import { type ToolTable, toolMaker } from './common.js';
import { historyTools } from './history.js';
import { keywordTools } from './keywords.js';
import { linkTools } from './links.js';
import { overviewTools } from './overview.js';
import { searchTools } from './search.js';

/**
 * The 32 tools of guMCP's ahrefs server, by area: Site Explorer (overview, histories, backlink
 * profile, organic and paid search, pages and outgoing links) and Keywords Explorer.
 */
export function ahrefsTools(connect: ApiFactory): ToolTable {
  const ahrefsTool = toolMaker(connect);
  return {
    ...overviewTools(ahrefsTool),
    ...historyTools(ahrefsTool),
    ...backlinkTools(ahrefsTool),
    ...searchTools(ahrefsTool),
    ...linkTools(ahrefsTool),
    ...keywordTools(ahrefsTool),
  };
}
