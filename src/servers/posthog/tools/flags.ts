import { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import type { PostHogApi, Rec } from '../api.js';
import { jsonObject, projectId, type ToolMaker, type ToolTable } from './common.js';
import { projectToken } from './events.js';

/**
 * Evaluating feature flags for a person, as an SDK does: `POST /flags?v=2` on the ingestion host with
 * the project API key. It reads only (no $feature_flag_called event is sent), so it is retried freely.
 */

interface Flag {
  key: string;
  enabled: boolean;
  variant: string | null;
  payload: unknown;
  reason: string | null;
}

const flagSchema = z.object({
  key: z.string(),
  enabled: z.boolean(),
  variant: z.string().nullable().describe('The variant of a multivariate flag'),
  reason: z.string().nullable().describe('Why it evaluated so, as PostHog says'),
});

/** A payload as PostHog gives it (a JSON string), parsed when it is JSON. */
function parsePayload(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** The flags of an answer: v2's `flags` details, or the older `featureFlags` and payload maps. */
function flagsOf(answer: Rec): Flag[] {
  const details =
    answer.flags && typeof answer.flags === 'object' ? (answer.flags as Record<string, Rec>) : null;
  if (details) {
    return Object.entries(details).map(([key, f]) => {
      const reason = (f.reason ?? {}) as Rec;
      const metadata = (f.metadata ?? {}) as Rec;
      return {
        key,
        enabled: f.enabled === true,
        variant: typeof f.variant === 'string' ? f.variant : null,
        payload: parsePayload(metadata.payload),
        reason:
          typeof reason.description === 'string'
            ? reason.description
            : typeof reason.code === 'string'
              ? reason.code
              : null,
      };
    });
  }
  const values = (answer.featureFlags ?? {}) as Rec;
  const payloads = (answer.featureFlagPayloads ?? {}) as Rec;
  return Object.entries(values).map(([key, v]) => ({
    key,
    enabled: v === true || typeof v === 'string',
    variant: typeof v === 'string' ? v : null,
    payload: parsePayload(payloads[key]),
    reason: null,
  }));
}

const input = {
  distinct_id: z.string().trim().min(1).max(200).describe('The person’s distinct id'),
  properties: jsonObject('Person properties to evaluate with, beyond those PostHog has stored').optional(),
  groups: z
    .record(z.string(), z.string())
    .optional()
    .describe('Groups of the person for group flags: {group type: group key}'),
  project_id: projectId,
  project_api_token: projectToken,
};

const evaluated = {
  distinct_id: z.string(),
  errors_while_computing: z
    .boolean()
    .describe('Whether PostHog could not evaluate some flags (they read as off)'),
  quota_limited: z
    .boolean()
    .describe('Whether the organization is over its feature flag quota (flags read as off)'),
};

interface Evaluation {
  flags: Flag[];
  errors: boolean;
  limited: boolean;
}

async function evaluate(
  api: PostHogApi,
  args: {
    distinct_id: string;
    properties?: Rec;
    groups?: Record<string, string>;
    project_id?: string;
    project_api_token?: string;
  },
  doing: string,
): Promise<Evaluation> {
  const { project, token } = await api.projectToken(args.project_id, args.project_api_token);
  const answer = await api.ingest<Rec>(
    { subject: { what: 'Project', id: project ?? 'of the sign-in' }, doing },
    'flags',
    {
      api_key: token,
      distinct_id: args.distinct_id,
      ...(args.properties ? { person_properties: args.properties } : {}),
      ...(args.groups ? { groups: args.groups } : {}),
    },
    { v: 2 },
  );
  return {
    flags: flagsOf(answer ?? {}),
    errors: answer?.errorsWhileComputingFlags === true,
    limited: Array.isArray(answer?.quotaLimited) && answer.quotaLimited.includes('feature_flags'),
  };
}

const caveat = (e: Evaluation) =>
  e.limited
    ? ' PostHog did not evaluate flags: the organization is over its feature flag quota.'
    : e.errors
      ? ' PostHog could not evaluate some flags; they read as off.'
      : '';

export function flagTools(posthogTool: ToolMaker): ToolTable {
  return {
    check_feature_flag: posthogTool({
      description: 'Whether a feature flag is on for a person, and which variant they get.',
      input: z.object({ ...input, flag_key: z.string().trim().min(1).max(400).describe('The flag’s key') }),
      output: z.object({
        flag_key: z.string(),
        is_enabled: z.boolean(),
        variant: z.string().nullable(),
        reason: z.string().nullable(),
        found: z.boolean().describe('Whether the project has an active flag with this key'),
        ...evaluated,
        message: z.string(),
      }),
      annotations: reads,
      async run(args, api) {
        const e = await evaluate(api, args, `evaluating flag "${args.flag_key}"`);
        const flag = e.flags.find((f) => f.key === args.flag_key);
        const state = !flag
          ? `No active flag "${args.flag_key}" in the project (it reads as off).`
          : `Flag "${args.flag_key}" is ${flag.enabled ? 'on' : 'off'} for ${args.distinct_id}${flag.variant ? ` (variant "${flag.variant}")` : ''}.`;
        return {
          flag_key: args.flag_key,
          distinct_id: args.distinct_id,
          is_enabled: flag?.enabled ?? false,
          variant: flag?.variant ?? null,
          reason: flag?.reason ?? null,
          found: Boolean(flag),
          errors_while_computing: e.errors,
          quota_limited: e.limited,
          message: state + caveat(e),
        };
      },
    }),

    get_feature_flag_payload: posthogTool({
      description: 'The payload (JSON set on the flag or its variant) a person gets from a feature flag.',
      input: z.object({ ...input, flag_key: z.string().trim().min(1).max(400).describe('The flag’s key') }),
      output: z.object({
        flag_key: z.string(),
        payload: z
          .unknown()
          .describe('The payload, parsed when it is JSON; null when none or the flag is off'),
        is_enabled: z.boolean(),
        variant: z.string().nullable(),
        found: z.boolean(),
        ...evaluated,
        message: z.string(),
      }),
      annotations: reads,
      async run(args, api) {
        const e = await evaluate(api, args, `evaluating flag "${args.flag_key}"`);
        const flag = e.flags.find((f) => f.key === args.flag_key);
        const payload = flag?.enabled ? (flag.payload ?? null) : null;
        return {
          flag_key: args.flag_key,
          distinct_id: args.distinct_id,
          payload,
          is_enabled: flag?.enabled ?? false,
          variant: flag?.variant ?? null,
          found: Boolean(flag),
          errors_while_computing: e.errors,
          quota_limited: e.limited,
          message:
            (!flag
              ? `No active flag "${args.flag_key}" in the project.`
              : payload === null
                ? `Flag "${args.flag_key}" gives ${args.distinct_id} no payload.`
                : `Payload of flag "${args.flag_key}" for ${args.distinct_id}.`) + caveat(e),
        };
      },
    }),

    get_all_flags: posthogTool({
      description:
        'Every active feature flag of the project as evaluated for a person: on or off, and variants.',
      input: z.object(input),
      output: z.object({
        flags: z
          .record(z.string(), z.union([z.boolean(), z.string()]))
          .describe('Flag key to its value: true/false, or the variant of a multivariate flag'),
        enabled: z.array(z.string()).describe('Keys of the flags that are on'),
        details: z.array(flagSchema),
        ...evaluated,
        message: z.string(),
      }),
      annotations: reads,
      async run(args, api) {
        const e = await evaluate(api, args, 'evaluating feature flags');
        const enabled = e.flags.filter((f) => f.enabled).map((f) => f.key);
        return {
          distinct_id: args.distinct_id,
          flags: Object.fromEntries(e.flags.map((f) => [f.key, f.variant ?? f.enabled])),
          enabled,
          details: e.flags.map(({ payload: _payload, ...f }) => f),
          errors_while_computing: e.errors,
          quota_limited: e.limited,
          message: `${enabled.length} of ${e.flags.length} flags on for ${args.distinct_id}.${caveat(e)}`,
        };
      },
    }),
  };
}
