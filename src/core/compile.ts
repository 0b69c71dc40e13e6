import type { Prompt, Resource, ResourceTemplateType, Tool } from '@modelcontextprotocol/server';
import { UriTemplate } from '@modelcontextprotocol/server';
import { z } from 'zod';
import {
  type AnyToolDef,
  isTemplate,
  type PromptDef,
  type ResourceTemplateDef,
  type ServerDefinition,
  type StaticResourceDef,
} from './definition.js';

/**
 * What a definition looks like on the wire, computed once per process: the JSON Schemas of every
 * tool, the resource and prompt listings. Sessions share it, so opening one costs no schema work.
 */
export interface CompiledServer {
  readonly definition: ServerDefinition;
  readonly tools: ReadonlyMap<string, AnyToolDef>;
  readonly toolList: { tools: Tool[] };
  readonly staticResources: ReadonlyMap<string, StaticResourceDef>;
  readonly templates: readonly { def: ResourceTemplateDef; matcher: UriTemplate }[];
  readonly resourceList: Resource[];
  readonly templateList: { resourceTemplates: ResourceTemplateType[] };
  readonly prompts: ReadonlyMap<string, PromptDef>;
  readonly promptList: { prompts: Prompt[] };
}

const compiled = new WeakMap<ServerDefinition, CompiledServer>();

export function compile(definition: ServerDefinition): CompiledServer {
  let result = compiled.get(definition);
  if (!result) {
    result = build(definition);
    compiled.set(definition, result);
  }
  return result;
}

/**
 * A tool schema as zod emits it, JSON Schema 2020-12 with its `$schema` kept: MCP 2025-11-25 (SEP-1613)
 * lets a schema declare its dialect, clients must not strip it, and the SDK's own servers send it too.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Tool['inputSchema'] {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...json, type: 'object' } as Tool['inputSchema'];
}

function describeTool(name: string, def: AnyToolDef): Tool {
  return {
    name,
    ...(def.title ? { title: def.title } : {}),
    description: def.description,
    inputSchema: jsonSchema(def.input, 'input'),
    ...(def.output ? { outputSchema: jsonSchema(def.output, 'output') } : {}),
    ...(def.annotations ? { annotations: def.annotations } : {}),
  };
}

function describePrompt(name: string, def: PromptDef): Prompt {
  const shape = def.args?.shape ?? {};
  return {
    name,
    ...(def.title ? { title: def.title } : {}),
    ...(def.description ? { description: def.description } : {}),
    arguments: Object.entries(shape).map(([argName, schema]) => ({
      name: argName,
      ...(schema.description ? { description: schema.description } : {}),
      required: !schema.safeParse(undefined).success,
    })),
  };
}

function build(definition: ServerDefinition): CompiledServer {
  const tools = new Map(Object.entries(definition.tools));
  const resources = definition.resources ?? [];
  const statics = resources.filter((r): r is StaticResourceDef => !isTemplate(r));
  const templates = resources.filter(isTemplate);
  const prompts = new Map(Object.entries(definition.prompts ?? {}));
  const meta = (r: StaticResourceDef | ResourceTemplateDef) => ({
    name: r.name,
    ...(r.title ? { title: r.title } : {}),
    ...(r.description ? { description: r.description } : {}),
    ...(r.mimeType ? { mimeType: r.mimeType } : {}),
  });
  return {
    definition,
    tools,
    toolList: { tools: [...tools].map(([name, def]) => describeTool(name, def)) },
    staticResources: new Map(statics.map((r) => [r.uri, r])),
    templates: templates.map((def) => ({ def, matcher: new UriTemplate(def.uriTemplate) })),
    resourceList: statics.map((r) => ({ uri: r.uri, ...meta(r) })),
    templateList: { resourceTemplates: templates.map((t) => ({ uriTemplate: t.uriTemplate, ...meta(t) })) },
    prompts,
    promptList: { prompts: [...prompts].map(([name, def]) => describePrompt(name, def)) },
  };
}
