import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import {
  bytesSource,
  LOCAL_FILES_VARIABLE,
  localFilesAllowed,
  openLocalFile,
  writeLocalFile,
} from '../local-files.js';

/** A local files directory for this test only, with GUMCP_LOCAL_FILES_DIR naming it. */
async function localDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gumcp-local-'));
  process.env[LOCAL_FILES_VARIABLE] = dir;
  t.after(async () => {
    delete process.env[LOCAL_FILES_VARIABLE];
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** A directory beside the local one, where nothing may be read or written. */
async function outsideDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gumcp-outside-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'secret.txt'), 'secret');
  return dir;
}

const refusal = (arg: string, message: string) => ({ name: 'ToolError', message: `${arg}: ${message}` });

test('without GUMCP_LOCAL_FILES_DIR nothing local is read or written, and the error says why', async () => {
  delete process.env[LOCAL_FILES_VARIABLE];
  const off = `this gumcp server does not read or write local files (${LOCAL_FILES_VARIABLE} is not set where it runs)`;

  assert.equal(localFilesAllowed(), false);
  await assert.rejects(openLocalFile('local_file_path', '/etc/hostname'), refusal('local_file_path', off));
  await assert.rejects(
    writeLocalFile('download_path', '/tmp/x.txt', 'x.txt', Buffer.from('x')),
    refusal('download_path', off),
  );
});

test('a variable that names no directory is refused', async (t) => {
  const dir = await localDir(t);
  process.env[LOCAL_FILES_VARIABLE] = join(dir, 'missing');

  await assert.rejects(
    openLocalFile('file_path', 'a.txt'),
    refusal('file_path', `${LOCAL_FILES_VARIABLE} does not name a directory`),
  );
});

test('a file under the directory is read in ranges, by a relative or an absolute path', async (t) => {
  const dir = await localDir(t);
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, 'docs', 'a.txt'), 'abcdefghij');
  await writeFile(join(dir, '..notes.txt'), 'dots in a name');

  const relative = await openLocalFile('file_path', 'docs/a.txt');
  const absolute = await openLocalFile('file_path', join(dir, 'docs', 'a.txt'));
  const dotted = await openLocalFile('file_path', '..notes.txt');

  assert.equal(localFilesAllowed(), true);
  assert.equal(relative.size, 10);
  assert.deepEqual(Buffer.from(await relative.read(2, 3)).toString(), 'cde');
  assert.deepEqual(Buffer.from(await relative.read(8, 5)).toString(), 'ij');
  assert.deepEqual(Buffer.from(await absolute.read(0, 10)).toString(), 'abcdefghij');
  assert.equal(dotted.size, 14);
  await Promise.all([relative.close(), absolute.close(), dotted.close()]);
});

test('a variable naming the directory through a link works with paths written either way', async (t) => {
  const dir = await localDir(t);
  const outside = await outsideDir(t);
  await writeFile(join(dir, 'a.txt'), 'through a link');
  const alias = join(outside, 'alias');
  await symlink(dir, alias);
  process.env[LOCAL_FILES_VARIABLE] = alias;

  const viaAlias = await openLocalFile('file_path', join(alias, 'a.txt'));
  const viaReal = await openLocalFile('file_path', join(dir, 'a.txt'));

  assert.deepEqual([viaAlias.size, viaReal.size], [14, 14]);
  await Promise.all([viaAlias.close(), viaReal.close()]);
  await assert.rejects(
    openLocalFile('file_path', '../secret.txt'),
    refusal('file_path', `../secret.txt is outside ${LOCAL_FILES_VARIABLE}`),
  );
});

test('reading never leaves the directory: .., an absolute path elsewhere and links out are refused', async (t) => {
  const dir = await localDir(t);
  const outside = await outsideDir(t);
  await symlink(join(outside, 'secret.txt'), join(dir, 'link.txt'));
  await symlink(outside, join(dir, 'away'));
  await mkdir(join(dir, 'folder'));
  const read = (path: string) => openLocalFile('file_path', path);
  const out = (path: string) => refusal('file_path', `${path} is outside ${LOCAL_FILES_VARIABLE}`);

  await assert.rejects(read('../secret.txt'), out('../secret.txt'));
  await assert.rejects(read(join(outside, 'secret.txt')), out(join(outside, 'secret.txt')));
  await assert.rejects(read('link.txt'), out('link.txt'));
  await assert.rejects(read('away/secret.txt'), out('away/secret.txt'));
  await assert.rejects(read('none.txt'), refusal('file_path', 'no file at none.txt'));
  await assert.rejects(read('folder'), refusal('file_path', 'folder is not a file'));
});

test('a file is written under the directory, replacing one there; a folder as the destination gets its name', async (t) => {
  const dir = await localDir(t);
  await mkdir(join(dir, 'in'));
  await writeFile(join(dir, 'old.txt'), 'old content that is longer');

  const replaced = await writeLocalFile('download_path', 'old.txt', 'report.txt', Buffer.from('new'));
  const intoFolder = await writeLocalFile('download_path', 'in', 'sub/report.txt', Buffer.from('named'));

  assert.equal(replaced, join(dir, 'old.txt'));
  assert.equal(await readFile(replaced, 'utf8'), 'new');
  assert.equal(intoFolder, join(dir, 'in', 'report.txt'));
  assert.equal(await readFile(intoFolder, 'utf8'), 'named');
});

test('writing never leaves the directory: .., a link to a file or a folder outside, a missing folder', async (t) => {
  const dir = await localDir(t);
  const outside = await outsideDir(t);
  await symlink(join(outside, 'secret.txt'), join(dir, 'link.txt'));
  await symlink(outside, join(dir, 'away'));
  const write = (path: string) => writeLocalFile('download_path', path, 'x.txt', Buffer.from('overwritten'));

  await assert.rejects(
    write('../x.txt'),
    refusal('download_path', `../x.txt is outside ${LOCAL_FILES_VARIABLE}`),
  );
  await assert.rejects(
    write('link.txt'),
    refusal('download_path', 'link.txt is a symbolic link; give the path of a file'),
  );
  await assert.rejects(
    write('away/x.txt'),
    refusal('download_path', `away/x.txt is outside ${LOCAL_FILES_VARIABLE}`),
  );
  await assert.rejects(
    write('missing/x.txt'),
    refusal('download_path', 'the folder of missing/x.txt does not exist'),
  );
  assert.equal(await readFile(join(outside, 'secret.txt'), 'utf8'), 'secret');
});

test('bytes in memory read as a source in ranges', async () => {
  const source = bytesSource(Buffer.from('0123456789'));

  assert.equal(source.size, 10);
  assert.equal(Buffer.from(await source.read(3, 4)).toString(), '3456');
  assert.equal(Buffer.from(await source.read(8, 10)).toString(), '89');
  await source.close();
});
