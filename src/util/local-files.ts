import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ToolError } from '../core/errors.js';

/**
 * guMCP's file tools (OneDrive's and SharePoint's upload_file and download_file) read and write files
 * on the machine running the server. On the shared host that machine is the host's, so local files
 * are off unless `GUMCP_LOCAL_FILES_DIR` names a directory: then paths are read and written under it
 * only (relative paths resolve in it, symbolic links may not lead out of it). Set it where gumcp runs
 * for one person, over stdio.
 */
export const LOCAL_FILES_VARIABLE = 'GUMCP_LOCAL_FILES_DIR';

/** A file's bytes, read a range at a time so a large upload is never held in memory whole. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Bytes already in memory (content given in a tool's arguments, a document just built) as a source. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
    close: async () => undefined,
  };
}

/** Whether this process may touch local files at all. */
export const localFilesAllowed = (): boolean => Boolean(process.env[LOCAL_FILES_VARIABLE]);

/** The local files directory, as configured (absolute) and with its links resolved. */
async function root(arg: string): Promise<{ given: string; real: string }> {
  const dir = process.env[LOCAL_FILES_VARIABLE];
  if (!dir) {
    throw new ToolError(
      `${arg}: this gumcp server does not read or write local files (${LOCAL_FILES_VARIABLE} is not set where it runs)`,
    );
  }
  try {
    const real = await realpath(dir);
    if ((await stat(real)).isDirectory()) return { given: resolve(dir), real };
  } catch {
    // reported below
  }
  throw new ToolError(`${arg}: ${LOCAL_FILES_VARIABLE} does not name a directory`);
}

/**
 * `path` resolved in the directory, refused before the disk is asked when it lies outside (so an
 * answer cannot tell what exists there); where links lead is checked after, against `real`.
 */
async function locate(arg: string, path: string): Promise<{ real: string; target: string }> {
  const { given, real } = await root(arg);
  const target = resolve(real, path);
  if (!inside(real, target) && !inside(given, resolve(given, path))) {
    throw new ToolError(`${arg}: ${path} is outside ${LOCAL_FILES_VARIABLE}`);
  }
  return { real, target };
}

/** Whether `target` is `base` or under it ("..notes.txt" in it is; "../notes.txt" is not). */
const inside = (base: string, target: string) => {
  const rel = relative(base, target);
  return rel === '' || (rel.split(sep)[0] !== '..' && !isAbsolute(rel));
};

const notFound = (code: unknown) => code === 'ENOENT' || code === 'ENOTDIR';

/** Opens a file under the local files directory for reading, in ranges. */
export async function openLocalFile(arg: string, path: string): Promise<ByteSource> {
  const { real: base, target } = await locate(arg, path);
  let real: string;
  try {
    real = await realpath(target);
  } catch (error) {
    if (notFound((error as NodeJS.ErrnoException).code)) throw new ToolError(`${arg}: no file at ${path}`);
    throw new ToolError(`${arg}: ${path} cannot be read`);
  }
  if (!inside(base, real)) throw new ToolError(`${arg}: ${path} is outside ${LOCAL_FILES_VARIABLE}`);
  const info = await stat(real);
  if (!info.isFile()) throw new ToolError(`${arg}: ${path} is not a file`);
  // O_NOFOLLOW: a link swapped in after the check above is not followed out of the directory.
  const handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(() => {
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
  const located = await locate(arg, path);
  const base = located.real;
  let target = located.target;
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
