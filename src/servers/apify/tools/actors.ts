import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import type { ApifyApi } from '../api.js';
import {
  actorSchema,
  actorSummarySchema,
  buildSchema,
  runSchema,
  toActor,
  toActorSummary,
  toBuild,
  toRun,
} from '../shapes.js';
import type { Actor, Build, Run } from '../types.js';
import {
  apifyId,
  body,
  desc,
  limit,
  offset,
  paged,
  pagedShape,
  runAndCollect,
  runArgs,
  runResultSchema,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const enc = encodeURIComponent;
const actorId = apifyId('Actor');
const subject = (id: string, permission: string) => ({ what: 'Actor', id, permission });

/** Apify's run statuses, for filtering run lists. */
export const STATUSES = [
  'READY',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMING-OUT',
  'TIMED-OUT',
  'ABORTING',
  'ABORTED',
] as const;

/** The highest MAJOR.MINOR version of an Actor: what a build without `version` builds. */
async function latestVersion(apify: ApifyApi, id: string): Promise<string> {
  const actor = await apify.data<Actor>(subject(id, `read Actor ${id}`), `actors/${enc(id)}`);
  const numbers = (actor.versions ?? []).map((v) => v.versionNumber).filter((v) => /^\d+\.\d+$/.test(v));
  const key = (v: string) => v.split('.').map(Number) as [number, number];
  const [latest] = numbers.sort((a, b) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1]);
  if (!latest) throw new ToolError(`version: Actor ${id} has no source code version to build; give version`);
  return latest;
}

export function actorTools(apifyTool: ToolMaker): ToolTable {
  return {
    create_actor: apifyTool({
      description:
        'Create an Actor named name (letters, digits and hyphens). body holds the rest of Apify’s Actor object: ' +
        'title, description, versions (its source code), defaultRunOptions, isPublic… Needs an unscoped token.',
      input: z.object({
        name: z
          .string()
          .trim()
          .regex(/^[a-zA-Z0-9-]{1,63}$/, 'must be letters, digits and hyphens, without spaces')
          .describe('The Actor name: letters, digits and hyphens, no spaces; unique in the account'),
        body: body(
          'More fields of the Actor, as Apify’s Create Actor takes them (title, versions…)',
        ).optional(),
      }),
      output: actorSchema,
      annotations: adds,
      async run({ name, body }, apify) {
        const created = await apify.data<Actor>(
          { what: 'Actor', id: name, permission: 'create Actors', arg: 'body' },
          'actors',
          { method: 'POST', body: { ...body, name } },
        );
        return toActor(created);
      },
    }),

    build_actor: apifyTool({
      description:
        'Build a version of an Actor from its source code and wait for the build (progress notifications; ' +
        'cancelling the call aborts the build). Without version, the highest version is built. Builds use ' +
        'compute units.',
      input: z.object({
        actor_id: actorId,
        version: z
          .string()
          .trim()
          .regex(/^\d{1,2}\.\d{1,2}$/, 'must be MAJOR.MINOR, e.g. 0.0')
          .optional()
          .describe('The version to build, MAJOR.MINOR (default: the Actor’s highest)'),
        beta_packages: z.boolean().optional().describe('Build with beta versions of Apify packages'),
        tag: z
          .string()
          .trim()
          .max(100)
          .optional()
          .describe('Tag the build gets (default the version’s build tag, latest)'),
        use_cache: z.boolean().optional().describe('Reuse cached Docker layers (faster)'),
        wait_secs: z
          .number()
          .int()
          .min(0)
          .max(3600)
          .default(300)
          .describe('How long to wait for the build (default 300 s; 0 returns as soon as it starts)'),
      }),
      output: z.object({ build: buildSchema, finished: z.boolean() }),
      annotations: adds,
      async run({ actor_id, version, beta_packages, tag, use_cache, wait_secs }, apify) {
        const started = await apify.startBuild(actor_id, {
          version: version ?? (await latestVersion(apify, actor_id)),
          betaPackages: beta_packages,
          tag,
          useCache: use_cache,
        });
        const { job, finished } = await apify.wait<Build>(
          'build',
          started,
          `build ${started.id} of Actor ${actor_id}`,
          wait_secs * 1000,
        );
        return { build: toBuild(job), finished };
      },
    }),

    list_actors: apifyTool({
      description: 'List the Actors the user created or used, following pages up to limit.',
      input: z.object({
        limit: limit(100),
        offset,
        my: z.boolean().optional().describe('Only the Actors the user owns'),
        desc: desc(false),
      }),
      output: z.object({ ...pagedShape, actors: z.array(actorSummarySchema) }),
      annotations: reads,
      async run({ limit, offset, my, desc }, apify) {
        const page = await apify.list<Actor>(
          { what: 'Actors', permission: 'list Actors' },
          'actors',
          { my, desc },
          limit,
          offset,
        );
        return { ...paged(page), actors: page.items.map(toActorSummary) };
      },
    }),

    get_actor: apifyTool({
      description:
        'Get an Actor: title, description, versions, default run options, build tags, pricing model and run ' +
        'statistics. full returns Apify’s whole object (source files included).',
      input: z.object({
        actor_id: actorId,
        full: z.boolean().default(false).describe('Also return Apify’s whole Actor object (apifyObject)'),
      }),
      output: actorSchema,
      annotations: reads,
      async run({ actor_id, full }, apify) {
        const actor = await apify.data<Actor>(
          subject(actor_id, `read Actor ${actor_id}`),
          `actors/${enc(actor_id)}`,
        );
        return full ? { ...toActor(actor), apifyObject: { ...actor } } : toActor(actor);
      },
    }),

    run_actor: apifyTool({
      description:
        'Run an Actor with body as its input, wait for the run (progress notifications; cancelling the call ' +
        'aborts the run at Apify) and return it with its first result items. Runs cost money; a run still going ' +
        'after wait_secs is returned as it stands. More results: list_datasets with the run’s dataset_id.',
      input: z.object({
        actor_id: actorId,
        body: body(
          'The Actor’s input (JSON object); without it the Actor runs with its default input',
        ).optional(),
        ...runArgs,
      }),
      output: runResultSchema,
      annotations: adds,
      run: ({ actor_id, body, ...args }, apify) =>
        runAndCollect(apify, 'actors', actor_id, body, args, 'list_actor_runs'),
    }),

    list_actor_runs: apifyTool({
      description: 'List the runs of an Actor, newest first, following pages up to limit.',
      input: z.object({
        actor_id: actorId,
        limit: limit(50),
        offset,
        desc: desc(true),
        status: z.enum(STATUSES).optional().describe('Only runs in this status'),
      }),
      output: z.object({ ...pagedShape, runs: z.array(runSchema) }),
      annotations: reads,
      async run({ actor_id, limit, offset, desc, status }, apify) {
        const page = await apify.list<Run>(
          subject(actor_id, `read the runs of Actor ${actor_id}`),
          `actors/${enc(actor_id)}/runs`,
          { desc, status },
          limit,
          offset,
        );
        return { ...paged(page), runs: page.items.map(toRun) };
      },
    }),

    delete_actor: apifyTool({
      description: 'Delete an Actor, with its builds and versions. Needs an unscoped token.',
      input: z.object({ actor_id: actorId }),
      output: z.object({ deleted: z.boolean(), actor_id: z.string() }),
      annotations: overwrites,
      async run({ actor_id }, apify) {
        await apify.send(subject(actor_id, `delete Actor ${actor_id}`), `actors/${enc(actor_id)}`, {
          method: 'DELETE',
        });
        return { deleted: true, actor_id };
      },
    }),
  };
}
