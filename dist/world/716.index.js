export const id = 716;
export const ids = [716];
export const modules = {

/***/ 8716:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   status: () => (/* binding */ status),
/* harmony export */   takeStatus: () => (/* binding */ takeStatus)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2626);
/* harmony import */ var _immut_core_aws__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(148);
/* harmony import */ var _immut_core_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7706);
/* harmony import */ var _immut_core_hosted_zone__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(170);
/* harmony import */ var _immut_core_world_status__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6660);
/* harmony import */ var _status_options_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8671);
// Mode 'status': what every role of the world runs and how fresh its OS head is, as a job
// summary (table and timeline), a `status` output and a JSON file. With fail-on-stale the
// step fails naming the stale roles, so a scheduled workflow can open an alert; mode 'plan'
// with only-stale takes the same status to plan just the stale roles.









const ACTION = 'world';
/** Roles read at once: each reads Route 53, EC2, SSM, RDS and GitHub, whose rate limits are
 *  per account; a world of 256 roles then takes 32 rounds, not 256 calls at once. */
const CONCURRENT_ROLES = 8;
/** The world's status now: every role gathered, then judged against max-age. */
async function takeStatus({ io, env, clock }, world, plans, options) {
    // Validated before any call, so a typo costs no AWS or GitHub round trip (main.ts checks
    // them before this module loads, too).
    const maxAgeMs = (0,_status_options_js__WEBPACK_IMPORTED_MODULE_7__/* .checkStatusOptions */ .P)(options);
    const route53 = (0,_immut_core_aws__WEBPACK_IMPORTED_MODULE_3__/* .createAwsClient */ .nV)(_aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_8__/* .Route53Client */ .L, { region: world.region, action: ACTION });
    let readers;
    try {
        // The zone's lookup is the first call; the other readers load once it is answered. Loaded
        // beside it, their ~2 MB would compile before the request left (bench: 0.86 → 1.02× the
        // baseline to the first request).
        const zone = await (0,_immut_core_hosted_zone__WEBPACK_IMPORTED_MODULE_5__/* .resolveZone */ .VY)(route53, world.zone);
        const { statusReaders } = await Promise.all(/* import() */[__webpack_require__.e(754), __webpack_require__.e(679), __webpack_require__.e(304), __webpack_require__.e(634)]).then(__webpack_require__.bind(__webpack_require__, 2634));
        readers = statusReaders({ io, env }, world.region, route53, options.githubToken ?? '');
        const { gather } = readers;
        const roles = [];
        for (let i = 0; i < plans.length; i += CONCURRENT_ROLES) {
            const batch = plans.slice(i, i + CONCURRENT_ROLES);
            roles.push(...(await Promise.all(batch.map((plan) => gather(plan, zone.id)))));
        }
        return (0,_immut_core_world_status__WEBPACK_IMPORTED_MODULE_6__/* .buildWorldStatus */ .Zf)({ env: world.env, now: clock.now(), maxAge: options.maxAge, maxAgeMs, roles });
    }
    finally {
        readers?.destroy();
        route53.destroy();
    }
}
/** Where the JSON goes: the runner's temporary directory, never the workspace (a committed
 *  symlink there could point the write anywhere). */
function statusFile(env, worldEnv) {
    const dir = env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
    return node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, `immut-world-status-${worldEnv}.json`);
}
/** Mode status: takes the status, reports it, and fails on stale roles when asked to. */
async function status(ctx, world, plans, options) {
    const { io } = ctx;
    const taken = await takeStatus(ctx, world, plans, options);
    const json = `${JSON.stringify(taken, null, 2)}\n`;
    const file = statusFile(ctx.env, world.env);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, json, { mode: 0o644 });
    io.setOutput('status', JSON.stringify(taken));
    io.setOutput('status-file', file);
    io.setOutput('stale', taken.stale.join(','));
    for (const role of taken.roles)
        io.info(`${role.role}: ${role.freshness.stale ? 'STALE, ' : ''}${role.freshness.summary}`);
    await io.appendSummary((0,_immut_core_world_status__WEBPACK_IMPORTED_MODULE_6__/* .renderWorldStatus */ .zn)(taken));
    if (taken.stale.length > 0) {
        if (options.failOnStale)
            throw new _immut_core_errors__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo((0,_immut_core_world_status__WEBPACK_IMPORTED_MODULE_6__/* .staleMessage */ .HH)(taken));
        io.warning((0,_immut_core_world_status__WEBPACK_IMPORTED_MODULE_6__/* .staleMessage */ .HH)(taken));
    }
    return taken;
}


/***/ }),

/***/ 148:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nV: () => (/* binding */ createAwsClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_ATTEMPTS, userAgent */
/* harmony import */ var _throttle_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9314);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1757);


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
        ['immut', _version_js__WEBPACK_IMPORTED_MODULE_1__/* .IMMUT_VERSION */ .u],
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
    return (0,_throttle_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retryThrottled */ .XI)(calls, `${service}:${operation}`, () => next(args));
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


/***/ }),

/***/ 19:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GM: () => (/* binding */ historyName),
/* harmony export */   Y8: () => (/* binding */ fqdn),
/* harmony export */   i6: () => (/* binding */ parseHistory)
/* harmony export */ });
/* unused harmony exports HISTORY_PREFIX, HISTORY_TTL, historyRecord */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7706);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8964);


const HISTORY_PREFIX = '_immut-history.';
const HISTORY_TTL = 60;
const VERSION = '1';
/** Route 53's stored form of a DNS name: lower case, trailing dot, `*` as \052. */
function fqdn(name) {
    const lower = name.trim().toLowerCase();
    return (lower.endsWith('.') ? lower : `${lower}.`).replace(/\*/g, '\\052');
}
function historyName(name) {
    return fqdn(`${HISTORY_PREFIX}${name}`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GuardError */ .U$(`Refusing to change ${record.Name}: that TXT record is not an immut history record (it holds ${JSON.stringify(record.ResourceRecords?.map((r) => r.Value))}). Delete it or pick another name.`);
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


/***/ }),

/***/ 170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M7: () => (/* binding */ recordSetsAt),
  VY: () => (/* binding */ resolveZone)
});

// UNUSED EXPORTS: compareDnsNames, nameProblem, recordSetsWithChild, zoneInputProblem, zoneOfInputs

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/GetHostedZoneCommand.js
var GetHostedZoneCommand = __webpack_require__(2744);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListHostedZonesByNameCommand.js
var ListHostedZonesByNameCommand = __webpack_require__(8911);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListResourceRecordSetsCommand.js
var commands_ListResourceRecordSetsCommand = __webpack_require__(6845);
// EXTERNAL MODULE: ./packages/core/lib/dns-history.js
var dns_history = __webpack_require__(19);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/inputs.js
var inputs = __webpack_require__(2144);
// EXTERNAL MODULE: ./packages/core/lib/throttle-retry.js
var throttle_retry = __webpack_require__(9314);
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
/**
 * The `hosted-zone` output of launch-behind-lb and the input of the same name: a zone already
 * resolved, `<id>/<name>/<public|private>`, so a later job of the release needs no Route 53
 * lookup. Its calls are per account and few (10 a second), and hundreds of releases at once
 * share them.
 */
function formatResolvedZone(zone) {
    return `${zone.id}/${zone.name}/${zone.privateZone ? 'private' : 'public'}`;
}
const RESOLVED = /^(Z[A-Z0-9]{1,31})\/([^/]{1,254})\/(public|private)$/;
const RESOLVED_ZONE_EXPECTED = "expected launch-behind-lb's hosted-zone output for the zone of input 'zone' ('<id>/<name>/<public|private>')";
/**
 * The zone a `hosted-zone` input gives, which must be the zone `zone` names: the same id, or
 * for a name, the same name (the lookup it saves would have found that zone, or refused).
 */
function zone_input_parseResolvedZone(given, zoneInput) {
    const match = RESOLVED.exec(given);
    const [, id = '', name = '', scope = ''] = match ?? [];
    if (!match || !ZONE_NAME.test(name)) {
        return {
            problem: `Input 'hosted-zone' was ${showGiven(given, 'hosted-zone')}; ${RESOLVED_ZONE_EXPECTED}.`,
        };
    }
    const zone = { id, name: name.toLowerCase().replace(/\.$/, ''), privateZone: scope === 'private' };
    const byId = ZONE_ID.exec(zoneInput)?.[1];
    const same = byId ? byId === zone.id : zoneInput.toLowerCase().replace(/\.$/, '') === zone.name;
    if (!same) {
        return {
            problem: `Input 'hosted-zone' was ${showGiven(given, 'hosted-zone')}, which is not the zone input 'zone' names (${showGiven(zoneInput, 'zone')}); ${RESOLVED_ZONE_EXPECTED}.`,
        };
    }
    return { zone };
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
    const send = (what, call) => (0,throttle_retry/* retryThrottledIf */.AN)(calls, what, call);
    const id = ZONE_ID.exec(given)?.[1];
    return id ? zoneById(route53, send, given, id) : zoneByName(route53, send, given);
}
/**
 * The zone of the `zone` input: as an earlier job of the release resolved it (`hosted-zone`,
 * launch-behind-lb's output), with no call, else looked up.
 */
async function zoneOfInputs(route53, inputs, calls) {
    if (inputs.hostedZone !== undefined) {
        const { zone, problem } = parseResolvedZone(inputs.hostedZone, inputs.zone);
        if (!zone)
            throw new UserError(problem ?? `Input 'hosted-zone' is malformed.`);
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
    const send = (what, call) => (0,throttle_retry/* retryThrottledIf */.AN)(calls, what, call);
    const wanted = (0,dns_history/* fqdn */.Y8)(name);
    const found = [];
    let identifier;
    // A hand-written loop: the SDK ships no paginator for ListResourceRecordSets.
    for (;;) {
        const page = await send(`reading ${type} records of ${wanted}`, () => route53.send(new commands_ListResourceRecordSetsCommand/* ListResourceRecordSetsCommand */.I({
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
    const wanted = fqdn(name);
    const child = fqdn(below);
    if (!child.endsWith(`.${wanted}`))
        throw new Error(`${child} is not a name under ${wanted}`);
    const page = await retryThrottledIf(calls, `reading A records of ${wanted}`, () => route53.send(new ListResourceRecordSetsCommand({
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
        a: aDone ? a : await recordSetsAt(route53, zoneId, name, 'A', calls),
        childTxt: childDone ? childTxt : await recordSetsAt(route53, zoneId, below, 'TXT', calls),
    };
}


/***/ }),

/***/ 8964:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ TAG),
/* harmony export */   L0: () => (/* binding */ fromAwsTags),
/* harmony export */   Q9: () => (/* binding */ MANAGED_BY_VALUE),
/* harmony export */   W0: () => (/* binding */ roleFilters)
/* harmony export */ });
/* unused harmony exports USED_BY_PREFIX, usedByTag, SHARED_WITH_PREFIX, sharedWithTag, COPIED_FROM_TAG, TAG_LIMITS, standardTags, checkTags, toAwsTags, releaseFilters, managedProblem, assertManaged */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7706);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4891);
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
        throw new GuardError(`Refusing to modify ${resource.kind} ${resource.id}: ${problem}. immut only changes resources it created for role '${expected.role}' in env '${expected.env}'.`);
    }
}


/***/ }),

/***/ 9314:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ retryThrottledIf),
/* harmony export */   XI: () => (/* binding */ retryThrottled)
/* harmony export */ });
/* unused harmony exports isDroppedConnection, backoffDelay */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8055);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7706);
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
            const throttled = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isThrottlingError */ .Qb)(error);
            if (!throttled && !(isDroppedConnection(error) && dropped++ < DROPPED_RETRIES))
                throw error;
            const delay = backoffDelay(attempt, random);
            if (delay >= ctx.deadline.remaining())
                throw error;
            const why = throttled
                ? `AWS throttled it (${error.name})`
                : `its connection dropped (${error.message.slice(0, 80)})`;
            ctx.log(`${what}: ${why}; retrying in ${(0,_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(delay)}`);
            await ctx.clock.sleep(delay);
        }
    }
}
/** retryThrottled with a context; without one, the call once, throttling left to the SDK's own
 *  few retries (callers whose caller chose not to wait out throttling). */
function retryThrottledIf(ctx, what, call) {
    return ctx ? retryThrottled(ctx, what, call) : call();
}


/***/ }),

/***/ 1757:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ IMMUT_VERSION)
/* harmony export */ });
/** immut's version, sent in every AWS user agent. A test keeps it equal to package.json's. */
const IMMUT_VERSION = '0.1.0';


/***/ })

};
