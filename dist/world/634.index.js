export const id = 634;
export const ids = [634];
export const modules = {

/***/ 2634:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  statusReaders: () => (/* binding */ statusReaders)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/EC2Client.js + 8 modules
var EC2Client = __webpack_require__(4601);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/RDSClient.js + 8 modules
var RDSClient = __webpack_require__(7278);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-es/SSMClient.js + 8 modules
var SSMClient = __webpack_require__(7650);
// EXTERNAL MODULE: ./packages/core/lib/aws.js
var aws = __webpack_require__(148);
// EXTERNAL MODULE: ./packages/core/lib/github.js
var github = __webpack_require__(8950);
// EXTERNAL MODULE: ./packages/core/lib/provenance.js
var provenance = __webpack_require__(6986);
// EXTERNAL MODULE: ./packages/core/lib/release-reader.js + 2 modules
var release_reader = __webpack_require__(5377);
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
// EXTERNAL MODULE: ./packages/core/lib/dns-history.js
var dns_history = __webpack_require__(19);
// EXTERNAL MODULE: ./packages/core/lib/hosted-zone.js + 1 modules
var hosted_zone = __webpack_require__(170);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
// EXTERNAL MODULE: ./packages/core/lib/tags.js
var lib_tags = __webpack_require__(8964);
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
        Filters: [...(0,lib_tags/* roleFilters */.W0)(plan), { Name: 'instance-state-name', Values: ['pending', 'running'] }],
    });
    for await (const page of pages) {
        for (const instance of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
            const tags = (0,lib_tags/* fromAwsTags */.L0)(instance.Tags);
            const build = tags[lib_tags/* TAG */.Dk.build];
            // Bake builders carry immut:component; they are bake-image's, not a build that serves.
            if (!build || tags[lib_tags/* TAG */.Dk.managedBy] !== lib_tags/* MANAGED_BY_VALUE */.Q9 || tags[lib_tags/* TAG */.Dk.component] !== undefined)
                continue;
            const launched = instance.LaunchTime?.toISOString();
            const known = builds.get(build);
            const earliest = known?.launched && launched
                ? known.launched < launched
                    ? known.launched
                    : launched
                : (known?.launched ?? launched);
            builds.set(build, {
                release: tags[lib_tags/* TAG */.Dk.release] ?? known?.release ?? build,
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
        (0,hosted_zone/* recordSetsAt */.M7)(route53, zoneId, name, 'A'),
        (0,hosted_zone/* recordSetsAt */.M7)(route53, zoneId, (0,dns_history/* historyName */.GM)(name), 'TXT'),
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
        history = (0,dns_history/* parseHistory */.i6)(record);
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

;// CONCATENATED MODULE: ./.build/tsc/actions/world/status-readers.js
// What mode status reads besides Route 53: EC2, SSM and RDS clients, the GitHub release
// lookup, and gather.ts, which sends their commands. status.ts imports this module once its
// first call, the hosted zone's lookup, is answered, so these SDKs and Octokit do not delay
// that call (issue #20 item 4: load only what the next step needs).








const ACTION = 'world';
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
/** Gathers roles with the caller's Route 53 client and the readers made here; destroy() closes these. */
function statusReaders({ io, env }, region, route53, githubToken) {
    const settings = { region, action: ACTION };
    const own = {
        ec2: (0,aws/* createAwsClient */.nV)(EC2Client/* EC2Client */.g, settings),
        ssm: (0,aws/* createAwsClient */.nV)(SSMClient/* SSMClient */.j, settings),
        rds: (0,aws/* createAwsClient */.nV)(RDSClient/* RDSClient */.r, settings),
    };
    const octokit = (0,github/* createGitHubClient */.LX)({
        token: githubToken,
        env,
        action: ACTION,
        log: io,
    });
    const lookup = releaseLookup(octokit, (0,provenance/* repositoryFromEnv */.i)(env));
    return {
        gather: (plan, zoneId) => gatherRoleStatus({ ...own, route53 }, plan, zoneId, lookup),
        destroy: () => Object.values(own).forEach((c) => c.destroy()),
    };
}


/***/ })

};
