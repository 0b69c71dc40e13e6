import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { contactSchema, message, stageSchema } from '../shapes.js';
import { apolloId, changes, named, type ToolMaker, type ToolTable, text } from './common.js';

const phone = (what: string) => text(`${what} phone number`, 50);

/** The contact fields guMCP named, shared by create and update. */
const contactFields = {
  organization_name: text("Employer's name"),
  title: text('Job title'),
  account_id: apolloId('account to link the contact to').optional(),
  email: z.email().optional().describe('Email'),
  website_url: z.url().optional().describe("Employer's website, e.g. https://www.apollo.io/"),
  label_names: z
    .array(z.string().trim().min(1).max(200))
    .optional()
    .describe('Lists (labels) the contact belongs to, by name'),
  contact_stage_id: apolloId('contact stage (from list_contact_stages)').optional(),
  present_raw_address: text('Where the contact lives, e.g. Atlanta, United States'),
  direct_phone: phone('Direct'),
  corporate_phone: phone('Work'),
  mobile_phone: phone('Mobile'),
  home_phone: phone('Home'),
  other_phone: phone('Other'),
};

/** Contacts: the people saved in the team's Apollo workspace. */
export function contactTools(apolloTool: ToolMaker): ToolTable {
  return {
    create_contact: apolloTool({
      description:
        "Save a person as a contact in the team's Apollo workspace (no credits). Apollo creates a new contact " +
        'even when one with this name or email exists, unless run_dedupe is set, in which case a matching ' +
        'contact is updated in place with the fields sent. Not retried after a failure: check search_contacts ' +
        'before creating again.',
      input: z.object({
        first_name: z.string().trim().min(1).max(200).describe('First name'),
        last_name: z.string().trim().min(1).max(200).describe('Last name'),
        ...contactFields,
        run_dedupe: z
          .boolean()
          .optional()
          .describe(
            'Match an existing contact (by email, or name and company) and overwrite its fields with these instead ' +
              'of creating one (default false)',
          ),
      }),
      output: z.object({ contact: contactSchema, message }),
      annotations: adds,
      async run(args, apollo) {
        const body = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
        const { contact } = await apollo.createContact(body);
        if (!contact)
          throw new ToolError(
            'Apollo answered without the contact; check search_contacts before creating it again',
          );
        return {
          contact: contact as z.input<typeof contactSchema>,
          message: args.run_dedupe
            ? `Saved contact ${named(contact, 'the contact')}: Apollo either created it or updated a matching contact with the fields sent.`
            : `Created contact ${named(contact, 'the contact')}.`,
        };
      },
    }),

    update_contact: apolloTool({
      description: 'Change fields of a saved contact; those not given keep their values.',
      input: z.object({
        contact_id: apolloId('contact'),
        first_name: text('First name', 200),
        last_name: text('Last name', 200),
        ...contactFields,
      }),
      output: z.object({ contact: contactSchema, updated: z.array(z.string()), message }),
      annotations: overwrites,
      async run({ contact_id, ...fields }, apollo) {
        const body = changes(fields, 'first_name, title, email, contact_stage_id, …');
        const { contact } = await apollo.updateContact(contact_id, body);
        return {
          contact: (contact ?? { id: contact_id }) as z.input<typeof contactSchema>,
          updated: Object.keys(body),
          message: `Updated ${Object.keys(body).join(', ')} of contact ${named(contact, contact_id)}.`,
        };
      },
    }),

    delete_contact: apolloTool({
      description:
        "Not possible through Apollo's API, which can search, view, create and update contacts but not delete " +
        'them: the tool says so and changes nothing. Delete the contact in the Apollo app.',
      input: z.object({ contact_id: apolloId('contact') }),
      output: z.object({ deleted: z.boolean(), contact_id: z.string(), message }),
      annotations: overwrites,
      async run({ contact_id }) {
        throw new ToolError(
          `Contact ${contact_id} was not deleted: Apollo's API has no way to delete a contact (it can search, view, ` +
            'create and update them). Delete it in the Apollo app, or move it to another stage with update_contact ' +
            '(contact_stage_id).',
        );
      },
    }),

    list_contact_stages: apolloTool({
      description: "List the team's contact stages (their ids go in contact_stage_id and contact_stage_ids).",
      input: z.object({}),
      output: z.object({ contact_stages: z.array(stageSchema) }),
      annotations: reads,
      run: async (_args, apollo) => ({
        contact_stages: ((await apollo.contactStages()).contact_stages ?? []) as z.input<
          typeof stageSchema
        >[],
      }),
    }),
  };
}
