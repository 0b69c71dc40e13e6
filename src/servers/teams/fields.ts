import { z } from 'zod';

/** Arguments several tools share. */

export const teamId = z.string().min(1).describe('Team id (a GUID, as get_teams returns it)');
export const channelId = z.string().min(1).describe('Channel id, e.g. 19:…@thread.tacv2 (get_team_channels)');

export const content = z.string().min(1).describe('The message: plain text, or HTML (Teams renders it)');
export const contentType = z
  .enum(['text', 'html'])
  .optional()
  .describe('How content is written; by default HTML when it holds tags, else text (escaped)');

/** How many items a listing returns, following pages up to it. */
export const top = (what: string, fallback: number, max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(`Most ${what} to return (default ${fallback}, at most ${max}); pages are followed up to it`);
