import type { ApiFactory } from '../api.js';
import { billingTools } from './billing.js';
import { catalogTools } from './catalog.js';
import { type ToolTable, toolMaker } from './common.js';
import { orderTools } from './orders.js';

/** The 16 tools of guMCP's PayPal server, by area, with clients made by `connect`. */
export function paypalTools(connect: ApiFactory): ToolTable {
  const paypalTool = toolMaker(connect);
  return { ...orderTools(paypalTool), ...catalogTools(paypalTool), ...billingTools(paypalTool) };
}
