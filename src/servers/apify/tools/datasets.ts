import { z } from 'zod';
import { overwrites, reads } from '../../../core/annotations.js';
import { datasetSchema, itemsSchema, toDataset } from '../shapes.js';
import type { Dataset } from '../types.js';
import {
  apifyId,
  desc,
  itemArgs,
  offset,
  paged,
  pagedShape,
  readItems,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const enc = encodeURIComponent;

export function datasetTools(apifyTool: ToolMaker): ToolTable {
  return {
    list_datasets: apifyTool({
      description:
        'List the user’s datasets (named ones; unnamed adds the default datasets of runs), following pages up ' +
        'to limit. With dataset_id it reads that dataset’s items instead: a page from offset, bounded by limit, ' +
        'fields and max_bytes, with nextOffset to read on (how a run’s results are read).',
      input: z.object({
        dataset_id: apifyId('dataset')
          .optional()
          .describe('Read the items of this dataset (id or username~name)'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .optional()
          .describe(
            'Most datasets to list (default 100), or with dataset_id most items to read (default 20)',
          ),
        offset,
        desc: desc(true),
        unnamed: z.boolean().optional().describe('Also list unnamed datasets (the default datasets of runs)'),
        ...itemArgs,
      }),
      output: z.object({
        ...pagedShape,
        datasets: z.array(datasetSchema).optional().describe('Without dataset_id: the datasets'),
        dataset_items: itemsSchema.optional().describe('With dataset_id: a page of its items'),
      }),
      annotations: reads,
      async run({ dataset_id, limit, offset, desc, unnamed, fields, max_bytes }, apify) {
        if (dataset_id) {
          const page = await readItems(
            apify,
            dataset_id,
            offset,
            Math.min(limit ?? 20, 1000),
            fields,
            max_bytes,
          );
          return { count: page.count, total: page.total, next_offset: page.nextOffset, dataset_items: page };
        }
        const page = await apify.list<Dataset>(
          { what: 'Datasets', permission: 'list datasets' },
          'datasets',
          { desc, unnamed },
          limit ?? 100,
          offset,
        );
        return { ...paged(page), datasets: page.items.map(toDataset) };
      },
    }),

    delete_dataset: apifyTool({
      description: 'Delete a dataset and all its items.',
      input: z.object({ dataset_id: apifyId('dataset') }),
      output: z.object({ deleted: z.boolean(), dataset_id: z.string() }),
      annotations: overwrites,
      async run({ dataset_id }, apify) {
        await apify.send(
          {
            what: 'Dataset',
            id: dataset_id,
            permission: `delete dataset ${dataset_id} (the Write permission on it)`,
          },
          `datasets/${enc(dataset_id)}`,
          { method: 'DELETE' },
        );
        return { deleted: true, dataset_id };
      },
    }),
  };
}
