// One factory for every AWS client immut uses, so all of them share the same settings:
// region, credentials from the standard provider chain, endpoints from AWS_ENDPOINT_URL
// (and AWS_ENDPOINT_URL_<SERVICE>, which the SDK itself reads, so the sandbox needs no code
// changes), adaptive retries, an immut user agent, and errors that name the failed call.
import type {
  HandlerExecutionContext,
  InitializeHandler,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';
import type { AwsCallContext } from './errors.js';
import { retryThrottled, type CallContext } from './throttle-retry.js';
import { IMMUT_VERSION } from './version.js';

/** IAM action prefix per SDK client, so errors can name the exact IAM action to grant. */
const IAM_PREFIX: Readonly<Record<string, string>> = {
  AutoScalingClient: 'autoscaling',
  EC2Client: 'ec2',
  ElasticLoadBalancingV2Client: 'elasticloadbalancing',
  Route53Client: 'route53',
  RDSClient: 'rds',
  S3Client: 's3',
  SSMClient: 'ssm',
  STSClient: 'sts',
};

/** Retries per call. Adaptive mode also rate-limits the client once AWS starts throttling,
 * which matters when rebuild-the-world runs many releases against one account. */
export const DEFAULT_MAX_ATTEMPTS = 6;

export interface AwsSettings {
  region: string;
  /** The action's name, e.g. `bake-image`; part of the user agent. */
  action: string;
  maxAttempts?: number;
  /**
   * Keep retrying a call AWS still throttles after the SDK's attempts, on this context's clock,
   * until its deadline. For the calls many releases make at the same moment: the SDK's few
   * attempts sleep a few wall seconds in all, and 256 bakes reading images at once need more.
   */
  throttling?: CallContext;
}

interface ClientConfig {
  region: string;
  customUserAgent: Array<[string, string]>;
  retryMode: string;
  maxAttempts: number;
  forcePathStyle?: boolean;
}

/**
 * S3 through an endpoint override (AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_S3: the sandbox, a
 * VPC endpoint, an S3-compatible store) is addressed path-style (`<endpoint>/<bucket>/<key>`):
 * the override's host cannot take a bucket name as a subdomain. AWS itself keeps the
 * virtual-hosted style it recommends.
 */
function s3PathStyle(clientName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return clientName === 'S3Client' && !!(env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL']);
}

/** The part of every SDK v3 client the factory needs. */
export interface SdkClient {
  // Each client's stack is typed with its own input/output unions; the middleware below
  // only passes values through, so any stack fits.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  middlewareStack: MiddlewareStack<any, MetadataBearer>;
  destroy(): void;
}

/** User agent pairs, rendered by the SDK as `immut/<version> immut-action/<action>`. */
export function userAgent(action: string): Array<[string, string]> {
  return [
    ['immut', IMMUT_VERSION],
    ['immut-action', action],
  ];
}

/** Builds an SDK client with immut's settings: `createAwsClient(EC2Client, settings)`. */
export function createAwsClient<C extends SdkClient>(
  Client: new (config: ClientConfig) => C,
  settings: AwsSettings,
): C {
  const client = new Client({
    region: settings.region,
    customUserAgent: userAgent(settings.action),
    retryMode: 'adaptive',
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(s3PathStyle(Client.name) ? { forcePathStyle: true } : {}),
  });
  client.middlewareStack.add(nameFailedCall, { step: 'initialize', name: 'immutNameFailedCall' });
  if (settings.throttling)
    client.middlewareStack.add(retryThrottledCalls(settings.throttling), {
      step: 'initialize',
      name: 'immutRetryThrottledCalls',
      // Outside nameFailedCall: the error that finally escapes still names its call.
      priority: 'high',
    });
  return client;
}

/** The call's IAM name, e.g. `ec2:DescribeImages`. */
function callContext(context: HandlerExecutionContext): AwsCallContext {
  return {
    service: IAM_PREFIX[context.clientName ?? ''] ?? context.clientName ?? 'aws',
    operation: (context.commandName ?? 'UnknownCommand').replace(/Command$/, ''),
  };
}

/** Sends the call again, whole (the SDK's own attempts included), while AWS throttles it and
 *  the deadline allows: a throttled request did nothing, so any call may be repeated. */
const retryThrottledCalls =
  (calls: CallContext) =>
  <I extends object, O extends MetadataBearer>(
    next: InitializeHandler<I, O>,
    context: HandlerExecutionContext,
  ): InitializeHandler<I, O> =>
  (args) => {
    const { service, operation } = callContext(context);
    return retryThrottled(calls, `${service}:${operation}`, () => next(args));
  };

/** Attaches `$immut: { service, operation }` to errors so messages can name the IAM action. */
const nameFailedCall =
  <I extends object, O extends MetadataBearer>(
    next: InitializeHandler<I, O>,
    context: HandlerExecutionContext,
  ): InitializeHandler<I, O> =>
  async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (error instanceof Error) Object.assign(error, { $immut: callContext(context) });
      throw error;
    }
  };
