import type { TestContext } from 'node:test';
import { GRAPH_PATH, graphPage, startGraphFake } from '../../../providers/microsoft/test/graph-fake.js';
import type { FakeService } from '../../../testing/fake-service.js';
import type { MailFolder, Message } from '../api.js';

/**
 * A fake of Graph's mail API (learn.microsoft.com/graph/api/resources/message, mailfolder): shapes as
 * the reference documents them. Filters and searches are not applied: tests assert what was sent.
 */

export const ME = `${GRAPH_PATH}/me`;

export function message(m: Partial<Message> & { id: string }): Message & Record<string, unknown> {
  return {
    '@odata.etag': 'W/"CQAAABYAAADHcgC8Hl9tRZ/hc1wEUs1TAAAwR4Hg"',
    subject: `Subject of ${m.id}`,
    from: { emailAddress: { name: 'Ada Lovelace', address: 'ada@contoso.com' } },
    toRecipients: [{ emailAddress: { name: 'Me', address: 'me@contoso.com' } }],
    ccRecipients: [],
    receivedDateTime: '2025-06-01T09:30:00Z',
    bodyPreview: `Preview of ${m.id}`,
    isRead: false,
    hasAttachments: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${m.id}&exvsurl=1&viewmodel=ReadMessageItem`,
    ...m,
  };
}

export function mailFolder(f: Partial<MailFolder> & { id: string }): MailFolder & Record<string, unknown> {
  return {
    displayName: f.id,
    parentFolderId: 'AQMkADYAAAIBCAAAAA==',
    childFolderCount: 0,
    unreadItemCount: 1,
    totalItemCount: 2,
    isHidden: false,
    ...f,
  };
}

/** A Graph-like folder id, long enough to be taken as an id rather than a name. */
export const FOLDER_ID = `AAMkADYAAAIBDAAAAA${'x'.repeat(60)}AAA==`;

/** Starts the fake with `messages` in the inbox and `folders` at the top level, pages of `pageSize`. */
export async function fakeOutlook(
  t: TestContext,
  options: { messages?: Message[]; folders?: MailFolder[]; pageSize?: number } = {},
): Promise<FakeService> {
  const fake = await startGraphFake(t, 'outlook');
  const messages = options.messages ?? [];
  const folders = options.folders ?? [];
  const size = options.pageSize ?? 1000;
  const pageOf = <T>(items: T[], path: string, skip: number, query: URLSearchParams) => {
    const next = new URLSearchParams(query);
    next.set('$skip', String(skip + size));
    return graphPage(
      fake,
      items.slice(skip, skip + size),
      skip + size < items.length ? `${path}?${next}` : undefined,
    );
  };
  fake.route(`GET ${ME}/mailFolders/inbox/messages`, (req) => ({
    body: pageOf(messages, 'me/mailFolders/inbox/messages', Number(req.query.get('$skip') ?? 0), req.query),
  }));
  fake.route(`GET ${ME}/mailFolders`, (req) => ({
    body: pageOf(folders, 'me/mailFolders', Number(req.query.get('$skip') ?? 0), req.query),
  }));
  for (const f of folders) {
    fake.route(`GET ${ME}/mailFolders/${f.id}`, { body: mailFolder(f) });
  }
  fake.route(`POST ${ME}/sendMail`, { status: 202, body: '' });
  return fake;
}
