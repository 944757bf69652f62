export const id = 64;
export const ids = [64];
export const modules = {

/***/ 6665:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F1: () => (/* binding */ findImage),
/* harmony export */   GV: () => (/* binding */ untagged),
/* harmony export */   aA: () => (/* binding */ tagResources),
/* harmony export */   py: () => (/* binding */ awsName)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1048);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9861);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7122);
/* harmony import */ var _immut_core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7706);
/* harmony import */ var _immut_core_tags__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8964);
// The AWS side of a release: find the AMI and its snapshots the inputs name (the data replica:
// db-resources.ts), check that each is immut's own for this role and env (core's guard) before
// anything is recorded, and later tag each with `immut:release=<release id>`.



function awsName(error) {
    return error instanceof Error ? error.name : undefined;
}
/** The AMI and its snapshots, each through the guard; a missing or unusable AMI is an input error. */
async function findImage(ec2, imageId, id, region) {
    let image;
    try {
        image = (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeImagesCommand */ .j({ ImageIds: [imageId] }))).Images?.[0];
    }
    catch (error) {
        if (!['InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable'].includes(awsName(error) ?? ''))
            throw error;
    }
    if (!image) {
        throw new _immut_core_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz([
            `Input 'image-id' was '${imageId}': no such AMI in ${region}; expected bake-image's image-id output from the same region.`,
        ]);
    }
    if (image.State !== 'available') {
        throw new _immut_core_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz([
            `Input 'image-id' was '${imageId}': the AMI is '${image.State}'; expected an available image (bake-image waits for it).`,
        ]);
    }
    const tags = (0,_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .fromAwsTags */ .L0)(image.Tags);
    (0,_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .assertManaged */ .wt)({ kind: 'image', id: imageId, tags }, id);
    const snapshotIds = (image.BlockDeviceMappings ?? []).flatMap((m) => m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []);
    const snapshots = snapshotIds.length === 0
        ? []
        : ((await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__/* .DescribeSnapshotsCommand */ .M({ SnapshotIds: snapshotIds }))).Snapshots ?? []).map((s) => ({
            id: s.SnapshotId ?? '',
            tags: (0,_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .fromAwsTags */ .L0)(s.Tags),
        }));
    for (const snapshot of snapshots)
        (0,_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .assertManaged */ .wt)({ kind: 'snapshot', id: snapshot.id, tags: snapshot.tags }, id);
    return { id: imageId, tags, snapshots };
}
function imageTagOf(release, imageTag) {
    return imageTag ?? { key: _immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG */ .Dk.release, value: release };
}
/** What `tagResources` would change: every resource not yet tagged with this release. */
function untagged(resources, release, imageTag) {
    const { key, value } = imageTagOf(release, imageTag);
    const ec2 = resources.image.foreign
        ? []
        : [{ id: resources.image.id, tags: resources.image.tags }, ...resources.image.snapshots];
    const db = resources.db ? [{ id: resources.db.id, tags: resources.db.tags }] : [];
    return [
        ...ec2.filter((r) => r.tags[key] !== value).map((r) => `${key}=${value} on ${r.id}`),
        ...db.filter((r) => r.tags[_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG */ .Dk.release] !== release).map((r) => `${_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG */ .Dk.release}=${release} on ${r.id}`),
    ];
}
/**
 * Tags the AMI, its snapshots and the replica with `immut:release`. Resources already
 * carrying this release are left alone, so a re-run changes nothing. An image reused by a
 * later build (same fingerprint) carries the latest release that recorded it.
 */
async function tagResources(clients, resources, release, imageTag) {
    const tag = [{ Key: _immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG */ .Dk.release, Value: release }];
    const { key, value } = imageTagOf(release, imageTag);
    const ec2Ids = (resources.image.foreign ? [] : [resources.image, ...resources.image.snapshots])
        .filter((r) => r.tags[key] !== value)
        .map((r) => r.id);
    if (ec2Ids.length > 0)
        await clients.ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__/* .CreateTagsCommand */ .R({ Resources: ec2Ids, Tags: [{ Key: key, Value: value }] }));
    const changed = [...ec2Ids];
    if (resources.db && resources.db.tags[_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG */ .Dk.release] !== release) {
        const { tagDb } = await Promise.all(/* import() */[__webpack_require__.e(828), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 7560));
        await tagDb(await clients.rds(), resources.db, tag);
        changed.push(resources.db.id);
    }
    return changed;
}


/***/ }),

/***/ 6064:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tagReleaseChecked: () => (/* binding */ tagReleaseChecked)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-es/EC2Client.js + 8 modules
var EC2Client = __webpack_require__(4601);
// EXTERNAL MODULE: ./packages/core/lib/throttle-retry.js
var throttle_retry = __webpack_require__(9314);
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

// EXTERNAL MODULE: ./packages/core/lib/clock.js
var clock = __webpack_require__(8055);
// EXTERNAL MODULE: ./packages/core/lib/provenance.js
var lib_provenance = __webpack_require__(6986);
// EXTERNAL MODULE: ./.build/tsc/actions/tag-release/main.js + 2 modules
var main = __webpack_require__(1487);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/lib/identity.js
var lib_identity = __webpack_require__(4891);
// EXTERNAL MODULE: ./packages/core/lib/manifest.js + 2 modules
var lib_manifest = __webpack_require__(5898);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
// EXTERNAL MODULE: ./packages/core/lib/tags.js
var tags = __webpack_require__(8964);
// EXTERNAL MODULE: ./.build/tsc/actions/tag-release/aws-resources.js
var aws_resources = __webpack_require__(6665);
// EXTERNAL MODULE: ./.build/tsc/actions/tag-release/copy.js + 1 modules
var copy = __webpack_require__(1382);
// EXTERNAL MODULE: ./.build/tsc/actions/tag-release/build-manifest.js + 2 modules
var build_manifest = __webpack_require__(2477);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/github-calls.js
var github_calls = __webpack_require__(1602);
// EXTERNAL MODULE: ./packages/core/lib/release-reader.js
var release_reader = __webpack_require__(3802);
;// CONCATENATED MODULE: ./packages/core/lib/recorded-release.js
// A manifest recorded on GitHub as immutable data: an annotated tag on the commit with the
// manifest in its message, a GitHub release with a readable body, and the manifest as the
// release's `manifest.json` asset. What kind of manifest it is (a role's release, a world
// release) is a small codec; the recording is the same for all of them.
//
// A recorded manifest is never rewritten: what already exists is compared with what this
// run would record (the codec decides which fields are ignored, e.g. `created`). Identical
// → the run reuses the recorded manifest and completes whatever is missing (a re-run, or a
// run that failed half-way); different → a conflict error, before anything is written.



/** A record that exists and differs from what this run would record. */
class ReleaseConflictError extends errors/* UserError */.yo {
    name = 'ReleaseConflictError';
}
const repository = (t) => `${t.owner}/${t.repo}`;
const reading = (t, what) => ({ what, write: false, repository: repository(t) });
const writing = (t, what) => ({ what, write: true, repository: repository(t) });
const capitalised = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/**
 * Paths where two JSON values differ, skipping the top-level keys in `ignore`:
 * `image.id ("a" recorded, "b" now)`. The default comparison of a codec.
 */
function jsonDifferences(recorded, wanted, ignore = ['created']) {
    const flat = (value, prefix = '') => {
        const out = new Map();
        if (value && typeof value === 'object') {
            for (const [key, inner] of Object.entries(value)) {
                for (const [k, v] of flat(inner, prefix ? `${prefix}.${key}` : key))
                    out.set(k, v);
            }
        }
        else
            out.set(prefix, JSON.stringify(value));
        return out;
    };
    const without = (value) => value && typeof value === 'object'
        ? { ...value, ...Object.fromEntries(ignore.map((key) => [key, undefined])) }
        : value;
    const a = flat(without(recorded));
    const b = flat(without(wanted));
    const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
    return keys
        .filter((k) => a.get(k) !== b.get(k))
        .map((k) => `${k} (${a.get(k) ?? 'absent'} recorded, ${b.get(k) ?? 'absent'} now)`);
}
/** The manifest inside a tag message: from the first `{` to the last `}` (a signature may follow). */
function jsonInTagMessage(message) {
    const start = message.indexOf('{');
    const end = message.lastIndexOf('}');
    return start < 0 || end < start ? undefined : message.slice(start, end + 1);
}
/** What `record` will create (nothing when the record is complete). */
function plannedSteps(existing, tag) {
    return [
        ...(existing.tag ? [] : [`the annotated git tag ${tag}`]),
        ...(existing.release ? [] : [`the GitHub release ${tag}`]),
        ...(existing.release?.asset ? [] : [`the release asset ${release_reader/* MANIFEST_ASSET */.ny}`]),
    ];
}
function createRecorder(codec) {
    const conflict = (tag, why) => new ReleaseConflictError(`${capitalised(codec.noun)} ${tag} already exists and ${why}. A ${codec.noun} is never rewritten: record a new build instead (a new workflow run, or another 'build' input). If the existing ${codec.noun} is a mistake, delete its tag and GitHub release by hand first.`);
    async function findExisting(t) {
        const { octokit, owner, repo, tag } = t;
        const existing = {};
        const ref = await (0,github_calls/* gitHubFind */.LN)(reading(t, `reading the git tag ${tag}`), () => octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }));
        if (ref) {
            if (ref.data.object.type !== 'tag') {
                throw conflict(tag, `is a lightweight tag (on ${ref.data.object.sha}), not an immut ${codec.noun}`);
            }
            const object = await (0,github_calls/* gitHubCall */.S5)(reading(t, `reading the git tag ${tag}`), () => octokit.rest.git.getTag({ owner, repo, tag_sha: ref.data.object.sha }));
            let manifest;
            try {
                manifest = codec.fromTagMessage(object.data.message);
            }
            catch (error) {
                throw conflict(tag, `its message holds no valid manifest (${error.message})`);
            }
            existing.tag = { objectSha: object.data.sha, commit: object.data.object.sha, manifest };
        }
        const release = await (0,github_calls/* gitHubFind */.LN)(reading(t, `reading the release ${tag}`), () => octokit.rest.repos.getReleaseByTag({ owner, repo, tag }));
        if (release) {
            const asset = release.data.assets.find((a) => a.name === release_reader/* MANIFEST_ASSET */.ny);
            existing.release = {
                id: release.data.id,
                url: release.data.html_url,
                uploadUrl: release.data.upload_url,
                ...(asset ? { asset: { id: asset.id } } : {}),
            };
        }
        return existing;
    }
    async function reconcile(t, existing, wanted) {
        if (!existing.tag) {
            if (existing.release)
                throw conflict(t.tag, `has a GitHub release (${existing.release.url}) but no annotated tag`);
            return wanted;
        }
        if (existing.tag.commit !== t.sha) {
            throw conflict(t.tag, `points at commit ${existing.tag.commit}, while this run is at ${t.sha}`);
        }
        const differences = codec.differences(existing.tag.manifest, wanted);
        if (differences.length > 0)
            throw conflict(t.tag, `its manifest differs: ${differences.join('; ')}`);
        const recorded = existing.tag.manifest;
        if (existing.release?.asset) {
            const assetId = existing.release.asset.id;
            const text = await (0,github_calls/* gitHubCall */.S5)(reading(t, `downloading ${release_reader/* MANIFEST_ASSET */.ny} of ${t.tag}`), () => (0,release_reader/* downloadAsset */.Bx)(t.octokit, { owner: t.owner, repo: t.repo, assetId }));
            let asset;
            try {
                asset = codec.fromJson(text);
            }
            catch (error) {
                throw conflict(t.tag, `its ${release_reader/* MANIFEST_ASSET */.ny} asset is not a valid manifest (${error.message})`);
            }
            if (codec.write(asset) !== codec.write(recorded)) {
                throw conflict(t.tag, `its ${release_reader/* MANIFEST_ASSET */.ny} asset differs from the tag's manifest`);
            }
        }
        return recorded;
    }
    async function createTag(t, manifest, hooks) {
        const { octokit, owner, repo, tag } = t;
        const object = await (0,github_calls/* gitHubCall */.S5)(writing(t, `creating the git tag ${tag}`), () => octokit.rest.git.createTag({
            owner,
            repo,
            tag,
            message: codec.tagMessage(manifest),
            object: t.sha,
            type: 'commit',
        }));
        try {
            await octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha: object.data.sha });
        }
        catch (error) {
            // Another run recorded the same tag in between: fine if it recorded the same manifest.
            if ((0,github_calls/* statusOf */.c2)(error) === 422) {
                await reconcile(t, await findExisting(t), manifest);
                return false;
            }
            throw (0,github_calls/* describeGitHubError */.dZ)(error, writing(t, `creating the git tag ${tag}`));
        }
        hooks.created('git-tag', tag);
        hooks.info(`Created the annotated tag ${tag} on ${t.sha}`);
        return true;
    }
    async function createRelease(t, manifest, body, hooks) {
        const { octokit, owner, repo, tag } = t;
        try {
            const response = await octokit.rest.repos.createRelease({
                owner,
                repo,
                tag_name: tag,
                name: codec.releaseName(manifest),
                body,
                make_latest: 'false',
            });
            const release = {
                id: response.data.id,
                url: response.data.html_url,
                uploadUrl: response.data.upload_url,
            };
            hooks.created('github-release', String(release.id));
            hooks.info(`Created the GitHub release ${release.url}`);
            return { ...release, created: true };
        }
        catch (error) {
            // 422 already_exists: another run created it in between; use it if it matches.
            if ((0,github_calls/* statusOf */.c2)(error) === 422) {
                const again = await findExisting(t);
                await reconcile(t, again, manifest);
                if (again.release)
                    return { ...again.release, created: false };
            }
            throw (0,github_calls/* describeGitHubError */.dZ)(error, writing(t, `creating the GitHub release ${tag}`));
        }
    }
    async function record(t, existing, manifest, body, hooks) {
        const { octokit, owner, repo, tag } = t;
        const created = [];
        if (!existing.tag && (await createTag(t, manifest, hooks)))
            created.push(`git tag ${tag}`);
        let release = existing.release;
        if (!release) {
            const made = await createRelease(t, manifest, body, hooks);
            if (made.created)
                created.push(`GitHub release ${tag}`);
            release = made;
        }
        if (!release.asset) {
            const target = release;
            await (0,github_calls/* gitHubCall */.S5)(writing(t, `uploading ${release_reader/* MANIFEST_ASSET */.ny} to the release ${tag}`), () => octokit.rest.repos.uploadReleaseAsset({
                owner,
                repo,
                release_id: target.id,
                name: release_reader/* MANIFEST_ASSET */.ny,
                url: target.uploadUrl,
                data: codec.write(manifest),
                headers: { 'content-type': 'application/json' },
            }));
            hooks.created('release-asset', `${release.id}/${release_reader/* MANIFEST_ASSET */.ny}`);
            hooks.info(`Uploaded ${release_reader/* MANIFEST_ASSET */.ny} to the release`);
            created.push(`release asset ${release_reader/* MANIFEST_ASSET */.ny}`);
        }
        return { releaseUrl: release.url, releaseId: release.id, created };
    }
    return { findExisting, reconcile, record };
}
/** The summary's line about the record: the tag, the release link and what changed. */
function describeRecordOutcome(outcome) {
    const what = outcome.dryRun
        ? `Dry run: would create ${outcome.changes.length > 0 ? outcome.changes.join(', ') : 'nothing (already recorded)'}.`
        : outcome.changes.length > 0
            ? `Recorded: ${outcome.changes.join(', ')}.`
            : 'Already recorded with an identical manifest; nothing changed.';
    return `Tag \`${outcome.tag}\`${outcome.releaseUrl ? ` · [release](${outcome.releaseUrl})` : ''}. ${what}`;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/tag-release/record.js
// The GitHub side of a release: an annotated tag `immut/<env>/<role>/<build>` on the commit
// with the manifest in its message, a release with a readable body, and the manifest as the
// `manifest.json` asset. The recording itself (find, reconcile, create; never rewrite) is
// core's recorded-release; this module is its codec for the release manifest.




/** Paths where two manifests differ, ignoring `created`: `image.id ('a' recorded, 'b' now)`. */
function manifestDifferences(recorded, wanted) {
    return jsonDifferences(recorded, wanted, ['created']);
}
const releaseCodec = {
    noun: 'release',
    fromJson: release_reader/* manifestFromJson */.I0,
    fromTagMessage: release_reader/* manifestFromTagMessage */.Lw,
    write: lib_manifest/* writeManifest */.HN,
    tagMessage: release_reader/* tagMessage */.ib,
    releaseName: (m) => `${m.release} (${m.env})`,
    differences: manifestDifferences,
};
const recorder = createRecorder(releaseCodec);
/** What already exists on GitHub under the tag. */
const findExisting = (t) => recorder.findExisting(t);
/**
 * The manifest to record: the recorded one when it matches (so a re-run keeps its first
 * `created` time), `wanted` when nothing is recorded; a conflict error otherwise.
 */
const reconcile = (t, existing, wanted) => recorder.reconcile(t, existing, wanted);
/** Creates what is missing: tag, release, asset — in that order, so the tag comes first. */
const record = (t, existing, manifest, body, hooks) => recorder.record(t, existing, manifest, body, hooks);

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

;// CONCATENATED MODULE: ./.build/tsc/actions/tag-release/release-body.js
// The GitHub release body: the release as a table and a picture (role → image, data, app),
// then the manifest itself as a JSON block, so the release page alone is enough to redeploy
// it. The job summary (summary.ts) shows the same table and picture.


/** The release, one row per part: the table of both the release body and the job summary. */
function releaseRows(manifest) {
    const { image, data, app, source, flags } = manifest;
    const flagNames = Object.keys(flags);
    return [
        ['release', manifest.release],
        ['role / env / build', `${manifest.role} / ${manifest.env} / ${manifest.build}`],
        ['image', `${image.id} (${image.region})`],
        ['image fingerprint', image.fingerprint],
        ['base image', image.base],
        ...(data
            ? [
                [
                    'data',
                    data.kind === 'cluster'
                        ? `Aurora cluster ${data.cluster ?? '?'}, writer ${data.instance} (${data.engine})`
                        : `${data.instance} (${data.engine})`,
                ],
                ['data endpoint', data.endpoint],
                ['data restored from', data.copy ? `${data.from} (copied by ${data.copy})` : data.from],
                ['change log applied', data.changelog || '—'],
            ]
            : [['data', '— (none)']]),
        ['app version', app.version],
        ['flags', flagNames.length > 0 ? flagNames.join(', ') : '— (none)'],
        ['source', `${source.repository}@${source.sha}`],
        ['run', source.run || '—'],
        ['created', manifest.created],
    ];
}
/** Role → image, data, app: the picture of both the release body and the job summary. */
function releasePicture(manifest) {
    const role = `${manifest.role} (${manifest.env}/${manifest.build})`;
    const edges = [
        { from: role, to: `image ${manifest.image.id}`, label: 'runs' },
        ...(manifest.data
            ? [
                {
                    from: role,
                    to: `data ${manifest.data.kind === 'cluster' ? (manifest.data.cluster ?? manifest.data.instance) : manifest.data.instance}`,
                    label: 'reads',
                },
            ]
            : []),
        { from: role, to: `app ${manifest.app.version}`, label: 'serves' },
    ];
    return mermaidFlow(edges);
}
function releaseBody(manifest) {
    return summary(`Release **${manifest.release}** of role \`${manifest.role}\` in \`${manifest.env}\`, recorded by immut tag-release.`, markdownTable(['part', 'value'], releaseRows(manifest)), releasePicture(manifest), heading('Manifest', 3), `\`\`\`json\n${(0,lib_manifest/* writeManifest */.HN)(manifest)}\`\`\``);
}

;// CONCATENATED MODULE: ./.build/tsc/actions/tag-release/summary.js



function renderSummary(manifest, outcome) {
    return summary(heading(`tag-release: ${manifest.release} (${manifest.env})`), `${describeRecordOutcome(outcome)}`, markdownTable(['part', 'value'], releaseRows(manifest)), releasePicture(manifest));
}

;// CONCATENATED MODULE: ./.build/tsc/actions/tag-release/run.js
// tag-release's flow, as a plain function of its inputs and clients: read and guard the AWS
// resources, build the manifest, compare with what GitHub already holds, then (unless a dry
// run) record what is missing on GitHub and tag the AWS resources. Every check — inputs,
// guards, conflicts — happens before the first write, so a refused run changes nothing.














async function findResources(options, inputs, imageOwner) {
    const { identity, region, clients } = options;
    const image = imageOwner
        ? await (0,aws_resources/* findImage */.F1)(clients.ec2, inputs.imageId, imageOwner, region)
        : { id: inputs.imageId, tags: {}, snapshots: [], foreign: true };
    const db = inputs.dbInstanceId
        ? await (await Promise.all(/* import() */[__webpack_require__.e(828), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 7560))).findDb(await clients.rds(), inputs.dbInstanceId, identity, region)
        : undefined;
    return { image, ...(db ? { db } : {}) };
}
function writeManifestFile(env, manifest) {
    const file = external_node_path_.join(env['RUNNER_TEMP'] || external_node_os_.tmpdir(), `immut-manifest-${manifest.env}-${manifest.release}.json`);
    (0,external_node_fs_.writeFileSync)(file, (0,lib_manifest/* writeManifest */.HN)(manifest));
    return file;
}
function setOutputs(io, env, result) {
    io.setOutput('release', result.manifest.release);
    io.setOutput('tag', result.tag);
    io.setOutput('release-url', result.releaseUrl ?? '');
    io.setOutput('manifest', JSON.stringify(JSON.parse((0,lib_manifest/* writeManifest */.HN)(result.manifest))));
    io.setOutput('manifest-file', writeManifestFile(env, result.manifest));
}
/** The manifest inputs and whose image it is: this release's own, or a promotion's source. */
async function prepare(options) {
    const { inputs, identity, clients } = options;
    if (!options.promotion) {
        const { imageId, fingerprint, baseImageId, appVersion } = inputs;
        if (!imageId || !fingerprint || !baseImageId || appVersion === undefined)
            throw new Error('tag-release: image-id, fingerprint, base-image-id and app-version are required');
        return {
            inputs: { ...inputs, imageId, fingerprint, baseImageId, appVersion },
            imageOwner: identity,
            changes: [],
        };
    }
    if (!clients.route53)
        throw new Error('tag-release: a promotion needs a Route 53 client');
    // Loaded only for a promotion: promote.ts brings the Route 53 client (cold start, issue #20).
    const { promotedInputs, resolvePromotion } = await Promise.all(/* import() */[__webpack_require__.e(553), __webpack_require__.e(279)]).then(__webpack_require__.bind(__webpack_require__, 1279));
    const resolved = await resolvePromotion(options.promotion, {
        octokit: await clients.octokit(),
        route53: clients.route53,
        repository: options.repository,
        identity,
        region: options.region,
    });
    const { gate } = resolved;
    if (gate.forced)
        options.io.warning(`Promoting ${options.promotion.tag} with force: ${gate.evidence}.`);
    else
        options.io.info(`Promotion gate: ${gate.evidence}.`);
    const promoted = promotedInputs(inputs, resolved);
    const placement = await (0,copy/* placeImage */.J)(placementContext(options), {
        source: resolved.source,
        sharedBy: options.promotion.sharedBy,
        copy: options.promotion.copy ?? 'auto',
        kmsKeyId: options.promotion.kmsKeyId,
    });
    if (!placement)
        return {
            inputs: promoted,
            imageOwner: resolved.imageOwner,
            imageTag: { key: (0,tags/* usedByTag */.nw)(identity.env), value: identity.build },
            changes: [],
        };
    return {
        inputs: { ...promoted, imageId: placement.imageId, placement: placement.recorded },
        // A dry run's copy is not made: the source image stands in for it, unguarded here.
        imageOwner: placement.kind === 'copy' && !options.dryRun ? identity : undefined,
        changes: placement.changes,
    };
}
function placementContext(options) {
    const { clients, region } = options;
    return {
        identity: options.identity,
        region,
        provenance: options.provenance,
        ec2For: clients.ec2For ??
            ((r) => {
                if (r !== region)
                    throw new Error(`tag-release: no EC2 client for ${r}`);
                return clients.ec2;
            }),
        dryRun: options.dryRun,
        attempt: `${options.env['GITHUB_RUN_ID'] ?? ''}/${options.env['GITHUB_RUN_ATTEMPT'] ?? ''}`,
        clock: options.clock ?? (0,clock/* scaledClock */.vs)(),
        io: options.io,
        cleanup: options.cleanup,
    };
}
async function runTagRelease(options) {
    const { io, identity, clients } = options;
    const tag = (0,naming/* gitTag */.Zu)(identity);
    const release = (0,lib_identity/* releaseId */.Bf)(identity);
    const prepared = await prepare(options);
    const resources = await findResources(options, prepared.inputs, prepared.imageOwner);
    const wanted = (0,build_manifest/* buildManifest */.u)(prepared.inputs, {
        identity,
        region: options.region,
        provenance: options.provenance,
        created: options.now,
        resources,
    });
    const target = {
        octokit: await clients.octokit(),
        ...options.repository,
        tag,
        sha: options.provenance.sha,
    };
    const existing = await findExisting(target);
    const manifest = await reconcile(target, existing, wanted);
    if (existing.tag)
        io.info(`${tag} is already recorded with an identical manifest (created ${manifest.created}).`);
    const awsPending = (0,aws_resources/* untagged */.GV)(resources, release, prepared.imageTag);
    const steps = [
        ...prepared.changes,
        ...plannedSteps(existing, tag),
        ...awsPending.map((what) => `the tag ${what}`),
    ];
    if (options.dryRun) {
        io.info(`Dry run: the release manifest would be:\n${(0,lib_manifest/* writeManifest */.HN)(manifest)}`);
        io.info(steps.length > 0 ? `Dry run: would create ${steps.join('; ')}.` : 'Dry run: nothing to do.');
        const result = {
            manifest,
            tag,
            ...(existing.release ? { releaseUrl: existing.release.url } : {}),
            changes: steps,
        };
        setOutputs(io, options.env, result);
        await io.appendSummary(renderSummary(manifest, { ...result, dryRun: true }));
        return result;
    }
    const recorded = await record(target, existing, manifest, releaseBody(manifest), {
        created: (kind, id) => 
        // CreatedResource's `region` holds the repository for GitHub objects.
        options.cleanup.record({ kind, id, region: `${target.owner}/${target.repo}` }),
        info: (line) => io.info(line),
    });
    const tagged = await (0,aws_resources/* tagResources */.aA)(clients, resources, release, prepared.imageTag);
    if (tagged.length > 0)
        io.info(`Tagged ${tagged.join(', ')} for release ${release}`);
    const imageKey = prepared.imageTag?.key ?? 'immut:release';
    const changes = [
        ...prepared.changes,
        ...recorded.created,
        ...tagged.map((id) => `${id === resources.db?.id ? 'immut:release' : imageKey} on ${id}`),
    ];
    if (changes.length === 0)
        io.info(`Release ${tag} was already complete; nothing changed.`);
    const result = { manifest, tag, releaseUrl: recorded.releaseUrl, changes };
    setOutputs(io, options.env, result);
    await io.appendSummary(renderSummary(manifest, { tag, releaseUrl: recorded.releaseUrl, changes, dryRun: false }));
    return result;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/tag-release/main-aws.js
// The part of tag-release that talks to AWS and GitHub, loaded by main.ts only once the inputs
// passed their checks: the clients are made here, never at start.






/** Route 53, which only a promotion reads (the source role's history record, for the gate):
 * loaded on demand, so a release that promotes nothing never loads it. */
async function route53Client(region) {
    const { Route53Client } = await Promise.all(/* import() */[__webpack_require__.e(553), __webpack_require__.e(260)]).then(__webpack_require__.bind(__webpack_require__, 5260));
    return createAwsClient(Route53Client, { region, action: main/* ACTION */.hr });
}
/** The GitHub client, with Octokit loaded on the first call: a release's first request is
 * EC2's, and Octokit with its plugins is the largest thing tag-release loads (issue #20). */
function lazyGitHubClient(ctx, token) {
    let client;
    return () => (client ??= Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(950)]).then(__webpack_require__.bind(__webpack_require__, 8950)).then(({ createGitHubClient }) => createGitHubClient({ token, env: ctx.env, action: main/* ACTION */.hr, log: ctx.io })));
}
/** The source side of a promotion into another account: gate, guard, share (share.ts). */
async function mainShare(ctx, promotion, common, octokit) {
    const { io, env } = ctx;
    const { identity, region, dryRun } = common;
    const ec2 = createAwsClient(EC2Client/* EC2Client */.g, { region, action: main/* ACTION */.hr });
    const { renderShareSummary, shareImage } = await Promise.all(/* import() */[__webpack_require__.e(553), __webpack_require__.e(224)]).then(__webpack_require__.bind(__webpack_require__, 3224));
    const route53 = await route53Client(region);
    try {
        const result = await shareImage({
            promotion,
            context: { octokit, route53, repository: (0,lib_provenance/* repositoryFromEnv */.i)(env), identity, region },
            ec2,
            dryRun,
            io,
        });
        io.setOutput('image-id', result.imageId);
        io.setOutput('forced', String(result.forced));
        await io.appendSummary(renderShareSummary(promotion.tag, promotion.shareWith, result, dryRun));
    }
    finally {
        ec2.destroy();
        route53.destroy();
    }
}
/** The main step once the inputs passed: the source side of a share, or the release's record. */
async function tagReleaseChecked(ctx, { inputs, identity, region, dryRun, promotion, provenance }) {
    const { io, env, cleanup } = ctx;
    const repository = (0,lib_provenance/* repositoryFromEnv */.i)(env);
    const octokit = lazyGitHubClient(ctx, inputs.githubToken);
    if (promotion?.shareWith)
        return mainShare(ctx, { ...promotion, shareWith: promotion.shareWith }, { identity, region, dryRun }, await octokit());
    // EC2 of other regions: a promotion's source image there (copy.ts), made when first asked.
    const otherRegions = new Map();
    const ec2 = createAwsClient(EC2Client/* EC2Client */.g, { region, action: main/* ACTION */.hr });
    // Only a release with data reads RDS: its SDK loads then, not before the first request.
    let rds;
    const clients = {
        ec2,
        ec2For: (r) => {
            if (r === region)
                return ec2;
            const client = otherRegions.get(r) ?? createAwsClient(EC2Client/* EC2Client */.g, { region: r, action: main/* ACTION */.hr });
            otherRegions.set(r, client);
            return client;
        },
        rds: () => (rds ??= Promise.all(/* import() */[__webpack_require__.e(828), __webpack_require__.e(319)]).then(__webpack_require__.bind(__webpack_require__, 3319)).then(({ RDSClient }) => createAwsClient(RDSClient, { region, action: main/* ACTION */.hr }))),
        // Only a promotion reads Route 53 (the source role's history record, for the gate).
        ...(promotion ? { route53: await route53Client(region) } : {}),
        octokit,
    };
    try {
        await runTagRelease({
            inputs,
            ...(promotion ? { promotion } : {}),
            identity,
            region,
            dryRun,
            provenance,
            repository,
            clients,
            // The action's clock: wall time in production, the sandbox's time against the sandbox
            // (IMMUT_TIME_SCALE / IMMUT_TIME_ORIGIN), so `created` agrees with the resources' times.
            now: new Date((0,clock/* clockFromEnv */.iQ)(env).now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            clock: ctx.clock,
            io,
            env,
            cleanup,
        });
    }
    finally {
        clients.ec2.destroy();
        for (const client of otherRegions.values())
            client.destroy();
        (await rds?.catch(() => undefined))?.destroy();
        clients.route53?.destroy();
    }
}


/***/ }),

/***/ 1602:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ gitHubFind),
/* harmony export */   S5: () => (/* binding */ gitHubCall),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   dZ: () => (/* binding */ describeGitHubError),
/* harmony export */   eK: () => (/* binding */ isRequestError),
/* harmony export */   y_: () => (/* binding */ GitHubError)
/* harmony export */ });
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

/***/ 3802:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ downloadAsset),
/* harmony export */   I0: () => (/* binding */ manifestFromJson),
/* harmony export */   Lw: () => (/* binding */ manifestFromTagMessage),
/* harmony export */   ib: () => (/* binding */ tagMessage),
/* harmony export */   ny: () => (/* binding */ MANIFEST_ASSET),
/* harmony export */   qs: () => (/* binding */ readReleaseDetails)
/* harmony export */ });
/* unused harmony exports ReleaseNotFoundError, MANIFEST_UPGRADERS, upgradeManifest, tagForRelease, TamperedReleaseError, readRelease */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7706);
/* harmony import */ var _github_calls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1602);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4891);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5898);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2977);
// The read side of a release: given its git tag (or release id and env), fetch the manifest
// tag-release recorded and validate it. The annotated tag's message is the record: a GitHub
// release and its `manifest.json` asset can be edited or replaced by anyone with write access
// long after the release was made, while the tag object (content-addressed, and protectable
// by a tag ruleset) cannot change under its sha. So the manifest is read from the tag, and a
// release asset that says anything else is refused as tampered. Manifests of older schema
// versions are upgraded step by step to the current one, so any release ever recorded can be
// redeployed or rolled back to.





/** Neither a GitHub release nor a git tag exists under the tag: the release was never recorded. */
class ReleaseNotFoundError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
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
    while (schemaOf(current) !== _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_SCHEMA */ .KB) {
        const schema = schemaOf(current);
        const upgrade = typeof schema === 'string' ? upgraders[schema] : undefined;
        if (!upgrade || seen.has(schema)) {
            const known = [...Object.keys(upgraders), _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_SCHEMA */ .KB].join(', ');
            throw new _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh(`Release manifest has schema '${String(schema)}', which this version of immut cannot read (it reads ${known}). A newer immut may have written it: upgrade the immut actions.`);
        }
        seen.add(schema);
        current = upgrade(current);
    }
    return (0,_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .validateManifest */ .yl)(current);
}
/** Parses manifest JSON of any known schema version. */
function manifestFromJson(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh(`Release manifest is not valid JSON: ${error.message}`);
    }
    return upgradeManifest(value);
}
/** The annotated tag's message: a title line, a blank line, the manifest JSON. */
function tagMessage(manifest) {
    return `immut release ${manifest.release} (${manifest.env})\n\n${(0,_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .writeManifest */ .HN)(manifest)}`;
}
/** The JSON text inside a tag message written by `tagMessage` (a signature may follow). */
function manifestJsonInTagMessage(message) {
    const start = message.indexOf('{');
    const end = message.lastIndexOf('}');
    if (start < 0 || end < start)
        throw new _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh('The tag message holds no release manifest.');
    return message.slice(start, end + 1);
}
/** The manifest inside a tag message written by `tagMessage` (a signature may follow). */
function manifestFromTagMessage(message) {
    return manifestFromJson(manifestJsonInTagMessage(message));
}
/** The git tag of a release id (`<role>-<build>`) in an env. */
function tagForRelease(release, env) {
    const match = /^(.+)-([^-]+)$/.exec(release);
    if (!match || !_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .BUILD_RULE */ .iz.pattern.test(match[2] ?? '') || !_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .ENV_RULE */ .$G.pattern.test(env)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Release '${release}' in env '${env}' is not a release id; expected <role>-<build> (e.g. api-b000042) and an env such as prod.`);
    }
    return (0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .gitTag */ .Zu)({ role: match[1] ?? '', build: match[2] ?? '', env });
}
function resolveTag(options) {
    if (options.tag) {
        if (!(0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .parseGitTag */ .e)(options.tag)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${options.tag}' is not an immut release tag; expected immut/<env>/<role>/<build>.`);
        }
        return options.tag;
    }
    if (options.release && options.env)
        return tagForRelease(options.release, options.env);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('readRelease needs a tag, or a release id and an env.');
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
class TamperedReleaseError extends _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh {
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
    const ref = await (0,_github_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .gitHubFind */ .LN)(read(`reading the git tag ${tag}`), () => octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }));
    if (!ref) {
        throw new ReleaseNotFoundError(`No release '${tag}' in ${repository}: no git tag of that name exists (the annotated tag holds the manifest; a GitHub release alone is not trusted). Give the tag tag-release recorded (its 'tag' output).`);
    }
    if (ref.data.object.type !== 'tag') {
        throw new _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh(`The git tag ${tag} is a lightweight tag, not one tag-release wrote: it holds no manifest.`);
    }
    const object = await (0,_github_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .gitHubCall */ .S5)(read(`reading the git tag ${tag}`), () => octokit.rest.git.getTag({ owner, repo, tag_sha: ref.data.object.sha }));
    // The ref may be moved to another tag object; the object names the tag it was made as.
    if (object.data.tag !== tag || object.data.object.type !== 'commit') {
        throw new _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh(`The git tag ${tag} points at a tag object made as '${object.data.tag}' on a ${object.data.object.type}, not one tag-release wrote for ${tag}; refusing it. Re-record the release with tag-release.`);
    }
    const manifest = manifestFromTagMessage(object.data.message);
    if ((0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .gitTag */ .Zu)(manifest) !== tag) {
        throw new _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh(`The manifest under ${tag} is for ${(0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .gitTag */ .Zu)(manifest)}; a release tag must carry its own manifest.`);
    }
    if (manifest.source.sha !== object.data.object.sha) {
        throw new _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh(`The git tag ${tag} is on commit ${object.data.object.sha}, but its manifest was recorded from ${manifest.source.sha}; tag-release tags the commit it ran on, so this tag was remade. Refusing it.`);
    }
    const release = await (0,_github_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .gitHubFind */ .LN)(read(`reading the release ${tag}`), () => octokit.rest.repos.getReleaseByTag({ owner, repo, tag }));
    const asset = release?.data.assets.find((a) => a.name === MANIFEST_ASSET);
    if (release && asset) {
        const text = await (0,_github_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .gitHubCall */ .S5)(read(`downloading ${MANIFEST_ASSET} of ${tag}`), () => downloadAsset(octokit, { owner, repo, assetId: asset.id }));
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
