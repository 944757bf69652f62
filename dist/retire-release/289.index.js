export const id = 289;
export const ids = [289];
export const modules = {

/***/ 2449:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ readLive)
/* harmony export */ });
/* harmony import */ var _immut_core_dns_history__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19);
/* harmony import */ var _immut_core_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7706);
/* harmony import */ var _immut_core_hosted_zone__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2021);
/* harmony import */ var _immut_core_naming__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2977);
/* harmony import */ var _immut_core_tags__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8964);





/** Route 53 answers an alias to a load balancer with a 60 s TTL. */
const ALIAS_TTL_MS = 60_000;
async function readLive(route53, zoneId, name, who) {
    const { a: records, childTxt } = await (0,_immut_core_hosted_zone__WEBPACK_IMPORTED_MODULE_2__/* .recordSetsWithChild */ .fr)(route53, zoneId, name, (0,_immut_core_dns_history__WEBPACK_IMPORTED_MODULE_0__/* .historyName */ .GM)(name));
    const [txt] = childTxt;
    const history = txt ? (0,_immut_core_dns_history__WEBPACK_IMPORTED_MODULE_0__/* .parseHistory */ .i6)(txt) : undefined;
    if (!history && records.length > 0) {
        throw new _immut_core_errors__WEBPACK_IMPORTED_MODULE_1__/* .GuardError */ .U$(`Refusing to retire builds of role '${who.role}' in env '${who.env}': ${name} has an A record but no immut history record (${(0,_immut_core_dns_history__WEBPACK_IMPORTED_MODULE_0__/* .historyName */ .GM)(name)} TXT), so immut cannot tell which build is live. Check the 'name' input.`);
    }
    if (history) {
        (0,_immut_core_tags__WEBPACK_IMPORTED_MODULE_4__/* .assertManaged */ .wt)({
            kind: 'DNS name',
            id: name,
            tags: { [_immut_core_tags__WEBPACK_IMPORTED_MODULE_4__/* .TAG */ .Dk.managedBy]: _immut_core_tags__WEBPACK_IMPORTED_MODULE_4__/* .MANAGED_BY_VALUE */ .Q9, [_immut_core_tags__WEBPACK_IMPORTED_MODULE_4__/* .TAG */ .Dk.role]: history.role, [_immut_core_tags__WEBPACK_IMPORTED_MODULE_4__/* .TAG */ .Dk.env]: history.env },
        }, who);
    }
    const valueRecords = records.filter((r) => !r.AliasTarget?.DNSName);
    if (valueRecords.length > 0) {
        throw new _immut_core_errors__WEBPACK_IMPORTED_MODULE_1__/* .GuardError */ .U$(`Refusing to retire builds: ${name} holds A records with plain values (${JSON.stringify(valueRecords.map((r) => r.ResourceRecords?.map((v) => v.Value)))}), which immut did not write, so what is live is unknown. Fix the record first.`);
    }
    const ttls = [ALIAS_TTL_MS, ...records.concat(txt ? [txt] : []).map((r) => (r.TTL ?? 0) * 1000)];
    return {
        name,
        ...(history ? { history } : {}),
        pointsAt: records.map((r) => (0,_immut_core_naming__WEBPACK_IMPORTED_MODULE_3__/* .bareDnsName */ .rs)(r.AliasTarget?.DNSName ?? '')),
        weighted: records.some((r) => r.SetIdentifier !== undefined) || history?.weight !== undefined,
        ttlMs: Math.max(...ttls),
    };
}


/***/ }),

/***/ 4209:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nV: () => (/* binding */ createAwsClient)
});

// UNUSED EXPORTS: DEFAULT_MAX_ATTEMPTS, userAgent

// EXTERNAL MODULE: ./packages/core/lib/throttle-retry.js
var throttle_retry = __webpack_require__(9314);
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
    return (0,throttle_retry/* retryThrottled */.XI)(calls, `${service}:${operation}`, () => next(args));
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

/***/ 2021:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M7: () => (/* binding */ recordSetsAt),
/* harmony export */   bo: () => (/* binding */ zoneOfInputs),
/* harmony export */   fr: () => (/* binding */ recordSetsWithChild),
/* harmony export */   rH: () => (/* binding */ nameProblem)
/* harmony export */ });
/* unused harmony exports resolveZone, compareDnsNames */
/* harmony import */ var _aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2744);
/* harmony import */ var _aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8911);
/* harmony import */ var _aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6845);
/* harmony import */ var _dns_history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7706);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2961);
/* harmony import */ var _throttle_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9314);
/* harmony import */ var _zone_input_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4670);
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input 'zone' was ${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .showGiven */ .vP)(given, 'zone')}: ${why}; ${_zone_input_js__WEBPACK_IMPORTED_MODULE_4__/* .ZONE_EXPECTED */ .oV}.`);
}
// The input's form is checked in zone-input.ts (no SDK there), re-exported for callers here.

/**
 * The hosted zone the `zone` input names. With `calls`, throttled calls are retried until its
 * deadline (see throttle-retry.ts); without, throttling is left to the SDK's own retries.
 */
async function resolveZone(route53, given, calls) {
    const problem = (0,_zone_input_js__WEBPACK_IMPORTED_MODULE_4__/* .zoneInputProblem */ .OA)(given);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(problem);
    const send = (what, call) => (0,_throttle_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retryThrottledIf */ .AN)(calls, what, call);
    const id = _zone_input_js__WEBPACK_IMPORTED_MODULE_4__/* .ZONE_ID */ .jr.exec(given)?.[1];
    return id ? zoneById(route53, send, given, id) : zoneByName(route53, send, given);
}
/**
 * The zone of the `zone` input: as an earlier job of the release resolved it (`hosted-zone`,
 * launch-behind-lb's output), with no call, else looked up.
 */
async function zoneOfInputs(route53, inputs, calls) {
    if (inputs.hostedZone !== undefined) {
        const { zone, problem } = (0,_zone_input_js__WEBPACK_IMPORTED_MODULE_4__/* .parseResolvedZone */ ["if"])(inputs.hostedZone, inputs.zone);
        if (!zone)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(problem ?? `Input 'hosted-zone' is malformed.`);
        return zone;
    }
    return resolveZone(route53, inputs.zone, calls);
}
async function zoneById(route53, send, given, id) {
    try {
        const out = await send(`reading hosted zone ${id}`, () => route53.send(new _aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_5__/* .GetHostedZoneCommand */ .H({ Id: id })));
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
    const wanted = (0,_dns_history_js__WEBPACK_IMPORTED_MODULE_0__/* .fqdn */ .Y8)(given);
    const matches = [];
    let next = { DNSName: wanted };
    // A hand-written loop: the SDK ships no paginator for ListHostedZonesByName.
    while (next) {
        const request = next;
        const page = await send(`looking up hosted zone ${wanted}`, () => route53.send(new _aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_6__/* .ListHostedZonesByNameCommand */ .a({ ...request, MaxItems: 100 })));
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
    const n = (0,_dns_history_js__WEBPACK_IMPORTED_MODULE_0__/* .fqdn */ .Y8)(name);
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
    const send = (what, call) => (0,_throttle_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retryThrottledIf */ .AN)(calls, what, call);
    const wanted = (0,_dns_history_js__WEBPACK_IMPORTED_MODULE_0__/* .fqdn */ .Y8)(name);
    const found = [];
    let identifier;
    // A hand-written loop: the SDK ships no paginator for ListResourceRecordSets.
    for (;;) {
        const page = await send(`reading ${type} records of ${wanted}`, () => route53.send(new _aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_7__/* .ListResourceRecordSetsCommand */ .I({
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
    const wanted = (0,_dns_history_js__WEBPACK_IMPORTED_MODULE_0__/* .fqdn */ .Y8)(name);
    const child = (0,_dns_history_js__WEBPACK_IMPORTED_MODULE_0__/* .fqdn */ .Y8)(below);
    if (!child.endsWith(`.${wanted}`))
        throw new Error(`${child} is not a name under ${wanted}`);
    const page = await (0,_throttle_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retryThrottledIf */ .AN)(calls, `reading A records of ${wanted}`, () => route53.send(new _aws_sdk_client_route_53__WEBPACK_IMPORTED_MODULE_7__/* .ListResourceRecordSetsCommand */ .I({
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

/***/ 2977:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P0: () => (/* binding */ roleDnsName),
/* harmony export */   Tt: () => (/* binding */ buildDnsName),
/* harmony export */   kI: () => (/* binding */ finalSnapshotId),
/* harmony export */   rs: () => (/* binding */ bareDnsName),
/* harmony export */   t: () => (/* binding */ sourceSnapshotId)
/* harmony export */ });
/* unused harmony exports LIMITS, loadBalancerName, targetGroupName, launchTemplateName, autoScalingGroupName, dbInstanceId, dbClusterId, imageName, intermediateImageName, instanceName, builderName, gitTag, WORLD_ROLE, worldTag, parseGitTag, normalizeDnsName, checkDnsName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
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
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
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


/***/ })

};
