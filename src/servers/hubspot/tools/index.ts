import type { ApiFactory } from '../api.js';
import { type ToolTable, toolMaker } from './common.js';
import { companyTools } from './companies.js';
import { contactTools } from './contacts.js';
import { dealTools } from './deals.js';
import { engagementTools } from './engagements.js';
import { productTools } from './products.js';
import { ticketTools } from './tickets.js';

/** The 32 tools of guMCP's HubSpot server, by area, with clients made by `connect`. */
export function hubspotTools(connect: ApiFactory): ToolTable {
  const hubspotTool = toolMaker(connect);
  return {
    ...contactTools(hubspotTool),
    ...companyTools(hubspotTool),
    ...dealTools(hubspotTool),
    ...ticketTools(hubspotTool),
    ...productTools(hubspotTool),
    ...engagementTools(hubspotTool),
  };
}
