/**
 * Salesforce's answers in the shapes its REST API Developer Guide (v66.0) and SOAP API Developer Guide
 * document: query pages with `nextRecordsUrl`, `{id, success, errors}` save results, error lists
 * `[{message, errorCode, fields}]`, the `Sforce-Limit-Info` header, and SOAP envelopes and faults.
 */

export const DATA = '/services/data/v66.0';
export const ORG_ID = '00D5e000000AbCdEAF';
export const USER_ID = '0055e000001XyZaAAK';
export const ACCOUNT_ID = '0015e00000AbCdEAAZ';
export const CONTACT_ID = '0035e00000AbCdEAAZ';
export const LEAD_ID = '00Q5e00000AbCdEAAZ';
export const CAMPAIGN_ID = '7015e00000AbCdEAAZ';
export const DOCUMENT_ID = '0695e00000AbCdEAAZ';
export const VERSION_ID = '0685e00000AbCdEAAZ';

/** `Sforce-Limit-Info`, which every REST answer carries. */
export const limitInfo = (used: number, max = 100_000) => ({
  'sforce-limit-info': `api-usage=${used}/${max}`,
});

/** A record as queries and reads answer it. */
export function sobject(
  type: string,
  id: string,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return { attributes: { type, url: `${DATA}/sobjects/${type}/${id}` }, Id: id, ...fields };
}

/** One page of GET /query; `next` is the locator of the following page. */
export function queryPage(records: Record<string, unknown>[], totalSize: number, next?: string) {
  return {
    totalSize,
    done: next === undefined,
    ...(next ? { nextRecordsUrl: `${DATA}/query/${next}` } : {}),
    records,
  };
}

/** 201 Created of POST /sobjects/{object}. */
export const created = (id: string) => ({ status: 201, body: { id, errors: [], success: true } });

/** Salesforce's REST error answer. */
export const sfError = (errorCode: string, message: string, fields?: string[]) => [
  { message, errorCode, ...(fields ? { fields } : {}) },
];

export const invalidSession = {
  status: 401,
  body: sfError('INVALID_SESSION_ID', 'Session expired or invalid'),
};

export const requestLimit = (used = 100_000) => ({
  status: 403,
  headers: limitInfo(used),
  body: sfError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
});

export const notFound = {
  status: 404,
  body: sfError('NOT_FOUND', 'The requested resource does not exist'),
};

export const serverError = {
  status: 500,
  body: sfError(
    'UNKNOWN_EXCEPTION',
    'An unexpected error occurred. Please include this ErrorId if you contact support: 1234-5678',
  ),
};

/** GET /sobjects/Account/describe, cut down to a few fields. */
export const accountDescribe = {
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: '001',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    {
      name: 'Id',
      label: 'Account ID',
      type: 'id',
      length: 18,
      nillable: false,
      createable: false,
      updateable: false,
      referenceTo: [],
      relationshipName: null,
      picklistValues: [],
    },
    {
      name: 'Name',
      label: 'Account Name',
      type: 'string',
      length: 255,
      nillable: false,
      createable: true,
      updateable: true,
      referenceTo: [],
      relationshipName: null,
      picklistValues: [],
    },
    {
      name: 'Industry',
      label: 'Industry',
      type: 'picklist',
      length: 255,
      nillable: true,
      createable: true,
      updateable: true,
      referenceTo: [],
      relationshipName: null,
      picklistValues: [
        { active: true, defaultValue: false, label: 'Technology', validFor: null, value: 'Technology' },
        { active: false, defaultValue: false, label: 'Old', validFor: null, value: 'Old' },
      ],
    },
    {
      name: 'OwnerId',
      label: 'Owner ID',
      type: 'reference',
      length: 18,
      nillable: false,
      createable: true,
      updateable: true,
      referenceTo: ['User'],
      relationshipName: 'Owner',
      picklistValues: [],
    },
  ],
  childRelationships: [
    { childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts', cascadeDelete: false },
  ],
  recordTypeInfos: [
    {
      name: 'Master',
      recordTypeId: '012000000000000AAA',
      active: true,
      available: true,
      defaultRecordTypeMapping: true,
    },
  ],
  urls: { sobject: `${DATA}/sobjects/Account` },
};

/** GET /limits, cut down. */
export const orgLimits = {
  DailyApiRequests: { Max: 100_000, Remaining: 99_120 },
  DataStorageMB: { Max: 5, Remaining: 4 },
  SingleEmail: { Max: 5000, Remaining: 5000 },
};

const SOAP_ENV =
  'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** The SOAP answer of convertLead(): one LeadConvertResult. */
export function convertLeadAnswer(result: {
  accountId?: string;
  contactId?: string;
  leadId?: string;
  opportunityId?: string;
  success: boolean;
  errors?: { message: string; statusCode: string; fields?: string[] }[];
}): string {
  const id = (name: string, value?: string) =>
    value ? `<${name}>${value}</${name}>` : `<${name} xsi:nil="true"/>`;
  const errors = (result.errors ?? [])
    .map(
      (e) =>
        `<errors>${(e.fields ?? []).map((f) => `<fields>${f}</fields>`).join('')}<message>${e.message}</message><statusCode>${e.statusCode}</statusCode></errors>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope ${SOAP_ENV}><soapenv:Header><LimitInfoHeader><limitInfo>` +
    '<current>20</current><limit>100000</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>' +
    `<soapenv:Body><convertLeadResponse><result>${id('accountId', result.accountId)}${id('contactId', result.contactId)}${errors}` +
    `${id('leadId', result.leadId)}${id('opportunityId', result.opportunityId)}<success>${result.success}</success>` +
    '</result></convertLeadResponse></soapenv:Body></soapenv:Envelope>'
  );
}

/** A SOAP fault, as SOAP API answers any failure (with HTTP 500). */
export function soapFault(
  code: string,
  message: string,
): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: 500,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body:
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope ${SOAP_ENV} xmlns:sf="urn:fault.partner.soap.sforce.com">` +
      `<soapenv:Body><soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${code}: ${message}</faultstring>` +
      `<detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault"><sf:exceptionCode>${code}</sf:exceptionCode>` +
      `<sf:exceptionMessage>${message}</sf:exceptionMessage></sf:UnexpectedErrorFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
  };
}
