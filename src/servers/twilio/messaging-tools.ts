import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { form } from './api.js';
import { address, full, httpUrl, listOptions, paging, sid, type TwilioToolMaker } from './args.js';
import { callSchema, listFields, messageSchema, resourceField, toCall, toMessage } from './shapes.js';

const messageSid = sid('SM|MM', 'Message').describe('SID of the message (SM... or MM...)');
const callSid = sid('CA', 'Call').describe('SID of the call (CA...)');
const MESSAGING_SERVICE = /^MG[0-9a-fA-F]{32}$/;
/** Twilio's limit on inline TwiML. */
const MAX_TWIML = 4000;

/** The first characters of a text, quoted, for a summary of what was sent. */
const quote = (value: string, max = 160) => `"${value.length > max ? `${value.slice(0, max)}...` : value}"`;

const xml = (value: string) =>
  value.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

const whatsapp = (value: string) => (value.startsWith('whatsapp:') ? value : `whatsapp:${value}`);

/** Messages and calls (api.twilio.com/2010-04-01). */
export function messagingTools(twilioTool: TwilioToolMaker): Record<string, AnyToolDef> {
  return {
    send_message: twilioTool({
      description:
        "Send an SMS, MMS or WhatsApp message from one of the account's numbers (or a Messaging Service). " +
        'Sent once: when Twilio fails mid-way it is not retried, and the error says it may have gone through. ' +
        'The result says what was sent to whom, with the message SID.',
      input: z.object({
        to: address.describe('Recipient: an E.164 number such as +14155552671 (whatsapp:+... for WhatsApp)'),
        from: address.describe(
          "Sender: one of the account's Twilio numbers (E.164), a short code, an alphanumeric sender ID, or a " +
            'Messaging Service SID (MG...)',
        ),
        body: z
          .string()
          .max(1600)
          .optional()
          .describe('The text, up to 1,600 characters; required unless media_url is given'),
        media_url: z
          .union([httpUrl, z.array(httpUrl).min(1).max(10)])
          .optional()
          .describe(
            'Public URL of an image or other media to send (MMS or WhatsApp); an array for several, up to 10',
          ),
        channel: z
          .enum(['sms', 'whatsapp'])
          .optional()
          .describe('whatsapp sends over WhatsApp (whatsapp: is put before to and from); default sms'),
        status_callback: httpUrl.optional().describe('URL Twilio calls with each delivery status'),
      }),
      output: z.object({
        sent: z.string().describe('What was sent, from whom, to whom, with the message SID and status'),
        message: messageSchema,
      }),
      annotations: adds,
      async run({ to, from, body, media_url, channel, status_callback }, twilio) {
        const media = media_url === undefined ? [] : Array.isArray(media_url) ? media_url : [media_url];
        if (!body?.trim() && media.length === 0) {
          throw new ToolError('body: required unless media_url is given');
        }
        const service = MESSAGING_SERVICE.test(from);
        const onWhatsapp = channel === 'whatsapp' || (channel === undefined && to.startsWith('whatsapp:'));
        const recipient = onWhatsapp ? whatsapp(to) : to;
        const sender = onWhatsapp && !service ? whatsapp(from) : from;
        const kind = onWhatsapp ? 'WhatsApp message' : media.length > 0 ? 'MMS' : 'SMS';
        const message = await twilio.sendMessage(
          form({
            To: recipient,
            ...(service ? { MessagingServiceSid: sender } : { From: sender }),
            Body: body,
            MediaUrl: media,
            StatusCallback: status_callback,
          }),
          {
            what: 'Message',
            id: `to ${recipient}`,
            args: {
              To: 'to',
              From: 'from',
              MessagingServiceSid: 'from',
              Body: 'body',
              MediaUrl: 'media_url',
              StatusCallback: 'status_callback',
            },
            doing: `sending the ${kind} to ${recipient}`,
          },
        );
        const what = [body ? quote(body) : '', media.length ? `${media.length} media file(s)` : '']
          .filter(Boolean)
          .join(' with ');
        const via = service ? `Messaging Service ${sender}` : (message.from ?? sender);
        return {
          sent:
            `Sent ${kind} ${what} from ${via} to ${message.to ?? recipient}: message ${message.sid}, ` +
            `status ${message.status ?? 'unknown'}`,
          message: toMessage(message),
        };
      },
    }),

    list_messages: twilioTool({
      description:
        "List the account's messages, newest first: SID, from, to, body, status, dates, price. Pages are " +
        'followed up to max_results; next_page_token continues the list.',
      input: z.object({ ...paging(1000) }),
      output: z.object({ ...listFields, messages: z.array(messageSchema) }),
      annotations: reads,
      async run(args, twilio) {
        const { items, next_page_token } = await twilio.listMessages(listOptions(args));
        return { count: items.length, messages: items.map(toMessage), next_page_token };
      },
    }),

    fetch_message: twilioTool({
      description: 'Get a message by its SID: from, to, body, status, error code, price and dates.',
      input: z.object({ message_sid: messageSid, full }),
      output: messageSchema.extend(resourceField),
      annotations: reads,
      async run({ message_sid, full }, twilio) {
        const message = await twilio.fetchMessage(message_sid);
        return { ...toMessage(message), ...(full ? { resource: message } : {}) };
      },
    }),

    delete_message: twilioTool({
      description:
        'Delete a message (its record and body) from the account. Twilio refuses while it is still being sent.',
      input: z.object({ message_sid: messageSid }),
      output: z.object({ deleted: z.boolean(), message_sid: z.string() }),
      annotations: overwrites,
      async run({ message_sid }, twilio) {
        await twilio.deleteMessage(message_sid);
        return { deleted: true, message_sid };
      },
    }),

    make_call: twilioTool({
      description:
        "Call a phone number from one of the account's numbers, and either speak `text` or follow the TwiML " +
        'instructions at `url`. Placed once: when Twilio fails mid-way it is not retried. The result says who ' +
        'was called, from which number, with what, and the call SID.',
      input: z.object({
        to: address.describe('Number to call: E.164 such as +14155552671 (or a SIP address or client:name)'),
        from: address.describe(
          "Caller ID: one of the account's Twilio numbers or a verified caller ID (E.164)",
        ),
        url: httpUrl.optional().describe('URL of the TwiML instructions for the call (give this or text)'),
        text: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Text Twilio speaks when the call is answered (give this or url)'),
        status_callback: httpUrl.optional().describe('URL Twilio calls with the call status'),
      }),
      output: z.object({
        placed: z.string().describe('Who is called, from which number, with what, and the call SID'),
        call: callSchema,
      }),
      annotations: adds,
      async run({ to, from, url, text, status_callback }, twilio) {
        if (url === undefined && text === undefined) {
          throw new ToolError('url, text: give one of them (TwiML instructions at url, or text to speak)');
        }
        if (url !== undefined && text !== undefined) throw new ToolError('url, text: give only one of them');
        const twiml = text === undefined ? undefined : `<Response><Say>${xml(text)}</Say></Response>`;
        if (twiml && twiml.length > MAX_TWIML) {
          throw new ToolError(`text: too long (Twilio takes at most ${MAX_TWIML} characters of TwiML)`);
        }
        const call = await twilio.createCall(
          form({ To: to, From: from, Url: url, Twiml: twiml, StatusCallback: status_callback }),
          {
            what: 'Call',
            id: `to ${to}`,
            args: { To: 'to', From: 'from', Url: 'url', Twiml: 'text', StatusCallback: 'status_callback' },
            doing: `placing the call to ${to}`,
          },
        );
        const saying = text === undefined ? `following the TwiML at ${url}` : `saying ${quote(text)}`;
        return {
          placed:
            `Calling ${call.to ?? to} from ${call.from ?? from}, ${saying}: call ${call.sid}, ` +
            `status ${call.status ?? 'unknown'}`,
          call: toCall(call),
        };
      },
    }),

    list_calls: twilioTool({
      description:
        "List the account's calls, newest first: SID, from, to, status, direction, times, duration, price. " +
        'Pages are followed up to max_results; next_page_token continues the list.',
      input: z.object({ ...paging(1000) }),
      output: z.object({ ...listFields, calls: z.array(callSchema) }),
      annotations: reads,
      async run(args, twilio) {
        const { items, next_page_token } = await twilio.listCalls(listOptions(args));
        return { count: items.length, calls: items.map(toCall), next_page_token };
      },
    }),

    fetch_call: twilioTool({
      description: 'Get a call by its SID: from, to, status, direction, start and end, duration, price.',
      input: z.object({ call_sid: callSid, full }),
      output: callSchema.extend(resourceField),
      annotations: reads,
      async run({ call_sid, full }, twilio) {
        const call = await twilio.fetchCall(call_sid);
        return { ...toCall(call), ...(full ? { resource: call } : {}) };
      },
    }),
  };
}
