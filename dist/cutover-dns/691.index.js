export const id = 691;
export const ids = [691];
export const modules = {

/***/ 8691:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cutover: () => (/* binding */ cutover)
});

// EXTERNAL MODULE: external "node:dns/promises"
var promises_ = __webpack_require__(1553);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/ElasticLoadBalancingV2Client.js + 8 modules
var ElasticLoadBalancingV2Client = __webpack_require__(4677);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/Route53Client.js + 8 modules
var Route53Client = __webpack_require__(2626);
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/GetHostedZoneCommand.js
var GetHostedZoneCommand = __webpack_require__(2744);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListHostedZonesByNameCommand.js
var ListHostedZonesByNameCommand = __webpack_require__(8911);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListResourceRecordSetsCommand.js
var ListResourceRecordSetsCommand = __webpack_require__(6845);
// EXTERNAL MODULE: ./packages/core/lib/dns-history.js
var dns_history = __webpack_require__(19);
// EXTERNAL MODULE: ./packages/core/lib/inputs.js + 1 modules
var inputs = __webpack_require__(1244);
// EXTERNAL MODULE: ./packages/core/lib/zone-input.js
var zone_input = __webpack_require__(4670);
;// CONCATENATED MODULE: ./packages/core/lib/hosted-zone.js
// The `zone` input of the actions that write DNS: a hosted zone given by id or by name. By
// name: exact matches only (ListHostedZonesByName lists zones *from* the name on), a public
// zone preferred over private ones of the same name (names are meant to be reachable from
// anywhere unless an id says otherwise), and an error listing the candidates when the choice
// is not clear. Also reading the record sets at one name, which every such action needs.






function zoneOf(z) {
    return {
        id: (z.Id ?? '').replace(/^\/hostedzone\//, ''),
        name: (z.Name ?? '').toLowerCase().replace(/\.$/, ''),
        privateZone: z.Config?.PrivateZone === true,
    };
}
function badZone(given, why) {
    return new errors/* UserError */.yo(`Input 'zone' was ${(0,inputs/* showGiven */.vP)(given, 'zone')}: ${why}; ${zone_input/* ZONE_EXPECTED */.oV}.`);
}
// The input's form is checked in zone-input.ts (no SDK there), re-exported for callers here.

/**
 * The hosted zone the `zone` input names. With `calls`, throttled calls are retried until its
 * deadline (see throttle-retry.ts); without, throttling is left to the SDK's own retries.
 */
async function resolveZone(route53, given, calls) {
    const problem = (0,zone_input/* zoneInputProblem */.OA)(given);
    if (problem)
        throw new errors/* UserError */.yo(problem);
    const send = (what, call) => retryThrottledIf(calls, what, call);
    const id = zone_input/* ZONE_ID */.jr.exec(given)?.[1];
    return id ? zoneById(route53, send, given, id) : zoneByName(route53, send, given);
}
/**
 * The zone of the `zone` input: as an earlier job of the release resolved it (`hosted-zone`,
 * launch-behind-lb's output), with no call, else looked up.
 */
async function zoneOfInputs(route53, inputs, calls) {
    if (inputs.hostedZone !== undefined) {
        const { zone, problem } = (0,zone_input/* parseResolvedZone */["if"])(inputs.hostedZone, inputs.zone);
        if (!zone)
            throw new errors/* UserError */.yo(problem ?? `Input 'hosted-zone' is malformed.`);
        return zone;
    }
    return resolveZone(route53, inputs.zone, calls);
}
async function zoneById(route53, send, given, id) {
    try {
        const out = await send(`reading hosted zone ${id}`, () => route53.send(new GetHostedZoneCommand/* GetHostedZoneCommand */.H({ Id: id })));
        if (!out.HostedZone)
            throw badZone(given, 'Route 53 returned no zone');
        return zoneOf(out.HostedZone);
    }
    catch (error) {
        if (error instanceof Error && error.name === 'NoSuchHostedZone')
            throw badZone(given, 'no hosted zone has that id');
        // A policy scoped to the zones a team named answers AccessDenied for any other id, one
        // that does not exist included: most often a typo, else a zone the policy does not name.
        if (error instanceof Error && error.name === 'AccessDenied')
            throw badZone(given, `the role may not read that hosted zone (AWS denied route53:GetHostedZone): check the id, or name the zone in the role's policy (npm run iam -- --hosted-zone-id ${id})`);
        throw error;
    }
}
async function zoneByName(route53, send, given) {
    const wanted = (0,dns_history/* fqdn */.Y8)(given);
    const matches = [];
    let next = { DNSName: wanted };
    // A hand-written loop: the SDK ships no paginator for ListHostedZonesByName.
    while (next) {
        const request = next;
        const page = await send(`looking up hosted zone ${wanted}`, () => route53.send(new ListHostedZonesByNameCommand/* ListHostedZonesByNameCommand */.a({ ...request, MaxItems: 100 })));
        const zones = page.HostedZones ?? [];
        const exact = zones.filter((z) => (z.Name ?? '').toLowerCase() === wanted).map(zoneOf);
        matches.push(...exact);
        // Zones come in name order from `wanted` on: past the exact matches, none can follow.
        next =
            page.IsTruncated && exact.length === zones.length && page.NextDNSName
                ? {
                    DNSName: page.NextDNSName,
                    ...(page.NextHostedZoneId ? { HostedZoneId: page.NextHostedZoneId } : {}),
                }
                : undefined;
    }
    return pickZone(given, matches);
}
function pickZone(given, matches) {
    const publicZones = matches.filter((z) => !z.privateZone);
    const pick = publicZones.length > 0 ? publicZones : matches;
    if (pick.length === 1)
        return pick[0];
    if (pick.length === 0)
        throw badZone(given, 'this account has no hosted zone of that name');
    const list = matches.map((z) => `${z.id} (${z.privateZone ? 'private' : 'public'})`).join(', ');
    throw badZone(given, `${pick.length} ${publicZones.length > 0 ? 'public' : 'private'} hosted zones have that name: ${list}; pass the id of the one to use`);
}
/** The record name must lie in the zone (Route 53 would refuse it, less clearly). */
function nameProblem(name, zone) {
    const n = (0,dns_history/* fqdn */.Y8)(name);
    if (n === `${zone.name}.` || n.endsWith(`.${zone.name}.`))
        return undefined;
    return `Input 'name' was '${name}': it is not inside hosted zone ${zone.name} (${zone.id}); expected a name ending in .${zone.name}.`;
}
/**
 * Every record set of `type` at exactly `name`, as Route 53 returns them (a DELETE must
 * repeat them value for value), paging through weighted sets if there are many. With
 * `calls`, throttling is retried until the run's deadline.
 */
async function hosted_zone_recordSetsAt(route53, zoneId, name, type, calls) {
    const send = (what, call) => retryThrottledIf(calls, what, call);
    const wanted = (0,dns_history/* fqdn */.Y8)(name);
    const found = [];
    let identifier;
    // A hand-written loop: the SDK ships no paginator for ListResourceRecordSets.
    for (;;) {
        const page = await send(`reading ${type} records of ${wanted}`, () => route53.send(new ListResourceRecordSetsCommand/* ListResourceRecordSetsCommand */.I({
            HostedZoneId: zoneId,
            StartRecordName: wanted,
            StartRecordType: type,
            ...(identifier !== undefined ? { StartRecordIdentifier: identifier } : {}),
            MaxItems: 100,
        })));
        const sets = page.ResourceRecordSets ?? [];
        const mine = sets.filter((r) => r.Name?.toLowerCase() === wanted && r.Type === type);
        found.push(...mine);
        // Sets are sorted by name then type: once another one appears, ours are all read.
        const more = page.IsTruncated === true &&
            mine.length === sets.length &&
            page.NextRecordName?.toLowerCase() === wanted &&
            page.NextRecordType === type &&
            page.NextRecordIdentifier !== undefined;
        if (!more)
            return found;
        identifier = page.NextRecordIdentifier;
    }
}
/** Route 53's order of record names: labels reversed (`www.example.com` sorts as `com.example.www`). */
function compareDnsNames(a, b) {
    const key = (n) => n.toLowerCase().replace(/\.$/, '').split('.').reverse().join('.');
    const [ka, kb] = [key(a), key(b)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
}
/**
 * The A records of `name` and the TXT records of `below`, a name under it (its history record),
 * in one call when they share a page. Route 53 lists record sets in DNS order (labels
 * reversed, then type) from the start given, and a name's children come right after its own
 * records, so the page that starts at `name`'s A records holds `below` too, or shows it is
 * absent by listing what sorts after it. Only a page that ends before that reads again.
 */
async function recordSetsWithChild(route53, zoneId, name, below, calls) {
    const wanted = (0,dns_history/* fqdn */.Y8)(name);
    const child = (0,dns_history/* fqdn */.Y8)(below);
    if (!child.endsWith(`.${wanted}`))
        throw new Error(`${child} is not a name under ${wanted}`);
    const page = await retryThrottledIf(calls, `reading A records of ${wanted}`, () => route53.send(new ListResourceRecordSetsCommand/* ListResourceRecordSetsCommand */.I({
        HostedZoneId: zoneId,
        StartRecordName: wanted,
        StartRecordType: 'A',
        MaxItems: 100,
    })));
    const sets = page.ResourceRecordSets ?? [];
    const complete = page.IsTruncated !== true;
    const isA = (r) => r.Name?.toLowerCase() === wanted && r.Type === 'A';
    const a = sets.filter(isA);
    const childTxt = sets.filter((r) => r.Name?.toLowerCase() === child && r.Type === 'TXT');
    // A set after the A records ends them; one sorting after the child (or its TXT) ends it.
    const aDone = complete || sets.some((r) => !isA(r));
    const childDone = complete ||
        childTxt.length > 0 ||
        sets.some((r) => {
            const order = compareDnsNames(r.Name ?? '', child);
            return order > 0 || (order === 0 && (r.Type ?? '') > 'TXT');
        });
    return {
        a: aDone ? a : await hosted_zone_recordSetsAt(route53, zoneId, name, 'A', calls),
        childTxt: childDone ? childTxt : await hosted_zone_recordSetsAt(route53, zoneId, below, 'TXT', calls),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ChangeResourceRecordSetsCommand.js
var ChangeResourceRecordSetsCommand = __webpack_require__(5081);
// EXTERNAL MODULE: ./packages/core/lib/tags.js
var lib_tags = __webpack_require__(8964);
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

;// CONCATENATED MODULE: ./packages/core/lib/lease.js
// One run at a time may change a role's name or delete its builds: cutover, rollback and
// retirement of one role and env take a lease first. GitHub's `concurrency` cannot be that
// lock: it keeps one pending run per group and cancels the older pending one, so a queued
// emergency rollback could silently vanish, and it knows nothing of runs from other
// workflows or repositories. The lease is a TXT record beside the name,
// `_immut-lease.<name>`, holding who holds it, the run and when it expires. It is taken by
// compare-and-swap: CREATE when there is none, or one batch that DELETEs exactly the record
// read and CREATEs ours, which Route 53 refuses whole if the record changed meanwhile, so two
// runs can never both win. An expired lease (its holder was killed) may be taken over.








const LEASE_PREFIX = '_immut-lease.';
const LEASE_TTL = 60;
const VERSION = '1';
/** How often a waiting run looks at the lease again (Route 53's request rate is low). */
const POLL_MS = 15_000;
/** How long giving a lease back retries throttling. */
const RELEASE_RETRY_MS = 5 * 60_000;
function leaseName(name) {
    return (0,dns_history/* fqdn */.Y8)(`${LEASE_PREFIX}${name}`);
}
// Holder and run are written into TXT strings: no quotes, spaces or backslashes, and short.
function field(key, value) {
    const text = `${key}=${value}`;
    if (/["\s\\]/.test(text) || text.length > 255) {
        throw new Error(`lease value ${key} cannot be stored in a TXT string: '${value.slice(0, 80)}'`);
    }
    return `"${text}"`;
}
/** A run URL as stored: '-' when there is none or it could not be stored as one string. */
function safeRun(run) {
    return run && !/["\s\\]/.test(run) && run.length <= 200 ? run : '-';
}
function leaseRecord(name, info) {
    return {
        Name: leaseName(name),
        Type: 'TXT',
        TTL: LEASE_TTL,
        ResourceRecords: [
            {
                Value: [
                    field('immut-lease', VERSION),
                    field('managed-by', lib_tags/* MANAGED_BY_VALUE */.Q9),
                    field('holder', info.holder),
                    field('run', safeRun(info.run)),
                    field('expires', info.expires),
                    field('token', info.token),
                ].join(' '),
            },
        ],
    };
}
/** Reads a lease record; anything else at that name is refused, never overwritten. */
function parseLease(record) {
    const f = new Map();
    for (const { Value } of record.ResourceRecords ?? []) {
        for (const [, text = ''] of (Value ?? '').matchAll(/"([^"]*)"/g)) {
            const eq = text.indexOf('=');
            if (eq > 0)
                f.set(text.slice(0, eq), text.slice(eq + 1));
        }
    }
    const holder = f.get('holder');
    const expires = f.get('expires');
    const token = f.get('token');
    if (f.get('immut-lease') === undefined ||
        !holder ||
        !expires ||
        !token ||
        Number.isNaN(Date.parse(expires))) {
        throw new errors/* GuardError */.U$(`Refusing to use ${record.Name}: that TXT record is not an immut lease (it holds ${JSON.stringify(record.ResourceRecords?.map((r) => r.Value)).slice(0, 200)}). Delete it by hand if nothing of yours uses it.`);
    }
    const run = f.get('run') ?? '';
    return { holder, run: run === '-' ? '' : run, expires, token };
}
function describeHolder(info) {
    return `${info.holder}${info.run ? ` (run ${info.run})` : ''}, until ${info.expires}`;
}
/** Whether a change batch was refused because the records were not as the batch expected. */
function lostRace(error) {
    return error instanceof Error && error.name === 'InvalidChangeBatch';
}
/**
 * Takes the lease on `name`, waiting while another run holds it (until the deadline, then
 * failing with an error naming the holder) and taking over an expired one.
 */
async function acquireLease(request) {
    const { route53, zoneId, name, clock, deadline, log } = request;
    const calls = { clock, deadline, log };
    const lname = leaseName(name);
    // Most runs find no lease: a CREATE first takes it in one call, and only a refused CREATE
    // (a lease exists) leads to reading it.
    const first = await createFirst(request, calls);
    if ('lease' in first)
        return first.lease;
    let seen = first;
    let waitingFor;
    for (;;) {
        // The record the refused CREATE read, then a fresh read each round.
        const [existing] = seen ? [seen.record] : await hosted_zone_recordSetsAt(route53, zoneId, lname, 'TXT', calls);
        seen = undefined;
        const current = existing ? parseLease(existing) : undefined;
        const now = clock.now();
        const expired = current !== undefined && Date.parse(current.expires) <= now;
        // An earlier attempt of this very run (killed, so it never released): attempts of one
        // run never overlap, so its lease is this run's to take back.
        const earlierAttempt = current !== undefined &&
            current.run !== '' &&
            current.run === request.run &&
            current.holder === request.holder;
        if (!current || expired || earlierAttempt) {
            const info = freshLease(request);
            const mine = leaseRecord(name, info);
            const changes = [
                ...(existing ? [{ Action: 'DELETE', ResourceRecordSet: existing }] : []),
                { Action: 'CREATE', ResourceRecordSet: mine },
            ];
            if (current && earlierAttempt && !expired)
                log(`The lease ${lname} is held by an earlier attempt of this run (${describeHolder(current)}); taking it back.`);
            else if (current)
                log(`The lease ${lname} of ${describeHolder(current)} has expired; taking it over.`);
            try {
                await retryThrottled(calls, `taking the lease ${lname}`, () => route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
                    HostedZoneId: zoneId,
                    ChangeBatch: { Comment: `immut lease: ${request.holder}`.slice(0, 256), Changes: changes },
                })));
            }
            catch (error) {
                if (!lostRace(error))
                    throw error;
                // Ours already, when an earlier attempt of this request succeeded but its answer
                // was lost (the SDK retried it); otherwise another run changed the lease between our
                // read and our write: look again.
                const [after] = await hosted_zone_recordSetsAt(route53, zoneId, lname, 'TXT', calls);
                if (after && parseLease(after).token === info.token) {
                    log(`Holding the lease ${lname} until ${info.expires}.`);
                    return { info, release: () => releaseLease(request, info) };
                }
                continue;
            }
            log(`Holding the lease ${lname} until ${info.expires}.`);
            return { info, release: () => releaseLease(request, info) };
        }
        if (deadline.remaining() <= 0) {
            throw new errors/* UserError */.yo(`Could not take the lease ${lname}: it is held by ${describeHolder(current)}, and this run's timeout ran out waiting for it. Let that run finish (or cancel it; its lease then expires at the time shown) and run this again.`);
        }
        if (waitingFor !== current.token) {
            waitingFor = current.token;
            log(`Waiting for the lease ${lname}: held by ${describeHolder(current)}.`);
        }
        await clock.sleep(Math.max(1, Math.min(POLL_MS, deadline.remaining())));
    }
}
/** The lease as a fresh holding by `request`, from now. */
function freshLease(request) {
    return {
        holder: request.holder,
        run: request.run,
        expires: new Date(request.clock.now() + request.holdMs).toISOString(),
        token: (0,external_node_crypto_.randomBytes)(8).toString('hex'),
    };
}
/**
 * The lease as one change of a run's first change batch, instead of a batch of its own before
 * the run: Route 53 applies a batch whole or not at all, so that batch takes the lease (refused
 * if any lease exists) and makes its change in one step, with no request between them for
 * another run to come in. What the run did before that batch (reading, checking) was done
 * without the lease, so a refused batch means: take the lease with acquireLease, then start
 * again from a fresh read. Saves a request and a change batch per run, which many releases at
 * once spend against the account's Route 53 rate and the zone's change rate.
 */
function leaseInBatch(request) {
    const info = freshLease(request);
    return {
        change: { Action: 'CREATE', ResourceRecordSet: leaseRecord(request.name, info) },
        taken: () => {
            request.log(`Holding the lease ${leaseName(request.name)} until ${info.expires} (taken with the change).`);
            return { info, release: () => releaseLease(request, info) };
        },
    };
}
/** Takes the lease with a CREATE; when Route 53 refuses it because a lease exists, that record as read. */
async function createFirst(request, calls) {
    const { route53, zoneId, name, log } = request;
    const lname = leaseName(name);
    const info = freshLease(request);
    try {
        await retryThrottled(calls, `taking the lease ${lname}`, () => route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
            HostedZoneId: zoneId,
            ChangeBatch: {
                Comment: `immut lease: ${request.holder}`.slice(0, 256),
                Changes: [{ Action: 'CREATE', ResourceRecordSet: leaseRecord(name, info) }],
            },
        })));
    }
    catch (error) {
        if (!lostRace(error))
            throw error;
        // Refused: a lease exists, or this very CREATE landed and its answer was lost (the SDK
        // retried it), which the token tells. Another's lease goes to acquireLease to decide on.
        const [after] = await hosted_zone_recordSetsAt(route53, zoneId, lname, 'TXT', calls);
        if (!after || parseLease(after).token !== info.token)
            return { record: after };
    }
    log(`Holding the lease ${lname} until ${info.expires}.`);
    return { lease: { info, release: () => releaseLease(request, info) } };
}
/**
 * Deletes our lease record, exactly as this run wrote it: Route 53 refuses the DELETE unless
 * the record is still that one, so a lease taken over since (ours had expired) is never
 * removed, and only then is it read, to say who holds it. Logs instead of throwing.
 */
async function releaseLease(request, info) {
    const { route53, zoneId, name, clock, log } = request;
    const lname = leaseName(name);
    // A lease left behind holds off the role's next cutover until it expires, so a throttled
    // release is retried, for a while of its own: the run's deadline may have passed already.
    const calls = { clock, log, deadline: deadlineFrom(clock, RELEASE_RETRY_MS) };
    try {
        await retryThrottled(calls, `releasing the lease ${lname}`, () => route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
            HostedZoneId: zoneId,
            ChangeBatch: {
                Comment: `immut lease released: ${info.holder}`.slice(0, 256),
                Changes: [{ Action: 'DELETE', ResourceRecordSet: leaseRecord(name, info) }],
            },
        })));
        log(`Released the lease ${lname}.`);
        return;
    }
    catch (error) {
        if (!lostRace(error)) {
            log(`warning: could not release the lease ${lname} (${(0,errors/* describeError */.Uc)(error)}); it expires at ${info.expires}, after which other runs take it over.`);
            return;
        }
    }
    try {
        const [existing] = await hosted_zone_recordSetsAt(route53, zoneId, lname, 'TXT');
        if (!existing) {
            log(`warning: the lease ${lname} was already gone when this run released it.`);
            return;
        }
        const current = parseLease(existing);
        log(current.token === info.token
            ? `warning: Route 53 refused to delete the lease ${lname}, though it is still this run's; it expires at ${info.expires}, after which other runs take it over.`
            : `warning: the lease ${lname} is now held by ${describeHolder(current)} (ours had expired); leaving it.`);
    }
    catch (error) {
        log(`warning: could not read the lease ${lname} after its release was refused (${(0,errors/* describeError */.Uc)(error)}); it expires at ${info.expires}, after which other runs take it over.`);
    }
}
/** Runs `body` holding the lease, released afterwards whether `body` succeeds or fails. */
async function withLease(request, body) {
    const lease = await acquireLease(request);
    try {
        return await body(lease);
    }
    finally {
        await lease.release();
    }
}
/** The lease's hold for a run with `remainingMs` left: all of it, plus a margin. */
function holdFor(remainingMs) {
    return remainingMs + 5 * 60_000;
}

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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/GetChangeCommand.js
var GetChangeCommand = __webpack_require__(8395);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/TestDNSAnswerCommand.js
var TestDNSAnswerCommand = __webpack_require__(1832);
;// CONCATENATED MODULE: ./packages/core/lib/naming.js
// The naming standard (CONTRACTS.md): one function per resource kind, deterministic and
// always valid for AWS. Names are readable when they fit; when they would be too long the
// role is shortened and a hash of the full identity keeps distinct releases distinct.
// The full values always live in tags, so nothing is lost by shortening.
//
// Why a full name can never equal a shortened one: env and build contain no hyphen, so a
// name's first and last segments are its env and build, and the middle is either the role
// (full form) or `<cut role>-<6 hex>` (shortened form). A role that itself ends in
// `-<6 hex>` would make the two forms look alike (role `b-c8c519` against the shortened
// `billing-reconciler`), so such a role always takes the shortened form. Two shortened
// names are then equal only if the hashes of two distinct identities collide.

/** AWS limits the naming standard must respect. */
const LIMITS = {
    /** ELBv2 load balancer and target group names. */
    elbName: 32,
    /** RDS DB instance identifiers. */
    rdsIdentifier: 63,
    /** RDS snapshot identifiers. */
    rdsSnapshotIdentifier: 255,
    amiNameMin: 3,
    amiNameMax: 128,
    dnsLabel: 63,
    dnsName: 253,
    /** EC2 launch template names: 3–128 of [a-zA-Z0-9()./_-] (CreateLaunchTemplate, LaunchTemplateName). */
    launchTemplateName: 128,
    /** Auto Scaling group names: 1–255 characters (CreateAutoScalingGroup, AutoScalingGroupName). */
    autoScalingGroupName: 255,
};
const HASH_LENGTH = 6;
function shortHash(id) {
    return createHash('sha256')
        .update(`${id.env}\0${id.role}\0${id.build}`)
        .digest('hex')
        .slice(0, HASH_LENGTH);
}
/** A role whose full-form name would read like a shortened one: it ends in `-<hash>`. */
const HASH_LIKE_ENDING = new RegExp(`-[0-9a-f]{${HASH_LENGTH}}$`);
/**
 * `<env>-<role>-<build>` when it fits in `max` and the role does not end like a hash, else
 * `<env>-<role…>-<hash>-<build>` with the role cut to what fits. env leads so one
 * environment's resources sort together.
 */
function fittedName(id, max) {
    const full = `${id.env}-${id.role}-${id.build}`;
    if (full.length <= max && !HASH_LIKE_ENDING.test(id.role))
        return full;
    const fixed = id.env.length + id.build.length + HASH_LENGTH + 3; // three hyphens
    // Role is letter-first, so at least its first character always survives; a cut that ends
    // in a hyphen would make '--' (invalid in RDS identifiers), so trim it.
    const role = id.role.slice(0, Math.max(1, max - fixed)).replace(/-+$/, '');
    return `${id.env}-${role}-${shortHash(id)}-${id.build}`;
}
/** Application load balancer name (≤ 32 characters). */
function loadBalancerName(id) {
    return fittedName(id, LIMITS.elbName);
}
/** Target group name (≤ 32 characters; its own namespace, so it may equal the load balancer's). */
function targetGroupName(id) {
    return fittedName(id, LIMITS.elbName);
}
/**
 * EC2 launch template of the build's servers (≤ 128 characters of [a-zA-Z0-9()./_-]; env, role
 * and build hold only lower-case letters, digits and hyphens, so the standard form fits).
 * Launch template names are unique per account and region, like load balancer names.
 */
function launchTemplateName(id) {
    return fittedName(id, LIMITS.launchTemplateName);
}
/** Auto Scaling group of the build's servers (≤ 255 characters, unique per account and region). */
function autoScalingGroupName(id) {
    return fittedName(id, LIMITS.autoScalingGroupName);
}
/** RDS DB instance identifier of the release's data replica (≤ 63 characters). */
function dbInstanceId(id) {
    return fittedName(id, LIMITS.rdsIdentifier);
}
/**
 * RDS DB cluster identifier of the release's Aurora replica (≤ 63 characters). Clusters and
 * instances are separate RDS namespaces, so the clone and its writer instance share the name.
 */
function dbClusterId(id) {
    return fittedName(id, LIMITS.rdsIdentifier);
}
/** Identifier of the snapshot kept when a replica is retired with a final snapshot. */
function finalSnapshotId(id) {
    return `${dbInstanceId(id)}-final`;
}
/**
 * Identifier of the manual snapshot replicate-data takes of the source DB instance for this
 * release (`from: new-snapshot`); the `-source` suffix keeps it apart from final snapshots.
 */
function sourceSnapshotId(id) {
    return `${dbInstanceId(id)}-source`;
}
/**
 * AMI name: `immut/<env>/<role>/<build>/<fingerprint prefix>`. Unique per account and
 * region because the build and fingerprint are in it (AWS refuses duplicate AMI names).
 */
function imageName(id, fingerprint) {
    if (!/^[a-f0-9]{16,}$/.test(fingerprint)) {
        throw new Error(`fingerprint must be at least 16 lowercase hex characters, got '${fingerprint}'`);
    }
    return `immut/${id.env}/${id.role}/${id.build}/${fingerprint.slice(0, 16)}`;
}
/**
 * Name of the unencrypted image an encrypted bake makes first and copies into the
 * encrypted one (then deletes): the image's name plus `/unencrypted`, at most 79 characters.
 */
function intermediateImageName(id, fingerprint) {
    return `${imageName(id, fingerprint)}/unencrypted`;
}
/** The `Name` tag shown in the console for the release's servers. */
function instanceName(id) {
    return `immut/${id.env}/${id.role}/${id.build}`;
}
/** The `Name` tag of a bake's builder instance. */
function builderName(id) {
    return `immut-builder/${id.env}/${id.role}/${id.build}`;
}
/** The git tag recording the release. */
function gitTag(id) {
    return `immut/${id.env}/${id.role}/${id.build}`;
}
/**
 * The role name the world release's tag takes the place of: a world file may not name a role
 * `world`, or its release tag would be the world release's.
 */
const WORLD_ROLE = 'world';
/** The git tag recording a world release: `immut/<env>/world/<build>`. */
function worldTag(world) {
    return gitTag({ env: world.env, role: WORLD_ROLE, build: world.build });
}
/** Parses a git tag made by `gitTag` back into its identity, or undefined. */
function parseGitTag(tag) {
    const match = /^immut\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(tag);
    if (!match)
        return undefined;
    const [, env, role, build] = match;
    return { env, role, build };
}
/** Lower case, no trailing dot: the form names are compared and built in. */
function normalizeDnsName(name) {
    return name.trim().toLowerCase().replace(/\.$/, '');
}
/**
 * A load balancer's DNS name as alias targets compare: normalized, without the `dualstack.`
 * prefix (Route 53 takes `dualstack.<name>` and `<name>` as the same alias target).
 */
function bareDnsName(name) {
    return normalizeDnsName(name).replace(/^dualstack\./, '');
}
/** Returns a problem with a DNS name, or undefined when it is valid. */
function checkDnsName(name) {
    const normalized = normalizeDnsName(name);
    if (normalized.length === 0)
        return 'a DNS name must not be empty';
    if (normalized.length > LIMITS.dnsName)
        return `a DNS name is at most ${LIMITS.dnsName} characters`;
    for (const label of normalized.split('.')) {
        if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) {
            return `'${label}' is not a valid DNS label (1–63 letters, digits or hyphens, no hyphen at either end)`;
        }
    }
    return undefined;
}
/** The role's stable name that users hit and cutover moves: `<role>.<env>.<zone>`. */
function roleDnsName(id, zone) {
    return checkedDnsName(`${id.role}.${id.env}.${normalizeDnsName(zone)}`);
}
/** The build's own name, for trying it before cutover: `<build>.<role>.<env>.<zone>`. */
function buildDnsName(id, zone) {
    return checkedDnsName(`${id.build}.${id.role}.${id.env}.${normalizeDnsName(zone)}`);
}
function checkedDnsName(name) {
    const problem = checkDnsName(name);
    if (problem)
        throw new Error(`cannot build DNS name '${name}': ${problem}`);
    return name;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/cutover-dns/records.js





function sameTarget(a, b) {
    return bareDnsName(a.dnsName) === bareDnsName(b.dnsName) && a.zoneId === b.zoneId;
}
/** The alias target of a record, or undefined for a value record. */
function aliasOf(record) {
    const alias = record.AliasTarget;
    if (!alias?.DNSName || !alias.HostedZoneId)
        return undefined;
    return { dnsName: bareDnsName(alias.DNSName), zoneId: alias.HostedZoneId.replace(/^\/hostedzone\//, '') };
}
function aliasTarget(target) {
    // Evaluating target health lets Route 53 itself steer away from a load balancer whose
    // targets all fail, on top of immut's own gate.
    return { HostedZoneId: target.zoneId, DNSName: (0,dns_history/* fqdn */.Y8)(target.dnsName), EvaluateTargetHealth: true };
}
function plainAlias(name, target) {
    return { Name: (0,dns_history/* fqdn */.Y8)(name), Type: 'A', AliasTarget: aliasTarget(target) };
}
function weightedAlias(name, setIdentifier, weight, target) {
    return {
        Name: (0,dns_history/* fqdn */.Y8)(name),
        Type: 'A',
        SetIdentifier: setIdentifier,
        Weight: weight,
        AliasTarget: aliasTarget(target),
    };
}
/** Route 53 weights are 0–255: a percentage of traffic as a weight out of 255. The new build
 *  keeps at least 1 and the old at least 1, so a weighted step never becomes a full swap. */
function weightFor(percent) {
    return Math.min(254, Math.max(1, Math.round((percent * 255) / 100)));
}
/** A record set without the SDK's undefined members (what a DELETE repeats). */
function clean(record) {
    return JSON.parse(JSON.stringify(record));
}
/** The name's A records and its history's TXT, usually in one call (core's reader). */
async function readNameAndHistory(route53, calls, zoneId, name, history) {
    const { a, childTxt } = await recordSetsWithChild(route53, zoneId, name, history, calls);
    return { records: a.map(clean), history: childTxt.map(clean) };
}
/** Every record set of `type` at `name`, exactly as Route 53 returns them (core's reader). */
async function readRecords(route53, calls, zoneId, name, type) {
    return (await recordSetsAt(route53, zoneId, name, type, calls)).map(clean);
}
function shapeOf(records) {
    if (records.length === 0)
        return { kind: 'none' };
    const [first] = records;
    if (records.length === 1 && first && first.SetIdentifier === undefined) {
        const target = aliasOf(first);
        return target
            ? { kind: 'plain', target }
            : {
                kind: 'other',
                description: `a plain A record with values ${JSON.stringify(first.ResourceRecords?.map((r) => r.Value))}`,
            };
    }
    const sets = records.map((r) => ({ r, target: aliasOf(r) }));
    if (sets.every((s) => s.target && s.r.SetIdentifier !== undefined && s.r.Weight !== undefined)) {
        return {
            kind: 'weighted',
            sets: sets.map((s) => ({ setIdentifier: s.r.SetIdentifier, weight: s.r.Weight, target: s.target })),
        };
    }
    return { kind: 'other', description: `${records.length} A records that are not all weighted aliases` };
}

;// CONCATENATED MODULE: ./.build/tsc/actions/cutover-dns/change.js
// Changing the name safely: every change is a compare-and-swap batch (DELETE exactly what was
// read, CREATE what should be), so a concurrent change makes Route 53 reject the whole batch
// instead of being silently overwritten; then wait for INSYNC and ask Route 53 what it answers.





/** The batch that turns `from` into `to`, valid only if `from` is still exactly there. */
function casBatch(from, to) {
    const deletes = [...from.records, ...(from.history ? [from.history] : [])];
    const creates = [...to.records, ...(to.history ? [to.history] : [])];
    return [
        ...deletes.map((r) => ({ Action: 'DELETE', ResourceRecordSet: r })),
        ...creates.map((r) => ({ Action: 'CREATE', ResourceRecordSet: r })),
    ];
}
/** Raised when the name changed between our read and our write. */
class ConcurrentChangeError extends errors/* UserError */.yo {
    name = 'ConcurrentChangeError';
}
/** Canonical form of a snapshot, for "is it still what we read / what we wrote?". */
function snapshotKey(s) {
    const norm = (r) => JSON.stringify([
        r.Name?.toLowerCase(),
        r.Type,
        r.SetIdentifier ?? null,
        r.Weight ?? null,
        r.TTL ?? null,
        (r.ResourceRecords ?? []).map((v) => v.Value).sort(),
        r.AliasTarget
            ? [
                r.AliasTarget.HostedZoneId?.replace(/^\/hostedzone\//, ''),
                bareDnsName(r.AliasTarget.DNSName ?? ''),
                r.AliasTarget.EvaluateTargetHealth,
            ]
            : null,
    ]);
    return JSON.stringify([s.records.map(norm).sort(), s.history ? norm(s.history) : null]);
}
/**
 * Sends the compare-and-swap batch. Returns the change id, or undefined when the batch had
 * already been applied (a request the SDK retried after a lost response).
 */
async function applyBatch(options) {
    const { route53, calls, zoneId, from, to, comment } = options;
    try {
        const out = await retryThrottled(calls, 'changing the record', () => route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
            HostedZoneId: zoneId,
            ChangeBatch: { Comment: comment, Changes: [...(options.with ?? []), ...casBatch(from, to)] },
        })));
        return out.ChangeInfo?.Id?.replace(/^\/change\//, '');
    }
    catch (error) {
        if (!(error instanceof Error) || error.name !== 'InvalidChangeBatch')
            throw error;
        const now = await options.reread();
        if (snapshotKey(now) === snapshotKey(to)) {
            calls.log('The change was already applied (an earlier attempt of the same request succeeded).');
            return undefined;
        }
        if (snapshotKey(now) !== snapshotKey(from)) {
            throw new ConcurrentChangeError(`the record changed since it was read; is another cutover running? Route 53 refused the change (${error.message}).`);
        }
        throw error;
    }
}
/** Waits until Route 53 reports the change INSYNC on all its servers. */
async function waitInSync(route53, calls, changeId, clock) {
    // Changes usually take 30–60 s: the first look comes when the change is due and polls
    // stay at the waiter's cadence, because GetChange counts against the account's Route 53
    // request rate too (AWS_WAITS.route53Insync).
    await waitFor({
        what: `Route 53 change ${changeId} to be INSYNC`,
        check: async () => {
            const out = await retryThrottled(calls, `reading change ${changeId}`, () => route53.send(new GetChangeCommand/* GetChangeCommand */.Y({ Id: changeId })));
            const status = out.ChangeInfo?.Status ?? 'unknown';
            return status === 'INSYNC' ? { done: true, value: undefined } : { done: false, state: status };
        },
        timeoutMs: calls.deadline.remaining(),
        clock,
        log: calls.log,
        expectedMs: AWS_WAITS.route53Insync.expectedMs,
        minDelayMs: AWS_WAITS.route53Insync.cadenceMs,
        maxDelayMs: 30_000,
    });
}
async function testAnswer(route53, calls, zoneId, name) {
    const out = await retryThrottled(calls, `asking Route 53 for ${name}`, () => route53.send(new TestDNSAnswerCommand/* TestDNSAnswerCommand */.P({ HostedZoneId: zoneId, RecordName: name, RecordType: 'A' })));
    return { code: out.ResponseCode ?? 'unknown', data: out.RecordData ?? [] };
}
/**
 * Whether an answer is one of `targets`. Route 53 answers an alias to a load balancer with
 * the load balancer's addresses, so those are compared with what its DNS name resolves to;
 * an answer naming the load balancer itself also counts.
 */
async function answerMatches(answer, targets, resolve4) {
    if (answer.code !== 'NOERROR' || answer.data.length === 0)
        return false;
    const data = answer.data.map(bareDnsName);
    if (targets.some((t) => data.includes(bareDnsName(t.dnsName))))
        return true;
    for (const t of targets) {
        const addresses = await resolve4(bareDnsName(t.dnsName)).catch(() => []);
        if (addresses.some((a) => data.includes(a)))
            return true;
    }
    return false;
}

// EXTERNAL MODULE: ./.build/tsc/actions/cutover-dns/history.js
var cutover_dns_history = __webpack_require__(4388);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeLoadBalancersCommand.js
var DescribeLoadBalancersCommand = __webpack_require__(9506);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTagsCommand.js
var DescribeTagsCommand = __webpack_require__(7374);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetGroupsCommand.js
var DescribeTargetGroupsCommand = __webpack_require__(8358);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetHealthCommand.js
var DescribeTargetHealthCommand = __webpack_require__(7992);
// EXTERNAL MODULE: ./packages/core/lib/identity.js
var identity = __webpack_require__(4891);
;// CONCATENATED MODULE: ./.build/tsc/actions/cutover-dns/targets.js
// The load balancers a cutover moves between, found from their DNS names, and the health of
// the targets behind them. The health gate is the point: traffic only moves to a build whose
// targets are all healthy (and there is at least one), checked again before every weighted
// step and while each step is held.






/**
 * The load balancer name inside its DNS name: `[internal-]<name>-<id>.…` (the id never holds
 * a hyphen, load balancer names may). Undefined when the DNS name is not of that form.
 */
function loadBalancerNameOf(dnsName) {
    const label = bareDnsName(dnsName).split('.')[0] ?? '';
    const match = /^(?:internal-)?(.+)-[a-z0-9]+$/.exec(label);
    return match?.[1];
}
/**
 * Finds the load balancer behind `dnsName` in this region, or undefined when there is none
 * (deleted, other region, or not a load balancer name).
 */
async function findLoadBalancer(elb, calls, dnsName, role) {
    const name = loadBalancerNameOf(dnsName);
    if (!name)
        return undefined;
    let found;
    try {
        const out = await retryThrottled(calls, `finding load balancer ${name}`, () => elb.send(new DescribeLoadBalancersCommand/* DescribeLoadBalancersCommand */.A({ Names: [name] })));
        found = out.LoadBalancers?.find((lb) => bareDnsName(lb.DNSName ?? '') === bareDnsName(dnsName));
    }
    catch (error) {
        if (error instanceof Error && error.name === 'LoadBalancerNotFoundException')
            return undefined;
        throw error;
    }
    if (!found?.LoadBalancerArn || !found.CanonicalHostedZoneId || !found.DNSName)
        return undefined;
    const arn = found.LoadBalancerArn;
    const tagsOut = await retryThrottled(calls, `reading the tags of load balancer ${name}`, () => elb.send(new DescribeTagsCommand/* DescribeTagsCommand */.y({ ResourceArns: [arn] })));
    const tags = (0,lib_tags/* fromAwsTags */.L0)(tagsOut.TagDescriptions?.[0]?.Tags);
    // The build names the weighted record sets and the history; a load balancer without
    // immut's tags (not made by launch-behind-lb) is named by its own name instead.
    const build = tags[lib_tags/* TAG */.Dk.build] ?? name;
    return {
        arn,
        name,
        tags,
        dnsName: bareDnsName(found.DNSName),
        zoneId: found.CanonicalHostedZoneId,
        build,
        release: tags[lib_tags/* TAG */.Dk.release] ?? (0,identity/* releaseId */.Bf)({ role, env: tags[lib_tags/* TAG */.Dk.env] ?? '', build }),
    };
}
/**
 * The cutover's target: it must exist, be the load balancer `target-zone-id` names, and
 * belong to this role and env (pointing one role's name at another role's servers is
 * always a mistake).
 */
async function resolveTarget(elb, calls, wanted, identity, region, inputNames = { dnsName: 'target-dns-name', zoneId: 'target-zone-id' }) {
    const lb = await findLoadBalancer(elb, calls, wanted.dnsName, identity.role);
    if (!lb) {
        throw new errors/* UserError */.yo(`Input '${inputNames.dnsName}' was '${wanted.dnsName}': no load balancer with that DNS name exists in ${region}; expected launch-behind-lb's load-balancer-dns-name output for a load balancer that still exists.`);
    }
    if (wanted.zoneId !== undefined && wanted.zoneId !== lb.zoneId) {
        throw new errors/* UserError */.yo(`Input '${inputNames.zoneId}' was '${wanted.zoneId}': load balancer ${lb.name} is in hosted zone ${lb.zoneId}; expected launch-behind-lb's load-balancer-zone-id output.`);
    }
    const tags = lb.tags;
    if (tags[lib_tags/* TAG */.Dk.managedBy] !== lib_tags/* MANAGED_BY_VALUE */.Q9 ||
        tags[lib_tags/* TAG */.Dk.role] !== identity.role ||
        tags[lib_tags/* TAG */.Dk.env] !== identity.env) {
        throw new errors/* UserError */.yo(`Input '${inputNames.dnsName}' was '${wanted.dnsName}': load balancer ${lb.name} is not immut's for role '${identity.role}' in env '${identity.env}' (its tags: managed-by '${tags[lib_tags/* TAG */.Dk.managedBy] ?? '(none)'}', role '${tags[lib_tags/* TAG */.Dk.role] ?? '(none)'}', env '${tags[lib_tags/* TAG */.Dk.env] ?? '(none)'}'); expected the load balancer launch-behind-lb made for this role.`);
    }
    return lb;
}
/**
 * The target groups whose health gates the cutover: the ones given (each must serve the
 * target load balancer, or the gate would watch the wrong servers), else every target
 * group attached to the load balancer.
 */
async function gatingTargetGroups(elb, calls, lb, given) {
    if (given && given.length > 0) {
        let groups;
        try {
            groups = await retryThrottled(calls, 'reading the target groups', () => elb.send(new DescribeTargetGroupsCommand/* DescribeTargetGroupsCommand */.s({ TargetGroupArns: [...given] })));
        }
        catch (error) {
            if (error instanceof Error && error.name === 'TargetGroupNotFoundException') {
                throw new errors/* UserError */.yo(`Input 'target-group-arns' was '${given.join(',')}': ${error.message}; expected the target groups of load balancer ${lb.name}.`);
            }
            throw error;
        }
        const foreign = (groups.TargetGroups ?? []).filter((g) => !(g.LoadBalancerArns ?? []).includes(lb.arn));
        if (foreign.length > 0) {
            throw new errors/* UserError */.yo(`Input 'target-group-arns' was '${given.join(',')}': ${foreign.map((g) => g.TargetGroupName).join(', ')} does not serve load balancer ${lb.name}, so its health says nothing about the target; expected the target groups of load balancer ${lb.name}.`);
        }
        return [...given];
    }
    const out = await retryThrottled(calls, `reading the target groups of ${lb.name}`, () => elb.send(new DescribeTargetGroupsCommand/* DescribeTargetGroupsCommand */.s({ LoadBalancerArn: lb.arn })));
    const arns = (out.TargetGroups ?? []).map((g) => g.TargetGroupArn).filter((a) => !!a);
    if (arns.length === 0) {
        throw new errors/* UserError */.yo(`Load balancer ${lb.name} has no target groups, so no server would answer; refusing to move traffic to it.`);
    }
    return arns;
}
const SETTLING_STATES = new Set(['initial']);
/** The health of every target behind the gate, in one report. */
async function assessHealth(elb, calls, targetGroupArns) {
    let total = 0;
    let healthy = 0;
    let failing = false;
    const problems = [];
    for (const arn of targetGroupArns) {
        const out = await retryThrottled(calls, 'reading target health', () => elb.send(new DescribeTargetHealthCommand/* DescribeTargetHealthCommand */.q({ TargetGroupArn: arn })));
        const targets = out.TargetHealthDescriptions ?? [];
        if (targets.length === 0) {
            failing = true;
            problems.push(`target group ${arn.split('/').at(-2) ?? arn} has no registered targets`);
        }
        for (const t of targets) {
            total += 1;
            const state = t.TargetHealth?.State ?? 'unknown';
            if (state === 'healthy') {
                healthy += 1;
                continue;
            }
            if (!SETTLING_STATES.has(state))
                failing = true;
            const reason = t.TargetHealth?.Reason ? ` (${t.TargetHealth.Reason})` : '';
            problems.push(`${t.Target?.Id ?? '?'} ${state}${reason}`);
        }
    }
    const allHealthy = !failing && total > 0 && healthy === total;
    return {
        healthy: allHealthy,
        settling: !failing && !allHealthy,
        summary: [`${healthy}/${total} targets healthy`, ...problems].join('; '),
    };
}

;// CONCATENATED MODULE: ./.build/tsc/actions/cutover-dns/cutover.js







/** The first batch, carrying the lease, was refused with the name unchanged: take the lease
 *  first (waiting for its holder), then run again from a fresh read. */
class LeaseNotTaken extends Error {
    name = 'LeaseNotTaken';
}
function newProgress() {
    return { steps: [], batches: [] };
}
/** How often health is looked at while a weighted step is held. */
const HEALTH_POLL_MS = 30_000;
/** Time allowed to return traffic to the old build even when the deadline is spent. */
const RETURN_GRACE_MS = 120_000;
class HealthLostError extends errors/* UserError */.yo {
    name = 'HealthLostError';
}
/** The steps from the current name to `to`, each a full snapshot of the name and its history. */
function planSteps(request, from, to) {
    const { name, identity } = request;
    const history = (at, extra) => ({
        role: identity.role,
        env: identity.env,
        current: to,
        ...(from ? { previous: from } : {}),
        at,
        ...(request.runUrl ? { run: request.runUrl } : {}),
        ...extra,
    });
    const final = {
        description: `point ${name} at build ${to.build} (${to.dnsName})`,
        snapshot: (at) => ({ records: [plainAlias(name, to)], history: (0,cutover_dns_history/* historyRecord */.Eo)(name, history(at, {})) }),
        shares: [{ build: to.build, percent: 100 }],
        answers: [to],
        final: true,
    };
    if (request.strategy === 'swap' || !from)
        return [final];
    if (from.build === to.build) {
        throw new errors/* UserError */.yo(`The old and new targets of ${name} both carry build '${to.build}', so weighted record sets cannot tell them apart; use strategy 'swap'.`);
    }
    const weighted = request.steps
        .filter((p) => p < 100)
        .map((percent) => {
        const w = weightFor(percent);
        return {
            description: `send ${percent}% of ${name} to build ${to.build}, ${100 - percent}% to build ${from.build}`,
            snapshot: (at) => ({
                records: [weightedAlias(name, from.build, 255 - w, from), weightedAlias(name, to.build, w, to)],
                history: (0,cutover_dns_history/* historyRecord */.Eo)(name, history(at, { weight: percent })),
            }),
            shares: [
                { build: from.build, percent: 100 - percent },
                { build: to.build, percent },
            ],
            answers: [from, to],
            final: false,
        };
    });
    return [...weighted, final];
}
/**
 * The name and its history as Route 53 returns them now, which must be what `expected` says
 * (what this run wrote or read before). The next batch DELETEs these records exactly as
 * read, never ones rebuilt from memory, so it matches byte for byte.
 */
async function reread(deps, request, expected) {
    const now = await readSnapshot(deps, request.zone, request.name);
    if (snapshotKey(now) !== snapshotKey(expected)) {
        throw new ConcurrentChangeError(`${request.name} or its history record changed since this run last wrote it; is another cutover running?`);
    }
    return now;
}
/** Reads the name and its history as they are now. */
async function readSnapshot(deps, zone, name) {
    const { records, history } = await readNameAndHistory(deps.route53, deps.calls, zone.id, name, (0,cutover_dns_history/* historyName */.GM)(name));
    return { records, history: history[0] };
}
function describeShape(shape) {
    switch (shape.kind) {
        case 'none':
            return 'no A record';
        case 'plain':
            return `an alias to ${shape.target.dnsName}`;
        case 'weighted':
            return `weighted aliases ${shape.sets.map((s) => `${s.setIdentifier}=${s.weight}`).join(', ')}`;
        case 'other':
            return shape.description;
    }
}
/** Where the name moves to: the given target (cutover) or the history's previous build. */
async function destination(request, deps, history) {
    if (request.mode === 'cutover') {
        if (!request.target)
            throw new Error('mode cutover without a target (crossCheckCutoverDns lets none through)');
        const lb = await resolveTarget(deps.elb, deps.calls, request.target, request.identity, request.region);
        return { target: { dnsName: lb.dnsName, zoneId: lb.zoneId, build: lb.build, release: lb.release }, lb };
    }
    const previous = (0,cutover_dns_history/* rollbackTarget */.es)(request.name, history);
    const lb = await findLoadBalancer(deps.elb, deps.calls, previous.dnsName, request.identity.role);
    if (!lb || lb.zoneId !== previous.zoneId) {
        throw new errors/* UserError */.yo(`Cannot roll back ${request.name} to build ${previous.build}: its load balancer ${previous.dnsName} no longer exists in ${request.region} (retired?), so there is nothing to return to.`);
    }
    return { target: previous, lb };
}
/** The build the name leaves: what the history says is live, checked against the record. */
async function origin(deps, request, shape, history, to) {
    if (shape.kind === 'none')
        return undefined;
    if (shape.kind === 'other') {
        throw new errors/* UserError */.yo(`${request.name} holds ${shape.description}, which immut did not write; fix the record by hand (or delete it) before a cutover.`);
    }
    if (history && sameTarget(history.current, to))
        return history.previous; // resuming, or moving back mid-way
    if (shape.kind === 'plain' && (!history || !sameTarget(shape.target, history.current))) {
        // The record was changed outside immut: describe what it points at now.
        const lb = await findLoadBalancer(deps.elb, deps.calls, shape.target.dnsName, request.identity.role);
        return { ...shape.target, build: lb?.build ?? 'unknown', release: lb?.release ?? 'unknown' };
    }
    return history?.current;
}
/** Gate: wait while targets are still in their first checks, refuse as soon as one fails. */
async function healthGate(deps, lb, groups) {
    await waitFor({
        what: `the targets of load balancer ${lb.name} (build ${lb.build}) to be healthy`,
        check: async () => {
            const report = await assessHealth(deps.elb, deps.calls, groups);
            if (report.healthy)
                return { done: true, value: undefined };
            if (report.settling)
                return { done: false, state: report.summary };
            return {
                failed: true,
                reason: `${report.summary}. Refusing to move traffic to build ${lb.build}; nothing was changed.`,
            };
        },
        timeoutMs: deps.calls.deadline.remaining(),
        clock: deps.clock,
        log: deps.calls.log,
        minDelayMs: 5_000,
        maxDelayMs: 15_000,
    });
}
async function requireHealthy(deps, build, groups) {
    const report = await assessHealth(deps.elb, deps.calls, groups);
    if (!report.healthy)
        throw new HealthLostError(`build ${build} lost health mid-way (${report.summary})`);
}
/** Holds a weighted step for `ms`, looking at health every HEALTH_POLL_MS. */
async function hold(deps, ms, build, groups) {
    const end = deps.clock.now() + ms;
    deps.calls.log(`Holding this step for ${(0,lib_clock/* formatDuration */.a3)(ms)} while watching the health of build ${build}`);
    while (deps.clock.now() < end) {
        await deps.clock.sleep(Math.min(HEALTH_POLL_MS, end - deps.clock.now()));
        await requireHealthy(deps, build, groups);
    }
}
function now(clock) {
    return new Date(clock.now()).toISOString();
}
function comment(request, what) {
    return `immut cutover-dns ${request.identity.role}/${request.identity.env}: ${what}`.slice(0, 256);
}
/**
 * Sends one planned step's compare-and-swap batch, with the lease when it is offered; the change
 * id, if Route 53 gave one. With the lease, a refusal that leaves the name as read is
 * LeaseNotTaken: nothing was changed.
 */
async function sendStep(request, deps, progress, change) {
    const { from, to, plan, lease } = change;
    deps.calls.log(`Change: ${plan.description}`);
    let changeId;
    try {
        changeId = await applyBatch({
            route53: deps.route53,
            calls: deps.calls,
            zoneId: request.zone.id,
            from,
            to,
            comment: comment(request, plan.description),
            ...(lease ? { with: [lease.change] } : {}),
            reread: () => readSnapshot(deps, request.zone, request.name),
        });
    }
    catch (error) {
        // Refused with the name as it was read: a lease exists (another run's, or an earlier
        // attempt's). A name changed since it was read is ConcurrentChangeError, as with the lease.
        if (lease && error instanceof Error && error.name === 'InvalidChangeBatch')
            throw new LeaseNotTaken((0,errors/* describeError */.Uc)(error));
        throw error;
    }
    // Applied (or found applied: the same batch, lease and all, whose answer was lost).
    lease?.taken();
    progress.steps.push({ at: now(deps.clock), shares: plan.shares, ...(changeId ? { changeId } : {}) });
    if (changeId)
        progress.lastChangeId = changeId;
    return changeId;
}
/** Waits for a sent step to be INSYNC, then checks what Route 53 answers. */
async function settleStep(request, deps, changeId, plan) {
    if (changeId)
        await waitInSync(deps.route53, deps.calls, changeId, deps.clock);
    await verify(request, deps, plan.answers);
}
/** Asks Route 53 what it answers now; public zones only (TestDNSAnswer's limit). */
async function verify(request, deps, targets) {
    if (request.zone.privateZone) {
        deps.calls.log('Not asking Route 53 for the answer: TestDNSAnswer only supports public hosted zones.');
        return;
    }
    const answer = await testAnswer(deps.route53, deps.calls, request.zone.id, (0,dns_history/* fqdn */.Y8)(request.name));
    if (!(await answerMatches(answer, targets, deps.resolve4))) {
        throw new errors/* UserError */.yo(`Route 53 answers ${request.name} with ${answer.code} ${JSON.stringify(answer.data)}, not ${targets.map((t) => t.dnsName).join(' or ')}, although the change is INSYNC. Something else changed the name; check it by hand.`);
    }
    deps.calls.log(`Route 53 answers ${request.name} with ${answer.data.join(', ')}`);
}
/**
 * Sends all traffic back to the old build after a failed weighted step, restoring the name
 * and its history as they were read when the old record was a plain alias.
 */
async function returnToOld(request, deps, progress, current, original, old, reason) {
    const why = (0,errors/* describeError */.Uc)(reason);
    deps.calls.log(`Returning all traffic to build ${old.build}: ${why}`);
    const calls = deps.calls.deadline.remaining() < RETURN_GRACE_MS
        ? { ...deps.calls, deadline: deadlineFrom(deps.clock, RETURN_GRACE_MS) }
        : deps.calls;
    const safe = { ...deps, calls };
    const back = shapeOf(original.records).kind === 'plain'
        ? original
        : {
            records: [plainAlias(request.name, old)],
            history: (0,cutover_dns_history/* historyRecord */.Eo)(request.name, {
                role: request.identity.role,
                env: request.identity.env,
                current: old,
                at: now(deps.clock),
                ...(request.runUrl ? { run: request.runUrl } : {}),
            }),
        };
    let changeId;
    try {
        // Delete what stands, as read; if it is not what this run wrote, the batch is refused.
        const read = await readSnapshot(safe, request.zone, request.name);
        changeId = await applyBatch({
            route53: deps.route53,
            calls,
            zoneId: request.zone.id,
            from: snapshotKey(read) === snapshotKey(current) ? read : current,
            to: back,
            comment: comment(request, `return ${request.name} to build ${old.build}`),
            reread: () => readSnapshot(safe, request.zone, request.name),
        });
    }
    catch (error) {
        progress.outcome = 'failed';
        throw new errors/* UserError */.yo(`${why}. Returning all traffic to build ${old.build} failed as well (${(0,errors/* describeError */.Uc)(error)}); ${request.name} may still be split between builds. Check it, then re-run with mode 'rollback' or cut over again.`);
    }
    progress.steps.push({
        at: now(deps.clock),
        shares: [{ build: old.build, percent: 100 }],
        ...(changeId ? { changeId } : {}),
        note: 'returned',
    });
    progress.current = old;
    progress.outcome = 'returned';
    if (changeId) {
        progress.lastChangeId = changeId;
        await waitInSync(deps.route53, calls, changeId, deps.clock).catch((error) => deps.calls.log(`warning: the return to build ${old.build} is sent but not yet INSYNC: ${(0,errors/* describeError */.Uc)(error)}`));
    }
    throw new errors/* UserError */.yo(`${why}. All traffic was sent back to build ${old.build} (${old.dnsName}${changeId ? `, change ${changeId}` : ''}); the cutover to build ${progress.to?.build ?? '?'} failed.`);
}
/**
 * Runs the cutover (or rollback) described by `request`, recording what happens in `progress`.
 * With `lease`, the run does not hold the name's lease yet, and its first change batch takes it
 * (LeaseNotTaken when that batch is refused); without, the caller holds it already.
 */
async function runCutover(request, deps, progress, lease) {
    const { calls } = deps;
    const original = await readSnapshot(deps, request.zone, request.name);
    const history = original.history ? (0,cutover_dns_history/* parseHistory */.i6)(original.history) : undefined;
    (0,cutover_dns_history/* assertOwnedName */.xH)(request.name, history, original.records.length > 0, request.identity);
    const shape = shapeOf(original.records);
    calls.log(`${request.name} now holds ${describeShape(shape)}${history ? `; live build per its history: ${history.current.build}` : ''}`);
    const { target: to, lb } = await destination(request, deps, history);
    progress.to = to;
    const from = await origin(deps, request, shape, history, to);
    if (from)
        progress.from = from;
    progress.current = from;
    if (shape.kind === 'plain' && sameTarget(shape.target, to) && history && sameTarget(history.current, to)) {
        progress.from = history.previous;
        progress.current = to;
        progress.outcome = 'unchanged';
        calls.log(`${request.name} already points at build ${to.build} (${to.dnsName}); nothing to change.`);
        if (!request.dryRun)
            await verify(request, deps, [to]);
        return;
    }
    const groups = await gatingTargetGroups(deps.elb, calls, lb, request.mode === 'cutover' ? request.targetGroupArns : undefined);
    const plans = planSteps(request, from, to);
    if (plans.length > 1 && from) {
        // Weighted aliases point at the old load balancer too, so it must still exist.
        const oldLb = await findLoadBalancer(deps.elb, calls, from.dnsName, request.identity.role);
        if (!oldLb) {
            throw new errors/* UserError */.yo(`Strategy 'weighted' keeps sending part of the traffic to build ${from.build}, but its load balancer ${from.dnsName} no longer exists; use strategy 'swap'.`);
        }
    }
    if (request.strategy === 'weighted' && !from)
        calls.log('First cutover of this name: no old build to share traffic with, so the name is created in one step.');
    await healthGate(deps, lb, groups);
    if (request.dryRun) {
        let before = original;
        for (const plan of plans) {
            const after = plan.snapshot(now(deps.clock));
            progress.batches.push({ description: plan.description, changes: casBatch(before, after) });
            before = after;
        }
        progress.outcome = 'dry-run';
        return;
    }
    let current = original;
    /** True while traffic is split between the builds (a weighted step is applied). */
    let split = false;
    for (const [index, plan] of plans.entries()) {
        try {
            if (index > 0) {
                await requireHealthy(deps, to.build, groups);
                current = await reread(deps, request, current);
            }
            const next = plan.snapshot(now(deps.clock));
            const changeId = await sendStep(request, deps, progress, {
                from: current,
                to: next,
                plan,
                lease: index === 0 ? lease : undefined,
            });
            current = next;
            split = !plan.final;
            progress.current = plan.final ? to : from;
            await settleStep(request, deps, changeId, plan);
            if (!plan.final)
                await hold(deps, request.stepWaitMs, to.build, groups);
        }
        catch (error) {
            if (error instanceof LeaseNotTaken)
                throw error;
            progress.outcome = 'failed';
            if (error instanceof ConcurrentChangeError) {
                if (current === original)
                    throw error;
                throw new ConcurrentChangeError(`${error.message} ${request.name} was changed by someone else during the weighted cutover; immut leaves it as it is now.`);
            }
            // Never leave traffic split between the builds.
            if (split && from)
                await returnToOld(request, deps, progress, current, original, from, error);
            throw error;
        }
    }
    progress.outcome = 'moved';
}

// EXTERNAL MODULE: ./.build/tsc/actions/cutover-dns/main.js + 1 modules
var main = __webpack_require__(8742);
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

;// CONCATENATED MODULE: ./.build/tsc/actions/cutover-dns/summary.js

function writeOutputs(io, progress) {
    io.setOutput('previous-target', progress.from?.dnsName ?? '');
    io.setOutput('current-target', progress.current?.dnsName ?? '');
    io.setOutput('change-id', progress.lastChangeId ?? '');
}
const OUTCOME = {
    moved: 'moved',
    unchanged: 'already there, nothing changed',
    'dry-run': 'dry run, nothing changed',
    returned: 'failed; all traffic returned to the old build',
    failed: 'failed',
};
/** Edges name → build, labelled with that build's share at each step (`10% → 50% → 100%`). */
function flow(name, progress) {
    const builds = new Map();
    if (progress.from)
        builds.set(progress.from.build, progress.from.dnsName);
    if (progress.to)
        builds.set(progress.to.build, progress.to.dnsName);
    const edges = [...builds].map(([build, dnsName]) => {
        const shares = progress.steps.map((s) => `${s.shares.find((x) => x.build === build)?.percent ?? 0}%`);
        const before = build === progress.from?.build ? '100%' : '0%';
        return { from: name, to: `build ${build} (${dnsName})`, label: [before, ...shares].join(' → ') };
    });
    return edges.length > 0 ? mermaidFlow(edges) : '';
}
function renderSummary(request, progress) {
    const target = (t) => (t ? `build ${t.build} (${t.dnsName}, release ${t.release})` : '—');
    const facts = markdownTable(['', ''], [
        ['name', request.name],
        ['zone', request.zoneName],
        ['mode / strategy', `${request.mode} / ${request.strategy}`],
        ['from', target(progress.from)],
        ['to', target(progress.to)],
        ['now points at', target(progress.current)],
        ['outcome', progress.outcome ? OUTCOME[progress.outcome] : 'failed before any change'],
    ]);
    const steps = progress.steps.length > 0
        ? markdownTable(['time', 'traffic', 'change'], progress.steps.map((s) => [
            s.at,
            s.shares.map((x) => `${x.build} ${x.percent}%`).join(', ') + (s.note ? ` (${s.note})` : ''),
            s.changeId ?? '',
        ]))
        : '';
    const batches = progress.batches
        .map((b, i) => `${heading(`Change batch ${i + 1}: ${b.description}`, 3)}\n\n\`\`\`json\n${JSON.stringify(b.changes, null, 2)}\n\`\`\``)
        .join('\n\n');
    return summary(heading(`cutover-dns: ${request.name}`), flow(request.name, progress), facts, steps, batches);
}

;// CONCATENATED MODULE: ./.build/tsc/actions/cutover-dns/main-aws.js
// The part of cutover-dns that talks to AWS, loaded by main.ts only once the inputs passed
// their checks: the SDK clients are made here, never at start.












const ROUTE53_SDK_ATTEMPTS = 2;
async function cutover({ io, env, clock }, { inputs, common }) {
    const settings = { region: common.region, action: main/* ACTION */.hr };
    // The SDK's retries know no deadline and sleep in wall time: one quick retry there, then
    // retryThrottled keeps going with jittered backoff on the action's clock until the deadline
    // (Route 53's account-wide rate is low; PriorRequestNotComplete can last a while).
    const route53 = createAwsClient(Route53Client/* Route53Client */.L, { ...settings, maxAttempts: ROUTE53_SDK_ATTEMPTS });
    const elb = createAwsClient(ElasticLoadBalancingV2Client/* ElasticLoadBalancingV2Client */.M, settings);
    const calls = {
        clock,
        deadline: deadlineFrom(clock, inputs.timeout ?? 30 * 60_000),
        log: (line) => io.info(line),
    };
    const zone = await zoneOfInputs(route53, inputs, calls);
    const outside = nameProblem(inputs.name, zone);
    if (outside)
        throw new errors/* InputError */.dz([outside]);
    const request = {
        zone,
        name: inputs.name.toLowerCase().replace(/\.$/, ''),
        identity: common.identity,
        region: common.region,
        mode: inputs.mode ?? 'cutover',
        ...(inputs.targetDnsName && inputs.targetZoneId
            ? { target: { dnsName: inputs.targetDnsName, zoneId: inputs.targetZoneId } }
            : {}),
        ...(inputs.targetGroupArns ? { targetGroupArns: inputs.targetGroupArns } : {}),
        strategy: inputs.strategy ?? 'swap',
        steps: inputs.steps ?? [100],
        stepWaitMs: inputs.stepWait ?? 0,
        dryRun: common.dryRun,
        runUrl: provenanceFromEnv(env).runUrl,
    };
    io.info(`${request.mode === 'rollback' ? 'Rolling back' : 'Cutting over'} ${request.name} in zone ${zone.name} (${zone.id}, ${zone.privateZone ? 'private' : 'public'}), strategy ${request.strategy}${request.dryRun ? ', dry run' : ''}`);
    let progress = newProgress();
    let lease;
    const deps = { route53, elb, calls, clock, resolve4: (host) => (0,promises_.resolve4)(host) };
    try {
        // Cutover, rollback and retirement of one name take turns (see core's lease.ts); a dry
        // run changes nothing and takes no lease.
        if (request.dryRun)
            await runCutover(request, deps, progress);
        else {
            const leaseRequest = {
                route53,
                zoneId: zone.id,
                name: request.name,
                holder: `cutover-dns:${request.mode}:${common.identity.role}/${common.identity.env}:${common.identity.build}`,
                run: request.runUrl,
                holdMs: holdFor(calls.deadline.remaining()),
                clock,
                deadline: calls.deadline,
                log: calls.log,
            };
            // The lease goes with the first change (one request and one change batch fewer per
            // release). If that batch is refused with the name as read, a lease exists: take it as a
            // waiting run does, then start again from a fresh read. A name changed since it was read
            // fails the run, as it does while holding the lease.
            const taking = leaseInBatch(leaseRequest);
            try {
                await runCutover(request, deps, progress, {
                    change: taking.change,
                    taken: () => {
                        lease = taking.taken();
                    },
                });
            }
            catch (error) {
                if (!(error instanceof LeaseNotTaken))
                    throw error;
                calls.log(`Route 53 refused the change that would also take the lease (${error.message}); taking the lease first, then reading ${request.name} again.`);
                lease = await acquireLease(leaseRequest);
                progress = newProgress();
                await runCutover(request, deps, progress);
            }
        }
        for (const [i, batch] of progress.batches.entries()) {
            io.info(`Dry run: change batch ${i + 1} would ${batch.description}:\n${JSON.stringify(batch.changes, null, 2)}`);
        }
    }
    finally {
        await lease?.release();
        writeOutputs(io, progress);
        await io.appendSummary(renderSummary({
            name: request.name,
            zoneName: zone.name,
            mode: request.mode,
            strategy: request.strategy,
        }, progress));
        route53.destroy();
        elb.destroy();
    }
}


/***/ })

};
