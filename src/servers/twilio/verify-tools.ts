import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { form } from './api.js';
import { address, listOptions, paging, sid, type TwilioToolMaker } from './args.js';
import {
  LOOKUP_PACKAGES,
  listFields,
  lookupSchema,
  toLookup,
  toVerification,
  toVerifyService,
  verificationSchema,
  verifyServiceSchema,
} from './shapes.js';

const serviceSid = sid('VA', 'Verify service').describe(
  'SID of the Verify service (VA...; list_verify_services or create_verify_service give it)',
);

const CHANNELS = ['sms', 'call', 'email', 'whatsapp', 'sna', 'auto'] as const;

/**
 * Names guMCP's add_ons may use for Lookup v2's data packages: v1's `carrier` is v2's
 * line_type_intelligence, and dashes are taken for underscores.
 */
const PACKAGE_ALIASES: Readonly<Record<string, string>> = { carrier: 'line_type_intelligence' };

function lookupPackages(addOns: readonly string[]): string[] {
  const known = new Set<string>(LOOKUP_PACKAGES);
  const packages = addOns.map((name) => {
    const key = name.trim().toLowerCase().replace(/-/g, '_');
    const field = PACKAGE_ALIASES[key] ?? key;
    if (!known.has(field)) {
      throw new ToolError(
        `add_ons: Twilio Lookup has no data package "${name}"; it offers ${LOOKUP_PACKAGES.join(', ')}`,
      );
    }
    return field;
  });
  return [...new Set(packages)];
}

/** Verify (one-time codes) and Lookup (what a phone number is). */
export function verifyTools(twilioTool: TwilioToolMaker): Record<string, AnyToolDef> {
  return {
    list_verify_services: twilioTool({
      description:
        "List the account's Verify services (their VA... SIDs are what start_verification and " +
        'check_verification take). Pages are followed up to max_results.',
      input: z.object({ ...paging(1000) }),
      output: z.object({ ...listFields, services: z.array(verifyServiceSchema) }),
      annotations: reads,
      async run(args, twilio) {
        const { items, next_page_token } = await twilio.listVerifyServices(listOptions(args));
        return { count: items.length, services: items.map(toVerifyService), next_page_token };
      },
    }),

    create_verify_service: twilioTool({
      description:
        'Create a Verify service: the friendly name appears in the verification messages. Its SID (VA...) is ' +
        'what start_verification and check_verification take.',
      input: z.object({
        friendly_name: z
          .string()
          .trim()
          .min(1)
          .max(32)
          .describe('Name shown in the verification messages (up to 32 characters)'),
        code_length: z
          .number()
          .int()
          .min(4)
          .max(10)
          .optional()
          .describe('Length of the codes, 4 to 10 (default 6)'),
        lookup_enabled: z.boolean().optional().describe('Look the number up with each verification'),
        skip_sms_to_landlines: z
          .boolean()
          .optional()
          .describe('Do not send SMS codes to landlines (needs lookup_enabled)'),
        dtmf_input_required: z
          .boolean()
          .optional()
          .describe('On a voice call, ask the user to press a key before the code is spoken'),
      }),
      output: verifyServiceSchema,
      annotations: adds,
      async run(args, twilio) {
        const service = await twilio.createVerifyService(
          form({
            FriendlyName: args.friendly_name,
            CodeLength: args.code_length,
            LookupEnabled: args.lookup_enabled,
            SkipSmsToLandlines: args.skip_sms_to_landlines,
            DtmfInputRequired: args.dtmf_input_required,
          }),
          {
            what: 'Verify service',
            id: args.friendly_name,
            args: {
              FriendlyName: 'friendly_name',
              CodeLength: 'code_length',
              LookupEnabled: 'lookup_enabled',
              SkipSmsToLandlines: 'skip_sms_to_landlines',
              DtmfInputRequired: 'dtmf_input_required',
            },
            doing: `creating the Verify service "${args.friendly_name}"`,
          },
        );
        return toVerifyService(service);
      },
    }),

    start_verification: twilioTool({
      description:
        'Send a one-time code to a phone number (by SMS, voice call or WhatsApp) or to an email address, with ' +
        'a Verify service. Sent once: when Twilio fails mid-way it is not retried. Check the code the user ' +
        'receives with check_verification.',
      input: z.object({
        service_sid: serviceSid,
        to: address.describe('Phone number in E.164 (e.g. +14155552671), or an email address for email'),
        channel: z.enum(CHANNELS).describe('How the code is sent: sms, call, email, whatsapp, sna or auto'),
      }),
      output: z.object({
        sent: z.string().describe('Where the code went, how, and the verification SID'),
        verification: verificationSchema,
      }),
      annotations: adds,
      async run({ service_sid, to, channel }, twilio) {
        const verification = await twilio.startVerification(service_sid, form({ To: to, Channel: channel }), {
          what: 'Verify service',
          id: service_sid,
          args: { To: 'to', Channel: 'channel' },
          doing: `sending a verification code to ${to}`,
        });
        return {
          sent:
            `Sent a verification code by ${verification.channel ?? channel} to ${verification.to ?? to}: ` +
            `verification ${verification.sid}, status ${verification.status ?? 'unknown'}`,
          verification: toVerification(verification),
        };
      },
    }),

    check_verification: twilioTool({
      description:
        'Check the code a user received from start_verification. approved is true when it matches. Each ' +
        'check counts against the attempts allowed; a verification ends 10 minutes after it started, or once ' +
        'approved (then it is no longer found).',
      input: z.object({
        service_sid: serviceSid,
        to: address.describe('The phone number or email address the code was sent to'),
        code: z
          .union([z.string().trim(), z.number().int().nonnegative().transform(String)])
          .pipe(z.string().regex(/^[A-Za-z0-9]{4,10}$/, 'must be the 4 to 10 character code received'))
          .describe('The code the user received'),
      }),
      output: z.object({
        approved: z.boolean().describe('True when the code matched'),
        verification: verificationSchema,
      }),
      annotations: adds,
      async run({ service_sid, to, code }, twilio) {
        const check = await twilio.checkVerification(service_sid, form({ To: to, Code: code }), {
          what: 'Pending verification',
          id:
            `for ${to} in Verify service ${service_sid} (a verification expires 10 minutes after it starts ` +
            'and ends once approved)',
          args: { To: 'to', Code: 'code' },
        });
        return { approved: check.status === 'approved', verification: toVerification(check) };
      },
    }),

    lookup_phone_number: twilioTool({
      description:
        'Look up a phone number: whether it is valid, its E.164 and national formats and country, and with ' +
        'add_ons the data packages asked for (line_type_intelligence gives the carrier and line type; ' +
        'caller_name, sim_swap, ... ; some are billed per request).',
      input: z.object({
        phone_number: z
          .string()
          .trim()
          .min(1)
          .regex(/^[^/?#\\]+$/, 'must be a phone number')
          .describe('The number: E.164 such as +14155552671, or national format with country_code'),
        country_code: z
          .string()
          .trim()
          .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as US')
          .transform((c) => c.toUpperCase())
          .optional()
          .describe('Country of a number given in national format (ISO 3166-1 alpha-2, e.g. US)'),
        add_ons: z
          .union([
            z.array(z.string().min(1)),
            z.string().transform((s) => s.split(',').filter((p) => p.trim())),
          ])
          .optional()
          .describe(
            `Data packages to add: ${LOOKUP_PACKAGES.join(', ')} (carrier is taken for line_type_intelligence)`,
          ),
      }),
      output: lookupSchema,
      annotations: reads,
      async run({ phone_number, country_code, add_ons }, twilio) {
        const packages = lookupPackages(add_ons ?? []);
        const answer = await twilio.lookup(
          phone_number,
          { Fields: packages.length ? packages.join(',') : undefined, CountryCode: country_code },
          {
            what: 'Phone number',
            id: phone_number,
            args: { PhoneNumber: 'phone_number', CountryCode: 'country_code', Fields: 'add_ons' },
          },
        );
        return toLookup(answer, packages);
      },
    }),
  };
}
