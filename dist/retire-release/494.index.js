export const id = 494;
export const ids = [494];
export const modules = {

/***/ 494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  retireFleet: () => (/* binding */ main_fleet_retireFleet),
  unshareChecked: () => (/* binding */ unshareChecked)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/AutoScalingClient.js + 8 modules
var AutoScalingClient = __webpack_require__(642);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/EC2Client.js + 8 modules
var EC2Client = __webpack_require__(4601);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/ElasticLoadBalancingV2Client.js + 8 modules
var ElasticLoadBalancingV2Client = __webpack_require__(4677);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/RDSClient.js + 8 modules
var RDSClient = __webpack_require__(7278);
// EXTERNAL MODULE: ./packages/core/lib/aws.js + 1 modules
var lib_aws = __webpack_require__(4209);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/pagination/DescribeInstancesPaginator.js
var DescribeInstancesPaginator = __webpack_require__(3970);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeImagesCommand.js
var DescribeImagesCommand = __webpack_require__(1048);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/pagination/DescribeImagesPaginator.js
var DescribeImagesPaginator = __webpack_require__(7588);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/pagination/DescribeSnapshotsPaginator.js
var DescribeSnapshotsPaginator = __webpack_require__(9977);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTagsCommand.js
var DescribeTagsCommand = __webpack_require__(7374);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/pagination/DescribeLoadBalancersPaginator.js + 1 modules
var DescribeLoadBalancersPaginator = __webpack_require__(3148);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeListenersCommand.js
var DescribeListenersCommand = __webpack_require__(2672);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetGroupAttributesCommand.js
var DescribeTargetGroupAttributesCommand = __webpack_require__(291);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/pagination/DescribeTargetGroupsPaginator.js + 1 modules
var DescribeTargetGroupsPaginator = __webpack_require__(5004);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBInstancesPaginator.js
var DescribeDBInstancesPaginator = __webpack_require__(7577);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClustersPaginator.js
var DescribeDBClustersPaginator = __webpack_require__(9870);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBSnapshotsPaginator.js
var DescribeDBSnapshotsPaginator = __webpack_require__(2622);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
// EXTERNAL MODULE: ./packages/core/lib/tags.js
var lib_tags = __webpack_require__(8964);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/pagination/DescribeAutoScalingGroupsPaginator.js
var DescribeAutoScalingGroupsPaginator = __webpack_require__(4941);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/commands/DescribeAutoScalingGroupsCommand.js
var DescribeAutoScalingGroupsCommand = __webpack_require__(3509);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-es/commands/DeleteAutoScalingGroupCommand.js
var DeleteAutoScalingGroupCommand = __webpack_require__(6692);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeLaunchTemplatesCommand.js
var DescribeLaunchTemplatesCommand = __webpack_require__(5060);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DeleteLaunchTemplateCommand.js
var DeleteLaunchTemplateCommand = __webpack_require__(6919);
;// CONCATENATED MODULE: ./.build/tsc/actions/retire-release/fleet.js
// A build's fleet: its Auto Scaling group and launch template (launch-behind-lb). Found by
// tags like everything else retire-release touches, and retired first of the build's
// servers: the group is force-deleted (its servers terminate with it, and it stops replacing
// them) and is gone before its launch template goes, so no replacement is launched from a
// template that no longer exists, and the target group is no longer the group's when it goes.




const deleting = (g) => /delete in progress/i.test(g.Status ?? '');
function groupOf(g) {
    return {
        name: g.AutoScalingGroupName ?? '',
        instances: g.Instances?.length ?? 0,
        deleting: deleting(g),
        tags: (0,lib_tags/* fromAwsTags */.L0)(g.Tags),
    };
}
/** Groups tagged for this role and env (the caller checks the tags again: belongs()). */
async function findGroups(autoscaling, who) {
    const found = [];
    const pages = (0,DescribeAutoScalingGroupsPaginator/* paginateDescribeAutoScalingGroups */.Z)({ client: autoscaling }, { Filters: (0,lib_tags/* roleFilters */.W0)(who) });
    for await (const page of pages) {
        for (const g of page.AutoScalingGroups ?? [])
            if (g.AutoScalingGroupName)
                found.push(groupOf(g));
    }
    return found;
}
/** Launch templates tagged for this role and env (checked again by the caller). */
async function findTemplates(ec2, who) {
    const found = [];
    let NextToken;
    do {
        const page = await ec2.send(new DescribeLaunchTemplatesCommand/* DescribeLaunchTemplatesCommand */.f({ Filters: (0,lib_tags/* roleFilters */.W0)(who), NextToken }));
        for (const t of page.LaunchTemplates ?? [])
            found.push(templateOf(t));
        NextToken = page.NextToken;
    } while (NextToken);
    return found.filter((t) => t.id !== '');
}
function templateOf(t) {
    return { id: t.LaunchTemplateId ?? '', name: t.LaunchTemplateName ?? '', tags: (0,lib_tags/* fromAwsTags */.L0)(t.Tags) };
}
/** The group as it is now; undefined once it is gone. */
async function groupNow(autoscaling, name) {
    const out = await autoscaling.send(new DescribeAutoScalingGroupsCommand/* DescribeAutoScalingGroupsCommand */.N({ AutoScalingGroupNames: [name] }));
    const g = out.AutoScalingGroups?.find((x) => x.AutoScalingGroupName === name);
    return g ? groupOf(g) : undefined;
}
const TEMPLATE_GONE = new Set([
    'InvalidLaunchTemplateId.NotFound',
    'InvalidLaunchTemplateId.NotFoundException',
    'InvalidLaunchTemplateName.NotFoundException',
]);
/** The template's tags as they are now; undefined once it is gone. */
async function templateTagsNow(ec2, id) {
    try {
        const out = await ec2.send(new DescribeLaunchTemplatesCommand/* DescribeLaunchTemplatesCommand */.f({ LaunchTemplateIds: [id] }));
        const t = out.LaunchTemplates?.find((x) => x.LaunchTemplateId === id);
        return t ? (0,lib_tags/* fromAwsTags */.L0)(t.Tags) : undefined;
    }
    catch (error) {
        if (error instanceof Error && TEMPLATE_GONE.has(error.name))
            return undefined;
        throw error;
    }
}
/** Deletes a launch template; false when it was already gone. */
async function deleteTemplate(ec2, id) {
    try {
        await ec2.send(new DeleteLaunchTemplateCommand/* DeleteLaunchTemplateCommand */.s({ LaunchTemplateId: id }));
        return true;
    }
    catch (error) {
        if (error instanceof Error && TEMPLATE_GONE.has(error.name))
            return false;
        throw error;
    }
}
/**
 * Force-deletes the group (unless AWS is deleting it already) and waits until it is gone.
 * Returns false when it was gone before anything was asked. A delete refused while a scaling
 * activity runs is asked again on the next poll.
 */
async function deleteGroup(d, group) {
    let asked = group.deleting;
    let existed = false;
    await waitFor({
        what: `Auto Scaling group ${group.name} and its servers to be deleted`,
        clock: d.clock,
        log: d.log,
        timeoutMs: d.remaining(),
        minDelayMs: 5_000,
        maxDelayMs: 20_000,
        check: async () => {
            const now = await groupNow(d.autoscaling, group.name);
            if (!now)
                return { done: true, value: undefined };
            existed = true;
            if (!asked && !now.deleting) {
                try {
                    await d.autoscaling.send(new DeleteAutoScalingGroupCommand/* DeleteAutoScalingGroupCommand */.c({ AutoScalingGroupName: group.name, ForceDelete: true }));
                    asked = true;
                }
                catch (error) {
                    if (!(error instanceof Error && /ScalingActivityInProgress|ResourceInUse/.test(error.name)))
                        throw error;
                    return { done: false, state: 'a scaling activity is in progress' };
                }
            }
            return { done: false, state: `${now.instances} server(s) terminating` };
        },
    });
    return existed;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/retire-release/discover.js
// Finds everything immut created for one role and env, by tags alone (never by name: a
// look-alike name proves nothing), grouped by build. Only resources carrying
// immut:managed-by=immut and this role and env are returned; everything else is invisible to
// retirement. Bake builders (immut:component) belong to bake-image and are left alone.






/** AWS's default deregistration delay, used when the attribute cannot be read. */
const DEFAULT_DEREGISTRATION_DELAY_MS = 300_000;
/** DescribeTags takes at most 20 ARNs. */
const ELB_TAG_BATCH = 20;
function belongs(tags, who) {
    return tags[lib_tags/* TAG */.Dk.managedBy] === lib_tags/* MANAGED_BY_VALUE */.Q9 && tags[lib_tags/* TAG */.Dk.role] === who.role && tags[lib_tags/* TAG */.Dk.env] === who.env;
}
async function elbTags(elb, arns) {
    const out = new Map();
    for (let i = 0; i < arns.length; i += ELB_TAG_BATCH) {
        const page = await elb.send(new DescribeTagsCommand/* DescribeTagsCommand */.y({ ResourceArns: arns.slice(i, i + ELB_TAG_BATCH) }));
        for (const d of page.TagDescriptions ?? []) {
            if (d.ResourceArn)
                out.set(d.ResourceArn, (0,lib_tags/* fromAwsTags */.L0)(d.Tags));
        }
    }
    return out;
}
async function loadBalancers(elb, who) {
    const all = [];
    for await (const page of (0,DescribeLoadBalancersPaginator/* paginateDescribeLoadBalancers */.o)({ client: elb }, {})) {
        for (const lb of page.LoadBalancers ?? []) {
            if (!lb.LoadBalancerArn)
                continue;
            all.push({
                arn: lb.LoadBalancerArn,
                name: lb.LoadBalancerName ?? '',
                dnsName: (0,naming/* bareDnsName */.rs)(lb.DNSName ?? ''),
                zoneId: lb.CanonicalHostedZoneId ?? '',
            });
        }
    }
    const tags = await elbTags(elb, all.map((lb) => lb.arn));
    const mine = all.filter((lb) => belongs(tags.get(lb.arn) ?? {}, who));
    return Promise.all(mine.map(async (lb) => {
        const listeners = await elb.send(new DescribeListenersCommand/* DescribeListenersCommand */.A({ LoadBalancerArn: lb.arn }));
        return {
            ...lb,
            listenerArns: (listeners.Listeners ?? []).flatMap((l) => (l.ListenerArn ? [l.ListenerArn] : [])),
            tags: tags.get(lb.arn) ?? {},
        };
    }));
}
async function deregistrationDelayMs(elb, arn) {
    const out = await elb.send(new DescribeTargetGroupAttributesCommand/* DescribeTargetGroupAttributesCommand */.c({ TargetGroupArn: arn }));
    const value = out.Attributes?.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value;
    return value !== undefined && /^\d+$/.test(value) ? Number(value) * 1000 : DEFAULT_DEREGISTRATION_DELAY_MS;
}
async function targetGroups(elb, who) {
    const all = [];
    for await (const page of (0,DescribeTargetGroupsPaginator/* paginateDescribeTargetGroups */.u)({ client: elb }, {})) {
        for (const tg of page.TargetGroups ?? []) {
            if (tg.TargetGroupArn)
                all.push({ arn: tg.TargetGroupArn, name: tg.TargetGroupName ?? '' });
        }
    }
    const tags = await elbTags(elb, all.map((tg) => tg.arn));
    const mine = all.filter((tg) => belongs(tags.get(tg.arn) ?? {}, who));
    return Promise.all(mine.map(async (tg) => ({
        ...tg,
        deregistrationDelayMs: await deregistrationDelayMs(elb, tg.arn),
        tags: tags.get(tg.arn) ?? {},
    })));
}
async function instances(ec2, who) {
    const found = [];
    const pages = (0,DescribeInstancesPaginator/* paginateDescribeInstances */.H)({ client: ec2, pageSize: 1000 }, {
        Filters: [
            ...(0,lib_tags/* roleFilters */.W0)(who),
            // Terminated instances stay visible for an hour; they are already gone.
            { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
        ],
    });
    for await (const page of pages) {
        for (const r of page.Reservations ?? [])
            found.push(...(r.Instances ?? []));
    }
    return found
        .map((i) => ({
        id: i.InstanceId ?? '',
        state: i.State?.Name ?? 'unknown',
        imageId: i.ImageId ?? '',
        tags: (0,lib_tags/* fromAwsTags */.L0)(i.Tags),
    }))
        .filter((i) => i.id !== '' && belongs(i.tags, who) && i.tags[lib_tags/* TAG */.Dk.component] === undefined);
}
async function databases(rds, who) {
    const found = [];
    for await (const page of (0,DescribeDBInstancesPaginator/* paginateDescribeDBInstances */.$)({ client: rds, pageSize: 100 }, {})) {
        for (const db of page.DBInstances ?? []) {
            const tags = (0,lib_tags/* fromAwsTags */.L0)(db.TagList);
            // An instance already being deleted is on its way out: nothing left to do for it.
            if (db.DBInstanceIdentifier && belongs(tags, who) && db.DBInstanceStatus !== 'deleting') {
                found.push({
                    id: db.DBInstanceIdentifier,
                    status: db.DBInstanceStatus ?? 'unknown',
                    tags,
                    ...(db.DBClusterIdentifier ? { clusterId: db.DBClusterIdentifier } : {}),
                });
            }
        }
    }
    // Aurora clones after the instances: a cluster is deleted only once its instances are.
    for await (const page of (0,DescribeDBClustersPaginator/* paginateDescribeDBClusters */.c)({ client: rds, pageSize: 100 }, {})) {
        for (const c of page.DBClusters ?? []) {
            const tags = (0,lib_tags/* fromAwsTags */.L0)(c.TagList);
            if (c.DBClusterIdentifier && belongs(tags, who) && c.Status !== 'deleting')
                found.push({ id: c.DBClusterIdentifier, status: c.Status ?? 'unknown', tags, kind: 'cluster' });
        }
    }
    return found;
}
async function sourceSnapshots(rds, who) {
    const found = [];
    const pages = (0,DescribeDBSnapshotsPaginator/* paginateDescribeDBSnapshots */.i)({ client: rds, pageSize: 100 }, { SnapshotType: 'manual' });
    for await (const page of pages) {
        for (const s of page.DBSnapshots ?? []) {
            const tags = (0,lib_tags/* fromAwsTags */.L0)(s.TagList);
            const build = tags[lib_tags/* TAG */.Dk.build];
            // Only the snapshot replicate-data names for that build; final snapshots are kept.
            if (s.DBSnapshotIdentifier &&
                build &&
                belongs(tags, who) &&
                s.DBSnapshotIdentifier === (0,naming/* sourceSnapshotId */.t)({ ...who, build })) {
                found.push({ id: s.DBSnapshotIdentifier, tags });
            }
        }
    }
    return found;
}
async function discover_images(ec2, who) {
    const out = await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ Owners: ['self'], Filters: (0,lib_tags/* roleFilters */.W0)(who) }));
    return imagesOf(out.Images).filter((i) => belongs(i.tags, who));
}
/** The role's images of other envs marked as used by this env (promotion, tag-release). */
async function borrowedImages(ec2, who) {
    const out = await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({
        Owners: ['self'],
        Filters: [
            { Name: `tag:${lib_tags/* TAG */.Dk.managedBy}`, Values: [lib_tags/* MANAGED_BY_VALUE */.Q9] },
            { Name: `tag:${lib_tags/* TAG */.Dk.role}`, Values: [who.role] },
            { Name: 'tag-key', Values: [(0,lib_tags/* usedByTag */.nw)(who.env)] },
        ],
    }));
    return imagesOf(out.Images).filter((i) => i.tags[lib_tags/* TAG */.Dk.managedBy] === lib_tags/* MANAGED_BY_VALUE */.Q9 &&
        i.tags[lib_tags/* TAG */.Dk.role] === who.role &&
        i.tags[lib_tags/* TAG */.Dk.env] !== who.env);
}
function imagesOf(found) {
    return (found ?? [])
        .map((i) => ({
        id: i.ImageId ?? '',
        name: i.Name ?? '',
        state: i.State ?? 'unknown',
        created: i.CreationDate ?? '',
        snapshotIds: (i.BlockDeviceMappings ?? []).flatMap((b) => b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []),
        tags: (0,lib_tags/* fromAwsTags */.L0)(i.Tags),
    }))
        .filter((i) => i.id !== '');
}
/** EC2 describes the snapshots it makes for an image: `Created by CreateImage(i-…) for ami-…`,
 *  `Copied for DestinationAmi ami-… from SourceAmi ami-…`. */
const MADE_FOR = /\bfor (?:DestinationAmi )?(ami-[0-9a-f]{8,17})\b/;
/**
 * immut's completed snapshots for the role and env that were made for an image that no longer
 * exists and that no image of the account uses. A snapshot of an image still being made names
 * an image that exists (pending), so a concurrent bake's snapshot is never taken for one.
 */
async function orphanSnapshots(ec2, who) {
    const images = new Set();
    const used = new Set();
    for await (const page of (0,DescribeImagesPaginator/* paginateDescribeImages */.X)({ client: ec2 }, { Owners: ['self'] })) {
        for (const image of page.Images ?? []) {
            if (image.ImageId)
                images.add(image.ImageId);
            for (const b of image.BlockDeviceMappings ?? [])
                if (b.Ebs?.SnapshotId)
                    used.add(b.Ebs.SnapshotId);
        }
    }
    const found = [];
    const pages = (0,DescribeSnapshotsPaginator/* paginateDescribeSnapshots */.C)({ client: ec2 }, { OwnerIds: ['self'], Filters: (0,lib_tags/* roleFilters */.W0)(who) });
    for await (const page of pages) {
        for (const s of page.Snapshots ?? []) {
            const tags = (0,lib_tags/* fromAwsTags */.L0)(s.Tags);
            const imageId = MADE_FOR.exec(s.Description ?? '')?.[1];
            if (!s.SnapshotId || !imageId || s.State !== 'completed' || !belongs(tags, who))
                continue;
            if (images.has(imageId) || used.has(s.SnapshotId))
                continue;
            found.push({ id: s.SnapshotId, imageId, tags });
        }
    }
    return found;
}
/** Groups resources by their immut:build tag. */
function byBuild(parts) {
    const builds = new Map();
    const of = (tags) => {
        const build = tags[lib_tags/* TAG */.Dk.build];
        if (!build)
            return undefined;
        let entry = builds.get(build);
        if (!entry) {
            entry = {
                build,
                release: '',
                groups: [],
                launchTemplates: [],
                loadBalancers: [],
                targetGroups: [],
                instances: [],
                databases: [],
                sourceSnapshots: [],
            };
            builds.set(build, entry);
        }
        const release = tags[lib_tags/* TAG */.Dk.release];
        if (!entry.release && release)
            entry.release = release;
        return entry;
    };
    const kinds = [
        'groups',
        'launchTemplates',
        'loadBalancers',
        'targetGroups',
        'instances',
        'databases',
        'sourceSnapshots',
    ];
    for (const key of kinds) {
        for (const item of parts[key])
            of(item.tags)?.[key]?.push(item);
    }
    return [...builds.values()].map((b) => ({ ...b, release: b.release || `${b.build}` }));
}
async function discover(clients, who) {
    const [groups, templates, lbs, tgs, servers, dbs, snaps, imgs, orphans, borrowed] = await Promise.all([
        findGroups(clients.autoscaling, who),
        findTemplates(clients.ec2, who),
        loadBalancers(clients.elb, who),
        targetGroups(clients.elb, who),
        instances(clients.ec2, who),
        databases(clients.rds, who),
        sourceSnapshots(clients.rds, who),
        discover_images(clients.ec2, who),
        orphanSnapshots(clients.ec2, who),
        borrowedImages(clients.ec2, who),
    ]);
    return {
        builds: byBuild({
            groups: groups.filter((g) => belongs(g.tags, who)),
            launchTemplates: templates.filter((t) => belongs(t.tags, who)),
            loadBalancers: lbs,
            targetGroups: tgs,
            instances: servers,
            databases: dbs,
            sourceSnapshots: snaps,
        }),
        images: imgs,
        borrowed,
        orphanSnapshots: orphans,
    };
}

// EXTERNAL MODULE: ./.build/tsc/actions/retire-release/live.js
var retire_release_live = __webpack_require__(2449);
// EXTERNAL MODULE: ./.build/tsc/actions/retire-release/main.js + 1 modules
var main = __webpack_require__(3781);
;// CONCATENATED MODULE: ./.build/tsc/actions/retire-release/plan.js
// The decision, as a pure function of what stands and what is live: which builds stay and
// which go, each with its reason, and which images go with them. No AWS calls here, so every
// rule is testable on its own.

/** Build ids are sortable (b0041 < b0042); numeric-aware so b99 < b100 as well. */
function compareBuilds(a, b) {
    return a.localeCompare(b, 'en', { numeric: true });
}
function lbBuilds(builds, dnsNames) {
    const wanted = new Set(dnsNames);
    return new Set(builds.filter((b) => b.loadBalancers.some((lb) => wanted.has(lb.dnsName))).map((b) => b.build));
}
function planBuilds(inventory, live, settings) {
    const newestFirst = [...inventory.builds].sort((a, b) => compareBuilds(b.build, a.build));
    const decide = (b, retire, reason) => ({
        build: b.build,
        release: b.release,
        retire,
        reason,
        resources: b,
    });
    const current = live.history?.current.build;
    if (live.weighted) {
        const hold = `a weighted cutover of ${live.name} is in progress; nothing is retired until it completes`;
        return { builds: newestFirst.map((b) => decide(b, false, hold)), hold };
    }
    if (current === undefined) {
        const hold = `${live.name} has never been cut over, so no build is live yet; nothing is retired`;
        return { builds: newestFirst.map((b) => decide(b, false, hold)), hold };
    }
    const pointed = lbBuilds(inventory.builds, live.pointsAt);
    const previous = live.history?.previous?.build;
    // Slots go to the live build first, then the one rollback returns to, then the newest.
    const rank = (b) => (b === current ? 0 : b === previous ? 1 : 2);
    const candidates = newestFirst
        // A build newer than the live one is a release not yet cut over (kept, outside the count),
        // unless the name points at it or it is the previous build (after a rollback).
        .filter((b) => compareBuilds(b.build, current) <= 0 || pointed.has(b.build) || b.build === previous)
        .sort((a, b) => rank(a.build) - rank(b.build) || compareBuilds(b.build, a.build));
    const kept = new Set([...pointed, ...candidates.slice(0, settings.keep).map((b) => b.build)]);
    const builds = newestFirst.map((b) => {
        if (b.build === current)
            return decide(b, false, 'live: the name points at it');
        if (pointed.has(b.build))
            return decide(b, false, 'the name still points at it');
        if (kept.has(b.build) && b.build === previous)
            return decide(b, false, 'previous build: instant rollback');
        if (compareBuilds(b.build, current) > 0) {
            return decide(b, false, `newer than the live build ${current}: a release not yet cut over`);
        }
        if (kept.has(b.build))
            return decide(b, false, `within keep=${settings.keep}`);
        return decide(b, true, `older than the ${settings.keep} kept build(s) (keep=${settings.keep})`);
    });
    return { builds };
}
/** `<env> build <build>` for every other env that marked the image as used (promotions). */
function otherEnvUsers(tags) {
    return Object.entries(tags)
        .filter(([key]) => key.startsWith(lib_tags/* USED_BY_PREFIX */.ZE) && key !== (0,lib_tags/* usedByTag */.nw)(tags[lib_tags/* TAG */.Dk.env] ?? ''))
        .map(([key, build]) => `${key.slice(lib_tags/* USED_BY_PREFIX */.ZE.length)} build ${build}`)
        .sort();
}
function planImages(images, builds, live, settings) {
    const kept = builds.filter((d) => !d.retire);
    const usedBy = new Map();
    for (const d of kept)
        for (const i of d.resources.instances)
            usedBy.set(i.imageId, `build ${d.build} runs it`);
    const keptBuilds = new Set(kept.map((d) => d.build));
    const keptReleases = new Set(kept.map((d) => d.release));
    const current = live.history?.current.build;
    const newestFirst = [...images].sort((a, b) => b.created.localeCompare(a.created));
    let spare = settings.keepImages;
    return newestFirst.map((image) => {
        const keep = (reason) => ({ image, retire: false, reason });
        const build = image.tags[lib_tags/* TAG */.Dk.build] ?? '';
        const release = image.tags[lib_tags/* TAG */.Dk.release] ?? '';
        const used = usedBy.get(image.id);
        if (used)
            return keep(used);
        // A promotion reuses the image in another env; that env's retirement removes its tag.
        const users = otherEnvUsers(image.tags);
        if (users.length > 0)
            return keep(`promoted: ${users.join(', ')} uses it (immut:used-by)`);
        if (keptBuilds.has(build))
            return keep(`baked by kept build ${build}`);
        if (keptReleases.has(release))
            return keep(`tagged for kept release ${release}`);
        if (image.state !== 'available')
            return keep(`${image.state}, not available (a bake in progress?)`);
        if (current === undefined || compareBuilds(build, current) > 0) {
            return keep(`baked for a build newer than the live one (a release not yet cut over)`);
        }
        if (spare > 0) {
            spare--;
            return keep(`among the newest ${settings.keepImages} unused image(s) (keep-images=${settings.keepImages})`);
        }
        return { image, retire: true, reason: `no kept release uses it (keep-images=${settings.keepImages})` };
    });
}
/**
 * The borrowed (promoted) images whose using build of `env` retires in this plan. The mark
 * names one build (the latest promotion's); an image a kept build still runs (an earlier
 * promotion of the same image, say) keeps it whatever build it names.
 */
function planReleases(borrowed, builds, env) {
    const retiring = new Set(builds.filter((d) => d.retire).map((d) => d.build));
    const running = new Set(builds.filter((d) => !d.retire).flatMap((d) => d.resources.instances.map((i) => i.imageId)));
    return borrowed.flatMap((image) => {
        const build = image.tags[(0,lib_tags/* usedByTag */.nw)(env)];
        return build !== undefined && retiring.has(build) && !running.has(image.id) ? [{ image, build }] : [];
    });
}
function plan(inventory, live, settings, env = '') {
    const { builds, hold } = planBuilds(inventory, live, settings);
    const images = hold
        ? inventory.images.map((image) => ({ image, retire: false, reason: hold }))
        : planImages(inventory.images, builds, live, settings);
    const releases = hold ? [] : planReleases(inventory.borrowed ?? [], builds, env);
    return { builds, images, releases, ...(hold ? { hold } : {}) };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeInstancesCommand.js
var DescribeInstancesCommand = __webpack_require__(1490);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeSnapshotsCommand.js
var DescribeSnapshotsCommand = __webpack_require__(9861);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/TerminateInstancesCommand.js
var TerminateInstancesCommand = __webpack_require__(9646);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DeregisterImageCommand.js
var DeregisterImageCommand = __webpack_require__(9074);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DeleteSnapshotCommand.js
var DeleteSnapshotCommand = __webpack_require__(2620);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/DeleteTagsCommand.js
var DeleteTagsCommand = __webpack_require__(6879);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DeleteTargetGroupCommand.js
var DeleteTargetGroupCommand = __webpack_require__(9473);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DeleteListenerCommand.js
var DeleteListenerCommand = __webpack_require__(1951);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DeleteLoadBalancerCommand.js
var DeleteLoadBalancerCommand = __webpack_require__(8609);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBInstancesCommand.js
var DescribeDBInstancesCommand = __webpack_require__(9397);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClustersCommand.js
var DescribeDBClustersCommand = __webpack_require__(9342);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBClusterCommand.js
var DeleteDBClusterCommand = __webpack_require__(4485);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBSnapshotsCommand.js
var DescribeDBSnapshotsCommand = __webpack_require__(2678);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBInstanceCommand.js
var DeleteDBInstanceCommand = __webpack_require__(7000);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBSnapshotCommand.js
var DeleteDBSnapshotCommand = __webpack_require__(9077);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ChangeResourceRecordSetsCommand.js
var ChangeResourceRecordSetsCommand = __webpack_require__(5081);
// EXTERNAL MODULE: ./packages/core/lib/hosted-zone.js
var hosted_zone = __webpack_require__(2021);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./packages/core/lib/dns-history.js
var dns_history = __webpack_require__(19);
// EXTERNAL MODULE: ./packages/core/lib/throttle-retry.js
var throttle_retry = __webpack_require__(9314);
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
        const [existing] = seen ? [seen.record] : await (0,hosted_zone/* recordSetsAt */.M7)(route53, zoneId, lname, 'TXT', calls);
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
                await (0,throttle_retry/* retryThrottled */.XI)(calls, `taking the lease ${lname}`, () => route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
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
                const [after] = await (0,hosted_zone/* recordSetsAt */.M7)(route53, zoneId, lname, 'TXT', calls);
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
        await (0,throttle_retry/* retryThrottled */.XI)(calls, `taking the lease ${lname}`, () => route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
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
        const [after] = await (0,hosted_zone/* recordSetsAt */.M7)(route53, zoneId, lname, 'TXT', calls);
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
        await (0,throttle_retry/* retryThrottled */.XI)(calls, `releasing the lease ${lname}`, () => route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
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
        const [existing] = await (0,hosted_zone/* recordSetsAt */.M7)(route53, zoneId, lname, 'TXT');
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

;// CONCATENATED MODULE: ./.build/tsc/actions/retire-release/retire.js













/** The tag AWS puts on every server an Auto Scaling group launches: the group's name. */
const AUTOSCALING_GROUP_TAG = 'aws:autoscaling:groupName';
const GONE = new Set([
    'InvalidInstanceID.NotFound',
    'LoadBalancerNotFound',
    'LoadBalancerNotFoundException',
    'TargetGroupNotFound',
    'TargetGroupNotFoundException',
    'ListenerNotFound',
    'ListenerNotFoundException',
    'DBInstanceNotFound',
    'DBInstanceNotFoundFault',
    'DBSnapshotNotFound',
    'DBSnapshotNotFoundFault',
    'DBClusterNotFoundFault',
    'InvalidAMIID.NotFound',
    'InvalidAMIID.Unavailable',
    'InvalidSnapshot.NotFound',
]);
/** Runs a delete; true when it deleted, false when the resource was already gone. */
async function unlessGone(call) {
    try {
        await call();
        return true;
    }
    catch (error) {
        if (error instanceof Error && GONE.has(error.name))
            return false;
        throw error;
    }
}
function guard(kind, id, tags, who) {
    (0,lib_tags/* assertManaged */.wt)({ kind, id, tags }, who);
}
/**
 * Whether a resource, by its tags as read again just now, is still immut's for this role and
 * env (and this build, when given). Undefined tags mean it is gone. A resource that is not
 * immut's is left alone and the reason logged.
 */
function stillOurs(ctx, kind, id, tags, build) {
    if (tags === undefined)
        return false;
    try {
        guard(kind, id, tags, ctx.who);
        if (build !== undefined && tags[lib_tags/* TAG */.Dk.build] !== build) {
            throw new errors/* GuardError */.U$(`Refusing to modify ${kind} ${id}: it is tagged for build '${tags[lib_tags/* TAG */.Dk.build] ?? '(none)'}', not '${build}'.`);
        }
        return true;
    }
    catch (error) {
        if (!(error instanceof errors/* GuardError */.U$))
            throw error;
        ctx.log(`Leaving ${kind} ${id}: ${error.message}`);
        return false;
    }
}
/** Tags of one load balancer or target group as they are now; undefined when it is gone. */
async function elbTagsNow(ctx, arn) {
    try {
        const out = await ctx.clients.elb.send(new DescribeTagsCommand/* DescribeTagsCommand */.y({ ResourceArns: [arn] }));
        const d = out.TagDescriptions?.find((t) => t.ResourceArn === arn);
        return d ? (0,lib_tags/* fromAwsTags */.L0)(d.Tags) : undefined;
    }
    catch (error) {
        if (error instanceof Error && GONE.has(error.name))
            return undefined;
        throw error;
    }
}
/** Tags of instances that still stand (not terminated), by id. */
async function instanceTagsNow(ctx, ids) {
    const out = new Map();
    try {
        const page = await ctx.clients.ec2.send(new DescribeInstancesCommand/* DescribeInstancesCommand */.b({ InstanceIds: ids }));
        for (const i of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
            if (i.InstanceId && !['shutting-down', 'terminated'].includes(i.State?.Name ?? ''))
                out.set(i.InstanceId, (0,lib_tags/* fromAwsTags */.L0)(i.Tags));
        }
    }
    catch (error) {
        // One unknown id fails the whole call: ask one by one to tell which are gone.
        if (!(error instanceof Error && GONE.has(error.name)) || ids.length === 1) {
            if (error instanceof Error && GONE.has(error.name))
                return out;
            throw error;
        }
        for (const id of ids)
            for (const [k, v] of await instanceTagsNow(ctx, [id]))
                out.set(k, v);
    }
    return out;
}
async function dbTagsNow(ctx, id) {
    try {
        const out = await ctx.clients.rds.send(new DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h({ DBInstanceIdentifier: id }));
        const db = out.DBInstances?.find((d) => d.DBInstanceIdentifier === id);
        return db && db.DBInstanceStatus !== 'deleting' ? (0,lib_tags/* fromAwsTags */.L0)(db.TagList) : undefined;
    }
    catch (error) {
        if (error instanceof Error && GONE.has(error.name))
            return undefined;
        throw error;
    }
}
async function clusterTagsNow(ctx, id) {
    try {
        const out = await ctx.clients.rds.send(new DescribeDBClustersCommand/* DescribeDBClustersCommand */.K({ DBClusterIdentifier: id }));
        const c = out.DBClusters?.find((x) => x.DBClusterIdentifier === id);
        return c && c.Status !== 'deleting' ? (0,lib_tags/* fromAwsTags */.L0)(c.TagList) : undefined;
    }
    catch (error) {
        if (error instanceof Error && GONE.has(error.name))
            return undefined;
        throw error;
    }
}
/** An Aurora clone, after its instances: with the final snapshot when asked for, else none. */
async function retireCluster(ctx, id, build) {
    if (!stillOurs(ctx, 'DB cluster', id, await clusterTagsNow(ctx, id), build))
        return undefined;
    const snapshot = (0,naming/* finalSnapshotId */.kI)({ ...ctx.who, build });
    const deleted = await unlessGone(() => ctx.clients.rds.send(new DeleteDBClusterCommand/* DeleteDBClusterCommand */.X({
        DBClusterIdentifier: id,
        ...(ctx.finalSnapshot ? { FinalDBSnapshotIdentifier: snapshot } : { SkipFinalSnapshot: true }),
    })));
    return deleted
        ? `DB cluster ${id}${ctx.finalSnapshot ? ` (final cluster snapshot ${snapshot})` : ''}`
        : undefined;
}
async function dbSnapshotTagsNow(ctx, id) {
    try {
        const out = await ctx.clients.rds.send(new DescribeDBSnapshotsCommand/* DescribeDBSnapshotsCommand */.K({ DBSnapshotIdentifier: id }));
        const s = out.DBSnapshots?.find((d) => d.DBSnapshotIdentifier === id);
        return s ? (0,lib_tags/* fromAwsTags */.L0)(s.TagList) : undefined;
    }
    catch (error) {
        if (error instanceof Error && GONE.has(error.name))
            return undefined;
        throw error;
    }
}
async function imageTagsNow(ctx, id) {
    try {
        const out = await ctx.clients.ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [id] }));
        const image = out.Images?.find((i) => i.ImageId === id);
        return image ? (0,lib_tags/* fromAwsTags */.L0)(image.Tags) : undefined;
    }
    catch (error) {
        if (error instanceof Error && GONE.has(error.name))
            return undefined;
        throw error;
    }
}
/** Tags of EBS snapshots that still exist, by id. */
async function snapshotTagsNow(ctx, ids) {
    const out = new Map();
    for (const id of ids) {
        try {
            const page = await ctx.clients.ec2.send(new DescribeSnapshotsCommand/* DescribeSnapshotsCommand */.M({ SnapshotIds: [id] }));
            const snap = page.Snapshots?.find((x) => x.SnapshotId === id);
            if (snap)
                out.set(id, (0,lib_tags/* fromAwsTags */.L0)(snap.Tags));
        }
        catch (error) {
            if (!(error instanceof Error && GONE.has(error.name)))
                throw error;
        }
    }
    return out;
}
/** How long after the last cutover a retired build may still get traffic: DNS TTL + drain. */
function drainMs(live, retiring) {
    const delays = retiring.flatMap((d) => d.resources.targetGroups.map((tg) => tg.deregistrationDelayMs));
    return live.ttlMs + Math.max(0, ...delays);
}
/**
 * Builds older than the live one stopped serving at or before the last cutover recorded in
 * the history, so waiting `drain` from that moment covers all of them. A time in the future
 * (clocks of different machines) counts as now: the full wait, never a shorter one.
 */
function waitNeededMs(live, drain, now) {
    const at = Date.parse(live.history?.at ?? '');
    if (Number.isNaN(at))
        return drain;
    return Math.max(0, drain - Math.max(0, now - at));
}
async function waitOutDrain(ctx, live, retiring) {
    const drain = drainMs(live, retiring);
    const needed = waitNeededMs(live, drain, ctx.clock.now());
    if (needed === 0) {
        ctx.log(`The last cutover (${live.history?.at ?? 'unknown'}) is more than ${(0,lib_clock/* formatDuration */.a3)(drain)} ago (DNS TTL + deregistration delay): no wait needed.`);
        return 0;
    }
    if (needed >= ctx.deadline.remaining()) {
        throw new errors/* UserError */.yo(`Retiring must wait ${(0,lib_clock/* formatDuration */.a3)(needed)} more (DNS TTL ${(0,lib_clock/* formatDuration */.a3)(live.ttlMs)} + deregistration delay since the cutover at ${live.history?.at ?? 'unknown'}), which does not fit in the remaining timeout of ${(0,lib_clock/* formatDuration */.a3)(ctx.deadline.remaining())}; nothing was deleted. Raise 'timeout' or run later.`);
    }
    ctx.log(`Waiting ${(0,lib_clock/* formatDuration */.a3)(needed)} so clients caching ${live.name} (TTL ${(0,lib_clock/* formatDuration */.a3)(live.ttlMs)}) and connections draining from the old target groups are done (cutover at ${live.history?.at ?? 'unknown'}).`);
    const until = ctx.clock.now() + needed;
    await waitFor({
        what: 'DNS caches to expire and connections to drain',
        clock: ctx.clock,
        log: ctx.log,
        timeoutMs: ctx.deadline.remaining(),
        minDelayMs: Math.min(30_000, needed),
        maxDelayMs: 60_000,
        check: async () => {
            const left = until - ctx.clock.now();
            return left <= 0
                ? { done: true, value: undefined }
                : { done: false, state: `${(0,lib_clock/* formatDuration */.a3)(left)} left` };
        },
    });
    return needed;
}
/** The build's own DNS name, removed only while it aliases one of this build's load balancers. */
async function deleteBuildRecord(ctx, d) {
    const name = (0,naming/* buildDnsName */.Tt)({ ...ctx.who, build: d.build }, ctx.zone.name);
    const ours = new Set(d.resources.loadBalancers.map((lb) => lb.dnsName));
    const records = await (0,hosted_zone/* recordSetsAt */.M7)(ctx.clients.route53, ctx.zone.id, name, 'A');
    const mine = records.filter((r) => ours.has((0,naming/* bareDnsName */.rs)(r.AliasTarget?.DNSName ?? '')));
    if (mine.length === 0)
        return [];
    await ctx.clients.route53.send(new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
        HostedZoneId: ctx.zone.id,
        ChangeBatch: {
            Comment: `immut retire-release: build ${d.build}`,
            Changes: mine.map((r) => ({ Action: 'DELETE', ResourceRecordSet: r })),
        },
    }));
    return [`DNS record ${name}`];
}
async function deleteTargetGroup(ctx, arn, name) {
    // Right after its load balancer goes, AWS may still see the group in use for a moment.
    return waitFor({
        what: `target group ${name} to be deletable`,
        clock: ctx.clock,
        log: ctx.log,
        timeoutMs: Math.min(ctx.deadline.remaining(), 5 * 60_000),
        minDelayMs: 2_000,
        maxDelayMs: 15_000,
        check: async () => {
            try {
                const deleted = await unlessGone(() => ctx.clients.elb.send(new DeleteTargetGroupCommand/* DeleteTargetGroupCommand */.t({ TargetGroupArn: arn })));
                return { done: true, value: deleted };
            }
            catch (error) {
                if (error instanceof Error && /ResourceInUse/.test(error.name))
                    return { done: false, state: 'in use' };
                throw error;
            }
        },
    });
}
/**
 * The build's Auto Scaling group, then its launch template: each re-read and guarded right
 * before it goes. The group is gone (servers terminated) before the template is deleted.
 */
async function retireFleet(ctx, d) {
    const removed = [];
    const { autoscaling, ec2 } = ctx.clients;
    for (const g of d.resources.groups) {
        const now = await groupNow(autoscaling, g.name);
        if (!stillOurs(ctx, 'Auto Scaling group', g.name, now?.tags, d.build) || !now)
            continue;
        const deletion = {
            autoscaling,
            clock: ctx.clock,
            log: ctx.log,
            remaining: () => ctx.deadline.remaining(),
        };
        if (await deleteGroup(deletion, now))
            removed.push(`Auto Scaling group ${g.name} (with its ${now.instances} server(s))`);
    }
    for (const t of d.resources.launchTemplates) {
        if (!stillOurs(ctx, 'launch template', t.name, await templateTagsNow(ec2, t.id), d.build))
            continue;
        if (await deleteTemplate(ec2, t.id))
            removed.push(`launch template ${t.name}`);
    }
    return removed;
}
async function retireBuild(ctx, d) {
    const { who } = ctx;
    const r = d.resources;
    const removed = [];
    // Guard everything as discovered first: one foreign resource stops the build before anything
    // goes. Each is read again right before its own deletion below.
    for (const g of r.groups)
        guard('Auto Scaling group', g.name, g.tags, who);
    for (const t of r.launchTemplates)
        guard('launch template', t.name, t.tags, who);
    for (const lb of r.loadBalancers)
        guard('load balancer', lb.name, lb.tags, who);
    for (const tg of r.targetGroups)
        guard('target group', tg.name, tg.tags, who);
    for (const i of r.instances)
        guard('instance', i.id, i.tags, who);
    for (const db of r.databases)
        guard(db.kind === 'cluster' ? 'DB cluster' : 'DB instance', db.id, db.tags, who);
    for (const s of r.sourceSnapshots)
        guard('DB snapshot', s.id, s.tags, who);
    removed.push(...(await deleteBuildRecord(ctx, d)));
    removed.push(...(await retireFleet(ctx, d)));
    for (const lb of r.loadBalancers) {
        if (!stillOurs(ctx, 'load balancer', lb.name, await elbTagsNow(ctx, lb.arn), d.build))
            continue;
        for (const arn of lb.listenerArns) {
            if (await unlessGone(() => ctx.clients.elb.send(new DeleteListenerCommand/* DeleteListenerCommand */.L({ ListenerArn: arn })))) {
                removed.push(`listener of ${lb.name}`);
            }
        }
        if (await unlessGone(() => ctx.clients.elb.send(new DeleteLoadBalancerCommand/* DeleteLoadBalancerCommand */.Z({ LoadBalancerArn: lb.arn })))) {
            removed.push(`load balancer ${lb.name}`);
        }
    }
    for (const tg of r.targetGroups) {
        if (!stillOurs(ctx, 'target group', tg.name, await elbTagsNow(ctx, tg.arn), d.build))
            continue;
        if (await deleteTargetGroup(ctx, tg.arn, tg.name))
            removed.push(`target group ${tg.name}`);
    }
    if (r.instances.length > 0) {
        const now = await instanceTagsNow(ctx, r.instances.map((i) => i.id));
        const ids = r.instances
            .map((i) => i.id)
            .filter((id) => stillOurs(ctx, 'instance', id, now.get(id), d.build));
        if (ids.length > 0) {
            await ctx.clients.ec2.send(new TerminateInstancesCommand/* TerminateInstancesCommand */.N({ InstanceIds: ids }));
            removed.push(...ids.map((id) => `instance ${id}`));
        }
    }
    // Instances first: an Aurora clone is deleted only once its instances are (RDS refuses it).
    for (const db of r.databases.filter((x) => x.kind !== 'cluster')) {
        if (!stillOurs(ctx, 'DB instance', db.id, await dbTagsNow(ctx, db.id), d.build))
            continue;
        const snapshot = (0,naming/* finalSnapshotId */.kI)({ ...who, build: d.build });
        // A cluster's instance has no snapshot of its own: the cluster's final snapshot holds the data.
        const final = ctx.finalSnapshot && !db.clusterId;
        const deleted = await unlessGone(() => ctx.clients.rds.send(new DeleteDBInstanceCommand/* DeleteDBInstanceCommand */.Y({
            DBInstanceIdentifier: db.id,
            ...(final ? { FinalDBSnapshotIdentifier: snapshot } : { SkipFinalSnapshot: true }),
            DeleteAutomatedBackups: true,
        })));
        if (deleted)
            removed.push(`DB instance ${db.id}${final ? ` (final snapshot ${snapshot})` : ''}`);
    }
    for (const c of r.databases.filter((x) => x.kind === 'cluster')) {
        const gone = await retireCluster(ctx, c.id, d.build);
        if (gone)
            removed.push(gone);
    }
    for (const s of r.sourceSnapshots) {
        if (!stillOurs(ctx, 'DB snapshot', s.id, await dbSnapshotTagsNow(ctx, s.id), d.build))
            continue;
        if (await unlessGone(() => ctx.clients.rds.send(new DeleteDBSnapshotCommand/* DeleteDBSnapshotCommand */.P({ DBSnapshotIdentifier: s.id })))) {
            removed.push(`DB snapshot ${s.id}`);
        }
    }
    return removed;
}
/**
 * Deregisters the image, then deletes its snapshots (which an image in use would keep). The
 * image and each snapshot are read again first: a snapshot without immut's tags for this role
 * and env stays, whatever image it backed.
 */
async function retireImage(ctx, d) {
    const { image } = d;
    guard('image', image.id, image.tags, ctx.who);
    const removed = [];
    const snapshots = await snapshotTagsNow(ctx, image.snapshotIds);
    const tags = await imageTagsNow(ctx, image.id);
    if (tags !== undefined) {
        if (!stillOurs(ctx, 'image', image.id, tags))
            return removed;
        if (await unlessGone(() => ctx.clients.ec2.send(new DeregisterImageCommand/* DeregisterImageCommand */.x({ ImageId: image.id })))) {
            removed.push(`image ${image.id} (${image.name})`);
        }
    }
    for (const id of image.snapshotIds) {
        if (!stillOurs(ctx, 'snapshot', id, snapshots.get(id)))
            continue;
        if (await unlessGone(() => ctx.clients.ec2.send(new DeleteSnapshotCommand/* DeleteSnapshotCommand */.t({ SnapshotId: id })))) {
            removed.push(`snapshot ${id}`);
        }
    }
    return removed;
}
/** What would go, resource by resource, for the dry run and the summary. */
function describeResources(d, ctx) {
    const r = d.resources;
    // A group's servers go with the group (AWS tags each with the group's name).
    const inGroups = new Set(r.groups.map((g) => g.name));
    return [
        ...(r.loadBalancers.length > 0
            ? [
                `DNS record ${(0,naming/* buildDnsName */.Tt)({ ...ctx.who, build: d.build }, ctx.zone.name)} (if it aliases this build)`,
            ]
            : []),
        ...r.groups.map((g) => `Auto Scaling group ${g.name} (with its ${g.instances} server(s))`),
        ...r.launchTemplates.map((t) => `launch template ${t.name}`),
        ...r.loadBalancers.flatMap((lb) => [
            ...lb.listenerArns.map(() => `listener of ${lb.name}`),
            `load balancer ${lb.name}`,
        ]),
        ...r.targetGroups.map((tg) => `target group ${tg.name}`),
        ...r.instances
            .filter((i) => !inGroups.has(i.tags[AUTOSCALING_GROUP_TAG] ?? ''))
            .map((i) => `instance ${i.id}`),
        ...[
            ...r.databases.filter((db) => db.kind !== 'cluster'),
            ...r.databases.filter((db) => db.kind === 'cluster'),
        ].map((db) => `${db.kind === 'cluster' ? 'DB cluster' : 'DB instance'} ${db.id}${ctx.finalSnapshot && !db.clusterId ? ` (final snapshot ${(0,naming/* finalSnapshotId */.kI)({ ...ctx.who, build: d.build })})` : ' (no final snapshot)'}`),
        ...r.sourceSnapshots.map((s) => `DB snapshot ${s.id}`),
    ];
}
/**
 * Deletes immut's snapshots of this role and env whose image is gone (an earlier retirement
 * deregistered the image, then failed on DeleteSnapshot). Each is read again first.
 */
async function retireOrphanSnapshots(ctx) {
    const removed = [];
    const orphans = ctx.inventory.orphanSnapshots;
    const fresh = await snapshotTagsNow(ctx, orphans.map((s) => s.id));
    for (const s of orphans) {
        if (!stillOurs(ctx, 'snapshot', s.id, fresh.get(s.id)))
            continue;
        if (await unlessGone(() => ctx.clients.ec2.send(new DeleteSnapshotCommand/* DeleteSnapshotCommand */.t({ SnapshotId: s.id })))) {
            removed.push(`snapshot ${s.id} (its image ${s.imageId} is gone)`);
        }
    }
    return removed;
}
/** What about the name decides what may go: where it points and its history. */
function liveKey(live) {
    return JSON.stringify([[...live.pointsAt].sort(), live.weighted, live.history ?? null]);
}
/**
 * Narrows what is to go to what the plan for the name as it stands now still retires; a
 * build or image kept now is marked kept, with the reason logged.
 */
function narrow(ctx, retiring, images, live) {
    const fresh = plan(ctx.inventory, live, ctx.settings, ctx.who.env);
    const builds = retiring.filter((d) => {
        const now = fresh.builds.find((x) => x.build === d.build);
        if (!now || now.retire)
            return true;
        ctx.log(`Not retiring build ${d.build} after all: ${now.reason} (${live.name} changed since the plan).`);
        d.retire = false;
        d.reason = `${now.reason} (changed while retiring waited)`;
        return false;
    });
    const keptImages = images.filter((d) => {
        const now = fresh.images.find((x) => x.image.id === d.image.id);
        if (!now || now.retire)
            return true;
        ctx.log(`Not deleting image ${d.image.id} after all: ${now.reason} (${live.name} changed since the plan).`);
        d.retire = false;
        d.reason = `${now.reason} (changed while retiring waited)`;
        return false;
    });
    return { builds, images: keptImages };
}
/**
 * Takes this env's `immut:used-by:<env>` tag off another env's image (and its snapshots)
 * once the build that ran it here is gone, so that env's retirement may delete the image.
 * Only the one key, only on immut's images of this role, read again first.
 */
async function releaseBorrowed(ctx, releases, gone) {
    const key = (0,lib_tags/* usedByTag */.nw)(ctx.who.env);
    for (const { image, build } of releases) {
        if (!gone.has(build))
            continue;
        const tags = await imageTagsNow(ctx, image.id);
        if (!tags ||
            tags[lib_tags/* TAG */.Dk.managedBy] !== lib_tags/* MANAGED_BY_VALUE */.Q9 ||
            tags[lib_tags/* TAG */.Dk.role] !== ctx.who.role ||
            tags[key] !== build)
            continue;
        await ctx.clients.ec2.send(new DeleteTagsCommand/* DeleteTagsCommand */.M({
            Resources: [image.id, ...image.snapshotIds],
            Tags: [{ Key: key, Value: build }],
        }));
        ctx.log(`Released image ${image.id} (${image.tags[lib_tags/* TAG */.Dk.env]}): build ${build} no longer runs it here (${key} removed).`);
    }
}
async function carryOut(ctx, live, p) {
    let retiring = p.builds.filter((d) => d.retire);
    let images = p.images.filter((d) => d.retire);
    const outcome = {
        waitedMs: 0,
        removed: new Map(),
        removedImages: new Map(),
        removedSnapshots: [],
    };
    if (retiring.length === 0 && images.length === 0 && ctx.inventory.orphanSnapshots.length === 0)
        return outcome; // p.releases only ever name builds that retire, so there are none either
    let seen = live;
    for (;;) {
        // The wait holds no lease: a rollback during it must not queue behind a retirement.
        if (retiring.length > 0)
            outcome.waitedMs += await waitOutDrain(ctx, seen, retiring);
        const lease = await acquireLease({
            route53: ctx.clients.route53,
            zoneId: ctx.zone.id,
            name: ctx.name,
            holder: `retire-release:${ctx.who.role}/${ctx.who.env}:${ctx.build}`,
            run: ctx.run,
            holdMs: holdFor(ctx.deadline.remaining()),
            clock: ctx.clock,
            deadline: ctx.deadline,
            log: ctx.log,
        });
        try {
            const now = await ctx.readLive();
            ({ builds: retiring, images } = narrow(ctx, retiring, images, now));
            if (liveKey(now) !== liveKey(seen) && retiring.length > 0) {
                const drain = drainMs(now, retiring);
                if (waitNeededMs(now, drain, ctx.clock.now()) > 0) {
                    // The name moved during the wait: builds that served until then drain from now on.
                    ctx.log(`${ctx.name} changed during the wait (now build ${now.history?.current.build ?? '(none)'}); waiting again before deleting anything.`);
                    seen = now;
                    continue;
                }
            }
            for (const d of retiring) {
                // Read the name again right before this build goes (anything may change it).
                const latest = await ctx.readLive();
                const [still] = narrow(ctx, [d], [], latest).builds;
                if (!still)
                    continue;
                ctx.log(`Retiring build ${d.build} (${d.release}): ${d.reason}`);
                const removed = await retireBuild(ctx, d);
                for (const line of removed)
                    ctx.log(`  deleted ${line}`);
                outcome.removed.set(d.build, removed);
            }
            await releaseBorrowed(ctx, p.releases, new Set(outcome.removed.keys()));
            if (images.length > 0)
                ({ images } = narrow(ctx, [], images, await ctx.readLive()));
            for (const d of images) {
                const removed = await retireImage(ctx, d);
                for (const line of removed)
                    ctx.log(`Deleted ${line}: ${d.reason}`);
                outcome.removedImages.set(d.image.id, removed);
            }
            outcome.removedSnapshots = await retireOrphanSnapshots(ctx);
            for (const line of outcome.removedSnapshots)
                ctx.log(`Deleted ${line}`);
            return outcome;
        }
        finally {
            await lease.release();
        }
    }
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

;// CONCATENATED MODULE: ./.build/tsc/actions/retire-release/summary.js


function writeOutputs(io, p) {
    io.setOutput('retired', JSON.stringify(p.builds.filter((d) => d.retire).map((d) => d.build)));
    io.setOutput('kept', JSON.stringify(p.builds.filter((d) => !d.retire).map((d) => d.build)));
    io.setOutput('retired-images', JSON.stringify(p.images.filter((d) => d.retire).map((d) => d.image.id)));
}
function renderSummary(ctx, p, outcome) {
    const verb = ctx.dryRun ? 'would retire' : 'retired';
    const buildRows = p.builds.map((d) => [
        d.build,
        d.release,
        d.retire ? verb : 'kept',
        d.reason,
        d.retire
            ? (ctx.dryRun ? ctx.describe(d.build) : (outcome?.removed.get(d.build) ?? [])).join('<br>') ||
                '(nothing left)'
            : '',
    ]);
    const imageRows = p.images.map((d) => [d.image.id, d.image.name, d.retire ? verb : 'kept', d.reason]);
    const retired = p.builds.filter((d) => d.retire).length;
    const intro = [
        `${ctx.dryRun ? 'Dry run: ' : ''}${retired} build(s) ${verb}, ${p.builds.length - retired} kept for ${ctx.name}${ctx.live ? ` (live build ${ctx.live})` : ''}.`,
        ...(p.hold ? [`Nothing retired: ${p.hold}.`] : []),
        ...(outcome && outcome.waitedMs > 0
            ? [`Waited ${(0,lib_clock/* formatDuration */.a3)(outcome.waitedMs)} for DNS caches and draining connections first.`]
            : []),
    ].join(' ');
    return summary(heading('immut retire-release'), intro, buildRows.length > 0
        ? markdownTable(['Build', 'Release', 'Decision', 'Reason', 'Resources'], buildRows)
        : 'No builds of this role and env stand.', ...(imageRows.length > 0
        ? [heading('Images', 3), markdownTable(['Image', 'Name', 'Decision', 'Reason'], imageRows)]
        : []));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/ModifyImageAttributeCommand.js
var ModifyImageAttributeCommand = __webpack_require__(3290);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/commands/ModifySnapshotAttributeCommand.js
var ModifySnapshotAttributeCommand = __webpack_require__(6425);
;// CONCATENATED MODULE: ./.build/tsc/actions/retire-release/unshare.js
// `mode: unshare`, run with the SOURCE account's credentials after the target env's retirement
// (its `retired` output): takes back what a promotion into another account shared. tag-release
// (share-with) marked the source image and its snapshots `immut:used-by:<env>=<build>` and
// `immut:shared-with:<env>=<account>`; once that build of <env> is retired, the launch
// permission and the create-volume permissions for the account are removed and both marks
// deleted, so the source env's own retirement may then delete the image. An account another
// env's mark still names keeps its permissions (only this env's marks go). Each image is read
// again right before it changes, and only immut's images of the role are touched.


/** The role's images in this account marked as shared with `who.env`'s account. */
async function sharedImages(ec2, who) {
    const out = await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({
        Owners: ['self'],
        Filters: [
            { Name: `tag:${lib_tags/* TAG */.Dk.managedBy}`, Values: [lib_tags/* MANAGED_BY_VALUE */.Q9] },
            { Name: `tag:${lib_tags/* TAG */.Dk.role}`, Values: [who.role] },
            { Name: 'tag-key', Values: [(0,lib_tags/* sharedWithTag */.Y$)(who.env)] },
        ],
    }));
    return out.Images ?? [];
}
/** Whether to take back the share of one image: only when its using build was retired. */
function decideUnshare(imageId, tags, who, retired) {
    const account = tags[(0,lib_tags/* sharedWithTag */.Y$)(who.env)] ?? '';
    const build = tags[(0,lib_tags/* usedByTag */.nw)(who.env)] ?? '';
    const base = { imageId, account, build };
    if (tags[lib_tags/* TAG */.Dk.managedBy] !== lib_tags/* MANAGED_BY_VALUE */.Q9 || tags[lib_tags/* TAG */.Dk.role] !== who.role)
        return { ...base, unshare: false, reason: `not immut's image of role ${who.role}` };
    if (!/^\d{12}$/.test(account))
        return { ...base, unshare: false, reason: `${(0,lib_tags/* sharedWithTag */.Y$)(who.env)} is not an account id` };
    if (!retired.has(build))
        return {
            ...base,
            unshare: false,
            reason: build
                ? `${who.env} build ${build} uses it and was not retired`
                : `no ${(0,lib_tags/* usedByTag */.nw)(who.env)} mark names the build using it`,
        };
    return { ...base, unshare: true, reason: `${who.env} build ${build} was retired` };
}
/** Other envs' marks naming the same account: their share stays. */
function otherEnvsSharing(tags, who, account) {
    return Object.entries(tags)
        .filter(([key]) => key.startsWith(lib_tags/* SHARED_WITH_PREFIX */.oC) && key !== (0,lib_tags/* sharedWithTag */.Y$)(who.env))
        .filter(([, value]) => value === account)
        .map(([key]) => key.slice(lib_tags/* SHARED_WITH_PREFIX */.oC.length));
}
async function reread(ec2, imageId) {
    try {
        return (await ec2.send(new DescribeImagesCommand/* DescribeImagesCommand */.j({ ImageIds: [imageId] }))).Images?.[0];
    }
    catch (error) {
        if (error instanceof Error && error.name === 'InvalidAMIID.NotFound')
            return undefined;
        throw error;
    }
}
/** Removes the account's permissions (unless another env shares with it) and this env's marks. */
async function takeBack(ec2, image, d, who, log) {
    const tags = (0,lib_tags/* fromAwsTags */.L0)(image.Tags);
    const snapshotIds = (image.BlockDeviceMappings ?? []).flatMap((m) => m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []);
    const others = otherEnvsSharing(tags, who, d.account);
    if (others.length === 0) {
        await ec2.send(new ModifyImageAttributeCommand/* ModifyImageAttributeCommand */.F({
            ImageId: d.imageId,
            LaunchPermission: { Remove: [{ UserId: d.account }] },
        }));
        for (const snapshotId of snapshotIds)
            await ec2.send(new ModifySnapshotAttributeCommand/* ModifySnapshotAttributeCommand */.K({
                SnapshotId: snapshotId,
                Attribute: 'createVolumePermission',
                CreateVolumePermission: { Remove: [{ UserId: d.account }] },
            }));
    }
    else
        log(`Image ${d.imageId} stays shared with ${d.account}: env(s) ${others.join(', ')} share it too.`);
    await ec2.send(new DeleteTagsCommand/* DeleteTagsCommand */.M({
        Resources: [d.imageId, ...snapshotIds],
        Tags: [
            { Key: (0,lib_tags/* usedByTag */.nw)(who.env), Value: d.build },
            { Key: (0,lib_tags/* sharedWithTag */.Y$)(who.env), Value: d.account },
        ],
    }));
}
/**
 * Takes back the shares of images whose using build of `who.env` is among `retired`. Returns
 * every decision (a dry run changes nothing).
 */
async function unshareRetired(ec2, who, retired, options) {
    const retiredSet = new Set(retired);
    const decisions = [];
    for (const found of await sharedImages(ec2, who)) {
        if (!found.ImageId)
            continue;
        let d = decideUnshare(found.ImageId, (0,lib_tags/* fromAwsTags */.L0)(found.Tags), who, retiredSet);
        if (d.unshare && !options.dryRun) {
            // Read again right before the change: a promotion since may have marked it anew.
            const now = await reread(ec2, found.ImageId);
            d = now
                ? decideUnshare(found.ImageId, (0,lib_tags/* fromAwsTags */.L0)(now.Tags), who, retiredSet)
                : { ...d, unshare: false, reason: 'the image is gone' };
            if (d.unshare && now)
                await takeBack(ec2, now, d, who, options.log);
        }
        options.log(`${d.unshare ? (options.dryRun ? 'Would take back' : 'Took back') : 'Keep'} the share of ${d.imageId} with account ${d.account || '(none)'}: ${d.reason}.`);
        decisions.push(d);
    }
    return decisions;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/retire-release/main-fleet.js
// The fleet's part of a retirement, loaded by main-aws.ts once the role's name is read: the
// clients of EC2, Elastic Load Balancing, Auto Scaling and RDS, discovery by tags, the plan
// and the deletions. Also mode unshare, which needs EC2 alone.














/** `mode: unshare` (unshare.ts), with the source account's credentials. */
async function unshareChecked(io, common, retired) {
    const who = { role: common.identity.role, env: common.identity.env };
    const ec2 = (0,lib_aws/* createAwsClient */.nV)(EC2Client/* EC2Client */.g, { region: common.region, action: main/* ACTION */.h });
    try {
        const decisions = await unshareRetired(ec2, who, retired, {
            dryRun: common.dryRun,
            log: (line) => io.info(line),
        });
        const taken = decisions.filter((d) => d.unshare);
        io.setOutput('unshared', JSON.stringify(taken.map((d) => d.imageId)));
        await io.appendSummary([
            `## ${common.dryRun ? 'Would take back' : 'Took back'} ${taken.length} share(s) of ${who.role} images with ${who.env}'s account`,
            '',
            ...decisions.map((d) => `- \`${d.imageId}\` (account ${d.account || 'none'}): ${d.unshare ? 'unshared' : 'kept'}, ${d.reason}`),
            '',
        ].join('\n'));
    }
    finally {
        ec2.destroy();
    }
}
/** Finds the role's builds, decides and retires, with the name as main-aws.ts read it. */
async function main_fleet_retireFleet({ io, env, clock }, { inputs, common }, { route53, zone, name, live }) {
    const who = { role: common.identity.role, env: common.identity.env };
    const aws = { region: common.region, action: main/* ACTION */.h };
    const fleet = {
        autoscaling: (0,lib_aws/* createAwsClient */.nV)(AutoScalingClient/* AutoScalingClient */.y, aws),
        ec2: (0,lib_aws/* createAwsClient */.nV)(EC2Client/* EC2Client */.g, aws),
        elb: (0,lib_aws/* createAwsClient */.nV)(ElasticLoadBalancingV2Client/* ElasticLoadBalancingV2Client */.M, aws),
        rds: (0,lib_aws/* createAwsClient */.nV)(RDSClient/* RDSClient */.r, aws),
    };
    const clients = { ...fleet, route53 };
    try {
        const inventory = await discover(clients, who);
        const settings = { keep: inputs.keep ?? 2, keepImages: inputs.keepImages ?? 1 };
        const decided = plan(inventory, live, settings, who.env);
        const ctx = {
            clients,
            who,
            zone,
            clock,
            deadline: deadlineFrom(clock, inputs.timeout ?? 30 * 60_000),
            log: (line) => io.info(line),
            finalSnapshot: inputs.finalSnapshot ?? false,
            name,
            run: provenanceFromEnv(env).runUrl,
            build: common.identity.build,
            readLive: () => (0,retire_release_live/* readLive */.p)(clients.route53, zone.id, name, who),
            inventory,
            settings,
        };
        io.info(`${name}: live build ${live.history?.current.build ?? '(none)'}, previous ${live.history?.previous?.build ?? '(none)'}; ${inventory.builds.length} build(s) and ${inventory.images.length} image(s) of role '${who.role}' in env '${who.env}' found${common.dryRun ? ' (dry run)' : ''}.`);
        for (const d of decided.builds) {
            io.info(`${d.retire ? (common.dryRun ? 'Would retire' : 'Retire') : 'Keep'} build ${d.build}: ${d.reason}`);
            if (d.retire && common.dryRun)
                for (const line of describeResources(d, ctx))
                    io.info(`  would delete ${line}`);
        }
        for (const d of decided.images) {
            io.info(`${d.retire ? (common.dryRun ? 'Would delete' : 'Delete') : 'Keep'} image ${d.image.id}: ${d.reason}`);
        }
        for (const s of inventory.orphanSnapshots) {
            io.info(`${common.dryRun ? 'Would delete' : 'Delete'} snapshot ${s.id}: its image ${s.imageId} is gone (an interrupted retirement left it).`);
        }
        let outcome;
        if (!common.dryRun)
            outcome = await carryOut(ctx, live, decided);
        writeOutputs(io, decided);
        await io.appendSummary(renderSummary({
            name,
            dryRun: common.dryRun,
            ...(live.history ? { live: live.history.current.build } : {}),
            describe: (build) => {
                const d = decided.builds.find((x) => x.build === build);
                return d ? describeResources(d, ctx) : [];
            },
        }, decided, outcome));
    }
    finally {
        for (const client of Object.values(fleet))
            client.destroy();
    }
}


/***/ })

};
