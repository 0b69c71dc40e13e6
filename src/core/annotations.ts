import type { ToolAnnotations } from '@modelcontextprotocol/server';

/**
 * The tool annotations integrations need, by what a tool does to the service it calls. Spread one
 * into a tool's `annotations` (with a `title` if wanted); each says the tool reaches an open world
 * (a service outside this host).
 */

/** Reads only. */
export const reads: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};

/** A write: destructive when it overwrites or removes; idempotent when repeating it changes nothing more. */
export function writes(destructive: boolean, idempotent: boolean): ToolAnnotations {
  return {
    readOnlyHint: false,
    destructiveHint: destructive,
    idempotentHint: idempotent,
    openWorldHint: true,
  };
}

/** Adds something new; calling twice adds it twice. */
export const adds = writes(false, false);

/** Sets a state without destroying anything (e.g. a star); calling twice changes nothing more. */
export const sets = writes(false, true);

/** Overwrites or removes what exists; calling twice changes nothing more. */
export const overwrites = writes(true, true);
