import { z } from 'zod';
import { overwrites, reads, writes } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, Call, SendGridApi, Template } from './api.js';
import { contactBody } from './contacts.js';

/** SendGrid takes at most this many recipients in one request (personalizations × addresses). */
export const MAX_RECIPIENTS = 1000;
/** send_at may be at most 72 hours ahead. */
const MAX_SCHEDULE_MS = 72 * 3600 * 1000;

const email = z.email('must be an email address');

/**
 * guMCP took one address as a string; a list, or several addresses separated by commas, works too.
 * Repeated addresses are dropped, so nobody gets the same email twice from one call.
 */
const recipients = z
  .union([z.string(), z.array(z.string())])
  .transform((v, ctx) => {
    const all = (Array.isArray(v) ? v : v.split(/[,;]/)).map((s) => s.trim()).filter(Boolean);
    const seen = new Set<string>();
    const out: string[] = [];
    for (const address of all) {
      if (!email.safeParse(address).success) {
        ctx.addIssue({ code: 'custom', message: `"${address}" is not an email address` });
        return z.NEVER;
      }
      if (!seen.has(address.toLowerCase())) out.push(address);
      seen.add(address.toLowerCase());
    }
    if (out.length === 0) ctx.addIssue({ code: 'custom', message: 'give at least one recipient' });
    if (out.length > MAX_RECIPIENTS) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_RECIPIENTS} recipients per call` });
    }
    return out;
  })
  .describe(
    'Recipient email address, or several (a list, or separated by commas). Each recipient gets an email of ' +
      'their own and does not see the others',
  );

const date = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'must be a real date')
    .describe(what);

/** What looks like markup is sent as HTML, the rest as plain text (guMCP always sent plain text). */
const looksLikeHtml = (text: string) => /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i.test(text);

/** schedule_time as SendGrid's send_at (Unix seconds): a moment with a time zone, within 72 hours. */
function sendAt(value: string, now = Date.now()): number {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    throw new ToolError(
      'schedule_time: give a time zone, e.g. 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00, so the time is unambiguous',
    );
  }
  const ms = Date.parse(value.trim());
  if (Number.isNaN(ms)) throw new ToolError('schedule_time: must be an ISO 8601 date and time');
  if (ms > now + MAX_SCHEDULE_MS) {
    throw new ToolError('schedule_time: SendGrid schedules at most 72 hours ahead');
  }
  if (ms < now - 60_000) throw new ToolError('schedule_time: is in the past; leave it out to send now');
  return Math.floor(ms / 1000);
}

/** SendGrid's mail/send fields, as the tool's arguments, for its 400s. */
const MAIL_FIELDS = {
  from: 'from_email',
  'from.email': 'from_email',
  'from.name': 'from_name',
  personalizations: 'to',
  'personalizations.dynamic_template_data': 'dynamic_template_data',
  'personalizations.send_at': 'schedule_time',
  subject: 'subject',
  content: 'content',
  template_id: 'template_id',
  send_at: 'schedule_time',
  mail_settings: 'sandbox_mode',
};

const listOf = (xs: readonly string[], max = 10) =>
  xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`;

const sendOutput = z.object({
  status: z
    .enum(['accepted', 'scheduled', 'validated'])
    .describe(
      'accepted: queued for delivery now; scheduled: for send_at; validated: sandbox mode, nothing sent',
    ),
  message_id: z.string().nullable().describe("SendGrid's X-Message-Id, to find the email in Email Activity"),
  to: z.array(z.string()).describe('Every recipient, each sent an email of their own'),
  from: z.string(),
  subject: z.string(),
  template_id: z.string().nullable(),
  send_at: z.string().nullable().describe('When SendGrid will send it (ISO 8601), for a scheduled email'),
  message: z.string().describe('What was sent, to whom'),
});

const metrics = z.record(z.string(), z.number());

const templateSummary = z.object({
  id: z.string(),
  name: z.string(),
  generation: z.string(),
  updated_at: z.string(),
  active_version: z
    .object({ id: z.string().nullable(), name: z.string().nullable(), subject: z.string().nullable() })
    .nullable(),
});

function summary(t: Template): z.infer<typeof templateSummary> {
  const active = t.versions?.find((v) => v.active === 1) ?? null;
  return {
    id: t.id,
    name: t.name,
    generation: t.generation,
    updated_at: t.updated_at,
    active_version: active
      ? { id: active.id ?? null, name: active.name ?? null, subject: active.subject ?? null }
      : null,
  };
}

/** The page_token of SendGrid's `_metadata.next` link, to continue a listing. */
export function pageToken(next: string | undefined): string | null {
  if (!next) return null;
  try {
    return new URL(next).searchParams.get('page_token');
  } catch {
    return null;
  }
}

interface SendGridToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, api: SendGridApi): Promise<z.input<O>>;
}

export function sendgridTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const sendgridTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    ...def
  }: SendGridToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    send_email: sendgridTool({
      description:
        'Send an email through SendGrid, now or at schedule_time (up to 72 hours ahead). It goes out for real: ' +
        'each recipient gets their own copy. SendGrid has no idempotency key, so a send that fails without an ' +
        'answer is not retried; check Email Activity before sending again. sandbox_mode validates without sending.',
      input: z.object({
        to: recipients,
        subject: z.string().trim().min(1).describe('Subject line'),
        content: z.string().min(1).describe('Body of the email: plain text, or HTML'),
        from_email: email.describe('Sender address: a verified Sender Identity or domain in SendGrid'),
        from_name: z.string().trim().min(1).optional().describe('Sender name shown to recipients'),
        template_id: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Transactional template to use (d-... for dynamic templates)'),
        schedule_time: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('When to send, ISO 8601 with a time zone (e.g. 2026-12-01T09:00:00Z), within 72 hours'),
        content_type: z
          .enum(['text/plain', 'text/html'])
          .optional()
          .describe('Type of content (default: text/html when it contains markup, else text/plain)'),
        dynamic_template_data: z
          .record(z.string(), z.unknown())
          .optional()
          .describe("Values for a dynamic template's {{variables}}, the same for every recipient"),
        sandbox_mode: z
          .boolean()
          .optional()
          .describe('Validate the email with SendGrid without sending it (default false)'),
      }),
      output: sendOutput,
      annotations: writes(true, false),
      async run(a, api) {
        const at = a.schedule_time ? sendAt(a.schedule_time) : undefined;
        const type = a.content_type ?? (looksLikeHtml(a.content) ? 'text/html' : 'text/plain');
        const body = {
          personalizations: a.to.map((address) => ({
            to: [{ email: address }],
            ...(a.dynamic_template_data ? { dynamic_template_data: a.dynamic_template_data } : {}),
          })),
          from: { email: a.from_email, ...(a.from_name ? { name: a.from_name } : {}) },
          subject: a.subject,
          content: [{ type, value: a.content }],
          ...(a.template_id ? { template_id: a.template_id } : {}),
          ...(at ? { send_at: at } : {}),
          ...(a.sandbox_mode ? { mail_settings: { sandbox_mode: { enable: true } } } : {}),
        };
        const who = `${listOf(a.to)}${a.to.length > 1 ? ` (${a.to.length} recipients, one email each)` : ''}`;
        const what = `"${a.subject}"${a.template_id ? ` (template ${a.template_id})` : ''} from ${a.from_email}`;
        const call: Call = {
          doing: `sending the email ${what} to ${who}`,
          permission: '"mail.send"',
          fields: MAIL_FIELDS,
        };
        const { messageId } = await api.sendMail(body, call);
        const when = at ? new Date(at * 1000).toISOString() : null;
        const id = messageId ? ` Message id ${messageId}.` : '';
        const status = a.sandbox_mode
          ? ('validated' as const)
          : at
            ? ('scheduled' as const)
            : ('accepted' as const);
        const message = a.sandbox_mode
          ? `SendGrid validated the email ${what} to ${who} in sandbox mode; nothing was sent.`
          : at
            ? `SendGrid scheduled the email ${what} to ${who} for ${when}.${id}`
            : `SendGrid accepted the email ${what} to ${who} for delivery now.${id}`;
        return {
          status,
          message_id: messageId,
          to: a.to,
          from: a.from_email,
          subject: a.subject,
          template_id: a.template_id ?? null,
          send_at: when,
          message,
        };
      },
    }),

    get_email_stats: sendgridTool({
      description:
        'Email statistics of the account between two dates: requests, delivered, opens, clicks, bounces, spam ' +
        'reports, unsubscribes and more, per day (or week, month), with totals.',
      input: z.object({
        start_date: date('First day, YYYY-MM-DD'),
        end_date: date('Last day, YYYY-MM-DD'),
        aggregated_by: z
          .enum(['day', 'week', 'month'])
          .optional()
          .describe('Group the numbers by day (default), week or month'),
      }),
      output: z.object({
        start_date: z.string(),
        end_date: z.string(),
        aggregated_by: z.string(),
        periods: z.array(z.object({ date: z.string(), metrics })).describe('One entry per period'),
        totals: metrics.describe('Each metric summed over the periods'),
      }),
      annotations: reads,
      async run({ start_date, end_date, aggregated_by }, api) {
        if (end_date < start_date) throw new ToolError('end_date: must not be before start_date');
        const days = await api.stats({
          start_date,
          end_date,
          ...(aggregated_by ? { aggregated_by } : {}),
        });
        const periods = (Array.isArray(days) ? days : []).map((d) => ({
          date: d.date,
          metrics: { ...(d.stats?.[0]?.metrics ?? {}) },
        }));
        const totals: Record<string, number> = {};
        for (const p of periods) {
          for (const [k, v] of Object.entries(p.metrics))
            if (typeof v === 'number') totals[k] = (totals[k] ?? 0) + v;
        }
        return { start_date, end_date, aggregated_by: aggregated_by ?? 'day', periods, totals };
      },
    }),

    create_template: sendgridTool({
      description:
        'Create a dynamic transactional template with a first, active version: its subject and HTML (and ' +
        'optionally plain text) content, with {{variables}} filled at send time. Each call creates a new template.',
      input: z.object({
        name: z.string().trim().min(1).max(100).describe('Template name (at most 100 characters)'),
        subject: z.string().trim().min(1).max(255).describe('Subject line; may use {{variables}}'),
        html_content: z.string().min(1).describe('HTML body with {{variables}}'),
        plain_content: z
          .string()
          .min(1)
          .optional()
          .describe('Plain-text body with {{variables}} (default: generated from the HTML)'),
      }),
      output: z.object({
        template_id: z.string(),
        name: z.string(),
        generation: z.string(),
        version_id: z.string().nullable(),
        subject: z.string(),
        message: z.string(),
      }),
      annotations: writes(false, false),
      async run({ name, subject, html_content, plain_content }, api) {
        const template = await api.createTemplate(name);
        let version: Awaited<ReturnType<SendGridApi['createVersion']>>;
        try {
          version = await api.createVersion(template.id, {
            name,
            subject,
            html_content,
            ...(plain_content ? { plain_content } : {}),
            active: 1,
          });
        } catch (error) {
          // The template exists by now: say so, so it is not created twice.
          const why = error instanceof Error ? error.message : 'it failed';
          throw new ToolError(
            `Created template ${template.id} "${name}", but adding its content failed: ${why}. ` +
              'Add a version to that template in SendGrid rather than creating the template again.',
          );
        }
        return {
          template_id: template.id,
          name: template.name,
          generation: template.generation,
          version_id: version.id ?? null,
          subject,
          message: `Created dynamic template ${template.id} "${name}" with an active version (subject "${subject}"); send it with send_email template_id.`,
        };
      },
    }),

    list_templates: sendgridTool({
      description:
        'List transactional templates (dynamic and legacy), page_size at a time, with each one’s active version.',
      input: z.object({
        page_size: z.number().int().min(1).max(200).describe('Templates per page (1-200)'),
        page_token: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Where to continue: the next_page_token of an earlier call'),
        generations: z
          .enum(['legacy', 'dynamic', 'legacy,dynamic'])
          .optional()
          .describe('Which templates (default both: guMCP listed only legacy ones, SendGrid’s default)'),
      }),
      output: z.object({
        templates: z.array(templateSummary),
        next_page_token: z
          .string()
          .nullable()
          .describe('Pass as page_token to read the next page; null at the end'),
      }),
      annotations: reads,
      async run({ page_size, page_token, generations }, api) {
        const page = await api.templates({
          generations: generations ?? 'legacy,dynamic',
          page_size,
          ...(page_token ? { page_token } : {}),
        });
        return {
          templates: (page.result ?? []).map(summary),
          next_page_token: pageToken(page._metadata?.next),
        };
      },
    }),

    add_contact: sendgridTool({
      description:
        'Add a contact to SendGrid Marketing Campaigns, or update the one with this email (fields not given ' +
        'keep their values). SendGrid queues the change as a job; the contact appears within minutes.',
      input: z.object({
        email: email.describe('Email address of the contact'),
        first_name: z.string().trim().min(1).max(50).optional().describe('First name'),
        last_name: z.string().trim().min(1).max(50).optional().describe('Last name'),
        custom_fields: z
          .record(z.string(), z.union([z.string(), z.number()]))
          .optional()
          .describe(
            'More fields by name or id: custom fields defined in SendGrid (e.g. {"plan": "pro"}) and reserved ' +
              'ones such as city, country, postal_code, phone_number_id',
          ),
      }),
      output: z.object({
        job_id: z.string().nullable().describe('The import job SendGrid queued'),
        email: z.string(),
        fields: z.array(z.string()).describe('The fields sent, by SendGrid name or id'),
        message: z.string(),
      }),
      annotations: overwrites,
      async run(a, api) {
        const contact = await contactBody(a, api);
        const answer = await api.upsertContact(contact);
        const fields = Object.keys(contact).filter((k) => k !== 'custom_fields' && k !== 'email');
        fields.push(...Object.keys((contact.custom_fields as Record<string, unknown> | undefined) ?? {}));
        return {
          job_id: answer?.job_id ?? null,
          email: a.email,
          fields,
          message:
            `SendGrid queued adding or updating the contact ${a.email}` +
            `${fields.length ? ` (${fields.join(', ')})` : ''}${answer?.job_id ? ` as job ${answer.job_id}` : ''}; ` +
            'it shows in Marketing Campaigns within a few minutes.',
        };
      },
    }),
  };
}
