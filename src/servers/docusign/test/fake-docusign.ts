/**
 * Bodies in the shapes of DocuSign's eSignature REST API v2.1 description (github.com/docusign/
 * OpenAPI-Specifications, esignature.rest.swagger-v2.1.json: envelopeTemplateResults, envelopeTemplate,
 * templateSummary, envelopeSummary, envelope, envelopesInformation, userInformationList, userInformation,
 * newUsersSummary, recipientsUpdateSummary, envelopeDocumentsResult, errorDetails) and of the sign-in
 * host's /oauth/userinfo. DocuSign writes numbers and booleans as strings, and so does the fake.
 */

export const API = '/restapi/v2.1';
export const ACCOUNT = 'a4ec37d6-04ba-4a8d-b3a6-2f2c2ea8ba37';
export const OTHER_ACCOUNT = '3f9a1c2e-7d4b-4e8a-9c1f-5b6d7e8f9a0b';
export const USER_ID = '4799e5e9-1559-4915-9862-cf4713bbcacc';
export const TEMPLATE = '8f1e4b7c-2a3d-4c5e-9f6a-1b2c3d4e5f60';
export const ENVELOPE = '93be49ab-1d2c-4e8f-a5b6-7c8d9e0f1a2b';

/** The account part of every eSignature path. */
export const base = (account = ACCOUNT) => `${API}/accounts/${account}`;

export function userInfo(
  accounts: { account_id: string; account_name: string; base_uri: string; is_default: boolean }[],
) {
  return {
    sub: USER_ID,
    name: 'Susan Smart',
    given_name: 'Susan',
    family_name: 'Smart',
    created: '2015-08-13T22:03:03.45',
    email: 'susan.smart@example.com',
    accounts,
  };
}

export function template(id = TEMPLATE, name = 'Sample Contract', extra: Record<string, unknown> = {}) {
  return {
    templateId: id,
    uri: `/templates/${id}`,
    name,
    shared: 'false',
    passwordProtected: 'false',
    description: 'A standard contract',
    created: '2026-06-15T10:30:45.0000000Z',
    lastModified: '2026-07-10T08:15:30.0000000Z',
    owner: { userName: 'Susan Smart', userId: USER_ID, email: 'susan.smart@example.com' },
    pageCount: 2,
    folderId: 'f1a2b3c4-0000-4000-8000-000000000001',
    folderName: 'Templates',
    emailSubject: 'Please sign this contract',
    ...extra,
  };
}

export function templateDetail(id = TEMPLATE) {
  return template(id, 'Sample Contract', {
    emailBlurb: 'Please review and sign',
    documents: [
      { documentId: '1', name: 'Contract.pdf', order: '1', pages: '2', uri: `/envelopes/${id}/documents/1` },
    ],
    recipients: {
      signers: [{ recipientId: '1', roleName: 'Client', routingOrder: '1', name: '', email: '' }],
      carbonCopies: [],
      recipientCount: '1',
    },
  });
}

export function templateList(templates: unknown[], start: number, total: number) {
  const end = start + templates.length - 1;
  return {
    resultSetSize: String(templates.length),
    startPosition: String(start),
    endPosition: String(end),
    totalSetSize: String(total),
    ...(end + 1 < total ? { nextUri: `/templates?start_position=${end + 1}` } : {}),
    envelopeTemplates: templates,
  };
}

export function envelope(id = ENVELOPE, status = 'sent', extra: Record<string, unknown> = {}) {
  return {
    envelopeId: id,
    status,
    emailSubject: 'Please sign the NDA',
    emailBlurb: 'Thanks!',
    createdDateTime: '2026-11-29T09:30:00.0000000Z',
    sentDateTime: status === 'created' ? undefined : '2026-11-29T09:30:05.0000000Z',
    statusChangedDateTime: '2026-11-29T09:30:05.0000000Z',
    documentsUri: `/envelopes/${id}/documents`,
    recipientsUri: `/envelopes/${id}/recipients`,
    envelopeUri: `/envelopes/${id}`,
    sender: {
      userName: 'Susan Smart',
      userId: USER_ID,
      accountId: ACCOUNT,
      email: 'susan.smart@example.com',
    },
    purgeState: 'unpurged',
    is21CFRPart11: 'false',
    signerCanSignOnMobile: 'true',
    ...extra,
  };
}

export const recipientsOf = () => ({
  signers: [
    {
      recipientId: '1',
      recipientIdGuid: 'b1a2c3d4-0000-4000-8000-00000000000a',
      name: 'Jane Doe',
      email: 'jane@example.com',
      routingOrder: '1',
      status: 'completed',
      deliveredDateTime: '2026-11-29T10:00:00.0000000Z',
      signedDateTime: '2026-11-29T10:05:00.0000000Z',
    },
  ],
  carbonCopies: [],
  recipientCount: '1',
  currentRoutingOrder: '1',
});

export function envelopeList(envelopes: unknown[]) {
  return {
    resultSetSize: String(envelopes.length),
    totalSetSize: String(envelopes.length),
    startPosition: '0',
    endPosition: String(Math.max(0, envelopes.length - 1)),
    envelopes,
  };
}

export const envelopeSummary = (id = ENVELOPE, status = 'sent') => ({
  envelopeId: id,
  uri: `/envelopes/${id}`,
  statusDateTime: '2026-11-30T02:45:00.0000000Z',
  status,
});

export function user(id = USER_ID, name = 'Susan Smart', extra: Record<string, unknown> = {}) {
  return {
    userName: name,
    userId: id,
    userType: 'CompanyUser',
    isAdmin: 'true',
    userStatus: 'Active',
    uri: `/users/${id}`,
    email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
    createdDateTime: '2024-02-01T12:00:00.0000000Z',
    firstName: name.split(' ')[0],
    lastName: name.split(' ')[1] ?? '',
    permissionProfileId: '11111',
    permissionProfileName: 'Account Administrator',
    lastLogin: '2026-11-28T08:00:00.0000000Z',
    ...extra,
  };
}

export function userList(users: unknown[], start: number, total: number) {
  const end = start + users.length - 1;
  return {
    users,
    resultSetSize: String(users.length),
    totalSetSize: String(total),
    startPosition: String(start),
    endPosition: String(end),
    ...(end + 1 < total ? { nextUri: `/users?start_position=${end + 1}` } : {}),
  };
}

// Error bodies, as DocuSign sends them: errorDetails { errorCode, message }.

export const errors = {
  authentication: {
    errorCode: 'USER_AUTHENTICATION_FAILED',
    message: 'One or both of Username and Password are invalid. Invalid access token',
  },
  noEnvelope: {
    errorCode: 'ENVELOPE_DOES_NOT_EXIST',
    message: 'The envelope specified either does not exist or you have no rights to it.',
  },
  badTemplate: { errorCode: 'TEMPLATE_ID_INVALID', message: 'Invalid template ID.' },
  badUser: { errorCode: 'INVALID_USERID', message: 'Invalid UserId.' },
  lacksPermissions: {
    errorCode: 'USER_LACKS_PERMISSIONS',
    message: 'This user lacks sufficient permissions to access this resource.',
  },
  hourly: {
    errorCode: 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED',
    message: 'The maximum number of hourly API invocations has been exceeded. The hourly limit is 3000.',
  },
  burst: {
    errorCode: 'BURST_APIINVOCATION_LIMIT_EXCEEDED',
    message: 'The maximum number of burst API invocations has been exceeded.',
  },
  polling: {
    errorCode: 'HOURLY_ENVELOPE_POLLING_LIMIT_EXCEEDED',
    message: 'The maximum number of hourly envelope polling calls has been exceeded.',
  },
  invalidStatus: {
    errorCode: 'ENVELOPE_IS_INCOMPLETE',
    message:
      'The Envelope is not Complete. A Complete Envelope Requires Documents, Recipients, Tabs, and a Subject Line.',
  },
};

/** The rate-limit headers DocuSign puts on every answer. */
export function limits(remaining: number, reset: number, burstRemaining = 400) {
  return {
    'x-ratelimit-limit': '3000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
    'x-burstlimit-limit': '500',
    'x-burstlimit-remaining': String(burstRemaining),
  };
}
