/**
 * DocuSign publishes its eSignature description as Swagger 2.0, which OpenApiCheck (OpenAPI 3) cannot
 * read as it is: the API root is `host` + `basePath` rather than `servers`, a request body is a
 * parameter `in: body`, and an answer's schema sits on the response itself. This turns a Swagger 2.0
 * document into the OpenAPI 3 shape the check reads, leaving `definitions` where they are so every
 * `#/definitions/...` reference still resolves.
 */

type Json = Record<string, unknown>;

const VERBS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

function operation(op: Json): Json {
  const parameters = (op.parameters as Json[] | undefined) ?? [];
  const body = parameters.find((p) => p.in === 'body');
  const responses = Object.fromEntries(
    Object.entries((op.responses as Record<string, Json> | undefined) ?? {}).map(([status, answer]) => {
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
}

export function fromSwagger2(doc: Json): Json {
  const paths = Object.fromEntries(
    Object.entries((doc.paths as Record<string, Json>) ?? {}).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, value]) => [key, VERBS.has(key) ? operation(value as Json) : value]),
      ),
    ]),
  );
  const scheme = (doc.schemes as string[] | undefined)?.[0] ?? 'https';
  return {
    ...doc,
    openapi: '3.0.3',
    servers: [{ url: `${scheme}://${String(doc.host ?? 'www.docusign.net')}${String(doc.basePath ?? '')}` }],
    paths,
  };
}
