import type {
  ContentBlock,
  GetPromptResult,
  ReadResourceResult,
  Resource,
  ToolAnnotations,
} from '@modelcontextprotocol/server';
import type { z } from 'zod';
import type { Credentials, ToolContext } from './context.js';

/** How a user authenticates to the service behind a server. */
export type AuthSpec = { kind: 'none' } | ApiKeyAuth | OAuth2Auth;

/** One value a user types in to sign in without OAuth (an API key, an account id, a site URL). */
export interface CredentialField {
  /** The name stored in the credentials (guMCP's name, so its credential files keep working). */
  name: string;
  label: string;
  /** Not echoed when typed, and never shown again. */
  secret?: boolean;
  /** May be left empty; then it is not stored (the server uses its default). */
  optional?: boolean;
}

export interface ApiKeyAuth {
  kind: 'api_key';
  /** The fields a user types in (`gumcp auth` prompts for each), e.g. `api_key`. */
  fields: readonly CredentialField[];
  /**
   * Checks the values with the service when they are entered, so a wrong key fails at sign-in and not
   * at the first tool call, and returns fields to store besides them (e.g. a data centre read from
   * the key). Throws a ToolError saying what is wrong, without echoing a secret.
   */
  verify?(values: Readonly<Record<string, string>>): Promise<Credentials | undefined>;
}

export interface OAuth2Auth {
  kind: 'oauth2';
  /** The provider's endpoints and quirks, shared by servers of one provider (e.g. Google). */
  provider: OAuthProvider;
  /** Scopes requested at login. */
  scopes: readonly string[];
  /**
   * A static key the service also accepts instead of OAuth (Stripe's secret key, a PagerDuty API
   * token): `gumcp auth <id> --api-key` prompts for these fields and stores them where the tokens go.
   */
  apiKey?: Omit<ApiKeyAuth, 'kind'>;
}

/**
 * A per-tenant part of a provider's URLs that only the user knows (a Zendesk subdomain, a Shopify
 * shop): asked at sign-in, checked against `pattern`, substituted for `{name}` in the authorize and
 * token URLs, and stored with the credentials under `name` for the server's API calls.
 */
export interface TenantField {
  name: string;
  label: string;
  /** What a valid value looks like, e.g. `acme` for a Zendesk subdomain; shown in prompts and errors. */
  example: string;
  /** The whole (normalized) value must match. */
  pattern: RegExp;
  /** Turns what a user may paste (e.g. `https://acme.zendesk.com/`) into the value (`acme`). */
  normalize?(value: string): string;
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
  /** Where refresh grants go when the provider has an endpoint of its own for them (Figma); default tokenUrl. */
  refreshUrl?: string;
  /** Whether the authorize request carries a PKCE S256 challenge (default true). */
  pkce?: boolean;
  /** Headers the token endpoint wants besides the standard ones (Reddit refuses a request without a descriptive User-Agent). */
  tokenRequestHeaders?(): Record<string, string>;
  /** How the token request body is encoded: a form, as RFC 6749 says (default), or JSON (Notion). */
  tokenRequestBody?: 'form' | 'json';
  /** A part of the provider's URLs that the user names at sign-in (e.g. `{subdomain}`). */
  tenant?: TenantField;
  /**
   * Runs once after sign-in with the new credentials: learns what the provider tells only through
   * its API (Jira's cloud ids, DocuSign's base URI, Mailchimp's data centre) and returns fields to
   * store with the tokens. Throws a ToolError when the account cannot be used.
   */
  discover?(credentials: Readonly<Credentials>, context?: SignInContext): Promise<Credentials>;
  /** Extra fields of the code exchange (Shopify's `expiring=1` for expiring offline tokens). */
  tokenParams?: Readonly<Record<string, string>>;
  /**
   * How long a token lives when the provider's answer does not say (Salesforce gives no expires_in,
   * though its sessions time out): the token is then refreshed before that, while a refresh token exists.
   */
  assumedLifetimeSeconds?: number;
}

/** What a sign-in tells `discover` besides the new credentials. */
export interface SignInContext {
  /** The token URL the code was exchanged at (oauth.json's `token_uri` or the definition's): its host is the provider's. */
  tokenUrl: string;
}

/** What a tool handler may return when the tool has no output schema. */
export type ToolReply = string | { content: ContentBlock[] };

/**
 * Data of a tool's output schema together with content blocks that belong beside it (a downloaded
 * file as a resource or image block): the client gets the structured data, its JSON as text, and
 * these blocks. Made by `withContent`.
 */
export class WithContent<T> {
  constructor(
    readonly data: T,
    readonly content: readonly ContentBlock[],
  ) {}
}

/** Returns structured data with extra content blocks, e.g. a file's metadata and the file itself. */
export function withContent<T>(data: T, content: readonly ContentBlock[]): WithContent<T> {
  return new WithContent(data, content);
}

export interface ToolDef<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject | undefined = undefined> {
  title?: string;
  description: string;
  input: I;
  /** When present, the handler returns data of this shape, sent as structured content. */
  output?: O;
  annotations?: ToolAnnotations;
  /** OAuth scopes the tool needs, listed in the registry. */
  scopes?: readonly string[];
  handler(
    args: z.output<I>,
    ctx: ToolContext,
  ): Promise<O extends z.ZodObject ? z.input<O> | WithContent<z.input<O>> : ToolReply>;
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
