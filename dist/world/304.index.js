export const id = 304;
export const ids = [304];
export const modules = {

/***/ 1602:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ gitHubFind),
/* harmony export */   S5: () => (/* binding */ gitHubCall),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   dZ: () => (/* binding */ describeGitHubError)
/* harmony export */ });
/* unused harmony exports GitHubError, isRequestError */
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

/***/ 8950:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* unused harmony exports pacedGroup, concurrentGroup */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9083);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8055);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1757);
/* harmony import */ var _github_calls_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1602);
// One factory for the GitHub API client, like aws.ts for AWS: @actions/github's Octokit
// pointed at GITHUB_API_URL (GitHub Enterprise, or the sandbox in tests), with Octokit's
// retry plugin (5xx) and throttling plugin (primary and secondary rate limits), an immut
// user agent, and errors turned into what the user has to do.






/**
 * One job at a time, at least `minMs` apart on the action's (scaled) clock: the shape of
 * the Bottleneck groups the throttling plugin paces writes with. GitHub asks integrators
 * to wait a second between writes; against the sandbox the wait shrinks with the clock.
 */
function pacedGroup(minMs, timeScale = 1) {
    let tail = Promise.resolve();
    let last = Number.NEGATIVE_INFINITY;
    const schedule = (...args) => {
        const [fn, ...params] = (typeof args[0] === 'function' ? args : args.slice(1));
        const run = tail.then(async () => {
            const wait = (last + minMs - Date.now() * timeScale) / timeScale;
            if (wait > 0)
                await new Promise((resolve) => setTimeout(resolve, wait));
            last = Date.now() * timeScale;
            return fn(...params);
        });
        tail = run.catch(() => undefined);
        return run;
    };
    return { key: () => ({ schedule }) };
}
/**
 * At most `max` jobs at once: the throttling plugin's global group (10 requests at once), made
 * per client. The plugin's own is one per process, so clients sharing a process (the bench runs
 * hundreds of action steps in one) would queue behind each other, which a runner per job never does.
 */
function concurrentGroup(max) {
    let running = 0;
    const waiting = [];
    const schedule = async (...args) => {
        const [fn, ...params] = (typeof args[0] === 'function' ? args : args.slice(1));
        // A finished job hands its slot to the next waiter, so no newcomer slips in between.
        if (running < max)
            running++;
        else
            await new Promise((resolve) => waiting.push(resolve));
        try {
            return await fn(...params);
        }
        finally {
            const next = waiting.shift();
            if (next)
                next();
            else
                running--;
        }
    };
    return { key: () => ({ schedule }) };
}
/**
 * The fetch Octokit uses: the runner's proxy-aware fetch when a proxy is configured (self-
 * hosted runners behind a proxy), else the platform's fetch.
 */
function fetchFor(env) {
    const proxied = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => env[name]);
    const runnerFetch = _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch;
    return proxied && runnerFetch ? runnerFetch : globalThis.fetch;
}
/** The Octokit client every immut action uses. */
function createGitHubClient(settings) {
    const scale = settings.timeScale ?? (0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .timeScaleFromEnv */ .Ny)(settings.env);
    const retries = settings.rateLimitRetries ?? 3;
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        if (retryCount >= retries) {
            settings.log.warning(`GitHub ${kind} on ${options.method} ${options.url}; giving up after ${retries} retries`);
            return false;
        }
        settings.log.info(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return true;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, {
        baseUrl: (settings.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/$/, ''),
        userAgent: `immut/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .IMMUT_VERSION */ .u} immut-action/${settings.action}`,
        request: { fetch: fetchFor(settings.env) },
        log: {
            debug: (m) => settings.log.debug(m),
            info: (m) => settings.log.debug(m),
            warn: (m) => settings.log.warning(m),
            error: (m) => settings.log.warning(m),
        },
        // Octokit's default list plus 409: a conflict (e.g. an empty repository) never heals by retrying.
        retry: {
            retries: 3,
            retryAfterBaseValue: 1000 / scale,
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
        },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            retryAfterBaseValue: 1000 / scale,
            // The plugin only calls key().schedule() on these; its type asks for a whole Bottleneck.Group.
            write: pacedGroup(1000, scale),
            notifications: pacedGroup(3000, scale),
            // Read by the plugin like the two above (options before its own groups), though its type omits it.
            ...{ global: concurrentGroup(10) },
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
}
// What a failed call means for the user, and the wrappers every call goes through, live in
// github-calls.ts, which loads no Octokit: release-reader.ts and recorded-release.ts use them
// without loading the client (issue #20: an action loads the GitHub client only if it calls).



/***/ }),

/***/ 5377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ny: () => (/* binding */ MANIFEST_ASSET),
  VQ: () => (/* binding */ ReleaseNotFoundError),
  Bx: () => (/* binding */ downloadAsset),
  qs: () => (/* binding */ readReleaseDetails)
});

// UNUSED EXPORTS: MANIFEST_UPGRADERS, TamperedReleaseError, manifestFromJson, manifestFromTagMessage, readRelease, tagForRelease, tagMessage, upgradeManifest

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/github-calls.js
var github_calls = __webpack_require__(1602);
// EXTERNAL MODULE: ./packages/core/lib/identity.js
var identity = __webpack_require__(4891);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(4377);
// EXTERNAL MODULE: ./packages/core/lib/inputs.js
var inputs = __webpack_require__(2144);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
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
class UnquotableError extends (/* unused pure expression or super */ null && (Error)) {
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
    role: schemas/* string */.YjP().regex(identity/* ROLE_RULE */.AR.pattern, identity/* ROLE_RULE */.AR.expected),
    env: schemas/* string */.YjP().regex(identity/* ENV_RULE */.$G.pattern, identity/* ENV_RULE */.$G.expected),
    build: schemas/* string */.YjP().regex(identity/* BUILD_RULE */.iz.pattern, identity/* BUILD_RULE */.iz.expected),
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
    const from = m.promotedFrom ? (0,naming/* parseGitTag */.e)(m.promotedFrom.tag) : undefined;
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
    if (!match || !identity/* BUILD_RULE */.iz.pattern.test(match[2] ?? '') || !identity/* ENV_RULE */.$G.pattern.test(env)) {
        throw new errors/* UserError */.yo(`Release '${release}' in env '${env}' is not a release id; expected <role>-<build> (e.g. api-b000042) and an env such as prod.`);
    }
    return (0,naming/* gitTag */.Zu)({ role: match[1] ?? '', build: match[2] ?? '', env });
}
function resolveTag(options) {
    if (options.tag) {
        if (!(0,naming/* parseGitTag */.e)(options.tag)) {
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
    if ((0,naming/* gitTag */.Zu)(manifest) !== tag) {
        throw new ManifestError(`The manifest under ${tag} is for ${(0,naming/* gitTag */.Zu)(manifest)}; a release tag must carry its own manifest.`);
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


/***/ })

};
