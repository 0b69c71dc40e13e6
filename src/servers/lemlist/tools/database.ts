import { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import { anyObject } from '../shapes.js';
import type { ToolMaker, ToolTable } from './common.js';

/** lemlist's people and companies database. */
export function databaseTools(lemlistTool: ToolMaker): ToolTable {
  return {
    get_database_filters: lemlistTool({
      description:
        "List the filters of lemlist's people and companies database (filterId, description, mode, type, " +
        'helper, allowed values), for building database searches.',
      input: z.object({}),
      output: z.object({ filters: z.array(anyObject) }),
      annotations: reads,
      run: async (_args, lemlist) => ({ filters: await lemlist.databaseFilters() }),
    }),
  };
}
