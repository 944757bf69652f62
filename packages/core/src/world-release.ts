// The world release manifest (`immut.world-release/v1`): one rebuild-the-world run as data —
// for each role of the world file, the release it got in this build, or why it has none.
// The world action records it under `immut/<env>/world/<build>` with core's recorded-release,
// as tag-release records a role's release.
import { z } from 'zod';
import { UserError } from './errors.js';
import { BUILD_RULE, ENV_RULE, ROLE_RULE, releaseId } from './identity.js';
import type { ReleaseManifest } from './manifest.js';
import { WORLD_ROLE, gitTag, worldTag } from './naming.js';
import { jsonDifferences, jsonInTagMessage, type ManifestCodec } from './recorded-release.js';

export const WORLD_RELEASE_SCHEMA = 'immut.world-release/v1';

/** The role's release was recorded in this build (tag-release ran in its release job). */
const releasedRole = z
  .object({
    status: z.literal('released'),
    /** The role's release id, `<role>-<build>`. */
    release: z.string().min(1),
    /** The role's release tag, `immut/<env>/<role>/<build>`. */
    tag: z.string().min(1),
    /** The AMI the release runs. */
    image: z.string().regex(/^ami-[0-9a-f]{8,17}$/, 'an AMI id'),
    /** The application version the release serves. */
    app: z.string().min(1),
  })
  .strict();

/** No release was recorded for the role in this build. */
const missingRole = z
  .object({
    status: z.literal('missing'),
    /** Why the role has no release in this build. */
    reason: z.string().min(1),
  })
  .strict();

const roleEntry = z.discriminatedUnion('status', [releasedRole, missingRole]);

export type WorldRoleEntry = z.infer<typeof roleEntry>;

export const worldReleaseSchema = z
  .object({
    schema: z.literal(WORLD_RELEASE_SCHEMA),
    /** The world release's tag, `immut/<env>/world/<build>`. */
    world: z.string().min(1),
    env: z.string().regex(ENV_RULE.pattern, ENV_RULE.expected),
    build: z.string().regex(BUILD_RULE.pattern, BUILD_RULE.expected),
    created: z.iso.datetime(),
    source: z.object({ repository: z.string().min(1), sha: z.string().min(1), run: z.string() }).strict(),
    roles: z
      .record(z.string().regex(ROLE_RULE.pattern, ROLE_RULE.expected), roleEntry)
      .refine((roles) => Object.keys(roles).length > 0, 'a world has at least one role'),
  })
  .strict()
  .superRefine((m, ctx) => {
    const world = worldTag(m);
    if (m.world !== world) {
      ctx.addIssue({
        code: 'custom',
        path: ['world'],
        message: `must be '${world}' (immut/<env>/world/<build>)`,
      });
    }
    for (const [role, entry] of Object.entries(m.roles)) {
      if (role === WORLD_ROLE) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', role],
          message: `'${WORLD_ROLE}' is not a role name`,
        });
      }
      if (entry.status !== 'released') continue;
      const id = { role, env: m.env, build: m.build };
      if (entry.release !== releaseId(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', role, 'release'],
          message: `must be '${releaseId(id)}' (the role's release in this build)`,
        });
      }
      if (entry.tag !== gitTag(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', role, 'tag'],
          message: `must be '${gitTag(id)}' (the role's release tag in this build)`,
        });
      }
    }
  });

export type WorldRelease = z.infer<typeof worldReleaseSchema>;

export class WorldReleaseError extends UserError {
  override name = 'WorldReleaseError';
}

function problemsOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates a world release manifest; throws WorldReleaseError naming the path of each bad field. */
export function validateWorldRelease(value: unknown): WorldRelease {
  const schema = (value as { schema?: unknown } | null)?.schema;
  if (schema !== WORLD_RELEASE_SCHEMA) {
    throw new WorldReleaseError(
      `Unsupported world release manifest schema '${String(schema)}'; this version of immut reads ${WORLD_RELEASE_SCHEMA}.`,
    );
  }
  const parsed = worldReleaseSchema.safeParse(value);
  if (!parsed.success) {
    throw new WorldReleaseError(`Invalid world release manifest: ${problemsOf(parsed.error)}`);
  }
  return parsed.data;
}

/** Parses world release JSON (the release asset, a tag message, an output). */
export function readWorldRelease(json: string): WorldRelease {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new WorldReleaseError(`World release manifest is not valid JSON: ${(error as Error).message}`);
  }
  return validateWorldRelease(value);
}

function orderedEntry(entry: WorldRoleEntry): WorldRoleEntry {
  return entry.status === 'released'
    ? { status: entry.status, release: entry.release, tag: entry.tag, image: entry.image, app: entry.app }
    : { status: entry.status, reason: entry.reason };
}

/** Canonical JSON (fixed key order, roles sorted): equal manifests give equal bytes. */
export function writeWorldRelease(manifest: WorldRelease): string {
  const valid = validateWorldRelease(manifest);
  const ordered: WorldRelease = {
    schema: valid.schema,
    world: valid.world,
    env: valid.env,
    build: valid.build,
    created: valid.created,
    source: { repository: valid.source.repository, sha: valid.source.sha, run: valid.source.run },
    roles: Object.fromEntries(
      Object.entries(valid.roles)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([role, entry]) => [role, orderedEntry(entry)]),
    ),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The world release's name: `world-<build>`, as a role's release is `<role>-<build>`. */
export function worldReleaseId(manifest: Pick<WorldRelease, 'build'>): string {
  return releaseId({ role: WORLD_ROLE, env: '', build: manifest.build });
}

/** The annotated tag's message: a title line, a blank line, the manifest JSON. */
export function worldReleaseTagMessage(manifest: WorldRelease): string {
  return `immut world release ${worldReleaseId(manifest)} (${manifest.env})\n\n${writeWorldRelease(manifest)}`;
}

/** The manifest JSON inside a tag message written by `worldReleaseTagMessage`. */
export function worldReleaseFromTagMessage(message: string): WorldRelease {
  const json = jsonInTagMessage(message);
  if (json === undefined) throw new WorldReleaseError('The tag message holds no world release manifest.');
  return readWorldRelease(json);
}

function describeEntry(entry: WorldRoleEntry | undefined): string {
  if (!entry) return 'absent';
  return entry.status === 'released' ? `released as ${entry.tag}` : 'missing';
}

/**
 * Why two world releases are not the same record, ignoring `created`; a role's change of
 * status is one line (`roles.web (missing recorded, released as immut/prod/web/b1 now)`),
 * and two missing entries are the same whatever their reasons say.
 */
export function worldReleaseDifferences(recorded: WorldRelease, wanted: WorldRelease): string[] {
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
    if (a?.status === 'missing' && b?.status === 'missing') return [];
    return [`roles.${role} (${describeEntry(a)} recorded, ${describeEntry(b)} now)`];
  });
  return [...top, ...perRole];
}

export const worldReleaseCodec: ManifestCodec<WorldRelease> = {
  noun: 'world release',
  fromJson: readWorldRelease,
  fromTagMessage: worldReleaseFromTagMessage,
  write: writeWorldRelease,
  tagMessage: worldReleaseTagMessage,
  releaseName: (m) => `${worldReleaseId(m)} (${m.env})`,
  differences: worldReleaseDifferences,
};

/** A role's entry from the release manifest tag-release recorded for it. */
export function releasedEntry(manifest: ReleaseManifest): WorldRoleEntry {
  return {
    status: 'released',
    release: manifest.release,
    tag: gitTag(manifest),
    image: manifest.image.id,
    app: manifest.app.version,
  };
}

export interface WorldReleaseParts {
  env: string;
  build: string;
  created: string;
  source: WorldRelease['source'];
  roles: Record<string, WorldRoleEntry>;
}

/** Builds and validates a world release manifest. */
export function buildWorldRelease(parts: WorldReleaseParts): WorldRelease {
  return validateWorldRelease({
    schema: WORLD_RELEASE_SCHEMA,
    world: worldTag(parts),
    env: parts.env,
    build: parts.build,
    created: parts.created,
    source: parts.source,
    roles: parts.roles,
  });
}

/** The roles without a release in this world, sorted. */
export function missingRoles(manifest: WorldRelease): string[] {
  return Object.entries(manifest.roles)
    .filter(([, entry]) => entry.status === 'missing')
    .map(([role]) => role)
    .sort();
}

/** The world release manifest's JSON Schema, for users validating it elsewhere. */
export function worldReleaseJsonSchema(): unknown {
  return z.toJSONSchema(worldReleaseSchema, { io: 'input' });
}
