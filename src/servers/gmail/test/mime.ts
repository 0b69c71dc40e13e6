import assert from 'node:assert/strict';

/** An RFC 2822 message as a test reads it back from the base64url `raw` the server sent. */
export interface ParsedMail {
  /** Header values by lower-case name. */
  headers: Record<string, string>;
  /** Raw header lines, to check nothing was injected. */
  headerLines: string[];
  /** The decoded text body. */
  body: string;
}

export function parseRaw(raw: unknown): ParsedMail {
  assert.equal(typeof raw, 'string', 'raw must be a string');
  assert.match(raw as string, /^[A-Za-z0-9_-]+$/, 'raw must be base64url without padding');
  const text = Buffer.from(raw as string, 'base64url').toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  assert.ok(split > 0, 'headers and body are separated by an empty CRLF line');
  const headerLines = text.slice(0, split).split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  assert.equal(headers['content-transfer-encoding'], 'base64');
  const body = Buffer.from(text.slice(split + 4).replace(/\r\n/g, ''), 'base64').toString('utf8');
  return { headers, headerLines, body };
}
