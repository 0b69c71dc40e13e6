/**
 * Maps `values` through `fn` with at most `limit` calls in flight, keeping the input order.
 * Stops starting new calls after the first failure, which it rethrows: one bad item should not
 * cost dozens more requests to a service that is already failing.
 */
export async function mapBounded<T, R>(
  values: readonly T[],
  limit: number,
  fn: (value: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(values.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < values.length) {
      const index = next++;
      try {
        results[index] = await fn(values[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Math.max(1, Math.min(limit, values.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
