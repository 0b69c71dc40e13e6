import type { ZoomMeeting, ZoomParticipant, ZoomRecordingMeeting } from '../api.js';

/**
 * Bodies in the shapes of Zoom's Meeting API (the response types of Zoom's Rivet SDK, which Zoom
 * generates from its API description: MeetingsGetMeetingResponse, MeetingsCreateMeetingResponse,
 * MeetingsListMeetingsResponse, MeetingsListUpcomingMeetingsResponse, CloudRecordingListAllRecordings-
 * Response, CloudRecordingGetMeetingRecordingsResponse, ReportsGetMeetingParticipantReportsResponse),
 * and Zoom's documented error bodies `{ code, message }` and their 429 headers.
 */

export const MEETING_ID = '85123456789';
export const HOST = 'ada@example.com';

export function meeting(over: Partial<ZoomMeeting> = {}): ZoomMeeting {
  return {
    uuid: 'aDYlohsHRtCd4ii1uC2+hA==',
    id: Number(MEETING_ID),
    host_id: 'KDcuGIm1QgePTO8WbOqwIQ',
    host_email: HOST,
    assistant_id: '',
    topic: 'Quarterly planning',
    type: 2,
    status: 'waiting',
    start_time: '2026-05-01T13:00:00Z',
    duration: 45,
    timezone: 'Europe/Paris',
    agenda: 'Roadmap and budget',
    created_at: '2026-04-20T09:12:00Z',
    start_url: 'https://zoom.us/s/85123456789?zak=eyJ0eXAiOiJKV1Qi-host-secret',
    join_url: 'https://zoom.us/j/85123456789?pwd=Qm9vbXRvd24',
    password: 'x7Kp2q',
    h323_password: '884017',
    pstn_password: '884017',
    encrypted_password: 'Qm9vbXRvd24',
    pre_schedule: false,
    settings: {
      host_video: true,
      participant_video: false,
      join_before_host: false,
      mute_upon_entry: true,
      approval_type: 2,
      audio: 'voip',
      auto_recording: 'none',
      waiting_room: true,
      meeting_invitees: [{ email: 'bob@example.com' }],
    },
    ...over,
  };
}

/** A meeting as the list endpoints give it (fewer fields). */
export function listed(id: string, start_time: string, over: Partial<ZoomMeeting> = {}): ZoomMeeting {
  return {
    uuid: `${id.slice(0, 6)}Rtd4ii1uC2+hA==`,
    id: Number(id),
    host_id: 'KDcuGIm1QgePTO8WbOqwIQ',
    topic: `Meeting ${id}`,
    type: 2,
    start_time,
    duration: 30,
    timezone: 'UTC',
    created_at: '2026-04-01T08:00:00Z',
    join_url: `https://zoom.us/j/${id}`,
    ...over,
  };
}

export const listPage = (meetings: ZoomMeeting[], next = '', page_size = 300) => ({
  next_page_token: next,
  page_size,
  total_records: meetings.length,
  meetings,
});

export function recording(id: string, start_time: string, over: Partial<ZoomRecordingMeeting> = {}) {
  return {
    account_id: 'Cx3wERazSgup7ZWRHQM8-w',
    duration: 44,
    host_id: 'KDcuGIm1QgePTO8WbOqwIQ',
    id: Number(id),
    recording_count: 2,
    start_time,
    topic: `Meeting ${id}`,
    total_size: 52428800,
    type: '2',
    uuid: `${id.slice(0, 6)}AiAiAiiAii==`,
    share_url: `https://zoom.us/rec/share/${id}`,
    recording_play_passcode: 'yNYIS408EJygs7rE5vVsJwXIz4-VW7MH',
    recording_files: [
      {
        deleted_time: '',
        download_url: `https://zoom.us/rec/download/${id}-video`,
        file_path: '',
        file_size: 50000000,
        file_type: 'MP4',
        file_extension: 'MP4',
        id: `${id}-video`,
        meeting_id: `${id.slice(0, 6)}AiAiAiiAii==`,
        play_url: `https://zoom.us/rec/play/${id}-video`,
        recording_end: '2026-04-10T10:44:00Z',
        recording_start: '2026-04-10T10:00:00Z',
        recording_type: 'shared_screen_with_speaker_view',
        status: 'completed',
      },
      {
        download_url: `https://zoom.us/rec/download/${id}-audio`,
        file_size: 2428800,
        file_type: 'M4A',
        file_extension: 'M4A',
        id: `${id}-audio`,
        meeting_id: `${id.slice(0, 6)}AiAiAiiAii==`,
        play_url: `https://zoom.us/rec/play/${id}-audio`,
        recording_end: '2026-04-10T10:44:00Z',
        recording_start: '2026-04-10T10:00:00Z',
        recording_type: 'audio_only',
        status: 'completed',
      },
    ],
    ...over,
  };
}

export const recordingsPage = (from: string, to: string, meetings: unknown[], next = '') => ({
  from,
  to,
  next_page_token: next,
  page_count: 1,
  page_size: 300,
  total_records: meetings.length,
  meetings,
});

export function participant(
  n: number,
  over: Partial<ZoomParticipant> = {},
): ZoomParticipant & Record<string, unknown> {
  return {
    customer_key: '',
    duration: 1800 + n,
    failover: false,
    id: `p${n}-KDcuGIm1QgePTO8WbOqwIQ`,
    join_time: '2026-04-10T10:00:00Z',
    leave_time: '2026-04-10T10:30:00Z',
    name: `Participant ${n}`,
    registrant_id: '',
    status: 'in_meeting',
    user_email: `p${n}@example.com`,
    user_id: `1${n}`,
    bo_mtg_id: '',
    participant_user_id: `u${n}`,
    ...over,
  };
}

export const participantsPage = (participants: unknown[], next = '') => ({
  next_page_token: next,
  page_count: 1,
  page_size: 300,
  total_records: participants.length,
  participants,
});

// Errors, as Zoom documents them.

export const invalidToken = { code: 124, message: 'Invalid access token.' };
export const meetingNotFound = (id = MEETING_ID) => ({
  code: 3001,
  message: `Meeting ${id} is not found or has expired.`,
});
export const missingScopes = {
  code: 4711,
  message:
    'Invalid access token, does not contain scopes:[meeting:read:meeting, meeting:read:meeting:admin].',
};
export const validationFailed = {
  code: 300,
  message: 'Validation Failed.',
  errors: [{ field: 'start_time', message: 'Invalid field.' }],
};
export const perSecondLimit = {
  code: 429,
  message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
};
export const dailyCreateLimit = {
  code: 429,
  message:
    'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.',
};
export const serverError = { code: 5000, message: 'Internal server error.' };
