import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { form } from './api.js';
import { full, httpUrl, listOptions, paging, sidOrName, type TwilioToolMaker } from './args.js';
import { listFields, resourceField, roomSchema, toRoom } from './shapes.js';

const roomSid = sidOrName('room').describe(
  'SID of the room (RM...), or the unique name of an in-progress room',
);

/** Twilio's room types: `group` for new rooms; the others are deprecated but still taken. */
const ROOM_TYPES = ['group', 'group-small', 'peer-to-peer', 'go'] as const;

/** Video rooms (video.twilio.com/v1). */
export function videoTools(twilioTool: TwilioToolMaker): Record<string, AnyToolDef> {
  return {
    list_video_rooms: twilioTool({
      description:
        "List the account's video rooms, newest first, with their status. Pages are followed up to max_results.",
      input: z.object({ ...paging(1000) }),
      output: z.object({ ...listFields, rooms: z.array(roomSchema) }),
      annotations: reads,
      async run(args, twilio) {
        const { items, next_page_token } = await twilio.listRooms(listOptions(args));
        return { count: items.length, rooms: items.map(toRoom), next_page_token };
      },
    }),

    create_video_room: twilioTool({
      description:
        'Create a video room that participants can join by its unique name. A name is unique among rooms in ' +
        'progress: creating one that is in progress fails.',
      input: z.object({
        unique_name: z
          .string()
          .trim()
          .min(1)
          .max(128)
          .regex(/^[^/?#\\]+$/, 'must not contain / ? # or \\')
          .describe('Name participants join the room by'),
        type: z
          .enum(ROOM_TYPES)
          .optional()
          .describe('Room type: group (the default for new rooms); others are deprecated'),
        status_callback: httpUrl.optional().describe('URL Twilio calls with room events'),
      }),
      output: roomSchema,
      annotations: adds,
      async run({ unique_name, type, status_callback }, twilio) {
        const room = await twilio.createRoom(
          form({ UniqueName: unique_name, Type: type, StatusCallback: status_callback }),
          {
            what: 'Video room',
            id: unique_name,
            args: { UniqueName: 'unique_name', Type: 'type', StatusCallback: 'status_callback' },
            doing: `creating the room "${unique_name}"`,
          },
        );
        return toRoom(room);
      },
    }),

    fetch_video_room: twilioTool({
      description: 'Get a video room: status, type, participants allowed, duration and times.',
      input: z.object({ room_sid: roomSid, full }),
      output: roomSchema.extend(resourceField),
      annotations: reads,
      async run({ room_sid, full }, twilio) {
        const room = await twilio.fetchRoom(room_sid);
        return { ...toRoom(room), ...(full ? { resource: room } : {}) };
      },
    }),

    complete_video_room: twilioTool({
      description: 'End a video room: everyone in it is disconnected and nobody can join it again.',
      input: z.object({ room_sid: roomSid }),
      output: roomSchema,
      annotations: overwrites,
      async run({ room_sid }, twilio) {
        return toRoom(await twilio.completeRoom(room_sid));
      },
    }),
  };
}
