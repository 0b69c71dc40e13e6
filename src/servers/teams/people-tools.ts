import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { addMember, createMeeting, listMembers, removeMember, sendChatMessage } from './api.js';
import { teamId, top } from './fields.js';
import { messageBody } from './html.js';
import { defined, member, summarizeMember } from './shapes.js';

const userId = z
  .string()
  .min(1)
  .describe('The user’s id (a GUID) or user principal name, usually their work email address');

/** Members a removal looks through for the user. */
const MEMBER_SEARCH = 5000;

/**
 * An ISO 8601 date-time as Graph's DateTimeOffset wants it. Without an offset it is read as UTC, the
 * way guMCP's examples write it ("2025-04-20T10:00:00Z").
 */
function instant(arg: string, value: string): string {
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  const ms = m ? Date.parse(m[3] ? value.trim() : `${value.trim()}Z`) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new ToolError(`${arg}: "${value}" is not an ISO 8601 date and time, e.g. 2025-04-20T10:00:00Z`);
  }
  return new Date(ms).toISOString();
}

/** Posts the agenda in the meeting's chat; a meeting without it is still a meeting, so failure is reported. */
async function postAgenda(
  ctx: ToolContext,
  threadId: string | undefined,
  agenda: string,
): Promise<{ agendaPosted: boolean; agendaNote?: string }> {
  if (!threadId)
    return { agendaPosted: false, agendaNote: 'Teams gave the meeting no chat to post the agenda in' };
  try {
    await sendChatMessage(ctx, threadId, messageBody(agenda, undefined));
    return { agendaPosted: true };
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    return {
      agendaPosted: false,
      agendaNote: `The agenda could not be posted in the meeting chat: ${error.message}`,
    };
  }
}

export const peopleTools = {
  get_team_members: tool({
    description: 'List the members of a team with their roles (owner, member, guest).',
    input: z.object({ team_id: teamId, top: top('members', 50, 1000) }),
    output: z.object({
      teamId: z.string(),
      count: z.number().int(),
      more: z.boolean(),
      members: z.array(member),
    }),
    annotations: { title: 'Get team members', ...reads },
    scopes: ['TeamMember.Read.All'],
    async handler({ team_id, top }, ctx) {
      const { items, more } = await listMembers(ctx, team_id, top);
      return { teamId: team_id, count: items.length, more, members: items.map(summarizeMember) };
    },
  }),

  add_team_member: tool({
    description: 'Add a user of the organization to a team, as a member or an owner.',
    input: z.object({
      team_id: teamId,
      user_id: userId,
      roles: z
        .array(z.enum(['owner', 'member']))
        .optional()
        .describe('["owner"] to add an owner; ["member"] or nothing for a member'),
    }),
    output: member.extend({ teamId: z.string() }),
    annotations: { title: 'Add team member', ...sets },
    scopes: ['TeamMember.ReadWrite.All'],
    async handler({ team_id, user_id, roles }, ctx) {
      const added = await addMember(ctx, team_id, user_id, roles?.includes('owner') ?? false);
      return { ...summarizeMember(added), teamId: team_id };
    },
  }),

  remove_team_member: tool({
    description: 'Remove a user from a team.',
    input: z.object({ team_id: teamId, user_id: userId }),
    output: z.object({ removed: z.boolean(), teamId: z.string(), member }),
    annotations: { title: 'Remove team member', ...overwrites },
    scopes: ['TeamMember.ReadWrite.All'],
    async handler({ team_id, user_id }, ctx) {
      // Graph removes a membership by its own id; the user is found among the members first.
      const wanted = user_id.toLowerCase();
      const { items } = await listMembers(ctx, team_id, MEMBER_SEARCH);
      const found = items.find(
        (m) => m.userId?.toLowerCase() === wanted || m.email?.toLowerCase() === wanted,
      );
      if (!found) throw new ToolError(`user_id: ${user_id} is not a member of team ${team_id}`);
      await removeMember(ctx, team_id, found.id);
      return { removed: true, teamId: team_id, member: summarizeMember(found) };
    },
  }),

  create_meeting: tool({
    description:
      'Create a Microsoft Teams online meeting and get its join link. Attendees are listed on the meeting (no invitation e-mail is sent); the agenda is posted in the meeting chat.',
    input: z.object({
      subject: z.string().min(1).describe('Subject of the meeting'),
      start_time: z
        .string()
        .min(1)
        .describe('Start, ISO 8601, e.g. 2025-04-20T10:00:00Z (UTC when no offset)'),
      end_time: z.string().min(1).describe('End, ISO 8601, e.g. 2025-04-20T11:00:00Z (UTC when no offset)'),
      attendees: z
        .array(z.string().min(1))
        .optional()
        .describe('Attendees’ email addresses (user principal names)'),
      content: z
        .string()
        .min(1)
        .optional()
        .describe('Agenda, posted as the first message of the meeting chat'),
    }),
    output: z.object({
      id: z.string(),
      subject: z.string(),
      startDateTime: z.string(),
      endDateTime: z.string(),
      joinWebUrl: z.string().optional().describe('The link to join the meeting'),
      attendees: z.array(z.string()),
      chatId: z.string().optional().describe('The meeting chat'),
      agendaPosted: z.boolean().optional(),
      agendaNote: z.string().optional(),
    }),
    annotations: { title: 'Create meeting', ...adds },
    scopes: ['OnlineMeetings.ReadWrite', 'Chat.ReadWrite'],
    async handler(args, ctx) {
      const start = instant('start_time', args.start_time);
      const end = instant('end_time', args.end_time);
      if (end <= start) throw new ToolError('end_time: must be after start_time');
      const attendees = (args.attendees ?? []).map((a) => a.trim());
      const made = await createMeeting(ctx, {
        subject: args.subject,
        startDateTime: start,
        endDateTime: end,
        participants: { attendees: attendees.map((upn) => ({ upn, role: 'attendee' as const })) },
      });
      const threadId = made.chatInfo?.threadId;
      return defined({
        id: made.id,
        subject: made.subject ?? args.subject,
        startDateTime: made.startDateTime ?? start,
        endDateTime: made.endDateTime ?? end,
        joinWebUrl: made.joinWebUrl,
        attendees,
        chatId: threadId,
        ...(args.content ? await postAgenda(ctx, threadId, args.content) : {}),
      });
    },
  }),
};
