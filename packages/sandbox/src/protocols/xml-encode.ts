// Rendering of a service's plain result object as XML, with fast-xml-parser's builder.
// Arrays become a wrapper element holding one child per item; the item element is
// `listItemNames[key]` or the protocol's default (`item` for EC2, `member` otherwise).
// Dates render as ISO-8601 (the XML protocols' timestamp format), booleans as
// true/false, and undefined / null members are omitted.
import { XMLBuilder } from 'fast-xml-parser';

export interface XmlEncodeOptions {
  defaultItemName: string;
  listItemNames?: Record<string, string>;
}

type XmlNode = string | XmlNode[] | { [key: string]: XmlNode };

function toNode(value: unknown, key: string, opts: XmlEncodeOptions): XmlNode | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const itemName = opts.listItemNames?.[key] ?? opts.defaultItemName;
    const items: XmlNode[] = [];
    for (const item of value) {
      const node = toNode(item, itemName, opts);
      if (node !== undefined) items.push(node);
    }
    // An empty list renders as an empty element, as AWS does (`<tagSet/>`).
    return items.length === 0 ? '' : { [itemName]: items };
  }
  if (typeof value === 'object') {
    const out: { [key: string]: XmlNode } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const node = toNode(v, k, opts);
      if (node !== undefined) out[k] = node;
    }
    return out;
  }
  return String(value);
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  processEntities: true,
  format: false,
});

/** Render `<root xmlns="namespace">…body…</root>` with an XML declaration. */
export function renderXml(
  root: string,
  body: Record<string, unknown>,
  opts: XmlEncodeOptions,
  namespace?: string,
): string {
  const inner = (toNode(body, root, opts) ?? {}) as { [key: string]: XmlNode } | string;
  const rootNode: { [key: string]: XmlNode } = typeof inner === 'string' ? {} : { ...inner };
  if (namespace) rootNode['@_xmlns'] = namespace;
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + (builder.build({ [root]: rootNode }) as string);
}
