import type { AnyToolDef } from '../../core/definition.js';
import type { ApiFactory } from './api.js';
import { twilioToolMaker } from './args.js';
import { conversationsTools } from './conversations-tools.js';
import { messagingTools } from './messaging-tools.js';
import { verifyTools } from './verify-tools.js';
import { videoTools } from './video-tools.js';

/** guMCP's 22 Twilio tools, by product, with clients made by `connect` (the seam tests use to shorten retries). */
export function twilioTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const twilioTool = twilioToolMaker(connect);
  return {
    ...messagingTools(twilioTool),
    ...verifyTools(twilioTool),
    ...conversationsTools(twilioTool),
    ...videoTools(twilioTool),
  };
}
