export const id = 778;
export const ids = [778];
export const modules = {

/***/ 778:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUp: () => (/* binding */ cleanUp),
  launchOrPrepare: () => (/* binding */ launchOrPrepare)
});

// UNUSED EXPORTS: tagReader

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/AutoScalingClient.js + 8 modules
var AutoScalingClient = __webpack_require__(642);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/EC2Client.js + 8 modules
var EC2Client = __webpack_require__(4601);
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
function throttle_retry_retryThrottledIf(ctx, what, call) {
    return ctx ? retryThrottled(ctx, what, call) : call();
}

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
        throw new errors/* UserError */.yo(`GITHUB_REPOSITORY is '${full}', expected 'owner/repo'; run this action in a GitHub Actions workflow.`);
    }
    return { owner, repo };
}

// EXTERNAL MODULE: ./packages/core/lib/github-calls.js
var github_calls = __webpack_require__(1602);
// EXTERNAL MODULE: ./packages/core/lib/identity.js
var lib_identity = __webpack_require__(4891);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(4377);
// EXTERNAL MODULE: ./packages/core/lib/inputs.js
var inputs = __webpack_require__(2144);
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
    return (0,external_node_crypto_.createHash)('sha256')
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

;// CONCATENATED MODULE: ./packages/core/lib/quoting.js
// One way to put a value into a script or an environment file that a shell or systemd will
// read back: a double-quoted word. Inside double quotes POSIX sh (and bash) expand only `$`
// and backquotes and give `\` meaning only before `$`, `` ` ``, `"`, `\` and a newline;
// systemd's EnvironmentFile= parser (systemd.exec(5)) recognises exactly the same escapes in a
// double-quoted value. Escaping those four characters therefore makes the value literal data
// for both readers. (A single-quoted `'\''` is not: systemd keeps the quotes after `\'`.)
//
// What can be quoted is a separate, stricter question per use: an environment file line must
// stay one line (see `envValueProblem`).
/** A value that cannot be represented, whatever the quoting: a NUL or a lone surrogate. */
class UnquotableError extends Error {
    name = 'UnquotableError';
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * `"…"` with `\`, `"`, `$` and `` ` `` backslash-escaped: a literal word for sh and bash, and
 * a literal value for systemd's EnvironmentFile=. Throws for a NUL (no C string can hold it)
 * or a lone UTF-16 surrogate (no UTF-8 encodes it), which callers refuse first.
 */
function quote(value) {
    if (value.includes('\0'))
        throw new UnquotableError('a NUL character cannot be quoted');
    if (LONE_SURROGATE.test(value))
        throw new UnquotableError('a lone UTF-16 surrogate cannot be quoted');
    return `"${value.replace(/[\\"$`]/g, '\\$&')}"`;
}
/** Unicode noncharacters, which systemd refuses in an environment file. */
function isNoncharacter(code) {
    return (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
}
/**
 * Why `value` cannot be one line of an environment file, or undefined when it can. Refused:
 * control characters (C0 but tab, DEL, C1 — NEL is a line break to some readers), the
 * Unicode line and paragraph separators, bidirectional overrides (text that displays other
 * than it reads), the byte order mark and noncharacters (systemd.exec(5) says the file must
 * not hold them), and lone surrogates (not encodable as UTF-8).
 */
function envValueProblem(value) {
    if (LONE_SURROGATE.test(value))
        return 'it holds a lone UTF-16 surrogate (not valid Unicode)';
    let index = 0;
    for (const char of value) {
        const code = char.codePointAt(0) ?? 0;
        const at = `at character ${index + 1}`;
        if ((code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f))
            return `it has a control character (U+${hex(code)}, e.g. a newline) ${at}`;
        if (code === 0x2028 || code === 0x2029)
            return `it has a Unicode line separator (U+${hex(code)}) ${at}`;
        if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
            return `it has a bidirectional text control (U+${hex(code)}) ${at}`;
        if (code === 0xfeff)
            return `it has a byte order mark (U+FEFF) ${at}`;
        if (isNoncharacter(code))
            return `it has a Unicode noncharacter (U+${hex(code)}) ${at}`;
        index += 1;
    }
    return undefined;
}
function hex(code) {
    return code.toString(16).toUpperCase().padStart(4, '0');
}
/**
 * A value for an error message: one line, control and invisible characters written as
 * escapes, cut to `max` characters. Never use it for a value that may be a secret.
 */
function displayValue(value, max = 40) {
    const chars = [...value];
    const shown = chars
        .slice(0, max)
        .map((c) => {
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        if (c === '\t')
            return '\\t';
        // Anything an environment file refuses is invisible or breaks the line: escape it.
        return envValueProblem(c) === undefined ? c : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`;
    })
        .join('');
    return chars.length > max ? `${shown}… (${chars.length} characters)` : shown;
}

// EXTERNAL MODULE: ./packages/core/lib/secrets.js
var secrets = __webpack_require__(3468);
;// CONCATENATED MODULE: ./packages/core/lib/manifest.js
// The release manifest (`immut.release/v1`): the release as data. tag-release writes it;
// launch-behind-lb, rollbacks and retirement read it. Readers accept every schema version
// ever written, so an old release can always be redeployed.








const MANIFEST_SCHEMA = 'immut.release/v1';
// Every field is typed by what it holds, because fields reach the servers' user data, tags
// and logs. Readers accept every manifest ever written validly (CONTRACTS.md "Manifest
// evolution"): these rules only refuse values no writer of immut could have produced — an
// endpoint that is not a host name, a version with a newline — never a form immut wrote.
/** A string matching `pattern`; the issue says what was expected and shows the value, cut. */
function typed(pattern, expected) {
    return schemas/* string */.YjP().regex(pattern, {
        error: (issue) => `${expected}; was '${displayValue(String(issue.input))}'`,
    });
}
/** Free text (a version, a label): printable, no control characters, at most `max` characters. */
function printable(expected, max, min = 1) {
    return schemas/* string */.YjP().superRefine((value, ctx) => {
        const length = [...value].length;
        const problem = length < min
            ? 'it is empty'
            : length > max
                ? `it has ${length} characters, more than ${max}`
                : value.includes('\t')
                    ? 'it has a control character (U+0009, a tab)'
                    : envValueProblem(value);
        if (problem)
            ctx.addIssue({ code: 'custom', message: `${expected}: ${problem}; was '${displayValue(value)}'` });
    });
}
/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, ≤ 253 characters. */
const HOST_NAME = /^(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** RDS DB identifiers: a letter, then letters, digits and single hyphens, ≤ 63, no trailing hyphen. */
const RDS_IDENTIFIER = /^[A-Za-z](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,62}$/;
/** RDS engine names (postgres, aurora-postgresql, sqlserver-ee, …). */
const RDS_ENGINE = /^[a-z][a-z0-9-]{0,63}$/;
/** GitHub's owner/repository. */
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** A git commit id (hex), or `unknown` when recorded outside a workflow (provenance.ts). */
const COMMIT = /^(?:[0-9a-f]{1,64}|unknown)$/;
/** The run's URL, or empty outside a workflow (provenance.ts). */
const RUN_URL = /^(?:https?:\/\/[!#-~]{1,2000})?$/;
/** An AWS account id. */
const AWS_ACCOUNT = /^\d{12}$/;
/** A release's git tag (naming.ts gitTag): immut/<env>/<role>/<build>. */
const RELEASE_TAG = /^immut\/[a-z][a-z0-9]{0,9}\/[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,19}\/[a-z0-9]{1,12}$/;
const flagName = schemas/* string */.YjP()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'flag names are upper-case environment variable names');
// A flag's value is never shown: it may be meant as a secret.
const flags = schemas/* record */.g1P(flagName, schemas/* string */.YjP()).superRefine((record, ctx) => {
    for (const [name, value] of Object.entries(record)) {
        const reason = (0,secrets/* secretReason */.r)(name, value);
        if (reason)
            ctx.addIssue({ code: 'custom', path: [name], message: `flag ${name} is refused: ${reason}` });
        const problem = envValueProblem(value);
        if (problem) {
            ctx.addIssue({
                code: 'custom',
                path: [name],
                message: `flag ${name} cannot be written to the servers' environment file: ${problem} (value not shown)`,
            });
        }
    }
});
const manifestSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(MANIFEST_SCHEMA),
    release: schemas/* string */.YjP().min(1),
    role: schemas/* string */.YjP().regex(lib_identity/* ROLE_RULE */.AR.pattern, lib_identity/* ROLE_RULE */.AR.expected),
    env: schemas/* string */.YjP().regex(lib_identity/* ENV_RULE */.$G.pattern, lib_identity/* ENV_RULE */.$G.expected),
    build: schemas/* string */.YjP().regex(lib_identity/* BUILD_RULE */.iz.pattern, lib_identity/* BUILD_RULE */.iz.expected),
    created: iso/* datetime */.w$(),
    source: schemas/* object */.Ikc({
        repository: typed(REPOSITORY, 'a GitHub repository owner/name'),
        sha: typed(COMMIT, 'a git commit sha (hex)'),
        run: typed(RUN_URL, "the run's https URL, or empty"),
    })
        .strict(),
    image: schemas/* object */.Ikc({
        id: typed(AMI_ID, 'an AMI id (ami- and 8 or 17 hex digits)'),
        region: typed(inputs/* AWS_REGION */.VN, 'an AWS region such as us-east-1'),
        fingerprint: typed(/^[0-9a-f]{16,}$/, 'a hex fingerprint'),
        base: typed(AMI_ID, 'an AMI id (ami- and 8 or 17 hex digits)'),
        // Added with promotion across accounts and regions; absent in older manifests.
        /** `id` is another AWS account's image, shared with this one (a launch permission). */
        sharedFrom: schemas/* object */.Ikc({
            account: typed(AWS_ACCOUNT, 'a 12-digit AWS account id'),
            imageId: typed(AMI_ID, 'an AMI id (ami- and 8 or 17 hex digits)'),
        })
            .strict()
            .optional(),
        /** `id` is this account's copy (CopyImage) of that image, made for this release. */
        copiedFrom: schemas/* object */.Ikc({
            account: typed(AWS_ACCOUNT, 'a 12-digit AWS account id'),
            region: typed(inputs/* AWS_REGION */.VN, 'an AWS region such as us-east-1'),
            imageId: typed(AMI_ID, 'an AMI id (ami- and 8 or 17 hex digits)'),
        })
            .strict()
            .optional(),
    })
        .strict()
        .superRefine((i, ctx) => {
        if (i.sharedFrom && i.copiedFrom)
            ctx.addIssue({
                code: 'custom',
                path: ['copiedFrom'],
                message: 'an image is shared or copied, not both',
            });
        if (i.sharedFrom && i.sharedFrom.imageId !== i.id)
            ctx.addIssue({
                code: 'custom',
                path: ['sharedFrom', 'imageId'],
                message: 'must be the image id itself',
            });
    }),
    data: schemas/* object */.Ikc({
        engine: typed(RDS_ENGINE, 'an RDS engine name such as postgres'),
        instance: typed(RDS_IDENTIFIER, 'an RDS DB identifier (a letter, then letters, digits, hyphens; ≤ 63)'),
        endpoint: typed(HOST_NAME, 'a host name (RFC 1123: letters, digits, hyphens and dots; ≤ 253)'),
        from: printable('the snapshot or time restored from', 1024),
        changelog: printable('the change log outcome', 1024, 0),
        // Added with Aurora clusters; absent in older manifests, which are instances.
        /** `instance`: an RDS DB instance; `cluster`: an Aurora DB cluster, `instance` its writer. */
        kind: schemas/* enum */.k5n(['instance', 'cluster']).optional(),
        /** The Aurora DB cluster of a `cluster` data layer. */
        cluster: typed(RDS_IDENTIFIER, 'an RDS DB cluster identifier (a letter, then letters, digits, hyphens; ≤ 63)').optional(),
        /** How the data was copied: a snapshot restore, a point-in-time restore or an Aurora copy-on-write clone. */
        copy: schemas/* enum */.k5n(['snapshot', 'point-in-time', 'copy-on-write']).optional(),
    })
        .strict()
        .superRefine((d, ctx) => {
        if (d.kind === 'cluster' && d.cluster === undefined)
            ctx.addIssue({ code: 'custom', path: ['cluster'], message: "is required when kind is 'cluster'" });
        if (d.kind !== 'cluster' && d.cluster !== undefined)
            ctx.addIssue({ code: 'custom', path: ['cluster'], message: "is only for kind 'cluster'" });
        if (d.copy === 'copy-on-write' && d.kind !== 'cluster')
            ctx.addIssue({
                code: 'custom',
                path: ['copy'],
                message: 'copy-on-write is only for an Aurora cluster',
            });
    })
        .optional(),
    app: schemas/* object */.Ikc({
        version: printable('a version', 1024),
        // Added with bake-image's artifact; absent in older manifests and bakes without one.
        /** The application artifact baked into the image: its sha256, size and workspace paths. */
        artifact: schemas/* object */.Ikc({
            sha256: typed(/^[0-9a-f]{64}$/, 'a hex sha256'),
            size: schemas/* number */.aig().int().min(1),
            paths: schemas/* array */.YOg(printable('a workspace path', 1024)).min(1),
        })
            .strict()
            .optional(),
    })
        .strict(),
    flags,
    // Added with promotion; absent in older manifests and in releases that baked their image.
    /** The release of another env this one was promoted from: its image is reused unchanged. */
    promotedFrom: schemas/* object */.Ikc({
        /** The source release's git tag, immut/<env>/<role>/<build>. */
        tag: typed(RELEASE_TAG, 'a release tag immut/<env>/<role>/<build>'),
        /** `sha256:<hex>` of the source manifest as recorded (its canonical JSON, manifestDigest). */
        manifestDigest: typed(/^sha256:[0-9a-f]{64}$/, "'sha256:' and 64 hex digits"),
        /** Present when the promotion gate was overridden: the source was never seen live. */
        forced: schemas/* literal */.euz(true).optional(),
    })
        .strict()
        .optional(),
})
    .strict()
    .superRefine((m, ctx) => {
    if (m.release !== `${m.role}-${m.build}`) {
        ctx.addIssue({
            code: 'custom',
            path: ['release'],
            message: `must be '${m.role}-${m.build}' (<role>-<build>)`,
        });
    }
    const from = m.promotedFrom ? parseGitTag(m.promotedFrom.tag) : undefined;
    if (from && (from.role !== m.role || from.env === m.env)) {
        ctx.addIssue({
            code: 'custom',
            path: ['promotedFrom', 'tag'],
            message: `must be a release of role '${m.role}' in another env than '${m.env}'; was '${displayValue(m.promotedFrom?.tag ?? '')}'`,
        });
    }
});
class ManifestError extends errors/* UserError */.yo {
    name = 'ManifestError';
}
/** Problems shown at most; a value that is not a manifest at all would otherwise list every field. */
const SHOWN_PROBLEMS = 5;
function problemsOf(error) {
    const all = error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    const more = all.length - SHOWN_PROBLEMS;
    return all.slice(0, SHOWN_PROBLEMS).join('; ') + (more > 0 ? `; and ${more} more` : '');
}
/** Validates a manifest object; throws ManifestError naming the path of each bad field. */
function validateManifest(value) {
    const schema = value?.schema;
    if (schema !== MANIFEST_SCHEMA) {
        throw new ManifestError(`Unsupported release manifest schema '${String(schema)}'; this version of immut reads ${MANIFEST_SCHEMA}.`);
    }
    const parsed = manifestSchema.safeParse(value);
    if (!parsed.success)
        throw new ManifestError(`Invalid release manifest: ${problemsOf(parsed.error)}`);
    return parsed.data;
}
/** Parses manifest JSON (from a release asset, tag message or input). */
function readManifest(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new ManifestError(`Release manifest is not valid JSON: ${error.message}`);
    }
    return validateManifest(value);
}
/** Canonical JSON (fixed key order, sorted flags): equal manifests give equal bytes. */
function manifest_writeManifest(manifest) {
    const valid = validateManifest(manifest);
    const ordered = {
        schema: valid.schema,
        release: valid.release,
        role: valid.role,
        env: valid.env,
        build: valid.build,
        created: valid.created,
        source: { repository: valid.source.repository, sha: valid.source.sha, run: valid.source.run },
        image: {
            id: valid.image.id,
            region: valid.image.region,
            fingerprint: valid.image.fingerprint,
            base: valid.image.base,
            ...(valid.image.sharedFrom
                ? { sharedFrom: { account: valid.image.sharedFrom.account, imageId: valid.image.sharedFrom.imageId } }
                : {}),
            ...(valid.image.copiedFrom
                ? {
                    copiedFrom: {
                        account: valid.image.copiedFrom.account,
                        region: valid.image.copiedFrom.region,
                        imageId: valid.image.copiedFrom.imageId,
                    },
                }
                : {}),
        },
        ...(valid.data
            ? {
                data: {
                    engine: valid.data.engine,
                    instance: valid.data.instance,
                    endpoint: valid.data.endpoint,
                    from: valid.data.from,
                    changelog: valid.data.changelog,
                    ...(valid.data.kind !== undefined ? { kind: valid.data.kind } : {}),
                    ...(valid.data.cluster !== undefined ? { cluster: valid.data.cluster } : {}),
                    ...(valid.data.copy !== undefined ? { copy: valid.data.copy } : {}),
                },
            }
            : {}),
        app: {
            version: valid.app.version,
            ...(valid.app.artifact
                ? {
                    artifact: {
                        sha256: valid.app.artifact.sha256,
                        size: valid.app.artifact.size,
                        paths: [...valid.app.artifact.paths],
                    },
                }
                : {}),
        },
        flags: Object.fromEntries(Object.entries(valid.flags).sort(([a], [b]) => a.localeCompare(b))),
        ...(valid.promotedFrom
            ? {
                promotedFrom: {
                    tag: valid.promotedFrom.tag,
                    manifestDigest: valid.promotedFrom.manifestDigest,
                    ...(valid.promotedFrom.forced ? { forced: true } : {}),
                },
            }
            : {}),
    };
    return `${JSON.stringify(ordered, null, 2)}\n`;
}
/**
 * `sha256:<hex>` of the manifest's canonical JSON: the bytes tag-release records in the
 * annotated tag and the release asset, so anyone can check a promotion's source by hashing.
 */
function manifestDigest(manifest) {
    return `sha256:${createHash('sha256').update(manifest_writeManifest(manifest)).digest('hex')}`;
}
/** The manifest's JSON Schema, for editors and for users validating manifests elsewhere. */
function manifestJsonSchema() {
    return z.toJSONSchema(manifestSchema, { io: 'input' });
}

;// CONCATENATED MODULE: ./packages/core/lib/release-reader.js
// The read side of a release: given its git tag (or release id and env), fetch the manifest
// tag-release recorded and validate it. The annotated tag's message is the record: a GitHub
// release and its `manifest.json` asset can be edited or replaced by anyone with write access
// long after the release was made, while the tag object (content-addressed, and protectable
// by a tag ruleset) cannot change under its sha. So the manifest is read from the tag, and a
// release asset that says anything else is refused as tampered. Manifests of older schema
// versions are upgraded step by step to the current one, so any release ever recorded can be
// redeployed or rolled back to.





/** Neither a GitHub release nor a git tag exists under the tag: the release was never recorded. */
class ReleaseNotFoundError extends errors/* UserError */.yo {
    name = 'ReleaseNotFoundError';
}
/** Name of the release asset that holds the manifest. */
const MANIFEST_ASSET = 'manifest.json';
/**
 * Upgraders keyed by the schema they read. There is only v1 today; when v2 arrives, add
 * `'immut.release/v1': (m) => ({ ...m, schema: 'immut.release/v2', … })` here.
 */
const MANIFEST_UPGRADERS = {};
function schemaOf(value) {
    return value && typeof value === 'object' ? value.schema : undefined;
}
/** Validates a manifest of any known schema version, upgraded to the current one. */
function upgradeManifest(value, upgraders = MANIFEST_UPGRADERS) {
    let current = value;
    const seen = new Set();
    while (schemaOf(current) !== MANIFEST_SCHEMA) {
        const schema = schemaOf(current);
        const upgrade = typeof schema === 'string' ? upgraders[schema] : undefined;
        if (!upgrade || seen.has(schema)) {
            const known = [...Object.keys(upgraders), MANIFEST_SCHEMA].join(', ');
            throw new ManifestError(`Release manifest has schema '${String(schema)}', which this version of immut cannot read (it reads ${known}). A newer immut may have written it: upgrade the immut actions.`);
        }
        seen.add(schema);
        current = upgrade(current);
    }
    return validateManifest(current);
}
/** Parses manifest JSON of any known schema version. */
function manifestFromJson(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new ManifestError(`Release manifest is not valid JSON: ${error.message}`);
    }
    return upgradeManifest(value);
}
/** The annotated tag's message: a title line, a blank line, the manifest JSON. */
function tagMessage(manifest) {
    return `immut release ${manifest.release} (${manifest.env})\n\n${writeManifest(manifest)}`;
}
/** The JSON text inside a tag message written by `tagMessage` (a signature may follow). */
function manifestJsonInTagMessage(message) {
    const start = message.indexOf('{');
    const end = message.lastIndexOf('}');
    if (start < 0 || end < start)
        throw new ManifestError('The tag message holds no release manifest.');
    return message.slice(start, end + 1);
}
/** The manifest inside a tag message written by `tagMessage` (a signature may follow). */
function manifestFromTagMessage(message) {
    return manifestFromJson(manifestJsonInTagMessage(message));
}
/** The git tag of a release id (`<role>-<build>`) in an env. */
function tagForRelease(release, env) {
    const match = /^(.+)-([^-]+)$/.exec(release);
    if (!match || !lib_identity/* BUILD_RULE */.iz.pattern.test(match[2] ?? '') || !lib_identity/* ENV_RULE */.$G.pattern.test(env)) {
        throw new errors/* UserError */.yo(`Release '${release}' in env '${env}' is not a release id; expected <role>-<build> (e.g. api-b000042) and an env such as prod.`);
    }
    return gitTag({ role: match[1] ?? '', build: match[2] ?? '', env });
}
function resolveTag(options) {
    if (options.tag) {
        if (!parseGitTag(options.tag)) {
            throw new errors/* UserError */.yo(`'${options.tag}' is not an immut release tag; expected immut/<env>/<role>/<build>.`);
        }
        return options.tag;
    }
    if (options.release && options.env)
        return tagForRelease(options.release, options.env);
    throw new errors/* UserError */.yo('readRelease needs a tag, or a release id and an env.');
}
/** Reads an asset's bytes as text (GitHub answers 200 with them or redirects to them). */
async function downloadAsset(octokit, where) {
    const { data } = await octokit.rest.repos.getReleaseAsset({
        owner: where.owner,
        repo: where.repo,
        asset_id: where.assetId,
        headers: { accept: 'application/octet-stream' },
    });
    const bytes = data;
    if (typeof bytes === 'string')
        return bytes;
    if (bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes)) {
        return Buffer.from(bytes).toString('utf8');
    }
    return JSON.stringify(bytes);
}
/** Top-level or nested fields where two manifests differ: names only, never values. */
function differingFields(a, b, prefix = '') {
    const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isObject(a) || !isObject(b))
        return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix || '(root)'];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => differingFields(a[k], b[k], prefix ? `${prefix}.${k}` : k));
}
/** The release asset says something other than the annotated tag: it was changed afterwards. */
class TamperedReleaseError extends ManifestError {
    name = 'TamperedReleaseError';
}
/**
 * Reads and validates a release's manifest from its annotated tag; throws a UserError when
 * the release does not exist, its tag is not one tag-release wrote, or its GitHub release
 * asset differs from the tag (tampered).
 */
async function readReleaseDetails(options) {
    const { octokit, owner, repo } = options;
    const tag = resolveTag(options);
    const repository = `${owner}/${repo}`;
    const read = (what) => ({ what, write: false, repository });
    const ref = await (0,github_calls/* gitHubFind */.LN)(read(`reading the git tag ${tag}`), () => octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }));
    if (!ref) {
        throw new ReleaseNotFoundError(`No release '${tag}' in ${repository}: no git tag of that name exists (the annotated tag holds the manifest; a GitHub release alone is not trusted). Give the tag tag-release recorded (its 'tag' output).`);
    }
    if (ref.data.object.type !== 'tag') {
        throw new ManifestError(`The git tag ${tag} is a lightweight tag, not one tag-release wrote: it holds no manifest.`);
    }
    const object = await (0,github_calls/* gitHubCall */.S5)(read(`reading the git tag ${tag}`), () => octokit.rest.git.getTag({ owner, repo, tag_sha: ref.data.object.sha }));
    // The ref may be moved to another tag object; the object names the tag it was made as.
    if (object.data.tag !== tag || object.data.object.type !== 'commit') {
        throw new ManifestError(`The git tag ${tag} points at a tag object made as '${object.data.tag}' on a ${object.data.object.type}, not one tag-release wrote for ${tag}; refusing it. Re-record the release with tag-release.`);
    }
    const manifest = manifestFromTagMessage(object.data.message);
    if (gitTag(manifest) !== tag) {
        throw new ManifestError(`The manifest under ${tag} is for ${gitTag(manifest)}; a release tag must carry its own manifest.`);
    }
    if (manifest.source.sha !== object.data.object.sha) {
        throw new ManifestError(`The git tag ${tag} is on commit ${object.data.object.sha}, but its manifest was recorded from ${manifest.source.sha}; tag-release tags the commit it ran on, so this tag was remade. Refusing it.`);
    }
    const release = await (0,github_calls/* gitHubFind */.LN)(read(`reading the release ${tag}`), () => octokit.rest.repos.getReleaseByTag({ owner, repo, tag }));
    const asset = release?.data.assets.find((a) => a.name === MANIFEST_ASSET);
    if (release && asset) {
        const text = await (0,github_calls/* gitHubCall */.S5)(read(`downloading ${MANIFEST_ASSET} of ${tag}`), () => downloadAsset(octokit, { owner, repo, assetId: asset.id }));
        const tampered = (why) => new TamperedReleaseError(`The ${MANIFEST_ASSET} of the GitHub release ${tag} differs from the manifest in its annotated tag (${why}): it was changed after tag-release recorded the release. immut launches only what the tag records and refuses a tampered release; find out who edited ${release.data.html_url}, then delete the asset and re-run tag-release for this build to restore it.`);
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            throw tampered('the asset is not JSON');
        }
        // Compared as written (before any upgrade): tag-release writes the same JSON to both.
        const fields = differingFields(JSON.parse(manifestJsonInTagMessage(object.data.message)), parsed);
        if (fields.length > 0)
            throw tampered(`fields ${fields.slice(0, 10).join(', ')}`);
    }
    return {
        manifest,
        tag,
        from: 'tag-message',
        ...(release ? { releaseUrl: release.data.html_url } : {}),
    };
}
/** `readRelease({ octokit, owner, repo, tag })` → the validated manifest. */
async function readRelease(options) {
    return (await readReleaseDetails(options)).manifest;
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/CreateLaunchTemplateCommand.js
var CreateLaunchTemplateCommand = __webpack_require__(4450);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/GetHostedZoneCommand.js
var GetHostedZoneCommand = __webpack_require__(2744);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListHostedZonesByNameCommand.js
var ListHostedZonesByNameCommand = __webpack_require__(8911);
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
        [TAG.release]: (0,lib_identity/* releaseId */.Bf)(id),
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
        throw new errors/* GuardError */.U$(`Refusing to modify ${resource.kind} ${resource.id}: ${problem}. immut only changes resources it created for role '${expected.role}' in env '${expected.env}'.`);
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
        throw new GuardError(`Refusing to change ${record.Name}: that TXT record is not an immut history record (it holds ${JSON.stringify(record.ResourceRecords?.map((r) => r.Value))}). Delete it or pick another name.`);
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
    const send = (what, call) => throttle_retry_retryThrottledIf(calls, what, call);
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
    const wanted = fqdn(name);
    const found = [];
    let identifier;
    // A hand-written loop: the SDK ships no paginator for ListResourceRecordSets.
    for (;;) {
        const page = await send(`reading ${type} records of ${wanted}`, () => route53.send(new ListResourceRecordSetsCommand({
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListResourceRecordSetsCommand.js
var commands_ListResourceRecordSetsCommand = __webpack_require__(6845);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/GetChangeCommand.js
var GetChangeCommand = __webpack_require__(8395);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ChangeResourceRecordSetsCommand.js
var ChangeResourceRecordSetsCommand = __webpack_require__(5081);
;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/ownership.js
// What every reuse (re-run) and every delete (post) of this action checks first: core's
// guard (immut's tags, same role and env) plus the build, so a launch never adopts or
// removes another build's resources even when a name matches.


function assertOwnBuild(kind, id, tags, identity) {
    assertManaged({ kind, id, tags }, identity);
    if (tags[TAG.build] !== identity.build) {
        throw new errors/* GuardError */.U$(`Refusing to modify ${kind} ${id}: it belongs to build '${tags[TAG.build] ?? '(none)'}', not '${identity.build}'. immut only changes what this build created.`);
    }
}
/** The kinds this action records for its post step, in the order they are created. */
const KIND = {
    loadBalancer: 'load-balancer',
    targetGroup: 'target-group',
    listener: 'listener',
    launchTemplate: 'launch-template',
    autoScalingGroup: 'auto-scaling-group',
    dnsRecord: 'dns-record',
};

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/dns.js
// The build's own DNS name, `<build>.<role>.<env>.<zone>`: an alias to its load balancer,
// so the build can be tried before cutover. Route 53 records carry no tags, so ownership
// is proven through the alias target: a record is only ever removed when it points at a
// load balancer carrying this build's tags.






/** The cleanup id of a record: `<zone id>/<name>`. */
function recordId(zoneId, name) {
    return `${zoneId}/${name}`;
}
function parseRecordId(id) {
    const slash = id.indexOf('/');
    return { zoneId: id.slice(0, slash), name: id.slice(slash + 1) };
}
/** Compares alias DNS names as Route 53 does: case, trailing dot and `dualstack.` ignored. */
function sameDnsName(a, b) {
    return bareDnsName(a) === bareDnsName(b);
}
/**
 * Route 53 throttles per account, for all of its calls together (a token bucket refilled at
 * 10 requests a second: Route 53 developer guide, "Throttling of Route 53 API requests"): a
 * world releasing hundreds of roles at once meets that limit, so launch's Route 53 calls retry
 * throttling until the action's deadline (throttle-retry.ts), beyond the SDK's few attempts.
 */
function route53Calls(wait) {
    return { clock: wait.clock, log: wait.log, deadline: { remaining: wait.remaining } };
}
/** The A record of exactly `name` in the zone, if any. */
async function findRecord(route53, zoneId, name, calls) {
    const out = await throttle_retry_retryThrottledIf(calls, `reading DNS name ${name}`, () => route53.send(new commands_ListResourceRecordSetsCommand/* ListResourceRecordSetsCommand */.I({
        HostedZoneId: zoneId,
        StartRecordName: name,
        StartRecordType: 'A',
        MaxItems: 1,
    })));
    const record = out.ResourceRecordSets?.[0];
    return record && normalizeDnsName(record.Name ?? '') === normalizeDnsName(name) && record.Type === 'A'
        ? record
        : undefined;
}
async function waitInsync(route53, changeId, what, wait) {
    await waitFor({
        what,
        clock: wait.clock,
        log: wait.log,
        timeoutMs: wait.remaining(),
        // A change just made: due in AWS_WAITS.route53Insync, then the waiter's cadence.
        expectedMs: AWS_WAITS.route53Insync.expectedMs,
        minDelayMs: AWS_WAITS.route53Insync.cadenceMs,
        maxDelayMs: 30_000,
        check: async () => {
            const out = await retryThrottled(route53Calls(wait), `reading change ${changeId}`, () => route53.send(new GetChangeCommand/* GetChangeCommand */.Y({ Id: changeId })));
            const status = out.ChangeInfo?.Status ?? 'unknown';
            return status === 'INSYNC' ? { done: true, value: undefined } : { done: false, state: status };
        },
    });
}
/**
 * Creates the alias (CREATE, so a record someone else made is never overwritten) and waits
 * until Route 53 reports it INSYNC. The CREATE comes first, without a look beforehand: the
 * usual release finds no record, and a refused CREATE says when one exists. A record already
 * aliasing this load balancer (an earlier attempt) is then kept as it is. With `madeByPrepare`
 * (a prepare step of this run made the front end, and with it the name: prepare.ts) the record
 * is read first instead, and kept without a change or a wait when it aliases the load balancer.
 */
async function ensureBuildRecord(route53, spec, cleanup, region, wait, madeByPrepare = false) {
    const calls = route53Calls(wait);
    if (madeByPrepare) {
        const existing = await findRecord(route53, spec.zoneId, spec.name, calls);
        if (existing?.AliasTarget && sameDnsName(existing.AliasTarget.DNSName ?? '', spec.lbDnsName)) {
            wait.log(`DNS name ${spec.name} was made with the load balancer by the prepare step; keeping it.`);
            return { created: false };
        }
    }
    // Recorded before the CREATE: a run cancelled between the two must not leave the name
    // behind (post deletes it only if it exists and aliases this build's load balancer).
    const id = recordId(spec.zoneId, spec.name);
    cleanup.record({ kind: KIND.dnsRecord, id, region });
    let changeId;
    try {
        const out = await retryThrottled(calls, `creating DNS name ${spec.name}`, () => createAlias(route53, spec));
        changeId = out.ChangeInfo?.Id ?? '';
    }
    catch (error) {
        if (!(error instanceof Error && error.name === 'InvalidChangeBatch'))
            throw error;
        // Refused: nothing of this attempt's to remove. Most often the name exists already.
        cleanup.forget?.(KIND.dnsRecord, id);
        const existing = await findRecord(route53, spec.zoneId, spec.name, calls);
        if (!existing)
            throw error;
        const alias = existing.AliasTarget;
        if (alias && sameDnsName(alias.DNSName ?? '', spec.lbDnsName)) {
            wait.log(`DNS name ${spec.name} already points at the load balancer; keeping it.`);
            return { created: false };
        }
        const target = alias
            ? `alias ${alias.DNSName}`
            : (existing.ResourceRecords ?? []).map((r) => r.Value).join(', ');
        throw new errors/* UserError */.yo(`DNS name ${spec.name} already exists and points elsewhere (${target}); immut does not overwrite a record it cannot prove it made. Delete it, or launch a new build.`);
    }
    await waitInsync(route53, changeId, `DNS name ${spec.name} to be in sync`, wait);
    return { created: true, changeId };
}
/** The build name's CREATE (never an overwrite). */
async function createAlias(route53, spec) {
    return route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
        HostedZoneId: spec.zoneId,
        ChangeBatch: {
            Comment: `immut launch-behind-lb: build name ${spec.name}`,
            Changes: [
                {
                    Action: 'CREATE',
                    ResourceRecordSet: {
                        Name: spec.name,
                        Type: 'A',
                        AliasTarget: {
                            HostedZoneId: spec.lbZoneId,
                            DNSName: spec.lbDnsName,
                            EvaluateTargetHealth: true,
                        },
                    },
                },
            ],
        },
    }));
}
/** Deletes the record exactly as it is (Route 53 requires every value to match). */
async function deleteRecord(route53, zoneId, record) {
    await route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
        HostedZoneId: zoneId,
        ChangeBatch: { Changes: [{ Action: 'DELETE', ResourceRecordSet: record }] },
    }));
}

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/env-file.js
// The application's configuration as one environment file, delivered through user data.
// The application learns nothing about where it runs except these flags (CONTRACTS.md):
// the release's flags, the `flags` input, and ROLE, ENV, BUILD, RELEASE, DB_ENDPOINT and
// LOG_DIR. Every value is checked (whatever its source: a manifest field as much as an
// input) and written with core's one quoting function, which both a POSIX shell and systemd's
// EnvironmentFile= read back as data. The user data carries the file as base64, so nothing
// in a value can end a heredoc or reach the shell that runs the user data.



/** Where the file lands on the instance; the baked image's service units read it. */
const ENV_FILE_PATH = '/etc/immut/app.env';
/** EC2's limit on user data, in bytes before base64 (RunInstances model docs). */
const USER_DATA_LIMIT = 16_384;
/** Keys immut sets itself; a flag may not redefine them. */
const RESERVED_KEYS = ['ROLE', 'ENV', 'BUILD', 'RELEASE', 'DB_ENDPOINT', 'LOG_DIR'];
const KEY = /^[A-Z_][A-Z0-9_]*$/;
/** Merges and checks the flags; throws one UserError listing every problem. */
function buildEnvFile(sources) {
    const problems = [];
    const check = (origin, flags) => {
        for (const [key, value] of Object.entries(flags)) {
            if (!KEY.test(key)) {
                problems.push(`${origin} '${key}' is not an environment variable name (A–Z, 0–9, _)`);
                continue;
            }
            if (RESERVED_KEYS.includes(key))
                problems.push(`${origin} '${key}' is set by immut itself and cannot be given as a flag`);
            // The message names the flag, never its value.
            const problem = envValueProblem(value);
            if (problem)
                problems.push(`${origin} '${key}' cannot be written: ${problem}`);
            const secret = (0,secrets/* secretReason */.r)(key, value);
            if (secret)
                problems.push(`${origin} '${key}' is refused: ${secret}`);
        }
    };
    check('release flag', sources.release);
    check("'flags' input key", sources.input);
    // immut's own values were checked where they came from (the manifest schema types the DB
    // endpoint as a host name); checked again here because this is where they meet the file.
    for (const [key, value] of Object.entries(sources.immut)) {
        if (!KEY.test(key))
            problems.push(`immut's own variable '${key}' is not an environment variable name`);
        const problem = envValueProblem(value);
        if (problem)
            problems.push(`immut's own variable ${key} cannot be written: ${problem}`);
    }
    if (problems.length > 0) {
        throw new errors/* UserError */.yo(`The application's flags cannot be written to its environment file: ${problems.join('; ')}.`);
    }
    const overridden = Object.keys(sources.input).filter((k) => k in sources.release);
    const merged = { ...sources.release, ...sources.input, ...sources.immut };
    const variables = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : 1)));
    return { variables, overridden };
}
/** Variables whose values cannot be written as one line of the file; [] when all can. */
function unwritable(variables) {
    return Object.entries(variables)
        .filter(([key, value]) => !KEY.test(key) || envValueProblem(value) !== undefined)
        .map(([key]) => key);
}
/**
 * The file's text: a comment, then one `KEY="value"` line per variable. The format is what
 * systemd.exec(5) documents for EnvironmentFile= and also a POSIX shell script (`set -a; .
 * file`): `#` starts a comment, a double-quoted value keeps everything but `\` escapes of
 * `\ " $ \``, which `quote` writes for both. Throws for a value that `buildEnvFile` refuses.
 */
function renderEnvFile(variables) {
    const bad = unwritable(variables);
    if (bad.length > 0)
        throw new Error(`refusing to render unchecked variables: ${bad.join(', ')}`);
    return [
        '# Written by immut launch-behind-lb at first boot; read by the service units (EnvironmentFile=).\n',
        ...Object.entries(variables).map(([key, value]) => `${key}=${quote(value)}\n`),
    ].join('');
}
/**
 * The user data script: writes the environment file at first boot, readable by root and the
 * file's group only. The file travels as one base64 word in single quotes (only A–Z, a–z,
 * 0–9, `+`, `/`, `=`), so no value is ever parsed by this shell. It is written beside the
 * target and renamed, so a service never reads half a file. `envFile` is for tests.
 */
function renderUserData(variables, envFile = ENV_FILE_PATH) {
    // Plain paths stay unquoted, so the script reads as it always did.
    const path = (p) => (/^[A-Za-z0-9/._-]+$/.test(p) ? p : quote(p));
    const directory = envFile.slice(0, envFile.lastIndexOf('/'));
    const encoded = Buffer.from(renderEnvFile(variables), 'utf8').toString('base64');
    return [
        '#!/bin/sh',
        `# immut launch-behind-lb: the application environment (${Object.keys(variables).join(' ')}).`,
        'set -eu',
        'umask 027',
        `mkdir -p ${path(directory)}`,
        `printf '%s' '${encoded}' | base64 -d > ${path(`${envFile}.tmp`)}`,
        `mv -f ${path(`${envFile}.tmp`)} ${path(envFile)}`,
        '',
    ].join('\n');
}
/** Base64 user data; throws before anything is launched when EC2 would refuse its size. */
function encodeUserData(script) {
    const bytes = Buffer.byteLength(script, 'utf8');
    if (bytes > USER_DATA_LIMIT) {
        throw new errors/* UserError */.yo(`The user data with the application's environment file is ${bytes} bytes; EC2 allows ${USER_DATA_LIMIT}. Keep large values out of flags (store them in SSM Parameter Store and pass the parameter name).`);
    }
    return { base64: Buffer.from(script, 'utf8').toString('base64'), bytes };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/commands/DescribeAutoScalingGroupsCommand.js
var DescribeAutoScalingGroupsCommand = __webpack_require__(3509);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/commands/CreateAutoScalingGroupCommand.js
var CreateAutoScalingGroupCommand = __webpack_require__(2409);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/commands/PutScalingPolicyCommand.js
var PutScalingPolicyCommand = __webpack_require__(7904);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/commands/DescribeScalingActivitiesCommand.js
var DescribeScalingActivitiesCommand = __webpack_require__(7645);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeLaunchTemplatesCommand.js
var DescribeLaunchTemplatesCommand = __webpack_require__(5060);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetHealthCommand.js
var commands_DescribeTargetHealthCommand = __webpack_require__(7992);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeLoadBalancersCommand.js
var DescribeLoadBalancersCommand = __webpack_require__(9506);
;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/health.js
// The health gate: nothing points at a build until its load balancer is active and every
// server passes the load balancer's health check (fleet.ts waits for the group's servers).
// On timeout the error lists each server's state and AWS's reason, which is usually all a
// user needs to find the cause.


/**
 * Waits until the load balancer is active. `lb` as this run last saw it: one found active
 * (prepared by an earlier job) needs no call; one just created is not due for minutes, so
 * the first poll waits until then (AWS_WAITS.loadBalancerActive) and then polls at the
 * ELBv2 waiter's cadence.
 */
async function waitLoadBalancerActive(elb, lb, name, wait) {
    if (lb.state === 'active') {
        wait.log(`Load balancer ${name} is active.`);
        return;
    }
    const arn = lb.arn;
    await waitFor({
        what: `load balancer ${name} to be active`,
        clock: wait.clock,
        log: wait.log,
        timeoutMs: wait.remaining(),
        ...(lb.created ? { expectedMs: AWS_WAITS.loadBalancerActive.expectedMs } : {}),
        minDelayMs: AWS_WAITS.loadBalancerActive.cadenceMs,
        maxDelayMs: 30_000,
        check: async () => {
            const out = await elb.send(new DescribeLoadBalancersCommand/* DescribeLoadBalancersCommand */.A({ LoadBalancerArns: [arn] }));
            const state = out.LoadBalancers?.[0]?.State;
            if (state?.Code === 'active')
                return { done: true, value: undefined };
            if (state?.Code === 'failed')
                return { failed: true, reason: `it failed: ${state.Reason ?? 'no reason given'}` };
            return { done: false, state: state?.Code ?? 'unknown' };
        },
    });
}
function targetStates(descriptions) {
    return descriptions.map((d) => ({
        id: d.Target?.Id ?? '',
        zone: d.Target?.AvailabilityZone ?? '',
        state: d.TargetHealth?.State ?? 'unknown',
        ...(d.TargetHealth?.Reason ? { reason: d.TargetHealth.Reason } : {}),
        ...(d.TargetHealth?.Description ? { description: d.TargetHealth.Description } : {}),
    }));
}
/** `i-0abc unhealthy (Target.Timeout: Request timed out)` for each target. */
function describeTargets(targets) {
    return targets
        .map((t) => {
        const why = [t.reason, t.description].filter(Boolean).join(': ');
        return `${t.id} ${t.state}${why ? ` (${why})` : ''}`;
    })
        .join(', ');
}
async function readTargets(elb, targetGroupArn, ids, port) {
    const out = await elb.send(new DescribeTargetHealthCommand({
        TargetGroupArn: targetGroupArn,
        Targets: ids.map((Id) => ({ Id, Port: port })),
    }));
    return targetStates(out.TargetHealthDescriptions ?? []);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeSubnetsCommand.js
var DescribeSubnetsCommand = __webpack_require__(787);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeImagesCommand.js
var DescribeImagesCommand = __webpack_require__(1048);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeSecurityGroupsCommand.js
var DescribeSecurityGroupsCommand = __webpack_require__(8988);
;// CONCATENATED MODULE: ./packages/core/lib/ec2-by-id.js
// EC2 reads of known ids, sent as filters. EC2 gives DescribeInstances, DescribeSecurityGroups
// and a few other reads a smaller token bucket (burst 50, refill 10/s) when they are called
// with neither a filter nor pagination, against 100 and 20/s for filtered reads ("Request
// throttling for the Amazon EC2 API", EC2 Developer Guide). A release polls its builder and
// checks its groups while hundreds of others do the same in the account, so the filtered form
// halves how soon those reads are throttled. An unknown id then comes back missing instead of
// failing the call (InvalidInstanceID.NotFound, InvalidGroup.NotFound).

/** The instance with this id, or undefined if EC2 does not (or not yet) list it. */
async function instanceById(ec2, instanceId) {
    const out = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }));
    return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === instanceId);
}
/** The security groups with these ids (an instance takes at most 16), and the ids not found. */
async function securityGroupsById(ec2, groupIds) {
    const groups = [];
    let token;
    do {
        const out = await ec2.send(new DescribeSecurityGroupsCommand/* DescribeSecurityGroupsCommand */.j({
            Filters: [{ Name: 'group-id', Values: [...groupIds] }],
            ...(token ? { NextToken: token } : {}),
        }));
        groups.push(...(out.SecurityGroups ?? []));
        token = out.NextToken;
    } while (token);
    const found = new Set(groups.map((g) => g.GroupId));
    return { groups, missing: groupIds.filter((id) => !found.has(id)) };
}

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/preflight.js
// Read-only checks before anything is created: the subnets, security groups and image the
// inputs name must exist and fit together, so a bad value fails with a clear message and
// leaves nothing half-created behind. (The hosted zone: core's hosted-zone.ts.)



function awsErrorName(error) {
    return error instanceof Error ? error.name : '';
}
async function checkNetwork(ec2, subnetIds) {
    let found;
    try {
        found = await ec2.send(new DescribeSubnetsCommand/* DescribeSubnetsCommand */.j({ SubnetIds: [...subnetIds] }));
    }
    catch (error) {
        if (awsErrorName(error) === 'InvalidSubnetID.NotFound') {
            throw new errors/* UserError */.yo(`Input 'subnet-ids' was '${subnetIds.join(',')}': ${error.message}; expected subnets of this region.`);
        }
        throw error;
    }
    const byId = new Map((found.Subnets ?? []).map((s) => [s.SubnetId ?? '', s]));
    const subnets = subnetIds.map((id) => ({ id, zone: byId.get(id)?.AvailabilityZone ?? '' }));
    const vpcs = [...new Set(subnetIds.map((id) => byId.get(id)?.VpcId ?? ''))];
    if (vpcs.length !== 1 || !vpcs[0]) {
        throw new errors/* UserError */.yo(`Input 'subnet-ids' was '${subnetIds.join(',')}': the subnets are in different VPCs (${vpcs.join(', ')}); expected subnets of one VPC.`);
    }
    const lbSubnets = [];
    const zones = new Set();
    for (const s of subnets) {
        if (zones.has(s.zone))
            continue;
        zones.add(s.zone);
        lbSubnets.push(s.id);
    }
    if (zones.size < 2) {
        throw new errors/* UserError */.yo(`Input 'subnet-ids' was '${subnetIds.join(',')}': all in ${[...zones].join(', ')}; expected subnets in at least two availability zones (a load balancer needs two).`);
    }
    return { vpcId: vpcs[0], subnets, lbSubnets };
}
/**
 * The network as the prepared load balancer (read by ARN just now) shows it, when the inputs
 * ask for exactly what it stands on: the same subnets (one per zone, so each subnet's zone is
 * on record) and the same security groups for servers and load balancer. ELBv2 checked those
 * subnets and groups (one VPC, at least two zones) when it made the load balancer, and neither
 * can be deleted while its network interfaces use them, so DescribeSubnets and
 * DescribeSecurityGroups would only say it again. Undefined otherwise: the caller checks.
 */
function networkOfLoadBalancer(lb, inputs) {
    const zoneOf = new Map((lb.AvailabilityZones ?? []).map((z) => [z.SubnetId ?? '', z.ZoneName ?? '']));
    const same = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
    if (!lb.VpcId || !same(inputs.subnetIds, [...zoneOf.keys()]))
        return undefined;
    if (!same(inputs.lbSecurityGroupIds, lb.SecurityGroups ?? []))
        return undefined;
    if (!same(inputs.securityGroupIds, inputs.lbSecurityGroupIds))
        return undefined;
    const subnets = inputs.subnetIds.map((id) => ({ id, zone: zoneOf.get(id) ?? '' }));
    if (subnets.some((s) => !s.zone) || new Set(subnets.map((s) => s.zone)).size !== subnets.length)
        return undefined;
    return { vpcId: lb.VpcId, subnets, lbSubnets: subnets.map((s) => s.id) };
}
async function checkSecurityGroups(ec2, input, groupIds, vpcId) {
    const { groups, missing } = await securityGroupsById(ec2, groupIds);
    if (missing.length > 0) {
        throw new errors/* UserError */.yo(`Input '${input}' was '${groupIds.join(',')}': ${missing.join(', ')} not found in this region; expected security groups of this region.`);
    }
    const elsewhere = groups.filter((g) => g.VpcId !== vpcId).map((g) => g.GroupId);
    if (elsewhere.length > 0) {
        throw new errors/* UserError */.yo(`Input '${input}' was '${groupIds.join(',')}': ${elsewhere.join(', ')} not in the subnets' VPC ${vpcId}; expected security groups of ${vpcId}.`);
    }
}
async function checkImage(ec2, imageId, origin) {
    let images;
    try {
        images = await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [imageId] }));
    }
    catch (error) {
        if (/^InvalidAMIID\./.test(awsErrorName(error))) {
            throw new errors/* UserError */.yo(`The image ${imageId} (from ${origin}) cannot be launched: ${error.message}.`);
        }
        throw error;
    }
    const image = images.Images?.[0];
    if (!image)
        throw new errors/* UserError */.yo(`The image ${imageId} (from ${origin}) does not exist in this region.`);
    if (image.State !== 'available') {
        throw new errors/* UserError */.yo(`The image ${imageId} (from ${origin}) is ${image.State ?? 'in an unknown state'}; expected an available image.`);
    }
    return image.Name ?? imageId;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/fleet.js
// The build's servers as a fleet that heals: one launch template (what a server is) and one
// Auto Scaling group (how many, where, checked by the load balancer) per build. The group
// never changes after launch: no instance refresh, no in-place update; a new release is a new
// group. A re-run first finds the template and group an earlier attempt of the same build made
// (by name, which AWS keeps unique per account and region, then by their tags), so a build
// never has two groups; anything newly created is recorded for the post step at once.










/** Tag with the digest of the fleet's settings: a re-run may only adopt an identical fleet. */
const LAUNCH_TAG = 'immut:launch-config';
/** The name of the one target-tracking policy a group gets when `scaling` is given. */
const SCALING_POLICY_NAME = 'immut-target-tracking';
const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** A short digest of everything that makes two fleets of a build the same fleet. */
function fleetDigest(spec) {
    return sha256(JSON.stringify([
        spec.imageId,
        spec.instanceType,
        spec.instanceTypes,
        [...spec.securityGroupIds].sort(),
        spec.instanceProfile ?? '',
        spec.userDataBase64,
        spec.subnets.map((s) => s.id),
        [spec.count, spec.min, spec.max, spec.gracePeriodSeconds],
        spec.scaling ?? null,
    ])).slice(0, 16);
}
/**
 * What every server of the build is: the image, type, profile, security groups, the flags as
 * user data, IMDSv2 only (the flags file is the configuration; nothing should scrape metadata),
 * and immut's tags on each server and its volumes.
 */
function launchTemplateData(spec, ctx) {
    const tags = toAwsTags(ctx.tagsFor(spec.instanceName));
    return {
        ImageId: spec.imageId,
        InstanceType: spec.instanceType,
        SecurityGroupIds: spec.securityGroupIds,
        UserData: spec.userDataBase64,
        ...(spec.instanceProfile ? { IamInstanceProfile: { Name: spec.instanceProfile } } : {}),
        MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
        TagSpecifications: [
            { ResourceType: 'instance', Tags: tags },
            { ResourceType: 'volume', Tags: tags },
        ],
    };
}
/** The CreateLaunchTemplate request, also sent with DryRun by the dry run. */
function launchTemplateParams(spec, ctx, digest) {
    return {
        LaunchTemplateName: spec.launchTemplateName,
        VersionDescription: `immut ${spec.instanceName}`,
        LaunchTemplateData: launchTemplateData(spec, ctx),
        TagSpecifications: [
            {
                ResourceType: 'launch-template',
                Tags: toAwsTags({ ...ctx.tagsFor(spec.launchTemplateName), [LAUNCH_TAG]: digest }),
            },
        ],
    };
}
const TEMPLATE_NOT_FOUND = new Set([
    'InvalidLaunchTemplateName.NotFoundException',
    'InvalidLaunchTemplateId.NotFound',
    'InvalidLaunchTemplateId.NotFoundException',
]);
const TEMPLATE_EXISTS = new Set(['InvalidLaunchTemplateName.AlreadyExistsException']);
const GROUP_EXISTS = new Set(['AlreadyExists', 'AlreadyExistsFault']);
async function findLaunchTemplate(ec2, name) {
    try {
        const out = await ec2.send(new DescribeLaunchTemplatesCommand/* DescribeLaunchTemplatesCommand */.f({ LaunchTemplateNames: [name] }));
        return out.LaunchTemplates?.find((t) => t.LaunchTemplateName === name);
    }
    catch (error) {
        if (TEMPLATE_NOT_FOUND.has(awsErrorName(error)))
            return undefined;
        throw error;
    }
}
/** Checks a template found by name is this build's and made with the same settings. */
function adoptTemplate(ctx, found, digest) {
    const id = found.LaunchTemplateId ?? '';
    const tags = fromAwsTags(found.Tags);
    assertOwnBuild('launch template', id, tags, ctx.identity);
    if (tags[LAUNCH_TAG] !== digest) {
        throw new errors/* UserError */.yo(`Launch template ${found.LaunchTemplateName ?? id} of build ${ctx.identity.build} already exists with other settings (another image, instance type, security groups, instance profile, flags or group size); launch a new build, or remove it first.`);
    }
    ctx.log(`Launch template ${found.LaunchTemplateName ?? id} already exists (an earlier attempt of this build); reusing it.`);
    return { id, name: found.LaunchTemplateName ?? '', created: false };
}
async function ensureLaunchTemplate(ctx, spec) {
    const digest = fleetDigest(spec);
    // Create first: names are unique, so a template left by an earlier attempt (or a create
    // that AWS served but whose answer was lost) answers "exists", and only then is it looked
    // up and adopted. A first launch saves the lookup.
    let created;
    try {
        const out = await ctx.ec2.send(new CreateLaunchTemplateCommand/* CreateLaunchTemplateCommand */.x(launchTemplateParams(spec, ctx, digest)));
        created = out.LaunchTemplate;
    }
    catch (error) {
        if (!TEMPLATE_EXISTS.has(awsErrorName(error)))
            throw error;
        const found = await findLaunchTemplate(ctx.ec2, spec.launchTemplateName);
        if (!found)
            throw error;
        return adoptTemplate(ctx, found, digest);
    }
    if (!created?.LaunchTemplateId) {
        throw new Error(`CreateLaunchTemplate returned no launch template for ${spec.launchTemplateName}`);
    }
    ctx.cleanup.record({ kind: KIND.launchTemplate, id: created.LaunchTemplateId, region: ctx.region });
    ctx.log(`Created launch template ${spec.launchTemplateName} (${created.LaunchTemplateId}).`);
    return { id: created.LaunchTemplateId, name: spec.launchTemplateName, created: true };
}
/**
 * The group's tags: immut's, propagated to every server it launches (AWS adds them at launch,
 * so a replacement carries them too), except the group's own Name and the settings digest.
 */
function groupTags(spec, ctx, digest) {
    const tags = { ...ctx.tagsFor(spec.groupName), [LAUNCH_TAG]: digest };
    return Object.entries(tags).map(([Key, Value]) => ({
        Key,
        Value,
        PropagateAtLaunch: Key !== TAG.name && Key !== LAUNCH_TAG,
        ResourceId: spec.groupName,
        ResourceType: 'auto-scaling-group',
    }));
}
function groupParams(spec, ctx, launchTemplateId, targetGroupArn) {
    const template = { LaunchTemplateId: launchTemplateId, Version: '$Latest' };
    return {
        AutoScalingGroupName: spec.groupName,
        ...(spec.instanceTypes.length > 1
            ? {
                MixedInstancesPolicy: {
                    LaunchTemplate: {
                        LaunchTemplateSpecification: template,
                        Overrides: spec.instanceTypes.map((InstanceType) => ({ InstanceType })),
                    },
                    // On-Demand only: a release's servers are not to be reclaimed at two minutes' notice.
                    InstancesDistribution: {
                        OnDemandPercentageAboveBaseCapacity: 100,
                        OnDemandAllocationStrategy: 'prioritized',
                    },
                },
            }
            : { LaunchTemplate: template }),
        MinSize: spec.min,
        MaxSize: spec.max,
        DesiredCapacity: spec.count,
        VPCZoneIdentifier: spec.subnets.map((s) => s.id).join(','),
        TargetGroupARNs: [targetGroupArn],
        HealthCheckType: 'ELB',
        HealthCheckGracePeriod: spec.gracePeriodSeconds,
        CapacityRebalance: true,
        Tags: groupTags(spec, ctx, fleetDigest(spec)),
    };
}
async function findGroup(autoscaling, name) {
    const out = await autoscaling.send(new DescribeAutoScalingGroupsCommand/* DescribeAutoScalingGroupsCommand */.N({ AutoScalingGroupNames: [name] }));
    return out.AutoScalingGroups?.find((g) => g.AutoScalingGroupName === name);
}
function groupTagsOf(group) {
    return fromAwsTags(group.Tags);
}
/** Whether AWS is deleting the group (its Status while DeleteAutoScalingGroup runs). */
function isDeleting(group) {
    return /delete in progress/i.test(group.Status ?? '');
}
function adoptGroup(ctx, group, spec) {
    const name = group.AutoScalingGroupName ?? spec.groupName;
    const tags = groupTagsOf(group);
    assertOwnBuild('Auto Scaling group', name, tags, ctx.identity);
    if (isDeleting(group)) {
        throw new errors/* UserError */.yo(`Auto Scaling group ${name} of build ${ctx.identity.build} is being deleted (a failed attempt's clean-up); run again once it is gone, or launch a new build.`);
    }
    if (tags[LAUNCH_TAG] !== fleetDigest(spec)) {
        throw new errors/* UserError */.yo(`Auto Scaling group ${name} of build ${ctx.identity.build} already exists with other settings (size, subnets, instance types, grace period or scaling); launch a new build, or remove it first.`);
    }
    ctx.log(`Auto Scaling group ${name} already exists (an earlier attempt of this build); reusing it.`);
    return { name, arn: group.AutoScalingGroupARN ?? '', created: false };
}
async function ensureGroup(ctx, spec, launchTemplateId, targetGroupArn) {
    // Create first, as for the template: group names are unique, so an earlier attempt's group,
    // a create served but unanswered, or a concurrent attempt of the same build leaves the one
    // group to adopt (after its checks), never a second.
    try {
        await ctx.autoscaling.send(new CreateAutoScalingGroupCommand/* CreateAutoScalingGroupCommand */.V(groupParams(spec, ctx, launchTemplateId, targetGroupArn)));
    }
    catch (error) {
        if (!GROUP_EXISTS.has(awsErrorName(error)))
            throw error;
        const found = await findGroup(ctx.autoscaling, spec.groupName);
        if (!found)
            throw error;
        return adoptGroup(ctx, found, spec);
    }
    ctx.cleanup.record({ kind: KIND.autoScalingGroup, id: spec.groupName, region: ctx.region });
    ctx.log(`Created Auto Scaling group ${spec.groupName}: ${spec.count} server(s) (min ${spec.min}, max ${spec.max}) in ${spec.subnets.map((s) => `${s.id} (${s.zone})`).join(', ')}, health check ELB after ${spec.gracePeriodSeconds}s.`);
    return { name: spec.groupName, created: true };
}
/**
 * `app/<lb name>/<id>/targetgroup/<tg name>/<id>`: how ALBRequestCountPerTarget names the
 * load balancer and target group whose requests it counts.
 */
function requestCountLabel(loadBalancerArn, targetGroupArn) {
    const lb = /:loadbalancer\/(app\/[^/]+\/[^/]+)$/.exec(loadBalancerArn)?.[1];
    const tg = /:(targetgroup\/[^/]+\/[^/]+)$/.exec(targetGroupArn)?.[1];
    if (!lb || !tg)
        throw new Error(`cannot derive a resource label from ${loadBalancerArn} and ${targetGroupArn}`);
    return `${lb}/${tg}`;
}
/** Target tracking on CPU or requests per target; PutScalingPolicy replaces a policy of the same name. */
async function ensureScaling(ctx, groupName, scaling, arns) {
    const metric = scaling.metric === 'cpu'
        ? { PredefinedMetricType: 'ASGAverageCPUUtilization' }
        : {
            PredefinedMetricType: 'ALBRequestCountPerTarget',
            ResourceLabel: requestCountLabel(arns.loadBalancerArn, arns.targetGroupArn),
        };
    await ctx.autoscaling.send(new PutScalingPolicyCommand/* PutScalingPolicyCommand */.O({
        AutoScalingGroupName: groupName,
        PolicyName: SCALING_POLICY_NAME,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingConfiguration: {
            PredefinedMetricSpecification: metric,
            TargetValue: scaling.target,
        },
    }));
    ctx.log(`Target tracking on ${groupName}: ${scaling.metric === 'cpu' ? `average CPU ${scaling.target}%` : `${scaling.target} requests per server`}.`);
}
/** The group's InService, Healthy servers that the target group also finds healthy. */
function healthyServers(group, targets) {
    const healthyTargets = new Set(targets.filter((t) => t.state === 'healthy').map((t) => t.id));
    return (group.Instances ?? [])
        .filter((i) => i.LifecycleState === 'InService' &&
        i.HealthStatus === 'Healthy' &&
        healthyTargets.has(i.InstanceId ?? ''))
        .map((i) => ({ id: i.InstanceId ?? '', zone: i.AvailabilityZone ?? '' }));
}
const LAUNCHING = new Set(['Pending', 'Pending:Wait', 'Pending:Proceed']);
/** Short of servers with none on its way: only then can failed launches explain the wait,
 *  so only then are the group's activities worth a call. */
function mayBeFailingToLaunch(group) {
    const live = (group.Instances ?? []).filter((i) => !/^Terminat/.test(i.LifecycleState ?? ''));
    if (live.length >= (group.DesiredCapacity ?? 0))
        return false;
    return !live.some((i) => LAUNCHING.has(i.LifecycleState ?? ''));
}
/**
 * Why the group cannot launch, when it is short of servers, none is on its way and its newest
 * launch attempts in as many tries as it has zones all failed: by then it has asked every
 * zone (it moves to another zone after a failed launch). Built from AWS's own messages.
 */
function launchFailure(group, activities, zones) {
    if (!mayBeFailingToLaunch(group))
        return undefined;
    const launches = [...activities]
        .filter((a) => /^Launching/i.test(a.Description ?? ''))
        .sort((a, b) => (b.StartTime?.getTime() ?? 0) - (a.StartTime?.getTime() ?? 0))
        .slice(0, Math.max(1, zones));
    if (launches.length < Math.max(1, zones) || launches.some((a) => a.StatusCode !== 'Failed'))
        return undefined;
    const messages = [...new Set(launches.map((a) => a.StatusMessage ?? a.Description ?? 'no reason given'))];
    return `Auto Scaling could not launch servers in any of the subnets' zones: ${messages.join('; ')}`;
}
async function readTargetGroup(elb, arn) {
    const out = await elb.send(new commands_DescribeTargetHealthCommand/* DescribeTargetHealthCommand */.q({ TargetGroupArn: arn }));
    return targetStates(out.TargetHealthDescriptions ?? []);
}
async function newestActivities(autoscaling, groupName) {
    const out = await autoscaling.send(new DescribeScalingActivitiesCommand/* DescribeScalingActivitiesCommand */.h({ AutoScalingGroupName: groupName, MaxRecords: 20 }));
    return out.Activities ?? [];
}
/**
 * Waits until the group has `count` servers InService and Healthy that the target group finds
 * healthy too. Capacity is the group's to find across its subnets; only when every zone failed
 * does the wait stop early, with AWS's reasons.
 */
async function waitFleetHealthy(watch, wait) {
    return waitFor({
        what: `Auto Scaling group ${watch.groupName} to have ${watch.count} healthy server(s) in service`,
        clock: wait.clock,
        log: wait.log,
        timeoutMs: wait.remaining(),
        ...(watch.createdAt !== undefined
            ? { expectedMs: Math.max(0, AWS_WAITS.fleetHealthy.expectedMs - (wait.clock.now() - watch.createdAt)) }
            : {}),
        minDelayMs: watch.createdAt !== undefined ? AWS_WAITS.fleetHealthy.cadenceMs : 5_000,
        maxDelayMs: 20_000,
        check: async () => {
            const group = await findGroup(watch.autoscaling, watch.groupName);
            if (!group)
                return { failed: true, reason: `the group ${watch.groupName} no longer exists` };
            const targets = await readTargetGroup(watch.elb, watch.targetGroupArn);
            const servers = healthyServers(group, targets);
            const inService = (group.Instances ?? []).filter((i) => i.LifecycleState === 'InService').length;
            // Target tracking may scale in below count before the launch is done: then the group's
            // own desired size is what "all healthy" means.
            const wanted = Math.max(1, Math.min(watch.count, group.DesiredCapacity ?? watch.count));
            if (servers.length >= wanted) {
                const ids = new Set(servers.map((s) => s.id));
                return {
                    done: true,
                    value: {
                        servers,
                        desired: group.DesiredCapacity ?? watch.count,
                        inService,
                        targets: targets.filter((t) => ids.has(t.id)),
                    },
                };
            }
            const failure = mayBeFailingToLaunch(group)
                ? launchFailure(group, await newestActivities(watch.autoscaling, watch.groupName), watch.zones)
                : undefined;
            if (failure)
                return { failed: true, reason: failure };
            return {
                done: false,
                state: `${servers.length}/${watch.count} healthy, ${inService} in service of ${group.DesiredCapacity ?? '?'} desired${targets.length > 0 ? `; targets: ${describeTargets(targets)}` : ''}`,
            };
        },
    });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTagsCommand.js
var DescribeTagsCommand = __webpack_require__(7374);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/CreateLoadBalancerCommand.js
var CreateLoadBalancerCommand = __webpack_require__(5888);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetGroupsCommand.js
var DescribeTargetGroupsCommand = __webpack_require__(8358);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/CreateTargetGroupCommand.js
var CreateTargetGroupCommand = __webpack_require__(6318);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeListenersCommand.js
var DescribeListenersCommand = __webpack_require__(2672);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/CreateListenerCommand.js
var CreateListenerCommand = __webpack_require__(8374);
;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/load-balancer.js
// The build's load balancer, target group and listener. Each is looked up by its name
// first: a re-run finds what an earlier attempt of the same build made (after checking
// its tags) and carries on; anything newly created is recorded for the post step at once.






/** The tags of `arn`: from `knownTags` when read already, else one DescribeTags. */
async function tagsFor(ctx, arn) {
    return ctx.knownTags?.get(arn) ?? tagsOf(ctx.elb, arn);
}
/** One DescribeTags for up to 20 resources (ELBv2's limit per call), by ARN. */
async function tagsOfMany(elb, arns) {
    const known = new Map();
    for (let i = 0; i < arns.length; i += 20) {
        const out = await elb.send(new DescribeTagsCommand/* DescribeTagsCommand */.y({ ResourceArns: arns.slice(i, i + 20) }));
        for (const d of out.TagDescriptions ?? [])
            if (d.ResourceArn)
                known.set(d.ResourceArn, fromAwsTags(d.Tags));
    }
    return known;
}
/** Records a reused resource for the post step when this run made it (see cleanupRun). */
function recordIfThisRun(ctx, kind, id, tags) {
    if (!ctx.cleanupRun || tags[TAG.run] !== ctx.cleanupRun)
        return;
    ctx.cleanup.record({ kind, id, region: ctx.region });
    ctx.log(`It was made by this run's prepare step: a failed launch removes it with the rest of the build.`);
}
async function tagsOf(elb, arn) {
    const out = await elb.send(new DescribeTagsCommand/* DescribeTagsCommand */.y({ ResourceArns: [arn] }));
    return fromAwsTags(out.TagDescriptions?.[0]?.Tags);
}
function lbInfo(lb, created) {
    return {
        arn: lb.LoadBalancerArn ?? '',
        dnsName: lb.DNSName ?? '',
        zoneId: lb.CanonicalHostedZoneId ?? '',
        state: lb.State?.Code ?? 'unknown',
        created,
    };
}
/** The load balancer with this ARN (a prepare step's output), or a clear error naming the input. */
async function loadBalancerByArn(elb, arn) {
    try {
        const out = await elb.send(new DescribeLoadBalancersCommand/* DescribeLoadBalancersCommand */.A({ LoadBalancerArns: [arn] }));
        const lb = out.LoadBalancers?.[0];
        if (lb)
            return lb;
    }
    catch (error) {
        if (awsErrorName(error) !== 'LoadBalancerNotFoundException')
            throw error;
    }
    throw new errors/* UserError */.yo(`Input 'load-balancer-arn' was '${arn.slice(0, 200)}': no such load balancer in this region; expected the load-balancer-arn output of this build's prepare step.`);
}
async function findLoadBalancer(elb, name) {
    try {
        const out = await elb.send(new DescribeLoadBalancersCommand/* DescribeLoadBalancersCommand */.A({ Names: [name] }));
        return out.LoadBalancers?.[0];
    }
    catch (error) {
        if (awsErrorName(error) === 'LoadBalancerNotFoundException')
            return undefined;
        throw error;
    }
}
/** `found`: the caller's lookup by name (null: none), so it is not asked again. */
async function ensureLoadBalancer(ctx, spec, found) {
    const existing = found === undefined ? await findLoadBalancer(ctx.elb, spec.name) : (found ?? undefined);
    if (existing?.LoadBalancerArn) {
        const tags = await tagsFor(ctx, existing.LoadBalancerArn);
        assertOwnBuild('load balancer', existing.LoadBalancerArn, tags, ctx.identity);
        const subnets = (existing.AvailabilityZones ?? []).map((z) => z.SubnetId ?? '').sort();
        if (existing.Scheme !== spec.scheme || subnets.join() !== [...spec.subnets].sort().join()) {
            throw new errors/* UserError */.yo(`Load balancer ${spec.name} of this build already exists with other settings (scheme ${existing.Scheme}, subnets ${subnets.join(',')}); launch a new build, or remove the old one first.`);
        }
        if (existing.State?.Code === 'failed') {
            throw new errors/* UserError */.yo(`Load balancer ${spec.name} of this build is in state 'failed'; remove it and run again.`);
        }
        ctx.log(`Load balancer ${spec.name} already exists (an earlier attempt of this build); reusing it.`);
        recordIfThisRun(ctx, KIND.loadBalancer, existing.LoadBalancerArn, tags);
        return lbInfo(existing, false);
    }
    const out = await throttle_retry_retryThrottledIf(ctx.calls, `creating load balancer ${spec.name}`, () => ctx.elb.send(new CreateLoadBalancerCommand/* CreateLoadBalancerCommand */.G({
        Name: spec.name,
        Type: 'application',
        Scheme: spec.scheme,
        IpAddressType: 'ipv4',
        Subnets: spec.subnets,
        SecurityGroups: spec.securityGroups,
        Tags: toAwsTags(ctx.tagsFor(spec.name)),
    })));
    const lb = out.LoadBalancers?.[0];
    if (!lb?.LoadBalancerArn)
        throw new Error(`CreateLoadBalancer returned no load balancer for ${spec.name}`);
    ctx.cleanup.record({ kind: KIND.loadBalancer, id: lb.LoadBalancerArn, region: ctx.region });
    ctx.log(`Created load balancer ${spec.name} (${lb.DNSName ?? ''}).`);
    return lbInfo(lb, true);
}
/** The check's timeout: AWS's 5 s default, but always below the interval as ELBv2 requires. */
function healthCheckTimeout(intervalSeconds) {
    return Math.max(2, Math.min(5, intervalSeconds - 1));
}
/** The ARN of the target group with this name, if any. */
async function findTargetGroupArn(elb, name) {
    try {
        const out = await elb.send(new DescribeTargetGroupsCommand/* DescribeTargetGroupsCommand */.s({ Names: [name] }));
        return out.TargetGroups?.[0]?.TargetGroupArn;
    }
    catch (error) {
        if (awsErrorName(error) !== 'TargetGroupNotFoundException')
            throw error;
        return undefined;
    }
}
/** `foundArn`: the caller's lookup by name (null: none), so it is not asked again. */
async function ensureTargetGroup(ctx, spec, foundArn) {
    const existingArn = foundArn === undefined ? await findTargetGroupArn(ctx.elb, spec.name) : (foundArn ?? undefined);
    if (existingArn) {
        const tags = await tagsFor(ctx, existingArn);
        assertOwnBuild('target group', existingArn, tags, ctx.identity);
        ctx.log(`Target group ${spec.name} already exists (an earlier attempt of this build); reusing it.`);
        recordIfThisRun(ctx, KIND.targetGroup, existingArn, tags);
        return { arn: existingArn, created: false };
    }
    const out = await throttle_retry_retryThrottledIf(ctx.calls, `creating target group ${spec.name}`, () => ctx.elb.send(new CreateTargetGroupCommand/* CreateTargetGroupCommand */.G({
        Name: spec.name,
        Protocol: 'HTTP',
        Port: spec.port,
        VpcId: spec.vpcId,
        TargetType: 'instance',
        HealthCheckProtocol: 'HTTP',
        HealthCheckPort: 'traffic-port',
        HealthCheckEnabled: true,
        HealthCheckPath: spec.health.path,
        HealthCheckIntervalSeconds: spec.health.intervalSeconds,
        HealthCheckTimeoutSeconds: healthCheckTimeout(spec.health.intervalSeconds),
        HealthyThresholdCount: spec.health.healthyThreshold,
        UnhealthyThresholdCount: spec.health.unhealthyThreshold,
        Matcher: { HttpCode: spec.health.matcher },
        Tags: toAwsTags(ctx.tagsFor(spec.name)),
    })));
    const arn = out.TargetGroups?.[0]?.TargetGroupArn;
    if (!arn)
        throw new Error(`CreateTargetGroup returned no target group for ${spec.name}`);
    ctx.cleanup.record({ kind: KIND.targetGroup, id: arn, region: ctx.region });
    ctx.log(`Created target group ${spec.name} (port ${spec.port}, health check ${spec.health.path}).`);
    return { arn, created: true };
}
function listenerPort(spec) {
    return spec.certificateArn ? { port: 443, protocol: 'HTTPS' } : { port: 80, protocol: 'HTTP' };
}
/**
 * Adopts the listener a prepare step of this run made (its ARN from prepare's outputs), without
 * listing the load balancer's listeners again: its tags (read with the rest of the front end)
 * must be this build's, and prepare made or checked it, forwarding to the target group, in this
 * same run (the caller adopts it only when it carries this run's tag).
 */
async function adoptListener(ctx, spec, arn) {
    const { port, protocol } = listenerPort(spec);
    const tags = await tagsFor(ctx, arn);
    assertOwnBuild('listener', arn, tags, ctx.identity);
    ctx.log(`Listener ${protocol}:${port} was made by this run's prepare step; reusing it.`);
    recordIfThisRun(ctx, KIND.listener, arn, tags);
    return { arn, port, protocol, created: false };
}
/** The load balancer's listeners. */
async function listenersOf(elb, loadBalancerArn) {
    const out = await elb.send(new DescribeListenersCommand/* DescribeListenersCommand */.A({ LoadBalancerArn: loadBalancerArn }));
    return out.Listeners ?? [];
}
/** `found`: the load balancer's listeners as the caller read them (none on one just
 *  created), so they are not asked again. */
async function ensureListener(ctx, spec, found) {
    const { port, protocol } = listenerPort(spec);
    const listeners = found ?? (await listenersOf(ctx.elb, spec.loadBalancerArn));
    const existing = listeners.find((l) => l.Port === port);
    if (existing?.ListenerArn) {
        const forwardsHere = (existing.DefaultActions ?? []).some((a) => a.TargetGroupArn === spec.targetGroupArn ||
            a.ForwardConfig?.TargetGroups?.some((t) => t.TargetGroupArn === spec.targetGroupArn));
        if (existing.Protocol !== protocol || !forwardsHere) {
            throw new errors/* UserError */.yo(`The build's load balancer already has a ${existing.Protocol ?? ''} listener on port ${port} that does not forward to its target group; remove it and run again.`);
        }
        ctx.log(`Listener ${protocol}:${port} already exists (an earlier attempt of this build); reusing it.`);
        if (ctx.cleanupRun)
            recordIfThisRun(ctx, KIND.listener, existing.ListenerArn, await tagsFor(ctx, existing.ListenerArn));
        return { arn: existing.ListenerArn, port, protocol, created: false };
    }
    const out = await throttle_retry_retryThrottledIf(ctx.calls, `creating the listener of ${spec.name}`, () => ctx.elb.send(new CreateListenerCommand/* CreateListenerCommand */.m({
        LoadBalancerArn: spec.loadBalancerArn,
        Protocol: protocol,
        Port: port,
        ...(spec.certificateArn ? { Certificates: [{ CertificateArn: spec.certificateArn }] } : {}),
        DefaultActions: [{ Type: 'forward', TargetGroupArn: spec.targetGroupArn }],
        Tags: toAwsTags(ctx.tagsFor(spec.name)),
    })));
    const arn = out.Listeners?.[0]?.ListenerArn;
    if (!arn)
        throw new Error(`CreateListener returned no listener for ${spec.loadBalancerArn}`);
    ctx.cleanup.record({ kind: KIND.listener, id: arn, region: ctx.region });
    ctx.log(`Created listener ${protocol}:${port} forwarding to the target group.`);
    return { arn, port, protocol, created: true };
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

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/summary.js
// The job summary: what was launched, each target's health and a picture of the path a
// request takes (build name → load balancer → servers).

function renderSummary(s) {
    const edges = [];
    if (s.buildDnsName)
        edges.push({ from: s.buildDnsName, to: s.loadBalancerName, label: 'alias' });
    for (const t of s.targets)
        edges.push({ from: s.loadBalancerName, to: `${t.id} (${t.zone})`, label: t.state });
    return summary(heading(s.title), s.intro, markdownTable(['resource', 'name', 'id', ''], s.resources.map((r) => [r.kind, r.name, r.id, r.how])), s.fleet
        ? markdownTable(['Auto Scaling group', 'desired', 'in service', 'healthy in the target group'], [[s.fleet.name, String(s.fleet.desired), String(s.fleet.inService), String(s.fleet.healthy)]])
        : '', 
    // Prepare mode has no servers yet: no empty table.
    s.targets.length > 0 ? heading('Targets', 3) : '', s.targets.length > 0
        ? markdownTable(['server', 'zone', 'health', 'reason'], s.targets.map((t) => [t.id, t.zone, t.state, [t.reason, t.description].filter(Boolean).join(': ')]))
        : '', edges.length > 0 ? mermaidFlow(edges) : '');
}
/** The dry-run summary: the plan as a list. */
function renderPlanSummary(title, lines) {
    return summary(heading(title), lines.map((l) => `- ${l}`).join('\n'));
}

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/prepare.js












/** The front end's settings from the inputs (shared by both modes, so both make the same thing). */
function frontEndSettings(inputs) {
    return {
        health: {
            path: inputs.healthCheckPath ?? '/health',
            intervalSeconds: Math.round((inputs.healthCheckInterval ?? 30_000) / 1000),
            healthyThreshold: inputs.healthyThreshold ?? 5,
            unhealthyThreshold: inputs.unhealthyThreshold ?? 2,
            matcher: inputs.healthCheckMatcher ?? '200',
        },
        port: inputs.port ?? 8080,
        scheme: inputs.scheme ?? 'internet-facing',
        ...(inputs.certificateArn ? { certificateArn: inputs.certificateArn } : {}),
        lbSecurityGroupIds: inputs.lbSecurityGroupIds,
        timeoutMs: inputs.timeout ?? 30 * 60_000,
    };
}
/** Prepare mode's plan: read only (network, the load balancer's security groups, the zone). */
async function planFrontEnd(inputs, common, clients, provenance, calls) {
    const { identity, region } = common;
    const network = await checkNetwork(clients.ec2, inputs.subnetIds);
    await checkSecurityGroups(clients.ec2, 'lb-security-group-ids', inputs.lbSecurityGroupIds, network.vpcId);
    const zone = inputs.zone
        ? await zoneOfInputs(clients.route53, { zone: inputs.zone, hostedZone: inputs.hostedZone }, calls)
        : undefined;
    return {
        identity,
        region,
        network,
        names: { loadBalancer: loadBalancerName(identity), targetGroup: targetGroupName(identity) },
        ...(zone ? { zone, buildDnsName: buildDnsName(identity, zone.name) } : {}),
        ...frontEndSettings(inputs),
        tagsFor: (name) => standardTags(identity, provenance, name),
    };
}
/** The front end in words, for the log and the dry-run summary. */
function describeFrontEnd(plan) {
    const { port, protocol } = listenerPort(plan);
    return [
        `Load balancer ${plan.names.loadBalancer} (${plan.scheme}) in ${plan.network.lbSubnets.join(', ')}, listener ${protocol}:${port}.`,
        `Target group ${plan.names.targetGroup}: HTTP port ${plan.port}, health check ${plan.health.path} every ${plan.health.intervalSeconds}s, healthy after ${plan.health.healthyThreshold}, matcher ${plan.health.matcher}.`,
    ];
}
const how = (created) => (created ? 'created' : 'reused');
/** The build's front end as it exists: by name, and the tags of all of it in one call. */
async function findFrontEnd(plan, elb) {
    const lb = await findLoadBalancer(elb, plan.names.loadBalancer);
    const targetGroupArn = await findTargetGroupArn(elb, plan.names.targetGroup);
    const listeners = lb?.LoadBalancerArn ? await listenersOf(elb, lb.LoadBalancerArn) : undefined;
    const arns = [lb?.LoadBalancerArn, targetGroupArn, ...(listeners ?? []).map((l) => l.ListenerArn)].filter((a) => !!a);
    const tags = arns.length > 0 ? await tagsOfMany(elb, arns) : new Map();
    return {
        ...(lb ? { lb } : {}),
        ...(targetGroupArn ? { targetGroupArn } : {}),
        ...(listeners ? { listeners } : {}),
        tags,
    };
}
/**
 * The front end a prepare step of this run made, by the ARNs it output: the load balancer read
 * by ARN (its DNS name, state and settings), the tags of all three in one DescribeTags, so the
 * target group and listeners are not looked up again. Nothing is trusted from the inputs: the
 * names must be this build's, the tags this build's (else a GuardError), and all three must
 * carry this run's tag (prepare made or checked them in this run); otherwise undefined, and the
 * caller looks the front end up by name as any re-run does.
 */
async function adoptPrepared(plan, elb, prepared, thisRun) {
    const lb = prepared.loadBalancer ?? (await loadBalancerByArn(elb, prepared.loadBalancerArn));
    if (lb.LoadBalancerName !== plan.names.loadBalancer) {
        throw new errors/* UserError */.yo(`Input 'load-balancer-arn' was '${prepared.loadBalancerArn.slice(0, 200)}': load balancer ${lb.LoadBalancerName ?? '(unnamed)'}; expected this build's ${plan.names.loadBalancer}.`);
    }
    const tgName = prepared.targetGroupArn.split(':targetgroup/')[1]?.split('/')[0];
    if (tgName !== plan.names.targetGroup) {
        throw new errors/* UserError */.yo(`Input 'target-group-arn' was '${prepared.targetGroupArn.slice(0, 200)}': target group ${tgName ?? '(none)'}; expected this build's ${plan.names.targetGroup}.`);
    }
    if (!prepared.listenerArn.startsWith(`${prepared.loadBalancerArn.replace(':loadbalancer/', ':listener/')}/`)) {
        throw new errors/* UserError */.yo(`Input 'listener-arn' was '${prepared.listenerArn.slice(0, 200)}': not a listener of the load balancer in 'load-balancer-arn'; expected the listener-arn output of this build's prepare step.`);
    }
    const arns = [prepared.loadBalancerArn, prepared.targetGroupArn, prepared.listenerArn];
    let tags;
    try {
        tags = await tagsOfMany(elb, arns);
    }
    catch (error) {
        if (!/NotFound/.test(error instanceof Error ? error.name : ''))
            throw error;
        throw new errors/* UserError */.yo(`Inputs 'target-group-arn' and 'listener-arn' name a resource that does not exist (${error.message.slice(0, 200)}); expected the outputs of this build's prepare step.`);
    }
    for (const [kind, arn] of [
        ['load balancer', prepared.loadBalancerArn],
        ['target group', prepared.targetGroupArn],
        ['listener', prepared.listenerArn],
    ])
        assertOwnBuild(kind, arn, tags.get(arn) ?? {}, plan.identity);
    if (!thisRun || arns.some((arn) => tags.get(arn)?.[TAG.run] !== thisRun))
        return undefined;
    return { lb, targetGroupArn: prepared.targetGroupArn, listenerArn: prepared.listenerArn, tags };
}
/** Finds (after the ownership check) or creates load balancer → target group → listener. */
async function ensureFrontEnd(plan, elb, deps) {
    const ctx = {
        elb,
        identity: plan.identity,
        region: plan.region,
        tagsFor: plan.tagsFor,
        cleanup: deps.cleanup,
        log: deps.log,
        ...(deps.calls ? { calls: deps.calls } : {}),
        ...(deps.cleanupRun ? { cleanupRun: deps.cleanupRun } : {}),
    };
    const resources = [];
    // What exists already (a launch after prepare, a re-run), looked up once; the tags of all of
    // it in one DescribeTags.
    const adopted = deps.prepared ? await adoptPrepared(plan, elb, deps.prepared, deps.cleanupRun) : undefined;
    if (deps.prepared && !adopted)
        deps.log("The prepared front end is not this run's; looking it up by name.");
    const found = adopted ?? (await findFrontEnd(plan, elb));
    const lb = await ensureLoadBalancer({ ...ctx, knownTags: found.tags }, {
        name: plan.names.loadBalancer,
        scheme: plan.scheme,
        subnets: plan.network.lbSubnets,
        securityGroups: plan.lbSecurityGroupIds,
    }, found.lb ?? null);
    resources.push({ kind: 'load balancer', name: plan.names.loadBalancer, id: lb.arn, how: how(lb.created) });
    const tg = await ensureTargetGroup({ ...ctx, knownTags: found.tags }, { name: plan.names.targetGroup, port: plan.port, vpcId: plan.network.vpcId, health: plan.health }, found.targetGroupArn ?? null);
    resources.push({ kind: 'target group', name: plan.names.targetGroup, id: tg.arn, how: how(tg.created) });
    const listenerSpec = {
        loadBalancerArn: lb.arn,
        targetGroupArn: tg.arn,
        name: plan.names.loadBalancer,
        ...(plan.certificateArn ? { certificateArn: plan.certificateArn } : {}),
    };
    const listener = found.listenerArn
        ? await adoptListener({ ...ctx, knownTags: found.tags }, listenerSpec, found.listenerArn)
        : await ensureListener({ ...ctx, knownTags: found.tags }, listenerSpec, 
        // A load balancer made just now has no listener.
        lb.created ? [] : found.listeners);
    resources.push({
        kind: 'listener',
        name: `${listener.protocol}:${listener.port}`,
        id: listener.arn,
        how: how(listener.created),
    });
    const preparedThisRun = !lb.created && !!deps.cleanupRun && found.tags.get(lb.arn)?.[TAG.run] === deps.cleanupRun;
    return { lb, targetGroupArn: tg.arn, listenerArn: listener.arn, resources, preparedThisRun };
}
/**
 * Prepare mode: the front end, active, and the build's DNS name (with a zone). The name needs
 * only the load balancer, so it is made here, beside the bake: its Route 53 change and INSYNC
 * wait leave the release's critical path, and the Route 53 calls of many releases at once are
 * spread over their bakes instead of queueing behind them (Route 53's rate is per account). Until
 * the launch adds healthy servers, the name answers with the load balancer's 503.
 */
async function prepare(plan, clients, deps) {
    const { io, clock, cleanup } = deps;
    const log = (line) => io.info(line);
    const deadline = deadlineFrom(clock, plan.timeoutMs);
    const wait = { clock, log, remaining: () => deadline.remaining() };
    for (const line of describeFrontEnd(plan))
        log(line);
    const front = await ensureFrontEnd(plan, clients.elb, { cleanup, log, calls: { clock, log, deadline } });
    await waitLoadBalancerActive(clients.elb, front.lb, plan.names.loadBalancer, wait);
    if (plan.zone && plan.buildDnsName) {
        const record = await ensureBuildRecord(clients.route53, {
            zoneId: plan.zone.id,
            name: plan.buildDnsName,
            lbDnsName: front.lb.dnsName,
            lbZoneId: front.lb.zoneId,
        }, cleanup, plan.region, wait);
        front.resources.push({
            kind: 'DNS record',
            name: plan.buildDnsName,
            id: `A alias in ${plan.zone.id}`,
            how: how(record.created),
        });
    }
    await io.appendSummary(renderSummary({
        title: `launch-behind-lb (prepare): ${(0,lib_identity/* releaseId */.Bf)(plan.identity)} in ${plan.identity.env}`,
        intro: `Load balancer \`${front.lb.dnsName}\` is active with its target group and listener${plan.buildDnsName ? `, named \`${plan.buildDnsName}\`` : ''}; the launch of build ${plan.identity.build} adopts them and adds the servers.`,
        resources: front.resources,
        targets: [],
        loadBalancerName: plan.names.loadBalancer,
    }));
    return {
        loadBalancerArn: front.lb.arn,
        loadBalancerDnsName: front.lb.dnsName,
        loadBalancerZoneId: front.lb.zoneId,
        targetGroupArn: front.targetGroupArn,
        listenerArn: front.listenerArn,
        ...(plan.buildDnsName ? { buildDnsName: plan.buildDnsName } : {}),
    };
}
/** Prepare mode's dry run: the plan only (ELBv2 has no dry-run mode to ask). */
async function dryRunFrontEnd(plan, io) {
    const lines = [...describeFrontEnd(plan), 'ELBv2 has no dry-run mode, so its permissions are not checked.'];
    for (const line of lines)
        io.info(`[dry run] ${line}`);
    await io.appendSummary(renderPlanSummary(`launch-behind-lb (prepare, dry run): ${(0,lib_identity/* releaseId */.Bf)(plan.identity)} in ${plan.identity.env}`, lines));
}

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/release.js
// What to launch: a release (its manifest JSON, or its tag read from GitHub) or a bare AMI
// id. A release is data (CONTRACTS.md), so everything the servers need comes from it.




/** A tag input looks like `immut/<env>/<role>/<build>`; anything else must be manifest JSON. */
function looksLikeTag(release) {
    return !release.trimStart().startsWith('{');
}
async function resolveSource(inputs, identity, region, readTag) {
    if (inputs.imageId !== undefined) {
        return { imageId: inputs.imageId, release: (0,lib_identity/* releaseId */.Bf)(identity), flags: {}, origin: 'input image-id' };
    }
    const raw = (inputs.release ?? '').trim();
    let manifest;
    let origin;
    if (looksLikeTag(raw)) {
        const tagged = parseGitTag(raw);
        if (!tagged) {
            throw new errors/* UserError */.yo(`Input 'release' was '${raw.slice(0, 80)}': expected a release tag 'immut/<env>/<role>/<build>' or the manifest JSON from tag-release.`);
        }
        checkSameRole(tagged, identity, `release tag ${raw}`);
        manifest = await readTag(raw);
        origin = `release tag ${raw}`;
    }
    else {
        // Any schema version ever written, upgraded: an old release can always be redeployed.
        manifest = manifestFromJson(raw);
        origin = `release manifest ${manifest.release}`;
    }
    checkSameRole(manifest, identity, origin);
    if (manifest.image.region !== region) {
        throw new errors/* UserError */.yo(`The ${origin} has its image ${manifest.image.id} in ${manifest.image.region}, but this launch is in ${region}; launch in ${manifest.image.region} or bake the release in ${region}.`);
    }
    return {
        imageId: manifest.image.id,
        release: manifest.release,
        flags: { ...manifest.flags },
        ...(manifest.data ? { dataEndpoint: manifest.data.endpoint } : {}),
        origin,
    };
}
/** A release of one role and env is never launched as another's servers. */
function checkSameRole(found, identity, origin) {
    if (found.role !== identity.role || found.env !== identity.env) {
        throw new errors/* UserError */.yo(`The ${origin} is for role '${found.role}' in env '${found.env}', but this launch is for role '${identity.role}' in env '${identity.env}'; pass a release of this role and env.`);
    }
}

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/launch.js

















/** Tag set when the release launched is not this build's own (a redeploy or rollback). */
const LAUNCHED_RELEASE_TAG = 'immut:launched-release';
const sameSet = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
/** Where the application writes its logs; bake-image ships the role's log paths. */
function logDir(role) {
    return `/var/log/${role}`;
}
/** Everything the launch needs, read and checked before anything is created. */
async function preparePlan(inputs, common, clients, provenance, readTag, calls) {
    const { identity, region } = common;
    const source = await resolveSource({
        ...(inputs.release ? { release: inputs.release } : {}),
        ...(inputs.imageId ? { imageId: inputs.imageId } : {}),
    }, identity, region, readTag);
    // A prepared load balancer, read by ARN once here (its tags are read before anything is made,
    // in ensureFrontEnd): standing on exactly the inputs' subnets and groups, it vouches for them.
    const preparedLb = inputs.loadBalancerArn
        ? await loadBalancerByArn(clients.elb, inputs.loadBalancerArn)
        : undefined;
    const shown = preparedLb ? networkOfLoadBalancer(preparedLb, inputs) : undefined;
    const network = shown ?? (await checkNetwork(clients.ec2, inputs.subnetIds));
    if (!shown) {
        await checkSecurityGroups(clients.ec2, 'security-group-ids', inputs.securityGroupIds, network.vpcId);
        // The same groups for both (the usual case) are checked once: one call, the same verdict.
        if (!sameSet(inputs.securityGroupIds, inputs.lbSecurityGroupIds))
            await checkSecurityGroups(clients.ec2, 'lb-security-group-ids', inputs.lbSecurityGroupIds, network.vpcId);
    }
    const imageName = await checkImage(clients.ec2, source.imageId, source.origin);
    const zone = inputs.zone
        ? await zoneOfInputs(clients.route53, { zone: inputs.zone, hostedZone: inputs.hostedZone }, calls)
        : undefined;
    const envFile = buildEnvFile({
        immut: {
            ROLE: identity.role,
            ENV: identity.env,
            BUILD: identity.build,
            RELEASE: source.release,
            LOG_DIR: logDir(identity.role),
            ...(source.dataEndpoint ? { DB_ENDPOINT: source.dataEndpoint } : {}),
        },
        release: source.flags,
        input: inputs.flags ?? {},
    });
    const userData = encodeUserData(renderUserData(envFile.variables));
    const extra = source.release === (0,lib_identity/* releaseId */.Bf)(identity) ? {} : { [LAUNCHED_RELEASE_TAG]: source.release };
    const tagsFor = (name) => standardTags(identity, provenance, name, extra);
    const names = {
        loadBalancer: loadBalancerName(identity),
        targetGroup: targetGroupName(identity),
        instance: instanceName(identity),
        launchTemplate: launchTemplateName(identity),
        autoScalingGroup: autoScalingGroupName(identity),
    };
    const ownName = zone ? buildDnsName(identity, zone.name) : undefined;
    if (inputs.buildDnsName !== undefined && inputs.buildDnsName !== ownName) {
        throw new errors/* UserError */.yo(`Input 'build-dns-name' was '${inputs.buildDnsName.slice(0, 200)}'; expected this build's name ${ownName ?? '(none: no zone)'}, the build-dns-name output of this build's prepare step.`);
    }
    const count = inputs.count ?? 2;
    const instanceTypes = inputs.instanceTypes ?? [];
    return {
        identity,
        region,
        source,
        imageName,
        network,
        names,
        ...(zone && ownName ? { zone, buildDnsName: ownName } : {}),
        variables: envFile.variables,
        userDataBytes: userData.bytes,
        fleet: {
            launchTemplateName: names.launchTemplate,
            groupName: names.autoScalingGroup,
            instanceName: names.instance,
            imageId: source.imageId,
            // With a list of types, the template carries the first and the group may use any.
            instanceType: instanceTypes[0] ?? inputs.instanceType ?? 't3.small',
            instanceTypes,
            securityGroupIds: inputs.securityGroupIds,
            ...(inputs.instanceProfile ? { instanceProfile: inputs.instanceProfile } : {}),
            userDataBase64: userData.base64,
            subnets: network.subnets,
            count,
            min: inputs.min ?? count,
            max: inputs.max ?? count,
            gracePeriodSeconds: Math.round((inputs.healthCheckGracePeriod ?? 300_000) / 1000),
            ...(inputs.scaling ? { scaling: inputs.scaling } : {}),
        },
        ...frontEndSettings(inputs),
        tagsFor,
        ...(inputs.loadBalancerArn && inputs.targetGroupArn && inputs.listenerArn
            ? {
                prepared: {
                    ...(preparedLb ? { loadBalancer: preparedLb } : {}),
                    loadBalancerArn: inputs.loadBalancerArn,
                    targetGroupArn: inputs.targetGroupArn,
                    listenerArn: inputs.listenerArn,
                    ...(inputs.buildDnsName ? { buildDnsName: inputs.buildDnsName } : {}),
                },
            }
            : {}),
    };
}
/** The plan in words, for the log and the dry-run summary. Flag values stay out of it. */
function describePlan(plan) {
    const f = plan.fleet;
    const types = f.instanceTypes.length > 1 ? f.instanceTypes.join(' or ') : f.instanceType;
    const scaling = f.scaling
        ? `, target tracking ${f.scaling.metric === 'cpu' ? `CPU ${f.scaling.target}%` : `${f.scaling.target} requests per server`}`
        : '';
    return [
        `Release ${plan.source.release} (${plan.source.origin}), image ${plan.source.imageId} (${plan.imageName}).`,
        ...describeFrontEnd(plan),
        `Launch template ${plan.names.launchTemplate}: ${types}, servers named ${plan.names.instance}, IMDSv2 required.`,
        `Auto Scaling group ${plan.names.autoScalingGroup}: ${f.count} server(s) (min ${f.min}, max ${f.max}${scaling}) across ${f.subnets.map((s) => `${s.id} (${s.zone})`).join(', ')}, health check ELB after a ${f.gracePeriodSeconds}s grace period, capacity rebalancing on.`,
        `Environment file with ${Object.keys(plan.variables).join(', ')} (user data ${plan.userDataBytes} of 16384 bytes).`,
        plan.buildDnsName
            ? `Build DNS name ${plan.buildDnsName} in zone ${plan.zone?.id ?? ''}.`
            : 'No build DNS name (no zone given).',
    ];
}
/** Dry run: the plan, plus EC2's DryRun verdict on creating the launch template. */
async function dryRun(plan, clients, io) {
    const lines = describePlan(plan);
    const params = launchTemplateParams(plan.fleet, plan, fleetDigest(plan.fleet));
    try {
        await clients.ec2.send(new CreateLaunchTemplateCommand/* CreateLaunchTemplateCommand */.x({ ...params, DryRun: true }));
        throw new Error('CreateLaunchTemplate with DryRun=true created nothing but did not answer DryRunOperation');
    }
    catch (error) {
        if (awsErrorName(error) !== 'DryRunOperation') {
            throw new errors/* UserError */.yo(`Dry run: EC2 would refuse to create the launch template: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    lines.push('EC2 DryRun: creating the launch template (ec2:CreateLaunchTemplate, ec2:CreateTags) is permitted. Auto Scaling, ELBv2 and Route 53 have no dry-run mode, so their permissions are not checked.');
    for (const line of lines)
        io.info(`[dry run] ${line}`);
    await io.appendSummary(renderPlanSummary(`launch-behind-lb (dry run): ${(0,lib_identity/* releaseId */.Bf)(plan.identity)} in ${plan.identity.env}`, lines));
}
async function launch(plan, clients, deps) {
    const { io, clock, cleanup } = deps;
    const log = (line) => io.info(line);
    const deadline = deadlineFrom(clock, plan.timeoutMs);
    const wait = { clock, log, remaining: () => deadline.remaining() };
    for (const line of describePlan(plan))
        log(line);
    const how = (created) => (created ? 'created' : 'reused');
    // Made here, or by an earlier `prepare` of this build (then adopted, its tags re-read; made
    // by this run's prepare job, it is the launch's to remove should the launch fail).
    const thisRun = plan.tagsFor(plan.names.loadBalancer)[TAG.run];
    const front = await ensureFrontEnd(plan, clients.elb, {
        cleanup,
        log,
        calls: { clock, log, deadline },
        ...(thisRun ? { cleanupRun: thisRun } : {}),
        ...(plan.prepared ? { prepared: plan.prepared } : {}),
    });
    const { lb, resources } = front;
    const tg = { arn: front.targetGroupArn };
    // A prepare step of this run made the build's name with the front end: it goes with them
    // should this launch fail (post deletes it only while it aliases this build's load balancer).
    if (front.preparedThisRun && plan.zone && plan.buildDnsName)
        cleanup.record({
            kind: KIND.dnsRecord,
            id: recordId(plan.zone.id, plan.buildDnsName),
            region: plan.region,
        });
    const fleetCtx = {
        ec2: clients.ec2,
        autoscaling: clients.autoscaling,
        identity: plan.identity,
        region: plan.region,
        tagsFor: plan.tagsFor,
        cleanup,
        log,
    };
    const template = await ensureLaunchTemplate(fleetCtx, plan.fleet);
    resources.push({
        kind: 'launch template',
        name: plan.names.launchTemplate,
        id: template.id,
        how: how(template.created),
    });
    const group = await ensureGroup(fleetCtx, plan.fleet, template.id, tg.arn);
    const groupCreatedAt = clock.now();
    resources.push({
        kind: 'Auto Scaling group',
        name: group.name,
        id: `${plan.fleet.count} desired (min ${plan.fleet.min}, max ${plan.fleet.max})`,
        how: how(group.created),
    });
    if (plan.fleet.scaling) {
        await ensureScaling(fleetCtx, group.name, plan.fleet.scaling, {
            loadBalancerArn: lb.arn,
            targetGroupArn: tg.arn,
        });
    }
    await waitLoadBalancerActive(clients.elb, lb, plan.names.loadBalancer, wait);
    const fleet = await waitFleetHealthy({
        autoscaling: clients.autoscaling,
        elb: clients.elb,
        groupName: group.name,
        targetGroupArn: tg.arn,
        count: plan.fleet.count,
        zones: new Set(plan.fleet.subnets.map((s) => s.zone)).size,
        // A group made by this run has no server yet: none can be healthy before they boot and
        // pass their first checks.
        ...(group.created ? { createdAt: groupCreatedAt } : {}),
    }, wait);
    const ids = fleet.servers.map((s) => s.id);
    const targets = fleet.targets;
    log(`Auto Scaling group ${group.name}: ${fleet.servers.length} healthy of ${fleet.desired} desired, in service: ${fleet.servers.map((s) => `${s.id} (${s.zone})`).join(', ')}.`);
    // A prepare step of this run made the name with the front end; a launch on its own makes it
    // only now, so that the name never answers without a healthy target behind it. When that
    // prepare step's outputs say it made the name (and the load balancer is the one it output,
    // carrying this run's tag), the name is not read again: prepare saw it INSYNC, and every
    // Route 53 call counts against the account's rate, which many releases at once share.
    if (plan.zone && plan.buildDnsName) {
        const namedByPrepare = front.preparedThisRun &&
            plan.prepared?.buildDnsName === plan.buildDnsName &&
            plan.prepared.loadBalancerArn === lb.arn;
        if (namedByPrepare)
            log(`DNS name ${plan.buildDnsName} was made with the load balancer by this run's prepare step (its output); keeping it.`);
        const record = namedByPrepare
            ? { created: false }
            : await ensureBuildRecord(clients.route53, { zoneId: plan.zone.id, name: plan.buildDnsName, lbDnsName: lb.dnsName, lbZoneId: lb.zoneId }, cleanup, plan.region, wait, front.preparedThisRun);
        resources.push({
            kind: 'DNS record',
            name: plan.buildDnsName,
            id: `A alias in ${plan.zone.id}`,
            how: how(record.created),
        });
    }
    await io.appendSummary(renderSummary({
        title: `launch-behind-lb: ${(0,lib_identity/* releaseId */.Bf)(plan.identity)} in ${plan.identity.env}`,
        intro: `Release **${plan.source.release}** (${plan.source.origin}), image \`${plan.source.imageId}\`: Auto Scaling group \`${group.name}\` with ${ids.length} healthy server(s) in service of ${fleet.desired} desired behind \`${lb.dnsName}\`${plan.buildDnsName ? `, reachable as \`${plan.buildDnsName}\`` : ''}.`,
        resources,
        targets,
        fleet: { name: group.name, desired: fleet.desired, inService: fleet.inService, healthy: ids.length },
        loadBalancerName: plan.names.loadBalancer,
        ...(plan.buildDnsName ? { buildDnsName: plan.buildDnsName } : {}),
    }));
    return {
        loadBalancerArn: lb.arn,
        loadBalancerDnsName: lb.dnsName,
        loadBalancerZoneId: lb.zoneId,
        targetGroupArn: tg.arn,
        listenerArn: front.listenerArn,
        autoScalingGroupName: group.name,
        instanceIds: ids,
        ...(plan.buildDnsName ? { buildDnsName: plan.buildDnsName } : {}),
        targets,
    };
}

// EXTERNAL MODULE: ./.build/tsc/actions/launch-behind-lb/main.js + 1 modules
var main = __webpack_require__(1485);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/commands/DeleteAutoScalingGroupCommand.js
var DeleteAutoScalingGroupCommand = __webpack_require__(6692);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DeleteLaunchTemplateCommand.js
var DeleteLaunchTemplateCommand = __webpack_require__(6919);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/pagination/DescribeLoadBalancersPaginator.js
var DescribeLoadBalancersPaginator = __webpack_require__(7866);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DeleteListenerCommand.js
var DeleteListenerCommand = __webpack_require__(1951);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DeleteTargetGroupCommand.js
var DeleteTargetGroupCommand = __webpack_require__(9473);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DeleteLoadBalancerCommand.js
var DeleteLoadBalancerCommand = __webpack_require__(8609);
;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/undo.js
// The post step's handlers: each re-reads the resource, passes the ownership guard (immut's
// tags, this role, env and build) and only then deletes it. Something already gone counts
// as removed. core's undoCreated calls them newest first, which is the order AWS needs:
// DNS record, Auto Scaling group (with its servers, gone before anything it uses goes),
// launch template, listener (before its target group: ResourceInUse), target group, load
// balancer.











const NOT_FOUND = new Set([
    'LoadBalancerNotFoundException',
    'TargetGroupNotFoundException',
    'ListenerNotFoundException',
    'InvalidLaunchTemplateId.NotFound',
    'InvalidLaunchTemplateId.NotFoundException',
    'InvalidLaunchTemplateName.NotFoundException',
]);
/** How long post waits for a deleted group to be gone: its servers terminate first. */
const GROUP_GONE_TIMEOUT_MS = 20 * 60_000;
/**
 * Deletes the group with ForceDelete (its servers are terminated with it, no scale-in first)
 * and waits until AWS no longer lists it: its launch template and target group are in use
 * until then. A delete refused while a scaling activity runs is asked again.
 */
async function deleteGroup(autoscaling, name, clock, log) {
    let asked = false;
    await waitFor({
        what: `Auto Scaling group ${name} to be deleted`,
        clock,
        log,
        timeoutMs: GROUP_GONE_TIMEOUT_MS,
        minDelayMs: 5_000,
        maxDelayMs: 15_000,
        check: async () => {
            const group = await findGroup(autoscaling, name);
            if (!group)
                return { done: true, value: undefined };
            if (!asked && !isDeleting(group)) {
                try {
                    await autoscaling.send(new DeleteAutoScalingGroupCommand/* DeleteAutoScalingGroupCommand */.c({ AutoScalingGroupName: name, ForceDelete: true }));
                    asked = true;
                }
                catch (error) {
                    if (!/ScalingActivityInProgress|ResourceInUse/.test(awsErrorName(error)))
                        throw error;
                    return { done: false, state: 'a scaling activity is in progress' };
                }
            }
            return { done: false, state: `${group.Instances?.length ?? 0} server(s) terminating` };
        },
    });
}
/** Runs a lookup; undefined when AWS says the resource no longer exists. */
async function unlessGone(lookup) {
    try {
        return await lookup();
    }
    catch (error) {
        if (NOT_FOUND.has(awsErrorName(error)))
            return undefined;
        throw error;
    }
}
async function allLoadBalancers(elb) {
    const all = [];
    for await (const page of (0,DescribeLoadBalancersPaginator/* paginateDescribeLoadBalancers */.o)({ client: elb }, {})) {
        all.push(...(page.LoadBalancers ?? []));
    }
    return all;
}
function undoHandlers(identity, clients, clock, log) {
    return {
        [KIND.autoScalingGroup]: async (r) => {
            const autoscaling = clients.autoscaling(r.region);
            const group = await findGroup(autoscaling, r.id);
            if (!group)
                return;
            assertOwnBuild('Auto Scaling group', r.id, groupTagsOf(group), identity);
            await deleteGroup(autoscaling, r.id, clock, log);
        },
        [KIND.launchTemplate]: async (r) => {
            const ec2 = clients.ec2(r.region);
            const out = await unlessGone(() => ec2.send(new DescribeLaunchTemplatesCommand/* DescribeLaunchTemplatesCommand */.f({ LaunchTemplateIds: [r.id] })));
            const template = out?.LaunchTemplates?.find((t) => t.LaunchTemplateId === r.id);
            if (!template)
                return;
            assertOwnBuild('launch template', r.id, fromAwsTags(template.Tags), identity);
            await unlessGone(() => ec2.send(new DeleteLaunchTemplateCommand/* DeleteLaunchTemplateCommand */.s({ LaunchTemplateId: r.id })));
        },
        [KIND.dnsRecord]: async (r) => {
            const { zoneId, name } = parseRecordId(r.id);
            const route53 = clients.route53(r.region);
            const record = await findRecord(route53, zoneId, name);
            if (!record)
                return;
            const target = record.AliasTarget?.DNSName ?? '';
            const elb = clients.elb(r.region);
            const lb = target
                ? (await allLoadBalancers(elb)).find((l) => sameDnsName(l.DNSName ?? '', target))
                : undefined;
            if (!lb?.LoadBalancerArn) {
                throw new errors/* GuardError */.U$(`Refusing to delete DNS record ${name}: it does not alias a load balancer of build '${identity.build}' (it points at ${target || 'plain values'}).`);
            }
            assertOwnBuild('load balancer', lb.LoadBalancerArn, await tagsOf(elb, lb.LoadBalancerArn), identity);
            await deleteRecord(route53, zoneId, record);
        },
        [KIND.listener]: async (r) => {
            const elb = clients.elb(r.region);
            const out = await unlessGone(() => elb.send(new DescribeListenersCommand/* DescribeListenersCommand */.A({ ListenerArns: [r.id] })));
            if (!out?.Listeners?.length)
                return;
            assertOwnBuild('listener', r.id, await tagsOf(elb, r.id), identity);
            await elb.send(new DeleteListenerCommand/* DeleteListenerCommand */.L({ ListenerArn: r.id }));
        },
        [KIND.targetGroup]: async (r) => {
            const elb = clients.elb(r.region);
            const out = await unlessGone(() => elb.send(new DescribeTargetGroupsCommand/* DescribeTargetGroupsCommand */.s({ TargetGroupArns: [r.id] })));
            if (!out?.TargetGroups?.length)
                return;
            assertOwnBuild('target group', r.id, await tagsOf(elb, r.id), identity);
            // A listener just deleted may still hold the group for a moment (ResourceInUse).
            await waitFor({
                what: `target group ${r.id} to be deleted`,
                clock,
                log,
                timeoutMs: 120_000,
                minDelayMs: 2_000,
                maxDelayMs: 10_000,
                check: async () => {
                    try {
                        await elb.send(new DeleteTargetGroupCommand/* DeleteTargetGroupCommand */.t({ TargetGroupArn: r.id }));
                        return { done: true, value: undefined };
                    }
                    catch (error) {
                        if (awsErrorName(error) === 'ResourceInUseException')
                            return { done: false, state: 'still used by a listener' };
                        if (NOT_FOUND.has(awsErrorName(error)))
                            return { done: true, value: undefined };
                        throw error;
                    }
                },
            });
        },
        [KIND.loadBalancer]: async (r) => {
            const elb = clients.elb(r.region);
            const out = await unlessGone(() => elb.send(new DescribeLoadBalancersCommand/* DescribeLoadBalancersCommand */.A({ LoadBalancerArns: [r.id] })));
            if (!out?.LoadBalancers?.length)
                return;
            assertOwnBuild('load balancer', r.id, await tagsOf(elb, r.id), identity);
            await elb.send(new DeleteLoadBalancerCommand/* DeleteLoadBalancerCommand */.Z({ LoadBalancerArn: r.id }));
        },
    };
}

;// CONCATENATED MODULE: ./.build/tsc/actions/launch-behind-lb/main-aws.js
// The part of launch-behind-lb that talks to AWS (and to GitHub, to read a release by its
// tag), loaded by main.ts only once the inputs passed their checks, and by the post step.















/** Reads a release by its tag from the workflow's repository (tag-release wrote it there). */
function tagReader(inputs, env, io) {
    return async (tag) => {
        if (!inputs.githubToken) {
            throw new errors/* UserError */.yo(`Input 'github-token' is empty; reading the release ${tag} needs a token with contents: read (by default the workflow token), or pass the manifest JSON instead.`);
        }
        // Octokit loads only for a release given by its tag, not for a manifest or an image id.
        const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(950)]).then(__webpack_require__.bind(__webpack_require__, 8950));
        const octokit = createGitHubClient({ token: inputs.githubToken, env, action: main/* ACTION */.hr, log: io });
        return readRelease({ octokit, ...repositoryFromEnv(env), tag });
    };
}
function clientsFor(region) {
    const settings = { region, action: main/* ACTION */.hr };
    return {
        autoscaling: createAwsClient(AutoScalingClient/* AutoScalingClient */.y, settings),
        ec2: createAwsClient(EC2Client/* EC2Client */.g, settings),
        elb: createAwsClient(ElasticLoadBalancingV2Client/* ElasticLoadBalancingV2Client */.M, settings),
        route53: createAwsClient(Route53Client/* Route53Client */.L, settings),
    };
}
function destroy(clients) {
    clients.autoscaling.destroy();
    clients.ec2.destroy();
    clients.elb.destroy();
    clients.route53.destroy();
}
/** The main step once the inputs passed: the front end alone (mode prepare) or the whole build. */
async function launchOrPrepare({ io, env, clock, cleanup }, inputs, common) {
    const clients = clientsFor(common.region);
    // Route 53's low account-wide rate: the zone lookup retries throttling until the deadline.
    const calls = {
        clock,
        log: (line) => io.info(line),
        deadline: deadlineFrom(clock, frontEndSettings(inputs).timeoutMs),
    };
    try {
        if (inputs.mode === 'prepare') {
            const plan = await planFrontEnd(inputs, common, clients, provenanceFromEnv(env), calls);
            if (common.dryRun) {
                await dryRunFrontEnd(plan, io);
                return;
            }
            io.saveState(main/* IDENTITY_STATE */.J4, JSON.stringify(common.identity));
            const result = await prepare(plan, clients, { io, clock, cleanup });
            io.setOutput('load-balancer-arn', result.loadBalancerArn);
            io.setOutput('load-balancer-dns-name', result.loadBalancerDnsName);
            io.setOutput('load-balancer-zone-id', result.loadBalancerZoneId);
            io.setOutput('target-group-arn', result.targetGroupArn);
            io.setOutput('listener-arn', result.listenerArn);
            io.setOutput('build-dns-name', result.buildDnsName ?? '');
            io.setOutput('hosted-zone', plan.zone ? (0,zone_input/* formatResolvedZone */.K)(plan.zone) : '');
            return;
        }
        const plan = await preparePlan(inputs, common, clients, provenanceFromEnv(env), tagReader(inputs, env, io), calls);
        if (common.dryRun) {
            await dryRun(plan, clients, io);
            return;
        }
        io.saveState(main/* IDENTITY_STATE */.J4, JSON.stringify(common.identity));
        const result = await launch(plan, clients, { io, clock, cleanup });
        io.setOutput('load-balancer-arn', result.loadBalancerArn);
        io.setOutput('load-balancer-dns-name', result.loadBalancerDnsName);
        io.setOutput('load-balancer-zone-id', result.loadBalancerZoneId);
        io.setOutput('target-group-arn', result.targetGroupArn);
        io.setOutput('listener-arn', result.listenerArn);
        io.setOutput('auto-scaling-group-name', result.autoScalingGroupName);
        io.setOutput('instance-ids', result.instanceIds.join(','));
        io.setOutput('build-dns-name', result.buildDnsName ?? '');
        io.setOutput('hosted-zone', plan.zone ? (0,zone_input/* formatResolvedZone */.K)(plan.zone) : '');
    }
    finally {
        destroy(clients);
    }
}
/** The post step: removes what a failed main step created (unless keep-on-failure). */
async function cleanUp({ io, clock, cleanup }) {
    // Runs even when main failed on bad inputs: read only what cleanup needs, leniently.
    const keepOnFailure = /^true$/i.test(io.getInput('keep-on-failure').trim());
    const identity = JSON.parse(io.getState(main/* IDENTITY_STATE */.J4) || 'null');
    const byRegion = new Map();
    const clients = (region) => {
        let c = byRegion.get(region);
        if (!c) {
            c = clientsFor(region);
            byRegion.set(region, c);
        }
        return c;
    };
    try {
        if (!identity && cleanup.created().length > 0 && !cleanup.succeeded()) {
            throw new Error(`saved state '${main/* IDENTITY_STATE */.J4}' is missing, so the ownership guard cannot run`);
        }
        const handlers = identity
            ? undoHandlers(identity, {
                autoscaling: (r) => clients(r).autoscaling,
                ec2: (r) => clients(r).ec2,
                elb: (r) => clients(r).elb,
                route53: (r) => clients(r).route53,
            }, clock, (line) => io.info(line))
            : {};
        await (0,lib_cleanup/* undoCreated */.$P)(cleanup, { io, handlers, keepOnFailure });
    }
    finally {
        for (const c of byRegion.values())
            destroy(c);
    }
}


/***/ }),

/***/ 1602:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ gitHubFind),
/* harmony export */   S5: () => (/* binding */ gitHubCall)
/* harmony export */ });
/* unused harmony exports GitHubError, isRequestError, statusOf, describeGitHubError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7706);
// A GitHub API call's failure turned into what the user has to do, and the wrappers every
// call goes through. Apart from github.ts (which loads Octokit and its plugins) so that code
// which only reads releases with a client it is handed loads no Octokit itself.

/** A GitHub API failure, as the user has to act on it. */
class GitHubError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    status;
    name = 'GitHubError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
function isRequestError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
/** HTTP status of a GitHub API error, or undefined for anything else. */
function statusOf(error) {
    return isRequestError(error) ? error.status : undefined;
}
function isRateLimited(error) {
    return (error.status === 429 ||
        error.response?.headers?.['x-ratelimit-remaining'] === '0' ||
        /\bsecondary rate\b/i.test(error.message));
}
/** Turns a failed GitHub call into what to do about it. */
function describeGitHubError(error, call) {
    if (!isRequestError(error)) {
        return new GitHubError(`GitHub could not be reached while ${call.what}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const detail = `HTTP ${error.status}: ${error.message}`;
    if (error.status === 401) {
        return new GitHubError(`GitHub rejected the token while ${call.what} (${detail}). Check the github-token input; by default it is the workflow's own token.`, 401);
    }
    if (isRateLimited(error)) {
        return new GitHubError(`GitHub kept rate-limiting immut while ${call.what}, also after retries (${detail}). Run fewer releases at once, or re-run the job later.`, error.status);
    }
    if ((error.status === 403 || error.status === 404) && call.write) {
        return new GitHubError(`GitHub refused ${call.what} in ${call.repository} (${detail}). The workflow needs \`permissions: contents: write\` for this job (or a github-token with contents: write on ${call.repository}).`, error.status);
    }
    if (error.status === 403 || error.status === 404) {
        return new GitHubError(`GitHub refused ${call.what} in ${call.repository} (${detail}). The token needs \`contents: read\` on ${call.repository}.`, error.status);
    }
    if (error.status === 409) {
        return new GitHubError(`GitHub reported a conflict while ${call.what} (${detail}); an empty repository has no commit to tag.`, 409);
    }
    if (error.status >= 500) {
        return new GitHubError(`GitHub failed while ${call.what}, also after retries (${detail}). Re-run the job.`, error.status);
    }
    return new GitHubError(`GitHub refused ${call.what} (${detail}${validationDetails(error)}).`, error.status);
}
function validationDetails(error) {
    const errors = error.response?.data?.errors;
    return Array.isArray(errors) && errors.length > 0 ? `; ${JSON.stringify(errors)}` : '';
}
/** Runs one GitHub call; a failure becomes a GitHubError saying what to do. */
async function gitHubCall(call, fn) {
    try {
        return await fn();
    }
    catch (error) {
        throw describeGitHubError(error, call);
    }
}
/** Like gitHubCall, but a 404 means "not there" and returns undefined. */
async function gitHubFind(call, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (statusOf(error) === 404)
            return undefined;
        throw describeGitHubError(error, call);
    }
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
