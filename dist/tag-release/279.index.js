export const id = 279;
export const ids = [279];
export const modules = {

/***/ 1279:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promotedInputs: () => (/* binding */ promotedInputs),
  resolvePromotion: () => (/* binding */ resolvePromotion)
});

// UNUSED EXPORTS: promotionInputProblems

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/tags.js
var tags = __webpack_require__(8964);
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

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/middleware-sdk-route53/dist-es/constants.js
const IDENTIFIER_PREFIX_PATTERN = /^\/(hostedzone|change|delegationset)\//;

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/middleware-sdk-route53/dist-es/id-normalizer.js

const IDENTIFIER_PARAMETERS = ["DelegationSetId", "HostedZoneId", "Id"];
function idNormalizerMiddleware() {
    return (next) => async (args) => {
        const input = { ...args.input };
        for (const paramName of IDENTIFIER_PARAMETERS) {
            const param = input[paramName];
            if (param) {
                input[paramName] = param.replace(IDENTIFIER_PREFIX_PATTERN, "");
            }
        }
        return next({
            ...args,
            input,
        });
    };
}
const idNormalizerMiddlewareOptions = {
    step: "initialize",
    tags: ["ROUTE53_IDS"],
    name: "idNormalizerMiddleware",
    override: true,
};
const id_normalizer_getIdNormalizerPlugin = (unused) => ({
    applyToStack: (clientStack) => {
        clientStack.add(idNormalizerMiddleware(), idNormalizerMiddlewareOptions);
    },
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/client/index.js
var client = __webpack_require__(2658);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/endpoints/index.js
var endpoints = __webpack_require__(2085);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/endpoint/EndpointParameters.js
var EndpointParameters = __webpack_require__(1730);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commandBuilder.js




const command = (0,client.makeBuilder)(EndpointParameters/* commonParams */.S, "AWSDnsV20130401", "Route53Client", endpoints.getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [
    id_normalizer_getIdNormalizerPlugin(config),
];
const _mw1 = (Command, cs, config, o) => [
    getChangeResourceRecordSetsPlugin(config),
    getIdNormalizerPlugin(config),
];
const _mw2 = (Command, cs, config, o) => [];

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(8308);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/GetHostedZoneCommand.js


class GetHostedZoneCommand extends command(_ep0, _mw0, "GetHostedZone", schemas_0/* GetHostedZone$ */.Ukk) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListHostedZonesByNameCommand.js


class ListHostedZonesByNameCommand extends command(_ep0, _mw0, "ListHostedZonesByName", schemas_0/* ListHostedZonesByName$ */.vfj) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListResourceRecordSetsCommand.js


class ListResourceRecordSetsCommand_ListResourceRecordSetsCommand extends command(_ep0, _mw0, "ListResourceRecordSets", schemas_0/* ListResourceRecordSets$ */.z6W) {
}

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
        const out = await send(`reading hosted zone ${id}`, () => route53.send(new GetHostedZoneCommand({ Id: id })));
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
        const page = await send(`looking up hosted zone ${wanted}`, () => route53.send(new ListHostedZonesByNameCommand({ ...request, MaxItems: 100 })));
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
    const wanted = dns_history_fqdn(name);
    const found = [];
    let identifier;
    // A hand-written loop: the SDK ships no paginator for ListResourceRecordSets.
    for (;;) {
        const page = await send(`reading ${type} records of ${wanted}`, () => route53.send(new ListResourceRecordSetsCommand_ListResourceRecordSetsCommand({
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

// EXTERNAL MODULE: ./packages/core/lib/manifest.js + 2 modules
var manifest = __webpack_require__(5898);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
;// CONCATENATED MODULE: ./packages/core/lib/promotion.js
// The promotion gate: a release goes to another env only if it was live in its own. "Live"
// is what the role's history record says (cutover-dns writes it in the same change that moves
// the name): the build the name points at now, fully, or the one it pointed at before. The
// record keeps only those two, so a release that was live long ago is not provable from it;
// `force` overrides the gate and the target manifest records that it did.


/** The gate refused: the source release was never seen live. */
class PromotionRefusedError extends errors/* UserError */.yo {
    name = 'PromotionRefusedError';
}
/** What the record says about `build`: live now, live before, or (undefined) neither. */
function liveness(history, build) {
    const { current, previous, weight } = history;
    const partial = weight !== undefined && weight < 100;
    if (current.build === build && !partial)
        return `build ${build} is live (since ${history.at || 'unknown'})`;
    // Mid-way through a weighted cutover the previous build still serves fully: it was live.
    if (previous?.build === build)
        return `build ${build} was live before build ${current.build}`;
    return undefined;
}
/** What the record shows, in words, when it does not show the build live. */
function absence(history, build) {
    if (!history)
        return 'the role has no history record: no cutover ever succeeded there';
    const { current, previous, weight } = history;
    if (current.build === build)
        return `a weighted cutover to build ${build} is at ${weight}%, not finished`;
    const names = [`build ${current.build} live`, ...(previous ? [`build ${previous.build} before it`] : [])];
    return `the record shows ${names.join(' and ')}; it keeps the two latest builds, and build ${build} is neither`;
}
/**
 * Decides whether `source` may be promoted to `targetEnv`. Throws PromotionRefusedError
 * (saying what was checked and how to override) when it was never live and `force` is off.
 */
function promotionGate(input) {
    const { source, history, force } = input;
    const tag = (0,naming/* gitTag */.Zu)(source);
    if (source.env === input.targetEnv) {
        throw new errors/* UserError */.yo(`Cannot promote ${tag} to env '${input.targetEnv}': it is already a release of that env; promote to another env.`);
    }
    const own = history && history.role === source.role && history.env === source.env ? history : undefined;
    const live = own ? liveness(own, source.build) : undefined;
    if (live)
        return { live: true, evidence: `${input.checked}: ${live}`, forced: false };
    const why = history && !own
        ? `the record belongs to role ${history.role} in ${history.env}, not to ${source.role} in ${source.env}`
        : absence(own, source.build);
    const evidence = `${input.checked}: ${why}`;
    if (force)
        return { live: false, evidence, forced: true };
    throw new PromotionRefusedError(`Refusing to promote ${tag} to ${input.targetEnv}: it never became live in ${source.env}. Checked ${evidence}. Promote a release that was cut over in ${source.env}, or set force: true to promote it anyway (the ${input.targetEnv} manifest then records promotedFrom.forced).`);
}

// EXTERNAL MODULE: ./packages/core/lib/release-reader.js
var release_reader = __webpack_require__(3802);
;// CONCATENATED MODULE: ./.build/tsc/actions/tag-release/promote.js







// The input checks (no SDK there) are in promote-inputs.ts, so main.ts runs them first.

/** Reads the source release, checks it may come here, and runs the gate. */
async function resolvePromotion(request, ctx) {
    const from = (0,naming/* parseGitTag */.e)(request.tag);
    if (!from || from.role !== ctx.identity.role || from.env === ctx.identity.env) {
        throw new errors/* InputError */.dz([
            `Input 'promoted-from' was '${request.tag.slice(0, 80)}': expected a release of role '${ctx.identity.role}' in another env than '${ctx.identity.env}' (immut/<env>/${ctx.identity.role}/<build>).`,
        ]);
    }
    const { manifest: source } = await (0,release_reader/* readReleaseDetails */.qs)({
        octokit: ctx.octokit,
        ...ctx.repository,
        tag: request.tag,
    });
    if (request.shareWith !== undefined && source.image.region !== ctx.region) {
        throw new errors/* UserError */.yo(`Cannot share ${request.tag}'s image ${source.image.id} from ${ctx.region}: it is in ${source.image.region}. The source side runs in the image's region (promote.yml's source-region ${source.image.region}); the target side copies it to its own region.`);
    }
    if (request.sharedBy !== undefined)
        return sharedPromotion(request, source);
    const zone = await resolveZone(ctx.route53, request.zone).catch((error) => {
        // hosted-zone.ts names the usual input, `zone`; here it is the source env's.
        if (error instanceof errors/* UserError */.yo)
            throw new errors/* UserError */.yo(error.message.replace("Input 'zone'", "Input 'promoted-from-zone'"));
        throw error;
    });
    const record = (await recordSetsAt(ctx.route53, zone.id, historyName(request.name), 'TXT'))[0];
    const history = record ? parseHistory(record) : undefined;
    const gate = promotionGate({
        source,
        targetEnv: ctx.identity.env,
        history,
        checked: `the history record ${historyName(request.name)} in hosted zone ${zone.name} (${zone.id})`,
        force: request.force,
    });
    return {
        source,
        imageOwner: { role: source.role, env: source.env, build: source.build },
        promotedFrom: {
            tag: request.tag,
            manifestDigest: (0,manifest/* manifestDigest */.It)(source),
            ...(gate.forced ? { forced: true } : {}),
        },
        gate,
    };
}
/**
 * The target side of a promotion across accounts: the gate ran in the source account before it
 * shared the image (this account cannot read the history record there), and `force` carries
 * its outcome.
 */
function sharedPromotion(request, source) {
    const gate = {
        live: !request.force,
        evidence: `the gate ran in account ${request.sharedBy} before it shared the image (tag-release share-with)${request.force ? ', overridden with force' : ''}`,
        forced: request.force,
    };
    return {
        source,
        imageOwner: { role: source.role, env: source.env, build: source.build },
        promotedFrom: {
            tag: request.tag,
            manifestDigest: (0,manifest/* manifestDigest */.It)(source),
            ...(gate.forced ? { forced: true } : {}),
        },
        gate,
    };
}
/** The manifest inputs of the promoted release: the source's image and app, this env's data and flags. */
function promotedInputs(inputs, resolved) {
    const { image, app } = resolved.source;
    return {
        ...inputs,
        imageId: image.id,
        fingerprint: image.fingerprint,
        baseImageId: image.base,
        appVersion: app.version,
        ...(app.artifact ? { artifact: app.artifact } : {}),
        promotion: resolved.promotedFrom,
    };
}


/***/ })

};
