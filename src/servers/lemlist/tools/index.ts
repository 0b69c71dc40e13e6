import type { ApiFactory } from '../api.js';
import { campaignTools } from './campaigns.js';
import { type ToolTable, toolMaker } from './common.js';
import { databaseTools } from './database.js';
import { leadTools } from './leads.js';
import { scheduleTools } from './schedules.js';
import { teamTools } from './team.js';
import { unsubscribeTools } from './unsubscribes.js';

/** The 30 tools of guMCP's lemlist server, by area, with clients made by `connect`. */
export function lemlistTools(connect: ApiFactory): ToolTable {
  const lemlistTool = toolMaker(connect);
  return {
    ...teamTools(lemlistTool),
    ...campaignTools(lemlistTool),
    ...scheduleTools(lemlistTool),
    ...leadTools(lemlistTool),
    ...unsubscribeTools(lemlistTool),
    ...databaseTools(lemlistTool),
  };
}
