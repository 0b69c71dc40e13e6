import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseForm } from '../upstream/form.js';
import type { RecordedRequest } from './fake-service.js';

/**
 * Checks a fake and its client against the provider's published OpenAPI description, so the two
 * cannot drift apart together: every request a tool makes must be an operation of the description
 * (method, path, declared query parameters, a body that fits the request schema), and every answer
 * the fake gives must fit the operation's documented answer. Loaded lazily: yaml and ajv are dev
 * dependencies used only here.
 */

type Schema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation | Parameter[]>>;
  servers?: { url: string }[];
  [key: string]: unknown;
}

export interface OpenApiOptions {
  /**
   * Fixes a provider's own defects in its description before use (say which in a comment); applied
   * after OpenAPI 3.0's `nullable: true` becomes JSON Schema's null type.
   */
  fix?: (schema: Schema) => Schema;
}

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
interface Ajv {
  addSchema(schema: object, key: string): void;
  compile(schema: object): Validator;
  errorsText(errors: unknown): string;
}

/** Reads a description in YAML or JSON. */
export async function readOpenApi(file: string): Promise<OpenApiDocument> {
  const text = readFileSync(file, 'utf8');
  if (/\.json$/i.test(file)) return JSON.parse(text) as OpenApiDocument;
  const { parse } = await import('yaml');
  return parse(text) as OpenApiDocument;
}

/** OpenAPI 3.0's `nullable: true` as the JSON Schema null type, everywhere in a document. */
function withNulls(value: unknown, fix: (schema: Schema) => Schema): unknown {
  if (Array.isArray(value)) return value.map((v) => withNulls(v, fix));
  if (!value || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Schema;
  const out = fix(Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withNulls(v, fix)])));
  if (nullable !== true) return out;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    return out;
  }
  // A nullable schema with no type of its own (a $ref, an anyOf or oneOf) allows null beside it.
  return out.type === undefined ? { anyOf: [out, { type: 'null' }] } : out;
}

/**
 * A Swagger 2.0 description (DocuSign's) in the OpenAPI 3 shape the check reads: the API root from
 * `host` + `basePath`, a body parameter as the request body, an answer's schema under `content`.
 * `definitions` stay where they are, so every `#/definitions/...` reference still resolves.
 */
function fromSwagger2(doc: Record<string, unknown>): OpenApiDocument {
  const operation = (op: Record<string, unknown>) => {
    const parameters = (op.parameters as Record<string, unknown>[] | undefined) ?? [];
    const body = parameters.find((p) => p.in === 'body');
    const responses = Object.fromEntries(
      Object.entries((op.responses as Record<string, Schema> | undefined) ?? {}).map(([status, answer]) => {
        const { schema, ...rest } = answer;
        return [status, schema ? { ...rest, content: { 'application/json': { schema } } } : rest];
      }),
    );
    return {
      ...op,
      parameters: parameters.filter((p) => p.in !== 'body' && p.in !== 'formData'),
      ...(body?.schema ? { requestBody: { content: { 'application/json': { schema: body.schema } } } } : {}),
      responses,
    };
  };
  const paths = Object.fromEntries(
    Object.entries((doc.paths as Record<string, Record<string, unknown>>) ?? {}).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([verb, op]) => [
          verb,
          verb === 'parameters' ? op : operation(op as Record<string, unknown>),
        ]),
      ),
    ]),
  );
  const host = typeof doc.host === 'string' ? doc.host : 'localhost';
  const servers = [{ url: `https://${host}${typeof doc.basePath === 'string' ? doc.basePath : ''}` }];
  return { ...doc, paths, servers } as OpenApiDocument;
}

/** A JSON Pointer token (RFC 6901). */
const token = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export class OpenApiCheck {
  readonly #doc: OpenApiDocument;
  readonly #ajv: Ajv;
  /** The path the description's paths are relative to (its first server's), e.g. `/v2`. */
  readonly #base: string;
  readonly #templates: { template: string; pattern: RegExp }[];

  private constructor(doc: OpenApiDocument, ajv: Ajv) {
    this.#doc = doc;
    this.#ajv = ajv;
    const server = doc.servers?.[0]?.url;
    this.#base = server && /^https?:/.test(server) ? new URL(server).pathname.replace(/\/$/, '') : '';
    this.#templates = Object.keys(doc.paths)
      // Literal segments first, so /users/me wins over /users/{id}.
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
      .map((template) => ({
        template,
        pattern: new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
        ),
      }));
  }

  static async load(file: string, options: OpenApiOptions = {}): Promise<OpenApiCheck> {
    const raw = await readOpenApi(file);
    const openapi = (raw as { swagger?: unknown }).swagger === '2.0' ? fromSwagger2(raw) : raw;
    const doc = withNulls(openapi, options.fix ?? ((s) => s)) as OpenApiDocument;
    // ajv is CommonJS: its module.exports is the class, which also carries itself as `default`.
    const { default: module } = await import('ajv/dist/2020.js');
    const AjvClass = (module as unknown as { default: new (options: object) => Ajv }).default;
    // Patterns written for another regex dialect (PayPal's email pattern) are read without the u flag.
    const ajv = new AjvClass({
      strict: false,
      allErrors: true,
      validateFormats: false,
      unicodeRegExp: false,
    });
    ajv.addSchema(doc, 'openapi');
    return new OpenApiCheck(doc, ajv);
  }

  /** The operation a concrete request is, e.g. `{ route: 'GET /files/{key}', ... }`, or undefined. */
  operation(method: string, path: string): { route: string; template: string; op: Operation } | undefined {
    const relative = this.#base && path.startsWith(this.#base) ? path.slice(this.#base.length) : path;
    const verb = method.toLowerCase();
    for (const { template, pattern } of this.#templates) {
      const op = this.#doc.paths[template]?.[verb];
      if (op && !Array.isArray(op) && pattern.test(relative)) {
        return { route: `${method.toUpperCase()} ${template}`, template, op };
      }
    }
    return undefined;
  }

  /**
   * Asserts that a request the fake received is an operation of the description: its query keys are
   * declared (a deepObject `name[key]` counts as `name`), its required ones sent, and a JSON body fits
   * the request schema. Returns the route, e.g. `POST /v1/files/{file_key}/comments`.
   */
  assertRequest(req: RecordedRequest): string {
    const found = this.operation(req.method, req.path);
    assert.ok(found, `${req.method} ${req.path} is an operation of the description`);
    const { route, template, op } = found;
    const parameters = [...this.#pathParameters(template), ...(op.parameters ?? [])].map((p) =>
      '$ref' in p ? (this.#resolve(String(p.$ref)) as Parameter) : p,
    );
    const declared = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of req.query.keys()) {
      assert.ok(
        declared.has(key) || declared.has(key.replace(/\[.*$/, '')),
        `${route}: query ${key} is declared`,
      );
    }
    for (const p of parameters) {
      if (p.in === 'query' && p.required)
        assert.ok(req.query.has(p.name), `${route}: sends required ${p.name}`);
    }
    // A request body may be named by reference (`#/components/requestBodies/...`, SendGrid's and PayPal's).
    const bodyRef = (op.requestBody as { $ref?: unknown } | undefined)?.$ref;
    const requestBody =
      typeof bodyRef === 'string' ? (this.#resolve(bodyRef) as Operation['requestBody']) : op.requestBody;
    const bodyAt =
      typeof bodyRef === 'string'
        ? bodyRef
        : `#/paths/${token(template)}/${req.method.toLowerCase()}/requestBody`;
    const pointerTo = (type: string) => `${bodyAt}/content/${token(type)}/schema`;
    const sent = String(req.headers['content-type'] ?? '');
    if (sent.includes('x-www-form-urlencoded') && req.rawBody) {
      const type = Object.keys(requestBody?.content ?? {}).find((t) => t.includes('x-www-form-urlencoded'));
      assert.ok(type, `${route} takes a form body`);
      // A form carries text only: each value is typed by the schema first. Fields the schema does not
      // name fail, since a service that ignores unknown form fields would let a misspelt one pass unseen.
      const schema = this.#resolveSchema(requestBody?.content?.[type]?.schema);
      const body = typedBy(parseForm(req.rawBody), schema, (ref) => this.#resolve(ref) as Schema);
      this.#assertFits(pointerTo(type), body, `${route} request`, true);
    } else if (req.body !== undefined && typeof req.body === 'object') {
      const type = Object.keys(requestBody?.content ?? {}).find((t) => t.includes('json'));
      assert.ok(type, `${route} takes a JSON body`);
      this.#assertFits(pointerTo(type), req.body, `${route} request`);
    }
    return route;
  }

  /** Asserts that an answer fits the operation's documented answer for its status. */
  assertAnswer(method: string, path: string, status: number, body: unknown): void {
    const found = this.operation(method, path);
    assert.ok(found, `${method} ${path} is an operation of the description`);
    const { route, template, op } = found;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => op.responses?.[k]);
    const answer = key ? op.responses?.[key] : undefined;
    assert.ok(key && answer, `${route} documents a ${status} answer`);
    if (body === undefined || body === null || body === '') return;
    let pointer = `#/paths/${token(template)}/${method.toLowerCase()}/responses/${key}`;
    let resolved = answer;
    if (answer.$ref) {
      pointer = answer.$ref;
      resolved = this.#resolve(answer.$ref) as typeof answer;
    }
    const type = Object.keys(resolved.content ?? {}).find((t) => t.includes('json'));
    assert.ok(type, `${route} documents a JSON answer for ${status}`);
    this.#assertFits(`${pointer}/content/${token(type)}/schema`, body, `${route} answer`);
  }

  #pathParameters(template: string): Parameter[] {
    const shared = this.#doc.paths[template]?.parameters;
    return Array.isArray(shared) ? shared : [];
  }

  #resolve(ref: string): unknown {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], this.#doc);
  }

  #resolveSchema(schema: Schema | undefined): Schema {
    let resolved = schema ?? {};
    for (let hops = 0; typeof resolved.$ref === 'string' && hops < 10; hops++) {
      resolved = this.#resolve(resolved.$ref) as Schema;
    }
    return resolved;
  }

  #assertFits(pointer: string, data: unknown, what: string, closed = false): void {
    const ref = { $ref: `openapi${pointer}` };
    const validate = this.#ajv.compile(closed ? { allOf: [ref], unevaluatedProperties: false } : ref);
    assert.ok(validate(data), `${what}: ${this.#ajv.errorsText(validate.errors?.slice(0, 6))}`);
  }
}

/**
 * Form values (all text) typed as a schema says: integers and numbers, booleans, lists and nested
 * objects, following `$ref`s and the first branch of `anyOf`/`oneOf` that names a type.
 */
function typedBy(value: unknown, schema: Schema | undefined, resolve: (ref: string) => Schema): unknown {
  let s = schema ?? {};
  for (let hops = 0; typeof s.$ref === 'string' && hops < 10; hops++) s = resolve(s.$ref);
  const branches = [
    s,
    ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) => (Array.isArray(s[k]) ? (s[k] as Schema[]) : [])),
  ];
  const typed =
    branches
      .map((b) => (typeof b.$ref === 'string' ? resolve(b.$ref) : b))
      .find((b) => b.type !== undefined) ?? s;
  const type = Array.isArray(typed.type) ? typed.type.find((t) => t !== 'null') : typed.type;
  if (Array.isArray(value)) {
    return type === 'array' ? value.map((v) => typedBy(v, typed.items as Schema, resolve)) : value;
  }
  if (value !== null && typeof value === 'object') {
    const properties = (typed.properties ?? {}) as Record<string, Schema>;
    const extra =
      typeof typed.additionalProperties === 'object' ? (typed.additionalProperties as Schema) : undefined;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, typedBy(v, properties[k] ?? extra, resolve)]),
    );
  }
  if (typeof value !== 'string') return value;
  if (type === 'array') return [value];
  if ((type === 'integer' || type === 'number') && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
