export const id = 851;
export const ids = [851];
export const modules = {

/***/ 8851:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUp: () => (/* binding */ cleanUp),
  runBake: () => (/* binding */ runBake)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/EC2Client.js + 8 modules
var EC2Client = __webpack_require__(4601);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-es/SSMClient.js + 8 modules
var SSMClient = __webpack_require__(7650);
// EXTERNAL MODULE: ./packages/core/lib/aws.js + 2 modules
var aws = __webpack_require__(2485);
// EXTERNAL MODULE: ./packages/core/lib/cleanup.js
var cleanup = __webpack_require__(4161);
// EXTERNAL MODULE: ./packages/core/lib/clock.js
var lib_clock = __webpack_require__(8055);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/RunInstancesCommand.js
var RunInstancesCommand = __webpack_require__(8520);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./packages/core/lib/inputs.js + 1 modules
var inputs = __webpack_require__(1244);
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

;// CONCATENATED MODULE: ./packages/core/lib/builder-protocol.js
// The builder protocol: the contract between bake-image and the builder instance it
// launches. bake-image renders the builder's user data here; the builder (cloud-init runs
// it once, as root) applies OS updates, runs the role's provisioning script, installs the
// logging integration, prints start/success/failure markers on the serial console and
// powers off — by itself, and at the latest at its self-destruct deadline. bake-image
// then reads the console to learn the outcome. The sandbox recognises builders through
// `parseBuilderUserData` and then runs the rendered script for real, in Linux namespaces,
// so both sides share one definition and every bake test executes the script.


// One quoting function for every value in user data (launch-behind-lb's too).

/** Bump whenever the rendered script changes meaning; it is part of every fingerprint. */
const BUILDER_PROTOCOL_VERSION = 1;
/** EC2's limit on user data, in bytes after base64 decoding (RunInstances docs). */
const USER_DATA_LIMIT_BYTES = 16_384;
/** Console markers; each is followed by the bake id, so output of another bake never counts. */
const BAKE_MARKERS = {
    start: 'IMMUT-BAKE-START',
    success: 'IMMUT-BAKE-SUCCESS',
    failure: 'IMMUT-BAKE-FAILED',
};
/** The builder's steps, in order, as named in step lines and failure markers. */
const BUILDER_STEPS = (/* unused pure expression or super */ null && (['os-updates', 'provision', 'logging', 'seal']));
/** Prefix of the line the script prints when it enters a step. */
const STEP_LINE_PREFIX = '==> immut step:';
/** Minutes the builder may outlive the bake's own timeout before it powers itself off. */
const SELF_DESTRUCT_MARGIN_MINUTES = 5;
/** Where the shipped files and the script land on the builder (removed before imaging). */
const BUILDER_WORK_DIR = '/opt/immut/provision';
/** Where the application artifact is unpacked ($IMMUT_APP_DIR; kept in the image). */
const ARTIFACT_APP_DIR = '/opt/immut/app';
/** Printed (with the bake id and a reason) when the artifact cannot be fetched or verified. */
const ARTIFACT_FAILURE_MARKER = 'IMMUT-ARTIFACT-FAILED';
/** The name of the artifact step in step lines and failure markers (it is not one of
 *  BUILDER_STEPS: only bakes with an artifact have it, before the OS updates). */
const ARTIFACT_STEP = 'artifact';
const HEADER_PREFIX = '# immut-builder: ';
const FILE_NAME = /^[A-Za-z0-9._-]+$/;
const FILE_PATH = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
const BAKE_ID = /^[a-z0-9-]{8,64}$/;
/** The CloudWatch Logs group the logging integration ships to. */
function logGroupName(role, env) {
    return `/immut/${env}/${role}`;
}
/** The self-destruct deadline for a bake with this timeout: the timeout plus a margin. */
function selfDestructMinutes(timeoutMs) {
    return Math.ceil(timeoutMs / 60_000) + SELF_DESTRUCT_MARGIN_MINUTES;
}
/** Problems with a spec that would make the script unsafe or ambiguous; [] when fine. */
function checkBuilderSpec(spec) {
    const problems = [];
    if (!BAKE_ID.test(spec.bakeId))
        problems.push(`bake id '${spec.bakeId}' is not [a-z0-9-]{8,64}`);
    if (!Number.isInteger(spec.selfDestructMinutes) || spec.selfDestructMinutes < 1)
        problems.push(`self-destruct deadline must be a whole number of minutes ≥ 1`);
    if (!FILE_NAME.test(spec.script.name))
        problems.push(`script name '${spec.script.name}' may only use letters, digits, '.', '_' and '-'`);
    for (const file of spec.files) {
        if (!FILE_PATH.test(file.path) || file.path.split('/').some((part) => part === '..' || part === '.'))
            problems.push(`shipped file '${file.path}' may only use letters, digits, '.', '_', '-' and '/'`);
        if (file.mode !== 0o644 && file.mode !== 0o755)
            problems.push(`shipped file '${file.path}' mode`);
    }
    for (const path of spec.logPaths) {
        if (!path.startsWith('/') || /[\s'"\\]/.test(path))
            problems.push(`log path '${path}' must be absolute, without spaces, quotes or backslashes`);
    }
    if (spec.artifact) {
        const { url, sha256, size } = spec.artifact;
        // eslint-disable-next-line no-control-regex
        if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/.test(url))
            problems.push('artifact URL must be http(s) without spaces');
        if (!/^[0-9a-f]{64}$/.test(sha256))
            problems.push('artifact sha256 must be 64 hex digits');
        if (!Number.isSafeInteger(size) || size < 1)
            problems.push('artifact size must be a positive integer');
    }
    return problems;
}
function base64Lines(content) {
    return (content.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}
function unpackBlock(index, mode, target, content) {
    const delimiter = `IMMUT_FILE_${index}`;
    const body = base64Lines(content);
    return [
        `immut_unpack ${mode.toString(8).padStart(4, '0')} ${quote(target)} <<'${delimiter}'`,
        ...(body === '' ? [] : [body]),
        delimiter,
    ];
}
function headerOf(spec) {
    return {
        protocol: BUILDER_PROTOCOL_VERSION,
        bake: spec.bakeId,
        selfDestructMinutes: spec.selfDestructMinutes,
        role: spec.role,
        env: spec.env,
        appVersion: spec.appVersion ?? null,
        logPaths: [...spec.logPaths],
        script: spec.script.name,
        files: spec.files.map((f) => ({ path: f.path, mode: f.mode })),
        ...(spec.artifact ? { artifact: { ...spec.artifact } } : {}),
    };
}
/** The CloudWatch agent configuration that ships `logPaths` (JSON, one line). */
function cloudWatchAgentConfig(spec) {
    return JSON.stringify({
        agent: { run_as_user: 'root' },
        logs: {
            logs_collected: {
                files: {
                    collect_list: spec.logPaths.map((path) => ({
                        file_path: path,
                        log_group_name: logGroupName(spec.role, spec.env),
                        log_stream_name: '{instance_id}',
                    })),
                },
            },
        },
    });
}
/** What the image records about itself (no run-specific values, so identical bakes match). */
function imageMetadata(spec) {
    return JSON.stringify({
        bakedBy: 'immut',
        protocol: BUILDER_PROTOCOL_VERSION,
        role: spec.role,
        env: spec.env,
        appVersion: spec.appVersion ?? null,
        logPaths: spec.logPaths,
        logGroup: spec.logPaths.length > 0 ? logGroupName(spec.role, spec.env) : null,
        ...(spec.artifact ? { artifact: { sha256: spec.artifact.sha256, size: spec.artifact.size } } : {}),
    });
}
/**
 * The artifact step: download with retries (curl retries timeouts and 408/429/5xx; a 403
 * for an expired or forged URL fails at once), check the sha256 before anything from the
 * pack runs, unpack to $IMMUT_APP_DIR. Any failure prints the artifact marker and ends the
 * script (set -e), so the bake fails with step=artifact and no image.
 */
function artifactLines(artifact) {
    const fail = (reason) => `echo "${ARTIFACT_FAILURE_MARKER} $IMMUT_BAKE reason=${reason}"`;
    return [
        'immut_fetch_artifact() {',
        '  local pack=/var/tmp/immut-artifact.tar.gz got',
        '  rm -f "$pack"',
        '  if ! curl -fsS --retry 5 --retry-delay 2 --retry-connrefused --connect-timeout 10 --max-time 900 -o "$pack" "$1"; then',
        `    ${fail('download (the presigned URL may have expired, or S3 refused it)')}`,
        '    return 1',
        '  fi',
        '  got=$(sha256sum "$pack" | cut -d " " -f 1)',
        '  if [ "$got" != "$2" ]; then',
        `    ${fail('digest expected=$2 got=$got')}`,
        '    rm -f "$pack"',
        '    return 1',
        '  fi',
        '  mkdir -p "$IMMUT_APP_DIR"',
        '  tar -xzf "$pack" -C "$IMMUT_APP_DIR" --no-same-owner',
        '  rm -f "$pack"',
        '  echo "immut: artifact $2 unpacked to $IMMUT_APP_DIR"',
        '}',
        `immut_fetch_artifact ${quote(artifact.url)} ${quote(artifact.sha256)}`,
    ];
}
/**
 * The builder's user data script. Deterministic: the same spec gives the same bytes, so a
 * re-run's RunInstances with the same ClientToken matches the first attempt's.
 */
function renderBuilderScript(spec) {
    const problems = checkBuilderSpec(spec);
    if (problems.length > 0)
        throw new Error(`invalid builder spec: ${problems.join('; ')}`);
    const step = (name, detail = '') => [`immut_step=${name}`, `echo ${quote(`${STEP_LINE_PREFIX} ${name}${detail}`)}`].join('\n');
    const files = spec.files.flatMap((f, i) => unpackBlock(i + 1, f.mode, `files/${f.path}`, f.content));
    const logging = spec.logPaths.length === 0
        ? ['echo "immut: no log paths given; no logging integration installed"']
        : [
            'immut_install_cloudwatch_agent',
            'mkdir -p /opt/aws/amazon-cloudwatch-agent/etc',
            "cat > /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json <<'IMMUT_JSON'",
            cloudWatchAgentConfig(spec),
            'IMMUT_JSON',
            // Translate the config now; the agent starts on the image's instances, not here.
            '/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json',
            'systemctl enable amazon-cloudwatch-agent',
        ];
    const artifact = spec.artifact
        ? [
            `immut_step=${ARTIFACT_STEP}`,
            `echo ${quote(`${STEP_LINE_PREFIX} ${ARTIFACT_STEP} (sha256 ${spec.artifact.sha256}, ${spec.artifact.size} bytes)`)}`,
            `IMMUT_APP_DIR=${ARTIFACT_APP_DIR}`,
            ...artifactLines(spec.artifact),
        ]
        : [];
    const appDirEnv = spec.artifact ? ' IMMUT_APP_DIR="$IMMUT_APP_DIR"' : '';
    const lines = [
        '#!/bin/bash',
        `${HEADER_PREFIX}${JSON.stringify(headerOf(spec))}`,
        `# Rendered by immut bake-image (builder protocol v${BUILDER_PROTOCOL_VERSION}). cloud-init runs it once, as root.`,
        '# It always ends by powering the builder off; bake-image reads the outcome from the console.',
        // First of all, so that nothing below (a hung package mirror, a stuck script) can keep
        // the builder running after the bake has given up on it, even if the runner died.
        `shutdown -h +${spec.selfDestructMinutes} 'immut: bake deadline reached, powering off' || true`,
        'exec > >(tee -a /var/log/immut-bake.log /dev/console) 2>&1',
        'set -euo pipefail',
        `IMMUT_BAKE=${quote(spec.bakeId)}`,
        `IMMUT_DIR=${BUILDER_WORK_DIR}`,
        'immut_step=start',
        'immut_finish() {',
        '  local code=$?',
        '  trap - EXIT',
        '  if [ "$code" -eq 0 ] && [ "$immut_step" = done ]; then',
        `    echo "${BAKE_MARKERS.success} $IMMUT_BAKE"`,
        '  else',
        `    echo "${BAKE_MARKERS.failure} $IMMUT_BAKE step=$immut_step exit=$code"`,
        '  fi',
        '  sync; sleep 2', // let tee drain to the console before the power goes
        '  poweroff',
        '}',
        'trap immut_finish EXIT',
        'immut_unpack() { mkdir -p "$(dirname "$IMMUT_DIR/$2")"; base64 -d > "$IMMUT_DIR/$2"; chmod "$1" "$IMMUT_DIR/$2"; }',
        'immut_install_cloudwatch_agent() {',
        '  if command -v dnf >/dev/null 2>&1; then dnf install -y amazon-cloudwatch-agent',
        '  elif command -v yum >/dev/null 2>&1; then yum install -y amazon-cloudwatch-agent',
        '  elif command -v apt-get >/dev/null 2>&1; then',
        '    curl -fsSL -o /tmp/amazon-cloudwatch-agent.deb "https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/$(dpkg --print-architecture)/latest/amazon-cloudwatch-agent.deb"',
        '    dpkg -i /tmp/amazon-cloudwatch-agent.deb && rm -f /tmp/amazon-cloudwatch-agent.deb',
        '  else echo "immut: no supported package manager (dnf, yum, apt-get)"; return 1; fi',
        '}',
        `echo "${BAKE_MARKERS.start} $IMMUT_BAKE protocol=${BUILDER_PROTOCOL_VERSION} role=${spec.role} env=${spec.env}"`,
        ...artifact,
        step('os-updates'),
        'if command -v dnf >/dev/null 2>&1; then dnf -y upgrade --refresh',
        'elif command -v yum >/dev/null 2>&1; then yum -y update',
        'elif command -v apt-get >/dev/null 2>&1; then',
        '  export DEBIAN_FRONTEND=noninteractive',
        '  apt-get update && apt-get -y -o Dpkg::Options::=--force-confold dist-upgrade',
        'else echo "immut: no supported package manager (dnf, yum, apt-get)"; false; fi',
        step('provision', ` (${spec.script.name}, ${spec.files.length} shipped file(s))`),
        'mkdir -p "$IMMUT_DIR/files"',
        ...unpackBlock(0, 0o755, spec.script.name, spec.script.content),
        ...files,
        [
            `(cd "$IMMUT_DIR" && IMMUT_FILES="$IMMUT_DIR/files" IMMUT_ROLE=${quote(spec.role)}`,
            `IMMUT_ENV=${quote(spec.env)} IMMUT_APP_VERSION=${quote(spec.appVersion ?? '')}${appDirEnv}`,
            `./${spec.script.name})`,
        ].join(' '),
        step('logging', spec.logPaths.length > 0
            ? ` (${spec.logPaths.length} path(s) -> ${logGroupName(spec.role, spec.env)})`
            : ''),
        ...logging,
        step('seal'),
        'mkdir -p /etc/immut',
        "cat > /etc/immut/image.json <<'IMMUT_JSON'",
        imageMetadata(spec),
        'IMMUT_JSON',
        'rm -rf "$IMMUT_DIR"',
        // Instances launched from the image then run cloud-init as on a first boot.
        'cloud-init clean || true',
        'immut_step=done',
        '',
    ];
    return lines.join('\n');
}
/**
 * The script as user data: gzip-compressed when that makes it smaller (cloud-init detects
 * and unpacks gzip user data). Node's gzip output is deterministic (mtime 0).
 */
function encodeUserData(script) {
    const raw = Buffer.from(script, 'utf8');
    const gz = (0,external_node_zlib_.gzipSync)(raw, { level: 9 });
    return gz.length < raw.length
        ? { bytes: gz, compressed: true, scriptBytes: raw.length }
        : { bytes: raw, compressed: false, scriptBytes: raw.length };
}
function decodeUserData(bytes) {
    try {
        const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
        return raw.toString('utf8');
    }
    catch {
        return undefined;
    }
}
function isHeader(value) {
    const h = value;
    return (typeof h === 'object' &&
        h !== null &&
        h.protocol === BUILDER_PROTOCOL_VERSION &&
        typeof h.bake === 'string' &&
        typeof h.selfDestructMinutes === 'number' &&
        typeof h.role === 'string' &&
        typeof h.env === 'string' &&
        (h.appVersion === null || typeof h.appVersion === 'string') &&
        Array.isArray(h.logPaths) &&
        h.logPaths.every((p) => typeof p === 'string') &&
        typeof h.script === 'string' &&
        Array.isArray(h.files) &&
        h.files.every((f) => typeof f?.path === 'string' && typeof f?.mode === 'number') &&
        (h.artifact === undefined ||
            (typeof h.artifact === 'object' &&
                h.artifact !== null &&
                typeof h.artifact.url === 'string' &&
                typeof h.artifact.sha256 === 'string' &&
                typeof h.artifact.size === 'number')));
}
/**
 * The spec a builder's user data was rendered from, or undefined when the user data does
 * not follow this protocol version. Recognition is strict: the spec is rebuilt from the
 * header and the embedded files, rendered again, and must reproduce the user data byte
 * for byte — so a marker line pasted into some other script is never taken for a builder.
 */
function parseBuilderUserData(bytes) {
    const script = decodeUserData(bytes);
    if (script === undefined)
        return undefined;
    const headerLine = script.split('\n', 2)[1];
    if (!headerLine?.startsWith(HEADER_PREFIX))
        return undefined;
    let header;
    try {
        header = JSON.parse(headerLine.slice(HEADER_PREFIX.length));
    }
    catch {
        return undefined;
    }
    if (!isHeader(header))
        return undefined;
    const contents = new Map();
    for (const [, index, body] of script.matchAll(/<<'IMMUT_FILE_(\d+)'\n([A-Za-z0-9+/=\n]*?)\n?IMMUT_FILE_\1\n/g)) {
        contents.set(Number(index), Buffer.from((body ?? '').replace(/\n/g, ''), 'base64'));
    }
    const scriptContent = contents.get(0);
    if (scriptContent === undefined)
        return undefined;
    const files = [];
    for (const [i, file] of header.files.entries()) {
        const content = contents.get(i + 1);
        if (content === undefined)
            return undefined;
        files.push({ path: file.path, mode: file.mode, content });
    }
    const spec = {
        bakeId: header.bake,
        selfDestructMinutes: header.selfDestructMinutes,
        role: header.role,
        env: header.env,
        ...(header.appVersion === null ? {} : { appVersion: header.appVersion }),
        logPaths: header.logPaths,
        script: { name: header.script, content: scriptContent },
        files,
        ...(header.artifact
            ? { artifact: { url: header.artifact.url, sha256: header.artifact.sha256, size: header.artifact.size } }
            : {}),
    };
    if (checkBuilderSpec(spec).length > 0)
        return undefined;
    return renderBuilderScript(spec) === script ? spec : undefined;
}
/**
 * The outcome a builder reported on its console: its last marker for this bake. Markers
 * may carry a console prefix (timestamps, `cloud-init[…]:`), so they are found anywhere in
 * a line; another bake's markers (a different id) never count.
 */
function readBakeOutcome(consoleText, bakeId) {
    const id = bakeId.replace(/[^a-z0-9-]/g, '');
    const pattern = new RegExp(`(${BAKE_MARKERS.success}|${BAKE_MARKERS.failure}) ${id}(?: step=(\\S+) exit=(\\S+))?\\s*$`);
    let outcome = { outcome: 'unknown' };
    for (const line of consoleText.split(/\r?\n/)) {
        const match = pattern.exec(line);
        if (!match)
            continue;
        outcome =
            match[1] === BAKE_MARKERS.success
                ? { outcome: 'success' }
                : { outcome: 'failure', step: match[2] ?? 'unknown', exitCode: match[3] ?? 'unknown' };
    }
    return outcome;
}
/** The last `lines` non-empty lines of console output, for error messages. */
function consoleTail(consoleText, lines = 25) {
    return consoleText
        .split(/\r?\n/)
        .map((l) => l.trimEnd())
        .filter((l) => l.length > 0)
        .slice(-lines);
}
/** A short, stable id for one bake: the same workflow run and fingerprint give the same id. */
function bakeIdFor(runKey, fingerprint) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${runKey}\0${fingerprint}`).digest('hex');
    return `${fingerprint.slice(0, 8)}-${hash.slice(0, 12)}`;
}

;// CONCATENATED MODULE: ./packages/core/lib/artifact.js
// The application artifact bake-image ships to its builder: workspace files and directories
// packed reproducibly into a tar.gz, so the same content always gives the same sha256 (the
// digest is part of the bake's fingerprint and the object's key in the staging bucket).
// Reproducible means: entries sorted by path (bytewise), every mtime fixed, owner and group
// 0 (root), modes normalised (0755 for directories and executable files, else 0644), and
// gzip without a timestamp or file name. The tar format is POSIX ustar (names up to 255
// bytes through the prefix field), written here: a header is 512 bytes of fixed fields.






// Where the builder unpacks the artifact; provision scripts find it in $IMMUT_APP_DIR.

/** The most immut packs (the files' total size): the pack is built in memory. */
const ARTIFACT_MAX_BYTES = 512 * 1024 * 1024;
/** Every entry's mtime: 2000-01-01T00:00:00Z (a fixed, plausible date; tar warns of none). */
const ARTIFACT_MTIME = 946_684_800;
const BLOCK = 512;
function fail(read, given, why) {
    throw new errors/* InputError */.dz([`Input '${read.input}' was ${(0,inputs/* showGiven */.vP)(given)}: ${why}; expected ${read.expected}.`]);
}
/** A file or directory name that can go into a tar header and a shell safely. */
function nameProblem(name) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\\]/.test(name))
        return 'has control characters or a backslash';
    return undefined;
}
function walk(w, relative, packed) {
    const resolved = (0,inputs/* resolveInWorkspace */.z1)(w.workspace, relative);
    if (!resolved.ok)
        fail(w.read, w.given, `${(0,inputs/* showGiven */.vP)(relative)}: ${resolved.problem}`);
    const stat = (0,external_node_fs_.statSync)(resolved.real);
    if (stat.isDirectory()) {
        w.out.push({ path: packed, kind: 'dir', mode: 0o755 });
        const names = (0,external_node_fs_.readdirSync)(resolved.real).sort();
        for (const name of names) {
            const problem = nameProblem(name);
            if (problem)
                fail(w.read, w.given, `${(0,inputs/* showGiven */.vP)(`${relative}/${name}`)} ${problem}`);
            walk(w, external_node_path_.join(relative, name), `${packed}/${name}`);
        }
        return;
    }
    if (!stat.isFile())
        fail(w.read, w.given, `${(0,inputs/* showGiven */.vP)(relative)} is not a regular file or directory`);
    const file = (0,inputs/* readWorkspaceFile */.sL)(w.workspace, {
        input: w.read.input,
        given: w.given,
        expected: w.read.expected,
        path: relative,
        what: `file ${(0,inputs/* showGiven */.vP)(relative)}`,
        maxBytes: w.budget.bytes,
    });
    w.budget.bytes -= file.content.length;
    w.out.push({ path: packed, kind: 'file', mode: file.executable ? 0o755 : 0o644, content: file.content });
}
/**
 * The entries of the given workspace paths, each packed under its own base name (`app/api`
 * → `api/…`), every path real-path contained in the workspace (a symlink leading out of it
 * is refused; one inside is followed), sorted bytewise.
 */
function collectArtifact(workspace, given, read) {
    const budget = { bytes: read.maxBytes ?? ARTIFACT_MAX_BYTES };
    const out = [];
    const roots = new Map();
    for (const item of given) {
        const resolved = (0,inputs/* resolveInWorkspace */.z1)(workspace, item);
        if (!resolved.ok)
            fail(read, item, resolved.problem);
        const base = external_node_path_.basename(resolved.relative);
        if (base === '')
            fail(read, item, 'it is the workspace itself; name a directory or files inside it');
        const problem = nameProblem(base);
        if (problem)
            fail(read, item, `its name ${problem}`);
        const clash = roots.get(base);
        if (clash !== undefined)
            fail(read, item, `it would unpack as '${base}', like ${(0,inputs/* showGiven */.vP)(clash)}`);
        roots.set(base, item);
        walk({ workspace, read, given: item, budget, out }, resolved.relative, base);
    }
    return out.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}
function octal(value, width) {
    return value.toString(8).padStart(width - 1, '0') + '\0';
}
/** The ustar name and prefix fields for a path, or undefined when it does not fit. */
function splitName(name) {
    if (name.length <= 100)
        return { name, prefix: Buffer.alloc(0) };
    for (let i = name.length - 1; i > 0; i--) {
        if (name[i] !== 0x2f)
            continue;
        if (i <= 155 && name.length - i - 1 <= 100 && name.length - i - 1 > 0)
            return { prefix: name.subarray(0, i), name: name.subarray(i + 1) };
    }
    return undefined;
}
/** One 512-byte ustar header. */
function tarHeader(entry) {
    const full = Buffer.from(entry.kind === 'dir' ? `${entry.path}/` : entry.path, 'utf8');
    const split = splitName(full);
    if (!split)
        throw new Error(`path '${entry.path}' is too long for a tar header (255 bytes, a name ≤ 100)`);
    const h = Buffer.alloc(BLOCK);
    split.name.copy(h, 0);
    h.write(octal(entry.mode, 8), 100, 'ascii');
    h.write(octal(0, 8), 108, 'ascii');
    h.write(octal(0, 8), 116, 'ascii');
    h.write(octal(entry.kind === 'file' ? (entry.content?.length ?? 0) : 0, 12), 124, 'ascii');
    h.write(octal(ARTIFACT_MTIME, 12), 136, 'ascii');
    h.write('        ', 148, 'ascii');
    h.write(entry.kind === 'dir' ? '5' : '0', 156, 'ascii');
    h.write('ustar\0', 257, 'ascii');
    h.write('00', 263, 'ascii');
    h.write('root', 265, 'ascii');
    h.write('root', 297, 'ascii');
    split.prefix.copy(h, 345);
    let sum = 0;
    for (const byte of h)
        sum += byte;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
    return h;
}
/** The tar archive of the entries, in the order given, ending in two zero blocks. */
function tarOf(entries) {
    const parts = [];
    for (const entry of entries) {
        parts.push(tarHeader(entry));
        if (entry.kind === 'file' && entry.content && entry.content.length > 0) {
            parts.push(entry.content);
            const pad = (BLOCK - (entry.content.length % BLOCK)) % BLOCK;
            if (pad > 0)
                parts.push(Buffer.alloc(pad));
        }
    }
    parts.push(Buffer.alloc(2 * BLOCK));
    return Buffer.concat(parts);
}
/** The workspace paths packed: tar.gz bytes, their sha256 and size. */
function packArtifact(workspace, given, read) {
    const entries = collectArtifact(workspace, given, read);
    for (const e of entries) {
        if (!splitName(Buffer.from(e.kind === 'dir' ? `${e.path}/` : e.path)))
            fail(read, given.join(', '), `the path ${(0,inputs/* showGiven */.vP)(e.path)} is too long for the pack (255 bytes, a last part ≤ 100)`);
    }
    // Node's gzip writes no name and mtime 0: the same tar gives the same bytes.
    const bytes = (0,external_node_zlib_.gzipSync)(tarOf(entries), { level: 9 });
    return {
        bytes,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
        size: bytes.length,
        paths: [...given],
        entries: entries.length,
    };
}
/** The image tags that record its artifact (tag-release reads them into the manifest). */
const ARTIFACT_TAGS = {
    sha256: 'immut:artifact',
    size: 'immut:artifact-size',
    paths: 'immut:artifact-paths',
};
/** AWS's tag value limit: the paths tag keeps the whole paths that fit, then `…`. */
const TAG_VALUE_MAX = 256;
function pathsTag(paths) {
    const all = paths.join(',');
    if (all.length <= TAG_VALUE_MAX)
        return all;
    let kept = '';
    for (const p of paths) {
        const next = kept === '' ? p : `${kept},${p}`;
        if (next.length > TAG_VALUE_MAX - 2)
            break;
        kept = next;
    }
    return `${kept},…`;
}
function artifactTags(artifact) {
    return {
        [ARTIFACT_TAGS.sha256]: artifact.sha256,
        [ARTIFACT_TAGS.size]: String(artifact.size),
        [ARTIFACT_TAGS.paths]: pathsTag(artifact.paths),
    };
}
/** The artifact an image's tags record, or undefined when they record none (or not wholly). */
function artifactFromTags(tags) {
    const sha256 = tags[ARTIFACT_TAGS.sha256];
    const size = Number(tags[ARTIFACT_TAGS.size]);
    const paths = (tags[ARTIFACT_TAGS.paths] ?? '').split(',').filter((p) => p !== '');
    if (!sha256 ||
        !/^[0-9a-f]{64}$/.test(sha256) ||
        !Number.isSafeInteger(size) ||
        size < 1 ||
        paths.length === 0)
        return undefined;
    return { sha256, size, paths };
}

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

// EXTERNAL MODULE: ./packages/core/lib/tags.js
var lib_tags = __webpack_require__(8964);
;// CONCATENATED MODULE: ./packages/core/lib/untrusted-output.js
// Printing text immut did not write (a builder's console, a change log's output) without
// letting it speak to the runner. The runner obeys any output line that reads as a workflow
// command (`::add-mask::`, `::error::`, `::set-output …`, the legacy `##[…]` form anywhere
// in a line, case-insensitively, after leading blanks), so such text goes between
// `::stop-commands::<token>` and `::<token>::`, GitHub's documented way to print it as
// plain text. The token is random per block, so the text cannot end the block early.
//
// While a block is open, nothing immut prints is obeyed either: no setSecret, setOutput,
// warning or group inside it. Single-line messages that go through the runner IO's commands
// (error, warning, debug; action-io.ts) need no block: it escapes CR, LF and % in their data.

/** A fresh token: 128 random bits, never a command name, longer than 6 so the runner masks it. */
function stopToken() {
    return `immut-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
}
/**
 * Runs `fn` with workflow commands stopped; `print` shows one line of untrusted text. The
 * block is closed even when `fn` throws.
 */
async function withCommandsStopped(io, fn, token = stopToken()) {
    io.info(`::stop-commands::${token}`);
    try {
        return await fn((line) => io.info(line));
    }
    finally {
        io.info(`::${token}::`);
    }
}
/** Prints untrusted lines (or a text, split on its line breaks) as plain log text. */
function printUntrusted(io, text) {
    const lines = typeof text === 'string' ? text.split(/\r\n|\r|\n/) : text;
    // A token that happened to appear in the text would end the block there: draw another.
    let token = stopToken();
    while (lines.some((line) => line.includes(token)))
        token = stopToken();
    io.info(`::stop-commands::${token}`);
    for (const line of lines)
        io.info(line);
    io.info(`::${token}::`);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeImagesCommand.js
var DescribeImagesCommand = __webpack_require__(1048);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/pagination/DescribeImagesPaginator.js
var DescribeImagesPaginator = __webpack_require__(7588);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-es/commands/GetParameterCommand.js + 1 modules
var GetParameterCommand = __webpack_require__(9121);
;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/base-image.js
// Resolves the OS head: the base image the bake starts from, given as an SSM parameter, a
// name filter with owners, or a fixed image id. Whatever the form, the result is an existing
// image in state `available`, with its name and creation date for the summary.
//
// SSM parameters are read only under AWS's public /aws/service/ and the prefixes the user
// allows (ssm-parameter-prefixes), never decrypted, never a SecureString, and their value is
// never shown: a mistyped path must not turn the bake into a way to print a secret.




const OWNER = /^(?:self|amazon|aws-marketplace|\d{12})$/;
function inputProblem(given, why) {
    return new errors/* InputError */.dz([
        `Input 'base-image' was ${(0,inputs/* showGiven */.vP)(given)}: ${why}; expected 'ssm:<parameter path>' (under /aws/service/ or a prefix in ssm-parameter-prefixes), 'filter:<name pattern>;owners=<owner,...>' or an 'ami-…' id.`,
    ]);
}
/** AWS's public parameters (latest AMIs and more): always allowed. */
const PUBLIC_SSM_PREFIX = '/aws/service/';
/** A parameter name as GetParameter takes it: a path of SSM's name characters, at most 2048,
 *  no empty, `.` or `..` segment, optionally `:<version or label>`. */
const SSM_PARAMETER = /^(?=[^:]{2,2048}(?::|$))(?:\/(?!\.\.?(?:\/|:|$))[A-Za-z0-9_.-]+)+(?::[A-Za-z0-9_.-]{1,100})?$/;
/** The parameter's name without a `:version` or `:label` selector. */
const nameOf = (parameter) => parameter.replace(/:[^/]*$/, '');
/** Parses the `base-image` input (already matched against its pattern by readInputs). */
function parseBaseImage(given) {
    if (given.startsWith('ssm:')) {
        const parameter = given.slice(4);
        if (!SSM_PARAMETER.test(parameter)) {
            throw inputProblem(given, "not an SSM parameter path ('/' and segments of letters, digits, '.', '_' and '-', at most 2048 characters)");
        }
        return { kind: 'ssm', parameter };
    }
    if (given.startsWith('filter:')) {
        const [pattern = '', ...options] = given.slice(7).split(';');
        let owners = [];
        for (const option of options) {
            const match = /^\s*owners=(.*)$/.exec(option);
            if (!match)
                throw inputProblem(given, `unknown option ${(0,inputs/* showGiven */.vP)(option)} (only 'owners=' is known)`);
            owners = (match[1] ?? '')
                .split(',')
                .map((o) => o.trim())
                .filter((o) => o !== '');
        }
        if (pattern.trim() === '')
            throw inputProblem(given, 'the name pattern is empty');
        // Without owners anyone's public image with a matching name could be picked (the
        // "whoAMI" name-confusion attack), so owners are required.
        if (owners.length === 0)
            throw inputProblem(given, "a name filter needs ';owners=' (e.g. amazon or an account id)");
        const bad = owners.filter((o) => !OWNER.test(o));
        if (bad.length > 0)
            throw inputProblem(given, `owner ${(0,inputs/* showGiven */.vP)(bad[0] ?? '')} is not self, amazon, aws-marketplace or a 12-digit account id`);
        return { kind: 'filter', pattern: pattern.trim(), owners };
    }
    return { kind: 'id', imageId: given };
}
function describe(image, from) {
    return {
        imageId: image.ImageId ?? '',
        name: image.Name ?? '(no name)',
        creationDate: image.CreationDate ?? '',
        architecture: image.Architecture ?? '',
        from,
    };
}
async function imageById(ec2, imageId, given, via) {
    let images;
    try {
        images = (await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [imageId] }))).Images ?? [];
    }
    catch (error) {
        const name = error.name;
        if (name === 'InvalidAMIID.NotFound' || name === 'InvalidAMIID.Malformed')
            images = [];
        else
            throw error;
    }
    const image = images[0];
    if (!image)
        throw inputProblem(given, `image ${imageId}${via} does not exist in this region or is not visible to this account`);
    if (image.State !== 'available') {
        throw inputProblem(given, `image ${imageId}${via} is ${image.State ?? 'in an unknown state'}, not available`);
    }
    return describe(image, given);
}
async function newestByFilter(ec2, given, pattern, owners) {
    const images = [];
    const pages = (0,DescribeImagesPaginator/* paginateDescribeImages */.X)({ client: ec2 }, {
        Owners: owners,
        Filters: [
            { Name: 'name', Values: [pattern] },
            { Name: 'state', Values: ['available'] },
        ],
    });
    for await (const page of pages)
        images.push(...(page.Images ?? []));
    // CreationDate is an ISO string, so the lexical maximum is the newest.
    const newest = images.reduce((best, image) => best === undefined || (image.CreationDate ?? '') > (best.CreationDate ?? '') ? image : best, undefined);
    if (!newest) {
        throw inputProblem(given, `no available image named like ${(0,inputs/* showGiven */.vP)(pattern)} is owned by ${owners.join(', ')} in this region`);
    }
    return describe(newest, given);
}
/** Whether immut may read `parameter`: under /aws/service/ or one of the user's prefixes. */
function ssmParameterAllowed(parameter, prefixes) {
    const name = nameOf(parameter);
    return [PUBLIC_SSM_PREFIX, ...prefixes].some((prefix) => name.startsWith(prefix));
}
async function fromParameter(ec2, ssm, given, parameter, prefixes) {
    const shown = (0,inputs/* showGiven */.vP)(nameOf(parameter));
    if (!ssmParameterAllowed(parameter, prefixes)) {
        const allowed = prefixes.length === 0 ? 'none is given' : `it has ${prefixes.join(', ')}`;
        throw inputProblem(given, `SSM parameter ${shown} is not under ${PUBLIC_SSM_PREFIX} or a prefix in 'ssm-parameter-prefixes' (${allowed}); add the path your team publishes image ids under (e.g. /team/images/) to ssm-parameter-prefixes`);
    }
    let type;
    let value;
    try {
        // Never decrypted: a SecureString is refused below without its plaintext ever reaching
        // this process (kms:Decrypt is not in the action's policy either).
        const out = await ssm.send(new GetParameterCommand/* GetParameterCommand */.l({ Name: parameter, WithDecryption: false }));
        type = out.Parameter?.Type;
        value = out.Parameter?.Value;
    }
    catch (error) {
        const name = error.name;
        if (name === 'ParameterNotFound' ||
            name === 'ParameterVersionNotFound' ||
            name === 'ValidationException') {
            throw inputProblem(given, `SSM parameter ${shown} does not exist in this region`);
        }
        throw error;
    }
    if (type === 'SecureString') {
        throw inputProblem(given, `SSM parameter ${shown} is a SecureString, which immut never reads; an image id is not a secret: publish it in a String parameter (data type aws:ec2:image)`);
    }
    // The value is never shown, not even cut: a String parameter may still hold a secret.
    if (type !== 'String' || !value || !/^ami-[0-9a-f]{8,17}$/.test(value)) {
        throw inputProblem(given, `SSM parameter ${shown} does not hold an image id (expected a String parameter whose value is an ami-… id; its value is not shown)`);
    }
    return imageById(ec2, value, given, ` (from ${nameOf(parameter)})`);
}
/** The OS head for `given`; throws an InputError when nothing usable matches. `ssmPrefixes`
 *  are the parameter path prefixes the user allows besides /aws/service/. */
async function resolveBaseImage(clients, given, ssmPrefixes = []) {
    const source = parseBaseImage(given);
    switch (source.kind) {
        case 'ssm':
            return fromParameter(clients.ec2, clients.ssm, given, source.parameter, ssmPrefixes);
        case 'filter':
            return newestByFilter(clients.ec2, given, source.pattern, source.owners);
        case 'id':
            return imageById(clients.ec2, source.imageId, given, '');
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/pagination/DescribeInstancesPaginator.js
var DescribeInstancesPaginator = __webpack_require__(3970);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/GetConsoleOutputCommand.js
var GetConsoleOutputCommand = __webpack_require__(7233);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/TerminateInstancesCommand.js
var TerminateInstancesCommand = __webpack_require__(9646);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeInstancesCommand.js
var DescribeInstancesCommand = __webpack_require__(1490);
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
    const out = await ec2.send(new DescribeInstancesCommand/* DescribeInstancesCommand */.b({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }));
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

;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/builder.js
// The builder instance: launched once per bake (idempotently), watched until it powers
// itself off, read through its console, and always terminated afterwards.







const BUILDER_COMPONENT = 'builder';
/** How many spent ClientTokens (builders of earlier attempts, already gone) to step over. */
const MAX_TOKEN_GENERATIONS = 20;
/** How long to wait for the console to show an outcome after the builder stopped: EC2
 *  posts console output shortly after a state change, not instantly. */
const CONSOLE_SETTLE_MS = 3 * 60_000;
/**
 * RunInstances' idempotency token: the same for every attempt of one workflow run, so a
 * retried or re-run launch returns the first builder instead of starting a second. It
 * names the subnet (another subnet is another request) and a generation, stepped when an
 * earlier attempt's builder behind the token is already gone.
 */
function clientToken(plan, subnetId, generation) {
    const { role, env, build } = plan.identity;
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update([plan.runKey, env, role, build, plan.fingerprint, subnetId].join('\0'))
        .digest('hex')
        .slice(0, 40);
    return `immut-bake-${hash}-${generation}`;
}
function runInstancesInput(plan, subnetId, token, dryRun = false) {
    const tags = (0,lib_tags/* toAwsTags */.Ez)(plan.tags);
    return {
        ImageId: plan.baseImageId,
        InstanceType: plan.instanceType,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnetId,
        ...(plan.network.securityGroupIds.length > 0 ? { SecurityGroupIds: plan.network.securityGroupIds } : {}),
        ...(plan.instanceProfile ? { IamInstanceProfile: { Name: plan.instanceProfile } } : {}),
        UserData: plan.userData.toString('base64'),
        // The script powers the builder off; it must stop (to be imaged), not terminate.
        InstanceInitiatedShutdownBehavior: 'stop',
        MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
        TagSpecifications: [
            { ResourceType: 'instance', Tags: tags },
            { ResourceType: 'volume', Tags: tags },
        ],
        ...(token ? { ClientToken: token } : {}),
        ...(dryRun ? { DryRun: true } : {}),
    };
}
const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped'];
/** Builders of this bake (same release and fingerprint) that are not terminated, newest first. */
async function findLiveBuilders(ec2, identity, fingerprint) {
    const found = [];
    const pages = (0,DescribeInstancesPaginator/* paginateDescribeInstances */.H)({ client: ec2 }, {
        Filters: [
            ...(0,lib_tags/* releaseFilters */.Z)(identity),
            { Name: `tag:${lib_tags/* TAG */.Dk.component}`, Values: [BUILDER_COMPONENT] },
            { Name: `tag:${lib_tags/* TAG */.Dk.fingerprint}`, Values: [fingerprint] },
            { Name: 'instance-state-name', Values: LIVE_STATES },
        ],
    });
    for await (const page of pages) {
        for (const reservation of page.Reservations ?? [])
            found.push(...(reservation.Instances ?? []));
    }
    return found.sort((a, b) => (b.LaunchTime?.getTime() ?? 0) - (a.LaunchTime?.getTime() ?? 0));
}
/**
 * Launches the builder, trying each subnet in turn when a zone has no capacity. `record`
 * is called with the instance id as soon as EC2 returns it, before anything else can fail.
 */
async function launchBuilder(ec2, plan, record, log) {
    const noCapacity = [];
    for (const subnet of plan.network.subnets) {
        for (let generation = 0; generation < MAX_TOKEN_GENERATIONS; generation++) {
            let instance;
            try {
                const out = await ec2.send(new RunInstancesCommand/* RunInstancesCommand */.z(runInstancesInput(plan, subnet.id, clientToken(plan, subnet.id, generation))));
                instance = out.Instances?.[0];
            }
            catch (error) {
                const name = error.name;
                if (name === 'IdempotentParameterMismatch')
                    continue;
                if (name === 'InsufficientInstanceCapacity') {
                    log.warning(`No ${plan.instanceType} capacity in ${subnet.zone} (${subnet.id}); trying the next subnet.`);
                    noCapacity.push(`${subnet.id} (${subnet.zone})`);
                    break;
                }
                throw error;
            }
            if (!instance?.InstanceId)
                throw new Error('RunInstances returned no instance');
            const state = instance.State?.Name;
            if (state === 'terminated' || state === 'shutting-down') {
                // The token's builder belongs to an earlier attempt of this run and is gone.
                log.info(`Builder ${instance.InstanceId} of an earlier attempt is ${state}; launching a new one.`);
                continue;
            }
            record(instance.InstanceId);
            return { instanceId: instance.InstanceId, subnetId: subnet.id, zone: subnet.zone };
        }
    }
    if (noCapacity.length > 0) {
        throw new errors/* UserError */.yo(`EC2 has no ${plan.instanceType} capacity in any of the builder's subnets: ${noCapacity.join(', ')}. Try again later, add subnets in other zones ('subnet-ids'), or choose another 'instance-type'.`);
    }
    throw new errors/* UserError */.yo(`Could not launch a builder: every idempotency token of this run was spent by earlier attempts.`);
}
/**
 * The duration to record from a watch: the middle of the interval in which the builder
 * stopped. When the first poll already found it stopped, nothing bounds it from below, so the
 * estimate shrinks by a tenth: a bake that got faster is found sooner next time, one poll
 * earlier at a time, instead of always at the old figure.
 */
function builderDurationMs(timing) {
    const { lastRunningMs, stoppedSeenMs } = timing;
    if (lastRunningMs === undefined)
        return Math.round(stoppedSeenMs * 0.9);
    return Math.round((lastRunningMs + stoppedSeenMs) / 2);
}
/**
 * Waits until the builder has powered itself off (state `stopped`). With `expectedMs` (the
 * role's last bake, from its image's tag), the first poll waits that long and the next ones
 * follow at 10 s; without, no poll before the builder can have booted and powered off, then a
 * backoff from 15 s to 30 s, since how long a user's script runs is unknown.
 */
async function watchBuilder(ec2, instanceId, options) {
    const { clock } = options;
    const start = clock.now();
    let lastRunningMs;
    const stoppedSeenMs = await waitFor({
        what: `builder ${instanceId} to provision and power off`,
        clock,
        log: options.log,
        timeoutMs: options.deadline.remaining(),
        // Due: 10 s apart, so the duration this watch records is tight. Not due (no earlier bake
        // to time): AWS's instance-waiter cadence, 15 s, thinning out to 30 s.
        ...(options.expectedMs !== undefined
            ? { expectedMs: options.expectedMs, minDelayMs: 10_000 }
            : {
                notBeforeMs: AWS_WAITS.instanceRunning.expectedMs + AWS_WAITS.instanceStopped.expectedMs,
                minDelayMs: AWS_WAITS.instanceStopped.cadenceMs,
            }),
        maxDelayMs: 30_000,
        progressEveryMs: 60_000,
        check: async () => {
            // Right after launch EC2 may not know the id yet (eventual consistency).
            const instance = await instanceById(ec2, instanceId);
            const state = instance?.State?.Name ?? 'pending';
            const elapsed = clock.now() - start;
            if (state === 'stopped')
                return { done: true, value: elapsed };
            if (state === 'terminated' || state === 'shutting-down') {
                const reason = instance?.StateReason?.Message ?? 'no reason given';
                return { failed: true, reason: `the builder was ${state} before it finished (${reason})` };
            }
            lastRunningMs = elapsed;
            return { done: false, state };
        },
    });
    return { lastRunningMs, stoppedSeenMs };
}
async function consoleText(ec2, instanceId) {
    const out = await ec2.send(new GetConsoleOutputCommand/* GetConsoleOutputCommand */.O({ InstanceId: instanceId }));
    return out.Output ? Buffer.from(out.Output, 'base64').toString('utf8') : '';
}
/** The builder's console once it shows this bake's outcome (or what it shows after a while). */
async function readBuilderConsole(ec2, instanceId, bakeId, options) {
    let last = { text: '', outcome: { outcome: 'unknown' } };
    try {
        return await waitFor({
            what: `the console output of builder ${instanceId}`,
            clock: options.clock,
            log: options.log,
            timeoutMs: options.timeoutMs,
            minDelayMs: 5_000,
            maxDelayMs: 20_000,
            check: async () => {
                const text = await consoleText(ec2, instanceId);
                last = { text, outcome: readBakeOutcome(text, bakeId) };
                return last.outcome.outcome === 'unknown'
                    ? { done: false, state: text === '' ? 'empty' : 'no outcome marker yet' }
                    : { done: true, value: last };
            },
        });
    }
    catch (error) {
        if (error instanceof errors/* WaitTimeoutError */.Do)
            return last;
        throw error;
    }
}
/**
 * Terminates a builder after checking it is one: immut-managed, of this role and env, and
 * tagged as a builder. Returns false when it was already gone.
 */
async function terminateBuilder(ec2, instanceId, expected) {
    const instance = await instanceById(ec2, instanceId);
    const state = instance?.State?.Name;
    if (!instance || state === 'terminated' || state === 'shutting-down')
        return false;
    const tags = (0,lib_tags/* fromAwsTags */.L0)(instance.Tags);
    (0,lib_tags/* assertManaged */.wt)({ kind: 'instance', id: instanceId, tags }, expected);
    if (tags[lib_tags/* TAG */.Dk.component] !== BUILDER_COMPONENT) {
        throw new errors/* GuardError */.U$(`Refusing to terminate instance ${instanceId}: it has no ${lib_tags/* TAG */.Dk.component}=${BUILDER_COMPONENT} tag, so it is not a bake builder.`);
    }
    await ec2.send(new TerminateInstancesCommand/* TerminateInstancesCommand */.N({ InstanceIds: [instanceId] }));
    return true;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/fingerprint.js
// The bake's fingerprint: sha256 over a canonical description of everything that shapes
// the image — the base image, the role and env (they name the log group baked in), the
// provisioning script and every shipped file (path, mode, bytes), the log paths, the app
// version, the builder protocol version, the builder script template itself (rendered
// with this bake's content, so a change to the template always changes the fingerprint),
// and how the image is published: the KMS key and the copy regions (an image encrypted
// with another key, or a set of copies elsewhere, is another artefact), and the application
// artifact's digest (one changed byte, another image). These are left out of the description
// when unused, so a plain bake keeps the fingerprint it always had. The artifact's presigned
// URL is not part of it: it differs on every run.
// Left out on purpose: how the bake runs (instance type, subnets, security groups,
// instance profile, timeout) and who runs it (build, run id): changing a builder's size
// must not rebake, and two builds with identical inputs share one image.


const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/** Stands in for the presigned URL when rendering the template for the fingerprint. */
const NEUTRAL_ARTIFACT_URL = 'https://artifact.invalid/neutral';
/** JSON with sorted keys: the same description always gives the same bytes. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/** The description the fingerprint hashes; shown in the debug log so a rebake can be explained. */
function fingerprintDescription(baseImageId, content, publication = {}, artifact) {
    const neutral = {
        ...content,
        bakeId: '00000000-000000000000',
        selfDestructMinutes: 1,
        ...(artifact ? { artifact: { ...artifact, url: NEUTRAL_ARTIFACT_URL } } : {}),
    };
    return {
        protocol: BUILDER_PROTOCOL_VERSION,
        baseImageId,
        role: content.role,
        env: content.env,
        appVersion: content.appVersion ?? null,
        logPaths: [...content.logPaths].sort(),
        script: { name: content.script.name, sha256: sha256(content.script.content) },
        files: content.files.map((f) => ({ path: f.path, mode: f.mode.toString(8), sha256: sha256(f.content) })),
        template: sha256(renderBuilderScript(neutral)),
        kmsKeyId: publication.kmsKeyId,
        copyToRegions: publication.copyToRegions?.length ? [...publication.copyToRegions].sort() : undefined,
        artifact: artifact ? { sha256: artifact.sha256, size: artifact.size } : undefined,
    };
}
function fingerprint(baseImageId, content, publication = {}, artifact) {
    return sha256(canonical(fingerprintDescription(baseImageId, content, publication, artifact)));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/CreateImageCommand.js
var CreateImageCommand = __webpack_require__(7360);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeSnapshotsCommand.js
var DescribeSnapshotsCommand = __webpack_require__(9861);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DeregisterImageCommand.js
var DeregisterImageCommand = __webpack_require__(9074);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DeleteSnapshotCommand.js
var DeleteSnapshotCommand = __webpack_require__(2620);
;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/image.js
// The image: looked up by fingerprint (the cache), created from the stopped builder under
// core's name (CreateImage has no idempotency token, so an image an earlier attempt made is
// found by name first), waited for, and removed by the post step when the run failed.




const info = (image) => ({
    imageId: image.ImageId ?? '',
    name: image.Name ?? '',
    state: image.State ?? 'unknown',
    creationDate: image.CreationDate ?? '',
});
/** A recorded builder duration above this is not believed (a bake's timeout is at most 6 h). */
const MAX_BUILDER_SECONDS = 6 * 3600;
/** The `immut:builder-seconds` tag's value, if it is a believable whole number of seconds. */
function builderMsFromTag(value) {
    if (value === undefined || !/^[0-9]{1,5}$/.test(value))
        return undefined;
    const seconds = Number(value);
    return seconds > 0 && seconds <= MAX_BUILDER_SECONDS ? seconds * 1000 : undefined;
}
const newestFirst = (a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? '');
/**
 * The images immut made for this role and env in this account (only such images are the
 * role's to reuse and later retire), in one call: the cache hit for the fingerprint and the
 * last recorded builder duration (available images only), and every image by name (any state:
 * an earlier attempt's pending or failed one), so a bake makes no other lookup before it starts.
 */
async function findRoleImages(ec2, identity, fingerprint) {
    const images = [];
    for await (const page of (0,DescribeImagesPaginator/* paginateDescribeImages */.X)({ client: ec2 }, {
        Owners: ['self'],
        Filters: [
            { Name: `tag:${lib_tags/* TAG */.Dk.managedBy}`, Values: [lib_tags/* MANAGED_BY_VALUE */.Q9] },
            { Name: `tag:${lib_tags/* TAG */.Dk.role}`, Values: [identity.role] },
            { Name: `tag:${lib_tags/* TAG */.Dk.env}`, Values: [identity.env] },
        ],
    })) {
        images.push(...(page.Images ?? []));
    }
    images.sort(newestFirst);
    const tagged = images.map((image) => ({ image, tags: (0,lib_tags/* fromAwsTags */.L0)(image.Tags) }));
    const available = tagged.filter(({ image }) => image.State === 'available');
    const hit = available.find(({ tags }) => tags[lib_tags/* TAG */.Dk.fingerprint] === fingerprint);
    const lastBuilderMs = available
        .map(({ tags }) => builderMsFromTag(tags[lib_tags/* TAG */.Dk.builderSeconds]))
        .find((ms) => ms !== undefined);
    const byName = new Map();
    for (const { image, tags } of tagged)
        if (image.Name && !byName.has(image.Name))
            byName.set(image.Name, { ...info(image), tags, snapshotIds: snapshotIdsOf(image) });
    return { cached: hit ? info(hit.image) : undefined, lastBuilderMs, byName };
}
/** This account's image with exactly this name, with its tags. */
async function findImageByName(ec2, name) {
    const out = await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] }));
    const image = out.Images?.[0];
    return image
        ? { ...info(image), tags: (0,lib_tags/* fromAwsTags */.L0)(image.Tags), snapshotIds: snapshotIdsOf(image) }
        : undefined;
}
/** This account's image with this id, with its tags and snapshots. */
async function findImageById(ec2, imageId) {
    const out = await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [imageId] }));
    const image = out.Images?.[0];
    return image
        ? { ...info(image), tags: (0,lib_tags/* fromAwsTags */.L0)(image.Tags), snapshotIds: snapshotIdsOf(image) }
        : undefined;
}
const snapshotIdsOf = (image) => (image.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []));
async function createImage(ec2, input) {
    const tags = (0,lib_tags/* toAwsTags */.Ez)(input.tags);
    let out;
    try {
        out = await ec2.send(new CreateImageCommand/* CreateImageCommand */.T({
            InstanceId: input.instanceId,
            Name: input.name,
            Description: input.description.slice(0, 255),
            TagSpecifications: [
                { ResourceType: 'image', Tags: tags },
                { ResourceType: 'snapshot', Tags: tags },
            ],
        }));
    }
    catch (error) {
        // The bake looked for an earlier attempt's image among the role's own images only: an
        // image of this name that is not one of them is someone else's, never reused or removed.
        if (!(error instanceof Error && error.name === 'InvalidAMIName.Duplicate'))
            throw error;
        const other = await findImageByName(ec2, input.name);
        throw new errors/* UserError */.yo(`An image named ${input.name} already exists in this account${other ? ` (${other.imageId})` : ''}, and it is not one of this role's images (it lacks immut's tags for this role and env); immut neither reuses nor removes it. Deregister or rename it, then run the bake again.`);
    }
    if (!out.ImageId)
        throw new Error('CreateImage returned no image id');
    return out.ImageId;
}
/** Waits for `available`; `failed` ends the wait with the image's state reason. */
async function waitForImage(ec2, imageId, options) {
    await waitFor({
        what: `image ${imageId} to become available`,
        clock: options.clock,
        log: options.log,
        timeoutMs: options.deadline.remaining(),
        ...(options.justCreated ? { expectedMs: AWS_WAITS.imageAvailable.expectedMs } : {}),
        minDelayMs: AWS_WAITS.imageAvailable.cadenceMs,
        maxDelayMs: 60_000,
        progressEveryMs: 60_000,
        check: async () => {
            let image;
            try {
                image = (await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [imageId] }))).Images?.[0];
            }
            catch (error) {
                // Eventual consistency: a just-created image may not be visible yet.
                if (error.name !== 'InvalidAMIID.NotFound')
                    throw error;
            }
            const state = image?.State ?? 'pending';
            if (state === 'available')
                return { done: true, value: undefined };
            if (state === 'failed' || state === 'error' || state === 'deregistered' || state === 'invalid') {
                const reason = image?.StateReason?.Message ?? image?.StateReason?.Code ?? 'no state reason given';
                return { failed: true, reason: `the image is ${state}: ${reason}` };
            }
            return { done: false, state };
        },
    });
}
/** The snapshot as it is now (re-read, not taken from the image), or undefined when gone. */
async function readSnapshot(ec2, snapshotId) {
    try {
        const out = await ec2.send(new DescribeSnapshotsCommand/* DescribeSnapshotsCommand */.M({ SnapshotIds: [snapshotId], OwnerIds: ['self'] }));
        return out.Snapshots?.[0];
    }
    catch (error) {
        if (error.name === 'InvalidSnapshot.NotFound')
            return undefined;
        throw error;
    }
}
/**
 * Deregisters an image immut made for this role and env, then deletes those of its
 * snapshots (DeregisterImage keeps them) that carry immut's tags for this role and env
 * themselves: each is re-read just before its deletion, since a snapshot outlives its image
 * and may have been taken over meanwhile (shared, restored from, retagged). A snapshot that
 * is not provably immut's is kept, with a warning naming it. Returns false when the image
 * was already gone.
 */
async function removeImage(ec2, imageId, expected, io) {
    let image;
    try {
        image = (await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [imageId] }))).Images?.[0];
    }
    catch (error) {
        if (error.name === 'InvalidAMIID.NotFound')
            return false;
        throw error;
    }
    if (!image)
        return false;
    (0,lib_tags/* assertManaged */.wt)({ kind: 'image', id: imageId, tags: (0,lib_tags/* fromAwsTags */.L0)(image.Tags) }, expected);
    await ec2.send(new DeregisterImageCommand/* DeregisterImageCommand */.x({ ImageId: imageId }));
    for (const snapshotId of snapshotIdsOf(image)) {
        const snapshot = await readSnapshot(ec2, snapshotId);
        if (!snapshot)
            continue;
        const problem = (0,lib_tags/* managedProblem */.rz)((0,lib_tags/* fromAwsTags */.L0)(snapshot.Tags), expected);
        if (problem !== undefined) {
            io.warning(`Kept snapshot ${snapshotId} of image ${imageId} (deregistered): ${problem}, and immut deletes only what carries its tags for role '${expected.role}' in env '${expected.env}'. Delete the snapshot yourself if nothing needs it.`);
            continue;
        }
        try {
            await ec2.send(new DeleteSnapshotCommand/* DeleteSnapshotCommand */.t({ SnapshotId: snapshotId }));
        }
        catch (error) {
            if (error.name !== 'InvalidSnapshot.NotFound')
                throw error;
        }
    }
    return true;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeSubnetsCommand.js
var DescribeSubnetsCommand = __webpack_require__(3168);
;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/network.js
// Where the builder may run: the subnets to try in order (the given ones, or the default
// VPC's default subnets) and its security groups, checked before anything is launched so a
// wrong id is an input error, not a half-made bake.



async function describeSubnets(ec2, ids) {
    try {
        const out = await ec2.send(ids
            ? new DescribeSubnetsCommand/* DescribeSubnetsCommand */.j({ SubnetIds: ids })
            : new DescribeSubnetsCommand/* DescribeSubnetsCommand */.j({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
        return out.Subnets ?? [];
    }
    catch (error) {
        if (error.name === 'InvalidSubnetID.NotFound' && ids) {
            throw new errors/* InputError */.dz([
                `Input 'subnet-ids' was '${ids.join(',')}': ${error.message}; expected subnets of this region.`,
            ]);
        }
        throw error;
    }
}
async function resolveNetwork(ec2, subnetIds, securityGroupIds, region) {
    const found = await describeSubnets(ec2, subnetIds);
    const byId = new Map(found.map((s) => [s.SubnetId ?? '', s]));
    const ordered = subnetIds
        ? subnetIds.map((id) => byId.get(id))
        : [...found].sort((a, b) => ((a.AvailabilityZone ?? '') < (b.AvailabilityZone ?? '') ? -1 : 1));
    const subnets = ordered.flatMap((s) => s?.SubnetId ? [{ id: s.SubnetId, zone: s.AvailabilityZone ?? '', vpcId: s.VpcId ?? '' }] : []);
    if (subnetIds && subnets.length !== subnetIds.length) {
        const missing = subnetIds.filter((id) => !byId.has(id));
        throw new errors/* InputError */.dz([
            `Input 'subnet-ids' was '${subnetIds.join(',')}': ${missing.join(', ')} not found in ${region}; expected subnets of this region.`,
        ]);
    }
    if (subnets.length === 0) {
        throw new errors/* InputError */.dz([
            `Input 'subnet-ids' was not given and ${region} has no default VPC subnets; expected the subnets the builder may run in.`,
        ]);
    }
    if (!securityGroupIds)
        return { subnets, securityGroupIds: [] };
    const { groups, missing } = await securityGroupsById(ec2, securityGroupIds);
    if (missing.length > 0) {
        throw new errors/* InputError */.dz([
            `Input 'security-group-ids' was '${securityGroupIds.join(',')}': ${missing.join(', ')} not found in ${region}; expected security groups of this region.`,
        ]);
    }
    const vpcs = new Set(subnets.map((s) => s.vpcId));
    const foreign = groups.filter((g) => !vpcs.has(g.VpcId ?? ''));
    if (foreign.length > 0) {
        throw new errors/* InputError */.dz([
            `Input 'security-group-ids' was '${securityGroupIds.join(',')}': ${foreign.map((g) => `${g.GroupId} is in ${g.VpcId}`).join(', ')}, but the builder's subnets are in ${[...vpcs].join(', ')}; expected groups of the subnets' VPC.`,
        ]);
    }
    return { subnets, securityGroupIds };
}

// EXTERNAL MODULE: ./.build/tsc/actions/bake-image/inputs.js
var bake_image_inputs = __webpack_require__(1300);
// EXTERNAL MODULE: ./.build/tsc/actions/bake-image/provision.js
var bake_image_provision = __webpack_require__(7694);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/CopyImageCommand.js
var CopyImageCommand = __webpack_require__(4113);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/CreateTagsCommand.js
var CreateTagsCommand = __webpack_require__(7122);
// EXTERNAL MODULE: ./.build/tsc/actions/bake-image/kms-key.js
var kms_key = __webpack_require__(5610);
;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/publish.js
// Publishing the baked image: encrypting it with a KMS key and copying it to other regions.
//
// Encryption is a copy: CopyImage (Encrypted, KmsKeyId) of the builder's image in the same
// region gives the encrypted image under the image's name; the unencrypted intermediate is
// then deregistered and its snapshots deleted. (Packer's encrypt_boot does the same. An
// encrypted builder volume would avoid the intermediate, but then the builder's launch
// needs the key too, and a failed key would only show after provisioning.)
//
// Copies: CopyImage sent to each destination region with SourceRegion, under the same name,
// tagged there like the image (image and snapshots), waited for together.
//
// The cache must only ever match a complete artefact. The intermediate never carries
// `immut:fingerprint`; with copies, the image in the bake region gets it only once every
// copy is available. A cache hit still checks the copies and makes the missing ones.
//
// Idempotency: everything is looked up by name first (a re-run adopts what an earlier
// attempt made), and each CopyImage carries a ClientToken derived from the run, attempt,
// source and destination, so a retried request never makes a second copy. Every image
// made here is recorded for the post step right after CopyImage returns its id.





/** Cleanup kind of every image (the post step removes it and its snapshots). */
const IMAGE_KIND = 'image';
/** Tags of an image at creation: with copies to make, the fingerprint comes last. */
function tagsAtCreation(spec) {
    if (spec.copyToRegions.length === 0)
        return spec.tags;
    const { [lib_tags/* TAG */.Dk.fingerprint]: _later, ...rest } = spec.tags;
    return rest;
}
/**
 * CopyImage's idempotency token (at most 64 ASCII characters): one per attempt of a run,
 * source and destination, so the SDK's retries of one request make one image.
 */
function copyToken(purpose, seed, sourceImageId, region) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update([seed, sourceImageId, region].join('\0')).digest('hex');
    return `immut-${purpose}-${hash.slice(0, 40)}`;
}
function copyInput(spec, purpose, source, region, tags, dryRun = false) {
    const aws = (0,lib_tags/* toAwsTags */.Ez)(tags);
    const kmsKeyId = spec.kmsKey ? (0,kms_key/* kmsKeyIn */.Is)(spec.kmsKey, region) : undefined;
    const { env, role, build } = spec.identity;
    const what = purpose === 'encrypt'
        ? `encrypted copy of ${source.imageId}`
        : `copy of ${source.imageId} (${spec.home})`;
    return {
        SourceImageId: source.imageId,
        SourceRegion: spec.home,
        Name: source.name,
        Description: `immut ${env}/${role} ${build}: ${what}`.slice(0, 255),
        // A copy of an encrypted image must be encrypted too, with a key of its region.
        ...(kmsKeyId ? { Encrypted: true, KmsKeyId: kmsKeyId } : {}),
        ClientToken: copyToken(purpose, spec.tokenSeed, source.imageId, region),
        TagSpecifications: [
            { ResourceType: 'image', Tags: aws },
            { ResourceType: 'snapshot', Tags: aws },
        ],
        ...(dryRun ? { DryRun: true } : {}),
    };
}
async function sendCopy(ec2, input) {
    const out = await ec2.send(new CopyImageCommand/* CopyImageCommand */.S(input));
    if (!out.ImageId)
        throw new Error('CopyImage returned no image id');
    return out.ImageId;
}
/**
 * The encrypted image, copied from the unencrypted `intermediate` under `name`; then the
 * intermediate and its snapshots are deleted. Returns the encrypted image's id.
 */
async function encryptImage(intermediate, name, spec, deps, deadline) {
    const { io, cleanup, clock } = deps;
    const ec2 = deps.ec2For(spec.home);
    const key = spec.kmsKey?.raw ?? '';
    const imageId = await sendCopy(ec2, copyInput(spec, 'encrypt', { imageId: intermediate.imageId, name }, spec.home, tagsAtCreation(spec)));
    cleanup.record({ kind: IMAGE_KIND, id: imageId, region: spec.home });
    io.info(`Encrypting: image ${imageId} (${name}) is a copy of ${intermediate.imageId} with KMS key ${key}.`);
    await waitForImage(ec2, imageId, { clock, deadline, log: (l) => io.info(l), justCreated: true });
    await dropIntermediate(ec2, intermediate.imageId, spec.identity, deps);
    return imageId;
}
/** Deregisters the unencrypted intermediate and deletes its snapshots. */
async function dropIntermediate(ec2, imageId, identity, deps) {
    await removeImage(ec2, imageId, identity, deps.io);
    deps.cleanup.forget(IMAGE_KIND, imageId);
    deps.io.info(`Removed the unencrypted intermediate image ${imageId} and its snapshots.`);
}
/**
 * The copy of `source` in `region` under the source's name: one found there (an earlier
 * attempt's or, on a cache hit, the run that published it), or a new one. A found copy is
 * recorded for cleanup only when `adopt` says it belongs to this run's image.
 */
async function startCopy(region, source, spec, deps, adopt) {
    const ec2 = deps.ec2For(region);
    const existing = await findImageByName(ec2, source.name);
    if (existing) {
        (0,lib_tags/* assertManaged */.wt)({ kind: 'image', id: existing.imageId, tags: existing.tags }, spec.identity);
        if (existing.state === 'available' || existing.state === 'pending') {
            if (adopt)
                deps.cleanup.record({ kind: IMAGE_KIND, id: existing.imageId, region });
            deps.io.info(`Copy in ${region}: image ${existing.imageId} (${existing.state}) already exists.`);
            return { region, imageId: existing.imageId, how: 'existing' };
        }
        // A failed copy only blocks the name.
        deps.io.info(`Removing the ${existing.state} copy ${existing.imageId} in ${region}.`);
        await removeImage(ec2, existing.imageId, spec.identity, deps.io);
    }
    const imageId = await sendCopy(ec2, copyInput(spec, 'copy', source, region, { ...spec.tags, [lib_tags/* TAG */.Dk.name]: source.name }));
    deps.cleanup.record({ kind: IMAGE_KIND, id: imageId, region });
    deps.io.info(`Copying ${source.imageId} to ${region}: image ${imageId}.`);
    return { region, imageId, how: 'copied' };
}
/**
 * Every copy of `source` in spec.copyToRegions, available: starts the missing ones one
 * region after another (each recorded at once), then waits for all of them together.
 */
async function ensureCopies(source, spec, deps, deadline, adopt) {
    const copies = [];
    for (const region of spec.copyToRegions)
        copies.push(await startCopy(region, source, spec, deps, adopt));
    // allSettled: no wait is left running when another fails.
    const waits = await Promise.allSettled(copies.map((c) => waitForImage(deps.ec2For(c.region), c.imageId, {
        clock: deps.clock,
        deadline,
        log: (l) => deps.io.info(`${c.region}: ${l}`),
    })));
    const failed = waits.flatMap((w, i) => w.status === 'rejected' ? [`${copies[i].region}: ${w.reason.message}`] : []);
    if (failed.length === 1)
        throw waits.find((w) => w.status === 'rejected').reason;
    if (failed.length > 1)
        throw new Error(`${failed.length} copies failed:\n${failed.join('\n')}`);
    return copies;
}
/** What a dry run would copy: the copies that exist, and the missing ones EC2's DryRun
 *  says may be made. */
async function planCopies(source, spec, deps) {
    const plan = [];
    for (const region of spec.copyToRegions) {
        const ec2 = deps.ec2For(region);
        const existing = source ? await findImageByName(ec2, source.name) : undefined;
        if (existing && (existing.state === 'available' || existing.state === 'pending')) {
            plan.push({ region, imageId: existing.imageId, how: 'existing' });
            continue;
        }
        if (source)
            await checkCopyPermission(ec2, copyInput(spec, 'copy', source, region, spec.tags, true));
        plan.push({ region, imageId: '', how: 'missing' });
    }
    return plan;
}
async function checkCopyPermission(ec2, input) {
    try {
        await ec2.send(new CopyImageCommand/* CopyImageCommand */.S(input));
    }
    catch (error) {
        if (error.name === 'DryRunOperation')
            return;
        throw error;
    }
    throw new Error('CopyImage with DryRun succeeded instead of answering DryRunOperation');
}
/** Tags the image in the bake region (and its snapshots) with its fingerprint once its
 *  copies exist: from now on the cache may match it. */
async function markPublished(ec2, imageId, spec) {
    const image = await findImageById(ec2, imageId);
    await ec2.send(new CreateTagsCommand/* CreateTagsCommand */.R({
        Resources: [imageId, ...(image?.snapshotIds ?? [])],
        Tags: [{ Key: lib_tags/* TAG */.Dk.fingerprint, Value: spec.fingerprint }],
    }));
}

;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/bake.js


















/** Cleanup kinds this action records (undone by the post step). */
const KIND = { builder: 'builder', image: IMAGE_KIND };
/** `immut:component` of the unencrypted image an encrypted bake copies and then deletes. */
const INTERMEDIATE_COMPONENT = 'unencrypted-intermediate';
/** Times phases on the action's clock. */
function phaseTimer(clock) {
    const phases = [];
    let start = clock.now();
    return {
        phases,
        end(name) {
            const now = clock.now();
            phases.push({ name, ms: now - start });
            start = now;
        },
    };
}
function bakeContext(inputs, deps) {
    return {
        inputs,
        clients: {
            ec2: deps.ec2,
            ec2For: deps.ec2For,
            ssm: deps.ssm,
            ...(deps.staging ? { staging: deps.staging } : {}),
        },
        io: deps.io,
        clock: deps.clock,
        cleanup: deps.cleanup,
        env: deps.env,
        workspace: deps.workspace,
        deadline: deps.deadline ?? deadlineFrom(deps.clock, inputs.timeoutMs),
        timer: phaseTimer(deps.clock),
    };
}
/** What publish.ts needs of the context. */
function publishDeps(ctx) {
    return { ec2For: ctx.clients.ec2For, io: ctx.io, clock: ctx.clock, cleanup: ctx.cleanup };
}
/** Identifies the workflow run across attempts (GITHUB_RUN_ID). */
const runKeyOf = (ctx) => ctx.env['GITHUB_RUN_ID'] ?? `build-${ctx.inputs.identity.build}`;
function publishSpec(ctx, fp, base, name, artifact) {
    const { inputs } = ctx;
    const { role, env, build } = inputs.identity;
    return {
        identity: inputs.identity,
        home: inputs.region,
        fingerprint: fp,
        kmsKey: inputs.kmsKey,
        copyToRegions: inputs.copyToRegions,
        tags: (0,lib_tags/* standardTags */.XJ)(inputs.identity, provenanceFromEnv(ctx.env), name, {
            [lib_tags/* TAG */.Dk.fingerprint]: fp,
            [lib_tags/* TAG */.Dk.baseImage]: base.imageId,
            ...(artifact ? artifactTags(artifact) : {}),
        }),
        // Per attempt: a re-run finds an earlier attempt's images by name instead.
        tokenSeed: [runKeyOf(ctx), ctx.env['GITHUB_RUN_ATTEMPT'] ?? '1', env, role, build, fp].join('\0'),
    };
}
/** Resolves the OS head, reads the provisioning and fingerprints the two. */
async function resolveRecipe(ctx) {
    const { inputs, io } = ctx;
    parseBaseImage(inputs.baseImage); // input errors before any call
    const provision = (0,bake_image_provision/* readProvision */.ec)(ctx.workspace, inputs.provision);
    const artifact = inputs.artifact.length > 0
        ? packArtifact(ctx.workspace, inputs.artifact, { input: 'artifact', expected: bake_image_inputs/* ARTIFACT_EXPECTED */.oX })
        : undefined;
    if (artifact)
        io.info(`Artifact: ${artifact.entries} entries from ${artifact.paths.join(', ')}, ${artifact.size} bytes packed, sha256 ${artifact.sha256}`);
    const digest = artifact ? { sha256: artifact.sha256, size: artifact.size } : undefined;
    const base = await resolveBaseImage(ctx.clients, inputs.baseImage, inputs.ssmParameterPrefixes);
    io.info(`OS head: ${base.imageId} (${base.name}, ${base.creationDate}) from ${base.from}`);
    const content = {
        role: inputs.identity.role,
        env: inputs.identity.env,
        ...(inputs.appVersion === undefined ? {} : { appVersion: inputs.appVersion }),
        logPaths: [...inputs.logPaths].sort(),
        script: provision.script,
        files: provision.files,
    };
    const publication = { kmsKeyId: inputs.kmsKey?.raw, copyToRegions: inputs.copyToRegions };
    const fp = fingerprint(base.imageId, content, publication, digest);
    io.info(`Fingerprint: ${fp}`);
    io.debug(`Fingerprint of: ${JSON.stringify(fingerprintDescription(base.imageId, content, publication, digest))}`);
    const name = imageName(inputs.identity, fp);
    const spec = publishSpec(ctx, fp, base, name, artifact);
    return { base, provision, artifact, content, fingerprint: fp, name, spec };
}
function userDataFor(inputs, content, bakeId, artifact) {
    const encoded = encodeUserData(renderBuilderScript({
        ...content,
        bakeId,
        selfDestructMinutes: selfDestructMinutes(inputs.timeoutMs),
        ...(artifact ? { artifact } : {}),
    }));
    if (encoded.bytes.length > USER_DATA_LIMIT_BYTES) {
        throw new errors/* InputError */.dz([
            `Input 'provision' was '${inputs.provision}': the script and its shipped files make ${encoded.bytes.length} bytes of user data${encoded.compressed ? ' even compressed' : ''}, over EC2's limit of ${USER_DATA_LIMIT_BYTES}; expected a smaller script — fetch large files from S3 or a package repository instead of shipping them.`,
        ]);
    }
    return encoded;
}
/** The builder to launch: its user data (the provisioning script) and its network. */
async function planBuilder(ctx, recipe, artifact) {
    const { inputs } = ctx;
    const fp = recipe.fingerprint;
    const bakeId = bakeIdFor(runKeyOf(ctx), fp);
    const userData = userDataFor(inputs, recipe.content, bakeId, artifact);
    const network = await resolveNetwork(ctx.clients.ec2, inputs.subnetIds, inputs.securityGroupIds, inputs.region);
    const plan = {
        identity: inputs.identity,
        fingerprint: fp,
        bakeId,
        baseImageId: recipe.base.imageId,
        instanceType: inputs.instanceType,
        instanceProfile: inputs.instanceProfile,
        network,
        userData: userData.bytes,
        runKey: runKeyOf(ctx),
        tags: (0,lib_tags/* standardTags */.XJ)(inputs.identity, provenanceFromEnv(ctx.env), builderName(inputs.identity), {
            [lib_tags/* TAG */.Dk.component]: BUILDER_COMPONENT,
            [lib_tags/* TAG */.Dk.fingerprint]: fp,
            [lib_tags/* TAG */.Dk.baseImage]: recipe.base.imageId,
        }),
    };
    return { plan, userData };
}
/** Checks, without launching, that the caller may launch the builder (EC2 DryRun). */
async function checkLaunchPermission(ec2, plan) {
    const subnet = plan.network.subnets[0];
    if (!subnet)
        return;
    try {
        await ec2.send(new RunInstancesCommand/* RunInstancesCommand */.z(runInstancesInput(plan, subnet.id, undefined, true)));
    }
    catch (error) {
        if (error.name === 'DryRunOperation')
            return;
        throw error;
    }
    throw new Error('RunInstances with DryRun succeeded instead of answering DryRunOperation');
}
/**
 * The builder of this bake: one an earlier attempt of this run left running (adopted, so a
 * re-run never starts a second one), or a new one. A stopped leftover that did not succeed
 * is terminated first; it cannot be imaged.
 */
async function obtainBuilder(ctx, plan) {
    const { inputs, io, cleanup, clock } = ctx;
    const { ec2 } = ctx.clients;
    const record = (id) => cleanup.record({ kind: KIND.builder, id, region: inputs.region });
    const live = await findLiveBuilders(ec2, plan.identity, plan.fingerprint);
    for (const extra of live.slice(1)) {
        io.warning(`Terminating duplicate builder ${extra.InstanceId} of this bake.`);
        await terminateBuilder(ec2, extra.InstanceId ?? '', plan.identity);
    }
    const earlier = live[0];
    if (earlier?.InstanceId) {
        const id = earlier.InstanceId;
        const adopt = () => {
            record(id);
            io.info(`Adopting builder ${id} (${earlier.State?.Name}) left by an earlier attempt of this run.`);
            return {
                instanceId: id,
                subnetId: earlier.SubnetId ?? '',
                zone: earlier.Placement?.AvailabilityZone ?? '',
                adopted: true,
            };
        };
        if (earlier.State?.Name !== 'stopped')
            return adopt();
        const seen = await readBuilderConsole(ec2, id, plan.bakeId, {
            clock,
            timeoutMs: 0,
            log: (l) => io.debug(l),
        });
        if (seen.outcome.outcome === 'success')
            return adopt();
        io.info(`Builder ${id} of an earlier attempt stopped without success; terminating it and starting over.`);
        await terminateBuilder(ec2, id, plan.identity);
    }
    const launched = await launchBuilder(ec2, plan, record, io);
    io.info(`Launched builder ${launched.instanceId} (${inputs.instanceType}) in ${launched.zone} (${launched.subnetId}).`);
    return { ...launched, adopted: false };
}
async function showConsole(io, instanceId, seen) {
    // The console is the provisioning script's output: shown as text, never obeyed.
    await io.group(`Console output of builder ${instanceId}`, async () => printUntrusted(io, seen.text));
}
function consoleFailure(instanceId, seen, deadlineMinutes) {
    const tail = consoleTail(seen.text).join('\n') || '(the console was empty)';
    if (seen.outcome.outcome === 'failure') {
        return new errors/* UserError */.yo(`Provisioning failed on builder ${instanceId}: step '${seen.outcome.step}' exited with status ${seen.outcome.exitCode}. Last lines of its console:\n${tail}`);
    }
    return new errors/* UserError */.yo(`Builder ${instanceId} powered off without reporting success or failure: its ${deadlineMinutes}-minute self-destruct deadline may have passed, or cloud-init did not run its user data. Last lines of its console:\n${tail}`);
}
/** What the builder is imaged as: the image itself, or (encrypted bakes) the intermediate,
 *  which never carries the fingerprint, so the cache can never match it. */
function imageTarget(ctx, recipe) {
    const { inputs } = ctx;
    const { base, spec, name } = recipe;
    const { identity } = inputs;
    const description = `immut ${identity.env}/${identity.role} ${identity.build}: ${base.name} + ${inputs.provision}`;
    if (!inputs.kmsKey)
        return { name, tags: tagsAtCreation(spec), description };
    const intermediate = intermediateImageName(identity, spec.fingerprint);
    return {
        name: intermediate,
        tags: (0,lib_tags/* standardTags */.XJ)(identity, provenanceFromEnv(ctx.env), intermediate, {
            [lib_tags/* TAG */.Dk.component]: INTERMEDIATE_COMPONENT,
            [lib_tags/* TAG */.Dk.baseImage]: base.imageId,
        }),
        description,
    };
}
/** Provisions on the builder and images it; returns the new image id. */
async function buildImage(ctx, builder, plan, target, lastBuilderMs) {
    const { inputs, io, clock, cleanup, deadline, timer } = ctx;
    const { ec2 } = ctx.clients;
    const log = (line) => io.info(line);
    // An adopted builder has been running for a while: the last bake's length says nothing of
    // when it ends.
    const expectedMs = builder.adopted ? undefined : lastBuilderMs;
    if (expectedMs !== undefined)
        io.info(`The role's last bake ran its builder for ${(0,lib_clock/* formatDuration */.a3)(expectedMs)} (its image's ${lib_tags/* TAG */.Dk.builderSeconds} tag).`);
    const timing = await watchBuilder(ec2, builder.instanceId, {
        clock,
        deadline,
        log,
        ...(expectedMs !== undefined ? { expectedMs } : {}),
    });
    const seen = await readBuilderConsole(ec2, builder.instanceId, plan.bakeId, {
        clock,
        timeoutMs: Math.min(CONSOLE_SETTLE_MS, deadline.remaining()),
        log,
    });
    await showConsole(io, builder.instanceId, seen);
    if (seen.outcome.outcome !== 'success') {
        throw consoleFailure(builder.instanceId, seen, selfDestructMinutes(inputs.timeoutMs));
    }
    timer.end('builder');
    // Only a builder watched from its launch has a length worth recording.
    const seconds = builder.adopted ? undefined : Math.max(1, Math.round(builderDurationMs(timing) / 1000));
    const imageId = await createImage(ec2, {
        instanceId: builder.instanceId,
        name: target.name,
        description: target.description,
        tags: seconds !== undefined ? { ...target.tags, [lib_tags/* TAG */.Dk.builderSeconds]: String(seconds) } : target.tags,
    });
    cleanup.record({ kind: KIND.image, id: imageId, region: inputs.region });
    io.info(`Creating image ${imageId} (${target.name}) from builder ${builder.instanceId}.`);
    await waitForImage(ec2, imageId, { clock, deadline, log, justCreated: true });
    timer.end('image');
    return imageId;
}
/**
 * A cache hit can come after an earlier attempt of this build was killed between imaging and
 * terminating its builder (the runner never ran its post step): that builder is this build's
 * to remove, or it would outlive the bake.
 */
async function removeLeftoverBuilders(ctx, fp) {
    const { ec2 } = ctx.clients;
    const { identity } = ctx.inputs;
    for (const leftover of await findLiveBuilders(ec2, identity, fp)) {
        const id = leftover.InstanceId ?? '';
        if (await terminateBuilder(ec2, id, identity)) {
            ctx.io.info(`Terminated builder ${id}, left by an earlier attempt of this build.`);
        }
    }
}
/** Terminates the builder unless the run failed and keep-on-failure asks to keep it. */
async function finishBuilder(ctx, builder, failed) {
    const { inputs, io, cleanup } = ctx;
    if (failed && inputs.keepOnFailure) {
        io.warning(`keep-on-failure is set: builder ${builder.instanceId} is kept for debugging; terminate it when done.`);
        return false;
    }
    try {
        await terminateBuilder(ctx.clients.ec2, builder.instanceId, inputs.identity);
        cleanup.forget(KIND.builder, builder.instanceId);
        io.info(`Terminated builder ${builder.instanceId}.`);
        return true;
    }
    catch (error) {
        // The post step retries from the saved state; the bake's own error stays the one reported.
        io.warning(`Could not terminate builder ${builder.instanceId} now (the post step will retry): ${(0,errors/* describeError */.Uc)(error)}`);
        if (!failed)
            throw error;
        return false;
    }
}
/**
 * An image an earlier attempt of this run already created under this name, if usable: from
 * the role's images as listed at the start (they carry this role's tags, as every image immut
 * makes does from its CreateImage on), so no call of its own.
 */
async function earlierAttemptImage(ctx, name, roleImages) {
    const { inputs, io } = ctx;
    const { ec2 } = ctx.clients;
    const existing = roleImages.byName.get(name);
    if (!existing)
        return undefined;
    (0,lib_tags/* assertManaged */.wt)({ kind: 'image', id: existing.imageId, tags: existing.tags }, inputs.identity);
    if (existing.state === 'available' || existing.state === 'pending') {
        io.info(`Image ${existing.imageId} (${name}) was already created by an earlier attempt of this run; reusing it.`);
        ctx.cleanup.record({ kind: KIND.image, id: existing.imageId, region: inputs.region });
        await waitForImage(ec2, existing.imageId, {
            clock: ctx.clock,
            deadline: ctx.deadline,
            log: (l) => io.info(l),
        });
        return existing.imageId;
    }
    // A failed image of an earlier attempt only blocks the name; it is this run's to remove.
    io.info(`Removing ${existing.state} image ${existing.imageId} of an earlier attempt.`);
    await removeImage(ec2, existing.imageId, inputs.identity, io);
    return undefined;
}
async function terminateLeftoverBuilders(ctx, fp) {
    const { ec2 } = ctx.clients;
    const { identity } = ctx.inputs;
    for (const leftover of await findLiveBuilders(ec2, identity, fp)) {
        await terminateBuilder(ec2, leftover.InstanceId ?? '', identity);
    }
}
/** Launches (or adopts) the builder, images it as `target`, and terminates it. */
async function bakeOnBuilder(ctx, plan, target, lastBuilderMs) {
    const builder = await obtainBuilder(ctx, plan);
    let failed = true;
    let imageId;
    let terminated;
    try {
        imageId = await buildImage(ctx, builder, plan, target, lastBuilderMs);
        failed = false;
    }
    finally {
        terminated = await finishBuilder(ctx, builder, failed);
    }
    return { imageId, builder: { ...builder, terminated } };
}
/**
 * This run's image in the bake region: one an earlier attempt of the run made, or a new
 * bake; encrypted bakes image the builder as the intermediate and then encrypt it.
 */
async function imageOfThisRun(ctx, recipe, plan, roleImages) {
    const { inputs, timer } = ctx;
    const { ec2 } = ctx.clients;
    const { name, spec } = recipe;
    const target = imageTarget(ctx, recipe);
    const earlier = await earlierAttemptImage(ctx, name, roleImages);
    if (earlier) {
        await terminateLeftoverBuilders(ctx, spec.fingerprint);
        // The earlier attempt may have stopped between encrypting and deleting the intermediate
        // (removeImage re-reads its tags before it deletes anything).
        const leftover = inputs.kmsKey ? roleImages.byName.get(target.name) : undefined;
        if (leftover)
            await dropIntermediate(ec2, leftover.imageId, inputs.identity, publishDeps(ctx));
        timer.end('image');
        return { imageId: earlier, how: 'earlier-attempt', intermediateId: undefined, builder: undefined };
    }
    const earlierSource = inputs.kmsKey ? await earlierAttemptImage(ctx, target.name, roleImages) : undefined;
    let source;
    if (earlierSource) {
        await terminateLeftoverBuilders(ctx, spec.fingerprint);
        timer.end('image');
        source = { imageId: earlierSource, builder: undefined };
    }
    else {
        source = await bakeOnBuilder(ctx, plan, target, roleImages.lastBuilderMs);
    }
    const how = earlierSource ? 'earlier-attempt' : 'baked';
    if (!inputs.kmsKey)
        return { imageId: source.imageId, how, intermediateId: undefined, builder: source.builder };
    const imageId = await encryptImage({ imageId: source.imageId, name: target.name }, name, spec, publishDeps(ctx), ctx.deadline);
    timer.end('encrypt');
    return { imageId, how, intermediateId: source.imageId, builder: source.builder };
}
/** On a cache hit: removes an earlier attempt's leftover builders and makes good the copies. */
async function reuseCached(ctx, recipe, cached) {
    const { inputs, io, timer } = ctx;
    io.info(`Cache hit: image ${cached.imageId} (${cached.name}) already has this fingerprint; nothing to bake.`);
    if (!inputs.dryRun)
        await removeLeftoverBuilders(ctx, recipe.fingerprint);
    // The copies are part of the artefact: make any that has gone missing since.
    const copies = inputs.dryRun
        ? await planCopies(cached, recipe.spec, publishDeps(ctx))
        : await ensureCopies(cached, recipe.spec, publishDeps(ctx), ctx.deadline, false);
    if (copies.length > 0)
        timer.end('copies');
    return copies;
}
/** A dry run that would bake: checks the launch is permitted and plans the copies. */
async function planBake(ctx, recipe, plan) {
    const { inputs } = ctx;
    await checkLaunchPermission(ctx.clients.ec2, plan);
    const then = [
        inputs.kmsKey ? `encrypt it with KMS key ${inputs.kmsKey.raw}` : '',
        inputs.copyToRegions.length > 0 ? `copy it to ${inputs.copyToRegions.join(', ')}` : '',
    ].filter((x) => x !== '');
    ctx.io.info(`Dry run: would bake ${recipe.name} on a ${inputs.instanceType} builder${then.length > 0 ? `, ${then.join(' and ')}` : ''}; EC2 confirms RunInstances is permitted.`);
    return planCopies(undefined, recipe.spec, publishDeps(ctx));
}
/** Copies this run's image to the other regions and marks it published once they exist. */
async function publish(ctx, recipe, made) {
    const copies = await ensureCopies(made, recipe.spec, publishDeps(ctx), ctx.deadline, true);
    if (copies.length > 0) {
        await markPublished(ctx.clients.ec2, made.imageId, recipe.spec);
        ctx.timer.end('copies');
    }
    ctx.io.info(`Image ${made.imageId} (${made.name}) is available${copies.length > 0 ? `, with copies in ${copies.map((c) => `${c.region} (${c.imageId})`).join(', ')}` : ''}; bake took ${(0,lib_clock/* formatDuration */.a3)(ctx.timer.phases.reduce((a, p) => a + p.ms, 0))}.`);
    return copies;
}
function bakeResult(ctx, recipe, outcome, staged) {
    const { inputs } = ctx;
    const packed = recipe.artifact;
    return {
        base: recipe.base,
        region: inputs.region,
        fingerprint: recipe.fingerprint,
        cacheHit: outcome.cacheHit,
        dryRun: inputs.dryRun,
        image: outcome.image,
        imageName: recipe.name,
        encryption: inputs.kmsKey
            ? { kmsKeyId: inputs.kmsKey.raw, intermediateId: outcome.intermediateId }
            : undefined,
        copies: outcome.copies,
        builder: outcome.builder,
        userData: outcome.userData,
        provision: {
            script: inputs.provision,
            filesDir: recipe.provision.filesDir,
            fileCount: recipe.provision.files.length,
        },
        artifact: packed
            ? {
                sha256: packed.sha256,
                size: packed.size,
                paths: packed.paths,
                entries: packed.entries,
                staged: staged?.where,
            }
            : undefined,
        phases: ctx.timer.phases,
    };
}
/** A URL that stands in for the presigned one on a dry run (for the user data's size). */
const DRY_RUN_URL_PAD = 'X'.repeat(900);
/**
 * Stages the artifact (immut's bucket made if missing, the pack uploaded unless already
 * there) and presigns its GET until the bake's deadline. A dry run stages nothing.
 */
async function prepareArtifact(ctx, packed) {
    const { inputs, io, clients } = ctx;
    // Loaded here, not at start: S3's code is most of a bake's SDK, and no request before the
    // artifact's needs it.
    const { artifactKey, ensureStagingBucket, presignArtifact, stageArtifact, stagingBucketName } = await Promise.all(/* import() */[__webpack_require__.e(966), __webpack_require__.e(830)]).then(__webpack_require__.bind(__webpack_require__, 6830));
    if (inputs.dryRun) {
        const bucket = inputs.stagingBucket ?? stagingBucketName('<account>', inputs.region);
        io.info(`Dry run: would stage the artifact as s3://${bucket}/${artifactKey(packed.sha256)}.`);
        const url = `https://s3.${inputs.region}.amazonaws.com/${bucket}/${artifactKey(packed.sha256)}?${DRY_RUN_URL_PAD}`;
        return { forBuilder: { url, sha256: packed.sha256, size: packed.size }, where: undefined };
    }
    if (!clients.staging)
        throw new Error('bake-image needs an S3 client to stage the artifact');
    const { s3, accountId } = await clients.staging();
    const deps = {
        s3,
        account: await accountId(),
        region: inputs.region,
        io,
    };
    const bucket = await ensureStagingBucket(deps, inputs.stagingBucket);
    const uploaded = await stageArtifact(deps, bucket.name, packed);
    const forBuilder = await presignArtifact(deps, bucket.name, packed, ctx.deadline.remaining());
    ctx.timer.end('artifact');
    return { forBuilder, where: { bucket: bucket.name, key: artifactKey(packed.sha256), uploaded } };
}
async function bake(inputs, deps) {
    const ctx = bakeContext(inputs, deps);
    const recipe = await resolveRecipe(ctx);
    const roleImages = await findRoleImages(ctx.clients.ec2, inputs.identity, recipe.fingerprint);
    const cached = inputs.force ? undefined : roleImages.cached;
    ctx.timer.end('resolve');
    if (cached) {
        const image = { imageId: cached.imageId, name: cached.name };
        const copies = await reuseCached(ctx, recipe, image);
        return bakeResult(ctx, recipe, {
            cacheHit: true,
            image: { ...image, how: 'cache' },
            copies,
            builder: undefined,
            userData: undefined,
        });
    }
    if (inputs.force)
        ctx.io.info('force is set: baking even if an image with this fingerprint exists.');
    const staged = recipe.artifact ? await prepareArtifact(ctx, recipe.artifact) : undefined;
    const { plan, userData } = await planBuilder(ctx, recipe, staged?.forBuilder);
    if (inputs.dryRun) {
        const copies = await planBake(ctx, recipe, plan);
        return bakeResult(ctx, recipe, {
            cacheHit: false,
            image: undefined,
            copies,
            builder: undefined,
            userData,
        }, staged);
    }
    const made = await imageOfThisRun(ctx, recipe, plan, roleImages);
    const copies = await publish(ctx, recipe, { imageId: made.imageId, name: recipe.name });
    return bakeResult(ctx, recipe, {
        cacheHit: false,
        image: { imageId: made.imageId, name: recipe.name, how: made.how },
        intermediateId: made.intermediateId,
        copies,
        builder: made.builder,
        userData,
    }, staged);
}

// EXTERNAL MODULE: ./.build/tsc/actions/bake-image/main.js
var main = __webpack_require__(5248);
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

;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/summary.js
// The job summary: where the image came from, what it is, and where the time went.


function imageCell(result) {
    if (!result.image)
        return `${result.imageName} (would be baked)`;
    const how = {
        cache: 'reused: cache hit',
        baked: 'new',
        'earlier-attempt': 'made by an earlier attempt of this run',
    };
    return `${result.image.imageId} ${result.image.name} (${how[result.image.how]})`;
}
function renderSummary(identity, result) {
    const { base } = result;
    const title = `bake-image ${identity.env}/${identity.role} ${identity.build}${result.dryRun ? ' (dry run)' : ''}`;
    const rows = [
        [
            'base image',
            `${base.imageId} ${base.name} (created ${base.creationDate.slice(0, 10)}), from ${base.from}`,
        ],
        ['image', imageCell(result)],
        ['fingerprint', result.fingerprint],
        ['cache hit', result.cacheHit ? 'yes' : 'no'],
        [
            'provisioning',
            `${result.provision.script}${result.provision.filesDir ? ` + ${result.provision.fileCount} file(s) from ${result.provision.filesDir}` : ''}`,
        ],
    ];
    if (result.artifact) {
        const a = result.artifact;
        const where = a.staged
            ? `, s3://${a.staged.bucket}/${a.staged.key} (${a.staged.uploaded ? 'uploaded' : 'already staged'})`
            : '';
        rows.push([
            'artifact',
            `${a.paths.join(', ')}: ${a.entries} entries, ${a.size} bytes, sha256 ${a.sha256}${where}`,
        ]);
    }
    if (result.encryption) {
        const from = result.encryption.intermediateId
            ? `, copied from ${result.encryption.intermediateId} (unencrypted, deleted)`
            : '';
        rows.push(['encryption', `KMS key ${result.encryption.kmsKeyId}${from}`]);
    }
    for (const copy of result.copies) {
        const how = { copied: 'copied', existing: 'already there', missing: 'would be copied' };
        rows.push([`copy in ${copy.region}`, `${copy.imageId ? `${copy.imageId} ` : ''}(${how[copy.how]})`]);
    }
    if (result.userData) {
        rows.push([
            'user data',
            `${result.userData.bytes.length} bytes${result.userData.compressed ? ` (gzip of ${result.userData.scriptBytes})` : ''}`,
        ]);
    }
    if (result.builder) {
        const b = result.builder;
        rows.push([
            'builder',
            `${b.instanceId} in ${b.zone} (${b.subnetId})${b.adopted ? ', adopted from an earlier attempt' : ''}, ${b.terminated ? 'terminated' : 'NOT terminated'}`,
        ]);
    }
    const phases = result.phases.map((p) => [p.name, (0,lib_clock/* formatDuration */.a3)(p.ms)]);
    phases.push(['total', (0,lib_clock/* formatDuration */.a3)(result.phases.reduce((a, p) => a + p.ms, 0))]);
    return summary(heading(title), mermaidFlow([
        {
            from: `${base.name} (${base.creationDate.slice(0, 10)})`,
            to: result.image ? `${result.image.name}` : `${result.imageName} (dry run)`,
            label: result.cacheHit ? 'cache hit' : result.image ? 'baked' : 'would bake',
        },
    ]), markdownTable(['', ''], rows), heading('Time per phase', 3), markdownTable(['phase', 'time'], phases));
}

;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/main-aws.js
// The part of bake-image that talks to AWS, loaded by main.ts only once the inputs passed
// their checks (and by the post step when there is something to undo).










/** S3 and STS for the artifact, loaded and made when the bake first stages it. */
function lazyStaging(settings) {
    let made;
    const get = () => (made ??= Promise.all(/* import() */[__webpack_require__.e(966), __webpack_require__.e(536), __webpack_require__.e(933)]).then(__webpack_require__.bind(__webpack_require__, 4933)).then((m) => m.stagingClients(settings)));
    return {
        get,
        // A failed load has nothing to close, and must not hide the bake's own error.
        destroy: async () => (await made?.catch(() => undefined))?.destroy(),
    };
}
/** One EC2 client per region, made when first needed; `destroy` closes them all. */
function ec2Clients(home, throttling) {
    const clients = new Map();
    return {
        get(region = home) {
            let client = clients.get(region);
            if (!client) {
                client = (0,aws/* createAwsClient */.nV)(EC2Client/* EC2Client */.g, {
                    region,
                    action: main/* ACTION */.hr,
                    ...(throttling ? { throttling } : {}),
                });
                clients.set(region, client);
            }
            return client;
        },
        destroy() {
            for (const client of clients.values())
                client.destroy();
        },
    };
}
/** The main step once the inputs passed: clients for the bake region, then the bake. */
async function runBake(ctx, inputs) {
    // Every bake of a big world starts at once and reads images and subnets in the same second:
    // each call retries throttling until the bake's own timeout, not just the SDK's few attempts.
    const deadline = deadlineFrom(ctx.clock, inputs.timeoutMs);
    const throttling = { clock: ctx.clock, deadline, log: (line) => ctx.io.info(line) };
    const settings = { region: inputs.region, action: main/* ACTION */.hr, throttling };
    const ec2 = ec2Clients(inputs.region, throttling);
    const ssm = (0,aws/* createAwsClient */.nV)(SSMClient/* SSMClient */.j, settings);
    // S3 and STS only stage an artifact (bake.ts prepareArtifact): a bake without one makes neither.
    const staging = inputs.artifact.length > 0 ? lazyStaging(settings) : undefined;
    try {
        const result = await bake(inputs, {
            ec2: ec2.get(),
            ec2For: (region) => ec2.get(region),
            ssm,
            ...(staging ? { staging: staging.get } : {}),
            io: ctx.io,
            clock: ctx.clock,
            cleanup: ctx.cleanup,
            env: ctx.env,
            workspace: ctx.env['GITHUB_WORKSPACE'] ?? process.cwd(),
            deadline,
        });
        (0,main/* setOutputs */.n0)(ctx.io, result);
        await ctx.io.appendSummary(renderSummary(inputs.identity, result));
    }
    finally {
        ec2.destroy();
        ssm.destroy();
        await staging?.destroy();
    }
}
/** The post step with something to undo. It runs even when main failed on its inputs, so it
 * reads only what it needs, leniently. */
async function cleanUp(ctx) {
    const keepOnFailure = /^true$/i.test(ctx.io.getInput('keep-on-failure').trim());
    const owner = () => {
        const saved = ctx.io.getState(main/* OWNER_STATE */.kc);
        if (!saved)
            throw new Error('the main step saved no owner; nothing can be removed safely');
        return JSON.parse(saved);
    };
    // Images may be in several regions (copies): each record names its region.
    const clients = ec2Clients(ctx.env['AWS_REGION'] ?? 'us-east-1');
    const ec2For = (region) => clients.get(region);
    try {
        await (0,cleanup/* undoCreated */.$P)(ctx.cleanup, {
            io: ctx.io,
            keepOnFailure,
            handlers: {
                [KIND.builder]: async (r) => {
                    await terminateBuilder(ec2For(r.region), r.id, owner());
                },
                [KIND.image]: async (r) => {
                    await removeImage(ec2For(r.region), r.id, owner(), ctx.io);
                },
            },
        });
    }
    finally {
        clients.destroy();
    }
}


/***/ }),

/***/ 2485:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nV: () => (/* binding */ createAwsClient)
});

// UNUSED EXPORTS: DEFAULT_MAX_ATTEMPTS, userAgent

// EXTERNAL MODULE: ./packages/core/lib/clock.js
var clock = __webpack_require__(8055);
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
            ctx.log(`${what}: ${why}; retrying in ${(0,clock/* formatDuration */.a3)(delay)}`);
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


/***/ }),

/***/ 8964:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ TAG),
/* harmony export */   Ez: () => (/* binding */ toAwsTags),
/* harmony export */   L0: () => (/* binding */ fromAwsTags),
/* harmony export */   Q9: () => (/* binding */ MANAGED_BY_VALUE),
/* harmony export */   XJ: () => (/* binding */ standardTags),
/* harmony export */   Z: () => (/* binding */ releaseFilters),
/* harmony export */   rz: () => (/* binding */ managedProblem),
/* harmony export */   wt: () => (/* binding */ assertManaged)
/* harmony export */ });
/* unused harmony exports USED_BY_PREFIX, usedByTag, SHARED_WITH_PREFIX, sharedWithTag, COPIED_FROM_TAG, TAG_LIMITS, checkTags, roleFilters */
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
        [TAG.release]: (0,_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .releaseId */ .Bf)(id),
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GuardError */ .U$(`Refusing to modify ${resource.kind} ${resource.id}: ${problem}. immut only changes resources it created for role '${expected.role}' in env '${expected.env}'.`);
    }
}


/***/ })

};
