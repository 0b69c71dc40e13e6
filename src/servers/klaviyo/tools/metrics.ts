import { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import {
  cursor,
  flat,
  includeFields,
  klaviyoId,
  limit,
  listQuery,
  METRICS_READ,
  nextCursor,
  page,
  quote,
  resource,
  type ToolMaker,
  type ToolTable,
} from './common.js';

export function metricTools(klaviyoTool: ToolMaker): ToolTable {
  return {
    list_metrics: klaviyoTool({
      description:
        'List the metrics (event types) of the Klaviyo account, optionally those of one integration (e.g. Shopify) ' +
        'or integration category.',
      input: z.object({
        integration_name: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe("Integration name, e.g. 'Shopify'"),
        integration_category: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe("Integration category, e.g. 'ecommerce'"),
        include_fields: includeFields('metric'),
        limit: limit('metrics', 200),
        cursor,
      }),
      output: z.object({ metrics: z.array(resource), next_cursor: nextCursor }),
      annotations: reads,
      scopes: [METRICS_READ],
      async run({ integration_name, integration_category, ...args }, klaviyo) {
        const filters = [
          integration_name && `equals(integration.name,${quote(integration_name, 'integration_name')})`,
          integration_category &&
            `equals(integration.category,${quote(integration_category, 'integration_category')})`,
        ].filter(Boolean);
        const filter = filters.length > 1 ? `and(${filters.join(',')})` : filters[0] || undefined;
        return page('metrics', await klaviyo.metrics(listQuery('metric', { ...args, filter }), args.limit));
      },
    }),

    get_metric: klaviyoTool({
      description: 'Get a Klaviyo metric (event type) by id, with its integration.',
      input: z.object({ metric_id: klaviyoId('metric'), include_fields: includeFields('metric') }),
      output: z.object({ metric: resource }),
      annotations: reads,
      scopes: [METRICS_READ],
      async run({ metric_id, include_fields }, klaviyo) {
        const { data } = await klaviyo.metric(metric_id, listQuery('metric', { include_fields }));
        return { metric: flat(data) };
      },
    }),
  };
}
