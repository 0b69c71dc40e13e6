import { z } from 'zod';

/** The output of a list tool: the items (without stripe_object) under `key`, and where to continue. */
export function pageOf<K extends string, T extends z.ZodObject>(key: K, item: T) {
  return z.object({
    count: z.number().describe('How many items this call returns'),
    has_more: z.boolean().describe('Whether the list goes on'),
    next_starting_after: z
      .string()
      .nullable()
      .describe('Pass as starting_after to continue the list; null at its end'),
    ...({
      [key]: z.array('stripe_object' in item.shape ? item.omit({ stripe_object: true } as never) : item),
    } as Record<K, z.ZodArray<T>>),
  });
}
