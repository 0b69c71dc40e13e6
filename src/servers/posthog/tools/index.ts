import type { ApiFactory } from '../api.js';
import { actionTools } from './actions.js';
import { annotationTools } from './annotations.js';
import { cohortTools } from './cohorts.js';
import { type ToolTable, toolMaker } from './common.js';
import { dashboardTools } from './dashboards.js';
import { eventTools } from './events.js';
import { experimentTools } from './experiments.js';
import { flagTools } from './flags.js';
import { insightTools } from './insights.js';
import { personTools } from './persons.js';
import { trendTools } from './trends.js';

/** The 45 tools of guMCP's PostHog server, by area, with clients made by `connect`. */
export function posthogTools(connect: ApiFactory): ToolTable {
  const posthogTool = toolMaker(connect);
  return {
    ...actionTools(posthogTool),
    ...eventTools(posthogTool),
    ...flagTools(posthogTool),
    ...annotationTools(posthogTool),
    ...cohortTools(posthogTool),
    ...dashboardTools(posthogTool),
    ...personTools(posthogTool),
    ...experimentTools(posthogTool),
    ...insightTools(posthogTool),
    ...trendTools(posthogTool),
  };
}
