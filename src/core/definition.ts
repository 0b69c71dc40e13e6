import type {
  ContentBlock,
  GetPromptResult,
  ReadResourceResult,
  Resource,
  ToolAnnotations,
} from '@modelcontextprotocol/server';
import type { z } from 'zod';
import type { ToolContext } from './context.js';

/** How a user authenticates to the service behind a server. */
export type AuthSpec = { kind: 'none' } | ApiKeyAuth | OAuth2Auth;

export interface ApiKeyAuth {
  kind: 'api_key';
  /** The fields a user types in (`gumcp auth` prompts for each), e.g. `api_key`. */
  fields: readonly { name: string; label: string; secret?: boolean }[];
}

export interface OAuth2Auth {
  kind: 'oauth2';
  /** The provider's endpoints and quirks, shared by servers of one provider (e.g. Google). */
  provider: OAuthProvider;
  /** Scopes requested at login. */
  scopes: readonly string[];
}

/** Per-provider differences of the OAuth 2.0 authorization-code flow, as data. */
export interface OAuthProvider {
  /** Folder name under local_auth/ (guMCP's layout), e.g. `slack`, `gmail`. */
  service: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** How scopes are joined in the authorize request. */
  scopeSeparator?: ' ' | ',' | '+';
  /** How the client authenticates at the token endpoint. */
  tokenEndpointAuth?: 'client_secret_basic' | 'client_secret_post';
  /** Extra query parameters for the authorize request (e.g. Google's access_type=offline). */
  authorizeParams?: Readonly<Record<string, string>>;
  /** Token response fields to keep besides the standard ones (e.g. Slack's `team`). */
  keepTokenFields?: readonly string[];
}

/** What a tool handler may return when the tool has no output schema. */
export type ToolReply = string | { content: ContentBlock[] };

export interface ToolDef<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject | undefined = undefined> {
  title?: string;
  description: string;
  input: I;
  /** When present, the handler returns data of this shape, sent as structured content. */
  output?: O;
  annotations?: ToolAnnotations;
  /** OAuth scopes the tool needs, listed in the registry. */
  scopes?: readonly string[];
  handler(args: z.output<I>, ctx: ToolContext): Promise<O extends z.ZodObject ? z.input<O> : ToolReply>;
}

/** A tool with its type parameters erased, for collections of tools. */
export type AnyToolDef = ToolDef<z.ZodObject, z.ZodObject | undefined>;

/** A resource with a fixed URI. */
export interface StaticResourceDef {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  read(ctx: ToolContext): Promise<ReadResourceResult['contents']>;
}

/** A family of resources under one URI template (e.g. `gdrive:///{fileId}`), listed with pagination. */
export interface ResourceTemplateDef {
  uriTemplate: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /** Lists concrete resources of this template, one page per call. */
  list?(
    ctx: ToolContext,
    cursor: string | undefined,
  ): Promise<{ resources: Resource[]; nextCursor?: string }>;
  read(uri: string, vars: Record<string, string>, ctx: ToolContext): Promise<ReadResourceResult['contents']>;
  /** Completions for template variables, by variable name. */
  complete?: Readonly<Record<string, (value: string) => string[] | Promise<string[]>>>;
}

export type ResourceDef = StaticResourceDef | ResourceTemplateDef;

export interface PromptDef<A extends z.ZodObject = z.ZodObject> {
  title?: string;
  description?: string;
  args?: A;
  /** Completions for arguments, by argument name. */
  complete?: Readonly<Record<string, (value: string) => string[] | Promise<string[]>>>;
  get(args: z.output<A>, ctx: ToolContext): GetPromptResult | Promise<GetPromptResult>;
}

export interface ServerDefinition {
  /** The folder name under src/servers/ and the first path segment of its URLs. */
  id: string;
  name: string;
  description: string;
  version?: string;
  instructions?: string;
  auth: AuthSpec;
  tools: Readonly<Record<string, AnyToolDef>>;
  resources?: readonly ResourceDef[];
  /** Whether clients may subscribe to resource updates. */
  resourceSubscriptions?: boolean;
  prompts?: Readonly<Record<string, PromptDef>>;
}

/** Declares a tool; exists so TypeScript infers the handler's argument and return types. */
export function tool<I extends z.ZodObject, O extends z.ZodObject | undefined = undefined>(
  def: ToolDef<I, O>,
): ToolDef<I, O> {
  return def;
}

/** Declares a prompt; exists for type inference, like `tool`. */
export function prompt<A extends z.ZodObject>(def: PromptDef<A>): PromptDef<A> {
  return def;
}

export function defineServer<const D extends ServerDefinition>(def: D): D {
  return Object.freeze(def);
}

export function isTemplate(def: ResourceDef): def is ResourceTemplateDef {
  return 'uriTemplate' in def;
}
