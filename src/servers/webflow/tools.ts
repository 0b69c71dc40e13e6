import type { AnyToolDef } from '../../core/definition.js';
import type { ApiFactory } from './api.js';
import { webflowToolMaker } from './args.js';
import { cmsTools } from './cms-tools.js';
import { siteTools } from './site-tools.js';
import { userTools } from './user-tools.js';

/** The 27 Webflow tools, by area, with clients made by `connect` (the seam tests use to shorten retries). */
export function webflowTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const webflowTool = webflowToolMaker(connect);
  return { ...siteTools(webflowTool), ...cmsTools(webflowTool), ...userTools(webflowTool) };
}
