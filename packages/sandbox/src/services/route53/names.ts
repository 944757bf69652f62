// DNS names as Route 53 stores, orders and accepts them.
import type { RecordSet } from './state.js';

/** Route 53's stored form of a DNS name: lower case, trailing dot, `*` as `\052`. */
export function normalizeName(name: string): string {
  let n = name.trim().toLowerCase();
  if (!n.endsWith('.')) n += '.';
  return n.replace(/\*/g, '\\052');
}

/** Sort key in reversed-label order (`www.example.com.` → `com.example.www`). */
function reversedKey(name: string): string {
  return name.replace(/\.$/, '').split('.').reverse().join('.');
}

export function compareNames(a: string, b: string): number {
  const ka = reversedKey(a);
  const kb = reversedKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Route 53's record order: name (reversed labels), then type, then set identifier. */
export function compareRecords(a: RecordSet, b: RecordSet): number {
  return (
    compareNames(a.Name, b.Name) || cmp(a.Type, b.Type) || cmp(a.SetIdentifier ?? '', b.SetIdentifier ?? '')
  );
}

export function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith('.' + zone);
}

export function validDomainName(name: string): boolean {
  const n = name.replace(/\.$/, '');
  if (n.length === 0 || n.length > 253) return false;
  return n
    .split('.')
    .every((label) => label.length >= 1 && label.length <= 63 && /^[a-z0-9_\\*-]+$/i.test(label));
}
