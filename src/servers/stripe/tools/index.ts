import type { ApiFactory } from '../api.js';
import { billingTools } from './billing.js';
import { type ToolTable, toolMaker } from './common.js';
import { customerTools } from './customers.js';
import { paymentTools } from './payments.js';

/** The 21 tools of guMCP's Stripe server, by area, with clients made by `connect`. */
export function stripeTools(connect: ApiFactory): ToolTable {
  const stripeTool = toolMaker(connect);
  return { ...customerTools(stripeTool), ...paymentTools(stripeTool), ...billingTools(stripeTool) };
}
