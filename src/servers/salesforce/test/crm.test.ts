import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACCOUNT_ID,
  CAMPAIGN_ID,
  CONTACT_ID,
  convertLeadAnswer,
  created,
  LEAD_ID,
  serverError,
  sfError,
} from './fake-salesforce.js';
import { data, failure, only, route, setup, TOKEN } from './harness.js';

const SOAP = '/services/Soap/u/66.0';

test('add_contact_to_campaign creates a CampaignMember with the status given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/CampaignMember'), created('00v5e00000AbCdEAAZ'));
  const out = data(
    await call('add_contact_to_campaign', {
      contact_id: CONTACT_ID,
      campaign_id: CAMPAIGN_ID,
      status: 'Sent',
    }),
  );
  assert.deepEqual(out, { id: '00v5e00000AbCdEAAZ', success: true, errors: [] });
  assert.deepEqual(only(fake, 'POST', 'sobjects/CampaignMember').body, {
    CampaignId: CAMPAIGN_ID,
    ContactId: CONTACT_ID,
    Status: 'Sent',
  });
});

test('add_lead_to_campaign names the id Salesforce could not find (INVALID_CROSS_REFERENCE_KEY)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/CampaignMember'), {
    status: 400,
    body: sfError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['CampaignId']),
  });
  const message = failure(await call('add_lead_to_campaign', { lead_id: LEAD_ID, campaign_id: CAMPAIGN_ID }));
  assert.equal(
    message,
    `Salesforce refused CampaignMember record (new): an id it refers to does not exist or is not visible to you: check CampaignId ${CAMPAIGN_ID} ` +
      '(INVALID_CROSS_REFERENCE_KEY: invalid cross reference id (fields: CampaignId))',
  );
  assert.deepEqual(only(fake, 'POST', 'sobjects/CampaignMember').body, {
    CampaignId: CAMPAIGN_ID,
    LeadId: LEAD_ID,
  });
});

test('convert_lead calls SOAP convertLead with the session in its header and returns the new ids', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${SOAP}`, {
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body: convertLeadAnswer({ accountId: ACCOUNT_ID, contactId: CONTACT_ID, leadId: LEAD_ID, success: true }),
  });
  const out = data(
    await call('convert_lead', {
      lead_id: LEAD_ID,
      converted_status: 'Closed - Converted',
      account_id: ACCOUNT_ID,
      send_notification_email: true,
    }),
  );
  assert.deepEqual(out, {
    leadId: LEAD_ID,
    accountId: ACCOUNT_ID,
    contactId: CONTACT_ID,
    opportunityId: null,
    success: true,
  });
  const req = fake.requests.find((r) => r.path === SOAP);
  assert.ok(req);
  assert.equal(req.headers.soapaction, '"convertLead"');
  assert.match(String(req.headers['content-type']), /^text\/xml/);
  assert.ok(req.rawBody.includes(`<urn:sessionId>${TOKEN}</urn:sessionId>`));
  assert.ok(
    req.rawBody.includes(
      `<urn:leadConverts><urn:accountId>${ACCOUNT_ID}</urn:accountId><urn:convertedStatus>Closed - Converted</urn:convertedStatus>` +
        `<urn:doNotCreateOpportunity>true</urn:doNotCreateOpportunity><urn:leadId>${LEAD_ID}</urn:leadId>` +
        '<urn:sendNotificationEmail>true</urn:sendNotificationEmail></urn:leadConverts>',
    ),
    req.rawBody,
  );
});

test('convert_lead with an opportunity names it; a refused conversion gives Salesforce’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`POST ${SOAP}`, {
    headers: { 'content-type': 'text/xml' },
    body: convertLeadAnswer({
      accountId: ACCOUNT_ID,
      contactId: CONTACT_ID,
      leadId: LEAD_ID,
      opportunityId: '0065e00000AbCdEAAZ',
      success: true,
    }),
  });
  fake.route(`POST ${SOAP}`, {
    headers: { 'content-type': 'text/xml' },
    body: convertLeadAnswer({
      success: false,
      errors: [{ message: 'invalid convertedStatus: Done &amp; dusted', statusCode: 'INVALID_STATUS' }],
    }),
  });
  const out = data(
    await call('convert_lead', {
      lead_id: LEAD_ID,
      converted_status: 'Qualified',
      create_opportunity: true,
      opportunity_name: 'Big & Co',
    }),
  );
  assert.equal(out.opportunityId, '0065e00000AbCdEAAZ');
  const body = fake.requests[0]?.rawBody ?? '';
  assert.ok(body.includes('<urn:doNotCreateOpportunity>false</urn:doNotCreateOpportunity>'));
  assert.ok(body.includes('<urn:opportunityName>Big &amp; Co</urn:opportunityName>'));

  assert.equal(
    failure(await call('convert_lead', { lead_id: LEAD_ID, converted_status: 'Done & dusted' })),
    `Salesforce did not convert lead ${LEAD_ID}: INVALID_STATUS: invalid convertedStatus: Done & dusted`,
  );
});

test('convert_lead is not sent again after a server failure, and says how to check', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${SOAP}`, {
    status: 500,
    headers: { 'content-type': 'text/html' },
    body: 'Internal error',
  });
  const message = failure(await call('convert_lead', { lead_id: LEAD_ID, converted_status: 'Qualified' }));
  assert.match(message, /the lead may have been converted, so the conversion was not sent again/);
  assert.match(
    message,
    new RegExp(
      `SELECT IsConverted, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE Id = '${LEAD_ID}'`,
    ),
  );
  assert.equal(fake.requests.length, 1);
});

test('create_child_records creates all children in one all-or-none request with the parent field set', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'composite/sobjects'), {
    body: [
      { id: 'a015e00000AbCd1AAZ', success: true, errors: [] },
      { id: 'a015e00000AbCd2AAZ', success: true, errors: [] },
    ],
  });
  const out = data(
    await call('create_child_records', {
      parent_id: ACCOUNT_ID,
      child_object_name: 'LineItem__c',
      parent_field_name: 'Order__c',
      records: [{ Name: 'One', Qty__c: 1 }, { Name: 'Two' }],
    }),
  );
  assert.equal(out.created, 2);
  assert.deepEqual(only(fake, 'POST', 'composite/sobjects').body, {
    allOrNone: true,
    records: [
      { attributes: { type: 'LineItem__c' }, Name: 'One', Qty__c: 1, Order__c: ACCOUNT_ID },
      { attributes: { type: 'LineItem__c' }, Name: 'Two', Order__c: ACCOUNT_ID },
    ],
  });
});

test('create_child_records reports that none was created when one record fails, naming it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'composite/sobjects'), {
    body: [
      {
        success: false,
        errors: [
          {
            statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
            message:
              'Record rolled back because not all records were valid and the request was using AllOrNone header',
            fields: [],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [Name]',
            fields: ['Name'],
          },
        ],
      },
    ],
  });
  assert.equal(
    failure(
      await call('create_child_records', {
        parent_id: ACCOUNT_ID,
        child_object_name: 'LineItem__c',
        parent_field_name: 'Order__c',
        records: [{ Name: 'One' }, {}],
      }),
    ),
    'Salesforce created none of the 2 LineItem__c records (all or none): record 2: REQUIRED_FIELD_MISSING: Required fields are missing: [Name] (fields: Name)',
  );
});

test('create_child_records is not sent again after a 500, and says how to check', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'composite/sobjects'), serverError);
  const message = failure(
    await call('create_child_records', {
      parent_id: ACCOUNT_ID,
      child_object_name: 'LineItem__c',
      parent_field_name: 'Order__c',
      records: [{ Name: 'One' }],
    }),
  );
  assert.match(message, /the LineItem__c records may have been created/);
  assert.match(
    message,
    new RegExp(`SELECT Id, CreatedDate FROM LineItem__c WHERE Order__c = '${ACCOUNT_ID}'`),
  );
  assert.equal(fake.requests.length, 1);
});
