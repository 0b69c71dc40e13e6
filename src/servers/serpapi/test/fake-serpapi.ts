import type { FakeReply } from '../../../testing/fake-service.js';

/**
 * SerpApi answers in the shapes its documentation gives: the Google Search API's JSON
 * (serpapi.com/search-api: `search_metadata`, `search_parameters`, `search_information`,
 * `organic_results`, `answer_box`, `knowledge_graph`, `related_questions`, `local_results.places`,
 * `serpapi_pagination`), image and news results (serpapi.com/images-results, /news-results), the
 * Search Archive API (`/searches/{id}.json`, statuses Queued, Processing, Success, Error), the Account
 * API (which echoes the key), the errors of serpapi.com/api-status-and-error-codes (`{ error }`: 401
 * "Invalid API key…", 429 "Your account has run out of searches.", 400 "Missing query `q`
 * parameter.") and search-errors (503 with status Error; 200 Success with "Google hasn't returned any
 * results for this query.").
 */

export const KEY = 'fake-serpapi-key-for-tests';
export const SEARCH_ID = '61afb3ace7d08a685b3bcbb1';

export const errorReply = (status: number, error: string, over: Record<string, unknown> = {}): FakeReply => ({
  status,
  body: { error, ...over },
});

export const invalidKey = errorReply(
  401,
  'Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key',
);
export const outOfSearches = errorReply(429, 'Your account has run out of searches.');

export function metadata(id = SEARCH_ID, status = 'Success') {
  return {
    id,
    status,
    json_endpoint: `https://serpapi.com/searches/c292c1c1fe17fc58/${id}.json`,
    created_at: '2026-08-21 19:19:08 UTC',
    processed_at: '2026-08-21 19:19:08 UTC',
    google_url: 'https://www.google.com/search?q=coffee&oq=coffee&hl=en&gl=us&sourceid=chrome&ie=UTF-8',
    raw_html_file: `https://serpapi.com/searches/c292c1c1fe17fc58/${id}.html`,
    total_time_taken: 1.52,
  };
}

export const organic = (position: number) => ({
  position,
  title: `Coffee result ${position}`,
  link: `https://coffee.example.com/${position}`,
  redirect_link: `https://www.google.com/url?sa=t&url=https://coffee.example.com/${position}`,
  displayed_link: `https://coffee.example.com › ${position}`,
  favicon: 'https://serpapi.com/searches/x/images/favicon.png',
  snippet: `Coffee is a brewed drink (${position}).`,
  snippet_highlighted_words: ['Coffee'],
  sitelinks: { inline: [{ title: 'History', link: 'https://coffee.example.com/history' }] },
  source: 'Coffee Example',
});

const pagination = (start: number) => ({
  current: start / 10 + 1,
  next_link: `https://serpapi.com/search.json?device=desktop&engine=google&google_domain=google.com&q=coffee&start=${start + 10}`,
  next: `https://serpapi.com/search.json?device=desktop&engine=google&google_domain=google.com&q=coffee&start=${start + 10}`,
  other_pages: { '2': 'https://serpapi.com/search.json?engine=google&q=coffee&start=10' },
});

/** A page of Google Search results for "coffee", from result `start`. */
export function coffeePage(start = 0, id = SEARCH_ID): Record<string, unknown> {
  return {
    search_metadata: metadata(id),
    search_parameters: {
      engine: 'google',
      q: 'coffee',
      google_domain: 'google.com',
      hl: 'en',
      gl: 'us',
      device: 'desktop',
    },
    search_information: {
      organic_results_state: 'Results for exact spelling',
      query_displayed: 'coffee',
      total_results: 1340000000,
      time_taken_displayed: 0.99,
    },
    ...(start === 0
      ? {
          answer_box: {
            type: 'organic_result',
            title: 'Coffee',
            answer: 'A brewed drink',
            snippet: 'Coffee is a beverage prepared from roasted coffee beans.',
            snippet_highlighted_words: ['roasted coffee beans'],
            link: 'https://en.wikipedia.org/wiki/Coffee',
          },
          knowledge_graph: {
            title: 'Coffee',
            type: 'Drink',
            kgmid: '/m/02vqfm',
            description: 'Coffee is a brewed drink prepared from roasted coffee beans.',
            source: { name: 'Wikipedia', link: 'https://en.wikipedia.org/wiki/Coffee' },
            header_images: [
              { image: 'https://serpapi.com/x.jpeg', source: 'https://en.wikipedia.org/wiki/Coffee' },
            ],
          },
          related_questions: [
            {
              question: 'Is coffee good for you?',
              snippet: 'In moderation.',
              link: 'https://health.example.com',
            },
          ],
          local_results: {
            places: [
              {
                position: 1,
                title: 'Houndstooth Coffee',
                place_id: '1126',
                rating: 4.6,
                reviews: 746,
                address: '401 Congress Ave',
              },
            ],
          },
        }
      : {}),
    organic_results: [organic(start + 1), organic(start + 2)],
    pagination: {
      current: start / 10 + 1,
      next: `https://www.google.com/search?q=coffee&start=${start + 10}`,
    },
    serpapi_pagination: pagination(start),
  };
}

export const noResults = {
  search_metadata: metadata('6540ac26b68f8b2910019dd5'),
  search_parameters: {
    engine: 'google',
    q: 'asdkjhqwe zzqx',
    google_domain: 'google.com',
    device: 'desktop',
  },
  search_information: { organic_results_state: 'Fully empty', query_displayed: 'asdkjhqwe zzqx' },
  error: "Google hasn't returned any results for this query.",
};

export const imagesPage = {
  search_metadata: metadata(),
  search_parameters: { engine: 'google', q: 'coffee', tbm: 'isch' },
  images_results: [
    {
      position: 1,
      thumbnail: 'https://serpapi.com/searches/x/images/1.jpeg',
      source: 'Wikipedia',
      title: 'Coffee - Wikipedia',
      link: 'https://en.wikipedia.org/wiki/Coffee',
      original: 'https://upload.wikimedia.org/coffee.jpg',
      original_width: 1200,
      original_height: 800,
      is_product: false,
    },
  ],
};

export const newsPage = {
  search_metadata: metadata(),
  search_parameters: { engine: 'google', q: 'coffee', tbm: 'nws' },
  news_results: [
    {
      position: 1,
      link: 'https://news.example.com/coffee-prices',
      title: 'Coffee prices rise',
      source: 'Example News',
      date: '3 hours ago',
      snippet: 'Prices of arabica rose again.',
      thumbnail: 'https://serpapi.com/searches/x/images/n1.jpeg',
    },
  ],
};

export const account = {
  account_id: '5ac54d6adefb2f1dba1663f5',
  api_key: KEY,
  account_email: 'demo@serpapi.com',
  plan_id: 'bigdata',
  plan_name: 'Big Data Plan',
  searches_per_month: 30000,
  plan_searches_left: 5958,
  extra_credits: 0,
  total_searches_left: 5958,
  this_month_usage: 24042,
  last_hour_searches: 42,
  account_rate_limit_per_hour: 6000,
};
