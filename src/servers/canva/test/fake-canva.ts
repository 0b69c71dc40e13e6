import type { Design, DesignSummary, Folder, Reply, Thread } from '../types.js';

/**
 * Bodies in the shapes of the Canva Connect API's OpenAPI description (canva.dev, also
 * github.com/canva-sdks/canva-connect-api-starter-kit openapi/spec.yml): UsersMeResponse,
 * UserProfileResponse, Design, Thread, Reply, Folder, the jobs (ExportJob, AssetUploadJob,
 * DesignAutofillJob, DesignResizeJob) and the error body `{ code, message }`.
 */

/** Every route the server calls, as templates of the OpenAPI description's paths. */
export const CANVA_ROUTES = [
  'GET /v1/users/me/profile',
  'GET /v1/users/me',
  'GET /v1/designs/{designId}/comments/{threadId}',
  'POST /v1/designs/{designId}/comments',
  'POST /v1/designs/{designId}/comments/{threadId}/replies',
  'GET /v1/designs/{designId}/comments/{threadId}/replies',
  'GET /v1/designs/{designId}/comments/{threadId}/replies/{replyId}',
  'GET /v1/designs/{designId}',
  'GET /v1/designs',
  'POST /v1/designs',
  'POST /v1/exports',
  'GET /v1/exports/{exportId}',
  'POST /v1/url-asset-uploads',
  'GET /v1/url-asset-uploads/{jobId}',
  'POST /v1/asset-uploads',
  'GET /v1/asset-uploads/{jobId}',
  'POST /v1/autofills',
  'GET /v1/autofills/{jobId}',
  'POST /v1/resizes',
  'GET /v1/resizes/{jobId}',
  'POST /v1/folders',
  'GET /v1/folders/{folderId}',
  'PATCH /v1/folders/{folderId}',
  'DELETE /v1/folders/{folderId}',
] as const;

export const DESIGN = 'DAFVztcvd9z';
export const THREAD = 'KeAbiEAjZEj';
export const REPLY = 'KeAZEAjijEb';
export const FOLDER = 'FAF2lZtloor';
/** 2024-03-01T12:00:00Z in Canva's Unix seconds. */
export const T0 = 1_709_294_400;

export const ALICE = { id: 'oUnPjZ2k2yuhftbWF7873o', display_name: 'Alice Martin' };
export const BOB = { id: 'oBpVhLW22VrqtwKgaayRbP', display_name: 'Bob Okafor' };

export function design(id = DESIGN, over: Partial<Design> = {}): Design {
  return {
    id,
    title: 'Spring launch poster',
    owner: { user_id: 'auDAbliZ2rQNNOsUl5ZD', team_id: 'Oi2RJILTrKk0KRhRUZozX' },
    thumbnail: { width: 595, height: 335, url: `https://document-export.canva.com/${id}/thumbnail/0001.png` },
    urls: {
      edit_url: `https://www.canva.com/api/design/${id}/edit`,
      view_url: `https://www.canva.com/api/design/${id}/view`,
    },
    created_at: T0,
    updated_at: T0 + 3600,
    page_count: 3,
    design_types: ['presentation'],
    ...over,
  } as Design;
}

/** Autofill and resize answer a DesignSummary: a design without its owner. */
export function designSummary(id: string): DesignSummary {
  const { owner: _owner, design_types: _types, ...rest } = design(id);
  return { ...rest, url: `https://www.canva.com/design/${id}/edit` };
}

export function thread(over: Partial<Thread> = {}): Thread {
  return {
    id: THREAD,
    design_id: DESIGN,
    thread_type: {
      type: 'comment',
      content: {
        plaintext: 'Great work [oUnPjZ2k2yuhftbWF7873o:oBpVhLW22VrqtwKgaayRbP]!',
        markdown: '*Great work*',
      },
      mentions: {
        'oUnPjZ2k2yuhftbWF7873o:oBpVhLW22VrqtwKgaayRbP': {
          tag: 'oUnPjZ2k2yuhftbWF7873o:oBpVhLW22VrqtwKgaayRbP',
          user: { user_id: BOB.id, team_id: 'Oi2RJILTrKk0KRhRUZozX', display_name: BOB.display_name },
        },
      },
      assignee: BOB,
    },
    author: ALICE,
    created_at: T0,
    updated_at: T0,
    ...over,
  } as Thread;
}

export function reply(id = REPLY, text = 'Thanks!'): Reply {
  return {
    id,
    design_id: DESIGN,
    thread_id: THREAD,
    author: BOB,
    content: { plaintext: text },
    mentions: {},
    created_at: T0 + 60,
    updated_at: T0 + 60,
  };
}

export function folder(id = FOLDER, name = 'Campaigns'): Folder {
  return {
    id,
    name,
    created_at: T0,
    updated_at: T0 + 10,
    thumbnail: { width: 595, height: 335, url: `https://document-export.canva.com/${id}/thumbnail.png` },
  };
}

/** Canva's error body. */
export const canvaError = (code: string, message: string) => ({ code, message });
