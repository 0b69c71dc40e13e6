import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, CanvaApi } from './api.js';
import {
  designSchema,
  folderSchema,
  replySchema,
  threadSchema,
  toDesign,
  toFolder,
  toReply,
  toThread,
} from './shapes.js';
import type { DatasetValue, Design, DesignTypeInput, Reply } from './types.js';

/** Canva's largest page of designs or replies. */
const PAGE = 100;

// Arguments. Ids are checked against Canva's pattern so none can step out of the path it is placed in.

const canvaId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_-]{1,50}$/, `must be a Canva ${what} id (letters, digits, _ and -)`)
    .describe(`The ${what} id`);

const message = z
  .string()
  .min(1)
  .max(2048)
  .describe('The comment text (plain text, at most 2048 characters)');

/** guMCP's loose design_type object, checked into one of Canva's two shapes. */
const designType = z
  .object({
    type: z.enum(['preset', 'custom']).describe('preset (a named type) or custom (a size in pixels)'),
    name: z
      .enum(['doc', 'email', 'presentation', 'whiteboard'])
      .optional()
      .describe('preset: doc, email, presentation or whiteboard'),
    width: z.number().int().min(40).max(8000).optional().describe('custom: width in pixels (40-8000)'),
    height: z.number().int().min(40).max(8000).optional().describe('custom: height in pixels (40-8000)'),
  })
  .transform((t, ctx): DesignTypeInput => {
    if (t.type === 'preset') {
      if (t.name) return { type: 'preset', name: t.name };
      ctx.issues.push({ code: 'custom', input: t, message: 'a preset design_type needs a name' });
    } else {
      if (t.width && t.height) return { type: 'custom', width: t.width, height: t.height };
      ctx.issues.push({ code: 'custom', input: t, message: 'a custom design_type needs width and height' });
    }
    return z.NEVER;
  })
  .describe('{type: "preset", name: "presentation"} or {type: "custom", width: 1080, height: 1080}');

/** A brand template field's value: a string is text; objects are Canva's DatasetValue. */
const datasetValue = z.union([
  z.string().transform((text): DatasetValue => ({ type: 'text', text })),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), asset_id: z.string().min(1) }),
  z.object({ type: z.literal('video'), asset_id: z.string().min(1) }),
  z.object({ type: z.literal('chart'), chart_data: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('sheet'), sheet_data: z.record(z.string(), z.unknown()) }),
]);

const EXPORT_FORMATS = [
  'pdf',
  'png',
  'jpg',
  'gif',
  'pptx',
  'mp4',
  'html_bundle',
  'html_standalone',
  'csv',
] as const;

/** Canva's export format object; jpg and mp4 need a quality, which gets a sensible default. */
function exportFormat(
  type: (typeof EXPORT_FORMATS)[number],
  pages?: number[],
  quality?: string,
): Record<string, unknown> {
  return {
    type,
    ...(type === 'jpg' ? { quality: 90 } : {}),
    ...(type === 'mp4' ? { quality: 'horizontal_1080p' } : {}),
    ...(quality && type !== 'pptx' && type !== 'csv' && !type.startsWith('html')
      ? { export_quality: quality }
      : {}),
    ...(pages?.length ? { pages } : {}),
  };
}

/** A Canva tool: like `tool`, but its handler gets a Canva client bound to the tool's first scope. */
interface CanvaToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, canva: CanvaApi): Promise<z.input<O>>;
}

const designsOutput = z.object({
  count: z.number().int(),
  designs: z.array(designSchema),
  continuation: z.string().nullable().describe('When not null: pass it as continuation for the next designs'),
});

/** The Canva tools, with clients made by `connect` (the seam tests use for fast retries and polls). */
export function canvaTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const canvaTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: CanvaToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes[0])) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    get_user_profile: canvaTool({
      description: "Get the Canva user's profile: their display name.",
      input: z.object({}),
      output: z.object({ display_name: z.string().nullable() }),
      annotations: reads,
      scopes: ['profile:read'],
      async run(_args, canva) {
        return { display_name: (await canva.profile()).display_name ?? null };
      },
    }),

    get_user_details: canvaTool({
      description: "Get the Canva user's id and the id of their team (the ids other tools and mentions use).",
      input: z.object({}),
      output: z.object({ user_id: z.string(), team_id: z.string() }),
      annotations: reads,
      scopes: ['profile:read'],
      async run(_args, canva) {
        const me = await canva.me();
        return { user_id: me.user_id, team_id: me.team_id };
      },
    }),

    get_thread: canvaTool({
      description: 'Get a comment thread of a design: its text, author, assignee and whether it is resolved.',
      input: z.object({ design_id: canvaId('design'), thread_id: canvaId('comment thread') }),
      output: threadSchema,
      annotations: reads,
      scopes: ['comment:read'],
      async run({ design_id, thread_id }, canva) {
        return toThread(await canva.thread(design_id, thread_id));
      },
    }),

    create_reply: canvaTool({
      description: 'Reply to a comment thread of a design (Canva allows 100 replies per thread).',
      input: z.object({
        design_id: canvaId('design'),
        thread_id: canvaId('comment thread'),
        message_plaintext: message,
      }),
      output: replySchema,
      annotations: adds,
      scopes: ['comment:write'],
      async run({ design_id, thread_id, message_plaintext }, canva) {
        return toReply(await canva.createReply(design_id, thread_id, message_plaintext));
      },
    }),

    create_thread: canvaTool({
      description:
        'Start a comment thread on a design, optionally assigned to a user (their user id, from get_user_details).',
      input: z.object({
        design_id: canvaId('design'),
        message_plaintext: message,
        assignee_id: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('User id of the person to assign the comment to'),
      }),
      output: threadSchema,
      annotations: adds,
      scopes: ['comment:write'],
      async run({ design_id, message_plaintext, assignee_id }, canva) {
        return toThread(await canva.createThread(design_id, message_plaintext, assignee_id));
      },
    }),

    list_replies: canvaTool({
      description:
        'List the replies of a comment thread, oldest first, up to limit; continuation (when not null) gets the next ones.',
      input: z.object({
        design_id: canvaId('design'),
        thread_id: canvaId('comment thread'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(PAGE)
          .default(50)
          .describe('Most replies to return (1-100, default 50)'),
        continuation: z.string().min(1).optional().describe('continuation of an earlier call'),
      }),
      output: z.object({
        count: z.number().int(),
        replies: z.array(replySchema),
        continuation: z.string().nullable(),
      }),
      annotations: reads,
      scopes: ['comment:read'],
      async run({ design_id, thread_id, limit, continuation }, canva) {
        const replies: Reply[] = [];
        let next = continuation;
        do {
          const page = await canva.listReplies(design_id, thread_id, limit - replies.length, next);
          replies.push(...page.items);
          // An empty page or a repeated token would loop: the list ends there.
          next = page.items.length && page.continuation !== next ? page.continuation : undefined;
        } while (next && replies.length < limit);
        return { count: replies.length, replies: replies.map(toReply), continuation: next ?? null };
      },
    }),

    get_reply: canvaTool({
      description: 'Get one reply of a comment thread.',
      input: z.object({
        design_id: canvaId('design'),
        thread_id: canvaId('comment thread'),
        reply_id: canvaId('reply'),
      }),
      output: replySchema,
      annotations: reads,
      scopes: ['comment:read'],
      async run({ design_id, thread_id, reply_id }, canva) {
        return toReply(await canva.reply(design_id, thread_id, reply_id));
      },
    }),

    get_design: canvaTool({
      description:
        "Get a design's metadata: title, owner, edit and view links, thumbnail, page count. With export_format " +
        'it also exports the design (an asynchronous job, waited for with progress) and returns the download ' +
        'URLs, valid for 24 hours.',
      input: z.object({
        design_id: canvaId('design'),
        export_format: z.enum(EXPORT_FORMATS).optional().describe('Also export the design to this format'),
        export_pages: z
          .array(z.number().int().min(1))
          .min(1)
          .optional()
          .describe('Export only these pages (numbered from 1); default all'),
        export_quality: z
          .enum(['regular', 'pro'])
          .optional()
          .describe('pro needs the premium elements to be licensed (Canva Pro); default regular'),
      }),
      output: designSchema.extend({
        export: z
          .object({ job_id: z.string(), format: z.string(), urls: z.array(z.string()) })
          .optional()
          .describe('With export_format: the download URLs (one per page for images, else one file)'),
      }),
      annotations: reads,
      scopes: ['design:meta:read', 'design:content:read'],
      async run({ design_id, export_format, export_pages, export_quality }, canva) {
        const design = toDesign(await canva.design(design_id));
        if (!export_format) return design;
        const exported = await canva.exportDesign(
          design_id,
          exportFormat(export_format, export_pages, export_quality),
        );
        return { ...design, export: { ...exported, format: export_format } };
      },
    }),

    list_designs: canvaTool({
      description:
        "List or search the user's designs (owned and shared), following pages up to limit; continuation " +
        '(when not null) gets the next ones.',
      input: z.object({
        query: z.string().max(255).optional().describe('Search terms matched against titles and content'),
        continuation: z.string().min(1).optional().describe('continuation of an earlier call'),
        ownership: z.enum(['any', 'owned', 'shared']).optional().describe('any (default), owned or shared'),
        sort_by: z
          .enum([
            'relevance',
            'modified_descending',
            'modified_ascending',
            'title_descending',
            'title_ascending',
          ])
          .optional()
          .describe('Order (default relevance)'),
        limit: z.number().int().min(1).max(1000).default(25).describe('Most designs to return (default 25)'),
      }),
      output: designsOutput,
      annotations: reads,
      scopes: ['design:meta:read'],
      async run({ limit, continuation, ...filters }, canva) {
        const designs: Design[] = [];
        let next = continuation;
        do {
          const page = await canva.listDesigns({
            ...filters,
            continuation: next,
            limit: Math.min(PAGE, limit - designs.length),
          });
          designs.push(...page.items);
          next = page.items.length && page.continuation !== next ? page.continuation : undefined;
        } while (next && designs.length < limit);
        return { count: designs.length, designs: designs.map(toDesign), continuation: next ?? null };
      },
    }),

    create_design: canvaTool({
      description:
        'Create a design: of design_type (a preset or a custom size), with an image asset_id, titled title. ' +
        'An image can be uploaded first from asset_url or asset_base64 (asset_name names it). With ' +
        'brand_template_id and autofill_data the design is made from a brand template (Canva Enterprise); ' +
        'with resize_design_id it is a resized copy of that design in design_type (Canva Pro). Uploads, ' +
        'autofills and resizes are jobs this tool waits for, reporting progress.',
      input: z.object({
        design_type: designType.optional(),
        asset_id: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('An image asset in the user’s uploads to put in the design'),
        title: z.string().min(1).max(255).optional().describe('The title of the new design'),
        asset_url: z
          .url()
          .max(2048)
          .optional()
          .describe('Upload this public image or video URL first and use it'),
        asset_base64: z.string().min(1).optional().describe('Upload these bytes (base64) first and use them'),
        asset_name: z
          .string()
          .min(1)
          .max(255)
          .optional()
          .describe('Name of the uploaded asset (default: title or "Upload")'),
        brand_template_id: canvaId('brand template').optional().describe('Fill this brand template instead'),
        autofill_data: z
          .record(z.string(), datasetValue)
          .optional()
          .describe(
            'Brand template fields by name: a string for text, or {type: "image", asset_id} and the like',
          ),
        resize_design_id: canvaId('design').optional().describe('Make a resized copy of this design instead'),
      }),
      output: z.object({
        design: designSchema,
        created_by: z.enum(['create', 'autofill', 'resize']),
        asset_id: z.string().optional().describe('The uploaded asset, when one was uploaded'),
      }),
      annotations: adds,
      scopes: [
        'design:content:write',
        'design:content:read',
        'asset:write',
        'asset:read',
        'brandtemplate:content:read',
      ],
      async run(args, canva) {
        const { design_type, title } = args;
        if (args.resize_design_id) {
          if (!design_type) throw new ToolError('design_type: a resize needs the new design_type');
          if (args.brand_template_id || args.asset_id || args.asset_url || args.asset_base64) {
            throw new ToolError('resize_design_id cannot be combined with an asset or a brand template');
          }
          return {
            design: toDesign(await canva.resize(args.resize_design_id, design_type)),
            created_by: 'resize' as const,
          };
        }
        if (args.brand_template_id) {
          if (!args.autofill_data)
            throw new ToolError('autofill_data: a brand template needs its field values');
          const data = args.autofill_data as Record<string, DatasetValue>;
          return {
            design: toDesign(await canva.autofill(args.brand_template_id, data, title)),
            created_by: 'autofill' as const,
          };
        }
        const sources = [args.asset_id, args.asset_url, args.asset_base64].filter((s) => s !== undefined);
        if (sources.length > 1) throw new ToolError('Give one of asset_id, asset_url and asset_base64');
        let assetId = args.asset_id;
        const name = args.asset_name ?? title ?? 'Upload';
        if (args.asset_url) assetId = await canva.uploadAssetFromUrl(name, args.asset_url);
        if (args.asset_base64) {
          const clean = args.asset_base64.replace(/\s/g, '');
          if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new ToolError('asset_base64 is not valid base64');
          assetId = await canva.uploadAsset(name, Buffer.from(clean, 'base64'));
        }
        if (!design_type && !assetId) {
          throw new ToolError('Give design_type, an asset (asset_id, asset_url or asset_base64), or both');
        }
        const design = await canva.createDesign({
          ...(design_type ? { design_type } : {}),
          ...(assetId ? { asset_id: assetId } : {}),
          ...(title ? { title } : {}),
        });
        const uploaded = assetId && assetId !== args.asset_id ? { asset_id: assetId } : {};
        return { design: toDesign(design), created_by: 'create' as const, ...uploaded };
      },
    }),

    create_folder: canvaTool({
      description:
        'Create a folder in the user’s projects, inside parent_folder_id ("root" for the top level).',
      input: z.object({
        name: z.string().min(1).max(255).describe('The folder name'),
        parent_folder_id: z
          .string()
          .trim()
          .min(1)
          .max(50)
          .regex(/^[a-zA-Z0-9_-]+$/, 'must be a Canva folder id, or root')
          .describe('The folder to create it in: a folder id, or "root" for the top level of projects'),
      }),
      output: folderSchema,
      annotations: adds,
      scopes: ['folder:write'],
      async run({ name, parent_folder_id }, canva) {
        return toFolder(await canva.createFolder(name, parent_folder_id));
      },
    }),

    get_folder: canvaTool({
      description: 'Get a folder’s name, thumbnail and times.',
      input: z.object({ folder_id: canvaId('folder') }),
      output: folderSchema,
      annotations: reads,
      scopes: ['folder:read'],
      async run({ folder_id }, canva) {
        return toFolder(await canva.folder(folder_id));
      },
    }),

    update_folder: canvaTool({
      description: 'Rename a folder.',
      input: z.object({
        folder_id: canvaId('folder'),
        name: z.string().min(1).max(255).describe('The new name'),
      }),
      output: folderSchema,
      annotations: sets,
      scopes: ['folder:write'],
      async run({ folder_id, name }, canva) {
        return toFolder(await canva.updateFolder(folder_id, name));
      },
    }),

    delete_folder: canvaTool({
      description:
        'Delete a folder. What it holds goes to the trash (content the user owns) or back to its owner (shared content).',
      input: z.object({ folder_id: canvaId('folder') }),
      output: z.object({ deleted: z.boolean(), folder_id: z.string() }),
      annotations: overwrites,
      scopes: ['folder:write'],
      async run({ folder_id }, canva) {
        await canva.deleteFolder(folder_id);
        return { deleted: true, folder_id };
      },
    }),
  };
}
