import { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import { PAGE_MAX } from '../api.js';
import {
  accountOutput,
  companyOutput,
  countOutput,
  domainSearchOutput,
  finderOutput,
  personOutput,
  toDomainEmail,
  toFinder,
  toVerifier,
  verifierOutput,
} from '../shapes.js';
import { CREDITS, domain, email, type ToolMaker, type ToolTable } from './common.js';

/** Finding and checking addresses, enrichment and the account: the lookups, most of them paid. */
export function discoveryTools(hunterTool: ToolMaker): ToolTable {
  return {
    domain_search: hunterTool({
      description:
        'Find the email addresses Hunter knows at a domain, with names, positions, confidence and the ' +
        `domain's address pattern. ${CREDITS} Use email_count first (free) to see how many there are.`,
      input: z.object({
        domain: domain.describe('Domain name, e.g. stripe.com'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(PAGE_MAX)
          .default(10)
          .describe('Number of addresses to return (1-100, default 10); more addresses cost more credits'),
        offset: z
          .number()
          .int()
          .min(0)
          .default(0)
          .describe('Addresses to skip: next_offset of an earlier call'),
        type: z.enum(['personal', 'generic']).optional().describe('Only personal or only generic addresses'),
        seniority: z
          .string()
          .trim()
          .optional()
          .describe('Only these seniorities, comma-separated: junior, senior, executive'),
        department: z
          .string()
          .trim()
          .optional()
          .describe('Only these departments, comma-separated, e.g. sales,marketing'),
        include_sources: z
          .boolean()
          .default(false)
          .describe('Include the web pages each address was found on (default: only their count)'),
      }),
      output: domainSearchOutput,
      annotations: reads,
      async run(args, hunter) {
        const query = {
          domain: args.domain,
          limit: args.limit,
          offset: args.offset,
          type: args.type,
          seniority: args.seniority || undefined,
          department: args.department || undefined,
        };
        // Hunter's parameters have the tool's names: an error naming one names the argument.
        const body = await hunter.domainSearch(
          query,
          Object.fromEntries(Object.keys(query).map((k) => [k, k])),
        );
        const data = body?.data ?? {};
        const emails = (data.emails ?? []).map((e) => toDomainEmail(e, args.include_sources));
        const total = body?.meta?.results ?? null;
        const end = args.offset + emails.length;
        return {
          domain: data.domain ?? args.domain,
          organization: data.organization ?? null,
          pattern: data.pattern ?? null,
          disposable: data.disposable ?? null,
          webmail: data.webmail ?? null,
          accept_all: data.accept_all ?? null,
          emails,
          total,
          offset: args.offset,
          ...(total !== null && end < total && emails.length > 0 ? { next_offset: end } : {}),
        };
      },
    }),

    email_finder: hunterTool({
      description:
        "Find the most likely email address of a person from their name and their company's domain, with " +
        `a confidence score. ${CREDITS} found is false when Hunter has no address for them.`,
      input: z.object({
        domain: domain.describe("The company's domain name, e.g. stripe.com"),
        first_name: z.string().trim().min(1).describe("The person's first name"),
        last_name: z.string().trim().min(1).describe("The person's last name"),
      }),
      output: finderOutput,
      annotations: reads,
      run: async ({ domain: d, first_name, last_name }, hunter) =>
        toFinder(await hunter.emailFinder(d, first_name, last_name)),
    }),

    email_verifier: hunterTool({
      description:
        'Check whether an email address is deliverable: status valid, invalid, accept_all, webmail, ' +
        `disposable or unknown, with a score and the checks made. ${CREDITS} A slow check is waited for ` +
        '(up to a minute).',
      input: z.object({ email: email.describe('The email address to verify') }),
      output: verifierOutput,
      annotations: reads,
      run: async ({ email: address }, hunter) => toVerifier(address, await hunter.verifyEmail(address)),
    }),

    email_count: hunterTool({
      description:
        'Count the email addresses Hunter has for a domain, by type, department and seniority. Free: uses ' +
        'no credits.',
      input: z.object({ domain: domain.describe('Domain name, e.g. stripe.com') }),
      output: countOutput,
      annotations: reads,
      async run({ domain: d }, hunter) {
        const data = await hunter.emailCount(d);
        return {
          domain: d,
          total: data?.total ?? 0,
          personal_emails: data?.personal_emails ?? 0,
          generic_emails: data?.generic_emails ?? 0,
          department: data?.department ?? {},
          seniority: data?.seniority ?? {},
        };
      },
    }),

    email_enrichment: hunterTool({
      description:
        'Everything Hunter knows about the person behind an email address: name, employer and title, ' +
        `location, social profiles. ${CREDITS} found is false when Hunter knows nobody by that address.`,
      input: z.object({ email: email.describe('The email address of the person') }),
      output: personOutput,
      annotations: reads,
      async run({ email: address }, hunter) {
        const person = await hunter.person(address);
        return { found: !!person, person: person ?? null };
      },
    }),

    company_enrichment: hunterTool({
      description:
        'Everything Hunter knows about the company behind a domain: description, industry, size, location, ' +
        `technologies, social profiles. ${CREDITS} found is false when Hunter knows no company there.`,
      input: z.object({ domain: domain.describe("The company's domain name, e.g. stripe.com") }),
      output: companyOutput,
      annotations: reads,
      async run({ domain: d }, hunter) {
        const company = await hunter.company(d);
        return { found: !!company, company: company ?? null };
      },
    }),

    account_info: hunterTool({
      description:
        'The Hunter account of the stored key: plan, what was used and what is left of the monthly ' +
        'searches, verifications and credits, and when they reset. Free: uses no credits.',
      input: z.object({}),
      output: accountOutput,
      annotations: reads,
      run: async (_args, hunter) => (await hunter.account()) ?? {},
    }),
  };
}
