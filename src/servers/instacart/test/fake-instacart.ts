/**
 * Instacart Developer Platform answers, in the shapes its API reference documents
 * (docs.instacart.com/developer_platform_api: Create shopping list page, Create recipe page, Get nearby
 * retailers, Error and status codes).
 */

export const pageLink = (path: string) => ({
  products_link_url: `https://customers.dev.instacart.tools${path}`,
});

export const retailers = {
  retailers: [
    { retailer_key: 'costco', name: 'Costco', retailer_logo_url: 'https://www.instacart.com/logo.png' },
  ],
};

/** The single error format: `{ error: { message, code }, meta: { key } }`. */
export const oneError = (message: string, code: number, key?: string) => ({
  error: { message, code },
  ...(key ? { meta: { key } } : {}),
});

/** The multiple errors format: the single ones under `errors`. */
export const manyErrors = (...errors: ReturnType<typeof oneError>[]) => ({ errors });

export const unauthorized = oneError('Unauthorized', 1001);
