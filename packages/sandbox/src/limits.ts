// Account-level API rate limits as token buckets in SANDBOX time, the way AWS throttles:
// per account (and per region where the service is regional), each request taking one token
// from every bucket that applies to it, refused with the service's throttling error when any
// of them is empty (a refused request takes no token). Off unless the sandbox is started with
// `rateLimits: true` (see server.ts for why): the bench's scale rows and the throttling tests
// turn it on.
//
// Every figure names its source. Where AWS publishes none, the figure is the sandbox's own
// (marked SANDBOX'S OWN) and chosen to be in the same range as the published ones.
import { AwsError, listParam, type ServiceName } from './service.js';
import { awsErrorStatus } from './faults.js';

export interface BucketSpec {
  /** Bucket maximum capacity: the burst. */
  capacity: number;
  /** Tokens added per second of sandbox time, up to the capacity. */
  refillPerSecond: number;
}

/** One bucket a request draws from: which (its key), how big, and how many tokens it takes. */
export interface Draw {
  key: string;
  spec: BucketSpec;
  cost: number;
  /** The error a request refused by this bucket gets. */
  error: 'throttle' | 'prior-request';
}

const bucket = (capacity: number, refillPerSecond: number): BucketSpec => ({ capacity, refillPerSecond });

/**
 * EC2 ("Request throttling for the Amazon EC2 API", EC2 Developer Guide,
 * https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html, "Request token bucket
 * sizes and refill rates" and "Resource token bucket sizes and refill rates"): throttled per
 * account and Region; each API action has its own bucket, sized by its category; RunInstances,
 * TerminateInstances, StartInstances and StopInstances also draw one resource token per instance.
 * Throttled requests get RequestLimitExceeded.
 */
export const EC2_LIMITS = {
  nonMutating: bucket(100, 20),
  /** DescribeInstances and the others listed, called with neither a filter nor pagination. */
  unfilteredUnpaginated: bucket(50, 10),
  mutating: bucket(50, 5),
  resourceIntensive: bucket(50, 5),
  /** The "Uncategorized actions" table, for the actions the sandbox serves. */
  uncategorized: {
    CopyImage: bucket(100, 1),
    CreateLaunchTemplateVersion: bucket(100, 5),
    CreateSnapshot: bucket(100, 5),
    CreateTags: bucket(100, 10),
    DeleteSnapshot: bucket(100, 5),
    DeleteTags: bucket(100, 10),
    DeregisterImage: bucket(100, 5),
    ModifyImageAttribute: bucket(100, 5),
    ModifyLaunchTemplate: bucket(100, 5),
    ModifySnapshotAttribute: bucket(100, 5),
  } as Record<string, BucketSpec>,
  /** Resource token buckets: instances, not requests. */
  resource: {
    RunInstances: bucket(1000, 2),
    StartInstances: bucket(1000, 2),
    StopInstances: bucket(1000, 20),
    TerminateInstances: bucket(1000, 20),
  } as Record<string, BucketSpec>,
} as const;

const EC2_UNFILTERED = new Set([
  'DescribeInstances',
  'DescribeInstanceStatus',
  'DescribeNetworkInterfaces',
  'DescribeSecurityGroups',
  'DescribeSnapshots',
  'DescribeSpotInstanceRequests',
  'DescribeVolumes',
]);
const EC2_RESOURCE_INTENSIVE = new Set([
  'AcceptVpcPeeringConnection',
  'AuthorizeSecurityGroupIngress',
  'CancelSpotInstanceRequests',
  'CreateKeyPair',
  'CreateVpcPeeringConnection',
  'DeleteVpcPeeringConnection',
  'RejectVpcPeeringConnection',
  'RevokeSecurityGroupIngress',
  'RequestSpotInstances',
]);

/**
 * Route 53 ("Throttling for Amazon Route 53 API requests", Route 53 Developer Guide,
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html):
 * per account (Route 53 is global), every request draws from the account's bucket (capacity 50,
 * refill 10/s) and from its operation's own (the same by default; CreateHostedZone 40/2,
 * DeleteHostedZone 40/5). Throttled requests get Throttling, HTTP 400, "Rate exceeded". The
 * page's second limit, change throughput, counts DNS record changes (one token per change of a
 * ChangeResourceRecordSets batch); its figures were not readable when this was written, so
 * `changes` is SANDBOX'S OWN (1000 burst, 100/s). Older guidance was a flat 5 requests/s per
 * account (Route 53 quotas page), which the token buckets replaced.
 *
 * ChangeResourceRecordSets also answers PriorRequestNotComplete (HTTP 400) when "Route 53 can't
 * process a request before the next request arrives" for the same hosted zone (API reference,
 * ChangeResourceRecordSets, Errors). How long a change batch takes to process is not published:
 * `zoneChangeMs` is SANDBOX'S OWN (one change batch per hosted zone per 100 ms of sandbox time,
 * modelled as a bucket of one token).
 */
export const ROUTE53_LIMITS = {
  account: bucket(50, 10),
  operationDefault: bucket(50, 10),
  operations: {
    CreateHostedZone: bucket(40, 2),
    DeleteHostedZone: bucket(40, 5),
  } as Record<string, BucketSpec>,
  changes: bucket(1000, 100),
  zoneChangeMs: 100,
} as const;

/**
 * ELBv2, Auto Scaling and RDS publish no API request rates (their quotas pages list resource
 * counts only; throttled calls get `Throttling`, HTTP 400, per their API references'
 * common errors). SANDBOX'S OWN: per account and region, each operation its own bucket, with
 * EC2's published sizes for reads (100, 20/s) and writes (50, 5/s) as the nearest published
 * model of an AWS control plane.
 */
export const OTHER_LIMITS = {
  read: bucket(100, 20),
  write: bucket(50, 5),
} as const;

const READ = /^(Describe|List|Get|Search)/;

function hasAny(params: Record<string, unknown>, keys: string[]): boolean {
  return keys.some((k) => params[k] !== undefined && params[k] !== '');
}

function ec2Draws(scope: string, operation: string, params: Record<string, unknown>): Draw[] {
  const spec =
    EC2_LIMITS.uncategorized[operation] ??
    (EC2_RESOURCE_INTENSIVE.has(operation)
      ? EC2_LIMITS.resourceIntensive
      : READ.test(operation)
        ? EC2_UNFILTERED.has(operation) && !hasAny(params, ['Filter', 'MaxResults', 'NextToken'])
          ? EC2_LIMITS.unfilteredUnpaginated
          : EC2_LIMITS.nonMutating
        : EC2_LIMITS.mutating);
  // The unfiltered, unpaginated form of a read is its own category with its own, smaller bucket;
  // filtered calls of the same action do not empty it, nor it them.
  const category = spec === EC2_LIMITS.unfilteredUnpaginated ? ':unfiltered' : '';
  const draws: Draw[] = [{ key: `${scope}:${operation}${category}`, spec, cost: 1, error: 'throttle' }];
  const resource = EC2_LIMITS.resource[operation];
  if (resource) {
    const instances =
      operation === 'RunInstances'
        ? Number(params['MaxCount'] ?? params['MinCount'] ?? 1) || 1
        : Math.max(1, listParam(params['InstanceId']).length);
    draws.push({
      key: `${scope}:${operation}:instances`,
      spec: resource,
      cost: instances,
      error: 'throttle',
    });
  }
  return draws;
}

function route53Draws(scope: string, operation: string, params: Record<string, unknown>): Draw[] {
  const draws: Draw[] = [
    { key: `${scope}:account`, spec: ROUTE53_LIMITS.account, cost: 1, error: 'throttle' },
    {
      key: `${scope}:${operation}`,
      spec: ROUTE53_LIMITS.operations[operation] ?? ROUTE53_LIMITS.operationDefault,
      cost: 1,
      error: 'throttle',
    },
  ];
  if (operation === 'ChangeResourceRecordSets') {
    const batch = (params['ChangeBatch'] ?? {}) as Record<string, unknown>;
    const changes = Math.max(1, listParam(batch['Changes'], 'Change').length);
    draws.push({ key: `${scope}:changes`, spec: ROUTE53_LIMITS.changes, cost: changes, error: 'throttle' });
    const zone = String(params['HostedZoneId'] ?? '').replace(/^\/?hostedzone\//, '');
    draws.push({
      key: `${scope}:zone:${zone}`,
      spec: bucket(1, 1000 / ROUTE53_LIMITS.zoneChangeMs),
      cost: 1,
      error: 'prior-request',
    });
  }
  return draws;
}

/** The buckets one call draws from; none for a service without limits here. */
export function drawsFor(
  account: string,
  region: string,
  service: ServiceName,
  operation: string,
  params: Record<string, unknown>,
): Draw[] {
  switch (service) {
    case 'ec2':
      return ec2Draws(`${account}:${region}:ec2`, operation, params);
    case 'route53':
      return route53Draws(`${account}:route53`, operation, params);
    case 'elasticloadbalancing':
    case 'autoscaling':
    case 'rds':
      return [
        {
          key: `${account}:${region}:${service}:${operation}`,
          spec: READ.test(operation) ? OTHER_LIMITS.read : OTHER_LIMITS.write,
          cost: 1,
          error: 'throttle',
        },
      ];
    default:
      return [];
  }
}

/** The throttling error each service answers (its API reference's common errors). */
export function throttleError(service: ServiceName, kind: Draw['error']): AwsError {
  if (kind === 'prior-request') {
    return new AwsError(
      'PriorRequestNotComplete',
      'The request was rejected because Route 53 was still processing a prior request.',
      awsErrorStatus(service, 'PriorRequestNotComplete'),
    );
  }
  if (service === 'ec2') return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', 503);
  return new AwsError('Throttling', 'Rate exceeded', 400);
}

interface Level {
  tokens: number;
  at: number;
}

/** The buckets of every account, filled lazily from the sandbox clock. */
export class RateLimits {
  private readonly levels = new Map<string, Level>();

  constructor(private readonly now: () => number) {}

  /** Takes the call's tokens, or answers the throttling error of the first empty bucket. */
  take(
    account: string,
    region: string,
    service: ServiceName,
    operation: string,
    params: Record<string, unknown>,
  ): AwsError | undefined {
    const draws = drawsFor(account, region, service, operation, params);
    const now = this.now();
    const levels = draws.map((draw) => this.refill(draw, now));
    const empty = draws.findIndex((draw, i) => (levels[i]?.tokens ?? 0) < draw.cost);
    if (empty >= 0) return throttleError(service, draws[empty]!.error);
    draws.forEach((draw, i) => (levels[i]!.tokens -= draw.cost));
    return undefined;
  }

  /** The bucket's level now: what it held, plus the refill since, up to its capacity. */
  private refill(draw: Draw, now: number): Level {
    const level = this.levels.get(draw.key) ?? { tokens: draw.spec.capacity, at: now };
    level.tokens = Math.min(
      draw.spec.capacity,
      level.tokens + (Math.max(0, now - level.at) / 1000) * draw.spec.refillPerSecond,
    );
    level.at = now;
    this.levels.set(draw.key, level);
    return level;
  }

  /** Every bucket full again (a reset sandbox). */
  clear(): void {
    this.levels.clear();
  }
}
