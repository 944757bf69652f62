export const id = 382;
export const ids = [382];
export const modules = {

/***/ 1382:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COPY_KIND: () => (/* binding */ COPY_KIND),
  J: () => (/* binding */ placeImage)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeImagesCommand.js
var DescribeImagesCommand = __webpack_require__(1048);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/CopyImageCommand.js
var CopyImageCommand = __webpack_require__(4113);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DeregisterImageCommand.js
var DeregisterImageCommand = __webpack_require__(9074);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
// EXTERNAL MODULE: ./packages/core/lib/tags.js
var lib_tags = __webpack_require__(8964);
// EXTERNAL MODULE: ./packages/core/lib/clock.js
var lib_clock = __webpack_require__(8055);
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

;// CONCATENATED MODULE: ./.build/tsc/actions/tag-release/copy.js
// The target side of a promotion across accounts or regions: which image the target release
// runs. A source image in this account and region is reused as it is (promote.ts). Another
// account's image, shared with this one (`shared-by`), is used as shared, unless a copy is
// needed: the target is in another region (an AMI is regional), the image is encrypted (its
// snapshots use the source account's key; a copy re-encrypts them with one of this account),
// `kms-key-id` names this account's key, or `copy: always` asks for it. The copy (CopyImage)
// is this account's own image, tagged at creation with immut's tags for the target release
// (so the target env's retirement deletes it with the build), and carries
// `immut:copied-from=<source image>`, by which a re-run finds and adopts it.






/** Cleanup kind of a copy this run made (the post step lists it; a re-run adopts it). */
const COPY_KIND = 'image copy';
/** How long a copy may take. CopyImage's time depends on the snapshots' size and AWS's load
 *  ("Copy an AMI": a copy can take minutes to hours); an hour covers immut's root volumes. */
const COPY_TIMEOUT_MS = 60 * 60_000;
function awsName(error) {
    return error instanceof Error ? error.name : '';
}
/** How to make the source account's share, for messages. */
function shareHint(sharedBy, here) {
    return sharedBy
        ? `The source account ${sharedBy} shares it first: promote.yml's gate job runs tag-release with share-with: <this account> under the source env's role (source-aws-role-arn), which needs ec2:ModifyImageAttribute (launchPermission) on the image and ec2:ModifySnapshotAttribute (createVolumePermission) on its snapshots.`
        : `Expected an image of this account in ${here}.`;
}
/** The source image as this account sees it: shared with it, or its own. */
async function readSource(ctx, request) {
    const { image } = request.source;
    let found;
    try {
        found = (await ctx.ec2For(image.region).send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [image.id] })))
            .Images?.[0];
    }
    catch (error) {
        if (!['InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable'].includes(awsName(error)))
            throw error;
    }
    const tag = (0,naming/* gitTag */.Zu)(request.source);
    if (!found)
        throw new errors/* UserError */.yo(`The image ${image.id} of ${tag} (${request.sharedBy ? `account ${request.sharedBy}, ` : ''}${image.region}) is not visible to this account: ${request.sharedBy ? 'it is not shared with it (no launch permission)' : 'no such image'}. ${shareHint(request.sharedBy, image.region)}`);
    if (request.sharedBy && found.OwnerId !== request.sharedBy)
        throw new errors/* InputError */.dz([
            `Input 'shared-by' was '${request.sharedBy}': the image ${image.id} of ${tag} belongs to account ${found.OwnerId ?? '(unknown)'}; expected the account that owns and shared it.`,
        ]);
    if (found.State !== 'available')
        throw new errors/* UserError */.yo(`The image ${image.id} of ${tag} is '${found.State}'; expected an available image.`);
    return found;
}
/** Why a copy is needed (empty: the shared or own image serves as it is). */
function copyReasons(request, image, region) {
    const reasons = [];
    if (request.source.image.region !== region)
        reasons.push(`this release is in ${region} and the image in ${request.source.image.region}`);
    const encrypted = (image.BlockDeviceMappings ?? []).some((m) => m.Ebs?.Encrypted === true);
    if (request.sharedBy && encrypted)
        reasons.push(`its snapshots are encrypted with a KMS key of account ${request.sharedBy}`);
    if (request.kmsKeyId)
        reasons.push(`kms-key-id names this account's key ${request.kmsKeyId}`);
    if (request.copy === 'always')
        reasons.push(`copy is 'always'`);
    return reasons;
}
/** A copy an earlier attempt of this release made (adopted, not made twice). */
async function findCopy(ctx, sourceId) {
    const out = await ctx.ec2For(ctx.region).send(new DescribeImagesCommand/* DescribeImagesCommand */.j({
        Owners: ['self'],
        Filters: [...(0,lib_tags/* releaseFilters */.Z)(ctx.identity), { Name: `tag:${lib_tags/* COPIED_FROM_TAG */.Fi}`, Values: [sourceId] }],
    }));
    return (out.Images ?? []).find((i) => i.State === 'available' || i.State === 'pending');
}
/** CopyImage's idempotency token: one per attempt of the run, target release, source and
 *  region, so the SDK's retries of one request make one copy, and a re-run after a failed
 *  copy (deregistered below) asks for a new one. */
function copyToken(ctx, sourceId) {
    const seed = [(0,naming/* gitTag */.Zu)(ctx.identity), sourceId, ctx.region, ctx.attempt].join('\0');
    return `immut-promote-${(0,external_node_crypto_.createHash)('sha256').update(seed).digest('hex').slice(0, 40)}`;
}
/** The grants a copy of another account's (encrypted) image needs, for messages. */
function copyHint(request) {
    const key = request.kmsKeyId ? `this account's key ${request.kmsKeyId}` : "this account's default EBS key";
    return `A copy needs: the source snapshots' create-volume permission for this account (the source side's ec2:ModifySnapshotAttribute); when they are encrypted, the source account's KMS key policy (or a grant) letting this account use that key (kms:Decrypt, kms:DescribeKey, kms:CreateGrant, kms:ReEncrypt*); and this role's tag-release CopyWithKms statement on ${key} (kms:CreateGrant, kms:Decrypt, kms:DescribeKey, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncrypt* through EC2).`;
}
async function startCopy(ctx, request, source) {
    const { identity } = ctx;
    const from = request.source.image;
    const name = `immut-${identity.env}-${identity.role}-${identity.build}-${from.id}`;
    const tags = (0,lib_tags/* standardTags */.XJ)(identity, ctx.provenance, name, {
        [lib_tags/* TAG */.Dk.fingerprint]: from.fingerprint,
        [lib_tags/* TAG */.Dk.baseImage]: from.base,
        [lib_tags/* COPIED_FROM_TAG */.Fi]: from.id,
    });
    const encrypt = !!request.kmsKeyId || (source.BlockDeviceMappings ?? []).some((m) => m.Ebs?.Encrypted);
    try {
        const out = await ctx.ec2For(ctx.region).send(new CopyImageCommand/* CopyImageCommand */.S({
            SourceImageId: from.id,
            SourceRegion: from.region,
            Name: name,
            Description: `immut ${identity.env}/${identity.role} ${identity.build}: copy of ${from.id} (${source.OwnerId ?? ''}, ${from.region}), promoted from ${(0,naming/* gitTag */.Zu)(request.source)}`.slice(0, 255),
            ...(encrypt ? { Encrypted: true } : {}),
            ...(request.kmsKeyId ? { KmsKeyId: request.kmsKeyId } : {}),
            ClientToken: copyToken(ctx, from.id),
            TagSpecifications: [
                { ResourceType: 'image', Tags: (0,lib_tags/* toAwsTags */.Ez)(tags) },
                { ResourceType: 'snapshot', Tags: (0,lib_tags/* toAwsTags */.Ez)(tags) },
            ],
        }));
        if (!out.ImageId)
            throw new Error('CopyImage returned no image id');
        return out.ImageId;
    }
    catch (error) {
        if (!/^(UnauthorizedOperation|AccessDenied|AuthFailure|InvalidAMIID|KMS|InvalidKMSKey)/.test(awsName(error)))
            throw error;
        throw new errors/* UserError */.yo(`Could not copy ${from.id} into this account (${ctx.region}): ${awsName(error)}: ${error.message.slice(0, 300)}. ${copyHint(request)}`);
    }
}
/** Waits for the copy; a copy that fails (e.g. a KMS key it may not use) says what to grant. */
async function awaitCopy(ctx, request, copyId) {
    const ec2 = ctx.ec2For(ctx.region);
    const deadline = ctx.clock.now() + COPY_TIMEOUT_MS;
    await waitFor({
        what: `the copy ${copyId} to become available`,
        clock: ctx.clock,
        log: (line) => ctx.io.info(line),
        timeoutMs: Math.max(0, deadline - ctx.clock.now()),
        minDelayMs: 15_000,
        maxDelayMs: 60_000,
        progressEveryMs: 60_000,
        check: async () => {
            let image;
            try {
                image = (await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [copyId] }))).Images?.[0];
            }
            catch (error) {
                // Eventual consistency: a just-made image may not be visible yet.
                if (awsName(error) !== 'InvalidAMIID.NotFound')
                    throw error;
            }
            const state = image?.State ?? 'pending';
            if (state === 'available')
                return { done: true, value: undefined };
            if (['failed', 'error', 'deregistered', 'invalid'].includes(state)) {
                const reason = image?.StateReason?.Message ?? image?.StateReason?.Code ?? 'no reason given';
                return {
                    failed: true,
                    reason: `the copy ${copyId} of ${request.source.image.id} is ${state}: ${reason}. ${copyHint(request)}`,
                };
            }
            return { done: false, state };
        },
    });
}
/**
 * Deregisters a copy this run made that failed (a failed image holds nothing usable, and
 * retirement keeps images that are not available), after reading again that it is failed and
 * immut's for this release. A copy still pending (a timeout) is left for a re-run to adopt.
 */
async function dropFailedCopy(ctx, copyId) {
    const ec2 = ctx.ec2For(ctx.region);
    const image = (await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [copyId] })).catch(() => undefined))
        ?.Images?.[0];
    if (image?.State !== 'failed')
        return;
    (0,lib_tags/* assertManaged */.wt)({ kind: 'image', id: copyId, tags: (0,lib_tags/* fromAwsTags */.L0)(image.Tags) }, ctx.identity);
    await ec2.send(new DeregisterImageCommand/* DeregisterImageCommand */.x({ ImageId: copyId }));
    ctx.io.info(`Deregistered the failed copy ${copyId}.`);
}
/** This account's copy of the source image: adopted from an earlier attempt, or made now. */
async function placeCopy(ctx, request, source, reasons) {
    const from = request.source.image;
    const recorded = {
        copiedFrom: { account: source.OwnerId ?? request.sharedBy ?? '', region: from.region, imageId: from.id },
    };
    const existing = await findCopy(ctx, from.id);
    if (existing?.ImageId) {
        (0,lib_tags/* assertManaged */.wt)({ kind: 'image', id: existing.ImageId, tags: (0,lib_tags/* fromAwsTags */.L0)(existing.Tags) }, ctx.identity);
        ctx.io.info(`Adopting ${existing.ImageId}, the copy of ${from.id} an earlier attempt made.`);
        if (existing.State !== 'available')
            await awaitCopy(ctx, request, existing.ImageId);
        return { imageId: existing.ImageId, kind: 'copy', recorded, changes: [] };
    }
    const what = `a copy of ${from.id} (${from.region}) in ${ctx.region}, because ${reasons.join(' and ')}`;
    if (ctx.dryRun) {
        ctx.io.info(`Dry run: would make ${what}; the release would record the copy's id.`);
        return { imageId: from.id, kind: 'copy', recorded, changes: [what] };
    }
    const copyId = await startCopy(ctx, request, source);
    ctx.cleanup.record({ kind: COPY_KIND, id: copyId, region: ctx.region });
    ctx.io.info(`Copying: ${copyId} is ${what}.`);
    try {
        await awaitCopy(ctx, request, copyId);
    }
    catch (error) {
        await dropFailedCopy(ctx, copyId);
        throw error;
    }
    return { imageId: copyId, kind: 'copy', recorded, changes: [`${copyId}, ${what}`] };
}
/**
 * The image of a promotion across accounts or regions: the shared image as it is, or this
 * account's copy. Undefined when the source image is this account's, in this region, and
 * nothing asks for a copy (promote.ts reuses it as within one account).
 */
async function placeImage(ctx, request) {
    const crosses = !!request.sharedBy || request.source.image.region !== ctx.region;
    if (!crosses && request.copy !== 'always' && !request.kmsKeyId)
        return undefined;
    const source = await readSource(ctx, request);
    const reasons = copyReasons(request, source, ctx.region);
    if (reasons.length === 0) {
        // Only a shared image gets here without a reason to copy.
        const account = request.sharedBy ?? '';
        ctx.io.info(`Using ${source.ImageId}, shared by account ${account}, as it is (no copy needed).`);
        return {
            imageId: request.source.image.id,
            kind: 'foreign',
            recorded: { sharedFrom: { account, imageId: request.source.image.id } },
            changes: [],
        };
    }
    if (request.copy === 'never')
        throw new errors/* InputError */.dz([
            `Input 'copy' was 'never', but the image ${request.source.image.id} must be copied: ${reasons.join(' and ')}. Use copy 'auto'.`,
        ]);
    // A copy of an image of this same account copies immut's own image only.
    if (!request.sharedBy)
        (0,lib_tags/* assertManaged */.wt)({ kind: 'image', id: request.source.image.id, tags: (0,lib_tags/* fromAwsTags */.L0)(source.Tags) }, request.source);
    return placeCopy(ctx, request, source, reasons);
}


/***/ }),

/***/ 8964:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ TAG),
/* harmony export */   Ez: () => (/* binding */ toAwsTags),
/* harmony export */   Fi: () => (/* binding */ COPIED_FROM_TAG),
/* harmony export */   L0: () => (/* binding */ fromAwsTags),
/* harmony export */   XJ: () => (/* binding */ standardTags),
/* harmony export */   Y$: () => (/* binding */ sharedWithTag),
/* harmony export */   Z: () => (/* binding */ releaseFilters),
/* harmony export */   nw: () => (/* binding */ usedByTag),
/* harmony export */   wt: () => (/* binding */ assertManaged)
/* harmony export */ });
/* unused harmony exports MANAGED_BY_VALUE, USED_BY_PREFIX, SHARED_WITH_PREFIX, TAG_LIMITS, checkTags, roleFilters, managedProblem */
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
