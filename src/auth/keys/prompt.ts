import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { ApiKeyAuth } from '../../core/definition.js';
import type { CredentialSource, StoredCredentials } from '../types.js';

export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /**
   * Whether input is an interactive terminal, where typed characters are echoed by this process
   * (and secret ones are not). Defaults to whether input is a TTY; piped input is never echoed.
   */
  terminal?: boolean;
}

/**
 * Asks for each field on the terminal, one line each, without echoing secret ones. Values are
 * trimmed; an empty value or input that ends early is an error, so nothing half-filled is saved.
 */
export async function promptFields(
  fields: ApiKeyAuth['fields'],
  streams: PromptStreams = {},
): Promise<Record<string, string>> {
  const input = streams.input ?? process.stdin;
  const output = streams.output ?? process.stderr;
  const terminal = streams.terminal ?? Boolean((input as { isTTY?: boolean }).isTTY);
  let muted = false;
  // readline echoes what is typed through its output; muting that stream hides a secret as it is typed.
  const echo = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: echo, terminal, historySize: 0, prompt: '' });
  const lines = rl[Symbol.asyncIterator]();
  const values: Record<string, string> = {};
  try {
    for (const field of fields) {
      const notes = [field.secret && terminal ? 'hidden' : '', field.optional ? 'optional' : ''].filter(
        Boolean,
      );
      const label = `${field.label}${notes.length ? ` (${notes.join(', ')})` : ''}: `;
      output.write(label);
      // readline redraws its prompt on some keys; it must redraw the label, or nothing for a secret.
      rl.setPrompt(field.secret ? '' : label);
      muted = Boolean(field.secret);
      const next = await lines.next();
      muted = false;
      // readline echoes the Enter of a visible answer on a terminal; the rest need the newline written.
      if (field.secret || !terminal) output.write('\n');
      if (next.done) throw new Error(`Input ended before ${field.label} was entered; nothing was saved`);
      const value = String(next.value).trim();
      if (value) values[field.name] = value;
      else if (!field.optional) throw new Error(`${field.label} cannot be empty; nothing was saved`);
    }
    return values;
  } finally {
    rl.close();
  }
}

export interface ApiKeySignInOptions extends PromptStreams {
  /** The folder name credentials are stored under: the server id, as in guMCP. */
  service: string;
  userId: string;
  auth: Pick<ApiKeyAuth, 'fields' | 'verify'>;
  source: CredentialSource;
}

/**
 * The credentials to store for the values a user entered: checked with the service when the server
 * can (`verify`), plus what that check learned. A refused check throws, and nothing is saved.
 */
export async function apiKeyCredentials(
  auth: Pick<ApiKeyAuth, 'verify'>,
  values: Record<string, string>,
): Promise<StoredCredentials> {
  const learned = await auth.verify?.(values);
  return { ...learned, ...values };
}

/** Prompts for an API-key service's fields, checks them, and saves them through the credential source. */
export async function signInWithApiKey(options: ApiKeySignInOptions): Promise<StoredCredentials> {
  const values = await promptFields(options.auth.fields, options);
  const credentials = await apiKeyCredentials(options.auth, values);
  await options.source.save(options.service, options.userId, credentials);
  return credentials;
}
