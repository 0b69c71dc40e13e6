import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileResource } from '../drive-shapes.js';

test('a file is a text resource when its type says text and its bytes are UTF-8, else a base64 blob', () => {
  const utf8 = Buffer.from('{"a":"é"}');
  const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

  assert.deepEqual(fileResource('x:///a.json', 'application/json; charset=utf-8', utf8), {
    encoding: 'text',
    block: {
      type: 'resource',
      resource: { uri: 'x:///a.json', mimeType: 'application/json; charset=utf-8', text: '{"a":"é"}' },
    },
  });
  assert.deepEqual(fileResource('x:///b.txt', 'text/plain', latin1), {
    encoding: 'base64',
    block: { type: 'resource', resource: { uri: 'x:///b.txt', mimeType: 'text/plain', blob: 'Y2Fm6Q==' } },
  });
  assert.deepEqual(fileResource('x:///c.png', 'image/png', png.subarray(1)), {
    encoding: 'base64',
    block: { type: 'resource', resource: { uri: 'x:///c.png', mimeType: 'image/png', blob: 'UE5H' } },
  });
  assert.equal(fileResource('x:///d.svg', 'image/svg+xml', Buffer.from('<svg/>')).encoding, 'text');
});
