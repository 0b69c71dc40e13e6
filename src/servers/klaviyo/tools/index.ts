import type { ApiFactory } from '../api.js';
import { campaignTools } from './campaigns.js';
import { type ToolTable, toolMaker } from './common.js';
import { listTools } from './lists.js';
import { metricTools } from './metrics.js';
import { profileTools } from './profiles.js';

/** The 17 tools of guMCP's Klaviyo server, by area, with clients made by `connect`. */
export function klaviyoTools(connect: ApiFactory): ToolTable {
  const klaviyoTool = toolMaker(connect);
  return {
    ...profileTools(klaviyoTool),
    ...campaignTools(klaviyoTool),
    ...metricTools(klaviyoTool),
    ...listTools(klaviyoTool),
  };
}
