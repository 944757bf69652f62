export const id = 524;
export const ids = [524];
export const modules = {

/***/ 3524:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  status: () => (/* binding */ status_status),
  takeStatus: () => (/* binding */ takeStatus)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/EC2Client.js + 8 modules
var EC2Client = __webpack_require__(4601);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/RDSClient.js + 8 modules
var RDSClient = __webpack_require__(7278);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/Route53Client.js + 8 modules
var Route53Client = __webpack_require__(2626);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-es/SSMClient.js + 8 modules
var SSMClient = __webpack_require__(7650);
// EXTERNAL MODULE: ./packages/core/lib/version.js
var version = __webpack_require__(1757);
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
        ['immut', version/* IMMUT_VERSION */.u],
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
    return client;
}
/** Attaches `$immut: { service, operation }` to errors so messages can name the IAM action. */
const nameFailedCall = (next, context) => async (args) => {
    try {
        return await next(args);
    }
    catch (error) {
        if (error instanceof Error) {
            const call = {
                service: IAM_PREFIX[context.clientName ?? ''] ?? context.clientName ?? 'aws',
                operation: (context.commandName ?? 'UnknownCommand').replace(/Command$/, ''),
            };
            Object.assign(error, { $immut: call });
        }
        throw error;
    }
};

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/github.js
var github = __webpack_require__(8950);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/GetHostedZoneCommand.js
var GetHostedZoneCommand = __webpack_require__(2744);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListHostedZonesByNameCommand.js
var ListHostedZonesByNameCommand = __webpack_require__(8911);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListResourceRecordSetsCommand.js
var ListResourceRecordSetsCommand = __webpack_require__(6845);
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
const tags_MANAGED_BY_VALUE = 'immut';
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
        [TAG.managedBy]: tags_MANAGED_BY_VALUE,
        [TAG.role]: id.role,
        [TAG.env]: id.env,
        [TAG.build]: id.build,
        [TAG.release]: releaseId(id),
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
        { Name: `tag:${TAG.managedBy}`, Values: [tags_MANAGED_BY_VALUE] },
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
    if (tags[TAG.managedBy] !== tags_MANAGED_BY_VALUE)
        return `it has no ${TAG.managedBy}=${tags_MANAGED_BY_VALUE} tag`;
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
        throw new GuardError(`Refusing to modify ${resource.kind} ${resource.id}: ${problem}. immut only changes resources it created for role '${expected.role}' in env '${expected.env}'.`);
    }
}

;// CONCATENATED MODULE: ./packages/core/lib/dns-history.js


const HISTORY_PREFIX = '_immut-history.';
const HISTORY_TTL = 60;
const VERSION = '1';
/** Route 53's stored form of a DNS name: lower case, trailing dot, `*` as \052. */
function dns_history_fqdn(name) {
    const lower = name.trim().toLowerCase();
    return (lower.endsWith('.') ? lower : `${lower}.`).replace(/\*/g, '\\052');
}
function historyName(name) {
    return dns_history_fqdn(`${HISTORY_PREFIX}${name}`);
}
// TXT strings are at most 255 characters and are quoted; our values never hold quotes or
// spaces (builds, DNS names, zone ids, ISO times, URLs), so key=value strings stay simple.
function quoted(key, value) {
    const text = `${key}=${value}`;
    if (/["\s\\]/.test(text) || text.length > 255) {
        throw new Error(`history value ${key} cannot be stored in a TXT string: '${value}'`);
    }
    return `"${text}"`;
}
function targetFields(prefix, t) {
    return [
        quoted(prefix, t.build),
        quoted(`${prefix}-target`, t.dnsName),
        quoted(`${prefix}-zone`, t.zoneId),
        quoted(`${prefix}-release`, t.release),
    ];
}
/** The TXT record holding `history`. */
function historyRecord(name, history) {
    const strings = [
        quoted('immut-history', VERSION),
        quoted('managed-by', MANAGED_BY_VALUE),
        quoted('role', history.role),
        quoted('env', history.env),
        ...targetFields('current', history.current),
        ...(history.previous ? targetFields('previous', history.previous) : []),
        ...(history.weight !== undefined ? [quoted('weight', String(history.weight))] : []),
        quoted('at', history.at),
        ...(history.run ? [quoted('run', history.run)] : []),
    ];
    return {
        Name: historyName(name),
        Type: 'TXT',
        TTL: HISTORY_TTL,
        ResourceRecords: [{ Value: strings.join(' ') }],
    };
}
/** key → value of every `"key=value"` string in the record's values. */
function fields(record) {
    const out = new Map();
    for (const { Value } of record.ResourceRecords ?? []) {
        for (const [, text] of (Value ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
            const eq = (text ?? '').indexOf('=');
            if (eq > 0)
                out.set(text.slice(0, eq), text.slice(eq + 1));
        }
    }
    return out;
}
function targetFrom(f, prefix) {
    const build = f.get(prefix);
    const dnsName = f.get(`${prefix}-target`);
    const zoneId = f.get(`${prefix}-zone`);
    if (!build || !dnsName || !zoneId)
        return undefined;
    return { build, dnsName, zoneId, release: f.get(`${prefix}-release`) ?? build };
}
/** Reads a history record back; a TXT record that is not one is refused, never overwritten. */
function parseHistory(record) {
    const f = fields(record);
    const current = targetFrom(f, 'current');
    const role = f.get('role');
    const env = f.get('env');
    if (f.get('immut-history') === undefined || !current || !role || !env) {
        throw new errors/* GuardError */.U$(`Refusing to change ${record.Name}: that TXT record is not an immut history record (it holds ${JSON.stringify(record.ResourceRecords?.map((r) => r.Value))}). Delete it or pick another name.`);
    }
    const previous = targetFrom(f, 'previous');
    const weight = f.get('weight');
    const run = f.get('run');
    return {
        role,
        env,
        current,
        ...(previous ? { previous } : {}),
        ...(weight !== undefined && /^\d+$/.test(weight) ? { weight: Number(weight) } : {}),
        at: f.get('at') ?? '',
        ...(run ? { run } : {}),
    };
}

// EXTERNAL MODULE: ./packages/core/lib/inputs.js
var inputs = __webpack_require__(2144);
// EXTERNAL MODULE: ./packages/core/lib/clock.js
var clock = __webpack_require__(8055);
;// CONCATENATED MODULE: ./packages/core/lib/throttle-retry.js
// Route 53's request rate is low and shared by the whole account, and rebuild-the-world cuts
// over many roles at once. The SDK's adaptive retries absorb short bursts (up to its attempt
// limit); past that, this loop keeps retrying throttled calls with jittered backoff until the
// action's deadline, so twenty parallel cutovers queue up instead of failing.


const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 20_000;
/** Backoff before retry `attempt` (0-based): exponential, capped, jittered to 50–100 %. */
function backoffDelay(attempt, random) {
    return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.5 + 0.5 * random());
}
/**
 * Runs `call`, retrying it while AWS throttles it and the deadline allows another attempt.
 * Any other error, or throttling with no time left, is thrown as it came (describeError then
 * tells the user to run fewer releases at once).
 */
async function retryThrottled(ctx, what, call) {
    const random = ctx.random ?? Math.random;
    for (let attempt = 0;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            if (!(0,errors/* isThrottlingError */.Qb)(error))
                throw error;
            const delay = backoffDelay(attempt, random);
            if (delay >= ctx.deadline.remaining())
                throw error;
            ctx.log(`${what}: AWS throttled it (${error.name}); retrying in ${(0,clock/* formatDuration */.a3)(delay)}`);
            await ctx.clock.sleep(delay);
        }
    }
}
/** retryThrottled with a context; without one, the call once, throttling left to the SDK's own
 *  few retries (callers whose caller chose not to wait out throttling). */
function retryThrottledIf(ctx, what, call) {
    return ctx ? retryThrottled(ctx, what, call) : call();
}

;// CONCATENATED MODULE: ./packages/core/lib/zone-input.js
// The form of the `zone` input (a hosted zone id or a zone name), checked without any AWS
// call. Kept apart from hosted-zone.ts, which needs the Route 53 client, so an action can
// refuse a malformed zone before it loads the SDK (issue #20: input errors first).

const ZONE_ID = /^(?:\/hostedzone\/)?(Z[A-Z0-9]{1,31})$/;
const ZONE_NAME = /^(?=.{1,254}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;
const ZONE_EXPECTED = "expected a hosted zone id ('Z…') or the zone's name ('example.com')";
/** Checks the form of the `zone` input before any call; undefined when it is fine. */
function zoneInputProblem(given) {
    if (ZONE_ID.test(given) || ZONE_NAME.test(given))
        return undefined;
    return `Input 'zone' was ${(0,inputs/* showGiven */.vP)(given, 'zone')}: neither a hosted zone id nor a DNS name; ${ZONE_EXPECTED}.`;
}

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
    return new errors/* UserError */.yo(`Input 'zone' was ${(0,inputs/* showGiven */.vP)(given, 'zone')}: ${why}; ${ZONE_EXPECTED}.`);
}
// The input's form is checked in zone-input.ts (no SDK there), re-exported for callers here.

/**
 * The hosted zone the `zone` input names. With `calls`, throttled calls are retried until its
 * deadline (see throttle-retry.ts); without, throttling is left to the SDK's own retries.
 */
async function resolveZone(route53, given, calls) {
    const problem = zoneInputProblem(given);
    if (problem)
        throw new errors/* UserError */.yo(problem);
    const send = (what, call) => retryThrottledIf(calls, what, call);
    const id = ZONE_ID.exec(given)?.[1];
    return id ? zoneById(route53, send, given, id) : zoneByName(route53, send, given);
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
    const wanted = dns_history_fqdn(given);
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
    const n = fqdn(name);
    if (n === `${zone.name}.` || n.endsWith(`.${zone.name}.`))
        return undefined;
    return `Input 'name' was '${name}': it is not inside hosted zone ${zone.name} (${zone.id}); expected a name ending in .${zone.name}.`;
}
/**
 * Every record set of `type` at exactly `name`, as Route 53 returns them (a DELETE must
 * repeat them value for value), paging through weighted sets if there are many. With
 * `calls`, throttling is retried until the run's deadline.
 */
async function recordSetsAt(route53, zoneId, name, type, calls) {
    const send = (what, call) => retryThrottledIf(calls, what, call);
    const wanted = dns_history_fqdn(name);
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

// EXTERNAL MODULE: ./packages/core/lib/release-reader.js + 2 modules
var release_reader = __webpack_require__(5377);
// EXTERNAL MODULE: ./packages/core/lib/world-status.js
var world_status = __webpack_require__(6660);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/pagination/DescribeInstancesPaginator.js + 1 modules
var DescribeInstancesPaginator = __webpack_require__(5183);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/pagination/DescribeImagesPaginator.js + 1 modules
var DescribeImagesPaginator = __webpack_require__(2738);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClustersCommand.js
var DescribeDBClustersCommand = __webpack_require__(9342);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBInstancesCommand.js
var DescribeDBInstancesCommand = __webpack_require__(9397);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-es/pagination/GetParameterHistoryPaginator.js + 2 modules
var GetParameterHistoryPaginator = __webpack_require__(6344);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
;// CONCATENATED MODULE: ./.build/tsc/actions/world/gather.js
// Gathers one role's status (@immut/core/world-status) from AWS and its release record, with
// read-only calls only: the role's name and history record (Route 53) say which build is
// live, as cutover-dns wrote it and retire-release reads it; immut's tagged servers (EC2)
// say which builds stand; the release manifest names the base image the live build was
// baked from; the role's `base-image` source (an SSM parameter's history, a name filter, a
// fixed id) says which newer OS heads exist; RDS says when the replica was made.
//
// Nothing here throws for a role that is merely incomplete (never released, a replica
// deleted by hand): that is the status to report, as a note. AWS errors other than "not
// found" do throw: a status that silently skipped what it may not read would say "fresh".







/** The running servers of immut's builds of the role, by build: release and earliest launch. */
async function standingServers(ec2, plan) {
    const builds = new Map();
    const pages = (0,DescribeInstancesPaginator/* paginateDescribeInstances */.H)({ client: ec2, pageSize: 1000 }, {
        Filters: [...roleFilters(plan), { Name: 'instance-state-name', Values: ['pending', 'running'] }],
    });
    for await (const page of pages) {
        for (const instance of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
            const tags = fromAwsTags(instance.Tags);
            const build = tags[TAG.build];
            // Bake builders carry immut:component; they are bake-image's, not a build that serves.
            if (!build || tags[TAG.managedBy] !== tags_MANAGED_BY_VALUE || tags[TAG.component] !== undefined)
                continue;
            const launched = instance.LaunchTime?.toISOString();
            const known = builds.get(build);
            const earliest = known?.launched && launched
                ? known.launched < launched
                    ? known.launched
                    : launched
                : (known?.launched ?? launched);
            builds.set(build, {
                release: tags[TAG.release] ?? known?.release ?? build,
                ...(earliest ? { launched: earliest } : {}),
            });
        }
    }
    return builds;
}
/** The builds the role's name points at, from its history record (cutover-dns writes both
 *  in one change, so the record says what the alias does). */
async function liveBuilds(route53, zoneId, plan, notes) {
    const name = plan['dns-name'];
    const [records, txt] = await Promise.all([
        recordSetsAt(route53, zoneId, name, 'A'),
        recordSetsAt(route53, zoneId, historyName(name), 'TXT'),
    ]);
    const record = txt[0];
    if (!record) {
        notes.push(records.length > 0
            ? `${name} has an A record but no immut history record: not a name immut manages, so no build is shown as live`
            : `${name} does not exist yet: the role was never cut over`);
        return { live: [] };
    }
    let history;
    try {
        history = parseHistory(record);
    }
    catch (error) {
        notes.push(`the history record of ${name} cannot be read: ${error.message}`);
        return { live: [] };
    }
    if (history.role !== plan.role || history.env !== plan.env) {
        notes.push(`${name}'s history record belongs to role ${history.role} in ${history.env}, not to this role`);
        return { live: [] };
    }
    const weighted = history.weight !== undefined && history.weight < 100 && history.previous !== undefined;
    const state = weighted ? 'weighted' : 'live';
    const live = [{ build: history.current.build, release: history.current.release, state }];
    if (weighted && history.previous)
        live.push({ build: history.previous.build, release: history.previous.release, state: 'weighted' });
    return { history, live };
}
/** Creation dates of the images, by id; an image no longer visible is absent. */
async function imageDates(ec2, ids) {
    const dates = new Map();
    const unique = [...new Set(ids)];
    // DescribeImages takes up to 200 filter values; an `image-id` filter (unlike ImageIds)
    // answers for a deregistered image with nothing instead of failing the whole call.
    for (let i = 0; i < unique.length; i += 200) {
        const pages = (0,DescribeImagesPaginator/* paginateDescribeImages */.X)({ client: ec2 }, { Filters: [{ Name: 'image-id', Values: unique.slice(i, i + 200) }] });
        for await (const page of pages) {
            for (const image of page.Images ?? []) {
                if (image.ImageId && image.CreationDate)
                    dates.set(image.ImageId, image.CreationDate);
            }
        }
    }
    return dates;
}
/** The world file's `base-image` (validated by the world schema) as bake-image reads it. */
function baseImageSource(given) {
    if (given.startsWith('ssm:'))
        return { kind: 'ssm', parameter: given.slice(4).replace(/:[^/]*$/, '') };
    if (given.startsWith('filter:')) {
        const [pattern = '', ...options] = given.slice(7).split(';');
        const owners = options
            .flatMap((o) => /^\s*owners=(.*)$/.exec(o)?.[1]?.split(',') ?? [])
            .map((o) => o.trim())
            .filter((o) => o !== '');
        return { kind: 'filter', pattern: pattern.trim(), owners };
    }
    return { kind: 'id', imageId: given };
}
/** Every image id an SSM parameter has held (its kept versions), never decrypted and never
 *  shown: a version that is not a String holding an ami-… id is skipped. */
async function parameterImages(ssm, parameter) {
    const ids = [];
    let current;
    const pages = (0,GetParameterHistoryPaginator/* paginateGetParameterHistory */.b)({ client: ssm, pageSize: 50 }, { Name: parameter, WithDecryption: false });
    for await (const page of pages) {
        for (const version of page.Parameters ?? []) {
            const value = version.Value ?? '';
            if (version.Type !== 'String' || !/^ami-[0-9a-f]{8,17}$/.test(value))
                continue;
            ids.push(value);
            if (!current || (version.Version ?? 0) > current.version)
                current = { version: version.Version ?? 0, id: value };
        }
    }
    return { ids, ...(current ? { current: current.id } : {}) };
}
/** Images a name filter matches now, with their dates. */
async function filterImages(ec2, pattern, owners) {
    const dates = new Map();
    const pages = (0,DescribeImagesPaginator/* paginateDescribeImages */.X)({ client: ec2 }, {
        Owners: owners,
        Filters: [
            { Name: 'name', Values: [pattern] },
            { Name: 'state', Values: ['available'] },
        ],
    });
    for await (const page of pages) {
        for (const image of page.Images ?? []) {
            if (image.ImageId && image.CreationDate)
                dates.set(image.ImageId, image.CreationDate);
        }
    }
    return dates;
}
const NOT_FOUND = new Set(['ParameterNotFound', 'ParameterVersionNotFound']);
/** What the role's source resolves to now, and which of its images are newer than `base`. */
async function readHeads(clients, given, base) {
    const source = baseImageSource(given);
    let candidates;
    let currentId;
    let dates;
    if (source.kind === 'ssm') {
        try {
            const held = await parameterImages(clients.ssm, source.parameter);
            candidates = held.ids;
            currentId = held.current;
        }
        catch (error) {
            if (!NOT_FOUND.has(error.name))
                throw error;
            return {
                source: given,
                newer: [],
                problem: `the SSM parameter ${source.parameter} does not exist in this region`,
            };
        }
        dates = await imageDates(clients.ec2, candidates);
    }
    else if (source.kind === 'filter') {
        dates = await filterImages(clients.ec2, source.pattern, source.owners);
        candidates = [...dates.keys()];
        currentId = [...dates.entries()].sort(([, a], [, b]) => (a < b ? 1 : -1))[0]?.[0];
    }
    else {
        candidates = [source.imageId];
        currentId = source.imageId;
        dates = await imageDates(clients.ec2, candidates);
    }
    const age = (imageId) => {
        const created = dates.get(imageId);
        return { imageId, ...(created ? { created } : {}) };
    };
    const baseCreated = base?.created;
    const newer = [...new Set(candidates)]
        .filter((id) => id !== base?.imageId && baseCreated !== undefined && (dates.get(id) ?? '') > baseCreated)
        .map(age)
        .sort((a, b) => ((a.created ?? '') < (b.created ?? '') ? 1 : -1));
    return { source: given, ...(currentId ? { current: age(currentId) } : {}), newer };
}
/** When the replica was made (DB instance or Aurora cluster); `created` absent when gone. */
async function readReplica(rds, data) {
    try {
        if (data.kind === 'cluster' && data.cluster) {
            const out = await rds.send(new DescribeDBClustersCommand/* DescribeDBClustersCommand */.K({ DBClusterIdentifier: data.cluster }));
            const created = out.DBClusters?.[0]?.ClusterCreateTime?.toISOString();
            return { id: data.cluster, kind: 'cluster', ...(created ? { created } : {}) };
        }
        const out = await rds.send(new DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h({ DBInstanceIdentifier: data.instance }));
        const created = out.DBInstances?.[0]?.InstanceCreateTime?.toISOString();
        return { id: data.instance, kind: 'instance', ...(created ? { created } : {}) };
    }
    catch (error) {
        const name = error.name;
        if (name !== 'DBInstanceNotFoundFault' && name !== 'DBClusterNotFoundFault')
            throw error;
        return {
            id: data.kind === 'cluster' && data.cluster ? data.cluster : data.instance,
            kind: data.kind ?? 'instance',
        };
    }
}
/** The digest of the application artifact, when the manifest records one: `app.artifact`
 *  is newer than some manifests, so it is read without assuming its presence or shape. */
function artifactDigest(manifest) {
    const artifact = manifest.app.artifact;
    if (typeof artifact !== 'object' || artifact === null)
        return undefined;
    const { sha256, digest } = artifact;
    const value = typeof sha256 === 'string' ? `sha256:${sha256}` : typeof digest === 'string' ? digest : undefined;
    return value && /^[\w:.-]{1,200}$/.test(value) ? value : undefined;
}
/** One role's status. */
async function gatherRoleStatus(clients, plan, zoneId, lookup) {
    const notes = [];
    const [{ live }, servers] = await Promise.all([
        liveBuilds(clients.route53, zoneId, plan, notes),
        standingServers(clients.ec2, plan),
    ]);
    const withLaunch = (b) => {
        const launched = servers.get(b.build)?.launched;
        return { ...b, ...(launched ? { launched } : {}) };
    };
    const liveIds = new Set(live.map((b) => b.build));
    const standing = [...servers.entries()]
        .filter(([build]) => !liveIds.has(build))
        .map(([build, s]) => withLaunch({ build, release: s.release, state: 'standing' }))
        .sort((a, b) => a.build.localeCompare(b.build));
    const current = live[0];
    let release;
    let manifest;
    if (current) {
        const tag = (0,naming/* gitTag */.Zu)({ role: plan.role, env: plan.env, build: current.build });
        manifest = await lookup(tag);
        if (!manifest)
            notes.push(`the live build ${current.build} has no release recorded under ${tag}`);
        else {
            const base = manifest.image.base;
            const created = (await imageDates(clients.ec2, [base])).get(base);
            const artifact = artifactDigest(manifest);
            release = {
                tag,
                app: manifest.app.version,
                ...(artifact ? { artifact } : {}),
                image: manifest.image.id,
                base: { imageId: base, ...(created ? { created } : {}) },
                created: manifest.created,
            };
        }
    }
    const base = plan['base-image'] ?? '';
    const head = await readHeads(clients, base, release?.base);
    if (head.problem)
        notes.push(head.problem);
    const replica = manifest?.data ? await readReplica(clients.rds, manifest.data) : undefined;
    if (replica && !replica.created)
        notes.push(`the replica ${replica.id} of the live release no longer exists`);
    return {
        role: plan.role,
        dnsName: plan['dns-name'],
        live: live.map(withLaunch),
        standing,
        ...(release ? { release } : {}),
        head,
        ...(replica ? { replica } : {}),
        notes,
    };
}

// EXTERNAL MODULE: ./.build/tsc/actions/world/status-options.js
var status_options = __webpack_require__(8671);
;// CONCATENATED MODULE: ./.build/tsc/actions/world/status.js
// Mode 'status': what every role of the world runs and how fresh its OS head is, as a job
// summary (table and timeline), a `status` output and a JSON file. With fail-on-stale the
// step fails naming the stale roles, so a scheduled workflow can open an alert; mode 'plan'
// with only-stale takes the same status to plan just the stale roles.















const ACTION = 'world';
/** Roles read at once: each reads Route 53, EC2, SSM, RDS and GitHub, whose rate limits are
 *  per account; a world of 256 roles then takes 32 rounds, not 256 calls at once. */
const CONCURRENT_ROLES = 8;
function clientsFor(region) {
    const settings = { region, action: ACTION };
    const clients = {
        ec2: createAwsClient(EC2Client/* EC2Client */.g, settings),
        ssm: createAwsClient(SSMClient/* SSMClient */.j, settings),
        route53: createAwsClient(Route53Client/* Route53Client */.L, settings),
        rds: createAwsClient(RDSClient/* RDSClient */.r, settings),
    };
    return { ...clients, destroy: () => Object.values(clients).forEach((c) => c.destroy()) };
}
function releaseLookup(octokit, repository) {
    return async (tag) => {
        try {
            return (await (0,release_reader/* readReleaseDetails */.qs)({ octokit, ...repository, tag })).manifest;
        }
        catch (error) {
            if (error instanceof release_reader/* ReleaseNotFoundError */.VQ)
                return undefined;
            throw error;
        }
    };
}
function timeScale(env) {
    const raw = Number(env['IMMUT_TIME_SCALE'] || 1);
    return Number.isFinite(raw) && raw >= 1 ? raw : 1;
}
/** The world's status now: every role gathered, then judged against max-age. */
async function takeStatus({ io, env, clock }, world, plans, options) {
    // Validated before any call, so a typo costs no AWS or GitHub round trip (main.ts checks
    // them before this module loads, too).
    const maxAgeMs = (0,status_options/* checkStatusOptions */.P)(options);
    const octokit = (0,github/* createGitHubClient */.LX)({
        token: options.githubToken ?? '',
        env,
        action: ACTION,
        log: io,
        timeScale: timeScale(env),
    });
    const lookup = releaseLookup(octokit, (0,github/* repositoryFromEnv */.iw)(env));
    const clients = clientsFor(world.region);
    try {
        const zone = await resolveZone(clients.route53, world.zone);
        const roles = [];
        for (let i = 0; i < plans.length; i += CONCURRENT_ROLES) {
            const batch = plans.slice(i, i + CONCURRENT_ROLES);
            roles.push(...(await Promise.all(batch.map((plan) => gatherRoleStatus(clients, plan, zone.id, lookup)))));
        }
        return (0,world_status/* buildWorldStatus */.Zf)({ env: world.env, now: clock.now(), maxAge: options.maxAge, maxAgeMs, roles });
    }
    finally {
        clients.destroy();
    }
}
/** Where the JSON goes: the runner's temporary directory, never the workspace (a committed
 *  symlink there could point the write anywhere). */
function statusFile(env, worldEnv) {
    const dir = env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return external_node_path_.join(dir, `immut-world-status-${worldEnv}.json`);
}
/** Mode status: takes the status, reports it, and fails on stale roles when asked to. */
async function status_status(ctx, world, plans, options) {
    const { io } = ctx;
    const taken = await takeStatus(ctx, world, plans, options);
    const json = `${JSON.stringify(taken, null, 2)}\n`;
    const file = statusFile(ctx.env, world.env);
    (0,external_node_fs_.writeFileSync)(file, json, { mode: 0o644 });
    io.setOutput('status', JSON.stringify(taken));
    io.setOutput('status-file', file);
    io.setOutput('stale', taken.stale.join(','));
    for (const role of taken.roles)
        io.info(`${role.role}: ${role.freshness.stale ? 'STALE, ' : ''}${role.freshness.summary}`);
    await io.appendSummary((0,world_status/* renderWorldStatus */.zn)(taken));
    if (taken.stale.length > 0) {
        if (options.failOnStale)
            throw new errors/* UserError */.yo((0,world_status/* staleMessage */.HH)(taken));
        io.warning((0,world_status/* staleMessage */.HH)(taken));
    }
    return taken;
}


/***/ })

};
