/**
 * Form-encoded bodies (`application/x-www-form-urlencoded`), as Stripe, Twilio and Reddit take them:
 * nested objects in bracket keys (`metadata[order]=6735`), lists of objects indexed
 * (`items[0][price]=p_1`), and lists of plain values either repeated (`To=a&To=b`, Twilio) or with
 * empty brackets (`expand[]=a&expand[]=b`, Stripe).
 */

export type FormValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly FormValue[]
  | { readonly [name: string]: FormValue };

export interface FormOptions {
  /** How a list of plain values is written: the name repeated (default), or the name with `[]`. */
  lists?: 'repeat' | 'brackets';
}

/**
 * The form for `fields`. An undefined value is left out; null is sent empty (Stripe's way to unset a
 * field); booleans and numbers as their text.
 */
export function formBody(
  fields: Readonly<Record<string, FormValue>>,
  options: FormOptions = {},
): URLSearchParams {
  const body = new URLSearchParams();
  const add = (name: string, value: FormValue): void => {
    if (value === undefined) return;
    if (value === null) body.append(name, '');
    else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') add(`${name}[${i}]`, item);
        else add(options.lists === 'brackets' ? `${name}[]` : name, item);
      });
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    } else body.append(name, String(value));
  };
  for (const [name, value] of Object.entries(fields)) add(name, value);
  return body;
}

/**
 * A form read back into the object it encodes (`a[b][0][c]=1` → `{ a: { b: [{ c: '1' }] } }`), every
 * value a string: what a test compares with what a tool meant to send.
 */
export function parseForm(raw: string | URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    const path = [name.replace(/\[.*$/, ''), ...[...name.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '')];
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const nextIsList = !last && (path[i + 1] === '' || /^\d+$/.test(path[i + 1] ?? ''));
      const slot = Array.isArray(node) ? (key === '' ? node.length : Number(key)) : key;
      const container = node as Record<string | number, unknown>;
      if (last) {
        const existing = container[slot];
        // A repeated plain name (`To=a&To=b`) is a list too.
        container[slot] =
          existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
        return;
      }
      container[slot] ??= nextIsList ? [] : {};
      node = container[slot] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}
