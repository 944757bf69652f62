export const id = 715;
export const ids = [715];
export const modules = {

/***/ 8163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promote: () => (/* binding */ promote),
  record: () => (/* binding */ record)
});

// EXTERNAL MODULE: ./packages/core/lib/github.js
var github = __webpack_require__(8950);
// EXTERNAL MODULE: ./packages/core/lib/provenance.js
var lib_provenance = __webpack_require__(6986);
// EXTERNAL MODULE: ./packages/core/lib/summary.js
var summary = __webpack_require__(8333);
// EXTERNAL MODULE: ./.build/tsc/actions/world/main.js + 1 modules
var main = __webpack_require__(9102);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/inputs.js
var inputs = __webpack_require__(2144);
// EXTERNAL MODULE: ./packages/core/lib/github-calls.js
var github_calls = __webpack_require__(1602);
// EXTERNAL MODULE: ./packages/core/lib/release-reader.js + 2 modules
var release_reader = __webpack_require__(5377);
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(4377);
// EXTERNAL MODULE: ./packages/core/lib/identity.js
var identity = __webpack_require__(4891);
// EXTERNAL MODULE: ./packages/core/lib/naming.js
var naming = __webpack_require__(2977);
;// CONCATENATED MODULE: ./packages/core/lib/world-release.js
// The world release manifest (`immut.world-release/v1`): one rebuild-the-world run as data —
// for each role of the world file, the release it got in this build, or why it has none.
// The world action records it under `immut/<env>/world/<build>` with core's recorded-release,
// as tag-release records a role's release.





const WORLD_RELEASE_SCHEMA = 'immut.world-release/v1';
/** The role's release was recorded in this build (tag-release ran in its release job). */
const releasedRole = schemas/* object */.Ikc({
    status: schemas/* literal */.euz('released'),
    /** The role's release id, `<role>-<build>`. */
    release: schemas/* string */.YjP().min(1),
    /** The role's release tag, `immut/<env>/<role>/<build>`. */
    tag: schemas/* string */.YjP().min(1),
    /** The AMI the release runs. */
    image: schemas/* string */.YjP().regex(/^ami-[0-9a-f]{8,17}$/, 'an AMI id'),
    /** The application version the release serves. */
    app: schemas/* string */.YjP().min(1),
})
    .strict();
/** No release was recorded for the role in this build. */
const missingRole = schemas/* object */.Ikc({
    status: schemas/* literal */.euz('missing'),
    /** Why the role has no release in this build. */
    reason: schemas/* string */.YjP().min(1),
})
    .strict();
const roleEntry = schemas/* discriminatedUnion */.gMt('status', [releasedRole, missingRole]);
const worldReleaseSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(WORLD_RELEASE_SCHEMA),
    /** The world release's tag, `immut/<env>/world/<build>`. */
    world: schemas/* string */.YjP().min(1),
    env: schemas/* string */.YjP().regex(identity/* ENV_RULE */.$G.pattern, identity/* ENV_RULE */.$G.expected),
    build: schemas/* string */.YjP().regex(identity/* BUILD_RULE */.iz.pattern, identity/* BUILD_RULE */.iz.expected),
    created: iso/* datetime */.w$(),
    source: schemas/* object */.Ikc({ repository: schemas/* string */.YjP().min(1), sha: schemas/* string */.YjP().min(1), run: schemas/* string */.YjP() }).strict(),
    roles: schemas/* record */.g1P(schemas/* string */.YjP().regex(identity/* ROLE_RULE */.AR.pattern, identity/* ROLE_RULE */.AR.expected), roleEntry)
        .refine((roles) => Object.keys(roles).length > 0, 'a world has at least one role'),
})
    .strict()
    .superRefine((m, ctx) => {
    const world = (0,naming/* worldTag */.hc)(m);
    if (m.world !== world) {
        ctx.addIssue({
            code: 'custom',
            path: ['world'],
            message: `must be '${world}' (immut/<env>/world/<build>)`,
        });
    }
    for (const [role, entry] of Object.entries(m.roles)) {
        if (role === naming/* WORLD_ROLE */.Wg) {
            ctx.addIssue({
                code: 'custom',
                path: ['roles', role],
                message: `'${naming/* WORLD_ROLE */.Wg}' is not a role name`,
            });
        }
        if (entry.status !== 'released')
            continue;
        const id = { role, env: m.env, build: m.build };
        if (entry.release !== (0,identity/* releaseId */.Bf)(id)) {
            ctx.addIssue({
                code: 'custom',
                path: ['roles', role, 'release'],
                message: `must be '${(0,identity/* releaseId */.Bf)(id)}' (the role's release in this build)`,
            });
        }
        if (entry.tag !== (0,naming/* gitTag */.Zu)(id)) {
            ctx.addIssue({
                code: 'custom',
                path: ['roles', role, 'tag'],
                message: `must be '${(0,naming/* gitTag */.Zu)(id)}' (the role's release tag in this build)`,
            });
        }
    }
});
class WorldReleaseError extends errors/* UserError */.yo {
    name = 'WorldReleaseError';
}
function problemsOf(error) {
    return error.issues
        .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
        .join('; ');
}
/** Validates a world release manifest; throws WorldReleaseError naming the path of each bad field. */
function validateWorldRelease(value) {
    const schema = value?.schema;
    if (schema !== WORLD_RELEASE_SCHEMA) {
        throw new WorldReleaseError(`Unsupported world release manifest schema '${String(schema)}'; this version of immut reads ${WORLD_RELEASE_SCHEMA}.`);
    }
    const parsed = worldReleaseSchema.safeParse(value);
    if (!parsed.success) {
        throw new WorldReleaseError(`Invalid world release manifest: ${problemsOf(parsed.error)}`);
    }
    return parsed.data;
}
/** Parses world release JSON (the release asset, a tag message, an output). */
function readWorldRelease(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new WorldReleaseError(`World release manifest is not valid JSON: ${error.message}`);
    }
    return validateWorldRelease(value);
}
function orderedEntry(entry) {
    return entry.status === 'released'
        ? { status: entry.status, release: entry.release, tag: entry.tag, image: entry.image, app: entry.app }
        : { status: entry.status, reason: entry.reason };
}
/** Canonical JSON (fixed key order, roles sorted): equal manifests give equal bytes. */
function writeWorldRelease(manifest) {
    const valid = validateWorldRelease(manifest);
    const ordered = {
        schema: valid.schema,
        world: valid.world,
        env: valid.env,
        build: valid.build,
        created: valid.created,
        source: { repository: valid.source.repository, sha: valid.source.sha, run: valid.source.run },
        roles: Object.fromEntries(Object.entries(valid.roles)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([role, entry]) => [role, orderedEntry(entry)])),
    };
    return `${JSON.stringify(ordered, null, 2)}\n`;
}
/** The world release's name: `world-<build>`, as a role's release is `<role>-<build>`. */
function worldReleaseId(manifest) {
    return (0,identity/* releaseId */.Bf)({ role: naming/* WORLD_ROLE */.Wg, env: '', build: manifest.build });
}
/** The annotated tag's message: a title line, a blank line, the manifest JSON. */
function worldReleaseTagMessage(manifest) {
    return `immut world release ${worldReleaseId(manifest)} (${manifest.env})\n\n${writeWorldRelease(manifest)}`;
}
/** The manifest JSON inside a tag message written by `worldReleaseTagMessage`. */
function worldReleaseFromTagMessage(message) {
    const json = jsonInTagMessage(message);
    if (json === undefined)
        throw new WorldReleaseError('The tag message holds no world release manifest.');
    return readWorldRelease(json);
}
function describeEntry(entry) {
    if (!entry)
        return 'absent';
    return entry.status === 'released' ? `released as ${entry.tag}` : 'missing';
}
/**
 * Why two world releases are not the same record, ignoring `created`; a role's change of
 * status is one line (`roles.web (missing recorded, released as immut/prod/web/b1 now)`),
 * and two missing entries are the same whatever their reasons say.
 */
function worldReleaseDifferences(recorded, wanted) {
    const top = jsonDifferences({ ...recorded, roles: undefined }, { ...wanted, roles: undefined }, [
        'created',
    ]);
    const roles = [...new Set([...Object.keys(recorded.roles), ...Object.keys(wanted.roles)])].sort();
    const perRole = roles.flatMap((role) => {
        const a = recorded.roles[role];
        const b = wanted.roles[role];
        if (a?.status === 'released' && b?.status === 'released') {
            return jsonDifferences(a, b, []).map((d) => `roles.${role}.${d}`);
        }
        if (a?.status === 'missing' && b?.status === 'missing')
            return [];
        return [`roles.${role} (${describeEntry(a)} recorded, ${describeEntry(b)} now)`];
    });
    return [...top, ...perRole];
}
const worldReleaseCodec = {
    noun: 'world release',
    fromJson: readWorldRelease,
    fromTagMessage: worldReleaseFromTagMessage,
    write: writeWorldRelease,
    tagMessage: worldReleaseTagMessage,
    releaseName: (m) => `${worldReleaseId(m)} (${m.env})`,
    differences: worldReleaseDifferences,
};
/** A role's entry from the release manifest tag-release recorded for it. */
function releasedEntry(manifest) {
    return {
        status: 'released',
        release: manifest.release,
        tag: (0,naming/* gitTag */.Zu)(manifest),
        image: manifest.image.id,
        app: manifest.app.version,
    };
}
/** Builds and validates a world release manifest. */
function buildWorldRelease(parts) {
    return validateWorldRelease({
        schema: WORLD_RELEASE_SCHEMA,
        world: (0,naming/* worldTag */.hc)(parts),
        env: parts.env,
        build: parts.build,
        created: parts.created,
        source: parts.source,
        roles: parts.roles,
    });
}
/** The roles without a release in this world, sorted. */
function missingRoles(manifest) {
    return Object.entries(manifest.roles)
        .filter(([, entry]) => entry.status === 'missing')
        .map(([role]) => role)
        .sort();
}
/** The world release manifest's JSON Schema, for users validating it elsewhere. */
function worldReleaseJsonSchema() {
    return z.toJSONSchema(worldReleaseSchema, { io: 'input' });
}

// EXTERNAL MODULE: ./.build/tsc/actions/world/plan.js
var plan = __webpack_require__(3997);
// EXTERNAL MODULE: ./.build/tsc/actions/world/release-tag.js
var release_tag = __webpack_require__(3972);
;// CONCATENATED MODULE: ./.build/tsc/actions/world/promote.js
// Mode 'promote': plans promote-world.yml, which promotes a world release of one env (every
// role's release in it) to another env in one run, one promote.yml call per role.
//
// Three things are read, and nothing on AWS:
//  - the world release, from its annotated tag (the record; see core recorded-release.ts):
//    which release of each role it holds;
//  - the source env's world file: where each role's name lives there (the gate of promote.yml
//    reads the role's history record under it to prove the release went live);
//  - the target env's world file: how each role runs there (its subnets, data source, change
//    log, flags, name, cutover strategy).
// Each released role becomes one matrix entry whose keys are promote.yml's inputs. The gate
// itself runs in each role's own promotion, so a role refused there fails alone and the
// others still promote (the workflow runs its matrix with fail-fast: false).
//
// A world release with a missing role is refused here, before anything runs: it is not a
// world the source env ever ran as a whole, and promoting its other roles would say it was.





// The form of the `release` input is in release-tag.ts (no GitHub client there: inputs.ts needs it).

/** The settings of the target world that promote.yml takes: how the role runs there. */
const TARGET_KEYS = [
    'region',
    'source-db',
    'from',
    'changelog-command',
    'flags',
    'instance-type',
    'count',
    'subnet-ids',
    'security-group-ids',
    'lb-security-group-ids',
    'port',
    'health-check-path',
    'zone',
    'dns-name',
    'strategy',
    'steps',
];
/** Reads the world release recorded under `tag`; refuses a tag that holds none. */
async function readWorldReleaseTag(octokit, repository, tag) {
    const recorder = createRecorder(worldReleaseCodec);
    // findExisting only reads; `sha` is what a record would point at, unused here.
    const existing = await recorder.findExisting({ octokit, ...repository, tag, sha: '' });
    if (!existing.tag) {
        throw new errors/* UserError */.yo(`Input 'release' names ${(0,inputs/* showGiven */.vP)(tag)}, but ${repository.owner}/${repository.repo} has no world release under it (no annotated tag ${tag}); expected the tag rebuild-the-world recorded (its output world-tag).`);
    }
    // The codec validated the manifest; that it is the one of this tag is checked here.
    const release = existing.tag.manifest;
    if (release.world !== tag)
        throw new errors/* UserError */.yo(`The annotated tag ${tag} holds the world release of ${release.world}, not its own; a tag is never moved by immut: check who created it.`);
    return release;
}
function byRole(plans) {
    return new Map(plans.map((p) => [p.role, p]));
}
/** What is wrong with promoting this world release between these two world files, if anything. */
function mismatch(parts) {
    const { release, source, target } = parts;
    if (source.world.env !== release.env)
        return `Input 'source-world-file' (${source.file}) is the world of env '${source.world.env}', but ${parts.tag} is a world release of env '${release.env}'; expected the world file of ${release.env}.`;
    if (target.world.env === release.env)
        return `Input 'world-file' (${target.file}) is the world of env '${target.world.env}', the env ${parts.tag} was released in; expected the world file of the env to promote to (e.g. prod).`;
    const missing = missingRoles(release);
    if (missing.length > 0)
        return `${parts.tag} has ${missing.length} role(s) missing: ${missing.join(', ')} (their releases were never recorded in ${release.env}). A world release with a missing role is not promoted: ${release.env} never ran it as a whole. Promote a complete world release, or promote single roles with promote.yml.`;
    const roles = Object.keys(release.roles);
    const notIn = (plans) => roles.filter((r) => !plans.some((p) => p.role === r));
    const absentTarget = notIn(target.plans);
    if (absentTarget.length > 0)
        return `${parts.tag} holds ${absentTarget.join(', ')}, which the world file ${target.file} (env ${target.world.env}) does not list; expected every promoted role in the target world, which says how it runs there.`;
    const absentSource = notIn(source.plans);
    if (absentSource.length > 0)
        return `${parts.tag} holds ${absentSource.join(', ')}, which the world file ${source.file} (env ${source.world.env}) does not list; the gate needs each role's name in ${source.world.env}.`;
    return undefined;
}
/** One promote.yml call per role of the world release: its role release, source name, target settings. */
function planPromotion(parts) {
    const problem = mismatch(parts);
    if (problem)
        throw new errors/* UserError */.yo(problem);
    const { release, source, target } = parts;
    const build = parts.build ?? release.build;
    const sources = byRole(source.plans);
    const targets = byRole(target.plans);
    const roles = Object.keys(release.roles).sort();
    const entries = roles.map((role) => {
        const entry = release.roles[role];
        const from = sources.get(role);
        const to = targets.get(role);
        if (entry?.status !== 'released' || !from || !to)
            throw new Error(`unreachable: ${role} was checked`);
        const settings = (0,plan/* matrixEntry */.sD)(to);
        const kept = Object.fromEntries(TARGET_KEYS.flatMap((k) => (k in settings ? [[k, settings[k]]] : [])));
        return {
            role,
            release: entry.tag,
            env: target.world.env,
            build,
            'source-zone': from.zone,
            'source-dns-name': from['dns-name'],
            ...kept,
        };
    });
    const bytes = Buffer.byteLength(JSON.stringify({ include: entries }), 'utf8');
    if (bytes > plan/* MATRIX_LIMIT_BYTES */.Sy)
        throw new errors/* UserError */.yo(`The promotion matrix of ${entries.length} role(s) is ${bytes} bytes; GitHub keeps at most ${plan/* MATRIX_LIMIT_BYTES */.Sy} bytes of a job's outputs. Shorten the target world's longest values, or split its roles over several environments.`);
    return { entries, roles, build };
}

;// CONCATENATED MODULE: ./.build/tsc/actions/world/release-body.js
// The GitHub release body of a world release: one row per role (its release, image and app
// version, or why it has none), a picture, and the manifest as a JSON block, so the release
// page alone says what the world was. The job summary (summary.ts) shows the same rows.


function roleRows(manifest, links) {
    return Object.entries(manifest.roles)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([role, entry]) => {
        if (entry.status === 'missing')
            return [role, '❌ missing', '—', '—', '—', entry.reason];
        const release = links[role] ? `[${entry.tag}](${links[role]})` : `\`${entry.tag}\``;
        return [role, '✅ released', release, entry.image, entry.app, ''];
    });
}
/** One row per role: the table of both the release body and the job summary. */
function rolesTable(manifest, links) {
    return (0,summary/* markdownTable */.Qj)(['role', 'status', 'release', 'image', 'app', 'note'], roleRows(manifest, links));
}
/** The world and its roles: released ones point at their release, missing ones say so. */
function worldPicture(manifest) {
    const world = `${worldReleaseId(manifest)} (${manifest.env})`;
    return (0,summary/* mermaidFlow */.G8)(Object.entries(manifest.roles)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([role, entry]) => entry.status === 'released'
        ? { from: world, to: `${role}: ${entry.release}`, label: 'released' }
        : { from: world, to: `${role}: no release`, label: 'missing' }));
}
/** How many roles were released, and which are missing. */
function tally(manifest) {
    const total = Object.keys(manifest.roles).length;
    const missing = missingRoles(manifest);
    return missing.length === 0
        ? `All ${total} role(s) released.`
        : `${total - missing.length} of ${total} role(s) released; missing: ${missing.join(', ')}.`;
}
function worldReleaseBody(manifest, links) {
    return (0,summary/* summary */.z)(`World release **${worldReleaseId(manifest)}** of \`${manifest.env}\`, recorded by immut world (rebuild-the-world). ${tally(manifest)}`, rolesTable(manifest, links), worldPicture(manifest), `Source: \`${manifest.source.repository}@${manifest.source.sha}\`${manifest.source.run ? ` · [run](${manifest.source.run})` : ''} · created ${manifest.created}`, (0,summary/* heading */.R_)('Manifest', 3), `\`\`\`json\n${writeWorldRelease(manifest)}\`\`\``);
}

;// CONCATENATED MODULE: ./.build/tsc/actions/world/summary.js
// The job summary: what this run recorded (or would record, in a dry run) for the world
// release, with the release body's role table and picture (release-body.ts).




function renderSummary(manifest, links, outcome) {
    return (0,summary/* summary */.z)((0,summary/* heading */.R_)(`world: ${worldReleaseId(manifest)} (${manifest.env})`), `${describeRecordOutcome(outcome)} ${tally(manifest)}`, rolesTable(manifest, links), worldPicture(manifest));
}

;// CONCATENATED MODULE: ./.build/tsc/actions/world/record.js







const recorder = createRecorder(worldReleaseCodec);
/** One role's release in this build, or why it has none (only a 404 means "none"). */
async function readRole(options, role) {
    const tag = (0,naming/* gitTag */.Zu)({ role, env: options.env, build: options.build });
    try {
        const read = await (0,release_reader/* readReleaseDetails */.qs)({ octokit: options.octokit, ...options.repository, tag });
        return { entry: releasedEntry(read.manifest), ...(read.releaseUrl ? { url: read.releaseUrl } : {}) };
    }
    catch (error) {
        if (!(error instanceof release_reader/* ReleaseNotFoundError */.VQ))
            throw error;
        const why = options.promotedFrom
            ? `its promotion from ${options.promotedFrom} was refused by the promotion gate or failed (see that role's promotion jobs)`
            : 'its release job failed or did not run';
        return { entry: { status: 'missing', reason: `no release was recorded under ${tag}: ${why}` } };
    }
}
async function readRoles(options) {
    const outcomes = await Promise.all(options.roles.map((role) => readRole(options, role)));
    const roles = {};
    const links = {};
    options.roles.forEach((role, i) => {
        const outcome = outcomes[i];
        if (!outcome)
            return;
        roles[role] = outcome.entry;
        if (outcome.url)
            links[role] = outcome.url;
    });
    return { roles, links };
}
function setOutputs(io, result) {
    io.setOutput('tag', result.tag);
    io.setOutput('manifest', JSON.stringify(JSON.parse(writeWorldRelease(result.manifest))));
    io.setOutput('release-url', result.releaseUrl ?? '');
}
function missingError(result, dryRun, promotedFrom) {
    const { manifest, missing } = result;
    const total = Object.keys(manifest.roles).length;
    const list = missing.map((role) => (0,naming/* gitTag */.Zu)({ role, env: manifest.env, build: manifest.build })).join(', ');
    const what = dryRun ? 'would be recorded' : 'was recorded';
    if (promotedFrom)
        return `World release ${result.tag} ${what} with ${missing.length} of ${total} role(s) missing: ${missing.join(', ')} (no release under ${list}; their promotion from ${promotedFrom} was refused by the promotion gate or failed: see their promotion jobs). The promoted roles are listed with their releases. A world release is never rewritten: to promote the missing roles, make them live in ${promotedFrom.split('/')[1] ?? 'their env'} and promote a new world release, or promote them one by one with promote.yml.`;
    return `World release ${result.tag} ${what} with ${missing.length} of ${total} role(s) missing: ${missing.join(', ')} (no release under ${list}; their release jobs failed or did not run). The released roles are listed with their releases. A world release is never rewritten: once the failures are fixed, run rebuild-the-world again for a complete world (unchanged roles reuse their images).`;
}
/** Records what is missing; a failure after a partial write says what it left. */
async function recordOnGitHub(target, existing, manifest, body, io) {
    const created = [];
    try {
        return await recorder.record(target, existing, manifest, body, {
            created: (kind, id) => created.push(`${kind} ${id}`),
            info: (line) => io.info(line),
        });
    }
    catch (error) {
        if (created.length === 0)
            throw error;
        throw new errors/* UserError */.yo(`${error.message} The run had already created ${created.join(', ')}; they are kept on purpose (a world release is never rewritten): re-run this job to complete the world release, it recognises the identical manifest.`);
    }
}
async function recordWorld(options) {
    const { io, octokit, env, build } = options;
    const tag = (0,naming/* worldTag */.hc)({ env, build });
    const { roles, links } = await readRoles(options);
    const wanted = buildWorldRelease({
        env,
        build,
        created: options.now,
        source: {
            repository: options.provenance.repository,
            sha: options.provenance.sha,
            run: options.provenance.runUrl,
        },
        roles,
    });
    const target = { octokit, ...options.repository, tag, sha: options.provenance.sha };
    const existing = await recorder.findExisting(target);
    const manifest = await recorder.reconcile(target, existing, wanted);
    if (existing.tag)
        io.info(`${tag} is already recorded with an identical manifest (created ${manifest.created}).`);
    const missing = missingRoles(manifest);
    if (options.dryRun) {
        const steps = plannedSteps(existing, tag);
        io.info(`Dry run: the world release manifest would be:\n${writeWorldRelease(manifest)}`);
        io.info(steps.length > 0 ? `Dry run: would create ${steps.join('; ')}.` : 'Dry run: nothing to do.');
        const result = {
            manifest,
            tag,
            ...(existing.release ? { releaseUrl: existing.release.url } : {}),
            changes: steps,
            missing,
        };
        setOutputs(io, result);
        await io.appendSummary(renderSummary(manifest, links, { ...result, dryRun: true }));
        // A dry run reports; it records nothing, so it has nothing to fail after.
        if (missing.length > 0)
            io.warning(missingError(result, true, options.promotedFrom));
        return result;
    }
    const recorded = await recordOnGitHub(target, existing, manifest, worldReleaseBody(manifest, links), io);
    if (recorded.created.length === 0)
        io.info(`World release ${tag} was already complete; nothing changed.`);
    const result = {
        manifest,
        tag,
        releaseUrl: recorded.releaseUrl,
        changes: recorded.created,
        missing,
    };
    setOutputs(io, result);
    await io.appendSummary(renderSummary(manifest, links, { ...result, dryRun: false }));
    if (missing.length > 0)
        throw new errors/* UserError */.yo(missingError(result, false, options.promotedFrom));
    return result;
}

;// CONCATENATED MODULE: ./.build/tsc/actions/world/main-remote.js
// The modes of the world action that call GitHub (promote, record), loaded by main.ts only
// once the inputs and the world files passed their checks: mode plan, which every
// rebuild-the-world runs, never loads the GitHub client.






/** Mode promote: the world release and both world files become promote-world.yml's matrix. */
async function promote({ io, env }, inputs, target, { tag, token, source }) {
    const octokit = (0,github/* createGitHubClient */.LX)({ token, env, action: main/* ACTION */.h, log: io });
    const release = await readWorldReleaseTag(octokit, (0,lib_provenance/* repositoryFromEnv */.i)(env), tag);
    const planned = planPromotion({
        tag,
        release,
        source,
        target,
        ...(inputs.build ? { build: inputs.build } : {}),
    });
    io.setOutput('matrix', JSON.stringify({ include: planned.entries }));
    io.setOutput('roles', planned.roles.join(','));
    io.setOutput('count', String(planned.roles.length));
    io.setOutput('build', planned.build);
    io.info(`${tag}: promoting ${planned.roles.length} role(s) from ${release.env} to ${target.world.env} as build ${planned.build}: ${planned.roles.join(', ')}`);
    await io.appendSummary((0,summary/* summary */.z)((0,summary/* heading */.R_)(`Promote ${tag} to ${target.world.env}: ${planned.roles.length} role(s)`), (0,summary/* markdownTable */.Qj)(['role', 'release', 'image', 'app version', `name in ${release.env}`, `name in ${target.world.env}`], planned.entries.map((e) => {
        const entry = release.roles[e['role'] ?? ''];
        const released = entry?.status === 'released' ? entry : undefined;
        return [
            e['role'] ?? '',
            e['release'] ?? '',
            released?.image ?? '',
            released?.app ?? '',
            e['source-dns-name'] ?? '',
            e['dns-name'] ?? '',
        ];
    })), `Each role passes the promotion gate on its own (its release must have gone live in ${release.env}); a refused role fails its own promotion while the others go on.`));
}
async function record({ io, env }, inputs, world, plans, { build, provenance }) {
    const repository = (0,lib_provenance/* repositoryFromEnv */.i)(env);
    const octokit = (0,github/* createGitHubClient */.LX)({
        token: inputs.githubToken,
        env,
        action: main/* ACTION */.h,
        log: io,
    });
    await recordWorld({
        env: world.env,
        roles: plans.map((p) => p.role),
        build,
        provenance,
        repository,
        octokit,
        now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        dryRun: inputs.dryRun === true,
        io,
        ...(inputs.release ? { promotedFrom: inputs.release } : {}),
    });
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
