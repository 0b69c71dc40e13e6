import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import type { Rec } from '../api.js';
import type { Call } from '../errors.js';
import { experimentSchema, experimentSummarySchema, toExperiment, toExperimentSummary } from '../shapes.js';
import {
  full,
  given,
  jsonObject,
  limit,
  listOutput,
  offset,
  paging,
  projectArgs,
  projectId,
  raw,
  rawIf,
  recordId,
  someChange,
  THE_PROJECT,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const parameters = z
  .looseObject({
    feature_flag_variants: z
      .array(
        z.looseObject({
          key: z.string().trim().min(1).describe('Variant key, e.g. control or test'),
          rollout_percentage: z.number().min(0).max(100).describe('Share of participants, in percent'),
        }),
      )
      .optional()
      .describe('The variants (default: control and test, 50% each)'),
    recommended_sample_size: z.number().int().min(0).optional().describe('Sample size PostHog recommended'),
    minimum_detectable_effect: z.number().min(0).optional().describe('Smallest effect to detect, in percent'),
  })
  .describe('Experiment parameters: variants, sample size, minimum detectable effect');

const secondaryMetrics = z
  .array(z.record(z.string(), z.unknown()))
  .describe('Secondary metrics (legacy: {name, filters} each)');

const experimentFilters = jsonObject('Legacy filters of the primary metric (events, date range, ...)');

const experimentOutput = z.object({ experiment: experimentSchema, message: z.string(), raw });

const experimentCall = (id: string, doing: string): Call => ({ subject: { what: 'Experiment', id }, doing });

export function experimentTools(posthogTool: ToolMaker): ToolTable {
  return {
    list_experiments: posthogTool({
      description: 'List the experiments (A/B tests) of a project with their flags and whether they run.',
      input: z.object({ ...projectArgs, limit: limit(100), offset }),
      output: z.object({ experiments: z.array(experimentSummarySchema), ...listOutput }),
      annotations: reads,
      async run({ project_id, limit: max, offset: from }, api) {
        const list = await api.list(
          { subject: THE_PROJECT, doing: 'listing experiments' },
          project_id,
          'experiments/',
          {},
          max,
          from,
        );
        return { experiments: list.items.map(toExperimentSummary), ...paging(list) };
      },
    }),

    create_experiment: posthogTool({
      description:
        'Create a draft experiment on a feature flag (PostHog creates the flag when the key is new). It starts ' +
        'when launched in PostHog. Each call creates one.',
      input: z.object({
        name: z.string().trim().min(1).max(400).describe('Name of the experiment'),
        description: z.string().optional().describe('What it tests'),
        feature_flag_key: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
          .max(400)
          .describe('Key of the feature flag that splits participants'),
        parameters: parameters.optional(),
        secondary_metrics: secondaryMetrics.optional(),
        filters: experimentFilters.optional(),
        ...projectArgs,
      }),
      output: experimentOutput,
      annotations: adds,
      async run(
        { name, description, feature_flag_key, parameters: params, secondary_metrics, filters, project_id },
        api,
      ) {
        const experiment = await api.inProject<Rec>(
          {
            subject: THE_PROJECT,
            doing: `creating experiment "${name}"`,
            uncertain: 'it may exist already; check with list_experiments before trying again',
          },
          project_id,
          'experiments/',
          {
            method: 'POST',
            body: given({
              name,
              description,
              feature_flag_key,
              parameters: params,
              secondary_metrics,
              filters,
            }),
          },
        );
        const e = toExperiment(experiment);
        return {
          experiment: e,
          message: `Created draft experiment "${e.name}" (${e.id}) on flag "${e.feature_flag_key}".`,
        };
      },
    }),

    get_experiment: posthogTool({
      description: 'Get an experiment with its flag, parameters and metrics.',
      input: z.object({ experiment_id: recordId('experiment'), ...projectArgs, full }),
      output: experimentOutput,
      annotations: reads,
      async run({ experiment_id, project_id, full: wanted }, api) {
        const experiment = await api.inProject<Rec>(
          experimentCall(experiment_id, `getting experiment ${experiment_id}`),
          project_id,
          `experiments/${experiment_id}/`,
        );
        const e = toExperiment(experiment);
        return {
          experiment: e,
          message: `Experiment "${e.name}" (${e.id}), ${e.status}.`,
          ...rawIf(wanted, experiment),
        };
      },
    }),

    update_experiment: posthogTool({
      description:
        'Change an experiment’s name, description, parameters or metrics; what is not given stays.',
      input: z.object({
        experiment_id: recordId('experiment'),
        name: z.string().trim().min(1).max(400).optional().describe('New name'),
        description: z.string().optional().describe('New description'),
        parameters: parameters.optional(),
        secondary_metrics: secondaryMetrics.optional(),
        filters: experimentFilters.optional(),
        ...projectArgs,
      }),
      output: experimentOutput,
      annotations: overwrites,
      async run(
        { experiment_id, name, description, parameters: params, secondary_metrics, filters, project_id },
        api,
      ) {
        // Only what was given: guMCP sent empty parameters and filters, which erased an experiment's own.
        const body = given({ name, description, parameters: params, secondary_metrics, filters });
        someChange(body, ['name', 'description', 'parameters', 'secondary_metrics', 'filters']);
        const experiment = await api.inProject<Rec>(
          experimentCall(experiment_id, `updating experiment ${experiment_id}`),
          project_id,
          `experiments/${experiment_id}/`,
          { method: 'PATCH', body, idempotent: true },
        );
        const e = toExperiment(experiment);
        return {
          experiment: e,
          message: `Updated experiment "${e.name}" (${e.id}): ${Object.keys(body).join(', ')}.`,
        };
      },
    }),

    check_experiments_requiring_flag: posthogTool({
      description:
        'List the experiments whose feature flag is not yet called from code (no exposure seen), so they cannot run.',
      input: z.object({ project_id: projectId }),
      output: z.object({ experiments: z.array(experimentSummarySchema), message: z.string() }),
      annotations: reads,
      async run({ project_id }, api) {
        const answer = await api.inProject<unknown>(
          {
            subject: THE_PROJECT,
            doing: 'listing experiments that need their flag implemented',
          },
          project_id,
          'experiments/requires_flag_implementation/',
        );
        const items = Array.isArray(answer)
          ? answer
          : Array.isArray((answer as Rec)?.results)
            ? ((answer as Rec).results as unknown[])
            : [];
        const experiments = items.map((e) => toExperimentSummary(e as Rec));
        return {
          experiments,
          message: experiments.length
            ? `${experiments.length} experiments need their feature flag implemented.`
            : 'No experiment is waiting for its feature flag to be implemented.',
        };
      },
    }),
  };
}
