import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPublicUrl, isPrivateAddress, privateUrlsAllowed } from '../private-network.js';

const SAY = { refused: 'refused', unresolved: 'unresolved' };

/** A resolver that answers from a table, so names are checked without the network. */
const table =
  (names: Record<string, string[]>) =>
  async (host: string): Promise<{ address: string }[]> => {
    const found = names[host];
    if (!found) throw new Error(`ENOTFOUND ${host}`);
    return found.map((address) => ({ address }));
  };

test('private, loopback, link-local and reserved addresses are private; public ones are not', () => {
  for (const address of [
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '127.0.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '198.18.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '[::1]',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
  ]) {
    assert.equal(isPrivateAddress(address), true, address);
  }
  for (const address of [
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '2001:db8::1',
  ]) {
    assert.equal(isPrivateAddress(address), false, address);
  }
});

test('an IPv4-mapped IPv6 address is checked as the IPv4 address it carries, in any spelling', () => {
  for (const address of [
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:a9fe:a9fe',
    '::FFFF:10.0.0.1',
  ]) {
    assert.equal(isPrivateAddress(address), true, address);
  }
  assert.equal(isPrivateAddress('::ffff:8.8.8.8'), false);
  assert.equal(isPrivateAddress('::ffff:808:808'), false);
});

test('what is not an IP address is not taken for a public one', () => {
  assert.equal(isPrivateAddress('example.com'), true);
  assert.equal(isPrivateAddress(''), true);
});

test('a URL on a private address literal is refused, IPv6 in brackets too', async () => {
  for (const url of [
    'https://127.0.0.1:8443/x',
    'https://[::1]/',
    'http://169.254.169.254/latest/meta-data',
    'https://[::ffff:127.0.0.1]/',
    'https://10.0.0.5/forum',
  ]) {
    await assert.rejects(assertPublicUrl(new URL(url), SAY), { message: 'refused' }, url);
  }
  await assertPublicUrl(new URL('https://8.8.8.8/'), SAY);
  await assertPublicUrl(new URL('https://[2606:4700::1111]/'), SAY);
});

test('names are resolved: any private address among them refuses the URL', async () => {
  const lookup = table({
    'public.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'rebind.example': ['93.184.215.14', '10.0.0.7'],
    'mapped.example': ['::ffff:a9fe:a9fe'],
  });
  await assertPublicUrl(new URL('https://public.example/a'), { ...SAY, lookup });
  await assert.rejects(assertPublicUrl(new URL('https://rebind.example/'), { ...SAY, lookup }), {
    message: 'refused',
  });
  await assert.rejects(assertPublicUrl(new URL('https://mapped.example/'), { ...SAY, lookup }), {
    message: 'refused',
  });
  await assert.rejects(assertPublicUrl(new URL('https://nowhere.example/'), { ...SAY, lookup }), {
    message: 'unresolved',
  });
  await assert.rejects(
    assertPublicUrl(new URL('https://empty.example/'), { ...SAY, lookup: async () => [] }),
    {
      message: 'unresolved',
    },
  );
});

test('the system resolver is used by default: localhost is refused', async () => {
  await assert.rejects(assertPublicUrl(new URL('http://localhost:8080/'), SAY), { message: 'refused' });
});

test('GUMCP_ALLOW_PRIVATE_URLS=1 lifts the check, and nothing else does', async (t) => {
  const before = process.env.GUMCP_ALLOW_PRIVATE_URLS;
  t.after(() => {
    if (before === undefined) delete process.env.GUMCP_ALLOW_PRIVATE_URLS;
    else process.env.GUMCP_ALLOW_PRIVATE_URLS = before;
  });
  process.env.GUMCP_ALLOW_PRIVATE_URLS = 'true';
  assert.equal(privateUrlsAllowed(), false);
  await assert.rejects(assertPublicUrl(new URL('http://127.0.0.1/'), SAY), { message: 'refused' });
  process.env.GUMCP_ALLOW_PRIVATE_URLS = '1';
  assert.equal(privateUrlsAllowed(), true);
  await assertPublicUrl(new URL('http://127.0.0.1/'), SAY);
  await assertPublicUrl(new URL('http://unresolvable.invalid/'), {
    ...SAY,
    lookup: async () => assert.fail('no lookup when lifted'),
  });
});
