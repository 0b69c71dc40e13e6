import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
  CreateMessageRequest,
  ElicitRequestFormParams,
  ElicitResult,
  LoggingMessageNotification,
  Progress,
} from '@modelcontextprotocol/client';
import { connect, text } from '../../../testing/mcp.js';
import conformance from '../index.js';

const PNG_SIGNATURE = '89504e470d0a1a0a';
const decode = (base64: string) => Buffer.from(base64, 'base64');

/** Calls a tool while the client answers elicitation with `answer`; returns the form it was shown and the result. */
async function elicit(name: string, answer: ElicitResult, args: Record<string, unknown> = {}) {
  const client = await connect(conformance, { capabilities: { sampling: {}, elicitation: {} } });
  const seen: ElicitRequestFormParams[] = [];
  client.setRequestHandler('elicitation/create', async (request) => {
    assert.ok('requestedSchema' in request.params, 'the tool asks with a form, not a URL');
    seen.push(request.params);
    return answer;
  });
  const result = await client.callTool({ name, arguments: args });
  assert.equal(seen.length, 1, 'exactly one elicitation request reaches the client');
  return { form: seen[0] as ElicitRequestFormParams, result };
}

test('every tool the suite calls is listed with a description and an object input schema', async () => {
  const client = await connect(conformance);
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), [
    'json_schema_2020_12_tool',
    'test_audio_content',
    'test_elicitation',
    'test_elicitation_sep1034_defaults',
    'test_elicitation_sep1330_enums',
    'test_embedded_resource',
    'test_error_handling',
    'test_image_content',
    'test_multiple_content_types',
    'test_reconnection',
    'test_sampling',
    'test_simple_text',
    'test_tool_with_logging',
    'test_tool_with_progress',
  ]);
  for (const t of tools) {
    assert.ok(t.description, `${t.name} has a description`);
    assert.equal(t.inputSchema.type, 'object');
  }
  const sampling = tools.find((t) => t.name === 'test_sampling');
  assert.deepEqual(sampling?.inputSchema.required, ['prompt']);
});

test('the JSON Schema 2020-12 tool keeps $schema, $defs and additionalProperties in its listing', async () => {
  const client = await connect(conformance);
  const { tools } = await client.listTools();
  const schema = tools.find((t) => t.name === 'json_schema_2020_12_tool')?.inputSchema as Record<
    string,
    unknown
  >;
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(schema.properties, {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
  });
  assert.deepEqual(schema.$defs, {
    address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } },
  });
  const ok = await client.callTool({ name: 'json_schema_2020_12_tool', arguments: { name: 'Ada' } });
  assert.equal(text(ok), 'Received: {"name":"Ada"}');
  const extra = await client.callTool({ name: 'json_schema_2020_12_tool', arguments: { nickname: 'A' } });
  assert.equal(extra.isError, true, 'additionalProperties: false is enforced, not only advertised');
});

test('content tools return text, a decodable PNG, a WAV, and embedded resources', async () => {
  const client = await connect(conformance);
  const simple = await client.callTool({ name: 'test_simple_text', arguments: {} });
  assert.deepEqual(simple.content, [{ type: 'text', text: 'This is a simple text response for testing.' }]);

  const image = await client.callTool({ name: 'test_image_content', arguments: {} });
  const [img] = image.content as { type: string; data: string; mimeType: string }[];
  assert.equal(img?.type, 'image');
  assert.equal(img?.mimeType, 'image/png');
  assert.equal(
    decode(img?.data ?? '')
      .subarray(0, 8)
      .toString('hex'),
    PNG_SIGNATURE,
  );

  const audio = await client.callTool({ name: 'test_audio_content', arguments: {} });
  const [wav] = audio.content as { type: string; data: string; mimeType: string }[];
  assert.equal(wav?.type, 'audio');
  assert.equal(wav?.mimeType, 'audio/wav');
  const bytes = decode(wav?.data ?? '');
  assert.equal(bytes.subarray(0, 4).toString('ascii'), 'RIFF');
  assert.equal(bytes.subarray(8, 12).toString('ascii'), 'WAVE');
  assert.equal(bytes.readUInt32LE(4), bytes.length - 8, 'the RIFF size matches the data');

  const embedded = await client.callTool({ name: 'test_embedded_resource', arguments: {} });
  assert.deepEqual(embedded.content, [
    {
      type: 'resource',
      resource: {
        uri: 'test://embedded-resource',
        mimeType: 'text/plain',
        text: 'This is an embedded resource content.',
      },
    },
  ]);

  const mixed = await client.callTool({ name: 'test_multiple_content_types', arguments: {} });
  const blocks = mixed.content as { type: string; resource?: { text?: string } }[];
  assert.deepEqual(
    blocks.map((b) => b.type),
    ['text', 'image', 'resource'],
  );
  assert.deepEqual(JSON.parse(blocks[2]?.resource?.text ?? ''), { test: 'data', value: 123 });
});

test('the error tool returns isError with its message rather than a protocol error', async () => {
  const client = await connect(conformance);
  const result = await client.callTool({ name: 'test_error_handling', arguments: {} });
  assert.equal(result.isError, true);
  assert.equal(text(result), 'This tool intentionally returns an error for testing');
});

test('the logging tool sends three info messages in order, filtered by the client log level', async () => {
  const client = await connect(conformance);
  const logs: LoggingMessageNotification['params'][] = [];
  client.setNotificationHandler('notifications/message', (n) => {
    logs.push(n.params);
  });
  await client.setLoggingLevel('debug');
  const result = await client.callTool({ name: 'test_tool_with_logging', arguments: {} });
  assert.equal(text(result), 'Tool with logging executed successfully');
  assert.deepEqual(
    logs.map((l) => [l.level, l.data]),
    [
      ['info', 'Tool execution started'],
      ['info', 'Tool processing data'],
      ['info', 'Tool execution completed'],
    ],
  );

  logs.length = 0;
  await client.setLoggingLevel('error');
  await client.callTool({ name: 'test_tool_with_logging', arguments: {} });
  assert.deepEqual(logs, [], 'info messages are dropped below the level the client set');
});

test('the progress tool reports 0, 50, 100 of 100 against the caller token, and nothing without one', async () => {
  const client = await connect(conformance);
  const seen: Progress[] = [];
  const started = performance.now();
  const result = await client.callTool(
    { name: 'test_tool_with_progress', arguments: {} },
    { onprogress: (p) => seen.push(p) },
  );
  assert.ok(performance.now() - started >= 90, 'the steps are spaced out');
  assert.equal(text(result), 'Tool with progress executed successfully');
  assert.deepEqual(
    seen.map((p) => [p.progress, p.total]),
    [
      [0, 100],
      [50, 100],
      [100, 100],
    ],
  );

  let stray = 0;
  client.setNotificationHandler('notifications/progress', () => {
    stray++;
  });
  const quiet = await client.callTool({ name: 'test_tool_with_progress', arguments: {} });
  assert.equal(text(quiet), 'Tool with progress executed successfully');
  assert.equal(stray, 0);
});

test('the sampling tool sends the prompt to the client model and returns its reply', async () => {
  const client = await connect(conformance, { capabilities: { sampling: {}, elicitation: {} } });
  const requests: CreateMessageRequest['params'][] = [];
  client.setRequestHandler('sampling/createMessage', async (request) => {
    requests.push(request.params);
    return {
      role: 'assistant',
      content: { type: 'text', text: 'Paris' },
      model: 'test-model',
      stopReason: 'endTurn',
    };
  });
  const result = await client.callTool({
    name: 'test_sampling',
    arguments: { prompt: 'Capital of France?' },
  });
  assert.equal(result.isError, undefined);
  assert.equal(text(result), 'LLM response: Paris');
  assert.equal(requests.length, 1);
  assert.deepEqual(requests[0]?.messages, [
    { role: 'user', content: { type: 'text', text: 'Capital of France?' } },
  ]);
  assert.equal(requests[0]?.maxTokens, 100);
});

test('sampling and elicitation tools tell the user when the client lacks the capability', async () => {
  const client = await connect(conformance);
  const sampling = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'hi' } });
  assert.equal(sampling.isError, true);
  assert.equal(
    text(sampling),
    'This tool needs a client that supports sampling; the connected client does not.',
  );
  const elicitation = await client.callTool({ name: 'test_elicitation', arguments: { message: 'hi' } });
  assert.equal(elicitation.isError, true);
  assert.match(text(elicitation), /supports elicitation/);
});

test('the elicitation tool asks for username and email with the caller message and reports the answer', async () => {
  const answer = { username: 'ada', email: 'ada@example.com' };
  const { form, result } = await elicit(
    'test_elicitation',
    { action: 'accept', content: answer },
    { message: 'Who are you?' },
  );
  assert.equal(form.message, 'Who are you?');
  assert.deepEqual(form.requestedSchema, {
    type: 'object',
    properties: {
      username: { type: 'string', description: "User's response" },
      email: { type: 'string', description: "User's email address" },
    },
    required: ['username', 'email'],
  });
  assert.equal(text(result), `User response: action=accept, content=${JSON.stringify(answer)}`);

  const declined = await elicit('test_elicitation', { action: 'decline' }, { message: 'Who are you?' });
  assert.equal(text(declined.result), 'User response: action=decline, content={}');
});

test('the SEP-1034 tool offers a default for every primitive type', async () => {
  const answer = { name: 'Jane Smith', age: 25, score: 88, status: 'inactive', verified: false };
  const { form, result } = await elicit('test_elicitation_sep1034_defaults', {
    action: 'accept',
    content: answer,
  });
  const props = form.requestedSchema.properties;
  assert.deepEqual(
    Object.fromEntries(
      Object.entries(props).map(([k, v]) => [k, [v.type, 'default' in v ? v.default : undefined]]),
    ),
    {
      name: ['string', 'John Doe'],
      age: ['integer', 30],
      score: ['number', 95.5],
      status: ['string', 'active'],
      verified: ['boolean', true],
    },
  );
  assert.deepEqual((props.status as { enum?: string[] }).enum, ['active', 'inactive', 'pending']);
  assert.equal(text(result), `Elicitation completed: action=accept, content=${JSON.stringify(answer)}`);
});

test('the SEP-1330 tool asks with all five enum forms', async () => {
  const answer = {
    untitledSingle: 'option1',
    titledSingle: 'value1',
    legacyEnum: 'opt1',
    untitledMulti: ['option1', 'option2'],
    titledMulti: ['value1', 'value2'],
  };
  const { form, result } = await elicit('test_elicitation_sep1330_enums', {
    action: 'accept',
    content: answer,
  });
  const props = form.requestedSchema.properties as Record<string, Record<string, unknown>>;
  assert.deepEqual(props.untitledSingle?.enum, ['option1', 'option2', 'option3']);
  assert.equal(props.untitledSingle?.oneOf, undefined);
  assert.deepEqual(
    (props.titledSingle?.oneOf as { const: string }[] | undefined)?.map((o) => o.const),
    ['value1', 'value2', 'value3'],
  );
  assert.deepEqual(props.legacyEnum?.enumNames, ['Option One', 'Option Two', 'Option Three']);
  assert.deepEqual(props.untitledMulti, {
    type: 'array',
    items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
  });
  const titledMulti = props.titledMulti as { type: string; items: { anyOf: { title: string }[] } };
  assert.equal(titledMulti.type, 'array');
  assert.deepEqual(
    titledMulti.items.anyOf.map((o) => o.title),
    ['First Choice', 'Second Choice', 'Third Choice'],
  );
  assert.equal(text(result), `Elicitation completed: action=accept, content=${JSON.stringify(answer)}`);
});

test('static and templated resources are listed and read back with their content', async () => {
  const client = await connect(conformance);
  const { resources } = await client.listResources();
  assert.deepEqual(
    resources.map((r) => [r.uri, r.mimeType, Boolean(r.name && r.description)]),
    [
      ['test://static-text', 'text/plain', true],
      ['test://static-binary', 'image/png', true],
      ['test://watched-resource', 'text/plain', true],
    ],
  );
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((t) => t.uriTemplate),
    ['test://template/{id}/data'],
  );

  const textRead = await client.readResource({ uri: 'test://static-text' });
  assert.deepEqual(textRead.contents, [
    {
      uri: 'test://static-text',
      mimeType: 'text/plain',
      text: 'This is the content of the static text resource.',
    },
  ]);
  const binary = await client.readResource({ uri: 'test://static-binary' });
  const [blob] = binary.contents as { uri: string; mimeType: string; blob: string }[];
  assert.equal(blob?.mimeType, 'image/png');
  assert.equal(
    decode(blob?.blob ?? '')
      .subarray(0, 8)
      .toString('hex'),
    PNG_SIGNATURE,
  );

  const templated = await client.readResource({ uri: 'test://template/123/data' });
  const [data] = templated.contents as { uri: string; text: string }[];
  assert.equal(data?.uri, 'test://template/123/data');
  assert.deepEqual(JSON.parse(data?.text ?? ''), { id: '123', templateTest: true, data: 'Data for ID: 123' });

  await assert.rejects(client.readResource({ uri: 'test://nowhere' }), /Resource not found/);
});

test('clients may subscribe to and unsubscribe from a resource', async () => {
  const client = await connect(conformance);
  assert.deepEqual(client.getServerCapabilities()?.resources, { subscribe: true });
  assert.deepEqual(await client.subscribeResource({ uri: 'test://watched-resource' }), {});
  assert.deepEqual(await client.unsubscribeResource({ uri: 'test://watched-resource' }), {});
});

test('prompts are listed with descriptions and required arguments, and fill in what they are given', async () => {
  const client = await connect(conformance);
  const { prompts } = await client.listPrompts();
  assert.deepEqual(
    Object.fromEntries(
      prompts.map((p) => [p.name, (p.arguments ?? []).map((a) => `${a.name}${a.required ? '!' : '?'}`)]),
    ),
    {
      test_simple_prompt: [],
      test_prompt_with_arguments: ['arg1!', 'arg2!'],
      test_prompt_with_embedded_resource: ['resourceUri!'],
      test_prompt_with_image: [],
    },
  );
  assert.ok(prompts.every((p) => p.description));

  const simple = await client.getPrompt({ name: 'test_simple_prompt' });
  assert.deepEqual(simple.messages, [
    { role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } },
  ]);

  const withArgs = await client.getPrompt({
    name: 'test_prompt_with_arguments',
    arguments: { arg1: 'hello', arg2: 'world' },
  });
  assert.deepEqual(withArgs.messages, [
    { role: 'user', content: { type: 'text', text: "Prompt with arguments: arg1='hello', arg2='world'" } },
  ]);
  await assert.rejects(
    client.getPrompt({ name: 'test_prompt_with_arguments', arguments: { arg1: 'hello' } }),
    /arg2/,
  );

  const embedded = await client.getPrompt({
    name: 'test_prompt_with_embedded_resource',
    arguments: { resourceUri: 'test://example-resource' },
  });
  assert.deepEqual(embedded.messages[0]?.content, {
    type: 'resource',
    resource: {
      uri: 'test://example-resource',
      mimeType: 'text/plain',
      text: 'Embedded resource content for testing.',
    },
  });

  const image = await client.getPrompt({ name: 'test_prompt_with_image' });
  const content = image.messages[0]?.content as { type: string; data: string; mimeType: string };
  assert.equal(content.type, 'image');
  assert.equal(content.mimeType, 'image/png');
  assert.equal(decode(content.data).subarray(0, 8).toString('hex'), PNG_SIGNATURE);
});

test('completion suggests prompt argument and template variable values by prefix', async () => {
  const client = await connect(conformance);
  const arg1 = await client.complete({
    ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
    argument: { name: 'arg1', value: 'par' },
  });
  assert.deepEqual(arg1.completion, { values: ['paris', 'park', 'party'], total: 3, hasMore: false });
  const none = await client.complete({
    ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
    argument: { name: 'arg2', value: 'x' },
  });
  assert.deepEqual(none.completion.values, []);
  const id = await client.complete({
    ref: { type: 'ref/resource', uri: 'test://template/{id}/data' },
    argument: { name: 'id', value: '12' },
  });
  assert.deepEqual(id.completion.values, ['123']);
});

test('the reconnection tool still answers where the transport cannot close its stream', async () => {
  const client = await connect(conformance);
  const result = await client.callTool({ name: 'test_reconnection', arguments: {} });
  assert.equal(result.isError, undefined);
  assert.equal(text(result), 'Reconnection test completed successfully');
});
