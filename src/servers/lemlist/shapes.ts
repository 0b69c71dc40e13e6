import { z } from 'zod';

/**
 * The lemlist objects tools return, as lemlist answers them (API reference, developer.lemlist.com):
 * the fields this server relies on are named, the rest pass through unchanged.
 */

const text = z.string();
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();

export const anyObject = z.object({}).catchall(z.unknown());

export const campaignSchema = z
  .object({
    _id: text.describe('Campaign id (cam_…)'),
    name: opt(text),
    status: opt(text).describe('running, paused, draft, ended, archived or errors'),
    createdAt: opt(text),
  })
  .catchall(z.unknown());

export const scheduleSchema = z
  .object({
    _id: text.describe('Schedule id (skd_…)'),
    name: opt(text),
    secondsToWait: opt(z.number()),
    timezone: opt(text),
    start: opt(text),
    end: opt(text),
    weekdays: opt(z.array(z.number())),
  })
  .catchall(z.unknown());

export const leadSchema = z
  .object({
    _id: opt(text).describe('Lead id (lea_…)'),
    email: opt(text),
    firstName: opt(text),
    lastName: opt(text),
    campaignId: opt(text),
    campaignName: opt(text),
    isPaused: opt(z.boolean()),
  })
  .catchall(z.unknown());

export const unsubscribeSchema = z
  .object({
    _id: opt(text),
    value: opt(text).describe('The unsubscribed email, @domain, LinkedIn URL or phone number'),
    source: opt(text),
    createdAt: opt(text),
  })
  .catchall(z.unknown());

export const exportSchema = z
  .object({
    _id: opt(text).describe('Export id'),
    status: opt(text).describe('pending, done or error'),
    progress: opt(z.number()),
    total: opt(z.number()),
    url: opt(text).describe('The CSV once the export is done'),
  })
  .catchall(z.unknown());

/** Every result says what it did, or what it found, in one sentence too. */
export const message = z.string().describe('What was done, to what and to whom');

export const listPage = {
  count: z.number().describe('How many are returned'),
  has_more: z.boolean().describe('More may follow: call again from next_offset (or next_page)'),
};
