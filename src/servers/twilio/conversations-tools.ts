import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { form } from './api.js';
import { listOptions, paging, sid, sidOrName, type TwilioToolMaker } from './args.js';
import {
  conversationMessageSchema,
  conversationSchema,
  conversationServiceSchema,
  listFields,
  participantSchema,
  toConversation,
  toConversationMessage,
  toConversationService,
  toParticipant,
} from './shapes.js';

const serviceSid = sid('IS', 'Conversation Service').describe(
  'SID of the Conversation Service (IS...; list_conversation_services gives it)',
);
const optionalService = serviceSid
  .optional()
  .describe('SID of the Conversation Service (IS...) holding the conversation; default the default service');
const conversationSid = sidOrName('conversation').describe('SID (CH...) or unique name of the conversation');
const friendlyName = (what: string) =>
  z.string().trim().min(1).max(256).describe(`Name of the ${what} (up to 256 characters)`);

/** Conversations: services, conversations, participants and messages (conversations.twilio.com/v1). */
export function conversationsTools(twilioTool: TwilioToolMaker): Record<string, AnyToolDef> {
  return {
    list_conversation_services: twilioTool({
      description:
        "List the account's Conversation Services (their IS... SIDs scope conversations). Pages are followed " +
        'up to max_results.',
      input: z.object({ ...paging(100) }),
      output: z.object({ ...listFields, services: z.array(conversationServiceSchema) }),
      annotations: reads,
      async run(args, twilio) {
        const { items, next_page_token } = await twilio.listConversationServices(listOptions(args));
        return { count: items.length, services: items.map(toConversationService), next_page_token };
      },
    }),

    create_conversation_service: twilioTool({
      description: 'Create a Conversation Service, a separate set of conversations, users and roles.',
      input: z.object({ friendly_name: friendlyName('service') }),
      output: conversationServiceSchema,
      annotations: adds,
      async run({ friendly_name }, twilio) {
        const service = await twilio.createConversationService(form({ FriendlyName: friendly_name }), {
          what: 'Conversation service',
          id: friendly_name,
          args: { FriendlyName: 'friendly_name' },
          doing: `creating the Conversation Service "${friendly_name}"`,
        });
        return toConversationService(service);
      },
    }),

    list_conversations: twilioTool({
      description:
        'List the conversations of a Conversation Service, with their state. Pages are followed up to ' +
        'max_results.',
      input: z.object({ service_sid: serviceSid, ...paging(100) }),
      output: z.object({
        service_sid: z.string(),
        ...listFields,
        conversations: z.array(conversationSchema),
      }),
      annotations: reads,
      async run({ service_sid, ...args }, twilio) {
        const { items, next_page_token } = await twilio.listConversations(service_sid, listOptions(args));
        return {
          service_sid,
          count: items.length,
          conversations: items.map(toConversation),
          next_page_token,
        };
      },
    }),

    create_conversation: twilioTool({
      description: 'Create a conversation in a Conversation Service; add participants, then send messages.',
      input: z.object({ service_sid: serviceSid, friendly_name: friendlyName('conversation').optional() }),
      output: conversationSchema,
      annotations: adds,
      async run({ service_sid, friendly_name }, twilio) {
        const conversation = await twilio.createConversation(
          service_sid,
          form({ FriendlyName: friendly_name }),
          {
            what: 'Conversation service',
            id: service_sid,
            args: { FriendlyName: 'friendly_name' },
            doing: `creating a conversation in ${service_sid}`,
          },
        );
        return toConversation(conversation);
      },
    }),

    add_conversation_participant: twilioTool({
      description:
        'Add a chat participant, named by identity (a Conversations user), to a conversation. Adding an ' +
        'identity that is already a participant fails.',
      input: z.object({
        service_sid: optionalService,
        conversation_sid: conversationSid,
        identity: z.string().trim().min(1).describe('Identity of the Conversations user to add (e.g. alice)'),
      }),
      output: participantSchema,
      annotations: adds,
      async run({ service_sid, conversation_sid, identity }, twilio) {
        const participant = await twilio.addParticipant(
          { service: service_sid, conversation: conversation_sid },
          form({ Identity: identity }),
          {
            what: 'Conversation',
            id: service_sid ? `${conversation_sid} in service ${service_sid}` : conversation_sid,
            args: { Identity: 'identity' },
            doing: `adding ${identity} to conversation ${conversation_sid}`,
          },
        );
        return toParticipant(participant);
      },
    }),

    send_conversation_message: twilioTool({
      description:
        "Post a message to a conversation; Twilio delivers it to the conversation's participants. Sent once: " +
        'when Twilio fails mid-way it is not retried. The result says what was posted where, with its SID.',
      input: z.object({
        service_sid: optionalService,
        conversation_sid: conversationSid,
        body: z.string().min(1).max(1600).describe('The text, up to 1,600 characters'),
        author: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Who the message is from: a participant identity (default system)'),
      }),
      output: z.object({
        sent: z.string().describe('What was posted, to which conversation, with the message SID'),
        message: conversationMessageSchema,
      }),
      annotations: adds,
      async run({ service_sid, conversation_sid, body, author }, twilio) {
        const message = await twilio.sendConversationMessage(
          { service: service_sid, conversation: conversation_sid },
          form({ Body: body, Author: author }),
          {
            what: 'Conversation',
            id: service_sid ? `${conversation_sid} in service ${service_sid}` : conversation_sid,
            args: { Body: 'body', Author: 'author' },
            doing: `posting the message to conversation ${conversation_sid}`,
          },
        );
        const preview = body.length > 160 ? `${body.slice(0, 160)}...` : body;
        return {
          sent:
            `Posted "${preview}" to conversation ${message.conversation_sid ?? conversation_sid} as ` +
            `${message.author ?? author ?? 'system'}: message ${message.sid} (index ${message.index ?? '?'})`,
          message: toConversationMessage(message),
        };
      },
    }),
  };
}
