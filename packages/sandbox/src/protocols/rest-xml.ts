// restXml (Route 53): the operation is chosen by method and path template
// (`/2013-04-01/hostedzone/{Id}/rrset`); params merge path labels, the query string and
// the XML body's root content. Success renders `<OpResponse xmlns>…members…`; errors use
// the standard `<ErrorResponse>` envelope.
import { XMLParser } from 'fast-xml-parser';
import { AwsError, RESPONSE_HEADERS, type EmulatedService } from '../service.js';
import { xmlErrorResponse } from './query.js';
import type { ProtocolCodec, RawRequest } from './types.js';
import { renderXml } from './xml-encode.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

const trimSlash = (p: string): string => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);

/** Match a path against a template with `{Label}` and greedy `{Label+}` segments. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const t = trimSlash(template).split('/');
  const p = trimSlash(path).split('/');
  const labels: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i]!;
    const m = /^\{(\w+)(\+?)\}$/.exec(seg);
    if (m) {
      if (m[2] === '+') {
        const rest = p.slice(i);
        if (rest.length === 0) return undefined;
        labels[m[1]!] = decodeURIComponent(rest.join('/'));
        return labels;
      }
      const value = p[i];
      if (value === undefined || value === '') return undefined;
      labels[m[1]!] = decodeURIComponent(value);
    } else if (seg !== p[i]) {
      return undefined;
    }
  }
  return t.length === p.length ? labels : undefined;
}

export function parseXmlBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  const parsed = parser.parse(body) as Record<string, unknown>;
  const root = Object.keys(parsed)[0];
  if (root === undefined) return {};
  const content = parsed[root];
  return content && typeof content === 'object' ? (content as Record<string, unknown>) : {};
}

export const restXmlCodec: ProtocolCodec = {
  decode(raw: RawRequest, service: EmulatedService) {
    for (const route of service.restRoutes ?? []) {
      if (route.method !== raw.method) continue;
      const labels = matchPath(route.path, raw.path);
      if (!labels) continue;
      const query: Record<string, string> = {};
      for (const [k, v] of raw.query) query[k] = v;
      let body: Record<string, unknown>;
      try {
        body = parseXmlBody(raw.body);
      } catch (e) {
        return new AwsError(
          'MalformedXML',
          `The XML you provided was not well-formed: ${(e as Error).message}`,
          400,
        );
      }
      return { operation: route.operation, params: { ...query, ...body, ...labels }, status: route.status };
    }
    return new AwsError('InvalidAction', `No operation matches ${raw.method} ${raw.path}`, 400);
  },
  success(service, operation, result, requestId, status) {
    const { [RESPONSE_HEADERS]: extra, ...members } = result;
    const body = renderXml(
      `${operation}Response`,
      members,
      { defaultItemName: 'member', listItemNames: service.listItemNames },
      service.namespace,
    );
    const headers: Record<string, string> = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
    if (extra && typeof extra === 'object') {
      for (const [k, v] of Object.entries(extra as Record<string, unknown>))
        headers[k.toLowerCase()] = String(v);
    }
    return { status: status ?? 200, headers, body };
  },
  error(service, err, requestId) {
    return xmlErrorResponse(err, requestId, service.namespace);
  },
};
