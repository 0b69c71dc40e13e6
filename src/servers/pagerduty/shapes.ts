import { z } from 'zod';
import type { PdReference } from './api.js';

/**
 * What the list tools return, trimmed to what a reader needs: each item keeps its id (for the get_*
 * tools and filters) and its PagerDuty link. get_user and get_schedule give the whole object.
 */

type Raw = Record<string, unknown>;

export const refSchema = z.object({
  id: z.string(),
  summary: z.string().nullable(),
  html_url: z.string().nullable(),
});

const isObject = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function toRef(v: unknown): z.infer<typeof refSchema> | null {
  if (!isObject(v) || typeof v.id !== 'string') return null;
  const r = v as unknown as PdReference;
  return { id: r.id, summary: r.summary ?? null, html_url: r.html_url ?? null };
}

const refs = (v: unknown) =>
  (Array.isArray(v) ? v : []).map(toRef).filter((r): r is z.infer<typeof refSchema> => r !== null);

export const incidentSchema = z.object({
  id: z.string(),
  incident_number: z.number().nullable(),
  title: z.string().nullable(),
  status: z.string().nullable(),
  urgency: z.string().nullable(),
  created_at: z.string().nullable(),
  html_url: z.string().nullable(),
  incident_key: z.string().nullable(),
  service: refSchema.nullable(),
  escalation_policy: refSchema.nullable(),
  priority: z.string().nullable().describe('The priority name (e.g. P2), when one is set'),
  assignees: z.array(refSchema),
  teams: z.array(refSchema),
});

export function toIncident(i: Raw): z.infer<typeof incidentSchema> {
  const assignments = Array.isArray(i.assignments) ? i.assignments : [];
  return {
    id: String(i.id),
    incident_number: num(i.incident_number),
    title: text(i.title),
    status: text(i.status),
    urgency: text(i.urgency),
    created_at: text(i.created_at),
    html_url: text(i.html_url),
    incident_key: text(i.incident_key),
    service: toRef(i.service),
    escalation_policy: toRef(i.escalation_policy),
    priority: isObject(i.priority) ? text(i.priority.summary) : null,
    assignees: refs(assignments.map((a) => (isObject(a) ? a.assignee : undefined))),
    teams: refs(i.teams),
  };
}

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  status: z.string().nullable(),
  html_url: z.string().nullable(),
  created_at: z.string().nullable(),
  last_incident_timestamp: z.string().nullable(),
  escalation_policy: refSchema.nullable(),
  teams: z.array(refSchema),
});

export function toService(s: Raw): z.infer<typeof serviceSchema> {
  return {
    id: String(s.id),
    name: text(s.name),
    description: text(s.description),
    status: text(s.status),
    html_url: text(s.html_url),
    created_at: text(s.created_at),
    last_incident_timestamp: text(s.last_incident_timestamp),
    escalation_policy: toRef(s.escalation_policy),
    teams: refs(s.teams),
  };
}

export const scheduleSummarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  time_zone: z.string().nullable(),
  html_url: z.string().nullable(),
  users: z.array(refSchema),
  escalation_policies: z.array(refSchema),
  teams: z.array(refSchema),
});

export function toScheduleSummary(s: Raw): z.infer<typeof scheduleSummarySchema> {
  return {
    id: String(s.id),
    name: text(s.name),
    description: text(s.description),
    time_zone: text(s.time_zone),
    html_url: text(s.html_url),
    users: refs(s.users),
    escalation_policies: refs(s.escalation_policies),
    teams: refs(s.teams),
  };
}

export const oncallSchema = z.object({
  user: refSchema.nullable(),
  schedule: refSchema.nullable().describe('Null for an on-call set directly on the escalation policy'),
  escalation_policy: refSchema.nullable(),
  escalation_level: z.number().nullable(),
  start: z.string().nullable().describe('Null for a permanent on-call'),
  end: z.string().nullable().describe('Null when the user does not go off call'),
});

export function toOncall(o: Raw): z.infer<typeof oncallSchema> {
  return {
    user: toRef(o.user),
    schedule: toRef(o.schedule),
    escalation_policy: toRef(o.escalation_policy),
    escalation_level: num(o.escalation_level),
    start: text(o.start),
    end: text(o.end),
  };
}

export const notificationSchema = z.object({
  id: z.string().nullable(),
  type: z.string().nullable(),
  started_at: z.string().nullable(),
  address: z.string().nullable().describe('Where it was sent; null for push notifications'),
  status: z.string().nullable(),
  user: refSchema.nullable(),
});

export function toNotification(n: Raw): z.infer<typeof notificationSchema> {
  return {
    id: text(n.id),
    type: text(n.type),
    started_at: text(n.started_at),
    address: text(n.address),
    status: text(n.status),
    user: toRef(n.user),
  };
}

/** The paging facts every list tool reports. */
export const pagingShape = {
  count: z.number().int(),
  more: z.boolean().describe('PagerDuty has more results after these'),
  next_offset: z.number().int().nullable().describe('Pass as offset to continue the list'),
  total: z.number().int().nullable().describe('All matching results, when total was asked for'),
};

export const objectSchema = z.record(z.string(), z.unknown());
