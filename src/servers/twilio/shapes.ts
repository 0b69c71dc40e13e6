import { z } from 'zod';
import type {
  TwilioCall,
  TwilioConversation,
  TwilioConversationMessage,
  TwilioConversationService,
  TwilioLookup,
  TwilioMessage,
  TwilioParticipant,
  TwilioRoom,
  TwilioVerification,
  TwilioVerifyService,
} from './types.js';

/**
 * What the tools return: the fields of Twilio's resources a model acts on, not Twilio's full payloads
 * (the fetch tools give the whole resource on request). Dates are ISO 8601 whichever API gave them
 * (the 2010 API answers in RFC 2822).
 */

const text = z.string().nullable();
const date = z.string().nullable().describe('ISO 8601');
const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

/** RFC 2822 ("Fri, 24 May 2019 17:44:46 +0000") or ISO 8601 as ISO 8601; anything else as it came. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** Lists: the records, how many, and where to continue. */
export const listFields = {
  count: z.number().int(),
  next_page_token: z
    .string()
    .nullable()
    .describe('Pass as page_token to continue the list; null when nothing follows'),
};

/** The whole resource as Twilio gave it, when a fetch tool is asked for it. */
export const resourceField = {
  resource: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("With full: every field of Twilio's resource"),
};

// Messaging

export const messageSchema = z.object({
  sid: z.string(),
  to: text,
  from: text,
  body: text,
  status: text.describe('queued, sending, sent, delivered, undelivered, failed, received, ...'),
  direction: text,
  num_segments: text,
  num_media: text,
  price: text,
  price_unit: text,
  error_code: z.number().int().nullable(),
  error_message: text,
  messaging_service_sid: text,
  date_created: date,
  date_sent: date,
});

export const toMessage = (m: TwilioMessage): z.input<typeof messageSchema> => ({
  sid: m.sid,
  to: orNull(m.to),
  from: orNull(m.from),
  body: orNull(m.body),
  status: orNull(m.status),
  direction: orNull(m.direction),
  num_segments: orNull(m.num_segments),
  num_media: orNull(m.num_media),
  price: orNull(m.price),
  price_unit: orNull(m.price_unit),
  error_code: orNull(m.error_code),
  error_message: orNull(m.error_message),
  messaging_service_sid: orNull(m.messaging_service_sid),
  date_created: isoDate(m.date_created),
  date_sent: isoDate(m.date_sent),
});

export const callSchema = z.object({
  sid: z.string(),
  to: text,
  from: text,
  status: text.describe('queued, ringing, in-progress, completed, busy, failed, no-answer or canceled'),
  direction: text,
  start_time: date,
  end_time: date,
  duration: text.describe('Seconds, once the call ended'),
  price: text,
  price_unit: text,
  answered_by: text,
  parent_call_sid: text,
  date_created: date,
});

export const toCall = (c: TwilioCall): z.input<typeof callSchema> => ({
  sid: c.sid,
  to: orNull(c.to),
  from: orNull(c.from),
  status: orNull(c.status),
  direction: orNull(c.direction),
  start_time: isoDate(c.start_time),
  end_time: isoDate(c.end_time),
  duration: orNull(c.duration),
  price: orNull(c.price),
  price_unit: orNull(c.price_unit),
  answered_by: orNull(c.answered_by),
  parent_call_sid: orNull(c.parent_call_sid),
  date_created: isoDate(c.date_created),
});

// Verify and Lookup

export const verifyServiceSchema = z.object({
  sid: z.string().describe('The service SID (VA...) for start_verification and check_verification'),
  friendly_name: text,
  code_length: z.number().int().nullable(),
  lookup_enabled: z.boolean().nullable(),
  skip_sms_to_landlines: z.boolean().nullable(),
  dtmf_input_required: z.boolean().nullable(),
  date_created: date,
});

export const toVerifyService = (s: TwilioVerifyService): z.input<typeof verifyServiceSchema> => ({
  sid: s.sid,
  friendly_name: orNull(s.friendly_name),
  code_length: orNull(s.code_length),
  lookup_enabled: orNull(s.lookup_enabled),
  skip_sms_to_landlines: orNull(s.skip_sms_to_landlines),
  dtmf_input_required: orNull(s.dtmf_input_required),
  date_created: isoDate(s.date_created),
});

export const verificationSchema = z.object({
  sid: z.string(),
  service_sid: text,
  to: text,
  channel: text,
  status: text.describe('pending, approved, canceled, max_attempts_reached, deleted, failed or expired'),
  valid: z.boolean().nullable(),
  date_created: date,
});

export const toVerification = (v: TwilioVerification): z.input<typeof verificationSchema> => ({
  sid: v.sid,
  service_sid: orNull(v.service_sid),
  to: orNull(v.to),
  channel: orNull(v.channel),
  status: orNull(v.status),
  valid: orNull(v.valid),
  date_created: isoDate(v.date_created),
});

/** Lookup's data packages, by the name Twilio's `Fields` takes. */
export const LOOKUP_PACKAGES = [
  'validation',
  'caller_name',
  'sim_swap',
  'call_forwarding',
  'line_status',
  'line_type_intelligence',
  'identity_match',
  'reassigned_number',
  'sms_pumping_risk',
  'phone_number_quality_score',
  'pre_fill',
] as const;

export const lookupSchema = z.object({
  phone_number: text.describe('E.164'),
  national_format: text,
  country_code: text.describe('ISO 3166-1 alpha-2'),
  calling_country_code: text,
  valid: z.boolean().nullable(),
  validation_errors: z.array(z.string()).nullable(),
  packages: z
    .record(z.string(), z.unknown())
    .describe('What each requested data package found (e.g. line_type_intelligence: carrier and line type)'),
});

export function toLookup(l: TwilioLookup, packages: readonly string[]): z.input<typeof lookupSchema> {
  return {
    phone_number: orNull(l.phone_number),
    national_format: orNull(l.national_format),
    country_code: orNull(l.country_code),
    calling_country_code: orNull(l.calling_country_code),
    valid: orNull(l.valid),
    validation_errors: orNull(l.validation_errors),
    packages: Object.fromEntries(packages.filter((p) => p !== 'validation').map((p) => [p, l[p] ?? null])),
  };
}

// Conversations

export const conversationServiceSchema = z.object({
  sid: z.string().describe('The Conversation Service SID (IS...)'),
  friendly_name: text,
  date_created: date,
});

export const toConversationService = (
  s: TwilioConversationService,
): z.input<typeof conversationServiceSchema> => ({
  sid: s.sid,
  friendly_name: orNull(s.friendly_name),
  date_created: isoDate(s.date_created),
});

export const conversationSchema = z.object({
  sid: z.string().describe('The Conversation SID (CH...)'),
  chat_service_sid: text,
  friendly_name: text,
  unique_name: text,
  state: text.describe('active, inactive or closed'),
  date_created: date,
  date_updated: date,
});

export const toConversation = (c: TwilioConversation): z.input<typeof conversationSchema> => ({
  sid: c.sid,
  chat_service_sid: orNull(c.chat_service_sid),
  friendly_name: orNull(c.friendly_name),
  unique_name: orNull(c.unique_name),
  state: orNull(c.state),
  date_created: isoDate(c.date_created),
  date_updated: isoDate(c.date_updated),
});

export const participantSchema = z.object({
  sid: z.string().describe('The Participant SID (MB...)'),
  conversation_sid: text,
  chat_service_sid: text,
  identity: text,
  role_sid: text,
  date_created: date,
});

export const toParticipant = (p: TwilioParticipant): z.input<typeof participantSchema> => ({
  sid: p.sid,
  conversation_sid: orNull(p.conversation_sid),
  chat_service_sid: orNull(p.chat_service_sid),
  identity: orNull(p.identity),
  role_sid: orNull(p.role_sid),
  date_created: isoDate(p.date_created),
});

export const conversationMessageSchema = z.object({
  sid: z.string().describe('The Message SID (IM...)'),
  conversation_sid: text,
  index: z.number().int().nullable(),
  author: text,
  body: text,
  participant_sid: text,
  date_created: date,
});

export const toConversationMessage = (
  m: TwilioConversationMessage,
): z.input<typeof conversationMessageSchema> => ({
  sid: m.sid,
  conversation_sid: orNull(m.conversation_sid),
  index: orNull(m.index),
  author: orNull(m.author),
  body: orNull(m.body),
  participant_sid: orNull(m.participant_sid),
  date_created: isoDate(m.date_created),
});

// Video

export const roomSchema = z.object({
  sid: z.string().describe('The Room SID (RM...)'),
  unique_name: text,
  status: text.describe('in-progress, completed or failed'),
  type: text,
  max_participants: z.number().int().nullable(),
  duration: z.number().int().nullable().describe('Seconds, once the room completed'),
  status_callback: text,
  date_created: date,
  end_time: date,
});

export const toRoom = (r: TwilioRoom): z.input<typeof roomSchema> => ({
  sid: r.sid,
  unique_name: orNull(r.unique_name),
  status: orNull(r.status),
  type: orNull(r.type),
  max_participants: orNull(r.max_participants),
  duration: orNull(r.duration),
  status_callback: orNull(r.status_callback),
  date_created: isoDate(r.date_created),
  end_time: isoDate(r.end_time),
});
