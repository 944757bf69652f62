// The release manifest from the action's inputs, the AWS resources they name and the run's
// provenance. Every value that ends up in it is public to anyone who can read the
// repository, so secret-looking values are refused here, naming the input.
import { artifactFromTags } from '@immut/core/artifact';
import { InputError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { releaseId } from '@immut/core/identity';
import { MANIFEST_SCHEMA, validateManifest, type ReleaseManifest } from '@immut/core/manifest';
import type { Provenance } from '@immut/core/provenance';
import { secretReason } from '@immut/core/secrets';
import type { ReleaseResources } from './aws-resources.js';

export interface ManifestInputs {
  imageId: string;
  fingerprint: string;
  baseImageId: string;
  dbInstanceId: string | undefined;
  dbEndpoint: string | undefined;
  dataSource: string | undefined;
  changelogApplied: string | undefined;
  appVersion: string;
  flags: Record<string, string> | undefined;
  /** A promotion's source (promote.ts); absent for a release that baked its image. */
  promotion?: ReleaseManifest['promotedFrom'];
  /** A promotion's artifact, from the source manifest (the image's tags may not be readable here). */
  artifact?: ReleaseManifest['app']['artifact'];
  /** Where a promoted image came from across accounts or regions (copy.ts). */
  placement?: Pick<ReleaseManifest['image'], 'sharedFrom' | 'copiedFrom'>;
}

/** The inputs as given: a promotion leaves the image and app inputs empty (promote.ts). */
export type GivenInputs = Omit<
  ManifestInputs,
  'imageId' | 'fingerprint' | 'baseImageId' | 'appVersion' | 'promotion' | 'artifact' | 'placement'
> & {
  imageId?: string | undefined;
  fingerprint?: string | undefined;
  baseImageId?: string | undefined;
  appVersion?: string | undefined;
};

/** Problems that involve more than one input, or values that look like secrets. */
export function checkManifestInputs(inputs: GivenInputs): string[] {
  const problems: string[] = [];
  const dbOnly = {
    'db-endpoint': inputs.dbEndpoint,
    'data-source': inputs.dataSource,
    'changelog-applied': inputs.changelogApplied,
  };
  if (!inputs.dbInstanceId) {
    for (const [name, value] of Object.entries(dbOnly)) {
      if (value !== undefined) {
        problems.push(
          `Input '${name}' was given without 'db-instance-id'; expected both (replicate-data's outputs) or neither.`,
        );
      }
    }
  } else if (inputs.dataSource === undefined) {
    problems.push(
      `Input 'data-source' is required with 'db-instance-id'; expected replicate-data's source output (the snapshot or time restored from).`,
    );
  }
  const plain = { 'app-version': inputs.appVersion, ...dbOnly };
  for (const [name, value] of Object.entries(plain)) {
    const reason =
      value === undefined ? undefined : secretReason(name.toUpperCase().replace(/-/g, '_'), value);
    if (reason)
      problems.push(
        `Input '${name}' is refused (value not shown): ${reason}. Manifests are public to everyone who can read the repository.`,
      );
  }
  for (const [name, value] of Object.entries(inputs.flags ?? {})) {
    const reason = secretReason(name, value);
    if (reason) {
      problems.push(
        `Input 'flags': ${name} is refused (value not shown): ${reason}. Manifests are public to everyone who can read the repository; pass an SSM parameter name or a Secrets Manager ARN instead.`,
      );
    }
  }
  return problems;
}

export interface ManifestContext {
  identity: Identity;
  region: string;
  provenance: Provenance;
  /** ISO-8601 time of recording. */
  created: string;
  resources: ReleaseResources;
}

/** `data.copy` from replicate-data's `source` output, when it names how it copied. */
function copyOfSource(source: string | undefined): { copy?: 'snapshot' | 'point-in-time' | 'copy-on-write' } {
  const kind = /^(snapshot|point-in-time|copy-on-write):/.exec(source ?? '')?.[1];
  return kind ? { copy: kind as 'snapshot' | 'point-in-time' | 'copy-on-write' } : {};
}

export function buildManifest(inputs: ManifestInputs, context: ManifestContext): ReleaseManifest {
  const { identity, resources } = context;
  // A promotion's artifact is the source manifest's; a bake's is what bake-image tagged.
  const artifact = inputs.promotion ? inputs.artifact : artifactFromTags(resources.image.tags);
  const db = resources.db;
  const endpoint = inputs.dbEndpoint ?? db?.address;
  if (db && !endpoint) {
    throw new InputError([
      `Input 'db-endpoint' was not given and ${db.id} has no endpoint yet; expected replicate-data's endpoint output.`,
    ]);
  }
  const manifest: ReleaseManifest = {
    schema: MANIFEST_SCHEMA,
    release: releaseId(identity),
    role: identity.role,
    env: identity.env,
    build: identity.build,
    created: context.created,
    source: {
      repository: context.provenance.repository,
      sha: context.provenance.sha,
      run: context.provenance.runUrl,
    },
    image: {
      id: inputs.imageId,
      region: context.region,
      fingerprint: inputs.fingerprint,
      base: inputs.baseImageId,
      ...(inputs.placement?.sharedFrom ? { sharedFrom: inputs.placement.sharedFrom } : {}),
      ...(inputs.placement?.copiedFrom ? { copiedFrom: inputs.placement.copiedFrom } : {}),
    },
    ...(db && endpoint
      ? {
          data: {
            engine: db.engine,
            instance: db.id,
            endpoint,
            from: inputs.dataSource ?? '',
            changelog: inputs.changelogApplied ?? '',
            // The data layer's kind (an Aurora clone's writer names its cluster) and how it was
            // copied, from replicate-data's `source` output (`copy-on-write:…`, `snapshot:…`).
            ...(db.clusterId
              ? { kind: 'cluster' as const, cluster: db.clusterId }
              : { kind: 'instance' as const }),
            ...copyOfSource(inputs.dataSource),
          },
        }
      : {}),
    app: {
      version: inputs.appVersion,
      // What bake-image recorded on the image (its artifact tags), when it shipped one.
      ...(artifact ? { artifact } : {}),
    },
    flags: inputs.flags ?? {},
    ...(inputs.promotion ? { promotedFrom: inputs.promotion } : {}),
  };
  return validateManifest(manifest);
}
