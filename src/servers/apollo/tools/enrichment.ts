import { z } from 'zod';
import { adds } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { anyObject, message } from '../shapes.js';
import { named, type ToolMaker, type ToolTable, text } from './common.js';

/** A company domain as Apollo takes it: `apollo.io`, without a scheme, `www.` or `@`. */
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) =>
    d
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/^@/, '')
      .replace(/\/.*$/, ''),
  )
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain, e.g. apollo.io'));

const IDENTIFIERS = [
  'first_name',
  'last_name',
  'name',
  'email',
  'hashed_email',
  'id',
  'linkedin_url',
] as const;

/** Enrichment from Apollo's database: each call may spend the team's Apollo credits. */
export function enrichmentTools(apolloTool: ToolMaker): ToolTable {
  return {
    enrich_person: apolloTool({
      description:
        "Enrich one person from Apollo's database. Spends Apollo credits: 1 for an email or demographics, 8 " +
        'more when a mobile number is returned, none when nothing is found. The more you give (email, name ' +
        'and domain, LinkedIn URL, Apollo id), the likelier a match. reveal_phone_number needs webhook_url: ' +
        'Apollo sends the numbers there later. Not repeated after a failure, so credits are not spent twice.',
      input: z.object({
        first_name: text('First name'),
        last_name: text('Last name'),
        name: text('Full name (instead of first_name and last_name)'),
        email: z.email().optional().describe('Email'),
        hashed_email: z
          .string()
          .trim()
          .regex(/^([a-f0-9]{32}|[a-f0-9]{64})$/i, 'must be an MD5 or SHA-256 hash of the email')
          .optional()
          .describe('MD5 or SHA-256 hash of the email'),
        organization_name: text("Employer's name"),
        domain: domain.optional().describe("Employer's domain, e.g. apollo.io"),
        id: text('Apollo person id (from a people search)', 64),
        linkedin_url: z.url().optional().describe('LinkedIn profile URL'),
        reveal_personal_emails: z
          .boolean()
          .optional()
          .describe('Also reveal personal emails (may spend credits; never for GDPR regions)'),
        reveal_phone_number: z
          .boolean()
          .optional()
          .describe('Also reveal phone numbers, sent later to webhook_url (spends credits)'),
        webhook_url: z
          .url({ protocol: /^https$/ })
          .optional()
          .describe('HTTPS URL Apollo posts revealed phone numbers to (required with reveal_phone_number)'),
      }),
      output: z.object({
        matched: z.boolean(),
        person: anyObject.nullable().describe("Apollo's person, or null when it found none"),
        message,
      }),
      annotations: adds,
      async run(args, apollo) {
        if (!IDENTIFIERS.some((k) => args[k] !== undefined)) {
          throw new ToolError(
            `Invalid arguments: name the person: give at least one of ${IDENTIFIERS.join(', ')}`,
          );
        }
        if (args.reveal_phone_number && !args.webhook_url) {
          throw new ToolError(
            'Invalid arguments: webhook_url: required with reveal_phone_number (Apollo sends the numbers there)',
          );
        }
        if (args.webhook_url && !args.reveal_phone_number) {
          throw new ToolError('Invalid arguments: webhook_url: only used with reveal_phone_number: true');
        }
        const query = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) as Record<
          string,
          string | boolean
        >;
        const { person } = await apollo.enrichPerson(query);
        if (!person) {
          return {
            matched: false,
            person: null,
            message: 'Apollo found no matching person; no credits were spent.',
          };
        }
        const title = typeof person.title === 'string' && person.title ? `, ${person.title}` : '';
        const phones = args.reveal_phone_number
          ? ` Phone numbers will be posted to ${args.webhook_url}.`
          : '';
        return {
          matched: true,
          person,
          message: `Enriched ${named(person, 'the person')}${title}; Apollo charged credits for the data returned.${phones}`,
        };
      },
    }),

    enrich_organization: apolloTool({
      description:
        "Enrich one company by its domain from Apollo's database: industry, size, funding, location, links. " +
        'Spends Apollo credits as your plan prices organization enrichment; not repeated after a failure.',
      input: z.object({ domain: domain.describe('Company domain, e.g. apollo.io (no www. or @)') }),
      output: z.object({
        matched: z.boolean(),
        organization: anyObject.nullable().describe("Apollo's organization, or null when it found none"),
        message,
      }),
      annotations: adds,
      async run({ domain: d }, apollo) {
        const { organization } = await apollo.enrichOrganization(d);
        if (!organization || !Object.keys(organization).length) {
          return { matched: false, organization: null, message: `Apollo found no organization for ${d}.` };
        }
        return { matched: true, organization, message: `Enriched ${named(organization, d)} from ${d}.` };
      },
    }),
  };
}
