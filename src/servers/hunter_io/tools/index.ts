import type { ApiFactory } from '../api.js';
import { campaignTools } from './campaigns.js';
import { type ToolTable, toolMaker } from './common.js';
import { discoveryTools } from './discovery.js';
import { leadTools } from './leads.js';

/** The 22 tools of guMCP's hunter_io server, by area. */
export function hunterTools(connect: ApiFactory): ToolTable {
  const hunterTool = toolMaker(connect);
  return { ...discoveryTools(hunterTool), ...leadTools(hunterTool), ...campaignTools(hunterTool) };
}
