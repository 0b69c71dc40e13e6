import type { TestContext } from 'node:test';
import type { DriveItem } from '../../../providers/microsoft/drive.js';
import { GRAPH_PATH, startGraphFake } from '../../../providers/microsoft/test/graph-fake.js';
import { type FakeService, startFake } from '../../../testing/fake-service.js';

/**
 * OneDrive's side of Graph (learn.microsoft.com/graph/api/resources/driveitem) for tests that route
 * it by hand, and a second loopback host standing in for the pre-authenticated upload and download
 * hosts (*.up.1drv.com, *.sharepoint.com/_layouts/15/download.aspx), which get no Graph token.
 */

export const DRIVE = `${GRAPH_PATH}/me/drive`;
export const DRIVE_ID = 'b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd';

export const startOneDriveFake = (t: TestContext): Promise<FakeService> => startGraphFake(t, 'onedrive');

/** Another origin on loopback, closed after the test. */
export async function otherHost(t: TestContext): Promise<FakeService> {
  const fake = await startFake();
  t.after(() => fake.close());
  return fake;
}

export function driveItem(
  name: string,
  parent: string,
  extra: Partial<DriveItem> & Record<string, unknown> = {},
): DriveItem & Record<string, unknown> {
  return {
    '@microsoft.graph.downloadUrl': `https://public.sn3302.livefilestore.com/${encodeURIComponent(name)}?token=x`,
    createdDateTime: '2025-05-01T08:00:00Z',
    cTag: '"c:{AAAA},1"',
    eTag: '"{AAAA},1"',
    id: `01BYE5RZ${name
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .padEnd(8, 'X')}`,
    lastModifiedDateTime: '2025-06-01T09:00:00Z',
    name,
    size: 1024,
    webUrl: `https://contoso-my.sharepoint.com/personal/me/Documents${parent === '/' ? '' : parent}/${encodeURIComponent(name)}`,
    parentReference: {
      driveId: DRIVE_ID,
      driveType: 'business',
      id: '01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ',
      path: `/drive/root:${parent === '/' ? '' : parent}`,
    },
    file: { mimeType: 'text/plain', hashes: { quickXorHash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } },
    ...extra,
  };
}

export function folderItem(
  name: string,
  parent: string,
  childCount = 2,
): DriveItem & Record<string, unknown> {
  const {
    file: _file,
    '@microsoft.graph.downloadUrl': _url,
    ...rest
  } = driveItem(name, parent, { size: 4096 });
  return { ...rest, folder: { childCount } };
}
