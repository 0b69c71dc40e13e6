/**
 * Bodies in the shapes HubSpot documents, for the fake to answer with: CRM v3 objects, pages, search
 * results and batch answers as its OpenAPI descriptions give them (SimplePublicObject,
 * CollectionResponse…, BatchResponseSimplePublicObjectWithErrors, Error), associations v4, lists v3,
 * and the legacy engagements and calling v1 answers of its reference pages.
 */

export const CORRELATION_ID = 'aeb5f871-7f07-4993-9211-075dc63e7cbf';
export const CREATED = '2024-05-01T10:00:00.000Z';
export const UPDATED = '2024-05-02T09:30:00.000Z';
export const HUB_ID = 62515;

/** A CRM record (SimplePublicObject). */
export function crmObject(
  id: string,
  properties: Record<string, string>,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    properties: { hs_object_id: id, ...properties },
    createdAt: CREATED,
    updatedAt: UPDATED,
    archived: false,
    ...extra,
  };
}

export const contact = (id: string, email = `person${id}@example.com`, extra: Record<string, string> = {}) =>
  crmObject(id, { email, firstname: 'Ada', lastname: `Lovelace ${id}`, ...extra });

/** A page of a CRM list (CollectionResponseSimplePublicObjectWithAssociationsForwardPaging). */
export function page(results: unknown[], after?: string) {
  return {
    results,
    ...(after
      ? { paging: { next: { after, link: `https://api.hubapi.com/crm/v3/objects?after=${after}` } } }
      : {}),
  };
}

/** A page of a search (CollectionResponseWithTotalSimplePublicObject). */
export function searchPage(results: unknown[], total: number, after?: string) {
  return { total, ...page(results, after) };
}

/** A batch answer: 200 when every input went through, 207 with `errors` when some did not. */
export function batchAnswer(results: unknown[], errors: unknown[] = []) {
  return {
    status: 'COMPLETE',
    results,
    ...(errors.length ? { numErrors: errors.length, errors } : {}),
    startedAt: CREATED,
    completedAt: CREATED,
  };
}

/** One entry of a 207's `errors` (StandardError): which inputs failed and why. */
export function batchError(ids: string[], category: string, message: string) {
  return { status: 'error', category, message, context: { ids }, errors: [], links: {} };
}

/** An associations v4 page (CollectionResponseMultiAssociatedObjectWithLabelForwardPaging). */
export function associations(ids: string[], typeId: number, after?: string) {
  return page(
    ids.map((id) => ({ toObjectId: id, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId }] })),
    after,
  );
}

/** A list of the lists v3 API (PublicObjectList). */
export function crmList(listId: string, name: string, processingType = 'MANUAL') {
  return {
    listId,
    name,
    listVersion: 3,
    objectTypeId: '0-1',
    processingStatus: 'COMPLETE',
    processingType,
    size: 2,
    createdAt: CREATED,
    updatedAt: UPDATED,
  };
}

/** A legacy v1 engagement, as GET /engagements/v1/engagements/{id} returns it. */
export function engagement(
  id: number,
  type: string,
  metadata: Record<string, unknown> = { body: `Body of ${id}` },
  contactIds: number[] = [5101],
) {
  return {
    engagement: {
      id,
      portalId: HUB_ID,
      active: true,
      createdAt: 1714557600000,
      lastUpdated: 1714644000000,
      createdBy: 215482,
      modifiedBy: 215482,
      ownerId: 70,
      type,
      timestamp: 1714557600000,
      bodyPreview: typeof metadata.body === 'string' ? metadata.body : null,
    },
    associations: {
      contactIds,
      companyIds: [],
      dealIds: [],
      ownerIds: [],
      workflowIds: [],
      ticketIds: [],
      contentIds: [],
      quoteIds: [],
    },
    attachments: [],
    metadata,
  };
}

/** HubSpot's default call dispositions (GET /calling/v1/dispositions). */
export const dispositions = [
  { id: '9d9162e7-6cf3-4944-bf63-4dff82258764', label: 'Busy' },
  { id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' },
  { id: 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff', label: 'Left live message' },
  { id: 'b2cf5968-551e-4856-9783-52b3da59a7d0', label: 'Left voicemail' },
  { id: '73a0d17f-1163-4015-bdd5-ec830791da20', label: 'No answer' },
  { id: '17b47fee-58de-441e-a44c-c6300d46f273', label: 'Wrong number' },
];

// Error bodies (the Error schema: status, message, category, correlationId; 429s add policyName)

const error = (message: string, category?: string, extra: Record<string, unknown> = {}) => ({
  status: 'error',
  message,
  correlationId: CORRELATION_ID,
  ...(category ? { category } : {}),
  ...extra,
});

export const expiredToken = error(
  'The OAuth token used to make this call expired 2 hour(s) ago.',
  'EXPIRED_AUTHENTICATION',
);

export const missingScopes = error(
  "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
  'MISSING_SCOPES',
  {
    errors: [
      {
        message: 'One or more of the following scopes are required.',
        context: { requiredGranularScopes: ['crm.objects.contacts.read'] },
      },
    ],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
  },
);

export const notFound = error('resource not found', 'OBJECT_NOT_FOUND');

export const conflict = error('Contact already exists. Existing ID: 5101', 'CONFLICT');

export const invalidProperty = error(
  'Property values were not valid: [{"isValid":false,"message":"Property \\"colour\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"colour"}]',
  'VALIDATION_ERROR',
  {
    errors: [
      {
        message: 'Property "colour" does not exist',
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: ['colour'] },
      },
    ],
  },
);

export const tenSecondly = error('You have reached your ten_secondly_rolling limit.', undefined, {
  errorType: 'RATE_LIMIT',
  policyName: 'TEN_SECONDLY_ROLLING',
});

export const secondly = error('You have reached your secondly limit.', undefined, {
  errorType: 'RATE_LIMIT',
  policyName: 'SECONDLY',
});

export const daily = error('You have reached your daily limit.', undefined, {
  errorType: 'RATE_LIMIT',
  policyName: 'DAILY',
});

export const serverError = error('An internal error has occurred.', 'INTERNAL_ERROR');
