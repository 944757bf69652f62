// Matching as IAM does it: `*` (any run of characters, none included) and `?` (exactly one)
// in actions, resources and String*Like / Arn* condition values; ARNs compared part by
// part; policy variables (`${aws:username}`) replaced from the request context.

const cache = new Map<string, RegExp>();

function globRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) =>
      c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`,
    );
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (cache.size > 5000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** `value` matches `pattern` with `*` and `?` wildcards. */
export const wildcardMatch = (pattern: string, value: string, ignoreCase = false): boolean =>
  globRegExp(pattern, ignoreCase).test(value);

/** Action names are case-insensitive (`EC2:runinstances` = `ec2:RunInstances`). */
export const actionMatches = (pattern: string, action: string): boolean =>
  pattern === '*' || wildcardMatch(pattern, action, true);

/** The six parts of an ARN (`arn:partition:service:region:account:resource`); the
 *  resource part keeps its own colons. Undefined when it is not an ARN. */
function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** IAM's ARN match (Resource elements, ArnLike / ArnEquals): each part of the pattern
 *  against the same part of the ARN, case-sensitive, wildcards inside a part only. */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const p = arnParts(pattern);
  const a = arnParts(arn);
  if (!p || !a) return wildcardMatch(pattern, arn);
  return p.every((part, i) => wildcardMatch(part, a[i]!));
}

/** Policy variables in a Resource or condition value (policy Version 2012-10-17 only):
 *  `${key}` is the context value of a single-valued key; `${*}`, `${?}`, `${$}` are the
 *  literal characters. A variable whose key is absent (or multivalued) makes the value
 *  unmatchable, as IAM treats it. */
export function substituteVariables(
  value: string,
  lookup: (key: string) => string | string[] | undefined,
): string | undefined {
  if (!value.includes('${')) return value;
  let missing = false;
  const out = value.replace(/\$\{([^}]+)\}/g, (_m, key: string) => {
    if (key === '*' || key === '?' || key === '$') return `\uE000${key}`;
    const v = lookup(key);
    if (typeof v !== 'string') {
      missing = true;
      return '';
    }
    return v;
  });
  return missing ? undefined : out;
}

/** After substitution, escaped literals (`${*}`) are compared as themselves, not as
 *  wildcards: they are turned into `?` matched against exactly that character. */
export function literalAware(pattern: string): string {
  return pattern.replace(/\uE000([*?$])/g, (_m, c: string) => (c === '$' ? '$' : '?'));
}
