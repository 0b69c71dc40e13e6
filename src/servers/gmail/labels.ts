import type { ToolContext } from '../../core/context.js';
import { NotFoundError } from '../../core/errors.js';
import { listLabels } from './api.js';

/** Gmail's system label ids, usable as they are; user labels have ids like `Label_12`. */
const SYSTEM_LABELS = new Set([
  'INBOX',
  'SPAM',
  'TRASH',
  'UNREAD',
  'STARRED',
  'IMPORTANT',
  'SENT',
  'DRAFT',
  'CHAT',
]);
const isLabelId = (value: string): boolean =>
  SYSTEM_LABELS.has(value) || /^CATEGORY_[A-Z]+$/.test(value) || /^Label_\d+$/.test(value);

/**
 * Label ids for what a caller wrote: ids pass through, names (any case) are looked up, which costs
 * one labels.list call only when some value is not already an id.
 */
export async function labelIds(ctx: ToolContext, values: readonly string[]): Promise<string[]> {
  if (values.every(isLabelId)) return [...values];
  const byName = new Map((await listLabels(ctx)).map((l) => [l.name.toLowerCase(), l.id]));
  return values.map((value) => {
    if (isLabelId(value)) return value;
    const id = byName.get(value.toLowerCase());
    if (!id) throw new NotFoundError('Label', value);
    return id;
  });
}
