// Shared types of the protocol codecs.
import type { IncomingHttpHeaders } from 'node:http';
import type { AwsError, EmulatedService } from '../service.js';

export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Decoded {
  operation: string;
  params: Record<string, unknown>;
  /** Success status override (rest-xml routes, e.g. 201). */
  status?: number;
}

export interface ProtocolCodec {
  /** Decode the request, or return the AwsError to answer (unknown action, bad body). */
  decode(raw: RawRequest, service: EmulatedService): Decoded | AwsError;
  success(
    service: EmulatedService,
    operation: string,
    result: Record<string, unknown>,
    requestId: string,
    status?: number,
  ): RawResponse;
  error(service: EmulatedService, err: AwsError, requestId: string): RawResponse;
}
