// Shared types of the protocol codecs.
import type { IncomingHttpHeaders } from 'node:http';
import type { AwsError, EmulatedService } from '../service.js';

export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's bytes as received (binary payloads such as S3 objects). */
  bytes?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A binary body; sent instead of `body` when present. */
  bytes?: Buffer;
}

export interface Decoded {
  operation: string;
  params: Record<string, unknown>;
  /** Success status override (rest-xml routes, e.g. 201). */
  status?: number;
  /**
   * Authentication the front runs after the request's arrival delay (a latency fault with
   * `onArrival`) and before IAM: throws the service's AwsError for a forged or expired
   * request (S3's presigned URLs, whose expiry depends on when they arrive).
   */
  authenticate?: () => void;
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
