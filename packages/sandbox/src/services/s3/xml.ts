// S3's XML: unlike the other restXml services, its documents have their own root names
// (`ListBucketResult`, `Tagging`, …) and its lists are mostly flattened (`<Contents>` and
// `<Rule>` repeat without a wrapper), so handlers build the element tree themselves: an
// array is a repeated element, an object a nested one. Errors are a bare `<Error>`.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { malformedXml } from './errors.js';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export type XmlTree = { [name: string]: XmlValue };
export type XmlValue = string | number | boolean | Date | undefined | XmlTree | XmlValue[];

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  processEntities: true,
  format: false,
});

function toNode(value: XmlValue): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(toNode);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toNode(v);
    return out;
  }
  return String(value);
}

/** `<?xml …?><root xmlns="…">…</root>`. */
export function renderS3Xml(
  root: string,
  body: XmlTree,
  namespace: string | undefined = S3_NAMESPACE,
): string {
  const node = toNode(body) as Record<string, unknown>;
  if (namespace) node['@_xmlns'] = namespace;
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + (builder.build({ [root]: node }) as string);
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

/** The body's root element name and content; MalformedXML when it does not parse. */
export function parseS3Xml(body: string): { root: string; content: Record<string, unknown> } | undefined {
  if (body.trim() === '') return undefined;
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(body, true) as Record<string, unknown>;
  } catch {
    throw malformedXml();
  }
  const root = Object.keys(parsed)[0];
  if (root === undefined) throw malformedXml();
  const content = parsed[root];
  return {
    root,
    content: content && typeof content === 'object' ? (content as Record<string, unknown>) : {},
  };
}

/** A repeated (flattened) element as a list: absent → [], one → [it], several → them. */
export function repeated(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {}));
}
