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
import { createHash } from 'node:crypto';
import {
  BUILDER_PROTOCOL_VERSION,
  renderBuilderScript,
  type BuilderSpec,
} from '@immut/core/builder-protocol';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The content of a bake, before any run-specific value (bake id, deadline, artifact URL) is known. */
export type BakeContent = Omit<BuilderSpec, 'bakeId' | 'selfDestructMinutes' | 'artifact'>;

/** The application artifact as the fingerprint sees it: its digest and size, never its URL. */
export interface ArtifactDigest {
  sha256: string;
  size: number;
}

/** Stands in for the presigned URL when rendering the template for the fingerprint. */
const NEUTRAL_ARTIFACT_URL = 'https://artifact.invalid/neutral';

/** JSON with sorted keys: the same description always gives the same bytes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How the image is published: encrypted with a KMS key, copied to other regions. */
export interface Publication {
  /** The KMS key as given (alias, id or ARN). */
  kmsKeyId?: string | undefined;
  copyToRegions?: readonly string[] | undefined;
}

/** The description the fingerprint hashes; shown in the debug log so a rebake can be explained. */
export function fingerprintDescription(
  baseImageId: string,
  content: BakeContent,
  publication: Publication = {},
  artifact?: ArtifactDigest,
): Record<string, unknown> {
  const neutral: BuilderSpec = {
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

export function fingerprint(
  baseImageId: string,
  content: BakeContent,
  publication: Publication = {},
  artifact?: ArtifactDigest,
): string {
  return sha256(canonical(fingerprintDescription(baseImageId, content, publication, artifact)));
}
