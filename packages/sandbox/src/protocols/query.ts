// awsQuery (ELBv2, RDS, STS): form-encoded requests whose lists are
// `Name.member.N` / `Name.<MemberName>.N`; responses `<OpResponse><OpResult>…</OpResult>
// <ResponseMetadata><RequestId>`; errors `<ErrorResponse><Error><Type/><Code/><Message/>
// </Error><RequestId/></ErrorResponse>`.
import { AwsError, type EmulatedService } from '../service.js';
import { decodeQuery } from './query-decode.js';
import type { ProtocolCodec, RawRequest } from './types.js';
import { renderXml } from './xml-encode.js';

export function xmlErrorResponse(err: AwsError, requestId: string, namespace?: string) {
  const body = renderXml(
    'ErrorResponse',
    { Error: { Type: err.type, Code: err.code, Message: err.message }, RequestId: requestId },
    { defaultItemName: 'member' },
    namespace,
  );
  return { status: err.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

export const queryCodec: ProtocolCodec = {
  decode(raw: RawRequest, service: EmulatedService) {
    const body = raw.method === 'GET' ? raw.query.toString() : raw.body;
    const { action, params } = decodeQuery(body);
    if (!action) return new AwsError('MissingAction', 'The request must contain the parameter Action', 400);
    if (!(action in service.operations)) {
      return new AwsError(
        'InvalidAction',
        `Could not find operation ${action} for version ${service.namespace}`,
        400,
      );
    }
    return { operation: action, params };
  },
  success(service, operation, result, requestId) {
    const body = renderXml(
      `${operation}Response`,
      { [`${operation}Result`]: result, ResponseMetadata: { RequestId: requestId } },
      { defaultItemName: 'member', listItemNames: service.listItemNames },
      service.namespace,
    );
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
  },
  error(service, err, requestId) {
    return xmlErrorResponse(err, requestId, service.namespace);
  },
};
