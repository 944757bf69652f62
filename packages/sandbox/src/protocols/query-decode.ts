// Decoding of form-encoded query requests (EC2 query and awsQuery) into nested objects.
// `Filter.1.Name=x&Filter.1.Value.1=y` → `{ Filter: [{ Name: 'x', Value: ['y'] }] }`;
// `Subnets.member.1=a` → `{ Subnets: { member: ['a'] } }`. Numeric path segments are
// 1-based list indices (as the SDK writes them); values stay strings.

export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };

/** Parse an `application/x-www-form-urlencoded` body into flat key/value pairs. The SDK
 *  encodes spaces as `%20`, but browsers and curl may send `+`, which also means space. */
export function parseForm(body: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    out.push([decode(rawKey), decode(rawValue)]);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

const isIndex = (segment: string): boolean => /^[1-9][0-9]*$/.test(segment);

/** Unflatten `a.b.1.c=v` pairs into nested objects / arrays. */
export function unflatten(pairs: Array<[string, string]>): Record<string, QueryValue> {
  // Build a tree whose nodes are Maps keyed by segment, then convert: a node whose
  // keys are all positive integers becomes an array ordered by index.
  type Node = Map<string, Node | string>;
  const root: Node = new Map();
  for (const [key, value] of pairs) {
    const segments = key.split('.');
    let node = root;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const last = i === segments.length - 1;
      if (last) {
        const existing = node.get(seg);
        // A scalar never overwrites a nested structure (e.g. `Subnets=` then `Subnets.member.1`).
        if (!(existing instanceof Map)) node.set(seg, value);
      } else {
        let next = node.get(seg);
        if (!(next instanceof Map)) {
          next = new Map();
          node.set(seg, next);
        }
        node = next;
      }
    }
  }
  const convert = (node: Node): QueryValue => {
    const keys = [...node.keys()];
    if (keys.length > 0 && keys.every(isIndex)) {
      return keys
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => {
          const v = node.get(k)!;
          return v instanceof Map ? convert(v) : v;
        });
    }
    const obj: Record<string, QueryValue> = {};
    for (const [k, v] of node) obj[k] = v instanceof Map ? convert(v) : v;
    return obj;
  };
  return convert(root) as Record<string, QueryValue>;
}

/** Decode a query body: returns Action, Version and the remaining parameters. */
export function decodeQuery(body: string): {
  action?: string;
  version?: string;
  params: Record<string, unknown>;
} {
  const pairs = parseForm(body);
  let action: string | undefined;
  let version: string | undefined;
  const rest: Array<[string, string]> = [];
  for (const [k, v] of pairs) {
    if (k === 'Action') action = v;
    else if (k === 'Version') version = v;
    else rest.push([k, v]);
  }
  return { action, version, params: unflatten(rest) };
}
