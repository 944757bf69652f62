// The GitHub side of a release: an annotated tag `immut/<env>/<role>/<build>` on the commit
// with the manifest in its message, a release with a readable body, and the manifest as the
// `manifest.json` asset. The recording itself (find, reconcile, create; never rewrite) is
// core's recorded-release; this module is its codec for the release manifest.
import { writeManifest, type ReleaseManifest } from '@immut/core/manifest';
import {
  createRecorder,
  jsonDifferences,
  type ExistingRecord,
  type ManifestCodec,
  type RecordHooks,
  type RecordTarget,
  type Recorded,
} from '@immut/core/recorded-release';
import { manifestFromJson, manifestFromTagMessage, tagMessage } from '@immut/core/release-reader';

export { ReleaseConflictError, plannedSteps } from '@immut/core/recorded-release';
export type { RecordHooks, RecordTarget, Recorded };
export type ExistingRelease = ExistingRecord<ReleaseManifest>;

/** Paths where two manifests differ, ignoring `created`: `image.id ('a' recorded, 'b' now)`. */
export function manifestDifferences(recorded: ReleaseManifest, wanted: ReleaseManifest): string[] {
  return jsonDifferences(recorded, wanted, ['created']);
}

export const releaseCodec: ManifestCodec<ReleaseManifest> = {
  noun: 'release',
  fromJson: manifestFromJson,
  fromTagMessage: manifestFromTagMessage,
  write: writeManifest,
  tagMessage,
  releaseName: (m) => `${m.release} (${m.env})`,
  differences: manifestDifferences,
};

const recorder = createRecorder(releaseCodec);

/** What already exists on GitHub under the tag. */
export const findExisting = (t: RecordTarget): Promise<ExistingRelease> => recorder.findExisting(t);

/**
 * The manifest to record: the recorded one when it matches (so a re-run keeps its first
 * `created` time), `wanted` when nothing is recorded; a conflict error otherwise.
 */
export const reconcile = (
  t: RecordTarget,
  existing: ExistingRelease,
  wanted: ReleaseManifest,
): Promise<ReleaseManifest> => recorder.reconcile(t, existing, wanted);

/** Creates what is missing: tag, release, asset — in that order, so the tag comes first. */
export const record = (
  t: RecordTarget,
  existing: ExistingRelease,
  manifest: ReleaseManifest,
  body: string,
  hooks: RecordHooks,
): Promise<Recorded> => recorder.record(t, existing, manifest, body, hooks);
