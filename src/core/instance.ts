import {
  type CallToolResult,
  type CompleteResult,
  type CreateMessageResult,
  type ListResourcesResult,
  ProtocolError,
  ProtocolErrorCode,
  type ReadResourceResult,
  ResourceNotFoundError,
  SdkError,
  SdkErrorCode,
  Server,
  type ServerCapabilities,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { z } from 'zod';
import type { CompiledServer } from './compile.js';
import type { SessionContext, ToolContext } from './context.js';
import { type AnyToolDef, WithContent } from './definition.js';
import { AuthRequiredError, ToolError } from './errors.js';

export type ToolOutcome = 'ok' | 'error' | 'invalid_arguments';

/** Observers of what a server instance does, for metrics. */
export interface InstanceHooks {
  /** A call begins: with onToolCall at its end, this says which calls are in flight (a drain waits for them). */
  onToolStart?(server: string, tool: string): void;
  onToolCall?(server: string, tool: string, outcome: ToolOutcome, seconds: number): void;
}

const MAX_COMPLETIONS = 100;

/** Formats zod issues as "path: message" lines, so a caller knows which argument is wrong and why. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(arguments)'}: ${issue.message}`)
    .join('; ');
}

/** What the user reads for a tool error: a sign-in problem says how to sign in on this transport. */
function userMessage(error: ToolError, session: SessionContext): string {
  return error instanceof AuthRequiredError && session.signInAdvice
    ? error.advise(session.signInAdvice())
    : error.message;
}

function textResult(text: string, isError = false): CallToolResult {
  return { content: [{ type: 'text', text }], ...(isError ? { isError: true } : {}) };
}

/**
 * Runs a request to the client that needs `feature` (sampling, elicitation). A client that did not
 * declare it would only answer "method not found"; saying what is missing lets the user switch clients.
 */
async function viaClient<T>(declared: boolean, feature: string, call: () => Promise<T>): Promise<T> {
  const missing = () =>
    new ToolError(`This tool needs a client that supports ${feature}; the connected client does not.`);
  if (!declared) throw missing();
  try {
    return await call();
  } catch (error) {
    if (error instanceof SdkError && error.code === SdkErrorCode.CapabilityNotSupported) throw missing();
    throw error;
  }
}

function toolContext(session: SessionContext, ctx: ServerContext, server: Server): ToolContext {
  const req = ctx.mcpReq;
  const client = () => server.getClientCapabilities();
  return {
    serverId: session.serverId,
    userId: session.userId,
    store: session.store,
    credentials: () => session.credentials(),
    log: session.log,
    ...(session.signInAdvice ? { signInAdvice: session.signInAdvice } : {}),
    signal: req.signal,
    async progress(progress, total, message) {
      const progressToken = req._meta?.progressToken;
      if (progressToken === undefined) return;
      await req.notify({
        method: 'notifications/progress',
        params: {
          progressToken,
          progress,
          ...(total !== undefined ? { total } : {}),
          ...(message ? { message } : {}),
        },
      });
    },
    notify: (level, data) => req.log(level, data),
    elicit: (params) => viaClient(!!client()?.elicitation, 'elicitation', () => req.elicitInput(params)),
    sample: (params) =>
      viaClient(
        !!client()?.sampling,
        'sampling',
        async () => (await req.requestSampling(params)) as CreateMessageResult,
      ),
    closeStream: () => ctx.http?.closeSSE?.(),
  };
}

async function runTool(
  name: string,
  def: AnyToolDef,
  rawArgs: unknown,
  ctx: ToolContext,
): Promise<{ outcome: ToolOutcome; result: CallToolResult }> {
  const args = def.input.safeParse(rawArgs ?? {});
  if (!args.success) {
    return {
      outcome: 'invalid_arguments',
      result: textResult(`Invalid arguments for tool ${name}: ${describeIssues(args.error)}`, true),
    };
  }
  try {
    const value = await def.handler(args.data, ctx);
    if (def.output) {
      const [structured, extra] = value instanceof WithContent ? [value.data, value.content] : [value, []];
      const data = def.output.safeParse(structured);
      if (!data.success) {
        ctx.log.error(
          { tool: name, issues: describeIssues(data.error) },
          'tool returned data outside its schema',
        );
        return { outcome: 'error', result: textResult(`Tool ${name} failed: internal error`, true) };
      }
      const structuredContent = data.data as Record<string, unknown>;
      const text = { type: 'text' as const, text: JSON.stringify(structuredContent) };
      return { outcome: 'ok', result: { content: [text, ...extra], structuredContent } };
    }
    const reply = value as string | CallToolResult;
    return { outcome: 'ok', result: typeof reply === 'string' ? textResult(reply) : reply };
  } catch (error) {
    if (error instanceof ToolError)
      return { outcome: 'error', result: textResult(userMessage(error, ctx), true) };
    ctx.log.error({ tool: name, err: error }, 'tool failed unexpectedly');
    return { outcome: 'error', result: textResult(`Tool ${name} failed: internal error`, true) };
  }
}

function capabilities(c: CompiledServer): ServerCapabilities {
  const def = c.definition;
  const hasResources = c.resourceList.length > 0 || c.templates.length > 0;
  const hasCompletions =
    [...c.prompts.values()].some((p) => p.complete) || c.templates.some((t) => t.def.complete);
  return {
    tools: {},
    logging: {},
    ...(hasResources ? { resources: def.resourceSubscriptions ? { subscribe: true } : {} } : {}),
    ...(c.prompts.size > 0 ? { prompts: {} } : {}),
    ...(hasCompletions ? { completions: {} } : {}),
  };
}

/** Resource listing walks the templates in order; the cursor says which template and its own cursor. */
interface ResourceCursor {
  t: number;
  c?: string;
}

function decodeCursor(cursor: string | undefined): ResourceCursor {
  if (!cursor) return { t: -1 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as ResourceCursor;
    if (Number.isInteger(parsed.t) && parsed.t >= 0) return parsed;
  } catch {
    // fall through to the error below
  }
  throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid cursor');
}

const encodeCursor = (cursor: ResourceCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/**
 * Builds the MCP server object for one session from a compiled definition. Cheap: every list and
 * schema comes precomputed from `compile`, and handlers close over the session.
 */
export function createServerInstance(
  c: CompiledServer,
  session: SessionContext,
  hooks: InstanceHooks = {},
): Server {
  const def = c.definition;
  const caps = capabilities(c);
  const server = new Server(
    { name: def.id, title: def.name, version: def.version ?? '1.0.0' },
    { capabilities: caps, ...(def.instructions ? { instructions: def.instructions } : {}) },
  );

  server.setRequestHandler('tools/list', () => c.toolList);
  server.setRequestHandler('tools/call', async (request, ctx) => {
    const { name, arguments: args } = request.params;
    const tool = c.tools.get(name);
    if (!tool) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${name}`);
    const started = performance.now();
    hooks.onToolStart?.(def.id, name);
    let outcome: ToolOutcome = 'error';
    try {
      const ran = await runTool(name, tool, args, toolContext(session, ctx, server));
      outcome = ran.outcome;
      return ran.result;
    } finally {
      hooks.onToolCall?.(def.id, name, outcome, (performance.now() - started) / 1000);
    }
  });

  if (c.resourceList.length > 0 || c.templates.length > 0) {
    server.setRequestHandler('resources/list', async (request, ctx): Promise<ListResourcesResult> => {
      let { t, c: inner } = decodeCursor(request.params?.cursor);
      const resources = t < 0 ? [...c.resourceList] : [];
      const tctx = toolContext(session, ctx, server);
      for (t = Math.max(t, 0); t < c.templates.length; t++, inner = undefined) {
        const list = c.templates[t]?.def.list;
        if (!list) continue;
        const page = await list.call(c.templates[t]?.def, tctx, inner);
        resources.push(...page.resources);
        if (page.nextCursor) return { resources, nextCursor: encodeCursor({ t, c: page.nextCursor }) };
        if (resources.length > 0 && t + 1 < c.templates.length) {
          return { resources, nextCursor: encodeCursor({ t: t + 1 }) };
        }
      }
      return { resources };
    });
    server.setRequestHandler('resources/templates/list', () => c.templateList);
    server.setRequestHandler('resources/read', async (request, ctx): Promise<ReadResourceResult> => {
      const { uri } = request.params;
      const tctx = toolContext(session, ctx, server);
      const fixed = c.staticResources.get(uri);
      if (fixed) return { contents: await fixed.read(tctx) };
      for (const { def: template, matcher } of c.templates) {
        const vars = matcher.match(uri);
        if (vars) {
          const flat = Object.fromEntries(
            Object.entries(vars).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
          );
          try {
            return { contents: await template.read(uri, flat, tctx) };
          } catch (error) {
            if (error instanceof ToolError)
              throw new ProtocolError(ProtocolErrorCode.InvalidParams, userMessage(error, session));
            throw error;
          }
        }
      }
      throw new ResourceNotFoundError(uri, `Resource not found: ${uri}`);
    });
    if (def.resourceSubscriptions) {
      server.setRequestHandler('resources/subscribe', () => ({}));
      server.setRequestHandler('resources/unsubscribe', () => ({}));
    }
  }

  if (c.prompts.size > 0) {
    server.setRequestHandler('prompts/list', () => c.promptList);
    server.setRequestHandler('prompts/get', async (request, ctx) => {
      const { name, arguments: rawArgs } = request.params;
      const prompt = c.prompts.get(name);
      if (!prompt) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${name}`);
      const args = prompt.args ? prompt.args.safeParse(rawArgs ?? {}) : { success: true as const, data: {} };
      if (!args.success) {
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Invalid arguments for prompt ${name}: ${describeIssues(args.error)}`,
        );
      }
      return prompt.get(args.data, toolContext(session, ctx, server));
    });
  }

  if (caps.completions) {
    server.setRequestHandler('completion/complete', async (request): Promise<CompleteResult> => {
      const { ref, argument } = request.params;
      const completer =
        ref.type === 'ref/prompt'
          ? c.prompts.get(ref.name)?.complete?.[argument.name]
          : c.templates.find((t) => t.def.uriTemplate === ref.uri)?.def.complete?.[argument.name];
      const values = completer ? await completer(argument.value) : [];
      return {
        completion: {
          values: values.slice(0, MAX_COMPLETIONS),
          total: values.length,
          hasMore: values.length > MAX_COMPLETIONS,
        },
      };
    });
  }

  return server;
}
