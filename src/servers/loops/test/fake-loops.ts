/**
 * Loops API v1 answers in the shapes of Loops' OpenAPI description ("Loops OpenAPI Spec" 1.8.0,
 * served by Loops and mirrored in api-evangelist/loops-so at openapi/loops-openapi.yml).
 */

export function contact(email: string, extra: Record<string, unknown> = {}) {
  return {
    id: 'cll6b3i8901a9jx0oyktl2m4u',
    email,
    firstName: 'Ada',
    lastName: 'Lovelace',
    source: 'API',
    subscribed: true,
    userGroup: '',
    userId: 'user_1',
    mailingLists: { cm06f5v0e45nf0ml5754o9cix: true },
    optInStatus: null,
    planName: 'pro',
    ...extra,
  };
}

export const created = (id = 'cll6b3i8901a9jx0oyktl2m4u') => ({ success: true, id });
export const success = { success: true };
export const deleted = { success: true, message: 'Contact deleted.' };
export const failed = (message: string) => ({ success: false, message });
export const invalidKey = { success: false, message: 'Invalid API key', error: 'Invalid API key' };
export const idempotencyUsed = { success: false, message: 'Idempotency key has been used.' };

export function transactional(id: string, name: string) {
  return { id, name, lastUpdated: '2025-02-02T02:56:28.845Z', dataVariables: ['confirmationUrl'] };
}

export function transactionalPage(data: unknown[], nextCursor: string | null, total: number) {
  return {
    pagination: {
      totalResults: total,
      returnedResults: data.length,
      perPage: 50,
      totalPages: Math.ceil(total / 50),
      nextCursor,
      nextPage: nextCursor
        ? `https://app.loops.so/api/v1/transactional?cursor=${nextCursor}&perPage=50`
        : null,
    },
    data,
  };
}
