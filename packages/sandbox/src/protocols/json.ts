// awsJson1_1 (SSM): `POST /` with `X-Amz-Target: <Prefix>.<Operation>` and a JSON body;
// timestamps are epoch seconds; errors are `{"__type": code, "message": …}` plus the
// `x-amzn-ErrorType` header.
import { AwsError, type EmulatedService } from '../service.js';
import type { ProtocolCodec, RawRequest } from './types.js';

const CONTENT_TYPE = 'application/x-amz-json-1.1';

function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[k] = toJsonValue(v);
    }
    return out;
  }
  return value;
}

export const jsonCodec: ProtocolCodec = {
  decode(raw: RawRequest, service: EmulatedService) {
    const target = String(raw.headers['x-amz-target'] ?? '');
    const dot = target.lastIndexOf('.');
    const prefix = dot === -1 ? '' : target.slice(0, dot);
    const operation = dot === -1 ? target : target.slice(dot + 1);
    if (!operation || prefix !== service.namespace || !(operation in service.operations)) {
      return new AwsError('UnknownOperationException', `Unknown operation ${target}`, 400);
    }
    let params: Record<string, unknown> = {};
    if (raw.body.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(raw.body);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          params = parsed as Record<string, unknown>;
      } catch {
        return new AwsError('SerializationException', 'Malformed JSON body', 400);
      }
    }
    return { operation, params };
  },
  success(_service, _operation, result, requestId) {
    return {
      status: 200,
      headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
      body: JSON.stringify(toJsonValue(result)),
    };
  },
  error(_service, err, requestId) {
    return {
      status: err.status,
      headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId, 'x-amzn-errortype': err.code },
      body: JSON.stringify({ __type: err.code, message: err.message }),
    };
  },
};
