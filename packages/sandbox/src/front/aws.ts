// The AWS side of the front: which service a request is for, its protocol's codec, the
// faults' say, the operation, and the answer in the real envelope. Every call is logged.
import { randomUUID } from 'node:crypto';
import type { Accounts } from '../accounts.js';
import type { Clock } from '../clock.js';
import type { Faults } from '../faults.js';
import { accessKeyOf, type IamAuthorizer } from '../iam/authorizer.js';
import { refusalError } from '../iam/refusal.js';
import { ec2Codec } from '../protocols/ec2.js';
import { jsonCodec } from '../protocols/json.js';
import { queryCodec, xmlErrorResponse } from '../protocols/query.js';
import { restXmlCodec } from '../protocols/rest-xml.js';
import type { ProtocolCodec, RawRequest, RawResponse } from '../protocols/types.js';
import { REGION } from '../seed.js';
import { AwsError, type Protocol, type ServiceName } from '../service.js';
import type { CallLog, CallRecord } from './call-log.js';
import type { RateLimits } from '../limits.js';

const CODECS: Record<Protocol, ProtocolCodec> = {
  ec2: ec2Codec,
  query: queryCodec,
  'rest-xml': restXmlCodec,
  json: jsonCodec,
};

const KNOWN_SERVICES: ServiceName[] = [
  'ec2',
  'elasticloadbalancing',
  'route53',
  'rds',
  'ssm',
  'sts',
  's3',
  'autoscaling',
  'kms',
];
const VERSION_TO_SERVICE: Record<string, ServiceName> = {
  '2016-11-15': 'ec2',
  '2015-12-01': 'elasticloadbalancing',
  '2014-10-31': 'rds',
  '2011-06-15': 'sts',
  '2011-01-01': 'autoscaling',
};

/** Operations that never change state: no state file write after them. */
export const READ_ONLY = /^(Describe|Get|List|Head|TestDNSAnswer)/;

/** Which service and region a request is for. */
export function routeRequest(raw: RawRequest): { service?: ServiceName; region: string } {
  // A presigned URL (S3) carries the credential scope in its query instead of a header.
  const auth =
    String(raw.headers.authorization ?? '') || `Credential=${raw.query.get('X-Amz-Credential') ?? ''}`;
  const m = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  if (m && (KNOWN_SERVICES as string[]).includes(m[2]!))
    return { service: m[2] as ServiceName, region: m[1]! };
  const region = m?.[1] ?? REGION;
  if (raw.path.startsWith('/2013-04-01/')) return { service: 'route53', region };
  const target = String(raw.headers['x-amz-target'] ?? '');
  if (target.startsWith('AmazonSSM.')) return { service: 'ssm', region };
  if (target.startsWith('TrentService.')) return { service: 'kms', region };
  const version = /(?:^|&)Version=([^&]*)/.exec(raw.method === 'GET' ? raw.query.toString() : raw.body)?.[1];
  if (version && VERSION_TO_SERVICE[version]) return { service: VERSION_TO_SERVICE[version], region };
  return { region };
}

/** What answering an AWS call needs. */
export interface AwsFront {
  /** The accounts: a call is answered by its access key's account's services. */
  accounts: Accounts;
  clock: Clock;
  faults: Faults;
  calls: CallLog;
  /** Called after every call that may have changed state. */
  saved: () => void;
  /** IAM, evaluated before faults and the handler (off unless configured). */
  iam?: IamAuthorizer;
  /** Account-level API rate limits (limits.ts; off unless configured), after IAM. */
  limits?: RateLimits;
  /** The account an access key belongs to (default: the sandbox's one account). */
  accountOf?: (accessKeyId: string) => string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function answerAws(front: AwsFront, raw: RawRequest): Promise<RawResponse> {
  const requestId = randomUUID();
  const { service: serviceName, region } = routeRequest(raw);
  const accessKeyId = accessKeyOf(String(raw.headers.authorization ?? ''), raw.query);
  const account = front.accounts.forKey(accessKeyId);
  await account.ready;
  const service = serviceName ? account.byName.get(serviceName) : undefined;
  const elsewhere = account === front.accounts.primary ? {} : { account: account.id };
  const record = (
    operation: string,
    params: Record<string, unknown>,
    status: number,
    errorCode?: string,
    injected?: boolean,
    iam?: CallRecord['iam'],
  ): void =>
    front.calls.add({
      service: serviceName ?? 'unknown',
      operation,
      region,
      params,
      outcome: errorCode ? 'error' : 'ok',
      ...(errorCode ? { errorCode } : {}),
      status,
      at: new Date(front.clock.now()).toISOString(),
      ...(injected ? { injected } : {}),
      ...(iam ? { iam } : {}),
      requestId,
      ...elsewhere,
    });
  if (!service) {
    const err = serviceName
      ? new AwsError('NotImplemented', `The sandbox does not emulate ${serviceName} yet`, 501)
      : new AwsError(
          'UnrecognizedService',
          'Could not tell which AWS service this request is for (no SigV4 credential scope)',
          400,
        );
    record('unknown', {}, err.status, err.code);
    return xmlErrorResponse(err, requestId);
  }
  const codec = service.codec ?? CODECS[service.protocol];
  const decoded = codec.decode(raw, service);
  if (decoded instanceof AwsError) {
    record('unknown', {}, decoded.status, decoded.code);
    return codec.error(service, decoded, requestId);
  }
  const { operation, params } = decoded;
  await arrive(front, service.name, operation);
  const unauthenticated = authenticationError(decoded.authenticate);
  if (unauthenticated) {
    record(operation, params, unauthenticated.status, unauthenticated.code);
    return codec.error(service, unauthenticated, requestId);
  }
  if (front.iam?.enabled) {
    const request = { service: service.name, operation, params, region };
    const refusal = await front.iam.authorize(accessKeyId, service, request, account.ctx);
    if (refusal) {
      const err = refusalError(service.name, refusal);
      const { action, resource, reason } = refusal;
      record(operation, params, err.status, err.code, false, { accessKeyId, action, resource, reason });
      return codec.error(service, err, requestId);
    }
  }
  const throttled = rateLimited(front, raw, service.name, operation, params, region);
  if (throttled) {
    record(operation, params, throttled.status, throttled.code);
    return codec.error(service, throttled, requestId);
  }
  const decision = front.faults.onCall(service.name, operation, params);
  const delay = front.clock.toWall(decision.latencyMs) + decision.wallMs;
  if (delay > 0) await sleep(delay);
  if (decision.error) {
    record(operation, params, decision.error.status, decision.error.code, true);
    return codec.error(service, decision.error, requestId);
  }
  const handler = service.operations[operation]!;
  try {
    const result = await handler({ service: service.name, operation, params, region }, account.ctx);
    const out = codec.success(service, operation, result, requestId, decoded.status);
    record(operation, params, out.status);
    if (!READ_ONLY.test(operation)) front.saved();
    return out;
  } catch (e) {
    const err = e instanceof AwsError ? e : internalError(e);
    if (!(e instanceof AwsError)) console.error(`[sandbox] ${service.name}.${operation} failed:`, e);
    record(operation, params, err.status, err.code);
    return codec.error(service, err, requestId);
  }
}

/** The throttling error when the call's account has run out of tokens (limits.ts). */
function rateLimited(
  front: AwsFront,
  raw: RawRequest,
  service: ServiceName,
  operation: string,
  params: Record<string, unknown>,
  region: string,
): AwsError | undefined {
  if (!front.limits) return undefined;
  const key = accessKeyOf(String(raw.headers.authorization ?? ''), raw.query);
  const account = (key && front.accountOf?.(key)) || front.accounts.forKey(key).id;
  return front.limits.take(account, region, service, operation, params);
}

/** Waits out the latency faults with `onArrival` (the request reaches AWS late): their
 *  sandbox time on the sandbox clock, in short slices, so a jump of the clock ends it. */
async function arrive(front: AwsFront, service: ServiceName, operation: string): Promise<void> {
  const { latencyMs, wallMs } = front.faults.onArrival(service, operation);
  const until = front.clock.now() + latencyMs;
  while (front.clock.now() < until)
    await sleep(Math.min(20, front.clock.toWall(until - front.clock.now()) + 1));
  if (wallMs > 0) await sleep(wallMs);
}

/** The error of a request that fails its deferred authentication, if any. */
function authenticationError(authenticate: (() => void) | undefined): AwsError | undefined {
  try {
    authenticate?.();
    return undefined;
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
}

function internalError(e: unknown): AwsError {
  return new AwsError(
    'InternalError',
    `Sandbox internal error: ${e instanceof Error ? e.message : String(e)}`,
    500,
  );
}
