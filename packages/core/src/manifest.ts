// The release manifest (`immut.release/v1`): the release as data. tag-release writes it;
// launch-behind-lb, rollbacks and retirement read it. Readers accept every schema version
// ever written, so an old release can always be redeployed.
import { z } from 'zod';
import { UserError } from './errors.js';
import { BUILD_RULE, ENV_RULE, ROLE_RULE } from './identity.js';
import { secretReason } from './secrets.js';

export const MANIFEST_SCHEMA = 'immut.release/v1';

const flagName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'flag names are upper-case environment variable names');

const flags = z.record(flagName, z.string()).superRefine((record, ctx) => {
  for (const [name, value] of Object.entries(record)) {
    const reason = secretReason(name, value);
    if (reason) ctx.addIssue({ code: 'custom', path: [name], message: `flag ${name} is refused: ${reason}` });
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
    source: z.object({ repository: z.string().min(1), sha: z.string().min(1), run: z.string() }).strict(),
    image: z
      .object({
        id: z.string().regex(/^ami-[0-9a-f]{8,17}$/, 'an AMI id'),
        region: z.string().min(1),
        fingerprint: z.string().regex(/^[0-9a-f]{16,}$/, 'a hex fingerprint'),
        base: z.string().regex(/^ami-[0-9a-f]{8,17}$/, 'an AMI id'),
      })
      .strict(),
    data: z
      .object({
        engine: z.string().min(1),
        instance: z.string().min(1),
        endpoint: z.string().min(1),
        from: z.string().min(1),
        changelog: z.string(),
      })
      .strict()
      .optional(),
    app: z.object({ version: z.string().min(1) }).strict(),
    flags,
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
  });

export type ReleaseManifest = z.infer<typeof manifestSchema>;

export class ManifestError extends UserError {
  override name = 'ManifestError';
}

function problemsOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
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
    },
    ...(valid.data
      ? {
          data: {
            engine: valid.data.engine,
            instance: valid.data.instance,
            endpoint: valid.data.endpoint,
            from: valid.data.from,
            changelog: valid.data.changelog,
          },
        }
      : {}),
    app: { version: valid.app.version },
    flags: Object.fromEntries(Object.entries(valid.flags).sort(([a], [b]) => a.localeCompare(b))),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The manifest's JSON Schema, for editors and for users validating manifests elsewhere. */
export function manifestJsonSchema(): unknown {
  return z.toJSONSchema(manifestSchema, { io: 'input' });
}
