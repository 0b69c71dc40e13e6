import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ToolError } from '../../core/errors.js';
import type { ByteSource } from '../../providers/microsoft/drive.js';

/**
 * guMCP's upload_file and download_file read and write files on the machine running the server. On
 * the shared host that machine is the host's, so local files are off unless `GUMCP_LOCAL_FILES_DIR`
 * names a directory: then paths are read and written under it only (relative paths resolve in it,
 * symbolic links may not lead out of it). Set it where gumcp runs for one person, over stdio.
 */
export const LOCAL_FILES_VARIABLE = 'GUMCP_LOCAL_FILES_DIR';

/** Whether this process may touch local files at all. */
export const localFilesAllowed = (): boolean => Boolean(process.env[LOCAL_FILES_VARIABLE]);

async function root(arg: string): Promise<string> {
  const dir = process.env[LOCAL_FILES_VARIABLE];
  if (!dir) {
    throw new ToolError(
      `${arg}: this gumcp server does not read or write local files (${LOCAL_FILES_VARIABLE} is not set where it runs)`,
    );
  }
  try {
    const real = await realpath(dir);
    if ((await stat(real)).isDirectory()) return real;
  } catch {
    // reported below
  }
  throw new ToolError(`${arg}: ${LOCAL_FILES_VARIABLE} does not name a directory`);
}

const inside = (base: string, target: string) => {
  const rel = relative(base, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

const notFound = (code: unknown) => code === 'ENOENT' || code === 'ENOTDIR';

/** Opens a file under the local files directory for reading, in ranges. */
export async function openLocalFile(arg: string, path: string): Promise<ByteSource> {
  const base = await root(arg);
  let real: string;
  try {
    real = await realpath(resolve(base, path));
  } catch (error) {
    if (notFound((error as NodeJS.ErrnoException).code)) throw new ToolError(`${arg}: no file at ${path}`);
    throw new ToolError(`${arg}: ${path} cannot be read`);
  }
  if (!inside(base, real)) throw new ToolError(`${arg}: ${path} is outside ${LOCAL_FILES_VARIABLE}`);
  const info = await stat(real);
  if (!info.isFile()) throw new ToolError(`${arg}: ${path} is not a file`);
  const handle = await open(real, 'r').catch(() => {
    throw new ToolError(`${arg}: ${path} cannot be read`);
  });
  return {
    size: info.size,
    async read(offset, length) {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

/**
 * Writes a file under the local files directory, replacing a file already there; a directory as the
 * destination gets the file under `name`. Returns where it was written.
 */
export async function writeLocalFile(
  arg: string,
  path: string,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const base = await root(arg);
  let target = resolve(base, path);
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) target = join(target, basename(name));
  let parent: string;
  try {
    parent = await realpath(dirname(target));
  } catch {
    throw new ToolError(`${arg}: the folder of ${path} does not exist`);
  }
  if (!inside(base, parent)) throw new ToolError(`${arg}: ${path} is outside ${LOCAL_FILES_VARIABLE}`);
  target = join(parent, basename(target));
  if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) {
    throw new ToolError(`${arg}: ${path} is a symbolic link; give the path of a file`);
  }
  // O_NOFOLLOW: a link swapped in after the check above is not followed out of the directory.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);
  try {
    const handle = await open(target, flags, 0o644);
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
  } catch {
    throw new ToolError(`${arg}: ${path} cannot be written`);
  }
  return target;
}
