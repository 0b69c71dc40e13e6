import type { ApiFactory } from '../api.js';
import { actorTools } from './actors.js';
import { type ToolTable, toolMaker } from './common.js';
import { datasetTools } from './datasets.js';
import { taskTools } from './tasks.js';

/** The 17 tools of guMCP's apify server, by area. */
export function apifyTools(connect: ApiFactory): ToolTable {
  const apifyTool = toolMaker(connect);
  return { ...actorTools(apifyTool), ...taskTools(apifyTool), ...datasetTools(apifyTool) };
}
