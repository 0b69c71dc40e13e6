import type { FakeRoute } from '../../../testing/fake-service.js';
import type {
  WfCollection,
  WfDomNode,
  WfForm,
  WfFormSubmission,
  WfItem,
  WfPage,
  WfSite,
  WfUser,
} from '../types.js';

/**
 * Bodies in the shapes of Webflow's OpenAPI description for the Data API v2
 * (github.com/webflow/openapi-spec, openapi/v2.yml of May 2026; the users endpoints from its
 * February 2026 version, the last that has them): sites, custom domains, forms, form submissions,
 * pages and their DOM, collections, items, users, the `{ items, pagination: { limit, offset, total } }`
 * envelope of lists, and the error body `{ code, message, externalReference, details }`.
 */

/** Every route the server calls, as templates of the description's paths. */
export const WEBFLOW_ROUTES = [
  'GET /v2/token/authorized_by',
  'GET /v2/sites',
  'GET /v2/sites/{site_id}',
  'GET /v2/sites/{site_id}/custom_domains',
  'GET /v2/sites/{site_id}/forms',
  'GET /v2/forms/{form_id}/submissions',
  'GET /v2/form_submissions/{form_submission_id}',
  'DELETE /v2/form_submissions/{form_submission_id}',
  'GET /v2/sites/{site_id}/form_submissions',
  'GET /v2/sites/{site_id}/pages',
  'GET /v2/pages/{page_id}',
  'GET /v2/pages/{page_id}/dom',
  'GET /v2/sites/{site_id}/collections',
  'POST /v2/sites/{site_id}/collections',
  'GET /v2/collections/{collection_id}',
  'DELETE /v2/collections/{collection_id}',
  'GET /v2/collections/{collection_id}/items',
  'POST /v2/collections/{collection_id}/items',
  'PATCH /v2/collections/{collection_id}/items',
  'DELETE /v2/collections/{collection_id}/items',
  'GET /v2/collections/{collection_id}/items/{item_id}',
  'PATCH /v2/collections/{collection_id}/items/{item_id}',
  'DELETE /v2/collections/{collection_id}/items/{item_id}',
  'GET /v2/sites/{site_id}/users',
  'GET /v2/sites/{site_id}/users/{user_id}',
  'DELETE /v2/sites/{site_id}/users/{user_id}',
  'POST /v2/sites/{site_id}/users/invite',
] as const;

export const SITE_ID = '580e63e98c9a982ac9b8b741';
export const COLLECTION_ID = '580e63fc8c9a982ac9b8b745';

export const authorizedBy = () => ({
  id: '545bbecb7bdd6769632504a7',
  email: 'some@email.com',
  firstName: 'Some',
  lastName: 'One',
});

export function site(id = SITE_ID, over: Partial<WfSite> = {}): WfSite & Record<string, unknown> {
  return {
    id,
    workspaceId: '580e63fc8c9a982ac9b8b744',
    displayName: "The Hitchhiker's Guide to the Galaxy",
    shortName: 'hitchhikers-guide',
    previewUrl: 'https://screenshots.webflow.com/sites/6258612d1ee792848f805dcf/preview.png',
    timeZone: 'Europe/London',
    createdOn: '2016-10-24T19:41:29.156Z',
    lastUpdated: '2023-04-02T12:42:00.000Z',
    lastPublished: '2023-04-02T12:42:00.000Z',
    parentFolderId: null,
    customDomains: [
      {
        id: '589a331aa51e760df7ccb89d',
        url: 'hitchhikersguide.galaxy',
        lastPublished: '2023-04-02T12:42:00.000Z',
      },
    ],
    locales: {
      primary: {
        id: '653fd9af6a07fc9cfd7a5e57',
        cmsLocaleId: '653ad57de882f528b32e810e',
        enabled: false,
        displayName: 'English (United States)',
        displayImageId: null,
        redirect: true,
        subdirectory: '',
        tag: 'en-US',
      } as never,
      secondary: [
        {
          id: '653fd9af6a07fc9cfd7a5e56',
          cmsLocaleId: '653fd9af6a07fc9cfd7a5e5d',
          enabled: true,
          displayName: 'French (France)',
          subdirectory: 'fr-fr',
          tag: 'fr-FR',
        },
      ],
    },
    dataCollectionEnabled: true,
    dataCollectionType: 'optOut',
    ...over,
  };
}

export function form(id: string, over: Partial<WfForm> = {}): WfForm & Record<string, unknown> {
  return {
    id,
    displayName: 'Email Form',
    createdOn: '2016-10-24T19:41:29.156Z',
    lastUpdated: '2016-10-24T19:43:17.271Z',
    // As in the description's examples: a list of objects, each keyed by a field id (its schema
    // describes one such object).
    fields: [
      {
        '660d5bcc9c0772150459dfb1': {
          displayName: 'Name',
          type: 'Plain',
          placeholder: null,
          userVisible: true,
        },
      },
      {
        '589a331aa51e760df7ccb89d': {
          displayName: 'Email',
          type: 'Email',
          placeholder: 'Enter your email',
          userVisible: true,
        },
      },
    ],
    responseSettings: {
      redirectUrl: 'https://example.com',
      redirectMethod: 'GET',
      redirectAction: null,
      sendEmailConfirmation: true,
    },
    siteId: SITE_ID,
    siteDomainId: '6419db964a9c436a4baf6248',
    pageId: '6419db964a9c43f6a3af6348',
    pageName: 'Home',
    formElementId: '4e038d2c-6a1e-4953-7be9-a59a2b453177',
    workspaceId: '580e63fc8c9a982ac9b8b744',
    ...over,
  };
}

export function submission(
  id: string,
  over: Partial<WfFormSubmission> = {},
): WfFormSubmission & Record<string, unknown> {
  return {
    id,
    formId: '6321ca84df3949bfc6752327',
    displayName: 'Sample Form',
    siteId: SITE_ID,
    workspaceId: '62749158efef318abc8d5a0f',
    formResponse: { 'First Name': 'Arthur', 'Last Name': 'Dent' },
    dateSubmitted: '2022-09-14T12:35:16.117Z',
    localeId: null,
    ...over,
  };
}

export function page(id: string, over: Partial<WfPage> = {}): WfPage & Record<string, unknown> {
  return {
    id,
    siteId: SITE_ID,
    parentId: null,
    collectionId: null,
    title: 'Towel Day Celebrations',
    slug: 'towel-day',
    createdOn: '2024-05-25T09:00:00.000Z',
    lastUpdated: '2024-05-25T09:42:00.000Z',
    archived: false,
    draft: false,
    canBranch: true,
    isBranch: false,
    branchId: null,
    seo: { title: 'Celebrate Towel Day', description: 'A guide to celebrating Towel Day.' },
    openGraph: {
      title: "Towel Day - Don't Panic",
      titleCopied: false,
      description: 'Join the galaxy in celebrating Towel Day.',
      descriptionCopied: false,
    },
    localeId: '653fd9af6a07fc9cfd7a5e57',
    publishedPath: '/towel-day',
    ...over,
  };
}

export const domNodes = (): WfDomNode[] => [
  {
    id: 'a245c12d-995b-55ee-5ec7-aa36a6cad623',
    type: 'text',
    text: {
      html: "<h1>The Hitchhiker's Guide to the Galaxy</h1>",
      text: "The Hitchhiker's Guide to the Galaxy",
    },
    attributes: {},
  },
  {
    id: 'a245c12d-995b-55ee-5ec7-aa36a6cad629',
    type: 'image',
    image: { alt: 'Marvin, the Paranoid Android', assetId: '659595234426a9fcbad57043' },
    attributes: {},
  },
  {
    id: 'a245c12d-995b-55ee-5ec7-aa36a6cad631',
    type: 'component-instance',
    componentId: 'e3410077-d7db-43e6-8889-0d7f61184424',
    propertyOverrides: [
      {
        propertyId: 'a245c12d-995b-55ee-5ec7-aa36a6cad633',
        type: 'Plain Text',
        label: 'Catchphrase',
        text: { html: null, text: "Don't Panic!" },
      },
    ],
  },
];

export function collection(id = COLLECTION_ID, over: Partial<WfCollection> = {}): WfCollection {
  return {
    id,
    displayName: 'Guide Entries',
    singularName: 'Guide Entry',
    slug: 'guide-entries',
    createdOn: '2024-02-01T10:00:00.000Z',
    lastUpdated: '2024-02-02T10:00:00.000Z',
    fields: [
      {
        id: '5e2a1b3c4d5e6f7890a1b2c3',
        isEditable: true,
        isRequired: true,
        type: 'PlainText',
        slug: 'name',
        displayName: 'Entry Title',
        helpText: 'Name of the entry.',
        validations: null,
      },
      {
        id: '3f4e5d6c7b8a9e0d1c2b3a4f',
        isEditable: true,
        isRequired: false,
        type: 'Number',
        slug: 'importance-level',
        displayName: 'Importance Level',
        helpText: 'The importance level of the entry.',
        validations: { format: 'integer', allowNegative: false, allowZero: false, minValue: 1, maxValue: 5 },
      },
    ],
    ...over,
  };
}

export function item(id: string, over: Partial<WfItem> = {}): WfItem {
  return {
    id,
    cmsLocaleId: '653ad57de882f528b32e810e',
    lastPublished: '2023-03-17T18:47:35.560Z',
    lastUpdated: '2023-03-17T18:47:35.560Z',
    createdOn: '2023-03-17T18:47:35.560Z',
    isArchived: false,
    isDraft: false,
    fieldData: {
      name: 'Pan Galactic Gargle Blaster',
      slug: 'pan-galactic-gargle-blaster',
      'importance-level': 5,
    },
    ...over,
  };
}

export function user(id: string, over: Partial<WfUser> = {}): WfUser {
  return {
    id,
    isEmailVerified: true,
    lastUpdated: '2022-05-17T03:34:06.720Z',
    createdOn: '2022-05-17T03:34:06.720Z',
    status: 'verified',
    accessGroups: [{ slug: 'heart-of-gold-crew', type: 'admin' }],
    data: {
      'accept-privacy': false,
      'accept-communications': false,
      email: 'arthur.dent@earthling.com',
      name: 'Arthur Dent',
    },
    ...over,
  };
}

/** Webflow's error body. */
export const error = (code: string, message: string, details: unknown[] = []) => ({
  code,
  message,
  externalReference: null,
  details,
});

/**
 * A list route answering `offset`/`limit` from `all`, with Webflow's `pagination` envelope (or the
 * users list's top-level `count`, `limit`, `offset`, `total` when `topLevel`).
 */
export function paged<T>(key: string, all: readonly T[], topLevel = false): FakeRoute {
  return (req) => {
    const offset = Number(req.query.get('offset') ?? 0);
    const limit = Number(req.query.get('limit') ?? 100);
    const items = all.slice(offset, offset + limit);
    const window = { limit, offset, total: all.length };
    return {
      body: topLevel
        ? { [key]: items, count: items.length, ...window }
        : { [key]: items, pagination: window },
    };
  };
}
