import { z } from 'zod';
import { adds, sets } from '../../../core/annotations.js';
import { eventId, type PostHogApi, type Rec } from '../api.js';
import type { Call } from '../errors.js';
import { jsonObject, projectId, type ToolMaker, type ToolTable } from './common.js';

/**
 * Sending events: capture, identify and group identify all go to the ingestion host's `/i/v0/e/`,
 * authenticated by the project API key in the body (not the personal key). Each event carries a uuid
 * and timestamp made once per call, so a retry after a timeout is stored once (PostHog deduplicates
 * on them).
 */

export const projectToken = z
  .string()
  .trim()
  .min(1)
  .optional()
  .describe(
    'The project API key (phc_..., Project settings) to send with; default: the key of project_id, or of the ' +
      'project chosen at sign-in, looked up with the personal API key',
  );

const distinctId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe('The person’s distinct id (your user id, an email, ...)');
const groupType = z.string().trim().min(1).max(400).describe('Group type as set up in PostHog, e.g. company');
const groupKey = z.string().trim().min(1).max(400).describe('The group’s key, e.g. its id in your product');
const timestamp = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('When it happened (ISO 8601); default: now');

const sentOutput = z.object({
  sent: z.boolean(),
  event: z.string(),
  distinct_id: z.string(),
  uuid: z.string().describe('The event’s id: PostHog stores an event sent twice with it once'),
  timestamp: z.string(),
  project_id: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
  message: z.string(),
});

interface Sending {
  event: string;
  distinct_id: string;
  properties: Rec;
  timestamp?: string;
  project_id?: string;
  project_api_token?: string;
  doing: string;
}

/** Sends one event to `/i/v0/e/` and says what was sent. */
async function send(api: PostHogApi, s: Sending, message: string): Promise<z.input<typeof sentOutput>> {
  const { project, token } = await api.projectToken(s.project_id, s.project_api_token);
  const uuid = eventId();
  const at = s.timestamp ?? new Date().toISOString();
  const call: Call = {
    subject: { what: 'Project', id: project ?? 'of the sign-in' },
    doing: s.doing,
    fields: { api_key: 'project_api_token' },
  };
  await api.ingest(call, 'i/v0/e/', {
    api_key: token,
    event: s.event,
    distinct_id: s.distinct_id,
    properties: s.properties,
    timestamp: at,
    uuid,
  });
  return {
    sent: true,
    event: s.event,
    distinct_id: s.distinct_id,
    uuid,
    timestamp: at,
    project_id: project,
    properties: s.properties,
    message,
  };
}

export function eventTools(posthogTool: ToolMaker): ToolTable {
  return {
    capture_event: posthogTool({
      description:
        'Send an event for a person (as an SDK would): it appears in PostHog’s activity and insights within a minute.',
      input: z.object({
        distinct_id: distinctId,
        event: z.string().trim().min(1).max(200).describe('Event name, e.g. signed_up'),
        properties: jsonObject('Event properties').optional(),
        timestamp,
        project_id: projectId,
        project_api_token: projectToken,
      }),
      output: sentOutput,
      annotations: adds,
      run: ({ distinct_id, event, properties = {}, ...rest }, api) =>
        send(
          api,
          { event, distinct_id, properties, ...rest, doing: `capturing event "${event}"` },
          `Captured "${event}" for ${distinct_id}.`,
        ),
    }),

    identify_user: posthogTool({
      description:
        'Set properties on a person (an $identify event with $set): creates the person if new, else updates them.',
      input: z.object({
        distinct_id: distinctId,
        properties: jsonObject('Person properties to set, e.g. {"email": "ada@example.com", "plan": "pro"}'),
        project_id: projectId,
        project_api_token: projectToken,
      }),
      output: sentOutput,
      annotations: sets,
      run: ({ distinct_id, properties, ...rest }, api) =>
        send(
          api,
          {
            event: '$identify',
            distinct_id,
            properties: { $set: properties },
            ...rest,
            doing: `identifying ${distinct_id}`,
          },
          `Set ${Object.keys(properties).length} properties on ${distinct_id}.`,
        ),
    }),

    group_identify: posthogTool({
      description:
        'Set properties on a group (a $groupidentify event): creates the group if new, else updates it. The group ' +
        'type must exist in the project (PostHog creates it from the first events that name it).',
      input: z.object({
        group_type: groupType,
        group_key: groupKey,
        properties: jsonObject('Group properties to set, e.g. {"name": "Acme", "seats": 40}'),
        project_id: projectId,
        project_api_token: projectToken,
      }),
      output: sentOutput.extend({ group_type: z.string(), group_key: z.string() }),
      annotations: sets,
      async run({ group_type, group_key, properties, ...rest }, api) {
        const sent = await send(
          api,
          {
            event: '$groupidentify',
            // PostHog's SDKs send group updates under a distinct id of their own for the group.
            distinct_id: `$${group_type}_${group_key}`,
            properties: { $group_type: group_type, $group_key: group_key, $group_set: properties },
            ...rest,
            doing: `identifying ${group_type} "${group_key}"`,
          },
          `Set ${Object.keys(properties).length} properties on ${group_type} "${group_key}".`,
        );
        return { ...sent, group_type, group_key };
      },
    }),

    capture_group_event: posthogTool({
      description: 'Send an event for a person that also counts for a group (e.g. their company).',
      input: z.object({
        distinct_id: distinctId,
        event: z.string().trim().min(1).max(200).describe('Event name'),
        group_type: groupType,
        group_key: groupKey,
        properties: jsonObject('Event properties').optional(),
        timestamp,
        project_id: projectId,
        project_api_token: projectToken,
      }),
      output: sentOutput.extend({ group_type: z.string(), group_key: z.string() }),
      annotations: adds,
      async run({ distinct_id, event, group_type, group_key, properties = {}, ...rest }, api) {
        const groups = { ...((properties.$groups as Rec | undefined) ?? {}), [group_type]: group_key };
        const sent = await send(
          api,
          {
            event,
            distinct_id,
            properties: { ...properties, $groups: groups },
            ...rest,
            doing: `capturing event "${event}" for ${group_type} "${group_key}"`,
          },
          `Captured "${event}" for ${distinct_id} in ${group_type} "${group_key}".`,
        );
        return { ...sent, group_type, group_key };
      },
    }),
  };
}
