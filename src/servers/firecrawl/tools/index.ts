import type { ApiFactory } from '../api.js';
import type { ToolTable } from './common.js';
import { jobTools } from './jobs.js';
import { pageTools } from './pages.js';

/** Every Firecrawl tool, with clients from `connect`. */
export function firecrawlTools(connect: ApiFactory): ToolTable {
  return { ...pageTools(connect), ...jobTools(connect) };
}
