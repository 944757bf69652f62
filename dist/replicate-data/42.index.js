export const id = 42;
export const ids = [42];
export const modules = {

/***/ 7042:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUp: () => (/* binding */ cleanUp),
  replicateChecked: () => (/* binding */ replicateChecked)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/RDSClient.js + 11 modules
var RDSClient = __webpack_require__(118);
// EXTERNAL MODULE: ./packages/core/lib/clock.js
var lib_clock = __webpack_require__(8055);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
;// CONCATENATED MODULE: ./packages/core/lib/throttle-retry.js
// Route 53's request rate is low and shared by the whole account, and rebuild-the-world cuts
// over many roles at once. The SDK's adaptive retries absorb short bursts (up to its attempt
// limit); past that, this loop keeps retrying throttled calls with jittered backoff until the
// action's deadline, so twenty parallel cutovers queue up instead of failing. A connection
// that dropped mid-call is sent again a few times too: the SDK retries one within its attempts,
// but attempts spent on throttling can leave none for it.


const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 20_000;
/** Sends after a dropped connection, beyond the SDK's: enough for a reset keep-alive socket,
 *  few enough that an endpoint that is down fails the run soon. */
const DROPPED_RETRIES = 3;
/** Socket errors of a call whose connection dropped; the SDK's HTTP handler names them
 *  TimeoutError, and retries them itself as transient. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/** True when the call's connection dropped or timed out: no answer came, so it may be sent again. */
function isDroppedConnection(error) {
    if (!(error instanceof Error))
        return false;
    const code = error.code;
    return error.name === 'TimeoutError' || (typeof code === 'string' && DROPPED_CODES.has(code));
}
/** Backoff before retry `attempt` (0-based): exponential, capped, jittered to 50–100 %. */
function backoffDelay(attempt, random) {
    return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.5 + 0.5 * random());
}
/**
 * Runs `call`, retrying it while AWS throttles it and the deadline allows another attempt,
 * and up to DROPPED_RETRIES times when its connection dropped. Any other error, or either
 * with no retry left, is thrown as it came (describeError then tells the user to run fewer
 * releases at once). A call sent again after a dropped connection may have been done already;
 * the SDK sends such calls again as well, and callers of a CREATE handle finding it made.
 */
async function retryThrottled(ctx, what, call) {
    const random = ctx.random ?? Math.random;
    let dropped = 0;
    for (let attempt = 0;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            const throttled = (0,errors/* isThrottlingError */.Qb)(error);
            if (!throttled && !(isDroppedConnection(error) && dropped++ < DROPPED_RETRIES))
                throw error;
            const delay = backoffDelay(attempt, random);
            if (delay >= ctx.deadline.remaining())
                throw error;
            const why = throttled
                ? `AWS throttled it (${error.name})`
                : `its connection dropped (${error.message.slice(0, 80)})`;
            ctx.log(`${what}: ${why}; retrying in ${(0,lib_clock/* formatDuration */.a3)(delay)}`);
            await ctx.clock.sleep(delay);
        }
    }
}
/** retryThrottled with a context; without one, the call once, throttling left to the SDK's own
 *  few retries (callers whose caller chose not to wait out throttling). */
function retryThrottledIf(ctx, what, call) {
    return ctx ? retryThrottled(ctx, what, call) : call();
}

;// CONCATENATED MODULE: ./packages/core/lib/version.js
/** immut's version, sent in every AWS user agent. A test keeps it equal to package.json's. */
const IMMUT_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./packages/core/lib/aws.js


/** IAM action prefix per SDK client, so errors can name the exact IAM action to grant. */
const IAM_PREFIX = {
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
const DEFAULT_MAX_ATTEMPTS = 6;
/**
 * S3 through an endpoint override (AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_S3: the sandbox, a
 * VPC endpoint, an S3-compatible store) is addressed path-style (`<endpoint>/<bucket>/<key>`):
 * the override's host cannot take a bucket name as a subdomain. AWS itself keeps the
 * virtual-hosted style it recommends.
 */
function s3PathStyle(clientName, env = process.env) {
    return clientName === 'S3Client' && !!(env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL']);
}
/** User agent pairs, rendered by the SDK as `immut/<version> immut-action/<action>`. */
function userAgent(action) {
    return [
        ['immut', IMMUT_VERSION],
        ['immut-action', action],
    ];
}
/** Builds an SDK client with immut's settings: `createAwsClient(EC2Client, settings)`. */
function createAwsClient(Client, settings) {
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
function callContext(context) {
    return {
        service: IAM_PREFIX[context.clientName ?? ''] ?? context.clientName ?? 'aws',
        operation: (context.commandName ?? 'UnknownCommand').replace(/Command$/, ''),
    };
}
/** Sends the call again, whole (the SDK's own attempts included), while AWS throttles it and
 *  the deadline allows: a throttled request did nothing, so any call may be repeated. */
const retryThrottledCalls = (calls) => (next, context) => (args) => {
    const { service, operation } = callContext(context);
    return retryThrottled(calls, `${service}:${operation}`, () => next(args));
};
/** Attaches `$immut: { service, operation }` to errors so messages can name the IAM action. */
const nameFailedCall = (next, context) => async (args) => {
    try {
        return await next(args);
    }
    catch (error) {
        if (error instanceof Error)
            Object.assign(error, { $immut: callContext(context) });
        throw error;
    }
};

// EXTERNAL MODULE: ./packages/core/lib/cleanup.js
var lib_cleanup = __webpack_require__(4161);
;// CONCATENATED MODULE: ./packages/core/lib/provenance.js
// Where a run came from, read from the variables the GitHub runner sets. Tags, manifests
// and summaries all record it, so it is read in one place.

function provenanceFromEnv(env) {
    const repository = env['GITHUB_REPOSITORY'] ?? 'local/local';
    const sha = env['GITHUB_SHA'] ?? 'unknown';
    const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
    const runId = env['GITHUB_RUN_ID'];
    const runUrl = runId ? `${server}/${repository}/actions/runs/${runId}` : '';
    return { repository, sha, runUrl };
}
/** The owner and name of the workflow's repository (GITHUB_REPOSITORY). */
function repositoryFromEnv(env) {
    const full = env['GITHUB_REPOSITORY'] ?? '';
    const [owner, repo, ...rest] = full.split('/');
    if (!owner || !repo || rest.length > 0) {
        throw new UserError(`GITHUB_REPOSITORY is '${full}', expected 'owner/repo'; run this action in a GitHub Actions workflow.`);
    }
    return { owner, repo };
}

;// CONCATENATED MODULE: ./packages/core/lib/source-guard.js

/** The reads of an RDS DB instance that create something else from it. */
const RDS_INSTANCE_READS = {
    CreateDBSnapshot: ['DBInstanceIdentifier'],
    RestoreDBInstanceToPointInTime: ['SourceDBInstanceIdentifier'],
    CreateDBInstanceReadReplica: ['SourceDBInstanceIdentifier'],
};
/** The protection for one RDS DB instance. */
function rdsInstanceSource(id) {
    return { kind: 'RDS DB instance', id, arnTypes: ['db'], reads: RDS_INSTANCE_READS };
}
/** The reads of an Aurora DB cluster that create something else from it: a clone or a
 *  point-in-time copy, and a cluster snapshot. */
const RDS_CLUSTER_READS = {
    RestoreDBClusterToPointInTime: ['SourceDBClusterIdentifier'],
    CreateDBClusterSnapshot: ['DBClusterIdentifier'],
};
/** The protection for one Aurora DB cluster (`arn:…:cluster:<id>`). */
function rdsClusterSource(id) {
    return { kind: 'Aurora DB cluster', id, arnTypes: ['cluster'], reads: RDS_CLUSTER_READS };
}
/**
 * The protection for an RDS source named `id` that may be a DB instance or an Aurora DB
 * cluster (separate namespaces: both are protected). Adding an instance to the source cluster
 * (CreateDBInstance with its DBClusterIdentifier) is a change, so it is refused.
 */
function rdsSource(id) {
    return {
        kind: 'RDS DB instance or Aurora DB cluster',
        id,
        arnTypes: ['db', 'cluster'],
        reads: { ...RDS_INSTANCE_READS, ...RDS_CLUSTER_READS },
    };
}
/** Commands that cannot change anything: AWS's read-only verbs. */
function isReadOnlyCommand(command) {
    return /^(?:Describe|List|Get|Download)[A-Z]/.test(command);
}
// Tag values may mention the source (immut records where a copy came from); a tag never
// addresses a resource, so tags are not inspected.
const NOT_ADDRESSES = new Set(['Tags', 'TagKeys']);
function namesSource(value, source) {
    const wanted = source.id.toLowerCase();
    const lower = value.toLowerCase();
    if (lower === wanted)
        return true;
    const arn = /^arn:aws[a-z-]*:[a-z0-9-]+:[^:]*:[^:]*:([a-z-]+)[:/](.+)$/.exec(lower);
    return arn !== null && source.arnTypes.includes(arn[1] ?? '') && arn[2] === wanted;
}
/** Paths (`DBInstanceIdentifier`, `Filters.0.Values.1`) of every string that names the source. */
function pathsNaming(value, source, path) {
    if (typeof value === 'string')
        return namesSource(value, source) ? [path] : [];
    if (Array.isArray(value))
        return value.flatMap((v, i) => pathsNaming(v, source, `${path}.${i}`));
    if (value && typeof value === 'object') {
        return Object.entries(value).flatMap(([key, v]) => NOT_ADDRESSES.has(key) ? [] : pathsNaming(v, source, path === '' ? key : `${path}.${key}`));
    }
    return [];
}
/**
 * Why `command` with `input` would touch the protected source, or undefined when it may be
 * sent: read-only commands always may; a mutating command may name the source only in a
 * parameter listed as a read for that command.
 */
function sourceViolation(command, input, source) {
    if (isReadOnlyCommand(command))
        return undefined;
    const reads = new Set(source.reads[command] ?? []);
    const offending = pathsNaming(input, source, '').filter((p) => !reads.has(p));
    if (offending.length === 0)
        return undefined;
    return `Refusing ${command}: its ${offending.join(', ')} names the source ${source.kind} '${source.id}', which immut only reads and never changes.`;
}
/**
 * Installs the guard on `client`: every command is checked with `sourceViolation` before it
 * is signed or sent, and a violation throws a GuardError. Returns the client for chaining.
 */
function guardSource(client, source) {
    const guard = (next, context) => async (args) => {
        const command = (context.commandName ?? 'UnknownCommand').replace(/Command$/, '');
        const violation = sourceViolation(command, args.input, source);
        if (violation)
            throw new errors/* GuardError */.U$(violation);
        return next(args);
    };
    // Innermost initialize step, so nothing can rewrite the input after the check.
    client.middlewareStack.add(guard, { step: 'initialize', name: 'immutSourceGuard', priority: 'low' });
    return client;
}

// EXTERNAL MODULE: ./.build/tsc/actions/replicate-data/main.js + 1 modules
var main = __webpack_require__(9520);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
// EXTERNAL MODULE: ./packages/core/lib/identity.js
var identity = __webpack_require__(4891);
;// CONCATENATED MODULE: ./packages/core/lib/tags.js
// The standard tag set on every AWS resource immut creates, and the guard that keeps immut
// from modifying or deleting anything it did not create for the expected role and env.


const TAG = {
    managedBy: 'immut:managed-by',
    role: 'immut:role',
    env: 'immut:env',
    build: 'immut:build',
    release: 'immut:release',
    source: 'immut:source',
    run: 'immut:run',
    fingerprint: 'immut:fingerprint',
    baseImage: 'immut:base-image',
    /** On an image: how long its builder ran, in whole seconds; when the role's next bake first
     *  looks at its builder. */
    builderSeconds: 'immut:builder-seconds',
    /** On immut's own S3 staging bucket: the version of the configuration applied to it. */
    stagingConfig: 'immut:staging-config',
    /** Marks bake builder instances, so cleanup and audits can find them. */
    component: 'immut:component',
    /** The sha256 of the application artifact baked into an image (bake-image's `artifact`). */
    artifact: 'immut:artifact',
    name: 'Name',
};
const MANAGED_BY_VALUE = 'immut';
/** AWS limits shared by EC2, ELBv2 and RDS tags. */
/**
 * The tag a promotion writes on the image (and its snapshots) it reuses from another env:
 * `immut:used-by:<env>` = the build of that env which runs it. The image's own env keeps it
 * while the tag is there; the using env's retirement removes the tag with its build.
 */
const USED_BY_PREFIX = 'immut:used-by:';
function usedByTag(env) {
    return `${USED_BY_PREFIX}${env}`;
}
/**
 * The tag a promotion into another AWS account writes beside `immut:used-by:<env>` on the
 * source image and its snapshots: `immut:shared-with:<env>` = that env's account id, to which
 * the image was shared (launch and create-volume permissions). retire-release's `unshare` mode
 * removes the permissions and both tags once the using build is retired there.
 */
const SHARED_WITH_PREFIX = 'immut:shared-with:';
function sharedWithTag(env) {
    return `${SHARED_WITH_PREFIX}${env}`;
}
/** On an image copied into this account or region for a promotion: the source image's id. */
const COPIED_FROM_TAG = 'immut:copied-from';
const TAG_LIMITS = { perResource: 50, keyLength: 128, valueLength: 256 };
/**
 * The standard tags for a resource of this release. `extra` adds kind-specific tags
 * (e.g. the fingerprint on images); it cannot override the identity tags.
 */
function standardTags(id, provenance, name, extra = {}) {
    const tags = {
        ...extra,
        [TAG.name]: name,
        [TAG.managedBy]: MANAGED_BY_VALUE,
        [TAG.role]: id.role,
        [TAG.env]: id.env,
        [TAG.build]: id.build,
        [TAG.release]: (0,identity/* releaseId */.Bf)(id),
        [TAG.source]: `${provenance.repository}@${provenance.sha}`,
    };
    if (provenance.runUrl)
        tags[TAG.run] = provenance.runUrl;
    checkTags(tags);
    return tags;
}
/** Throws when tags break AWS's limits, before any call is made. */
function checkTags(tags) {
    const entries = Object.entries(tags);
    if (entries.length > TAG_LIMITS.perResource) {
        throw new Error(`${entries.length} tags exceed AWS's limit of ${TAG_LIMITS.perResource} per resource`);
    }
    for (const [key, value] of entries) {
        if (key.length === 0 || key.length > TAG_LIMITS.keyLength) {
            throw new Error(`tag key '${key}' must be 1–${TAG_LIMITS.keyLength} characters`);
        }
        if (key.toLowerCase().startsWith('aws:'))
            throw new Error(`tag key '${key}' uses the reserved 'aws:' prefix`);
        if (value.length > TAG_LIMITS.valueLength) {
            throw new Error(`tag '${key}' value is ${value.length} characters; AWS allows ${TAG_LIMITS.valueLength}`);
        }
    }
}
/** `[{ Key, Value }]`, the shape EC2, ELBv2 and RDS all take. */
function toAwsTags(tags) {
    return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
/** The inverse of `toAwsTags`; tolerates the SDK's optional fields. */
function fromAwsTags(list) {
    const tags = {};
    for (const { Key, Value } of list ?? [])
        if (Key !== undefined)
            tags[Key] = Value ?? '';
    return tags;
}
/** EC2 filters that find every resource immut made for one role in one env, all builds. */
function roleFilters(who) {
    return [
        { Name: `tag:${TAG.managedBy}`, Values: [MANAGED_BY_VALUE] },
        { Name: `tag:${TAG.role}`, Values: [who.role] },
        { Name: `tag:${TAG.env}`, Values: [who.env] },
    ];
}
/** EC2 filters that find resources of exactly this release. */
function releaseFilters(id) {
    return [...roleFilters(id), { Name: `tag:${TAG.build}`, Values: [id.build] }];
}
/**
 * Why immut may not modify or delete a resource with these tags (`it has no
 * immut:managed-by=immut tag`, `it belongs to role 'web'`), or undefined when it may. For
 * callers that skip such a resource with a warning instead of failing (e.g. a snapshot of
 * an image being removed); everything else goes through `assertManaged`.
 */
function managedProblem(tags, expected) {
    if (tags[TAG.managedBy] !== MANAGED_BY_VALUE)
        return `it has no ${TAG.managedBy}=${MANAGED_BY_VALUE} tag`;
    if (tags[TAG.role] !== expected.role)
        return `it belongs to role '${tags[TAG.role] ?? '(none)'}'`;
    if (tags[TAG.env] !== expected.env)
        return `it belongs to env '${tags[TAG.env] ?? '(none)'}'`;
    return undefined;
}
/**
 * The one guard every modify or delete goes through: refuses any resource that lacks
 * `immut:managed-by=immut` or belongs to another role or env, whatever the inputs said.
 */
function assertManaged(resource, expected) {
    const problem = managedProblem(resource.tags, expected);
    if (problem !== undefined) {
        throw new errors/* GuardError */.U$(`Refusing to modify ${resource.kind} ${resource.id}: ${problem}. immut only changes resources it created for role '${expected.role}' in env '${expected.env}'.`);
    }
}

;// CONCATENATED MODULE: ./packages/core/lib/wait.js
// Polling with a deadline. immut waits on slow AWS state changes (images, restores, load
// balancers, DNS) where users most need to see progress and a clear reason on timeout.
// The SDK's waiters sleep at least one real second per poll, print nothing while they wait
// and retry on every error, so immut polls with its own loop: the same acceptor logic,
// plus progress lines, a timeout error naming what was still pending, and a clock that
// the sandbox can speed up.


/** The delay before poll number `attempt` (0-based), without jitter. */
function pollDelay(attempt, minDelayMs, maxDelayMs) {
    return Math.min(maxDelayMs, minDelayMs * 1.5 ** attempt);
}
/**
 * How long a wait with an expected completion sleeps before poll number `attempt` (0-based;
 * attempt 0 is the first poll), without jitter: the expected duration, then AWS's cadence
 * (`minDelayMs`) while the change is overdue by less than the expected duration itself, then
 * growing by half each poll up to `maxDelayMs`. On time, one poll; late, the cadence finds it
 * within one interval; far off its published figure, polls thin out.
 */
function pollSchedule(attempt, elapsedMs, expectedMs, minDelayMs, maxDelayMs) {
    if (attempt === 0)
        return expectedMs;
    const overdue = elapsedMs - expectedMs;
    // The window of close polling: as long as the expected duration, at least six polls.
    const window = Math.max(expectedMs, 6 * minDelayMs);
    if (overdue < window)
        return minDelayMs;
    return Math.min(maxDelayMs, minDelayMs * 1.5 ** Math.ceil((overdue - window) / minDelayMs));
}
async function waitFor(options) {
    const { what, check, timeoutMs, clock, log } = options;
    const minDelayMs = options.minDelayMs ?? 5_000;
    const maxDelayMs = options.maxDelayMs ?? 30_000;
    const progressEveryMs = options.progressEveryMs ?? 30_000;
    const random = options.random ?? Math.random;
    const start = clock.now();
    let lastState;
    let lastProgress = start;
    const expectedMs = options.expectedMs;
    if (expectedMs !== undefined && expectedMs > 0) {
        // Never early: jitter only adds, at most a quarter of the cadence, to spread the first
        // polls of parallel releases.
        const first = pollSchedule(0, 0, expectedMs, minDelayMs, maxDelayMs) + 0.25 * minDelayMs * random();
        log(`${what}: due in about ${(0,lib_clock/* formatDuration */.a3)(expectedMs)}; first check then (deadline ${(0,lib_clock/* formatDuration */.a3)(timeoutMs)})`);
        await clock.sleep(Math.max(0, Math.min(first, timeoutMs)));
    }
    else if (options.notBeforeMs !== undefined && options.notBeforeMs > 0) {
        await clock.sleep(Math.min(options.notBeforeMs, timeoutMs));
    }
    for (let attempt = 0;; attempt++) {
        const observation = await check();
        const elapsed = clock.now() - start;
        if ('failed' in observation) {
            throw new errors/* WaitFailedError */.vv(`Waiting for ${what} failed after ${(0,lib_clock/* formatDuration */.a3)(elapsed)}: ${observation.reason}`);
        }
        if (observation.done) {
            log(`${what}: done after ${(0,lib_clock/* formatDuration */.a3)(elapsed)}`);
            return observation.value;
        }
        const now = clock.now();
        if (observation.state !== lastState || now - lastProgress >= progressEveryMs) {
            log(`${what}: ${observation.state} (${(0,lib_clock/* formatDuration */.a3)(elapsed)} elapsed, deadline ${(0,lib_clock/* formatDuration */.a3)(timeoutMs)})`);
            lastState = observation.state;
            lastProgress = now;
        }
        const delay = expectedMs !== undefined && expectedMs > 0
            ? pollSchedule(attempt + 1, now - start, expectedMs, minDelayMs, maxDelayMs)
            : pollDelay(attempt, minDelayMs, maxDelayMs);
        const jittered = delay * (0.75 + 0.5 * random());
        const remaining = timeoutMs - (now - start);
        if (remaining <= 0) {
            throw new errors/* WaitTimeoutError */.Do(`Timed out after ${(0,lib_clock/* formatDuration */.a3)(elapsed)} waiting for ${what}; still ${observation.state}. Raise the 'timeout' input if this is normal for your resources.`);
        }
        await clock.sleep(Math.min(jittered, remaining));
    }
}
function deadlineFrom(clock, timeoutMs) {
    const end = clock.now() + timeoutMs;
    return { remaining: () => Math.max(0, end - clock.now()) };
}
/**
 * When AWS's state changes are due and how often AWS's own SDK waiters poll them: the
 * `expectedMs` (first poll) and `minDelayMs` (cadence) of immut's waits. The durations are the
 * published figures (the sandbox models the same ones, each with its source); the cadences
 * are the `delay` of the matching waiter in botocore's waiters-2.json for the service.
 */
const AWS_WAITS = {
    /** RunInstances → running: about 5–17 s (daemonology.net/blog/2021-08-12-EC2-boot-time-
     *  benchmarking.html). Waiter InstanceRunning: delay 15 s. */
    instanceRunning: { expectedMs: 15_000, cadenceMs: 15_000 },
    /** stopping → stopped: OS shutdown, typically well under a minute for EBS-backed Linux (EC2
     *  user guide, "Stop and start Amazon EC2 instances"); we count 30 s. Waiter
     *  InstanceStopped: delay 15 s. */
    instanceStopped: { expectedMs: 30_000, cadenceMs: 15_000 },
    /** CreateImage → available: minutes, scaling with changed blocks (EC2 user guide, quoted in
     *  osbuild/osbuild-composer#2961; repost.aws/knowledge-center/ebs-snapshot-ec2-ami-creation-slow).
     *  We expect 5 min. Waiter ImageAvailable: delay 15 s. */
    imageAvailable: { expectedMs: 5 * 60_000, cadenceMs: 15_000 },
    /** ALB provisioning → active: about 2–5 min (kubernetes/kubernetes#44695;
     *  hashicorp/terraform#24799); the first check at 3 min. Waiter LoadBalancerAvailable: 15 s. */
    loadBalancerActive: { expectedMs: 3 * 60_000, cadenceMs: 15_000 },
    /** A new target → healthy: registration plus passing checks at the default 30 s interval,
     *  roughly 30–90 s (ALB user guide, "Health checks for your target groups"); with the
     *  servers' boot first (instanceRunning) we expect 15 s + 45 s. Waiter TargetInService: 15 s. */
    fleetHealthy: { expectedMs: 60_000, cadenceMs: 15_000 },
    /** Route 53 PENDING → INSYNC: "generally propagate … within 60 seconds" (Route 53 API
     *  reference, ChangeResourceRecordSets); the first check halfway, the next at the 60 s the
     *  reference names. Waiter ResourceRecordSetsChanged: delay 30 s. */
    route53Insync: { expectedMs: 30_000, cadenceMs: 30_000 },
    /** RDS restore → available: tens of minutes, 10–30 min for small instances (a rule of
     *  thumb; AWS publishes no figure), then `backing-up` with backups on, 2 min or (since 2025)
     *  much longer (hashicorp/terraform-provider-aws#44104); the first check at the low end of
     *  both. Waiter DBInstanceAvailable: delay 30 s. */
    rdsRestore: { expectedMs: 12 * 60_000, cadenceMs: 30_000 },
    /** Aurora copy-on-write clone → available: about 5.5 min with its instance, "most of that
     *  time … provisioning a new RDS instance" (AWS News Blog, "Amazon Aurora Fast Database
     *  Cloning"); the cluster itself about 1 min. Waiter DBClusterAvailable: delay 30 s. */
    auroraClone: { expectedMs: 60_000, cadenceMs: 30_000 },
    auroraInstance: { expectedMs: 4.5 * 60_000, cadenceMs: 30_000 },
    /** ModifyDBInstance / ModifyDBCluster applied (a password change, a managed password): AWS
     *  says only "asynchronously applied as soon as possible" (RDS API reference,
     *  ModifyDBInstance MasterUserPassword) and publishes no duration; we expect the 1 min the
     *  sandbox records (durations.ts rdsModifying). A first check after one waiter delay (30 s)
     *  found it still resetting and cost a second interval of 30 s ± a quarter. Waiter delay:
     *  30 s. */
    rdsModify: { expectedMs: 60_000, cadenceMs: 30_000 },
    /** RDS manual snapshot → available: minutes for small instances (RDS user guide, "Creating
     *  a DB snapshot"; no figure given, we expect 4 min). Waiter DBSnapshotAvailable: 30 s. */
    rdsSnapshot: { expectedMs: 4 * 60_000, cadenceMs: 30_000 },
};

// EXTERNAL MODULE: ./.build/tsc/actions/replicate-data/changelog.js + 1 modules
var replicate_data_changelog = __webpack_require__(3184);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBClusterFromSnapshotCommand.js
var RestoreDBClusterFromSnapshotCommand = __webpack_require__(7208);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBClusterToPointInTimeCommand.js
var RestoreDBClusterToPointInTimeCommand = __webpack_require__(3757);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBInstanceCommand.js
var CreateDBInstanceCommand = __webpack_require__(7001);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBClusterCommand.js
var ModifyDBClusterCommand = __webpack_require__(2668);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClustersCommand.js
var DescribeDBClustersCommand = __webpack_require__(9342);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClusterSnapshotsCommand.js
var DescribeDBClusterSnapshotsCommand = __webpack_require__(526);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClusterSnapshotsPaginator.js
var DescribeDBClusterSnapshotsPaginator = __webpack_require__(2790);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBInstancesCommand.js
var DescribeDBInstancesCommand = __webpack_require__(9397);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBSnapshotsPaginator.js
var DescribeDBSnapshotsPaginator = __webpack_require__(2622);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBSnapshotsCommand.js
var DescribeDBSnapshotsCommand = __webpack_require__(2678);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBSnapshotCommand.js
var CreateDBSnapshotCommand = __webpack_require__(7656);
;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/source.js
// The source side of a replication: what the source DB instance is, and which point of its
// history the replica starts from. Everything here only reads the source, except taking a
// new snapshot of it (`from: new-snapshot`), which the source guard allows as a read.





function parseFrom(raw) {
    if (raw.startsWith('snapshot:'))
        return { kind: 'snapshot', snapshotId: raw.slice('snapshot:'.length) };
    if (raw === 'latest-snapshot' || raw === 'point-in-time' || raw === 'new-snapshot' || raw === 'clone')
        return { kind: raw };
    throw new Error(`unparsed 'from' value '${raw}'`); // the input spec admits only the forms above
}
/** The `source` output and the replica's `immut:restored-from` tag. */
function pointLabel(point) {
    return point.kind === 'snapshot' ? `snapshot:${point.snapshotId}` : `${point.kind}:${point.time}`;
}
/** How the data was copied (the manifest's `data.copy`), from a point's label. */
function copyOf(label) {
    if (label.startsWith('copy-on-write:'))
        return 'copy-on-write';
    return label.startsWith('point-in-time:') ? 'point-in-time' : 'snapshot';
}
const FAILED_SNAPSHOT_STATES = new Set(['failed', 'incompatible-restore', 'deleted']);
function isNotFound(error, code) {
    return error instanceof Error && (error.name === code || error.name === `${code}Fault`);
}
/** The source instance; a clear input error when it does not exist. */
async function describeSource(rds, sourceId, region) {
    try {
        const { DBInstances } = await rds.send(new DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h({ DBInstanceIdentifier: sourceId }));
        const source = DBInstances?.[0];
        if (source)
            return source;
    }
    catch (error) {
        if (!isNotFound(error, 'DBInstanceNotFound'))
            throw error;
    }
    throw new errors/* UserError */.yo(`Input 'source-db' was '${sourceId}': there is no RDS DB instance with that identifier in ${region}; expected the identifier of an existing DB instance (check the region too).`);
}
async function snapshotsOf(rds, sourceId) {
    const all = [];
    for await (const page of (0,DescribeDBSnapshotsPaginator/* paginateDescribeDBSnapshots */.i)({ client: rds }, { DBInstanceIdentifier: sourceId })) {
        all.push(...(page.DBSnapshots ?? []));
    }
    return all;
}
/** Newest available snapshot (automated or manual) by SnapshotCreateTime, or undefined. */
function newestAvailable(snapshots) {
    return snapshots
        .filter((s) => s.Status === 'available' && s.SnapshotCreateTime !== undefined)
        .reduce((best, s) => (!best || s.SnapshotCreateTime > best.SnapshotCreateTime ? s : best), undefined);
}
async function describeSnapshot(rds, snapshotId) {
    try {
        const { DBSnapshots } = await rds.send(new DescribeDBSnapshotsCommand/* DescribeDBSnapshotsCommand */.K({ DBSnapshotIdentifier: snapshotId }));
        return DBSnapshots?.[0];
    }
    catch (error) {
        if (isNotFound(error, 'DBSnapshotNotFound'))
            return undefined;
        throw error;
    }
}
const snapshotPoint = (s) => ({
    kind: 'snapshot',
    snapshotId: s.DBSnapshotIdentifier ?? '',
    takenAt: s.SnapshotCreateTime?.toISOString(),
    type: s.SnapshotType ?? 'manual',
});
/** Waits for a snapshot to become available (a snapshot being taken, or just named). */
async function waitForSnapshot(ctx, snapshotId, justTaken = false) {
    return waitFor({
        what: `DB snapshot ${snapshotId} to become available`,
        timeoutMs: ctx.deadline.remaining(),
        clock: ctx.clock,
        log: ctx.log,
        // One this run just asked for is not due for minutes: no poll before then.
        ...(justTaken
            ? { expectedMs: AWS_WAITS.rdsSnapshot.expectedMs, minDelayMs: AWS_WAITS.rdsSnapshot.cadenceMs }
            : {}),
        check: async () => {
            const snap = await describeSnapshot(ctx.rds, snapshotId);
            if (!snap)
                return { failed: true, reason: 'the snapshot disappeared' };
            if (snap.Status === 'available')
                return { done: true, value: snap };
            if (FAILED_SNAPSHOT_STATES.has(snap.Status ?? ''))
                return { failed: true, reason: `the snapshot is ${snap.Status}` };
            const progress = snap.PercentProgress === undefined ? '' : ` (${snap.PercentProgress}%)`;
            return { done: false, state: `${snap.Status ?? 'unknown'}${progress}` };
        },
    });
}
/**
 * Resolves `from` to a concrete point. In a dry run nothing is created: `new-snapshot`
 * reports the snapshot it would take.
 */
async function resolvePoint(ctx, from) {
    const sourceId = ctx.source.DBInstanceIdentifier ?? '';
    switch (from.kind) {
        case 'latest-snapshot': {
            const newest = newestAvailable(await snapshotsOf(ctx.rds, sourceId));
            if (!newest) {
                throw new errors/* UserError */.yo(`Input 'from' was 'latest-snapshot', but source '${sourceId}' has no available snapshot; expected at least one automated or manual snapshot (or use 'new-snapshot' or 'point-in-time').`);
            }
            return snapshotPoint(newest);
        }
        case 'snapshot':
            return namedSnapshot(ctx, from.snapshotId);
        case 'point-in-time': {
            const latest = ctx.source.LatestRestorableTime;
            if (!latest || (ctx.source.BackupRetentionPeriod ?? 0) === 0) {
                throw new errors/* UserError */.yo(`Input 'from' was 'point-in-time', but source '${sourceId}' has no restorable time (automated backups off, or none taken yet); expected a source with backups enabled (or use a snapshot).`);
            }
            return { kind: 'point-in-time', time: latest.toISOString() };
        }
        case 'new-snapshot':
            return newSnapshot(ctx);
        case 'clone':
            throw new errors/* UserError */.yo(`Input 'from' was 'clone', but source '${sourceId}' is an RDS DB instance; a copy-on-write clone is for Aurora DB clusters only. Expected 'latest-snapshot', 'point-in-time', 'new-snapshot' or 'snapshot:<id>'.`);
    }
}
async function namedSnapshot(ctx, snapshotId) {
    const sourceId = ctx.source.DBInstanceIdentifier ?? '';
    const snap = await describeSnapshot(ctx.rds, snapshotId);
    if (!snap) {
        throw new errors/* UserError */.yo(`Input 'from' was 'snapshot:${snapshotId}': there is no DB snapshot with that identifier; expected a snapshot of '${sourceId}'.`);
    }
    if (snap.DBInstanceIdentifier !== sourceId) {
        throw new errors/* UserError */.yo(`Input 'from' was 'snapshot:${snapshotId}': that snapshot is of DB instance '${snap.DBInstanceIdentifier ?? '?'}', not of source-db '${sourceId}'; expected a snapshot of the source.`);
    }
    if (snap.Status === 'available')
        return snapshotPoint(snap);
    if (snap.Status === 'creating') {
        // A snapshot still being taken is usable once done; a dry run does not wait for it.
        return snapshotPoint(ctx.dryRun ? snap : await waitForSnapshot(ctx, snapshotId));
    }
    throw new errors/* UserError */.yo(`Input 'from' was 'snapshot:${snapshotId}': that snapshot is ${snap.Status ?? 'in an unknown state'}; expected an available snapshot.`);
}
/**
 * Takes a snapshot of the source now (a read of the source), named for this release, or
 * reuses the one an earlier run of the same build took.
 */
async function newSnapshot(ctx) {
    const sourceId = ctx.source.DBInstanceIdentifier ?? '';
    const snapshotId = (0,naming/* sourceSnapshotId */.t)(ctx.identity);
    const existing = await describeSnapshot(ctx.rds, snapshotId);
    if (existing) {
        assertManaged({ kind: 'DB snapshot', id: snapshotId, tags: fromAwsTags(existing.TagList) }, ctx.identity);
        if (existing.DBInstanceIdentifier !== sourceId) {
            throw new errors/* GuardError */.U$(`DB snapshot ${snapshotId} of this build is of '${existing.DBInstanceIdentifier ?? '?'}', not of source-db '${sourceId}'; use a new build to replicate another source.`);
        }
        ctx.log(`Reusing snapshot ${snapshotId} of ${sourceId}, taken by an earlier run of this build.`);
    }
    else if (ctx.dryRun) {
        ctx.log(`Dry run: would take a new snapshot ${snapshotId} of ${sourceId}.`);
        return { kind: 'snapshot', snapshotId, type: 'manual (to be taken)' };
    }
    else {
        if (ctx.source.DBInstanceStatus !== 'available') {
            throw new errors/* UserError */.yo(`Input 'from' was 'new-snapshot', but source '${sourceId}' is ${ctx.source.DBInstanceStatus ?? 'not available'}; RDS only snapshots an available instance. Retry later or restore from an existing snapshot.`);
        }
        const tags = standardTags(ctx.identity, ctx.provenance, snapshotId, { [REPLICA_TAG.sourceDb]: sourceId });
        await ctx.rds.send(new CreateDBSnapshotCommand/* CreateDBSnapshotCommand */.S({
            DBInstanceIdentifier: sourceId,
            DBSnapshotIdentifier: snapshotId,
            Tags: toAwsTags(tags),
        }));
        ctx.cleanup.record({ kind: 'db-snapshot', id: snapshotId, region: ctx.region });
        ctx.log(`Taking snapshot ${snapshotId} of ${sourceId}.`);
        return snapshotPoint(await waitForSnapshot(ctx, snapshotId, true));
    }
    return snapshotPoint(await waitForSnapshot(ctx, snapshotId));
}
/** Tags replicate-data adds to the standard set. */
const REPLICA_TAG = {
    /** The source DB instance (or Aurora DB cluster) a replica or snapshot was made from. */
    sourceDb: 'immut:source-db',
    /** `cluster` on an Aurora replica (its cluster and writer instance), so retirement and
     *  re-runs know the data layer's kind. */
    dataKind: 'immut:data-kind',
    /** The point restored from, as in the `source` output. */
    restoredFrom: 'immut:restored-from',
    /** `applied` once the change log ran on the replica, so a re-run does not need the password. */
    changelog: 'immut:changelog',
};

;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/cluster-source.js
// The source side for Aurora: what the source is (an RDS DB instance, or an Aurora DB cluster,
// detected when source-db names no instance), and which point of a cluster's history the
// clone starts from. Everything here only reads the source.



const isCode = (error, ...codes) => error instanceof Error && codes.includes(error.name);
async function describeCluster(rds, id) {
    try {
        const { DBClusters } = await rds.send(new DescribeDBClustersCommand/* DescribeDBClustersCommand */.K({ DBClusterIdentifier: id }));
        return DBClusters?.[0];
    }
    catch (error) {
        if (isCode(error, 'DBClusterNotFoundFault', 'DBClusterNotFound'))
            return undefined;
        throw error;
    }
}
/**
 * The source: `source-cluster` names a cluster; `source-db` names an instance or, when no
 * instance has that name, a cluster (DescribeDBInstances, then DescribeDBClusters).
 */
async function detectSource(rds, sourceId, explicitCluster, region) {
    if (!explicitCluster) {
        try {
            const instance = await describeSource(rds, sourceId, region);
            if (instance.DBClusterIdentifier) {
                throw new errors/* UserError */.yo(`Input 'source-db' was '${sourceId}': that is an instance of the Aurora DB cluster '${instance.DBClusterIdentifier}'; expected the cluster (set source-db or source-cluster to '${instance.DBClusterIdentifier}').`);
            }
            return { kind: 'instance', instance };
        }
        catch (error) {
            // describeSource's "no such instance": look for a cluster of that name before giving up.
            if (!(error instanceof errors/* UserError */.yo) || !/there is no RDS DB instance/.test(error.message))
                throw error;
            const cluster = await describeCluster(rds, sourceId);
            if (cluster)
                return { kind: 'cluster', cluster };
            throw new errors/* UserError */.yo(`Input 'source-db' was '${sourceId}': there is no RDS DB instance or Aurora DB cluster with that identifier in ${region}; expected the identifier of an existing DB instance or cluster (check the region too).`);
        }
    }
    const cluster = await describeCluster(rds, sourceId);
    if (cluster)
        return { kind: 'cluster', cluster };
    throw new errors/* UserError */.yo(`Input 'source-cluster' was '${sourceId}': there is no Aurora DB cluster with that identifier in ${region}; expected the identifier of an existing DB cluster (check the region too).`);
}
async function describeClusterSnapshot(rds, id) {
    try {
        const { DBClusterSnapshots } = await rds.send(new DescribeDBClusterSnapshotsCommand/* DescribeDBClusterSnapshotsCommand */.c({ DBClusterSnapshotIdentifier: id }));
        return DBClusterSnapshots?.[0];
    }
    catch (error) {
        if (isCode(error, 'DBClusterSnapshotNotFoundFault', 'DBClusterSnapshotNotFound'))
            return undefined;
        throw error;
    }
}
const cluster_source_snapshotPoint = (s) => ({
    kind: 'snapshot',
    snapshotId: s.DBClusterSnapshotIdentifier ?? '',
    takenAt: s.SnapshotCreateTime?.toISOString(),
    type: s.SnapshotType ?? 'manual',
});
/** The cluster's latest restorable time, for a clone or a point-in-time copy. */
function latestRestorable(cluster, fromText) {
    const latest = cluster.LatestRestorableTime;
    if (!latest) {
        throw new errors/* UserError */.yo(`Input 'from' was '${fromText}', but source cluster '${cluster.DBClusterIdentifier ?? '?'}' has no restorable time (it is ${cluster.Status ?? 'not available'}); expected an available cluster (or use a cluster snapshot).`);
    }
    return latest.toISOString();
}
async function newestClusterSnapshot(rds, clusterId) {
    const all = [];
    for await (const page of (0,DescribeDBClusterSnapshotsPaginator/* paginateDescribeDBClusterSnapshots */.G)({ client: rds }, { DBClusterIdentifier: clusterId }))
        all.push(...(page.DBClusterSnapshots ?? []));
    const newest = all
        .filter((s) => s.Status === 'available' && s.SnapshotCreateTime)
        .sort((a, b) => b.SnapshotCreateTime.getTime() - a.SnapshotCreateTime.getTime())[0];
    if (!newest) {
        throw new errors/* UserError */.yo(`Input 'from' was 'latest-snapshot', but source cluster '${clusterId}' has no available cluster snapshot; expected at least one (or use 'clone' or 'point-in-time').`);
    }
    return cluster_source_snapshotPoint(newest);
}
async function namedClusterSnapshot(rds, clusterId, id) {
    const snap = await describeClusterSnapshot(rds, id);
    if (!snap) {
        throw new errors/* UserError */.yo(`Input 'from' was 'snapshot:${id}': there is no DB cluster snapshot with that identifier; expected a cluster snapshot of '${clusterId}'.`);
    }
    if (snap.DBClusterIdentifier !== clusterId) {
        throw new errors/* UserError */.yo(`Input 'from' was 'snapshot:${id}': that snapshot is of DB cluster '${snap.DBClusterIdentifier ?? '?'}', not of the source '${clusterId}'; expected a snapshot of the source.`);
    }
    if (snap.Status !== 'available') {
        throw new errors/* UserError */.yo(`Input 'from' was 'snapshot:${id}': that cluster snapshot is ${snap.Status ?? 'in an unknown state'}; expected an available snapshot.`);
    }
    return cluster_source_snapshotPoint(snap);
}
/**
 * Resolves `from` for a cluster source: `clone` (the default) is a copy-on-write clone at the
 * latest restorable time; `point-in-time` a full copy at that time; `snapshot:<id>` and
 * `latest-snapshot` a cluster snapshot of the source.
 */
async function resolveClusterPoint(rds, cluster, from) {
    const clusterId = cluster.DBClusterIdentifier ?? '';
    switch (from.kind) {
        case 'clone':
            return { kind: 'copy-on-write', time: latestRestorable(cluster, 'clone') };
        case 'point-in-time':
            return { kind: 'point-in-time', time: latestRestorable(cluster, 'point-in-time') };
        case 'snapshot':
            return namedClusterSnapshot(rds, clusterId, from.snapshotId);
        case 'latest-snapshot':
            return newestClusterSnapshot(rds, clusterId);
        case 'new-snapshot':
            throw new errors/* UserError */.yo(`Input 'from' was 'new-snapshot', but the source '${clusterId}' is an Aurora DB cluster; expected 'clone' (a copy-on-write clone of its latest state, the default), 'point-in-time', 'latest-snapshot' or 'snapshot:<cluster snapshot id>'.`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBInstanceFromDBSnapshotCommand.js
var RestoreDBInstanceFromDBSnapshotCommand = __webpack_require__(4769);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBInstanceToPointInTimeCommand.js
var RestoreDBInstanceToPointInTimeCommand = __webpack_require__(9588);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/AddTagsToResourceCommand.js
var AddTagsToResourceCommand = __webpack_require__(6115);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBInstanceCommand.js
var ModifyDBInstanceCommand = __webpack_require__(4651);
;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/replica.js
// The replica: find this build's own replica (a re-run continues with it), restore a new one,
// wait for it, mark its change log applied, and move its master password into Secrets
// Manager. Every call here names the replica, never the source (the source guard on the
// client enforces that).





/** States a restore never leaves on its own (the SDK waiter's failure acceptors, plus storage-full). */
const FAILED_INSTANCE_STATES = new Set([
    'failed',
    'incompatible-restore',
    'incompatible-parameters',
    'incompatible-network',
    'storage-full',
    'deleting',
    'deleted',
]);
function replica_isNotFound(error) {
    return (error instanceof Error &&
        (error.name === 'DBInstanceNotFound' || error.name === 'DBInstanceNotFoundFault'));
}
async function describeInstance(rds, id) {
    try {
        const { DBInstances } = await rds.send(new DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h({ DBInstanceIdentifier: id }));
        return DBInstances?.[0];
    }
    catch (error) {
        if (replica_isNotFound(error))
            return undefined;
        throw error;
    }
}
const tagsOf = (instance) => fromAwsTags(instance.TagList);
/**
 * A resource with the replica's name must be this build's own: immut's tags for this role
 * and env (core's guard), and this build. `kind` is 'DB instance' or 'DB cluster'.
 */
function assertOwnBuild(kind, id, tags, identity) {
    assertManaged({ kind, id, tags }, identity);
    if (tags[TAG.build] !== identity.build) {
        throw new errors/* GuardError */.U$(`Refusing to reuse ${kind} ${id}: it belongs to build '${tags[TAG.build] ?? '(none)'}', not '${identity.build}'.`);
    }
}
/** An instance with the replica's name must be this build's own replica. */
function assertOwnReplica(instance, identity) {
    assertOwnBuild('DB instance', instance.DBInstanceIdentifier ?? '?', tagsOf(instance), identity);
}
/** Sends the restore call for `point`; the replica is then `creating`. */
async function restoreReplica(rds, point, settings) {
    const common = {
        DBInstanceClass: settings.instanceClass,
        DBSubnetGroupName: settings.dbSubnetGroup,
        VpcSecurityGroupIds: settings.securityGroupIds.length > 0 ? settings.securityGroupIds : undefined,
        // A per-release copy must stay deletable by the post step and by retirement.
        DeletionProtection: false,
        MultiAZ: false,
        PubliclyAccessible: false,
        Tags: toAwsTags(settings.tags),
    };
    if (point.kind === 'snapshot') {
        await rds.send(new RestoreDBInstanceFromDBSnapshotCommand/* RestoreDBInstanceFromDBSnapshotCommand */.d({
            ...common,
            DBInstanceIdentifier: settings.replicaId,
            DBSnapshotIdentifier: point.snapshotId,
        }));
    }
    else {
        await rds.send(new RestoreDBInstanceToPointInTimeCommand/* RestoreDBInstanceToPointInTimeCommand */.i({
            ...common,
            SourceDBInstanceIdentifier: settings.sourceId,
            TargetDBInstanceIdentifier: settings.replicaId,
            UseLatestRestorableTime: true,
        }));
    }
}
/** Waits until `label` (`DB instance app-db`) is `available` with its endpoint and `settled`,
 *  failing fast on a failure state. */
async function waitUntilAvailable(ctx, label, probe, options = {}) {
    const settled = options.settled ?? (() => true);
    return waitFor({
        what: options.what ?? `${label} to become available`,
        timeoutMs: ctx.deadline.remaining(),
        clock: ctx.clock,
        log: ctx.log,
        // A change of this run's own: first poll when it is due, then RDS's waiter cadence.
        // Otherwise (a re-run's resource, maybe ready already) at once, then gently.
        expectedMs: options.expected?.expectedMs,
        minDelayMs: options.expected?.cadenceMs ?? 10_000,
        maxDelayMs: 60_000,
        progressEveryMs: 60_000,
        check: async () => {
            const resource = await probe.describe();
            if (!resource)
                return { failed: true, reason: `${label} no longer exists` };
            const status = probe.status(resource) ?? 'unknown';
            const failure = probe.failure(status);
            if (failure !== undefined)
                return { failed: true, reason: `${label} is ${status}${failure}` };
            if (status === 'available' && probe.reachable(resource) && settled(resource))
                return { done: true, value: resource };
            return { done: false, state: status === 'available' ? 'available, change still pending' : status };
        },
    });
}
/** Waits until the instance is `available` (with its endpoint), failing fast on a failure state. */
async function waitAvailable(ctx, id, options = {}) {
    return waitUntilAvailable(ctx, `DB instance ${id}`, {
        describe: () => describeInstance(ctx.rds, id),
        status: (instance) => instance.DBInstanceStatus,
        failure: (status) => !FAILED_INSTANCE_STATES.has(status)
            ? undefined
            : status.startsWith('incompatible')
                ? ' (RDS could not restore it with these settings)'
                : '',
        reachable: (instance) => !!instance.Endpoint?.Address,
    }, options);
}
/** Records on the replica that its change log ran, so a re-run skips it. */
async function markChangelogApplied(rds, instance) {
    await markChangelog(rds, instance.DBInstanceArn);
}
/** Tags the replica (instance or cluster, by ARN) as having had its change log applied. */
async function markChangelog(rds, arn) {
    await rds.send(new AddTagsToResourceCommand/* AddTagsToResourceCommand */.X({
        ResourceName: arn,
        Tags: [{ Key: REPLICA_TAG.changelog, Value: 'applied' }],
    }));
}
const changelogApplied = (instance) => tagsOf(instance)[REPLICA_TAG.changelog] === 'applied';
/**
 * Gives the replica its lasting master password, generated by RDS and kept in Secrets Manager
 * (ManageMasterUserPassword, which the restore calls take for Oracle only, hence a modify).
 * It replaces the source's password (no change log) or this run's one-time password. Returns
 * the secret's ARN.
 */
async function rotateMasterPassword(ctx, instance) {
    const id = instance.DBInstanceIdentifier ?? '';
    return manageMasterPassword(ctx, instanceTarget(ctx, id), instance, instance.MasterUserSecret?.SecretArn);
}
/** The replica instance `id` as a password target. */
function instanceTarget(ctx, id) {
    return {
        label: `DB instance ${id}`,
        id,
        modify: (change) => ctx.rds.send(new ModifyDBInstanceCommand/* ModifyDBInstanceCommand */.R({ DBInstanceIdentifier: id, ...change, ApplyImmediately: true })),
        waitAvailable: (options) => waitAvailable(ctx, id, options),
    };
}
/** Moves the target's master password into Secrets Manager (unless `existing` says it is
 *  already there); returns the secret's ARN and the target as last described (`current`
 *  when nothing changed), so no further describe is needed for its endpoint. */
async function manageMasterPassword(ctx, target, current, existing) {
    if (existing)
        return { secretArn: existing, latest: current };
    await target.modify({ ManageMasterUserPassword: true });
    ctx.log(`Moving the master password of ${target.id} into Secrets Manager (ManageMasterUserPassword).`);
    const modified = await target.waitAvailable({
        what: `${target.label} to finish moving its master password`,
        expected: AWS_WAITS.rdsModify,
    });
    const arn = modified.MasterUserSecret?.SecretArn;
    if (!arn)
        throw new errors/* UserError */.yo(`RDS did not report a master user secret for ${target.id} after ManageMasterUserPassword.`);
    return { secretArn: arn, latest: modified };
}

;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/password.js
// The replica's one-time master password. A restored instance keeps its source's master
// credentials, and immut must never need (or hold) production's password. So once the replica
// is available, immut gives it a password of its own, generated here for this run only, runs
// the change log with it, and then hands the replica's password over to Secrets Manager
// (replica.ts, rotateMasterPassword), which replaces it. Nobody ever learns it, and it is
// gone when the run ends.



/** 24 random bytes make 32 URL-safe base64 characters: A–Z, a–z, 0–9, `-` and `_`. */
const PASSWORD_BYTES = 24;
/**
 * Whether every engine's rules accept `password`: 8–128 printable ASCII characters without
 * `/`, `@`, `"`, `'` or space (the RDS MasterUserPassword rules), plus an upper-case letter,
 * a lower-case letter and a digit (SQL Server's complexity policy needs three classes).
 */
function acceptablePassword(password) {
    return (password.length >= 8 &&
        password.length <= 128 &&
        /^[\x21-\x7e]+$/.test(password) &&
        !/[/@"' ]/.test(password) &&
        /[A-Z]/.test(password) &&
        /[a-z]/.test(password) &&
        /[0-9]/.test(password));
}
/**
 * A fresh random password (192 bits). Its characters need no escaping in a URL, a shell or
 * a connection string, so it has one form to mask.
 */
function generatePassword(random = external_node_crypto_.randomBytes) {
    // About 1 draw in 200 has no digit (or, far more rarely, no letter of a case): draw again.
    for (;;) {
        const password = random(PASSWORD_BYTES).toString('base64url');
        if (acceptablePassword(password))
            return password;
    }
}
/**
 * Sets `password` as the replica's master password (the source guard on the client refuses
 * the source) and waits until RDS has applied it. From the request until the change is in
 * effect, RDS reports a masked `PendingModifiedValues.MasterUserPassword`, while the status
 * may still read `available` for a moment before `resetting-master-credentials`; so the wait
 * is for the pending value to clear, not just for `available`.
 */
async function setOneTimePassword(ctx, replica, password) {
    return applyOneTimePassword(ctx, instanceTarget(ctx, replica.DBInstanceIdentifier ?? ''), password);
}
/** setOneTimePassword for any replica, instance or cluster (the same pending value). */
async function applyOneTimePassword(ctx, target, password) {
    ctx.log(`Setting a one-time master password on ${target.id} (generated for this run, masked, never stored).`);
    await target.modify({ MasterUserPassword: password });
    return target.waitAvailable({
        what: `${target.label} to apply its one-time master password`,
        settled: (resource) => resource.PendingModifiedValues?.MasterUserPassword === undefined,
        expected: AWS_WAITS.rdsModify,
    });
}

;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/cluster-replica.js
// The Aurora replica: a clone (or copy) of the source cluster plus one writer instance. Find
// this build's own cluster (a re-run continues with it), restore a new one, add its writer,
// wait for both, set and rotate the cluster's master password, and mark its change log
// applied. Every call here names the replica, never the source, except as the clone's
// SourceDBClusterIdentifier (the source guard on the client enforces that).







/** Cluster states a clone never leaves on its own (Aurora user guide, "Viewing DB cluster status"). */
const FAILED_CLUSTER_STATES = new Set([
    'cloning-failed',
    'failed',
    'inaccessible-encryption-credentials',
    'incompatible-parameters',
    'incompatible-restore',
    'migration-failed',
    'deleting',
]);
const clusterTags = (cluster) => fromAwsTags(cluster.TagList);
/** A cluster with the replica's name must be this build's own: immut's tags for this role and env, and this build. */
function assertOwnCluster(cluster, identity) {
    assertOwnBuild('DB cluster', cluster.DBClusterIdentifier ?? '?', clusterTags(cluster), identity);
}
/** Sends the restore call for `point`; the cluster is then `creating`. */
async function restoreCluster(rds, point, s) {
    const common = {
        DBClusterIdentifier: s.clusterId,
        DBSubnetGroupName: s.dbSubnetGroup,
        VpcSecurityGroupIds: s.securityGroupIds.length > 0 ? s.securityGroupIds : undefined,
        // A per-release copy must stay deletable by the post step and by retirement.
        DeletionProtection: false,
        ServerlessV2ScalingConfiguration: s.serverless
            ? { MinCapacity: s.serverless.min, MaxCapacity: s.serverless.max }
            : undefined,
        Tags: toAwsTags(s.tags),
    };
    if (point.kind === 'snapshot') {
        await rds.send(new RestoreDBClusterFromSnapshotCommand/* RestoreDBClusterFromSnapshotCommand */.s({
            ...common,
            SnapshotIdentifier: point.snapshotId,
            Engine: s.engine,
        }));
        return;
    }
    await rds.send(new RestoreDBClusterToPointInTimeCommand/* RestoreDBClusterToPointInTimeCommand */.f({
        ...common,
        SourceDBClusterIdentifier: s.sourceId,
        RestoreType: point.kind === 'copy-on-write' ? 'copy-on-write' : 'full-copy',
        UseLatestRestorableTime: true,
    }));
}
/** Waits until the cluster is `available` (with its endpoint), failing fast on a failure state. */
async function waitClusterAvailable(ctx, id, options = {}) {
    return waitUntilAvailable(ctx, `DB cluster ${id}`, {
        describe: () => describeCluster(ctx.rds, id),
        status: (cluster) => cluster.Status,
        failure: (status) => (FAILED_CLUSTER_STATES.has(status) ? ' (RDS could not make the copy)' : undefined),
        reachable: (cluster) => !!cluster.Endpoint,
    }, options);
}
/** Adds the writer instance to the clone (the first instance of a cluster is its writer). */
async function createWriter(rds, w) {
    await rds.send(new CreateDBInstanceCommand/* CreateDBInstanceCommand */.d({
        DBInstanceIdentifier: w.instanceId,
        DBClusterIdentifier: w.clusterId,
        Engine: w.engine,
        DBInstanceClass: w.instanceClass,
        PubliclyAccessible: false,
        Tags: toAwsTags(w.tags),
    }));
}
/** Waits for the writer; it must be a member of this build's cluster. */
async function waitWriter(ctx, instanceId, clusterId, expected) {
    const writer = await waitAvailable(ctx, instanceId, {
        what: `writer instance ${instanceId} to become available`,
        expected,
    });
    if (writer.DBClusterIdentifier !== clusterId)
        throw new errors/* GuardError */.U$(`DB instance ${instanceId} is not a member of this build's DB cluster ${clusterId}; refusing to use it.`);
    return writer;
}
/** The clone `clusterId` as a password target. */
function clusterTarget(ctx, clusterId) {
    return {
        label: `DB cluster ${clusterId}`,
        id: clusterId,
        modify: (change) => ctx.rds.send(new ModifyDBClusterCommand/* ModifyDBClusterCommand */.g({ DBClusterIdentifier: clusterId, ...change, ApplyImmediately: true })),
        waitAvailable: (options) => waitClusterAvailable(ctx, clusterId, options),
    };
}
/** Sets the one-time master password on the clone and waits until RDS has applied it. */
async function setClusterPassword(ctx, clusterId, password) {
    return applyOneTimePassword(ctx, clusterTarget(ctx, clusterId), password);
}
/** Moves the clone's master password into Secrets Manager; returns the secret's ARN. */
async function rotateClusterPassword(ctx, cluster) {
    const id = cluster.DBClusterIdentifier ?? '';
    return manageMasterPassword(ctx, clusterTarget(ctx, id), cluster, cluster.MasterUserSecret?.SecretArn);
}
/** Records on the clone that its change log ran, so a re-run skips it. */
async function markClusterChangelog(rds, cluster) {
    await markChangelog(rds, cluster.DBClusterArn);
}
const clusterChangelogApplied = (cluster) => clusterTags(cluster)[REPLICA_TAG.changelog] === 'applied';

;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/cluster-replicate.js










/** The writer's class: the input, db.serverless with a capacity range, else the source writer's. */
async function writerClass(run) {
    const { request, source, deps } = run;
    if (request.instanceClass)
        return { instanceClass: request.instanceClass };
    if (request.serverless)
        return { instanceClass: 'db.serverless', serverless: request.serverless };
    const writer = source.DBClusterMembers?.find((m) => m.IsClusterWriter)?.DBInstanceIdentifier;
    const instance = writer ? await describeInstance(deps.rds, writer) : undefined;
    const cls = instance?.DBInstanceClass;
    if (!cls) {
        throw new errors/* UserError */.yo(`Source cluster '${source.DBClusterIdentifier ?? '?'}' has no writer instance to copy the class of; set instance-class (e.g. db.r6g.large) or serverless-capacity (e.g. 0.5-4).`);
    }
    const range = source.ServerlessV2ScalingConfiguration;
    if (cls === 'db.serverless' && range?.MinCapacity !== undefined && range.MaxCapacity !== undefined)
        return { instanceClass: cls, serverless: { min: range.MinCapacity, max: range.MaxCapacity } };
    return { instanceClass: cls };
}
/** This build's writer: an earlier run's (checked to be ours), or a new one. */
async function ensureWriter(run, instanceClass) {
    const { request, deps, writerId, clusterId } = run;
    const existing = await describeInstance(deps.rds, writerId);
    if (existing) {
        assertOwnReplica(existing, request.identity);
        deps.io.info(`Found writer ${writerId} of ${clusterId}, made by an earlier run of this build; continuing with it.`);
    }
    else {
        const tags = standardTags(request.identity, request.provenance, writerId, {
            [REPLICA_TAG.sourceDb]: run.source.DBClusterIdentifier ?? request.sourceId,
            [REPLICA_TAG.dataKind]: 'cluster',
        });
        await createWriter(deps.rds, {
            instanceId: writerId,
            clusterId,
            engine: run.source.Engine ?? '',
            instanceClass,
            tags,
        });
        deps.cleanup.record({ kind: 'db-instance', id: writerId, region: request.region });
        deps.io.info(`Adding writer ${writerId} (${instanceClass}) to ${clusterId}.`);
        return waitWriter(run.wait, writerId, clusterId, AWS_WAITS.auroraInstance);
    }
    return waitWriter(run.wait, writerId, clusterId);
}
/** The change log's connection: the clone's writer endpoint, in the engine's client terms. */
function clusterConnection(cluster) {
    const engine = (cluster.Engine ?? '').replace(/^aurora-?/, '') || 'mysql';
    if (!cluster.Endpoint || !cluster.Port)
        throw new Error(`DB cluster ${cluster.DBClusterIdentifier ?? '?'} has no endpoint yet`);
    return {
        engine: engine === 'postgresql' ? 'postgres' : engine,
        host: cluster.Endpoint,
        port: cluster.Port,
        database: cluster.DatabaseName ?? (engine === 'postgresql' ? 'postgres' : ''),
        user: cluster.MasterUsername ?? '',
    };
}
/** The change log with a one-time password on the clone, then the password into Secrets Manager. */
async function finishCluster(run, base) {
    const { request, deps, clusterId, wait } = run;
    let cluster = await waitClusterAvailable(wait, clusterId);
    let changelog;
    let changelogMs;
    if (clusterChangelogApplied(cluster)) {
        changelog = 'applied earlier';
        deps.io.info(`The change log was applied to ${clusterId} by an earlier run of this build; not running it again.`);
    }
    else if (request.changelogCommand) {
        if (cluster.MasterUserSecret?.SecretArn)
            throw new errors/* UserError */.yo(`Replica cluster ${clusterId} was finished by an earlier run of this build without a changelog-command, and its master password is now in Secrets Manager; use a new build to apply a change log.`);
        const password = generatePassword();
        for (const form of (0,replicate_data_changelog/* secretForms */.eo)(password))
            deps.io.setSecret(form);
        cluster = await setClusterPassword(wait, clusterId, password);
        changelogMs = await (0,replicate_data_changelog/* runChangelog */.oD)({
            command: request.changelogCommand,
            connection: clusterConnection(cluster),
            password,
            io: deps.io,
            stepEnv: deps.env,
            extraEnv: request.changelogEnv ?? [],
            exec: deps.exec,
            clock: deps.clock,
        });
        await markClusterChangelog(deps.rds, cluster);
        changelog = 'applied';
    }
    else {
        changelog = 'none';
        deps.io.info('No changelog-command given; the clone is an unchanged copy.');
    }
    const { secretArn, latest: final } = await rotateClusterPassword(wait, cluster);
    return {
        ...base,
        changelog,
        ...(changelogMs !== undefined ? { changelogMs } : {}),
        secretArn,
        endpoint: final.Endpoint,
        port: final.Port,
    };
}
/** A re-run: this build's clone exists already; continue with it. */
async function continueCluster(run, existing) {
    const { request, deps, clusterId } = run;
    assertOwnCluster(existing, request.identity);
    const tags = clusterTags(existing);
    const status = existing.Status ?? 'unknown';
    const restoredFrom = tags[REPLICA_TAG.restoredFrom] ?? '(unknown)';
    if (tags[REPLICA_TAG.sourceDb] && tags[REPLICA_TAG.sourceDb] !== request.sourceId.toLowerCase())
        throw new errors/* UserError */.yo(`Replica cluster ${clusterId} of this build was cloned from '${tags[REPLICA_TAG.sourceDb]}', not '${request.sourceId}'; use a new build to replicate another source.`);
    if (FAILED_CLUSTER_STATES.has(status))
        throw new errors/* UserError */.yo(`Replica cluster ${clusterId} of this build, left by an earlier run, is ${status}; delete it (and its instances) or wait until it is gone, and re-run, or use a new build.`);
    deps.io.info(`Found ${clusterId}, copied from ${restoredFrom} by an earlier run of this build (${status}); continuing with it.`);
    const { instanceClass } = await writerClass(run);
    const base = resultBase(run, restoredFrom, instanceClass, true, clusterChangelogApplied(existing));
    if (request.dryRun) {
        deps.io.info(`Dry run: would continue with ${clusterId}; nothing was changed.`);
        return base;
    }
    await waitClusterAvailable(run.wait, clusterId);
    await ensureWriter(run, instanceClass);
    return finishCluster(run, base);
}
function resultBase(run, label, instanceClass, reused, appliedEarlier = false) {
    return {
        replicaId: run.writerId,
        clusterId: run.clusterId,
        kind: 'cluster',
        copy: copyOf(label),
        sourceId: run.source.DBClusterIdentifier ?? run.request.sourceId,
        engine: run.source.Engine ?? 'unknown',
        source: label,
        reused,
        instanceClass,
        changelog: appliedEarlier ? 'applied earlier' : 'not run (dry run)',
        dryRun: run.request.dryRun,
    };
}
async function replicateCluster(request, deps, source) {
    const { rds, io, clock } = deps;
    const deadline = deadlineFrom(clock, request.timeoutMs);
    const run = {
        request,
        deps,
        source,
        clusterId: (0,naming/* dbClusterId */.QC)(request.identity),
        writerId: (0,naming/* dbInstanceId */.Pf)(request.identity),
        wait: { rds, clock, deadline, log: (l) => io.info(l) },
    };
    const sourceId = source.DBClusterIdentifier ?? request.sourceId;
    io.info(`Source: Aurora DB cluster ${sourceId} (${source.Engine ?? '?'} ${source.EngineVersion ?? ''}, ${source.Status ?? '?'}); only read.`);
    const existing = await describeCluster(rds, run.clusterId);
    if (existing)
        return continueCluster(run, existing);
    const point = await resolveClusterPoint(rds, source, request.from ?? { kind: 'clone' });
    const label = pointLabel(point);
    const { instanceClass, serverless } = await writerClass(run);
    const base = { ...resultBase(run, label, instanceClass, false), point };
    if (request.dryRun) {
        io.info(`Dry run: would copy ${sourceId} to ${run.clusterId} (${label}) with writer ${run.writerId} (${instanceClass}); nothing was created or changed.`);
        return base;
    }
    const started = clock.now();
    await restoreCluster(rds, point, {
        clusterId: run.clusterId,
        sourceId,
        engine: source.Engine ?? '',
        dbSubnetGroup: request.dbSubnetGroup ?? source.DBSubnetGroup,
        securityGroupIds: request.securityGroupIds ??
            (source.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [])),
        serverless,
        tags: standardTags(request.identity, request.provenance, run.clusterId, {
            [REPLICA_TAG.sourceDb]: sourceId,
            [REPLICA_TAG.restoredFrom]: label,
            [REPLICA_TAG.dataKind]: 'cluster',
        }),
    });
    deps.cleanup.record({ kind: 'db-cluster', id: run.clusterId, region: request.region });
    io.info(`Copying ${sourceId} to ${run.clusterId} (${point.kind === 'copy-on-write' ? 'copy-on-write clone' : label}).`);
    // A copy-on-write clone's cluster is due in about a minute; a full copy, like a restore.
    await waitClusterAvailable(run.wait, run.clusterId, {
        expected: point.kind === 'copy-on-write' ? AWS_WAITS.auroraClone : AWS_WAITS.rdsRestore,
    });
    await ensureWriter(run, instanceClass);
    return finishCluster(run, { ...base, timeToAvailableMs: clock.now() - started });
}

// EXTERNAL MODULE: ./.build/tsc/actions/replicate-data/cross-check.js
var cross_check = __webpack_require__(5847);
;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/replicate.js










// crossCheck lives in cross-check.ts, which loads no SDK, so main.ts can run it first.

async function replicate(request, deps) {
    const { rds, io, clock } = deps;
    const log = (line) => io.info(line);
    const deadline = deadlineFrom(clock, request.timeoutMs);
    const replicaId = (0,naming/* dbInstanceId */.Pf)(request.identity);
    const detected = await detectSource(rds, request.sourceId, request.sourceIsCluster ?? false, request.region);
    if (detected.kind === 'cluster')
        return replicateCluster(request, deps, detected.cluster);
    const source = detected.instance;
    if (request.serverless) {
        throw new errors/* UserError */.yo(`Input 'serverless-capacity' was given, but source '${request.sourceId}' is an RDS DB instance; Aurora Serverless v2 capacity is for Aurora DB cluster sources only.`);
    }
    const sourceId = source.DBInstanceIdentifier ?? request.sourceId;
    const engine = source.Engine ?? 'unknown';
    log(`Source: ${sourceId} (${engine} ${source.EngineVersion ?? ''}, ${source.DBInstanceClass ?? '?'}, ${source.DBInstanceStatus ?? '?'}); only read.`);
    const existing = await describeInstance(rds, replicaId);
    if (existing) {
        assertOwnReplica(existing, request.identity);
        return continueExisting(request, deps, existing, deadline);
    }
    const point = await resolvePoint({
        rds,
        source,
        identity: request.identity,
        provenance: request.provenance,
        region: request.region,
        dryRun: request.dryRun,
        clock,
        deadline,
        log,
        cleanup: deps.cleanup,
    }, request.from ?? { kind: 'latest-snapshot' });
    const label = pointLabel(point);
    const instanceClass = request.instanceClass ?? source.DBInstanceClass ?? '';
    const base = {
        replicaId,
        kind: 'instance',
        copy: copyOf(label),
        sourceId,
        engine,
        source: label,
        point,
        reused: false,
        instanceClass,
        changelog: 'not run (dry run)',
        dryRun: request.dryRun,
    };
    if (request.dryRun) {
        log(`Dry run: would restore ${replicaId} (${instanceClass}) from ${label}; nothing was created or changed.`);
        return base;
    }
    const tags = standardTags(request.identity, request.provenance, replicaId, {
        [REPLICA_TAG.sourceDb]: sourceId,
        [REPLICA_TAG.restoredFrom]: label,
    });
    const restoreStarted = clock.now();
    await restoreReplica(rds, point, {
        replicaId,
        sourceId,
        instanceClass,
        dbSubnetGroup: request.dbSubnetGroup ?? source.DBSubnetGroup?.DBSubnetGroupName,
        securityGroupIds: request.securityGroupIds ??
            (source.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [])),
        tags,
    });
    deps.cleanup.record({ kind: 'db-instance', id: replicaId, region: request.region });
    log(`Restoring ${replicaId} from ${label}.`);
    const available = await waitAvailable({ rds, clock, deadline, log }, replicaId, {
        expected: AWS_WAITS.rdsRestore,
    });
    const timeToAvailableMs = clock.now() - restoreStarted;
    return finish(request, deps, available, { ...base, timeToAvailableMs }, deadline);
}
/** A re-run: this build's replica exists already; continue with it. */
async function continueExisting(request, deps, existing, deadline) {
    const replicaId = existing.DBInstanceIdentifier ?? '';
    const tags = tagsOf(existing);
    const status = existing.DBInstanceStatus ?? 'unknown';
    const restoredFrom = tags[REPLICA_TAG.restoredFrom] ?? '(unknown)';
    if (tags[REPLICA_TAG.sourceDb] && tags[REPLICA_TAG.sourceDb] !== request.sourceId.toLowerCase()) {
        throw new errors/* UserError */.yo(`Replica ${replicaId} of this build was restored from '${tags[REPLICA_TAG.sourceDb]}', not source-db '${request.sourceId}'; use a new build to replicate another source.`);
    }
    if (['failed', 'incompatible-restore', 'incompatible-parameters', 'deleting'].includes(status)) {
        throw new errors/* UserError */.yo(`Replica ${replicaId} of this build, left by an earlier run, is ${status}; delete it (or wait until it is gone) and re-run, or use a new build.`);
    }
    deps.io.info(`Found ${replicaId}, restored from ${restoredFrom} by an earlier run of this build (${status}); continuing with it.`);
    const base = {
        replicaId,
        kind: 'instance',
        copy: copyOf(restoredFrom),
        sourceId: tags[REPLICA_TAG.sourceDb] ?? request.sourceId,
        engine: existing.Engine ?? 'unknown',
        source: restoredFrom,
        reused: true,
        instanceClass: existing.DBInstanceClass ?? '',
        changelog: changelogApplied(existing) ? 'applied earlier' : 'not run (dry run)',
        dryRun: request.dryRun,
    };
    if (request.dryRun) {
        deps.io.info(`Dry run: would continue with ${replicaId}; nothing was changed.`);
        return base;
    }
    const available = await waitAvailable({ rds: deps.rds, clock: deps.clock, deadline, log: (l) => deps.io.info(l) }, replicaId);
    return finish(request, deps, available, base, deadline);
}
/**
 * Runs the change log on the replica with a one-time master password, and marks it applied.
 * Returns the replica as it is after the password change, and how long the command ran.
 */
async function applyChangelog(command, extraEnv, deps, waitCtx, replica) {
    const id = replica.DBInstanceIdentifier ?? '';
    if (replica.MasterUserSecret?.SecretArn) {
        // Setting a password would mean taking the managed one out of Secrets Manager (which
        // deletes its secret) on a replica that an earlier run finished without a change log.
        throw new errors/* UserError */.yo(`Replica ${id} was finished by an earlier run of this build without a changelog-command, and its master password is now in Secrets Manager; use a new build to apply a change log.`);
    }
    // A re-run cannot know an earlier run's password, so every run that applies the change log
    // sets its own. Masked before it is used anywhere.
    const password = generatePassword();
    for (const form of (0,replicate_data_changelog/* secretForms */.eo)(password))
        deps.io.setSecret(form);
    const ready = await setOneTimePassword(waitCtx, replica, password);
    const ms = await (0,replicate_data_changelog/* runChangelog */.oD)({
        command,
        connection: (0,replicate_data_changelog/* connectionOf */.ao)(ready),
        password,
        io: deps.io,
        stepEnv: deps.env,
        extraEnv,
        exec: deps.exec,
        clock: deps.clock,
    });
    await markChangelogApplied(deps.rds, ready);
    return { ready, ms };
}
/** The change log, then the master password into Secrets Manager, then the endpoint. */
async function finish(request, deps, available, base, deadline) {
    const { rds, io, clock } = deps;
    const waitCtx = { rds, clock, deadline, log: (l) => io.info(l) };
    let changelog;
    let changelogMs;
    let current = available;
    if (changelogApplied(available)) {
        changelog = 'applied earlier';
        io.info(`The change log was applied to ${base.replicaId} by an earlier run of this build; not running it again.`);
    }
    else if (request.changelogCommand) {
        const applied = await applyChangelog(request.changelogCommand, request.changelogEnv ?? [], deps, waitCtx, available);
        current = applied.ready;
        changelogMs = applied.ms;
        changelog = 'applied';
    }
    else {
        changelog = 'none';
        io.info('No changelog-command given; the replica is an unchanged copy.');
    }
    // Secrets Manager replaces the one-time password, so it is useless once the run ends.
    // The last description (the wait's, or the one that found the secret already there) has the
    // endpoint: no describe of its own.
    const { secretArn, latest: final } = await rotateMasterPassword(waitCtx, current);
    return {
        ...base,
        changelog,
        ...(changelogMs !== undefined ? { changelogMs } : {}),
        secretArn,
        endpoint: final.Endpoint?.Address,
        port: final.Endpoint?.Port,
    };
}

;// CONCATENATED MODULE: ./packages/core/lib/summary.js
// Job summary building blocks: plain markdown strings, so they are easy to test and to
// reuse in release bodies.
/** Escapes a table cell: pipes split cells, newlines end rows. */
function escapeCell(value) {
    return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function markdownTable(headers, rows) {
    const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
    for (const row of rows) {
        if (row.length !== headers.length) {
            throw new Error(`table row has ${row.length} cells, the header has ${headers.length}`);
        }
    }
    return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}
/** Mermaid node labels may not hold quotes or brackets unescaped. */
function mermaidLabel(text) {
    return `"${text.replace(/"/g, '#quot;')}"`;
}
/** A left-to-right mermaid flowchart; node ids are derived, labels are the names given. */
function mermaidFlow(edges) {
    const ids = new Map();
    const id = (name) => {
        let known = ids.get(name);
        if (!known) {
            known = `n${ids.size}`;
            ids.set(name, known);
        }
        return known;
    };
    const lines = edges.map(({ from, to, label }) => {
        const arrow = label ? `-- ${mermaidLabel(label)} -->` : '-->';
        return `  ${id(from)}[${mermaidLabel(from)}] ${arrow} ${id(to)}[${mermaidLabel(to)}]`;
    });
    return ['```mermaid', 'flowchart LR', ...lines, '```'].join('\n');
}
function heading(text, level = 2) {
    return `${'#'.repeat(level)} ${text}`;
}
/** Joins sections with blank lines and ends with a newline, as the summary file expects. */
function summary(...sections) {
    return `${sections.filter((s) => s.length > 0).join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/summary.js


function setOutputs(io, r) {
    io.setOutput('db-instance-id', r.replicaId);
    io.setOutput('db-cluster-id', r.clusterId ?? '');
    io.setOutput('data-kind', r.kind);
    io.setOutput('source', r.source);
    io.setOutput('engine', r.engine);
    if (r.dryRun)
        return;
    io.setOutput('endpoint', r.endpoint ?? '');
    io.setOutput('port', r.port === undefined ? '' : String(r.port));
    io.setOutput('changelog-applied', String(r.changelog === 'applied' || r.changelog === 'applied earlier'));
    io.setOutput('changelog-time', r.changelogMs === undefined ? '' : (0,lib_clock/* formatDuration */.a3)(r.changelogMs));
    io.setOutput('master-user-secret-arn', r.secretArn ?? '');
    io.setOutput('time-to-available', r.timeToAvailableMs === undefined ? '' : (0,lib_clock/* formatDuration */.a3)(r.timeToAvailableMs));
}
function pointText(r) {
    const p = r.point;
    if (!p)
        return r.source;
    if (p.kind === 'point-in-time')
        return `point in time ${p.time} (latest restorable)${r.kind === 'cluster' ? ', a full copy' : ''}`;
    if (p.kind === 'copy-on-write')
        return `copy-on-write clone of ${p.time} (latest restorable)`;
    return `snapshot ${p.snapshotId} (${p.type}${p.takenAt ? `, taken ${p.takenAt}` : ''})`;
}
function renderSummary(r) {
    const replica = r.clusterId ? `cluster ${r.clusterId}, writer ${r.replicaId}` : r.replicaId;
    const rows = [
        ['Source', `${r.sourceId} (${r.kind === 'cluster' ? 'Aurora DB cluster, ' : ''}only read)`],
        ['Data layer', `${r.kind === 'cluster' ? 'Aurora DB cluster' : 'RDS DB instance'}, copied by ${r.copy}`],
        ['Restored from', pointText(r)],
        ['Replica', r.endpoint ? `${replica} at ${r.endpoint}:${r.port ?? ''}` : replica],
        ['Engine / class', `${r.engine} / ${r.instanceClass}`],
        [
            'Time to available',
            r.timeToAvailableMs !== undefined
                ? (0,lib_clock/* formatDuration */.a3)(r.timeToAvailableMs)
                : r.reused
                    ? 'restored by an earlier run of this build'
                    : '—',
        ],
        [
            'Change log',
            r.changelogMs !== undefined ? `${r.changelog}, ran for ${(0,lib_clock/* formatDuration */.a3)(r.changelogMs)}` : r.changelog,
        ],
    ];
    if (r.secretArn)
        rows.push(['Master password', `in Secrets Manager: ${r.secretArn}`]);
    const title = r.dryRun ? `replicate-data (dry run): ${r.replicaId}` : `replicate-data: ${r.replicaId}`;
    return summary(heading(title), r.dryRun
        ? 'Dry run: the source point was resolved and the names checked; nothing was created or changed.'
        : '', markdownTable(['', ''], rows), mermaidFlow([
        { from: r.sourceId, to: r.source, label: 'read' },
        {
            from: r.source,
            to: r.clusterId ?? r.replicaId,
            label: r.reused ? 'copied earlier' : r.copy === 'copy-on-write' ? 'clone' : 'restore',
        },
        ...(r.clusterId ? [{ from: r.clusterId, to: r.replicaId, label: 'writer' }] : []),
    ]));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBInstanceCommand.js
var DeleteDBInstanceCommand = __webpack_require__(7000);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBSnapshotCommand.js
var DeleteDBSnapshotCommand = __webpack_require__(9077);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBClusterCommand.js
var DeleteDBClusterCommand = __webpack_require__(4485);
;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/undo.js
// The post step's handlers: delete the replica (no final snapshot: it is a copy), an Aurora
// clone (after its writer instance), and the snapshot of the source that a failed run
// created. Each re-reads the resource and passes core's ownership guard first; the client also carries the source guard, so not even a
// corrupted saved state could make post delete the source.




/** How long post waits for a resource to become deletable (it has no timeout input). */
const POST_WAIT_MS = 30 * 60_000;
const isInvalidState = (error) => error instanceof Error && /^InvalidDBInstanceState/.test(error.name);
function deleteReplica(ctx) {
    return async (resource) => {
        const rds = ctx.rdsFor(resource.region);
        const instance = await describeInstance(rds, resource.id);
        if (!instance)
            return; // already gone
        assertManaged({ kind: 'DB instance', id: resource.id, tags: tagsOf(instance) }, ctx.identity);
        if (instance.DBInstanceStatus === 'deleting')
            return;
        const send = () => rds.send(new DeleteDBInstanceCommand/* DeleteDBInstanceCommand */.Y({
            DBInstanceIdentifier: resource.id,
            SkipFinalSnapshot: true,
            DeleteAutomatedBackups: true,
        }));
        try {
            await send();
        }
        catch (error) {
            // RDS refuses some transitions (e.g. mid-modify); wait for a settled state, once.
            if (!isInvalidState(error))
                throw error;
            await waitFor({
                what: `DB instance ${resource.id} to become deletable`,
                timeoutMs: POST_WAIT_MS,
                clock: ctx.clock,
                log: ctx.log,
                check: async () => {
                    const now = await describeInstance(rds, resource.id);
                    const status = now?.DBInstanceStatus ?? 'gone';
                    return [
                        'available',
                        'failed',
                        'incompatible-restore',
                        'incompatible-parameters',
                        'storage-full',
                        'gone',
                        'deleting',
                    ].includes(status)
                        ? { done: true, value: status }
                        : { done: false, state: status };
                },
            }).then((status) => (status === 'gone' || status === 'deleting' ? undefined : send()));
        }
        ctx.log(`Deleting DB instance ${resource.id} (no final snapshot).`);
    };
}
async function undo_describeSnapshot(rds, id) {
    try {
        const { DBSnapshots } = await rds.send(new DescribeDBSnapshotsCommand/* DescribeDBSnapshotsCommand */.K({ DBSnapshotIdentifier: id }));
        return DBSnapshots?.[0];
    }
    catch (error) {
        if (error instanceof Error && /^DBSnapshotNotFound/.test(error.name))
            return undefined;
        throw error;
    }
}
function deleteSnapshot(ctx) {
    return async (resource) => {
        const rds = ctx.rdsFor(resource.region);
        const snapshot = await undo_describeSnapshot(rds, resource.id);
        if (!snapshot)
            return;
        assertManaged({ kind: 'DB snapshot', id: resource.id, tags: fromAwsTags(snapshot.TagList) }, ctx.identity);
        if (snapshot.Status !== 'available') {
            // A snapshot being taken cannot be deleted until it is done.
            await waitFor({
                what: `DB snapshot ${resource.id} to finish so it can be deleted`,
                timeoutMs: POST_WAIT_MS,
                clock: ctx.clock,
                log: ctx.log,
                check: async () => {
                    const now = await undo_describeSnapshot(rds, resource.id);
                    if (!now)
                        return { done: true, value: undefined };
                    return now.Status === 'creating'
                        ? { done: false, state: 'creating' }
                        : { done: true, value: undefined };
                },
            });
            if (!(await undo_describeSnapshot(rds, resource.id)))
                return;
        }
        await rds.send(new DeleteDBSnapshotCommand/* DeleteDBSnapshotCommand */.P({ DBSnapshotIdentifier: resource.id }));
    };
}
const isClusterState = (error) => error instanceof Error && /^InvalidDBClusterState/.test(error.name);
async function describeClusterQuietly(rds, id) {
    try {
        return (await rds.send(new DescribeDBClustersCommand/* DescribeDBClustersCommand */.K({ DBClusterIdentifier: id }))).DBClusters?.[0];
    }
    catch (error) {
        if (error instanceof Error && /^DBClusterNotFound/.test(error.name))
            return undefined;
        throw error;
    }
}
/**
 * Deletes an Aurora clone (no final snapshot: it is a copy). Its writer instance goes first
 * (the undo runs in reverse order of creation); RDS refuses the cluster while an instance
 * that is not being deleted remains, or while the clone is still being made, so post waits
 * for a deletable state once.
 */
function deleteClusterReplica(ctx) {
    return async (resource) => {
        const rds = ctx.rdsFor(resource.region);
        const cluster = await describeClusterQuietly(rds, resource.id);
        if (!cluster)
            return;
        assertManaged({ kind: 'DB cluster', id: resource.id, tags: fromAwsTags(cluster.TagList) }, ctx.identity);
        if (cluster.Status === 'deleting')
            return;
        const send = () => rds.send(new DeleteDBClusterCommand/* DeleteDBClusterCommand */.X({ DBClusterIdentifier: resource.id, SkipFinalSnapshot: true }));
        try {
            await send();
        }
        catch (error) {
            if (!isClusterState(error))
                throw error;
            const status = await waitFor({
                what: `DB cluster ${resource.id} to become deletable`,
                timeoutMs: POST_WAIT_MS,
                clock: ctx.clock,
                log: ctx.log,
                check: async () => {
                    const now = await describeClusterQuietly(rds, resource.id);
                    const state = now?.Status ?? 'gone';
                    if (['creating', 'modifying', 'resetting-master-credentials', 'backing-up'].includes(state))
                        return { done: false, state };
                    return { done: true, value: state };
                },
            });
            if (status === 'gone' || status === 'deleting')
                return;
            await send();
        }
        ctx.log(`Deleting DB cluster ${resource.id} (no final snapshot).`);
    };
}

;// CONCATENATED MODULE: ./.build/tsc/actions/replicate-data/main-aws.js
// The part of replicate-data that talks to AWS, loaded by main.ts only once the inputs passed
// their checks (and by the post step when there is something to undo).










function rdsClient(region, sourceId) {
    // The source may be an instance or an Aurora cluster: the guard protects the name as both.
    return guardSource(createAwsClient(RDSClient/* RDSClient */.r, { region, action: main/* ACTION */.hr }), rdsSource(sourceId));
}
/** The main step once the inputs passed: the guarded RDS client, then the replication. */
async function replicateChecked({ io, env, clock, cleanup }, { inputs, common: { identity, region, dryRun }, source, exec }) {
    const rds = rdsClient(region, source.sourceId);
    try {
        const result = await replicate({
            identity,
            region,
            dryRun,
            sourceId: source.sourceId,
            sourceIsCluster: source.sourceIsCluster,
            from: inputs.from ? parseFrom(inputs.from) : undefined,
            serverless: source.serverless,
            changelogCommand: inputs.changelogCommand,
            changelogEnv: inputs.changelogEnv,
            dbSubnetGroup: inputs.dbSubnetGroup,
            securityGroupIds: inputs.securityGroupIds,
            instanceClass: inputs.instanceClass,
            timeoutMs: inputs.timeout ?? 90 * 60_000,
            provenance: provenanceFromEnv(env),
        }, { rds, io, clock, cleanup, env, exec });
        setOutputs(io, result);
        await io.appendSummary(renderSummary(result));
    }
    finally {
        rds.destroy();
    }
}
/** Post: deletes what a failed or cancelled main created, unless keep-on-failure. */
async function cleanUp({ io, clock, cleanup }) {
    // Inputs are read leniently: post also runs after main failed on bad inputs.
    const keepOnFailure = /^true$/i.test(io.getInput('keep-on-failure').trim());
    const saved = JSON.parse(io.getState(main/* GUARD_STATE */.Ev) || '{}');
    if (!saved.role || !saved.env || !saved.source) {
        throw new Error(`saved state '${main/* GUARD_STATE */.Ev}' is missing, so post cannot check what it deletes`);
    }
    const clients = new Map();
    const rdsFor = (region) => {
        let client = clients.get(region);
        if (!client)
            clients.set(region, (client = rdsClient(region, saved.source ?? '')));
        return client;
    };
    const ctx = {
        rdsFor,
        identity: { role: saved.role, env: saved.env },
        clock,
        log: (l) => io.info(l),
    };
    try {
        await (0,lib_cleanup/* undoCreated */.$P)(cleanup, {
            io,
            keepOnFailure,
            // Undone in reverse order: an Aurora clone's writer instance before its cluster.
            handlers: {
                'db-instance': deleteReplica(ctx),
                'db-snapshot': deleteSnapshot(ctx),
                'db-cluster': deleteClusterReplica(ctx),
            },
        });
    }
    finally {
        for (const client of clients.values())
            client.destroy();
    }
}


/***/ })

};
