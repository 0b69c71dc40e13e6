import { ToolError } from '../../core/errors.js';
import { assertPublicUrl } from '../../upstream/private-network.js';

/** Drive's multipart upload is meant for files up to 5 MB; larger ones need a resumable upload. */
export const MAX_DOWNLOAD_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const TIMEOUT_MS = 30_000;

/** The URL without its query and fragment, which may carry a signature or token. */
const shown = (url: URL) => `${url.origin}${url.pathname}`;

/**
 * Only http(s), and never a private or local address: on the shared host, fetching one would let a
 * user read internal services (cloud metadata, databases) through their own Drive.
 */
async function checkTarget(url: URL): Promise<void> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ToolError(`Only http and https URLs can be downloaded, not ${url.protocol}`);
  }
  await assertPublicUrl(url, {
    unresolved: `Could not resolve the host of ${shown(url)}`,
    refused: `Refusing to download ${shown(url)}: it points to a private or local network address`,
  });
}

async function readLimited(response: Response, url: URL): Promise<Uint8Array> {
  const tooBig = () =>
    new ToolError(
      `${shown(url)} is larger than ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB, too large to upload this way`,
    );
  if (Number(response.headers.get('content-length') ?? 0) > MAX_DOWNLOAD_BYTES) throw tooBig();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_DOWNLOAD_BYTES) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads the content behind a caller-supplied URL, following redirects itself so that every hop
 * is checked against private addresses. Errors name the URL without its query string.
 */
export async function downloadUrl(
  raw: string,
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array; contentType?: string }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ToolError('The url is not a valid absolute URL');
  }
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await checkTarget(url);
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal: combined });
    } catch {
      throw new ToolError(
        timeout.aborted ? `${shown(url)} did not answer in time` : `Could not download ${shown(url)}`,
      );
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ToolError(`Could not download ${shown(url)}: HTTP ${response.status}`);
    }
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() || undefined;
    return { bytes: await readLimited(response, url), contentType };
  }
  throw new ToolError(`Too many redirects while downloading ${shown(url)}`);
}
