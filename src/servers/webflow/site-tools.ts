import { z } from 'zod';
import { overwrites, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { localeId, paging, siteId, type WebflowToolMaker, webflowId } from './args.js';
import {
  domainListSchema,
  domNodeSchema,
  formSchema,
  pageSchema,
  siteSchema,
  submissionSchema,
  toDomain,
  toForm,
  toPage,
  toSite,
  toSubmission,
  windowFields,
  windowOf,
} from './shapes.js';

const formId = webflowId('form');
const submissionId = webflowId('form submission');
const pageId = webflowId('page');

/** The authorized user, sites and their domains, forms and their submissions, pages and their content. */
export function siteTools(webflowTool: WebflowToolMaker): Record<string, AnyToolDef> {
  return {
    get_authorized_user: webflowTool({
      description: 'Get the Webflow user who authorized this connection: id, email and name.',
      input: z.object({}),
      output: z.object({
        id: z.string(),
        email: z.string().nullable(),
        firstName: z.string().nullable(),
        lastName: z.string().nullable(),
      }),
      annotations: reads,
      scope: 'authorized_user:read',
      async run(_args, webflow) {
        const u = await webflow.getAuthorizedUser();
        return {
          id: u.id,
          email: u.email ?? null,
          firstName: u.firstName ?? null,
          lastName: u.lastName ?? null,
        };
      },
    }),

    list_sites: webflowTool({
      description: 'List the Webflow sites this connection may use, with their domains and locales.',
      input: z.object({}),
      output: z.object({ count: z.number().int(), sites: z.array(siteSchema) }),
      annotations: reads,
      scope: 'sites:read',
      async run(_args, webflow) {
        const sites = await webflow.listSites();
        return { count: sites.length, sites: sites.map(toSite) };
      },
    }),

    get_site: webflowTool({
      description:
        'Get a Webflow site: names, time zone, last publish, custom domains and locales (whose cmsLocaleId the ' +
        'CMS tools take).',
      input: z.object({ site_id: siteId }),
      output: siteSchema,
      annotations: reads,
      scope: 'sites:read',
      async run({ site_id }, webflow) {
        return toSite(await webflow.getSite(site_id));
      },
    }),

    get_custom_domains: webflowTool({
      description: 'List the custom domains of a Webflow site.',
      input: z.object({ site_id: siteId }),
      output: z.object({ site_id: z.string(), count: z.number().int(), customDomains: domainListSchema }),
      annotations: reads,
      scope: 'sites:read',
      async run({ site_id }, webflow) {
        const domains = await webflow.getCustomDomains(site_id);
        return { site_id, count: domains.length, customDomains: domains.map(toDomain) };
      },
    }),

    // Forms

    list_forms: webflowTool({
      description: 'List the forms of a Webflow site with their fields.',
      input: z.object({ site_id: siteId, ...paging }),
      output: z.object({ ...windowFields, forms: z.array(formSchema) }),
      annotations: reads,
      scope: 'forms:read',
      async run({ site_id, offset, limit }, webflow) {
        const { items, ...window } = windowOf(await webflow.listForms(site_id, offset, limit), toForm);
        return { ...window, forms: items };
      },
    }),

    list_form_submissions: webflowTool({
      description: 'List the submissions of a form, with the submitted values.',
      input: z.object({ form_id: formId, ...paging }),
      output: z.object({ ...windowFields, formSubmissions: z.array(submissionSchema) }),
      annotations: reads,
      scope: 'forms:read',
      async run({ form_id, offset, limit }, webflow) {
        const w = windowOf(await webflow.listFormSubmissions(form_id, offset, limit), toSubmission);
        const { items, ...window } = w;
        return { ...window, formSubmissions: items };
      },
    }),

    get_form_submission: webflowTool({
      description: 'Get one form submission with the submitted values.',
      input: z.object({ form_submission_id: submissionId }),
      output: submissionSchema,
      annotations: reads,
      scope: 'forms:read',
      async run({ form_submission_id }, webflow) {
        return toSubmission(await webflow.getFormSubmission(form_submission_id));
      },
    }),

    list_form_submissions_by_site: webflowTool({
      description:
        "List the form submissions of a whole site, or of one form element (element_id: a form's formElementId).",
      input: z.object({
        site_id: siteId,
        element_id: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe("Only submissions of this form element (a form's formElementId from list_forms)"),
        ...paging,
      }),
      output: z.object({ ...windowFields, formSubmissions: z.array(submissionSchema) }),
      annotations: reads,
      scope: 'forms:read',
      async run({ site_id, element_id, offset, limit }, webflow) {
        const w = await webflow.listSiteFormSubmissions(site_id, element_id, offset, limit);
        const { items, ...window } = windowOf(w, toSubmission);
        return { ...window, formSubmissions: items };
      },
    }),

    delete_form_submission: webflowTool({
      description: 'Delete a form submission for good.',
      input: z.object({ form_submission_id: submissionId }),
      output: z.object({ deleted: z.boolean(), form_submission_id: z.string() }),
      annotations: overwrites,
      scope: 'forms:write',
      async run({ form_submission_id }, webflow) {
        await webflow.deleteFormSubmission(form_submission_id);
        return { deleted: true, form_submission_id };
      },
    }),

    // Pages

    list_pages: webflowTool({
      description: 'List the pages of a Webflow site with their slugs, paths, SEO and Open Graph settings.',
      input: z.object({ site_id: siteId, locale_id: localeId, ...paging }),
      output: z.object({ ...windowFields, pages: z.array(pageSchema) }),
      annotations: reads,
      scope: 'pages:read',
      async run({ site_id, locale_id, offset, limit }, webflow) {
        const { items, ...window } = windowOf(
          await webflow.listPages(site_id, locale_id, offset, limit),
          toPage,
        );
        return { ...window, pages: items };
      },
    }),

    get_page_metadata: webflowTool({
      description:
        'Get the settings of a page: title, slug, path, draft and archived flags, SEO and Open Graph.',
      input: z.object({ page_id: pageId, locale_id: localeId }),
      output: pageSchema,
      annotations: reads,
      scope: 'pages:read',
      async run({ page_id, locale_id }, webflow) {
        return toPage(await webflow.getPage(page_id, locale_id));
      },
    }),

    get_page_content: webflowTool({
      description:
        'Get the content of a static page as Webflow lists it: text nodes (text and HTML), images (alt and ' +
        'asset id), form inputs and component instances with their property overrides.',
      input: z.object({ page_id: pageId, locale_id: localeId, ...paging }),
      output: z.object({ page_id: z.string(), ...windowFields, nodes: z.array(domNodeSchema) }),
      annotations: reads,
      scope: 'pages:read',
      async run({ page_id, locale_id, offset, limit }, webflow) {
        const w = await webflow.getPageContent(page_id, locale_id, offset, limit);
        const { items, ...window } = windowOf(w, (n) => n);
        return { page_id, ...window, nodes: items };
      },
    }),
  };
}
