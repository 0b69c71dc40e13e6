import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import perplexity from '../index.js';

test('guMCP’s two prompts are listed with their arguments', async () => {
  const client = await connect(perplexity);
  const { prompts } = await client.listPrompts();
  assert.deepEqual(
    prompts.map((p) => [p.name, p.arguments?.map((a) => `${a.name}${a.required ? '*' : ''}`)]),
    [
      ['search_with_recency', ['query*', 'recency']],
      ['code_assistant', ['problem*', 'language']],
    ],
  );
});

test('search_with_recency names the range and the filter to use; an unknown range means none', async () => {
  const client = await connect(perplexity);
  const week = await client.getPrompt({
    name: 'search_with_recency',
    arguments: { query: 'AI news', recency: 'week' },
  });
  assert.equal(week.description, 'Search for AI news with the week recency filter');
  assert.deepEqual(week.messages[0]?.content, {
    type: 'text',
    text:
      "You're a helpful assistant providing accurate information based on web search results. Use the search " +
      'tool with recency_filter "week".\n\nSearch for: AI news (from the past week)',
  });
  const odd = await client.getPrompt({
    name: 'search_with_recency',
    arguments: { query: 'AI', recency: 'decade' },
  });
  assert.match(JSON.stringify(odd.messages), /Search for: AI"/);
});

test('code_assistant puts the language in the request when given', async () => {
  const client = await connect(perplexity);
  const result = await client.getPrompt({
    name: 'code_assistant',
    arguments: { problem: 'reverse a list', language: 'Python' },
  });
  assert.equal(result.description, 'Get coding help for Python');
  assert.match(
    (result.messages[0]?.content as { text: string }).text,
    /I need help with this Python code problem: reverse a list$/,
  );
});
