import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPLETIONS, completion } from './fake-perplexity.js';
import { assertCompletion, data, setup } from './harness.js';

test('chat sends guMCP’s default system prompt, temperature 0.7 and a medium search context', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, {
    body: completion({ content: 'Hello! How can I help?', search_results: [], citations: [] }),
  });

  const result = data(await call('chat', { message: 'Hello' }));

  assertCompletion(fake.requests[0], {
    model: 'sonar',
    messages: [
      { role: 'system', content: 'Be helpful, concise, and precise.' },
      { role: 'user', content: 'Hello' },
    ],
    temperature: 0.7,
    web_search_options: { search_context_size: 'medium' },
  });
  assert.equal(result.answer, 'Hello! How can I help?');
  assert.deepEqual(result.citations, []);
  assert.deepEqual(result.search_results, []);
  assert.equal('related_questions' in result, false);
});

test('chat passes the system prompt, model, temperature, max_tokens and disable_search on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, { body: completion({ model: 'sonar-pro' }) });

  data(
    await call('chat', {
      message: 'Write a haiku about rivers',
      model: 'sonar-pro',
      system_prompt: 'You are a poet.',
      temperature: 1.2,
      max_tokens: 60,
      disable_search: true,
    }),
  );

  assertCompletion(fake.requests[0], {
    model: 'sonar-pro',
    messages: [
      { role: 'system', content: 'You are a poet.' },
      { role: 'user', content: 'Write a haiku about rivers' },
    ],
    temperature: 1.2,
    web_search_options: { search_context_size: 'medium' },
    max_tokens: 60,
    disable_search: true,
  });
});

test('an empty system_prompt sends no system message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, { body: completion() });

  data(await call('chat', { message: 'Hi', system_prompt: '' }));

  assert.deepEqual((fake.requests[0]?.body as { messages: unknown }).messages, [
    { role: 'user', content: 'Hi' },
  ]);
});

test('a temperature outside 0-2 is refused, naming it', async (t) => {
  const { fake, call } = await setup(t);
  const result = await call('chat', { message: 'Hi', temperature: 3 });
  assert.equal(result.isError, true);
  assert.match(JSON.stringify(result.content), /temperature/);
  assert.equal(fake.requests.length, 0);
});
