// What to launch: a release (its manifest JSON, or its tag read from GitHub) or a bare AMI
// id. A release is data (CONTRACTS.md), so everything the servers need comes from it.
import { UserError } from '@immut/core/errors';
import { releaseId, type Identity } from '@immut/core/identity';
import type { ReleaseManifest } from '@immut/core/manifest';
import { manifestFromJson } from '@immut/core/release-reader';
import { parseGitTag } from '@immut/core/naming';

export interface LaunchSource {
  imageId: string;
  /** The release id written to RELEASE and the tags: the manifest's, or this build's. */
  release: string;
  /** The release's flags ({} for an image-id launch). */
  flags: Record<string, string>;
  /** The data replica's endpoint, when the release has one. */
  dataEndpoint?: string;
  /** Where it came from, for the log and summary. */
  origin: string;
}

/** Reads a release by its git tag (the GitHub side lives with tag-release). */
export type TagReader = (tag: string) => Promise<ReleaseManifest>;

/** A tag input looks like `immut/<env>/<role>/<build>`; anything else must be manifest JSON. */
export function looksLikeTag(release: string): boolean {
  return !release.trimStart().startsWith('{');
}

export interface SourceInputs {
  release?: string;
  imageId?: string;
}

export async function resolveSource(
  inputs: SourceInputs,
  identity: Identity,
  region: string,
  readTag: TagReader,
): Promise<LaunchSource> {
  if (inputs.imageId !== undefined) {
    return { imageId: inputs.imageId, release: releaseId(identity), flags: {}, origin: 'input image-id' };
  }
  const raw = (inputs.release ?? '').trim();
  let manifest: ReleaseManifest;
  let origin: string;
  if (looksLikeTag(raw)) {
    const tagged = parseGitTag(raw);
    if (!tagged) {
      throw new UserError(
        `Input 'release' was '${raw.slice(0, 80)}': expected a release tag 'immut/<env>/<role>/<build>' or the manifest JSON from tag-release.`,
      );
    }
    checkSameRole(tagged, identity, `release tag ${raw}`);
    manifest = await readTag(raw);
    origin = `release tag ${raw}`;
  } else {
    // Any schema version ever written, upgraded: an old release can always be redeployed.
    manifest = manifestFromJson(raw);
    origin = `release manifest ${manifest.release}`;
  }
  checkSameRole(manifest, identity, origin);
  if (manifest.image.region !== region) {
    throw new UserError(
      `The ${origin} has its image ${manifest.image.id} in ${manifest.image.region}, but this launch is in ${region}; launch in ${manifest.image.region} or bake the release in ${region}.`,
    );
  }
  return {
    imageId: manifest.image.id,
    release: manifest.release,
    flags: { ...manifest.flags },
    ...(manifest.data ? { dataEndpoint: manifest.data.endpoint } : {}),
    origin,
  };
}

/** A release of one role and env is never launched as another's servers. */
function checkSameRole(found: Pick<Identity, 'role' | 'env'>, identity: Identity, origin: string): void {
  if (found.role !== identity.role || found.env !== identity.env) {
    throw new UserError(
      `The ${origin} is for role '${found.role}' in env '${found.env}', but this launch is for role '${identity.role}' in env '${identity.env}'; pass a release of this role and env.`,
    );
  }
}
