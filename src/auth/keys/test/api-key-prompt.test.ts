import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { ApiKeyAuth } from '../../../core/definition.js';
import { MemorySource } from '../../oauth/test/memory-source.js';
import { screen } from '../../oauth/test/screen.js';
import { signInWithApiKey } from '../prompt.js';

const TWILIO: ApiKeyAuth = {
  kind: 'api_key',
  fields: [
    { name: 'account_sid', label: 'Account SID' },
    { name: 'api_key_secret', label: 'API key secret', secret: true },
  ],
};

test('on a terminal, each field is prompted for, typed values are echoed except the secret, and all are saved', async () => {
  const keyboard = new PassThrough();
  const out = screen();
  const source = new MemorySource();
  const done = signInWithApiKey({
    service: 'twilio',
    userId: 'alice',
    auth: TWILIO,
    source,
    input: keyboard,
    output: out.stream,
    terminal: true,
  });
  // Type like a user: each answer once its prompt is shown.
  await out.waitFor('Account SID: ');
  keyboard.write('  AC123  \r');
  await out.waitFor('API key secret (hidden): ');
  keyboard.write('s3cr3t-value\r');
  const saved = await done;

  assert.deepEqual(saved, { account_sid: 'AC123', api_key_secret: 's3cr3t-value' });
  assert.deepEqual(source.saves, [{ service: 'twilio', userId: 'alice', credentials: saved }]);
  assert.ok(out.text().includes('AC123'), 'a plain field is echoed as typed');
  assert.ok(!out.text().includes('s3cr3t'), 'the secret never reaches the screen');
});

test('piped input (not a terminal) is read line by line and never echoed', async () => {
  const out = screen();
  const source = new MemorySource();
  const input = new PassThrough();
  input.end('AC999\nsecret-2\n');
  await signInWithApiKey({
    service: 'twilio',
    userId: 'bob',
    auth: TWILIO,
    source,
    input,
    output: out.stream,
  });
  assert.deepEqual(await source.get('twilio', 'bob'), { account_sid: 'AC999', api_key_secret: 'secret-2' });
  assert.equal(out.text(), 'Account SID: \nAPI key secret: \n');
});

test('an empty value or input that ends early saves nothing', async () => {
  const source = new MemorySource();
  const run = (text: string) => {
    const input = new PassThrough();
    input.end(text);
    return signInWithApiKey({
      service: 'twilio',
      userId: 'carol',
      auth: TWILIO,
      source,
      input,
      output: screen().stream,
    });
  };
  await assert.rejects(run('AC1\n   \n'), /^Error: API key secret cannot be empty; nothing was saved$/);
  await assert.rejects(
    run('AC1\n'),
    /^Error: Input ended before API key secret was entered; nothing was saved$/,
  );
  assert.equal(source.saves.length, 0);
});
