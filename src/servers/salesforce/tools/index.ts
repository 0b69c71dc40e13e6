import type { ApiFactory } from '../api.js';
import { type ToolTable, toolMaker } from './common.js';
import { contentTools } from './content.js';
import { crmTools } from './crm.js';
import { dataTools } from './data.js';

/** The 19 tools of guMCP's Salesforce server, by area, with clients made by `connect`. */
export function salesforceTools(connect: ApiFactory): ToolTable {
  const salesforceTool = toolMaker(connect);
  return { ...dataTools(salesforceTool), ...crmTools(salesforceTool), ...contentTools(salesforceTool) };
}
