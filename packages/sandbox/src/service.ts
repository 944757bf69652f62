// The contract between the sandbox's HTTP front (protocols, routing, faults, call log)
// and each emulated AWS service. A service never sees HTTP: it gets decoded parameters
// and returns a plain object (or throws an AwsError); the protocol layer renders both
// the way the real service does on the wire.
import type { AuthorizationRequest } from './iam/request.js';
import type { ProtocolCodec } from './protocols/types.js';

/** Wire protocols the sandbox speaks, as named in the AWS SDK / botocore models. */
export type Protocol = 'ec2' | 'query' | 'rest-xml' | 'json';

/** A decoded request. For query protocols `params` is the form body unflattened into
 *  nested objects: `Filter.1.Name=x` → `{ Filter: [{ Name: 'x' }] }`, and for awsQuery
 *  `Subnets.member.1=a` → `{ Subnets: { member: ['a'] } }`, `Tags.Tag.1.Key=k` →
 *  `{ Tags: { Tag: [{ Key: 'k' }] } }` (use `listParam()` to read either shape).
 *  For rest-xml `params` merges the path labels, query string and parsed XML body;
 *  for json it is the parsed body. */
export interface SandboxRequest {
  service: ServiceName;
  operation: string;
  params: Record<string, unknown>;
  region: string;
}

export type ServiceName =
  'ec2' | 'elasticloadbalancing' | 'route53' | 'rds' | 'ssm' | 'sts' | 's3' | 'autoscaling' | 'kms';

/** An AWS error as the service would raise it: `code` is the wire code (e.g.
 *  `InvalidInstanceID.NotFound`, `LoadBalancerNotFound`, `DBInstanceNotFound`), `status`
 *  the HTTP status AWS uses for it. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}

/** Simulated time: `now()` is sandbox time in ms since the epoch; durations in the
 *  sandbox are real-world durations, and the clock runs `scale` times faster than
 *  wall time (scale 1000 → a 5-minute state change takes 0.3 s of wall time). */
export interface SandboxClock {
  now(): number;
  readonly scale: number;
}

/** What a service handler is given besides the request. */
export interface ServiceContext {
  clock: SandboxClock;
  accountId: string;
  /** Deterministic ids: `ids.next('i')` → `i-0a1b2c…` (17 hex), seeded. */
  ids: { next(prefix: string, hexLength?: number): string };
  /** Fault-injection hooks beyond per-operation errors (e.g. 'target-never-healthy'). */
  faults: {
    active(kind: string, match?: Record<string, string>): boolean;
    /** The behaviour spec that fired (for details such as a failing builder's output). */
    firing(kind: string, match?: Record<string, string>): { output?: readonly string[] } | undefined;
  };
  /** Start options the services may care about (added; optional for compatibility).
   *  `postgres`: back RDS with a real PostgreSQL. `stateDir`: a directory for service
   *  data that must survive restarts (set when `--state FILE` is used). */
  options?: {
    postgres?: boolean;
    stateDir?: string;
    /** Secret access keys by access key id, for services that check signatures (S3's
     *  presigned URLs). Added; optional. */
    credentials?: Readonly<Record<string, string>>;
  };
  /** Region the sandbox is seeded for (default us-east-1). Added; optional. */
  region?: string;
  /** The sandbox's other accounts (accounts.ts): each account has its own instance of every
   *  service, and `ctx.accountId` is the caller's. Only what crosses accounts in AWS uses
   *  this (shared images and snapshots, KMS keys of another account). Added; optional. */
  accounts?: AccountDirectory;
}

/** The services of every sandbox account, for what AWS lets cross accounts. */
export interface AccountDirectory {
  /** Every account id, the primary first. */
  ids(): string[];
  /** One account's instance of a service; undefined for an account the sandbox does not have. */
  service(accountId: string, name: ServiceName): EmulatedService | undefined;
}

export type OperationHandler = (
  req: SandboxRequest,
  ctx: ServiceContext,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** One emulated service: its protocol, its operations, and its inventory for the
 *  control API (`GET /_sandbox/inventory`). State must be JSON-serialisable so
 *  `--state FILE` can persist it. */
export interface EmulatedService {
  name: ServiceName;
  protocol: Protocol;
  /** XML namespace (query protocols) or JSON target prefix (json). */
  namespace: string;
  operations: Record<string, OperationHandler>;
  /** XML element name of list items, keyed by the list's element name
   *  (e.g. `{ DBInstances: 'DBInstance', TagList: 'Tag' }`). Unlisted arrays render
   *  as `<item>` (ec2) or `<member>` (query, rest-xml). */
  listItemNames?: Record<string, string>;
  /** rest-xml only: how requests map to operations, e.g.
   *  `{ method: 'GET', path: '/2013-04-01/change/{Id}', operation: 'GetChange' }`;
   *  `status` overrides the success status (CreateHostedZone answers 201). */
  restRoutes?: Array<{ method: string; path: string; operation: string; status?: number }>;
  /** Optional: the service's own wire codec, when `protocol`'s shared one cannot express it
   *  (S3: binary bodies, operations chosen by sub-resources and headers, presigned URLs). */
  codec?: ProtocolCodec;
  inventory(
    ctx: ServiceContext,
  ): Array<{ kind: string; id: string; state?: string; tags: Record<string, string> }>;
  snapshotState(): unknown;
  restoreState(state: unknown): void;
  reset(): void;
  /** Optional: populate the default seed (`seed: 'default'`), called after `reset()`
   *  on start (when no state file was restored) and on `POST /_sandbox/reset`. Runs
   *  after EC2's seed, so it may look up the seeded VPC/subnets through its own state
   *  or the constants exported by `seed.ts`. */
  seed?(ctx: ServiceContext): void | Promise<void>;
  /** Optional: seed, in `ctx.region`, what the default seed has in every region (EC2's network
   *  and public images, SSM's public parameters, KMS's key), for each region of the `regions`
   *  start option besides the first. Called after `seed`. */
  seedRegion?(ctx: ServiceContext): void;
  /** Optional: async start-up (e.g. launch embedded PostgreSQL), called once before
   *  the server listens, before seeding/restoring. */
  start?(ctx: ServiceContext): void | Promise<void>;
  /** Optional: async shutdown, called by `stop()` after the state was written. */
  stop?(): Promise<void>;
  /** Optional: the IAM authorizations AWS makes for a call (actions, resource ARNs with the
   *  resources' tags, condition keys), read from the state without changing it. Called
   *  only when IAM is enforced, before faults and the handler. Operations it does not
   *  cover are authorized as `<service>:<Operation>` on `*`. */
  authorization?(req: SandboxRequest, ctx: ServiceContext): AuthorizationRequest[] | undefined;
}

/** Reserved key in an operation's result: extra HTTP response headers (rest-xml,
 *  e.g. CreateHostedZone's `Location`). The protocol layer removes it from the body. */
export const RESPONSE_HEADERS = '$headers';

/** Read a list parameter in any of the decoded shapes: an array (`Filter.1.Name` under
 *  ec2), a wrapper object `{ member: [...] }` / `{ Tag: [...] }` (awsQuery), a single
 *  parsed XML element (rest-xml with one child), or absent / empty (`Subnets=`) → [].
 *  `member` names the wrapper key when known (e.g. 'Tag', 'member', 'Change'). */
export function listParam(value: unknown, member?: string): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (member !== undefined) {
      if (!(member in obj)) return [];
      const inner = obj[member];
      if (inner === undefined || inner === null || inner === '') return [];
      return Array.isArray(inner) ? inner : [inner];
    }
    const keys = Object.keys(obj);
    if (keys.length === 1) {
      const inner = obj[keys[0]!];
      if (Array.isArray(inner)) return inner;
      if (keys[0] === 'member' || keys[0] === 'item')
        return inner === '' || inner === undefined ? [] : [inner];
    }
  }
  return [value];
}
