import type { ApiFactory } from '../api.js';
import { campaignTools } from './campaigns.js';
import { type ToolTable, toolMaker } from './common.js';
import { fieldTools } from './fields.js';
import { formTools } from './forms.js';
import { groupTools } from './groups.js';
import { subscriberTools } from './subscribers.js';
import { webhookTools } from './webhooks.js';

/** The 33 tools of guMCP's MailerLite server, by area, with clients made by `connect`. */
export function mailerliteTools(connect: ApiFactory): ToolTable {
  const mailerliteTool = toolMaker(connect);
  return {
    ...subscriberTools(mailerliteTool),
    ...groupTools(mailerliteTool),
    ...fieldTools(mailerliteTool),
    ...campaignTools(mailerliteTool),
    ...formTools(mailerliteTool),
    ...webhookTools(mailerliteTool),
  };
}
