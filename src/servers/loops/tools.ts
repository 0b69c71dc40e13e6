import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { ApiFactory, ContactRef, LoopsApi, LoopsContact } from './api.js';
import { IdempotencyKeyUsed } from './errors.js';

/** Published transactional emails named when a transactional_id is not found. */
const SUGGESTED_TRANSACTIONALS = 100;

const email = z.string().trim().email();
const userId = z.string().trim().min(1);

/** A contact property value as Loops takes it: string, number, boolean (or null to clear it). */
const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const mailingLists = z
  .record(z.string(), z.boolean())
  .describe('Mailing list ids mapped to true (subscribe) or false (unsubscribe)');

/** The standard contact fields; custom properties (created beforehand) go beside them. */
const contactFields = {
  firstName: z.string().optional().describe('First name'),
  lastName: z.string().optional().describe('Last name'),
  userId: userId.optional().describe('Your own id for the contact (lets *_by_user_id tools find it)'),
  userGroup: z.string().optional().describe('User group'),
  subscribed: z.boolean().optional().describe('Subscribed to campaigns and loops'),
  mailingLists: mailingLists.optional(),
};

const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .optional()
  .describe(
    'Idempotency-Key for Loops (at most 100 characters): a repeat with the same key within 24 hours is not ' +
      'sent again. Default: a new key per call, reused by its own retries',
  );

const contactSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    firstName: z.string().nullable().optional(),
    lastName: z.string().nullable().optional(),
    source: z.string().optional(),
    subscribed: z.boolean().optional(),
    userGroup: z.string().optional(),
    userId: z.string().nullable().optional(),
    mailingLists: z.record(z.string(), z.boolean()).optional(),
    optInStatus: z.string().nullable().optional(),
  })
  .catchall(z.unknown());

const foundOutput = z.object({ found: z.boolean(), contact: contactSchema.nullable() });
const writeOutput = z.object({ success: z.boolean(), id: z.string(), message: z.string() });
const deleteOutput = z.object({ deleted: z.boolean(), message: z.string() });
const sendOutput = z.object({
  status: z
    .enum(['sent', 'already_sent'])
    .describe('already_sent: Loops had this idempotency key and sent nothing again'),
  message: z.string().describe('What was sent, and to whom'),
  idempotency_key: z.string(),
});

const found = (contacts: LoopsContact[]) => ({ found: contacts.length > 0, contact: contacts[0] ?? null });

const who = (ref: ContactRef) => ('email' in ref ? ref.email : `the contact with userId ${ref.userId}`);

/** Sends once per idempotency key; a key Loops has seen means the earlier request was taken. */
async function sendOnce(
  key: string | undefined,
  send: (key: string) => Promise<unknown>,
  describe: (sent: boolean) => string,
): Promise<z.infer<typeof sendOutput>> {
  const used = key ?? randomUUID();
  try {
    await send(used);
    return { status: 'sent', message: describe(true), idempotency_key: used };
  } catch (error) {
    if (!(error instanceof IdempotencyKeyUsed)) throw error;
    return { status: 'already_sent', message: describe(false), idempotency_key: used };
  }
}

interface LoopsToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, api: LoopsApi): Promise<z.input<O>>;
}

export function loopsTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const loopsTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: LoopsToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const getContact = (ref: ContactRef) => async (api: LoopsApi) => found(await api.findContact(ref));

  const deleteContact = async (api: LoopsApi, ref: ContactRef) => {
    const r = await api.deleteContact(ref);
    return {
      deleted: r.success !== false,
      message: `Deleted ${who(ref)} from Loops (${r.message ?? 'Contact deleted.'})`,
    };
  };

  const updateContact = async (api: LoopsApi, ref: ContactRef, body: Record<string, unknown>) => {
    const r = await api.updateContact(ref, body);
    return {
      success: r.success !== false,
      id: r.id,
      message: `Updated ${who(ref)} in Loops (created if it did not exist)`,
    };
  };

  const sendEvent =
    (ref: ContactRef) =>
    async (
      args: {
        event_name: string;
        event_properties?: Record<string, unknown>;
        mailing_lists?: Record<string, boolean>;
        idempotency_key?: string;
      },
      api: LoopsApi,
    ) => {
      const body = {
        ...ref,
        eventName: args.event_name,
        ...(args.event_properties ? { eventProperties: args.event_properties } : {}),
        ...(args.mailing_lists ? { mailingLists: args.mailing_lists } : {}),
      };
      const props = Object.keys(args.event_properties ?? {});
      return sendOnce(
        args.idempotency_key,
        (key) => api.sendEvent(body, key),
        (sent) =>
          `${sent ? 'Sent' : 'Already sent earlier (nothing sent again):'} event "${args.event_name}" for ${who(ref)}` +
          `${props.length ? ` with properties ${props.join(', ')}` : ''}; loops triggered by it may email that contact.`,
      );
    };

  const eventInput = {
    event_name: z.string().trim().min(1).describe('Name of the event, as set up in Loops'),
    event_properties: z
      .record(z.string(), propertyValue)
      .optional()
      .describe('Event properties, available in the emails the event sends'),
    mailing_lists: mailingLists.optional(),
    idempotency_key: idempotencyKey,
  };

  return {
    add_contact: loopsTool({
      description:
        'Add a contact to the Loops audience. If one with this email (or userId) exists Loops refuses and ' +
        'nothing changes: use update_contact_by_email to change it. Include userId to find or delete the ' +
        'contact by it later.',
      input: z.object({
        body: z
          .object({ email: email.describe("The contact's email"), ...contactFields })
          .catchall(propertyValue)
          .describe(
            'The contact: email, and optionally firstName, lastName, userId, userGroup, subscribed, mailingLists, custom properties',
          ),
      }),
      output: writeOutput,
      annotations: adds,
      async run({ body }, api) {
        const r = await api.createContact(body);
        return {
          success: r.success !== false,
          id: r.id,
          message: `Added ${body.email} to the Loops audience`,
        };
      },
    }),

    add_custom_property: loopsTool({
      description: 'Create a custom contact property in Loops (name in camelCase, e.g. planName).',
      input: z.object({
        body: z
          .object({
            name: z
              .string()
              .trim()
              .regex(/^[a-z][A-Za-z0-9]*$/, 'must be camelCase, e.g. planName')
              .describe('Name of the property, in camelCase'),
            type: z.enum(['string', 'number', 'boolean', 'date']).describe('Type of the property'),
          })
          .describe('The property: name and type'),
      }),
      output: z.object({ success: z.boolean(), name: z.string(), type: z.string() }),
      annotations: adds,
      async run({ body }, api) {
        const r = await api.createProperty(body.name, body.type);
        return { success: r.success !== false, name: body.name, type: body.type };
      },
    }),

    delete_contact_by_email: loopsTool({
      description: 'Delete a contact from the Loops audience by email.',
      input: z.object({ email: email.describe("The contact's email") }),
      output: deleteOutput,
      annotations: overwrites,
      run: ({ email: address }, api) => deleteContact(api, { email: address }),
    }),

    delete_contact_by_user_id: loopsTool({
      description: 'Delete a contact from the Loops audience by the userId it was given.',
      input: z.object({ user_id: userId.describe("The contact's userId") }),
      output: deleteOutput,
      annotations: overwrites,
      run: ({ user_id }, api) => deleteContact(api, { userId: user_id }),
    }),

    get_contact_by_email: loopsTool({
      description:
        'Find a contact by email, with its properties and mailing lists; found is false when there is none.',
      input: z.object({ email: email.describe("The contact's email") }),
      output: foundOutput,
      annotations: reads,
      run: ({ email: address }, api) => getContact({ email: address })(api),
    }),

    get_contact_by_user_id: loopsTool({
      description:
        'Find a contact by userId, with its properties and mailing lists; found is false when there is none.',
      input: z.object({ user_id: userId.describe("The contact's userId") }),
      output: foundOutput,
      annotations: reads,
      run: ({ user_id }, api) => getContact({ userId: user_id })(api),
    }),

    update_contact_by_email: loopsTool({
      description:
        'Set properties of the contact with this email, or create the contact when there is none. To change ' +
        "a contact's email, use update_contact_by_user_id.",
      input: z.object({
        email: email.describe("The contact's email"),
        body: z
          .object(contactFields)
          .catchall(propertyValue)
          .describe(
            'Properties to set: firstName, lastName, userId, userGroup, subscribed, mailingLists, custom ones',
          ),
      }),
      output: writeOutput,
      annotations: overwrites,
      async run({ email: address, body }, api) {
        if (typeof body.email === 'string' && body.email.trim().toLowerCase() !== address.toLowerCase()) {
          throw new ToolError(
            "body.email: to change a contact's email use update_contact_by_user_id (Loops finds the contact by its userId)",
          );
        }
        const { email: _same, ...rest } = body;
        return updateContact(api, { email: address }, rest);
      },
    }),

    update_contact_by_user_id: loopsTool({
      description: 'Set properties of the contact with this userId, its email included.',
      input: z.object({
        user_id: userId.describe("The contact's userId"),
        body: z
          .object({ email: email.optional().describe('A new email for the contact'), ...contactFields })
          .catchall(propertyValue)
          .describe(
            'Properties to set: email, firstName, lastName, userGroup, subscribed, mailingLists, custom ones',
          ),
      }),
      output: writeOutput,
      annotations: overwrites,
      async run({ user_id, body }, api) {
        const { userId: _same, ...rest } = body;
        return updateContact(api, { userId: user_id }, rest);
      },
    }),

    send_transactional_email: loopsTool({
      description:
        'Send a published transactional email to one address, filled with data_variables. Sends an email each ' +
        'call (a repeat with the same idempotency_key within 24 hours is not sent again).',
      input: z.object({
        to_email: email.describe('Recipient'),
        transactional_id: z.string().trim().min(1).describe('Id of the transactional email (from Loops)'),
        add_to_audience: z
          .boolean()
          .optional()
          .describe('Also add the recipient to the audience (default false)'),
        data_variables: z
          .record(
            z.string(),
            z.union([
              z.string(),
              z.number(),
              z.boolean(),
              z.array(z.unknown()),
              z.record(z.string(), z.unknown()),
            ]),
          )
          .optional()
          .describe("Values for the template's data variables, by name"),
        attachments: z
          .array(
            z.object({
              filename: z.string().min(1).describe('File name shown in the email'),
              contentType: z.string().min(1).describe('MIME type, e.g. application/pdf'),
              data: z
                .string()
                .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
                .describe('The file, base64-encoded'),
            }),
          )
          .optional()
          .describe('Files to attach (Loops enables attachments per account on request)'),
        idempotency_key: idempotencyKey,
      }),
      output: sendOutput.extend({ to: z.string(), transactional_id: z.string() }),
      annotations: adds,
      async run(
        { to_email, transactional_id, add_to_audience, data_variables, attachments, idempotency_key },
        api,
      ) {
        const body = {
          email: to_email,
          transactionalId: transactional_id,
          ...(add_to_audience !== undefined ? { addToAudience: add_to_audience } : {}),
          ...(data_variables ? { dataVariables: data_variables } : {}),
          ...(attachments ? { attachments } : {}),
        };
        const vars = Object.keys(data_variables ?? {});
        const files = (attachments ?? []).map((a) => a.filename);
        try {
          const result = await sendOnce(
            idempotency_key,
            (key) => api.sendTransactional(body, key),
            (sent) =>
              `${sent ? 'Sent' : 'Already sent earlier (nothing sent again):'} transactional email ${transactional_id} ` +
              `to ${to_email}${vars.length ? ` with data variables ${vars.join(', ')}` : ''}` +
              `${files.length ? ` and attachments ${files.join(', ')}` : ''}` +
              `${add_to_audience ? '; the recipient is added to the audience' : ''}.`,
          );
          return { ...result, to: to_email, transactional_id };
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          // Say which ids exist: the published transactional emails, page after page.
          const { emails, more } = await api.transactionals(SUGGESTED_TRANSACTIONALS);
          const list = emails.map((e) => `${e.name} (${e.id})`).join(', ');
          throw new ToolError(
            `Transactional email not found: ${transactional_id}. ` +
              (list
                ? `Published transactional emails: ${list}${more ? ', ...' : ''}.`
                : 'The team has no published transactional email.'),
          );
        }
      },
    }),

    send_event_by_email: loopsTool({
      description:
        'Send an event for the contact with this email (created if missing); loops it triggers may email the ' +
        'contact. A repeat with the same idempotency_key within 24 hours is not sent again.',
      input: z.object({ email: email.describe("The contact's email"), ...eventInput }),
      output: sendOutput,
      annotations: adds,
      run: ({ email: address, ...args }, api) => sendEvent({ email: address })(args, api),
    }),

    send_event_by_user_id: loopsTool({
      description:
        'Send an event for the contact with this userId; loops it triggers may email the contact. A repeat ' +
        'with the same idempotency_key within 24 hours is not sent again.',
      input: z.object({ user_id: userId.describe("The contact's userId"), ...eventInput }),
      output: sendOutput,
      annotations: adds,
      run: ({ user_id, ...args }, api) => sendEvent({ userId: user_id })(args, api),
    }),
  };
}
