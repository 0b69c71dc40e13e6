import type { FakeService } from '../../../testing/fake-service.js';

/*
 * Drive v3 as documented (https://developers.google.com/drive/api/reference/rest/v3): File resources,
 * files.list pages with nextPageToken, Permission resources. Paths keep Google's prefixes.
 */

export const FILES = '/drive/v3/files';
export const UPLOAD = '/upload/drive/v3/files';

export interface DriveFileJson {
  kind: 'drive#file';
  id: string;
  name: string;
  mimeType: string;
  parents?: string[];
  webViewLink?: string;
  modifiedTime?: string;
  size?: string;
  [field: string]: unknown;
}

export function driveFile(id: string, overrides: Partial<DriveFileJson> = {}): DriveFileJson {
  return {
    kind: 'drive#file',
    id,
    name: `${id}.txt`,
    mimeType: 'text/plain',
    parents: ['root-folder'],
    webViewLink: `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
    modifiedTime: '2024-05-14T09:42:01.195Z',
    size: '47',
    ...overrides,
  };
}

/** The body of a files.list answer. */
export const fileList = (files: DriveFileJson[], nextPageToken?: string) => ({
  kind: 'drive#fileList',
  incompleteSearch: false,
  files,
  ...(nextPageToken ? { nextPageToken } : {}),
});

/**
 * Answers files.list from `pages`: the first without a pageToken, page i for token `page-<i>`, each
 * page but the last with a nextPageToken. A token it never issued gets Drive's 400.
 */
export function routePagedFiles(fake: FakeService, pages: DriveFileJson[][]): void {
  fake.route(`GET ${FILES}`, (req) => {
    const token = req.query.get('pageToken');
    const index = token ? Number(token.replace('page-', '')) : 0;
    const page = pages[index];
    if (!page || (token && !token.startsWith('page-'))) {
      return {
        status: 400,
        body: { error: { code: 400, message: 'Invalid Value', status: 'INVALID_ARGUMENT' } },
      };
    }
    return { body: fileList(page, index + 1 < pages.length ? `page-${index + 1}` : undefined) };
  });
}

export const ids = (prefix: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => driveFile(`${prefix}${from + i}`));
