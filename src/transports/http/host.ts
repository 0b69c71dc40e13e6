export async function startHost(_r: unknown): Promise<{ close(): Promise<void> }> {
  throw new Error('todo');
}
