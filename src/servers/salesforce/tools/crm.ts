import { z } from 'zod';
import { adds, reads } from '../../../core/annotations.js';
import type { SalesforceApi } from '../api.js';
import {
  childrenCreatedSchema,
  convertedSchema,
  recordsSchema,
  saveResultSchema,
  toRecords,
  toSave,
} from '../shapes.js';
import {
  apiName,
  fieldList,
  limit,
  READ,
  requireCreated,
  sfId,
  soqlString,
  type ToolMaker,
  type ToolTable,
  uncertainCreate,
  WRITE,
} from './common.js';

/** sObject Collections take at most 200 records a request, and all or none only within one. */
const MAX_CHILDREN = 200;

const status = z
  .string()
  .trim()
  .min(1)
  .optional()
  .describe(
    "The campaign member status, e.g. 'Sent' or 'Responded' (default: the campaign's default status)",
  );

/** Adds a contact or lead to a campaign: a CampaignMember, which Salesforce allows once per person and campaign. */
async function addMember(
  salesforce: SalesforceApi,
  field: 'ContactId' | 'LeadId',
  personId: string,
  campaignId: string,
  memberStatus: string | undefined,
) {
  const check =
    `SELECT Id, Status FROM CampaignMember WHERE CampaignId = '${campaignId}' AND ${field} = '${personId}' ` +
    '(Salesforce refuses a second membership with DUPLICATE_VALUE)';
  const data = {
    CampaignId: campaignId,
    [field]: personId,
    ...(memberStatus ? { Status: memberStatus } : {}),
  };
  const result = await salesforce.create('CampaignMember', data, uncertainCreate('campaign member', check), {
    CampaignId: campaignId,
    [field]: personId,
  });
  return toSave(requireCreated('campaign member', result));
}

/** A listing query with an optional `WHERE field = value`, newest first. */
const listing = (select: string, from: string, where: string | undefined, max: number) =>
  `SELECT ${select} FROM ${from}${where ? ` WHERE ${where}` : ''} ORDER BY CreatedDate DESC LIMIT ${max}`;

/** Campaigns, leads, email templates and parent-child records. */
export function crmTools(salesforceTool: ToolMaker): ToolTable {
  return {
    add_contact_to_campaign: salesforceTool({
      description:
        'Add a contact to a campaign (a CampaignMember). Not retried after a failure; the error says how to check.',
      input: z.object({ contact_id: sfId('contact'), campaign_id: sfId('campaign'), status }),
      output: saveResultSchema,
      annotations: adds,
      scopes: WRITE,
      run: ({ contact_id, campaign_id, status: s }, salesforce) =>
        addMember(salesforce, 'ContactId', contact_id, campaign_id, s),
    }),

    add_lead_to_campaign: salesforceTool({
      description:
        'Add a lead to a campaign (a CampaignMember). Not retried after a failure; the error says how to check.',
      input: z.object({ lead_id: sfId('lead'), campaign_id: sfId('campaign'), status }),
      output: saveResultSchema,
      annotations: adds,
      scopes: WRITE,
      run: ({ lead_id, campaign_id, status: s }, salesforce) =>
        addMember(salesforce, 'LeadId', lead_id, campaign_id, s),
    }),

    convert_lead: salesforceTool({
      description:
        'Convert a lead into an account and a contact (new, or the ones named) and, if asked, an opportunity. A lead converts ' +
        'once; the call is not retried after a failure.',
      input: z.object({
        lead_id: sfId('lead to convert'),
        converted_status: z
          .string()
          .trim()
          .min(1)
          .describe(
            "A converted lead status of the org, e.g. 'Closed - Converted' (SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true)",
          ),
        account_id: sfId('account to merge the lead into, instead of a new one').optional(),
        contact_id: sfId('contact to merge the lead into, instead of a new one').optional(),
        owner_id: sfId('user to own the new records').optional(),
        opportunity_name: z.string().trim().min(1).optional().describe('Name of the opportunity to create'),
        create_opportunity: z
          .boolean()
          .default(false)
          .describe('Whether to create an opportunity too (default false, as guMCP)'),
        send_notification_email: z
          .boolean()
          .default(false)
          .describe('Whether Salesforce emails the new owner (default false)'),
      }),
      output: convertedSchema,
      annotations: adds,
      scopes: WRITE,
      async run(a, salesforce) {
        const unrepeatable =
          `the lead may have been converted, so the conversion was not sent again. Check with soql_query: ` +
          `SELECT IsConverted, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE Id = '${a.lead_id}'`;
        const result = await salesforce.convertLead(
          {
            leadId: a.lead_id,
            convertedStatus: a.converted_status,
            accountId: a.account_id,
            contactId: a.contact_id,
            ownerId: a.owner_id,
            opportunityName: a.create_opportunity ? a.opportunity_name : undefined,
            doNotCreateOpportunity: !a.create_opportunity,
            sendNotificationEmail: a.send_notification_email,
          },
          unrepeatable,
        );
        return {
          leadId: result.leadId ?? a.lead_id,
          accountId: result.accountId,
          contactId: result.contactId,
          opportunityId: result.opportunityId,
          success: true,
        };
      },
    }),

    create_child_records: salesforceTool({
      description:
        `Create up to ${MAX_CHILDREN} child records of a parent (e.g. line items of an order), all or none: if one fails, ` +
        'none is created. Not retried after a failure.',
      input: z.object({
        parent_id: sfId('parent record'),
        child_object_name: apiName('child object', "'LineItem__c'"),
        parent_field_name: apiName('field of the child that refers to the parent', "'Order__c'"),
        records: z
          .array(z.record(z.string(), z.unknown()))
          .min(1)
          .max(MAX_CHILDREN)
          .describe(
            `The child records' field values by API name (at most ${MAX_CHILDREN}); the parent field is set for you`,
          ),
      }),
      output: childrenCreatedSchema,
      annotations: adds,
      scopes: WRITE,
      async run({ parent_id, child_object_name, parent_field_name, records }, salesforce) {
        const body = records.map((r) => ({
          attributes: { type: child_object_name },
          ...r,
          [parent_field_name]: parent_id,
        }));
        const check = `SELECT Id, CreatedDate FROM ${child_object_name} WHERE ${parent_field_name} = '${parent_id}' ORDER BY CreatedDate DESC`;
        const results = await salesforce.createAll(
          body,
          uncertainCreate(`${child_object_name} records`, check),
          child_object_name,
        );
        return {
          parent_id,
          child_object_name,
          created: results.filter((r) => r.success).length,
          results: results.map(toSave),
        };
      },
    }),

    find_child_records: salesforceTool({
      description: 'List the child records of a parent, e.g. the line items of an order.',
      input: z.object({
        parent_id: sfId('parent record'),
        child_object_name: apiName('child object', "'LineItem__c'"),
        parent_field_name: apiName('field of the child that refers to the parent', "'Order__c'"),
        fields: fieldList('Fields to return (default: Id, Name, CreatedDate)').optional(),
        limit: limit(2000, 10_000),
      }),
      output: recordsSchema,
      annotations: reads,
      scopes: READ,
      async run({ parent_id, child_object_name, parent_field_name, fields, limit: max }, salesforce) {
        const select = (fields?.length ? fields : ['Id', 'Name', 'CreatedDate']).join(', ');
        const soql = `SELECT ${select} FROM ${child_object_name} WHERE ${parent_field_name} = '${parent_id}'`;
        const { records, totalSize, next } = await salesforce.query(soql, max);
        return toRecords(records, totalSize, next);
      },
    }),

    list_campaigns: salesforceTool({
      description: 'List campaigns, newest first, optionally with one status.',
      input: z.object({
        limit: limit(10, 2000),
        status: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe("Only campaigns with this status, e.g. 'Planned', 'In Progress', 'Completed'"),
      }),
      output: recordsSchema,
      annotations: reads,
      scopes: READ,
      async run({ limit: max, status: s }, salesforce) {
        const soql = listing(
          'Id, Name, IsActive, Status, Type, StartDate, EndDate',
          'Campaign',
          s ? `Status = ${soqlString(s)}` : undefined,
          max,
        );
        const { records, totalSize, next } = await salesforce.query(soql, max);
        return toRecords(records, totalSize, next);
      },
    }),

    list_email_templates: salesforceTool({
      description: 'List email templates, newest first, optionally of one folder.',
      input: z.object({
        limit: limit(10, 2000),
        folder_id: sfId('folder').optional(),
      }),
      output: recordsSchema,
      annotations: reads,
      scopes: READ,
      async run({ limit: max, folder_id }, salesforce) {
        const soql = listing(
          'Id, Name, FolderId, Subject, ApiVersion, TemplateType, TemplateStyle',
          'EmailTemplate',
          folder_id ? `FolderId = '${folder_id}'` : undefined,
          max,
        );
        const { records, totalSize, next } = await salesforce.query(soql, max);
        return toRecords(records, totalSize, next);
      },
    }),
  };
}
