// Declarative, seeded fault injection. A fault spec is one of:
//
//   { kind?: 'error', service, operation, error, status?, message?, times?, probability?, match? }
//       answer the operation with AWS error `error` (HTTP status from AWS_ERROR_STATUS
//       unless given) — `times` times, or each call with `probability`, or always;
//       `match` restricts it to calls whose parameters equal the given values
//       (dotted paths allowed: `{ "InstanceType": "t3.micro", "Filter.0.Name": "name" }`,
//       `*` wildcards in values).
//   { kind: 'rate-limit', service, operation?, ratePerSecond, burst, error?, preset? }
//       a token bucket in SANDBOX time (one token per request); when empty the call
//       fails with the service's throttling error (EC2 RequestLimitExceeded 503, others
//       Throttling 400).
//   { kind: 'latency', service?, operation?, ms, times?, probability?, onArrival? }
//       delay the response by `ms` sandbox milliseconds (ms / timeScale of wall time);
//       `wallMs` instead delays by wall milliseconds regardless of the scale. The delay
//       comes after IAM, just before the handler. With `onArrival: true` it comes first,
//       before the service authenticates the request (a presigned S3 URL's signature and
//       X-Amz-Expires): the request reaches AWS that much later, as over a slow network;
//       its `ms` then runs on the sandbox clock, so a jump of the clock (advance) ends it.
//   { kind: 'target-never-healthy' | 'image-fails' | 'restore-fails' | 'builder-fails',
//     match?, times?, probability? }
//       named behaviours that services ask about through `ctx.faults.active(kind, match)`.
//       `builder-fails` may carry `output`: the lines the failing provisioning script
//       printed (its console shows them before the failure), e.g. hostile text.
//   { kind: 'no-capacity', match?: { availabilityZone?, instanceType? }, times?, probability? }
//       the zone has no capacity for the instance type: RunInstances (and every launch an
//       Auto Scaling group makes) there fails with InsufficientInstanceCapacity (500) in
//       AWS's words; a group then tries its other zones. Without `match`: no zone at all.
//   Throttling of Auto Scaling: the generic kinds with service 'autoscaling' (a
//       rate-limit answers `Throttling` 400, as the Auto Scaling API reference lists).
//   An instance lost "behind a group's back": plain ec2 TerminateInstances.
//
// Decisions use a seeded PRNG (mulberry32), so a run with the same seed and the same
// calls injects the same faults.
import { AwsError, type ServiceName } from './service.js';
import { Random } from './random.js';

export const BEHAVIOURS = [
  'target-never-healthy',
  'image-fails',
  'restore-fails',
  'builder-fails',
  'no-capacity',
] as const;
export type BehaviourKind = (typeof BEHAVIOURS)[number];

export interface ErrorFault {
  kind?: 'error';
  service: ServiceName;
  operation: string;
  error: string;
  status?: number;
  message?: string;
  times?: number;
  probability?: number;
  match?: Record<string, string | number | boolean>;
}

export interface RateLimitFault {
  kind: 'rate-limit';
  service: ServiceName;
  operation?: string;
  ratePerSecond?: number;
  burst?: number;
  /** Use AWS's published figures instead of ratePerSecond/burst. */
  preset?: keyof typeof RATE_PRESETS;
  error?: string;
}

export interface LatencyFault {
  kind: 'latency';
  service?: ServiceName;
  operation?: string;
  ms?: number;
  wallMs?: number;
  times?: number;
  probability?: number;
  /** Delay before authentication (the request arrives late), not before the handler. */
  onArrival?: boolean;
}

export interface BehaviourFault {
  kind: BehaviourKind;
  match?: Record<string, string>;
  times?: number;
  probability?: number;
  /** builder-fails only: what the provisioning script printed before it failed. */
  output?: string[];
}

export type FaultSpec = ErrorFault | RateLimitFault | LatencyFault | BehaviourFault;

/** Published AWS request-rate token buckets (burst = bucket capacity, refill per second).
 *  - route53-account: "All Amazon Route 53 API operations combined (account level)":
 *    capacity 50, refill 10/s; the same default applies per operation not otherwise
 *    listed (Route 53 Developer Guide, "Throttling for Amazon Route 53 API requests",
 *    https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html;
 *    older guidance was a hard 5 requests/s per account).
 *  - route53-create-hosted-zone: CreateHostedZone capacity 40, refill 2/s (same page).
 *  - ec2-non-mutating: non-mutating actions such as DescribeHosts: capacity 100, refill
 *    20/s ("Request throttling for the Amazon EC2 API",
 *    https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html).
 *  - ec2-mutating: unlisted mutating actions: capacity 50, refill 5/s (same page, "Request
 *    token bucket sizes and refill rates"; check the current table before relying on it). */
export const RATE_PRESETS = {
  'route53-account': { burst: 50, ratePerSecond: 10 },
  'route53-create-hosted-zone': { burst: 40, ratePerSecond: 2 },
  'ec2-non-mutating': { burst: 100, ratePerSecond: 20 },
  'ec2-mutating': { burst: 50, ratePerSecond: 5 },
} as const;

/** HTTP statuses AWS uses for common injected errors, per service where they differ. */
export function awsErrorStatus(service: ServiceName, code: string): number {
  switch (code) {
    case 'RequestLimitExceeded': // EC2 throttling (bosh-aws-cpi-release#61)
      return 503;
    case 'InsufficientInstanceCapacity':
    case 'InternalError':
    case 'InternalFailure':
    case 'InternalServerError':
      return 500;
    case 'ServiceUnavailable':
    case 'Unavailable':
      return 503;
    case 'PriorRequestNotComplete':
      // Route 53 answers 400; the ELBv2 model declares 429.
      return service === 'elasticloadbalancing' ? 429 : 400;
    case 'ThrottlingException':
    case 'Throttling':
      return 400;
    default:
      return 400;
  }
}

const DEFAULT_MESSAGES: Record<string, string> = {
  RequestLimitExceeded: 'Request limit exceeded.',
  Throttling: 'Rate exceeded',
  ThrottlingException: 'Rate exceeded',
  InsufficientInstanceCapacity:
    'We currently do not have sufficient capacity in the Availability Zone you requested.',
  InternalError: 'An internal error has occurred',
  PriorRequestNotComplete: 'The request was rejected because Route 53 was still processing a prior request.',
};

export function throttlingCode(service: ServiceName): string {
  if (service === 'ec2') return 'RequestLimitExceeded';
  if (service === 'ssm' || service === 'kms') return 'ThrottlingException';
  return 'Throttling';
}

interface Bucket {
  tokens: number;
  at: number;
}

interface Entry {
  spec: FaultSpec;
  fired: number;
  bucket?: Bucket;
}

function lookup(params: unknown, path: string): unknown {
  let cur: unknown = params;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

function wildcard(pattern: string, value: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === value;
  const re = new RegExp(
    '^' +
      pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
    's',
  );
  return re.test(value);
}

function matches(match: Record<string, unknown> | undefined, params: unknown): boolean {
  if (!match) return true;
  for (const [key, expected] of Object.entries(match)) {
    const actual = lookup(params, key);
    if (actual === undefined || actual === null || typeof actual === 'object') return false;
    if (!wildcard(String(expected), String(actual))) return false;
  }
  return true;
}

export function validateFault(spec: unknown): FaultSpec {
  if (!spec || typeof spec !== 'object') throw new Error('a fault spec must be an object');
  const s = spec as Record<string, unknown>;
  const kind = (s.kind ?? 'error') as string;
  const num = (k: string): void => {
    if (s[k] !== undefined && (typeof s[k] !== 'number' || !((s[k] as number) >= 0)))
      throw new Error(`fault ${k} must be a non-negative number`);
  };
  num('times');
  num('probability');
  if (typeof s.probability === 'number' && s.probability > 1)
    throw new Error('fault probability must be within 0..1');
  if (kind === 'error') {
    if (typeof s.service !== 'string' || typeof s.operation !== 'string' || typeof s.error !== 'string') {
      throw new Error('an error fault needs service, operation and error');
    }
  } else if (kind === 'rate-limit') {
    if (typeof s.service !== 'string') throw new Error('a rate-limit fault needs service');
    if (s.preset !== undefined) {
      if (!(String(s.preset) in RATE_PRESETS))
        throw new Error(`unknown rate-limit preset ${String(s.preset)}`);
    } else {
      num('ratePerSecond');
      num('burst');
      if (typeof s.ratePerSecond !== 'number' || typeof s.burst !== 'number')
        throw new Error('a rate-limit fault needs ratePerSecond and burst (or preset)');
    }
  } else if (kind === 'latency') {
    num('ms');
    num('wallMs');
    if (s.ms === undefined && s.wallMs === undefined) throw new Error('a latency fault needs ms or wallMs');
    if (s.onArrival !== undefined && typeof s.onArrival !== 'boolean')
      throw new Error("a latency fault's onArrival must be true or false");
  } else if (!(BEHAVIOURS as readonly string[]).includes(kind)) {
    throw new Error(`unknown fault kind ${kind}`);
  }
  if (s.output !== undefined) {
    if (kind !== 'builder-fails') throw new Error('only a builder-fails fault takes output');
    if (!Array.isArray(s.output) || !s.output.every((l) => typeof l === 'string' && !/[\r\n]/.test(l)))
      throw new Error('fault output must be a list of single-line strings');
  }
  return spec as FaultSpec;
}

export interface FaultDecision {
  error?: AwsError;
  /** Sandbox milliseconds of extra latency. */
  latencyMs: number;
  /** Wall milliseconds of extra latency. */
  wallMs: number;
}

export class Faults {
  private entries: Entry[] = [];
  private random: Random;

  constructor(
    seed: number,
    private readonly now: () => number,
  ) {
    this.random = new Random(seed ^ 0x5eed);
  }

  add(specs: unknown[]): FaultSpec[] {
    const valid = specs.map(validateFault);
    for (const spec of valid) this.entries.push({ spec, fired: 0 });
    return valid;
  }

  clear(): void {
    this.entries = [];
  }

  list(): Array<FaultSpec & { fired: number }> {
    return this.entries.map((e) => ({ ...e.spec, fired: e.fired }));
  }

  /** Whether the entry fires this time (times / probability), consuming one firing. */
  private fires(entry: Entry, times?: number, probability?: number): boolean {
    if (times !== undefined && entry.fired >= times) return false;
    if (probability !== undefined && !(this.random.next() < probability)) return false;
    entry.fired++;
    return true;
  }

  /** The latency faults with `onArrival` for one AWS call, decided before it is
   *  authenticated (the front waits `latencyMs` on the sandbox clock, then `wallMs`). */
  onArrival(service: ServiceName, operation: string): Omit<FaultDecision, 'error'> {
    const delay = { latencyMs: 0, wallMs: 0 };
    for (const entry of this.entries) this.addLatency(entry, service, operation, true, delay);
    return delay;
  }

  /** Adds `entry`'s delay when it is a latency fault of this phase that fires for the call. */
  private addLatency(
    entry: Entry,
    service: ServiceName,
    operation: string,
    arrival: boolean,
    delay: Omit<FaultDecision, 'error'>,
  ): void {
    const l = entry.spec as LatencyFault;
    if (l.kind !== 'latency' || (l.onArrival === true) !== arrival) return;
    if (l.service && l.service !== service) return;
    if (l.operation && l.operation !== operation) return;
    if (!this.fires(entry, l.times, l.probability)) return;
    delay.latencyMs += l.ms ?? 0;
    delay.wallMs += l.wallMs ?? 0;
  }

  /** Decide the faults for one AWS call (before the operation runs). */
  onCall(service: ServiceName, operation: string, params: unknown): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, wallMs: 0 };
    for (const entry of this.entries) {
      const spec = entry.spec;
      const kind = spec.kind ?? 'error';
      if (kind === 'latency') {
        this.addLatency(entry, service, operation, false, decision);
      } else if (kind === 'rate-limit' && !decision.error) {
        const r = spec as RateLimitFault;
        if (r.service !== service) continue;
        if (r.operation && r.operation !== operation) continue;
        const preset = r.preset ? RATE_PRESETS[r.preset] : undefined;
        const burst = preset?.burst ?? r.burst ?? 1;
        const rate = preset?.ratePerSecond ?? r.ratePerSecond ?? 1;
        const now = this.now();
        const bucket = (entry.bucket ??= { tokens: burst, at: now });
        bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
        bucket.at = now;
        if (bucket.tokens >= 1) {
          bucket.tokens -= 1;
        } else {
          entry.fired++;
          const code = r.error ?? throttlingCode(service);
          decision.error = new AwsError(
            code,
            DEFAULT_MESSAGES[code] ?? 'Rate exceeded',
            awsErrorStatus(service, code),
          );
        }
      } else if (kind === 'error' && !decision.error) {
        const e = spec as ErrorFault;
        if (e.service !== service || e.operation !== operation) continue;
        if (!matches(e.match, params)) continue;
        if (!this.fires(entry, e.times, e.probability)) continue;
        decision.error = new AwsError(
          e.error,
          e.message ?? DEFAULT_MESSAGES[e.error] ?? `Injected fault: ${e.error}`,
          e.status ?? awsErrorStatus(service, e.error),
        );
      }
    }
    return decision;
  }

  /** Named behaviours: true when a spec of `kind` matches (its `match` keys all equal the
   *  given values; a spec without `match` matches everything), consuming one firing. */
  active(kind: string, match: Record<string, string> = {}): boolean {
    return this.firing(kind, match) !== undefined;
  }

  /** Like `active`, returning the spec that fired (for behaviours with details, such as
   *  the output of a failing builder), or undefined. */
  firing(kind: string, match: Record<string, string> = {}): BehaviourFault | undefined {
    for (const entry of this.entries) {
      const spec = entry.spec as BehaviourFault;
      if (spec.kind !== kind) continue;
      if (spec.match) {
        let ok = true;
        for (const [k, v] of Object.entries(spec.match)) {
          const actual = match[k];
          if (actual === undefined || !wildcard(String(v), actual)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
      }
      if (this.fires(entry, spec.times, spec.probability)) return spec;
    }
    return undefined;
  }
}
