// The release manifest (`immut.release/v1`): the release as data. tag-release writes it;
// launch-behind-lb, rollbacks and retirement read it. Readers accept every schema version
// ever written, so an old release can always be redeployed.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UserError } from './errors.js';
import { BUILD_RULE, ENV_RULE, ROLE_RULE } from './identity.js';
import { AWS_REGION } from './inputs.js';
import { parseGitTag } from './naming.js';
import { displayValue, envValueProblem } from './quoting.js';
import { secretReason } from './secrets.js';

export const MANIFEST_SCHEMA = 'immut.release/v1';

// Every field is typed by what it holds, because fields reach the servers' user data, tags
// and logs. Readers accept every manifest ever written validly (CONTRACTS.md "Manifest
// evolution"): these rules only refuse values no writer of immut could have produced — an
// endpoint that is not a host name, a version with a newline — never a form immut wrote.

/** A string matching `pattern`; the issue says what was expected and shows the value, cut. */
function typed(pattern: RegExp, expected: string): z.ZodString {
  return z.string().regex(pattern, {
    error: (issue) => `${expected}; was '${displayValue(String(issue.input))}'`,
  });
}

/** Free text (a version, a label): printable, no control characters, at most `max` characters. */
function printable(expected: string, max: number, min = 1): z.ZodType<string> {
  return z.string().superRefine((value, ctx) => {
    const length = [...value].length;
    const problem =
      length < min
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
export const HOST_NAME =
  /^(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
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

const flagName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'flag names are upper-case environment variable names');

// A flag's value is never shown: it may be meant as a secret.
const flags = z.record(flagName, z.string()).superRefine((record, ctx) => {
  for (const [name, value] of Object.entries(record)) {
    const reason = secretReason(name, value);
    if (reason) ctx.addIssue({ code: 'custom', path: [name], message: `flag ${name} is refused: ${reason}` });
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

export const manifestSchema = z
  .object({
    schema: z.literal(MANIFEST_SCHEMA),
    release: z.string().min(1),
    role: z.string().regex(ROLE_RULE.pattern, ROLE_RULE.expected),
    env: z.string().regex(ENV_RULE.pattern, ENV_RULE.expected),
    build: z.string().regex(BUILD_RULE.pattern, BUILD_RULE.expected),
    created: z.iso.datetime(),
    source: z
      .object({
        repository: typed(REPOSITORY, 'a GitHub repository owner/name'),
        sha: typed(COMMIT, 'a git commit sha (hex)'),
        run: typed(RUN_URL, "the run's https URL, or empty"),
      })
      .strict(),
    image: z
      .object({
        id: typed(AMI_ID, 'an AMI id (ami- and 8 or 17 hex digits)'),
        region: typed(AWS_REGION, 'an AWS region such as us-east-1'),
        fingerprint: typed(/^[0-9a-f]{16,}$/, 'a hex fingerprint'),
        base: typed(AMI_ID, 'an AMI id (ami- and 8 or 17 hex digits)'),
        // Added with promotion across accounts and regions; absent in older manifests.
        /** `id` is another AWS account's image, shared with this one (a launch permission). */
        sharedFrom: z
          .object({
            account: typed(AWS_ACCOUNT, 'a 12-digit AWS account id'),
            imageId: typed(AMI_ID, 'an AMI id (ami- and 8 or 17 hex digits)'),
          })
          .strict()
          .optional(),
        /** `id` is this account's copy (CopyImage) of that image, made for this release. */
        copiedFrom: z
          .object({
            account: typed(AWS_ACCOUNT, 'a 12-digit AWS account id'),
            region: typed(AWS_REGION, 'an AWS region such as us-east-1'),
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
    data: z
      .object({
        engine: typed(RDS_ENGINE, 'an RDS engine name such as postgres'),
        instance: typed(
          RDS_IDENTIFIER,
          'an RDS DB identifier (a letter, then letters, digits, hyphens; ≤ 63)',
        ),
        endpoint: typed(HOST_NAME, 'a host name (RFC 1123: letters, digits, hyphens and dots; ≤ 253)'),
        from: printable('the snapshot or time restored from', 1024),
        changelog: printable('the change log outcome', 1024, 0),
        // Added with Aurora clusters; absent in older manifests, which are instances.
        /** `instance`: an RDS DB instance; `cluster`: an Aurora DB cluster, `instance` its writer. */
        kind: z.enum(['instance', 'cluster']).optional(),
        /** The Aurora DB cluster of a `cluster` data layer. */
        cluster: typed(
          RDS_IDENTIFIER,
          'an RDS DB cluster identifier (a letter, then letters, digits, hyphens; ≤ 63)',
        ).optional(),
        /** How the data was copied: a snapshot restore, a point-in-time restore or an Aurora copy-on-write clone. */
        copy: z.enum(['snapshot', 'point-in-time', 'copy-on-write']).optional(),
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
    app: z
      .object({
        version: printable('a version', 1024),
        // Added with bake-image's artifact; absent in older manifests and bakes without one.
        /** The application artifact baked into the image: its sha256, size and workspace paths. */
        artifact: z
          .object({
            sha256: typed(/^[0-9a-f]{64}$/, 'a hex sha256'),
            size: z.number().int().min(1),
            paths: z.array(printable('a workspace path', 1024)).min(1),
          })
          .strict()
          .optional(),
      })
      .strict(),
    flags,
    // Added with promotion; absent in older manifests and in releases that baked their image.
    /** The release of another env this one was promoted from: its image is reused unchanged. */
    promotedFrom: z
      .object({
        /** The source release's git tag, immut/<env>/<role>/<build>. */
        tag: typed(RELEASE_TAG, 'a release tag immut/<env>/<role>/<build>'),
        /** `sha256:<hex>` of the source manifest as recorded (its canonical JSON, manifestDigest). */
        manifestDigest: typed(/^sha256:[0-9a-f]{64}$/, "'sha256:' and 64 hex digits"),
        /** Present when the promotion gate was overridden: the source was never seen live. */
        forced: z.literal(true).optional(),
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

export type ReleaseManifest = z.infer<typeof manifestSchema>;

export class ManifestError extends UserError {
  override name = 'ManifestError';
}

/** Problems shown at most; a value that is not a manifest at all would otherwise list every field. */
const SHOWN_PROBLEMS = 5;

function problemsOf(error: z.ZodError): string {
  const all = error.issues.map(
    (issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`,
  );
  const more = all.length - SHOWN_PROBLEMS;
  return all.slice(0, SHOWN_PROBLEMS).join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Validates a manifest object; throws ManifestError naming the path of each bad field. */
export function validateManifest(value: unknown): ReleaseManifest {
  const schema = (value as { schema?: unknown } | null)?.schema;
  if (schema !== MANIFEST_SCHEMA) {
    throw new ManifestError(
      `Unsupported release manifest schema '${String(schema)}'; this version of immut reads ${MANIFEST_SCHEMA}.`,
    );
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new ManifestError(`Invalid release manifest: ${problemsOf(parsed.error)}`);
  return parsed.data;
}

/** Parses manifest JSON (from a release asset, tag message or input). */
export function readManifest(json: string): ReleaseManifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ManifestError(`Release manifest is not valid JSON: ${(error as Error).message}`);
  }
  return validateManifest(value);
}

/** Canonical JSON (fixed key order, sorted flags): equal manifests give equal bytes. */
export function writeManifest(manifest: ReleaseManifest): string {
  const valid = validateManifest(manifest);
  const ordered: ReleaseManifest = {
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
            ...(valid.promotedFrom.forced ? { forced: true as const } : {}),
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
export function manifestDigest(manifest: ReleaseManifest): string {
  return `sha256:${createHash('sha256').update(writeManifest(manifest)).digest('hex')}`;
}

/** The manifest's JSON Schema, for editors and for users validating manifests elsewhere. */
export function manifestJsonSchema(): unknown {
  return z.toJSONSchema(manifestSchema, { io: 'input' });
}
