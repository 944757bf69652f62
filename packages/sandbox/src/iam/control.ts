// The control API's IAM routes:
//   GET    /_sandbox/iam                 the configuration (enabled, default, policies)
//   PUT    /_sandbox/iam                 replace it: {"policies": {key: doc(s)}, "default": "deny"}
//   DELETE /_sandbox/iam                 IAM off (no policies, default allow)
//   GET    /_sandbox/iam/<accessKeyId>   that key's policies
//   PUT    /_sandbox/iam/<accessKeyId>   set them (a policy document or a list)
//   DELETE /_sandbox/iam/<accessKeyId>   remove them
//   POST   /_sandbox/iam/decode          {"message": "<encoded>"} → {"decoded": "<json>"}
import { jsonResponse } from '../front/http.js';
import type { RawRequest, RawResponse } from '../protocols/types.js';
import type { IamAuthorizer, IamOptions } from './authorizer.js';
import { decodeAuthorizationMessage } from './refusal.js';

export const isIamControlRequest = (raw: RawRequest): boolean =>
  raw.path === '/_sandbox/iam' || raw.path.startsWith('/_sandbox/iam/');

function body(raw: RawRequest): unknown {
  if (raw.body.trim() === '') throw new Error('expected a JSON body');
  try {
    return JSON.parse(raw.body);
  } catch (e) {
    throw new Error(`the body is not JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function route(iam: IamAuthorizer, raw: RawRequest): RawResponse {
  const rest = raw.path.replace(/^\/_sandbox\/iam\/?/, '').replace(/\/$/, '');
  if (rest === '') {
    if (raw.method === 'GET') return jsonResponse(200, iam.describe());
    if (raw.method === 'PUT') {
      const b = body(raw) as { policies?: unknown; default?: unknown };
      if (typeof b !== 'object' || b === null)
        throw new Error('expected {"policies": {...}, "default": "deny"}');
      iam.configure(b as IamOptions);
      return jsonResponse(200, iam.describe());
    }
    if (raw.method === 'DELETE') {
      iam.configure({});
      return jsonResponse(200, iam.describe());
    }
  } else if (rest === 'decode' && raw.method === 'POST') {
    const message = (body(raw) as { message?: unknown }).message;
    const decoded = typeof message === 'string' ? decodeAuthorizationMessage(message) : undefined;
    if (decoded === undefined)
      return jsonResponse(400, {
        error: 'body must be {"message": "<an encoded authorization failure message>"}',
      });
    return jsonResponse(200, { decoded });
  } else if (!rest.includes('/')) {
    const key = decodeURIComponent(rest);
    if (raw.method === 'GET') {
      const policies = iam.describe().policies[key];
      return policies
        ? jsonResponse(200, { accessKeyId: key, policies })
        : jsonResponse(404, { error: `no policies for access key ${key.slice(0, 128)}` });
    }
    if (raw.method === 'PUT')
      return jsonResponse(200, { accessKeyId: key, policies: iam.set(key, body(raw)) });
    if (raw.method === 'DELETE') return jsonResponse(200, { accessKeyId: key, removed: iam.remove(key) });
  }
  return jsonResponse(404, { error: `no control route ${raw.method} ${raw.path.slice(0, 200)}` });
}

export function answerIamControl(iam: IamAuthorizer, raw: RawRequest): RawResponse {
  try {
    return route(iam, raw);
  } catch (e) {
    return jsonResponse(400, { error: e instanceof Error ? e.message : String(e) });
  }
}
