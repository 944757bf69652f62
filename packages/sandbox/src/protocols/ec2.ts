// EC2's own query protocol: form-encoded requests with flattened lists (`Name.N`), XML
// responses whose members sit directly under `<OpResponse>` next to `<requestId>`, list
// items as `<item>`, and errors as `<Response><Errors><Error>…</Error></Errors><RequestID>`.
import { AwsError, type EmulatedService } from '../service.js';
import { decodeQuery } from './query-decode.js';
import type { ProtocolCodec, RawRequest } from './types.js';
import { renderXml } from './xml-encode.js';

export const ec2Codec: ProtocolCodec = {
  decode(raw: RawRequest, service: EmulatedService) {
    const body = raw.method === 'GET' ? raw.query.toString() : raw.body;
    const { action, params } = decodeQuery(body);
    if (!action) return new AwsError('MissingAction', 'The request must contain the parameter Action', 400);
    if (!(action in service.operations)) {
      return new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`, 400);
    }
    return { operation: action, params };
  },
  success(service, operation, result, requestId) {
    const body = renderXml(
      `${operation}Response`,
      { requestId, ...result },
      { defaultItemName: 'item', listItemNames: service.listItemNames },
      service.namespace,
    );
    return {
      status: 200,
      headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
      body,
    };
  },
  error(_service, err, requestId) {
    const body = renderXml(
      'Response',
      { Errors: { Error: { Code: err.code, Message: err.message } }, RequestID: requestId },
      { defaultItemName: 'item' },
    );
    return {
      status: err.status,
      headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
      body,
    };
  },
};
