import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPLETIONS, completion, SOURCES } from './fake-perplexity.js';
import { assertCompletion, data, setup } from './harness.js';

test('search asks sonar with a high search context, and returns the answer, citations and search results', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, { body: completion() });

  const result = data(await call('search', { query: 'What is new in Node.js 22?' }));

  assertCompletion(fake.requests[0], {
    model: 'sonar',
    messages: [{ role: 'user', content: 'What is new in Node.js 22?' }],
    return_related_questions: false,
    web_search_options: { search_context_size: 'high' },
  });
  assert.deepEqual(result, {
    answer: 'Node.js 22 adds require(esm) [1] and a stable WebSocket client [2].',
    model: 'sonar',
    citations: SOURCES.map((s) => s.url),
    search_results: [
      {
        title: 'Node.js 22 is now available!',
        url: 'https://nodejs.org/en/blog/announcements/v22-release-announce',
        date: '2024-04-24',
        last_updated: '2025-01-10',
        snippet: 'We’re excited to announce the release of Node.js 22!',
      },
      {
        title: 'Node.js 22 release notes',
        url: 'https://github.com/nodejs/node/releases/tag/v22.0.0',
        date: null,
        last_updated: null,
        snippet: null,
      },
    ],
    finish_reason: 'stop',
    truncated: false,
    usage: { prompt_tokens: 14, completion_tokens: 70, total_tokens: 84, cost_usd: 0.012084 },
  });
});

test('search passes the model, recency filter, related questions, domains, context size and max_tokens on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, {
    body: completion({
      model: 'sonar-pro',
      related_questions: ['What changed in Node.js 23?', 'When does Node.js 22 reach end of life?'],
    }),
  });

  const result = data(
    await call('search', {
      query: 'Node.js 22 features',
      model: 'sonar-pro',
      recency_filter: 'month',
      return_related: true,
      search_domain_filter: ['nodejs.org', '-reddit.com'],
      search_context_size: 'low',
      max_tokens: 400,
    }),
  );

  assertCompletion(fake.requests[0], {
    model: 'sonar-pro',
    messages: [{ role: 'user', content: 'Node.js 22 features' }],
    return_related_questions: true,
    web_search_options: { search_context_size: 'low' },
    search_recency_filter: 'month',
    search_domain_filter: ['nodejs.org', '-reddit.com'],
    max_tokens: 400,
  });
  assert.equal(result.model, 'sonar-pro');
  assert.deepEqual(result.related_questions, [
    'What changed in Node.js 23?',
    'When does Node.js 22 reach end of life?',
  ]);
});

test('recency_filter "none" sends no filter; related questions asked for but absent are an empty list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, { body: completion() });

  const result = data(await call('search', { query: 'q', recency_filter: 'none', return_related: true }));

  const body = fake.requests[0]?.body as Record<string, unknown>;
  assert.equal('search_recency_filter' in body, false);
  assert.deepEqual(result.related_questions, []);
});

test('an answer cut short by max_tokens says truncated; long snippets are cut; citations fall back to the results', async (t) => {
  const { fake, call } = await setup(t);
  const long = 'x'.repeat(2000);
  fake.route(COMPLETIONS, {
    body: completion({
      finish_reason: 'length',
      citations: null,
      search_results: [{ title: 'Long', url: 'https://example.com/long', date: '2025-02-01', snippet: long }],
    }),
  });

  const result = data(await call('search', { query: 'q', max_tokens: 5 }));

  assert.equal(result.truncated, true);
  assert.equal(result.finish_reason, 'length');
  assert.deepEqual(result.citations, ['https://example.com/long']);
  const [first] = result.search_results as { snippet: string; last_updated: string | null }[];
  assert.equal(first?.snippet, `${'x'.repeat(500)}…`);
  assert.equal(first?.last_updated, null);
});

test('a reasoning model’s <think> section is left out of the answer', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, {
    body: completion({
      model: 'sonar-reasoning-pro',
      content:
        '<think>\nThe user asks about Node.js 22; the release notes [1] say…\n</think>\n\nNode.js 22 adds require(esm) [1].',
    }),
  });

  const result = data(await call('search', { query: 'q', model: 'sonar-reasoning-pro' }));

  assert.equal(result.answer, 'Node.js 22 adds require(esm) [1].');
});

test('a wrong argument is refused before any request, naming it', async (t) => {
  const { fake, call } = await setup(t);
  for (const [args, name] of [
    [{ query: '' }, 'query'],
    [{ query: 'q', recency_filter: 'decade' }, 'recency_filter'],
    [{ query: 'q', model: 'Sonar Pro!' }, 'model'],
    [{ query: 'q', max_tokens: 0 }, 'max_tokens'],
  ] as const) {
    const result = await call('search', args);
    assert.equal(result.isError, true);
    assert.match(JSON.stringify(result.content), new RegExp(name));
  }
  assert.equal(fake.requests.length, 0);
});
