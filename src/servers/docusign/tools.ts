import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, Body, DocusignAccount } from './api.js';
import { mayHaveGoneThrough } from './errors.js';
import {
  envelopeSchema,
  numberOf,
  templateSchema,
  toEnvelope,
  toTemplate,
  toUser,
  userSchema,
} from './shapes.js';
import type { DsEnvelope, DsTemplate, DsUser } from './types.js';

/** Records a list page holds: DocuSign's user list allows at most 100 per request. */
export const PAGE_SIZE = 100;
/** The most templates or users a list tool follows pages for. */
export const MAX_LIST = 1000;
/** Envelope ids one status request asks about (a GET with the ids in its query). */
export const MAX_ENVELOPE_IDS = 100;
/** DocuSign's limit for one document: 25 MB, as base64 about 34 million characters. */
const MAX_BASE64 = 34_000_000;

const accountId = z
  .string()
  .trim()
  .min(1)
  .optional()
  .describe("The DocuSign account (its id); default: the user's default account, stored at sign-in");

const digits = (what: string) =>
  z
    .union([
      z
        .string()
        .trim()
        .regex(/^[1-9]\d{0,8}$/, `must be a positive whole number (${what})`),
      z.number().int().positive(),
    ])
    .transform(String);

const documentInput = z.object({
  name: z.string().trim().min(1).describe('Name of the document, e.g. Contract.pdf'),
  document_id: digits('e.g. "1"').describe('Its id in the envelope: a positive number, unique within it'),
  file_extension: z
    .string()
    .trim()
    .transform((v) => v.replace(/^\./, '').toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9]{1,10}$/, 'must be a file extension such as pdf, docx or txt'))
    .describe('pdf, docx, txt, ...'),
  document_base64: z
    .string()
    .max(MAX_BASE64, 'is larger than DocuSign accepts for one document (25 MB)')
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(
      z
        .string()
        .min(1)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the document in base64'),
    )
    .describe('The document, base64-encoded'),
});

const tabs = z
  .record(z.string(), z.array(z.record(z.string(), z.unknown())))
  .describe(
    'Fields by kind, as DocuSign names them: signHereTabs, dateSignedTabs, textTabs, ... e.g. ' +
      '{"signHereTabs": [{"anchorString": "/sn1/", "anchorUnits": "pixels", "anchorXOffset": "10", "anchorYOffset": "0"}]}',
  );

const recipientInput = z.object({
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address')
    .describe("The recipient's email"),
  name: z.string().trim().min(1).describe("The recipient's full name"),
  role_name: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('The template role this recipient fills (with template_id)'),
  routing_order: digits('1 is first')
    .optional()
    .describe('When they receive it: 1 first (default: their place in the list)'),
  recipient_id: digits('unique in the envelope')
    .optional()
    .describe('Their id in the envelope (default: their place in the list)'),
  tabs: tabs.optional(),
});

type DocumentIn = z.output<typeof documentInput>;
type RecipientIn = z.output<typeof recipientInput>;

const toDocuments = (documents: readonly DocumentIn[]): Body[] =>
  documents.map((d) => ({
    documentId: d.document_id,
    name: d.name,
    fileExtension: d.file_extension,
    documentBase64: d.document_base64,
  }));

/** Recipients as signers, numbered by their place in the list unless given ids and an order. */
const toSigners = (recipients: readonly RecipientIn[]): Body[] =>
  recipients.map((r, i) => ({
    email: r.email,
    name: r.name,
    recipientId: r.recipient_id ?? String(i + 1),
    routingOrder: r.routing_order ?? String(i + 1),
    ...(r.tabs ? { tabs: r.tabs } : {}),
  }));

/** The same document or recipient id twice would make DocuSign merge or refuse them: refused here, naming it. */
function uniqueIds(values: readonly string[], argument: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new ToolError(`Invalid arguments: ${argument}: id ${v} is given twice`);
    seen.add(v);
  }
}

/**
 * DocuSign answers a PUT of documents or recipients with 200 and an `errorDetails` per part it refused:
 * those stop the send, naming each part.
 */
function refusedParts(parts: unknown, idField: string, argument: string): void {
  const refused = (Array.isArray(parts) ? parts : []).flatMap((p: Record<string, unknown>) => {
    const details = p?.errorDetails as { errorCode?: string; message?: string } | undefined;
    if (!details?.errorCode || details.errorCode === 'SUCCESS') return [];
    return [
      `${argument} id ${String(p[idField])}: ${details.errorCode}${details.message ? ` (${details.message})` : ''}`,
    ];
  });
  if (refused.length) {
    throw new ToolError(`DocuSign refused part of the envelope, so it was not sent: ${refused.join('; ')}`);
  }
}

/** "true" unless the caller said false: guMCP described additional_info as a list of parts, DocuSign takes a boolean. */
const additionalInfo = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) =>
    v === undefined
      ? undefined
      : v === true || (typeof v === 'string' && v.trim() !== '' && v.trim() !== 'false'),
  )
  .describe('true for the full user information (groups, settings); guMCP’s lists of parts count as true');

/** Seconds-precise ISO time a minute ago: what a write that got no answer may have made is newer. */
const aMinuteAgo = () => new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

interface DocusignToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output' | 'scopes'> {
  output: O;
  run(args: z.output<I>, ds: DocusignAccount): Promise<z.input<O>>;
}

const SCOPES = ['signature', 'impersonation'] as const;

/** Follows DocuSign's start_position pages until `want` records, or the end. */
async function collect<T>(
  page: (start: number, count: number) => Promise<{ items: T[]; total: number | null; more: boolean }>,
  start: number,
  want: number,
): Promise<{ items: T[]; total: number | null; next: number | null }> {
  const items: T[] = [];
  let position = start;
  for (;;) {
    const got = await page(position, Math.min(PAGE_SIZE, want - items.length));
    items.push(...got.items);
    position += got.items.length;
    const more = got.more && got.items.length > 0;
    if (!more || items.length >= want)
      return { items: items.slice(0, want), total: got.total, next: more ? position : null };
  }
}

export function docusignTools(open: ApiFactory): Record<string, AnyToolDef> {
  const docusignTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    ...def
  }: DocusignToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      scopes: SCOPES,
      handler: async (args, ctx) => {
        const account = (args as { account_id?: string }).account_id;
        // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
        return (await run(args, await open(ctx, account))) as Awaited<ReturnType<ToolDef<I, O>['handler']>>;
      },
    });

  return {
    list_templates: docusignTool({
      description:
        'List the account’s templates, filtered by search_text (names and subjects), folders and creation dates, ' +
        'sorted by order_by/order; follows pages up to count.',
      input: z.object({
        account_id: accountId,
        search_text: z.string().optional().describe('Text to find in template names and email subjects'),
        folder_ids: z.string().optional().describe('Comma-separated folder ids'),
        folder_types: z
          .string()
          .optional()
          .describe('Comma-separated folder types, e.g. shared_template_folder'),
        include: z
          .string()
          .optional()
          .describe(
            'Comma-separated extra parts: custom_fields, documents, folders, notifications, recipients, ...',
          ),
        created_from_date: z.string().optional().describe('Created on or after this date (YYYY-MM-DD)'),
        created_to_date: z.string().optional().describe('Created before this date (YYYY-MM-DD)'),
        order_by: z.enum(['name', 'modified', 'used']).optional().describe('Sort by name, modified or used'),
        order: z.enum(['asc', 'desc']).optional().describe('Sort order'),
        count: z
          .number()
          .int()
          .min(1)
          .max(MAX_LIST)
          .default(PAGE_SIZE)
          .describe(`Most templates to return (default ${PAGE_SIZE}, at most ${MAX_LIST})`),
      }),
      output: z.object({
        templates: z.array(templateSchema),
        totalSetSize: z.number().nullable().describe('How many templates match in all'),
      }),
      annotations: reads,
      async run({ account_id: _a, count, ...filters }, ds) {
        const { items, total } = await collect(
          async (start, size) => {
            const got = await ds.listTemplates({ ...filters, start_position: start, count: size });
            const items = got.envelopeTemplates ?? [];
            const total = numberOf(got.totalSetSize);
            return {
              items,
              total,
              more: Boolean(got.nextUri) || (total !== null && start + items.length < total),
            };
          },
          0,
          count,
        );
        return { templates: items.map((t) => toTemplate(t)), totalSetSize: total };
      },
    }),

    get_template: docusignTool({
      description: 'A template with its documents and recipient roles.',
      input: z.object({
        account_id: accountId,
        template_id: z.string().trim().min(1).describe('Id of the template'),
      }),
      output: templateSchema,
      annotations: reads,
      async run({ template_id }, ds) {
        return toTemplate(await ds.getTemplate(template_id), true);
      },
    }),

    create_template: docusignTool({
      description:
        'Create a template from one document. Creates anew on every call; not retried after a timeout, and looked ' +
        'for before reporting when DocuSign does not answer.',
      input: z.object({
        account_id: accountId,
        name: z.string().trim().min(1).describe('Name of the template'),
        description: z.string().optional().describe('Description of the template'),
        email_subject: z
          .string()
          .optional()
          .describe('Default email subject of envelopes from it (default: "Please sign: <name>", as guMCP)'),
        email_blurb: z
          .string()
          .optional()
          .describe('Default email message (default: "Please review and sign this document", as guMCP)'),
        document_name: documentInput.shape.name,
        document_base64: documentInput.shape.document_base64,
        file_extension: documentInput.shape.file_extension,
      }),
      output: z.object({
        templateId: z.string(),
        name: z.string().nullable(),
        uri: z.string().nullable(),
        note: z
          .string()
          .optional()
          .describe('Set when DocuSign did not confirm and the template was found afterwards'),
      }),
      annotations: adds,
      async run(args, ds) {
        const body = {
          name: args.name,
          description: args.description ?? '',
          shared: 'false',
          emailSubject: args.email_subject ?? `Please sign: ${args.name}`,
          emailBlurb: args.email_blurb ?? 'Please review and sign this document',
          documents: toDocuments([
            {
              name: args.document_name,
              document_id: '1',
              file_extension: args.file_extension,
              document_base64: args.document_base64,
            },
          ]),
        };
        const since = aMinuteAgo();
        try {
          const made = await ds.createTemplate(body);
          if (!made.templateId) throw new ToolError('DocuSign answered without the new template’s id');
          return { templateId: made.templateId, name: made.name ?? args.name, uri: made.uri ?? null };
        } catch (error) {
          if (!mayHaveGoneThrough(error)) throw error;
          const found = await ds
            .listTemplates({ search_text: args.name, created_from_date: since })
            .then((l) =>
              (l.envelopeTemplates ?? []).find((t: DsTemplate) => t.name === args.name && t.templateId),
            )
            .catch(() => undefined);
          if (!found?.templateId) {
            throw new ToolError(
              `${(error as Error).message}. No template named "${args.name}" shows up yet: check with list_templates (search_text) before creating it again.`,
            );
          }
          return {
            templateId: found.templateId,
            name: found.name ?? args.name,
            uri: found.uri ?? null,
            note: `DocuSign did not confirm the creation, but a template named "${args.name}" was created just now: it is almost certainly this call’s. Do not create it again.`,
          };
        }
      },
    }),

    create_envelope: docusignTool({
      description:
        'Create an envelope from documents (recipients sign at their tabs) or from a template (recipients fill its ' +
        'roles). status "sent" sends it at once, "created" saves a draft to send later with send_envelope. Sends anew ' +
        'on every call; never retried after a timeout, and looked for before reporting when DocuSign does not answer.',
      input: z.object({
        account_id: accountId,
        template_id: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('A template to use; then each recipient needs role_name, and documents stays empty'),
        email_subject: z.string().trim().min(1).max(100).describe('Subject of the email recipients get'),
        email_blurb: z
          .string()
          .optional()
          .describe('Message of the email (default: "Please review and sign this document", as guMCP)'),
        status: z.enum(['sent', 'created']).describe('"sent" to send now, "created" for a draft'),
        recipients: z.array(recipientInput).min(1).describe('Who signs, in routing order'),
        documents: z.array(documentInput).describe('The documents (none with a template)'),
      }),
      output: z.object({
        envelopeId: z.string(),
        status: z.string().nullable(),
        statusDateTime: z.string().nullable(),
        uri: z.string().nullable(),
        note: z
          .string()
          .optional()
          .describe('Set when DocuSign did not confirm and the envelope was found afterwards'),
      }),
      annotations: adds,
      async run({ template_id, email_subject, email_blurb, status, recipients, documents }, ds) {
        const body: Body = {
          emailSubject: email_subject,
          emailBlurb: email_blurb ?? 'Please review and sign this document',
          status,
        };
        if (template_id) {
          if (documents.length) {
            throw new ToolError(
              'Invalid arguments: documents: leave it empty with template_id (the template brings its documents)',
            );
          }
          const missing = recipients.findIndex((r) => !r.role_name);
          if (missing >= 0) {
            throw new ToolError(
              `Invalid arguments: recipients.${missing}.role_name: required with template_id (the template role they fill)`,
            );
          }
          body.templateId = template_id;
          body.templateRoles = recipients.map((r) => ({
            email: r.email,
            name: r.name,
            roleName: r.role_name,
            ...(r.routing_order ? { routingOrder: r.routing_order } : {}),
            ...(r.tabs ? { tabs: r.tabs } : {}),
          }));
        } else {
          if (!documents.length)
            throw new ToolError(
              'Invalid arguments: documents: give at least one document (or a template_id)',
            );
          uniqueIds(
            documents.map((d) => d.document_id),
            'documents',
          );
          const signers = toSigners(recipients);
          uniqueIds(
            signers.map((s) => String(s.recipientId)),
            'recipients',
          );
          body.documents = toDocuments(documents);
          body.recipients = { signers };
        }
        const since = aMinuteAgo();
        try {
          const made = await ds.createEnvelope(body, template_id ? { Template: template_id } : {});
          if (!made.envelopeId) throw new ToolError('DocuSign answered without the new envelope’s id');
          return {
            envelopeId: made.envelopeId,
            status: made.status ?? null,
            statusDateTime: made.statusDateTime ?? null,
            uri: made.uri ?? null,
          };
        } catch (error) {
          if (!mayHaveGoneThrough(error)) throw error;
          const found = await ds
            .listEnvelopes({ from_date: since })
            .then((l) =>
              (l.envelopes ?? []).find(
                (e: DsEnvelope) =>
                  e.emailSubject === email_subject && e.envelopeId && (e.createdDateTime ?? since) >= since,
              ),
            )
            .catch(() => undefined);
          if (!found?.envelopeId) {
            throw new ToolError(
              `${(error as Error).message}. No envelope with the subject "${email_subject}" shows up yet: check the account's ` +
                'recent envelopes before creating it again, or recipients may be asked to sign twice.',
            );
          }
          return {
            envelopeId: found.envelopeId,
            status: found.status ?? null,
            statusDateTime: found.statusChangedDateTime ?? found.createdDateTime ?? null,
            uri: `/envelopes/${found.envelopeId}`,
            note: `DocuSign did not confirm the creation, but an envelope with this subject was created just now (${found.status ?? 'status unknown'}): it is almost certainly this call’s. Do not create it again.`,
          };
        }
      },
    }),

    get_envelope: docusignTool({
      description:
        'An envelope’s status, subject, dates and sender; include=recipients,documents adds who signed and what.',
      input: z.object({
        account_id: accountId,
        envelope_id: z.string().trim().min(1).describe('Id of the envelope'),
        include: z
          .string()
          .optional()
          .describe('Comma-separated extra parts: recipients, documents, custom_fields, tabs, ...'),
      }),
      output: envelopeSchema,
      annotations: reads,
      async run({ envelope_id, include }, ds) {
        return toEnvelope(await ds.getEnvelope(envelope_id, include));
      },
    }),

    send_envelope: docusignTool({
      description:
        'Send a draft envelope: first set its subject and message, put the given documents and recipients (with their ' +
        'tabs) in it, then send. Refuses an envelope that is not a draft, so calling it again cannot send twice; the ' +
        'send itself is never retried after a timeout, and checked before reporting when DocuSign does not answer.',
      input: z.object({
        account_id: accountId,
        envelope_id: z.string().trim().min(1).describe('Id of the draft envelope'),
        email_subject: z.string().trim().min(1).max(100).describe('Subject of the email recipients get'),
        email_blurb: z
          .string()
          .optional()
          .describe('Message of the email (default: "Please review and sign this document", as guMCP)'),
        documents: z
          .array(documentInput)
          .describe('Documents to put in the envelope (replacing those with the same document_id)'),
        recipients: z
          .array(recipientInput.extend({ tabs }))
          .min(1)
          .describe(
            'Signers to put in the envelope (updating those with the same recipient_id), each with tabs',
          ),
      }),
      output: z.object({
        envelopeId: z.string(),
        status: z.string().nullable(),
        note: z
          .string()
          .optional()
          .describe('Set when DocuSign did not confirm and the envelope was checked afterwards'),
      }),
      annotations: adds,
      async run({ envelope_id, email_subject, email_blurb, documents, recipients }, ds) {
        const signers = toSigners(recipients);
        uniqueIds(
          documents.map((d) => d.document_id),
          'documents',
        );
        uniqueIds(
          signers.map((s) => String(s.recipientId)),
          'recipients',
        );
        const before = await ds.getEnvelope(envelope_id);
        if (before.status !== 'created') {
          throw new ToolError(
            `Envelope ${envelope_id} is ${before.status ?? 'not a draft'}, not a draft (created): only a draft can be sent, so nothing was changed.`,
          );
        }
        // Setting the subject, documents and recipients of a draft is safe to repeat; sending is not.
        await ds.updateEnvelope(
          envelope_id,
          { emailSubject: email_subject, emailBlurb: email_blurb ?? 'Please review and sign this document' },
          true,
        );
        if (documents.length) {
          const put = await ds.putDocuments(envelope_id, toDocuments(documents));
          refusedParts(put.envelopeDocuments, 'documentId', 'documents');
        }
        const put = await ds.putRecipients(envelope_id, { signers });
        refusedParts(put.recipientUpdateResults, 'recipientId', 'recipients');
        try {
          await ds.updateEnvelope(envelope_id, { status: 'sent' }, false);
          return { envelopeId: envelope_id, status: 'sent' };
        } catch (error) {
          if (!mayHaveGoneThrough(error)) throw error;
          const after = await ds.getEnvelope(envelope_id).catch(() => undefined);
          if (after?.status && after.status !== 'created') {
            return {
              envelopeId: envelope_id,
              status: after.status,
              note: 'DocuSign did not confirm the send, but the envelope is no longer a draft: it was sent.',
            };
          }
          if (after?.status === 'created') {
            throw new ToolError(
              `${(error as Error).message}. The envelope is still a draft: it was not sent.`,
            );
          }
          throw error;
        }
      },
    }),

    get_envelope_status_bulk: docusignTool({
      description: `The status of several envelopes at once (up to ${MAX_ENVELOPE_IDS}); include=recipients adds who signed.`,
      input: z.object({
        account_id: accountId,
        envelope_ids: z
          .array(z.string().trim().min(1))
          .min(1)
          .max(MAX_ENVELOPE_IDS)
          .describe('Ids of the envelopes'),
        include: z
          .string()
          .optional()
          .describe('Comma-separated extra parts: recipients, documents, custom_fields, ...'),
      }),
      output: z.object({
        envelopes: z.array(envelopeSchema),
        missing: z
          .array(z.string())
          .describe('Ids asked for that DocuSign did not answer (unknown or not visible)'),
      }),
      annotations: reads,
      async run({ envelope_ids, include }, ds) {
        const ids = [...new Set(envelope_ids)];
        const got = await ds.listEnvelopes({ envelope_ids: ids.join(','), include, count: ids.length });
        const envelopes = (got.envelopes ?? []).map(toEnvelope);
        const answered = new Set(envelopes.map((e) => e.envelopeId.toLowerCase()));
        return { envelopes, missing: ids.filter((id) => !answered.has(id.toLowerCase())) };
      },
    }),

    create_user: docusignTool({
      description:
        'Add users to the account (DocuSign emails each an activation link). Adds anew on every call and is never ' +
        'retried after a timeout; users DocuSign refused are listed with the reason.',
      input: z.object({
        account_id: accountId,
        users: z
          .array(
            z.object({
              userName: z.string().trim().min(1).describe('Full name of the user'),
              email: z
                .string()
                .trim()
                .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address')
                .describe('Email of the user'),
              firstName: z.string().optional(),
              lastName: z.string().optional(),
              middleName: z.string().optional(),
              title: z.string().optional().describe('Job title'),
              isAdmin: z.boolean().optional().describe('Whether the user administers the account'),
              permissionProfileId: z.string().optional().describe('Permission profile to assign'),
              groupId: z.string().optional().describe('A group to add the user to'),
            }),
          )
          .min(1)
          .max(50)
          .describe('The users to add'),
      }),
      output: z.object({
        users: z.array(
          z.object({
            userId: z.string().nullable(),
            userName: z.string().nullable(),
            email: z.string().nullable(),
            userStatus: z.string().nullable(),
            createdDateTime: z.string().nullable(),
            error: z.object({ errorCode: z.string().nullable(), message: z.string().nullable() }).nullable(),
          }),
        ),
        created: z.number().describe('How many users were added'),
        failed: z.number().describe('How many DocuSign refused'),
      }),
      annotations: adds,
      async run({ users }, ds) {
        const made = await ds.createUsers(
          users.map(({ isAdmin, groupId, ...u }) => ({
            ...Object.fromEntries(Object.entries(u).filter(([, v]) => v !== undefined)),
            ...(isAdmin === undefined ? {} : { isAdmin: String(isAdmin) }),
            ...(groupId ? { groupList: [{ groupId }] } : {}),
          })),
        );
        const out = (made.newUsers ?? []).map((u: DsUser) => ({
          userId: u.userId ?? null,
          userName: u.userName ?? null,
          email: u.email ?? null,
          userStatus: u.userStatus ?? null,
          createdDateTime: u.createdDateTime ?? null,
          error: u.errorDetails
            ? { errorCode: u.errorDetails.errorCode ?? null, message: u.errorDetails.message ?? null }
            : null,
        }));
        const failed = out.filter((u) => u.error).length;
        if (out.length && failed === out.length) {
          throw new ToolError(
            `DocuSign added none of the users: ${out.map((u) => `${u.email}: ${u.error?.errorCode ?? ''} ${u.error?.message ?? ''}`.trim()).join('; ')}`,
          );
        }
        return { users: out, created: out.length - failed, failed };
      },
    }),

    list_users: docusignTool({
      description:
        'List the account’s users, filtered by email, username (part of the name) and status; follows pages up to ' +
        'count from start_position.',
      input: z.object({
        account_id: accountId,
        email: z.string().optional().describe('Only the user with this email'),
        username: z.string().optional().describe('Only users whose name contains this'),
        status: z
          .string()
          .optional()
          .describe('Comma-separated statuses: Active, ActivationRequired, ActivationSent, Closed, Disabled'),
        additional_info: additionalInfo,
        count: z
          .number()
          .int()
          .min(1)
          .max(MAX_LIST)
          .default(PAGE_SIZE)
          .describe(`Most users to return (default ${PAGE_SIZE}, at most ${MAX_LIST})`),
        start_position: z.number().int().min(0).default(0).describe('How many users to skip (default 0)'),
      }),
      output: z.object({
        users: z.array(userSchema),
        totalSetSize: z.number().nullable().describe('How many users match in all'),
        nextStartPosition: z
          .number()
          .nullable()
          .describe('Give as start_position to continue, or null after the last'),
      }),
      annotations: reads,
      async run({ email, username, status, additional_info, count, start_position }, ds) {
        const { items, total, next } = await collect(
          async (start, size) => {
            const got = await ds.listUsers({
              email,
              user_name_substring: username,
              status,
              additional_info: additional_info === undefined ? undefined : String(additional_info),
              start_position: start,
              count: size,
            });
            const items = got.users ?? [];
            const total = numberOf(got.totalSetSize);
            return {
              items,
              total,
              more: Boolean(got.nextUri) || (total !== null && start + items.length < total),
            };
          },
          start_position,
          count,
        );
        return { users: items.map(toUser), totalSetSize: total, nextStartPosition: next };
      },
    }),

    get_user: docusignTool({
      description:
        'A user of the account: name, email, status, type, permission profile; additional_info adds groups and settings.',
      input: z.object({
        account_id: accountId,
        user_id: z.string().trim().min(1).describe('Id of the user'),
        additional_info: additionalInfo,
      }),
      output: userSchema,
      annotations: reads,
      async run({ user_id, additional_info }, ds) {
        return toUser(await ds.getUser(user_id, additional_info));
      },
    }),
  };
}
