import { z } from 'zod';
import type { ZoomMeeting, ZoomParticipant, ZoomRecordingFile, ZoomRecordingMeeting } from './api.js';

/** Zoom's meeting types by number. */
const MEETING_TYPES: Readonly<Record<number, string>> = {
  1: 'instant',
  2: 'scheduled',
  3: 'recurring (no fixed time)',
  4: 'personal meeting ID',
  8: 'recurring (fixed time)',
  10: 'screen share only',
};

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export const meetingSchema = z.object({
  id: z.string().describe('The meeting id (digits), for the other meeting tools'),
  uuid: z
    .string()
    .nullable()
    .describe('The instance UUID (past instances of a recurring meeting have their own)'),
  topic: z.string().nullable(),
  type: z.number().int().nullable(),
  type_name: z.string().nullable().describe('instant, scheduled, recurring (fixed time), ...'),
  status: z.string().nullable().describe('waiting or started, where Zoom says'),
  start_time: z
    .string()
    .nullable()
    .describe('UTC, ISO 8601 (none for instant and recurring without a fixed time)'),
  duration: z.number().nullable().describe('Minutes'),
  timezone: z.string().nullable(),
  agenda: z.string().nullable(),
  join_url: z.string().nullable(),
  password: z.string().nullable().describe('The passcode to join'),
  host_email: z.string().nullable(),
  created_at: z.string().nullable(),
  invitees: z.array(z.string()).optional().describe('Emails of the invitees (settings.meeting_invitees)'),
  occurrences: z
    .array(
      z.object({
        occurrence_id: z.string(),
        start_time: z.string().nullable(),
        status: z.string().nullable(),
      }),
    )
    .optional()
    .describe('The occurrences of a recurring meeting'),
});

export function toMeeting(m: ZoomMeeting): z.input<typeof meetingSchema> {
  const invitees = m.settings?.meeting_invitees
    ?.map((i) => i.email)
    .filter((e): e is string => typeof e === 'string');
  return {
    id: String(m.id),
    uuid: text(m.uuid),
    topic: text(m.topic),
    type: num(m.type),
    type_name: typeof m.type === 'number' ? (MEETING_TYPES[m.type] ?? null) : null,
    status: text(m.status),
    start_time: text(m.start_time),
    duration: num(m.duration),
    timezone: text(m.timezone),
    agenda: text(m.agenda),
    join_url: text(m.join_url),
    password: text(m.password),
    host_email: text(m.host_email),
    created_at: text(m.created_at),
    ...(invitees ? { invitees } : {}),
    ...(m.occurrences?.length
      ? {
          occurrences: m.occurrences.map((o) => ({
            occurrence_id: String(o.occurrence_id ?? ''),
            start_time: text(o.start_time),
            status: text(o.status),
          })),
        }
      : {}),
  };
}

/** The meeting as Zoom gave it, less the host's start link (anyone holding it starts the meeting as host). */
export function fullMeeting(m: ZoomMeeting): Record<string, unknown> {
  const { start_url: _startUrl, ...rest } = m;
  return rest;
}

export const meetingListSchema = z.object({
  count: z.number().int(),
  meetings: z.array(meetingSchema),
  next_page_token: z
    .string()
    .nullable()
    .describe('When not null, pass it as next_page_token to continue the list'),
});

const fileSchema = z.object({
  id: z.string().nullable(),
  recording_type: z
    .string()
    .nullable()
    .describe('shared_screen_with_speaker_view, audio_only, chat_file, ...'),
  file_type: z.string().nullable().describe('MP4, M4A, TRANSCRIPT, CHAT, ...'),
  file_extension: z.string().nullable(),
  file_size: z.number().nullable().describe('Bytes'),
  recording_start: z.string().nullable(),
  recording_end: z.string().nullable(),
  status: z.string().nullable(),
  play_url: z.string().nullable(),
  download_url: z.string().nullable().describe('Needs the user’s Zoom access token to download'),
});

const toFile = (f: ZoomRecordingFile): z.input<typeof fileSchema> => ({
  id: text(f.id),
  recording_type: text(f.recording_type),
  file_type: text(f.file_type),
  file_extension: text(f.file_extension),
  file_size: num(f.file_size),
  recording_start: text(f.recording_start),
  recording_end: text(f.recording_end),
  status: text(f.status),
  play_url: text(f.play_url),
  download_url: text(f.download_url),
});

export const recordingSchema = z.object({
  meeting_id: z.string().nullable(),
  uuid: z.string().nullable(),
  topic: z.string().nullable(),
  start_time: z.string().nullable(),
  duration: z.number().nullable(),
  total_size: z.number().nullable().describe('Bytes, all files'),
  recording_count: z.number().nullable(),
  share_url: z.string().nullable(),
  passcode: z.string().nullable().describe('The passcode to play the shared recording'),
  files: z.array(fileSchema),
});

/** A meeting's recordings; the `download_access_token` Zoom may add is left out (it is a credential). */
export const toRecording = (r: ZoomRecordingMeeting): z.input<typeof recordingSchema> => ({
  meeting_id: r.id === undefined ? null : String(r.id),
  uuid: text(r.uuid),
  topic: text(r.topic),
  start_time: text(r.start_time),
  duration: num(r.duration),
  total_size: num(r.total_size),
  recording_count: num(r.recording_count),
  share_url: text(r.share_url),
  passcode: text(r.recording_play_passcode) ?? text(r.password),
  files: (r.recording_files ?? []).map(toFile),
});

export const participantSchema = z.object({
  id: z.string().nullable(),
  user_id: z.string().nullable(),
  name: z.string().nullable(),
  user_email: z.string().nullable(),
  join_time: z.string().nullable(),
  leave_time: z.string().nullable(),
  duration: z.number().nullable().describe('Seconds'),
  status: z.string().nullable().describe('in_meeting or in_waiting_room'),
  registrant_id: z.string().nullable(),
});

export const toParticipant = (p: ZoomParticipant): z.input<typeof participantSchema> => ({
  id: text(p.id),
  user_id: text(p.user_id),
  name: text(p.name),
  user_email: text(p.user_email),
  join_time: text(p.join_time),
  leave_time: text(p.leave_time),
  duration: num(p.duration),
  status: text(p.status),
  registrant_id: text(p.registrant_id),
});
