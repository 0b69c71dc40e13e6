import type { TestContext } from 'node:test';
import type { FakeReply, FakeService, RecordedRequest } from '../../../testing/fake-service.js';
import type { GmailLabel, GmailMessage, MessagePart } from '../api.js';
import { GOOGLE_ERRORS, startGoogleFake } from './google-fake.js';

/**
 * A fake Gmail API v1 mailbox, answering with the shapes of the REST reference
 * (developers.google.com/workspace/gmail/api/reference/rest): users.messages list/get/send/modify/
 * trash, users.messages.attachments.get, users.drafts.create, users.labels list/get/create.
 * Search queries (`q`) are not interpreted: tests assert what was sent.
 */

export const BASE = '/gmail/v1/users/me';

export interface FixtureAttachment {
  filename: string;
  mimeType: string;
  attachmentId: string;
  content: string;
  /** Other ids attachments.get accepts: Gmail hands out a new attachment id on each read. */
  aliases?: string[];
}

export interface FixtureMail {
  id: string;
  threadId?: string;
  labelIds?: string[];
  from?: string;
  to?: string;
  subject?: string;
  date?: string;
  messageId?: string;
  references?: string;
  text?: string;
  html?: string;
  attachments?: FixtureAttachment[];
}

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const textPart = (partId: string, mimeType: string, text: string): MessagePart => ({
  partId,
  mimeType,
  filename: '',
  headers: [{ name: 'Content-Type', value: `${mimeType}; charset="UTF-8"` }],
  body: { size: Buffer.byteLength(text), data: b64url(text) },
});

/** A message as messages.get?format=full returns it, MIME tree included. */
export function gmailMessage(m: FixtureMail): GmailMessage & { historyId: string; sizeEstimate: number } {
  const headers = [
    ['From', m.from],
    ['To', m.to],
    ['Subject', m.subject],
    ['Date', m.date],
    ['Message-ID', m.messageId],
    ['References', m.references],
  ]
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => ({ name: name as string, value: value as string }));
  const bodies = [
    ...(m.text !== undefined ? [textPart('0.0', 'text/plain', m.text)] : []),
    ...(m.html !== undefined ? [textPart('0.1', 'text/html', m.html)] : []),
  ];
  const files: MessagePart[] = (m.attachments ?? []).map((a, i) => ({
    partId: String(i + 1),
    mimeType: a.mimeType,
    filename: a.filename,
    headers: [{ name: 'Content-Disposition', value: `attachment; filename="${a.filename}"` }],
    body: { attachmentId: a.attachmentId, size: Buffer.byteLength(a.content) },
  }));
  const simple = files.length === 0 && bodies.length === 1;
  const payload: MessagePart = simple
    ? { ...(bodies[0] as MessagePart), partId: '', headers }
    : {
        partId: '',
        mimeType: 'multipart/mixed',
        filename: '',
        headers,
        body: { size: 0 },
        parts: [
          { partId: '0', mimeType: 'multipart/alternative', filename: '', body: { size: 0 }, parts: bodies },
          ...files,
        ],
      };
  return {
    id: m.id,
    threadId: m.threadId ?? `t-${m.id}`,
    labelIds: m.labelIds ?? ['INBOX'],
    snippet: (m.text ?? '').slice(0, 100),
    historyId: '1234',
    internalDate: '1715760000000',
    sizeEstimate: 2048,
    payload,
  };
}

/** format=metadata: the requested headers only, no MIME tree. */
function metadataOnly(message: GmailMessage, wanted: string[]): GmailMessage {
  const names = new Set(wanted.map((h) => h.toLowerCase()));
  const headers = (message.payload?.headers ?? []).filter(
    (h) => names.size === 0 || names.has(h.name.toLowerCase()),
  );
  return { ...message, payload: { mimeType: message.payload?.mimeType, headers } };
}

const notFound = (): FakeReply => ({ status: 404, body: GOOGLE_ERRORS.notFound });

export interface FakeGmailOptions {
  messages?: FixtureMail[];
  labels?: GmailLabel[];
  /** Largest page messages.list answers, to make tests cross pages. */
  pageSize?: number;
}

/** Starts the fake mailbox and points the gmail server at it for the duration of the test. */
export async function fakeGmail(t: TestContext, options: FakeGmailOptions = {}): Promise<FakeService> {
  const fake = await startGoogleFake(t, 'gmail', '/gmail/v1');
  const fixtures = new Map((options.messages ?? []).map((m) => [m.id, m]));
  const messages = new Map([...fixtures.values()].map((m) => [m.id, gmailMessage(m)]));
  const labels = options.labels ?? [];
  let created = 0;

  fake.route(`GET ${BASE}/messages`, (req) => {
    const label = req.query.get('labelIds');
    const all = [...messages.values()].filter((m) => !label || m.labelIds?.includes(label));
    const size = Math.min(Number(req.query.get('maxResults') ?? 100), options.pageSize ?? 500);
    const start = Number(req.query.get('pageToken')?.replace('page-', '') ?? 0);
    const page = all.slice(start, start + size);
    const next = start + size < all.length ? `page-${start + size}` : undefined;
    return {
      body: {
        ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
        ...(next ? { nextPageToken: next } : {}),
        resultSizeEstimate: all.length,
      },
    };
  });

  fake.route(`GET ${BASE}/messages/*`, (req) => {
    const [id = '', sub, attachmentId] = req.path.slice(`${BASE}/messages/`.length).split('/');
    const message = messages.get(id);
    if (!message) return notFound();
    if (sub === 'attachments') {
      const file = fixtures
        .get(id)
        ?.attachments?.find(
          (a) => a.attachmentId === attachmentId || a.aliases?.includes(attachmentId ?? ''),
        );
      return file
        ? { body: { size: Buffer.byteLength(file.content), data: b64url(file.content) } }
        : notFound();
    }
    const format = req.query.get('format') ?? 'full';
    return {
      body: format === 'metadata' ? metadataOnly(message, req.query.getAll('metadataHeaders')) : message,
    };
  });

  fake.route(`POST ${BASE}/messages/send`, (req: RecordedRequest) => {
    const body = req.body as { threadId?: string };
    created += 1;
    return {
      body: { id: `sent-${created}`, threadId: body.threadId ?? `t-sent-${created}`, labelIds: ['SENT'] },
    };
  });

  fake.route(`POST ${BASE}/messages/*`, (req) => {
    const [id = '', action] = req.path.slice(`${BASE}/messages/`.length).split('/');
    const message = messages.get(id);
    if (!message) return notFound();
    const body = (req.body ?? {}) as { addLabelIds?: string[]; removeLabelIds?: string[] };
    const add = action === 'trash' ? ['TRASH'] : (body.addLabelIds ?? []);
    const remove = action === 'trash' ? ['INBOX'] : (body.removeLabelIds ?? []);
    const labelIds = [...new Set([...(message.labelIds ?? []), ...add])].filter((l) => !remove.includes(l));
    message.labelIds = labelIds;
    return { body: { id, threadId: message.threadId, labelIds } };
  });

  fake.route(`POST ${BASE}/drafts`, (req) => {
    const body = req.body as { message: { threadId?: string } };
    return {
      body: {
        id: 'r-draft-1',
        message: { id: 'm-draft-1', threadId: body.message.threadId ?? 't-draft-1', labelIds: ['DRAFT'] },
      },
    };
  });

  // labels.list returns only id, name, visibilities and type; labels.get adds the counts.
  fake.route(`GET ${BASE}/labels`, () => ({
    body: {
      labels: labels.map(({ id, name, type, messageListVisibility, labelListVisibility }) => ({
        id,
        name,
        type,
        messageListVisibility,
        labelListVisibility,
      })),
    },
  }));
  fake.route(`GET ${BASE}/labels/*`, (req) => {
    const label = labels.find((l) => l.id === req.path.slice(`${BASE}/labels/`.length));
    return label ? { body: label } : notFound();
  });
  fake.route(`POST ${BASE}/labels`, (req) => ({
    body: { id: 'Label_42', type: 'user', ...(req.body as object) },
  }));

  return fake;
}
