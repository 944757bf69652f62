// tag-release's flow, as a plain function of its inputs and clients: read and guard the AWS
// resources, build the manifest, compare with what GitHub already holds, then (unless a dry
// run) record what is missing on GitHub and tag the AWS resources. Every check — inputs,
// guards, conflicts — happens before the first write, so a refused run changes nothing.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionIO } from '@immut/core/action-io';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { CleanupLog } from '@immut/core/cleanup';
import { scaledClock, type Clock } from '@immut/core/clock';
import type { GitHubClient } from '@immut/core/github';
import type { Identity } from '@immut/core/identity';
import { releaseId } from '@immut/core/identity';
import { writeManifest, type ReleaseManifest } from '@immut/core/manifest';
import { gitTag } from '@immut/core/naming';
import type { Env, Provenance } from '@immut/core/provenance';
import { usedByTag } from '@immut/core/tags';
import type { Route53Client } from '@aws-sdk/client-route-53';
import {
  findImage,
  tagResources,
  untagged,
  type AwsClients,
  type ImageTag,
  type ReleaseResources,
} from './aws-resources.js';
import { placeImage, type PlacementContext } from './copy.js';
import { buildManifest, type GivenInputs, type ManifestInputs } from './build-manifest.js';
import type { PromotionRequest, ResolvedPromotion } from './promote.js';
import { findExisting, plannedSteps, reconcile, record, type RecordTarget } from './record.js';
import { releaseBody } from './release-body.js';
import { renderSummary } from './summary.js';

export interface RunOptions {
  /** Complete for a baked release; a promotion takes the image and app from its source. */
  inputs: GivenInputs;
  /** Set to record a promotion of another env's release (promote.ts). */
  promotion?: PromotionRequest;
  identity: Identity;
  region: string;
  dryRun: boolean;
  provenance: Provenance;
  repository: { owner: string; repo: string };
  clients: AwsClients & {
    /** Made when first asked: a release's first request is EC2's, and Octokit loads after it. */
    octokit: () => Promise<GitHubClient>;
    route53?: Route53Client;
    /** EC2 in another region (a promotion's source image there); default: only `ec2`'s region. */
    ec2For?: (region: string) => EC2Client;
  };
  /** The action's clock (waits for a promotion's copy); default: wall time. */
  clock?: Clock;
  /** ISO-8601 time recorded as `created` when the release is new. */
  now: string;
  io: ActionIO;
  env: Env;
  cleanup: Pick<CleanupLog, 'record'>;
}

export interface RunResult {
  manifest: ReleaseManifest;
  tag: string;
  releaseUrl?: string;
  /** What was (or in a dry run, would be) created or changed. */
  changes: string[];
}

async function findResources(
  options: RunOptions,
  inputs: ManifestInputs,
  imageOwner: Identity | undefined,
): Promise<ReleaseResources> {
  const { identity, region, clients } = options;
  const image = imageOwner
    ? await findImage(clients.ec2, inputs.imageId, imageOwner, region)
    : { id: inputs.imageId, tags: {}, snapshots: [], foreign: true as const };
  const db = inputs.dbInstanceId
    ? await (
        await import('./db-resources.js')
      ).findDb(await clients.rds(), inputs.dbInstanceId, identity, region)
    : undefined;
  return { image, ...(db ? { db } : {}) };
}

function writeManifestFile(env: Env, manifest: ReleaseManifest): string {
  const file = path.join(
    env['RUNNER_TEMP'] || os.tmpdir(),
    `immut-manifest-${manifest.env}-${manifest.release}.json`,
  );
  writeFileSync(file, writeManifest(manifest));
  return file;
}

function setOutputs(io: ActionIO, env: Env, result: RunResult): void {
  io.setOutput('release', result.manifest.release);
  io.setOutput('tag', result.tag);
  io.setOutput('release-url', result.releaseUrl ?? '');
  io.setOutput('manifest', JSON.stringify(JSON.parse(writeManifest(result.manifest))));
  io.setOutput('manifest-file', writeManifestFile(env, result.manifest));
}

interface Prepared {
  inputs: ManifestInputs;
  /** Whose immut tags the image carries; undefined for another account's image (unreadable). */
  imageOwner: Identity | undefined;
  imageTag?: ImageTag;
  /** A promotion's copy made (or in a dry run, to be made). */
  changes: string[];
}

/** The manifest inputs and whose image it is: this release's own, or a promotion's source. */
async function prepare(options: RunOptions): Promise<Prepared> {
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
  if (!clients.route53) throw new Error('tag-release: a promotion needs a Route 53 client');
  // Loaded only for a promotion: promote.ts brings the Route 53 client (cold start, issue #20).
  const { promotedInputs, resolvePromotion } = await import('./promote.js');
  const resolved: ResolvedPromotion = await resolvePromotion(options.promotion, {
    octokit: await clients.octokit(),
    route53: clients.route53,
    repository: options.repository,
    identity,
    region: options.region,
  });
  const { gate } = resolved;
  if (gate.forced) options.io.warning(`Promoting ${options.promotion.tag} with force: ${gate.evidence}.`);
  else options.io.info(`Promotion gate: ${gate.evidence}.`);
  const promoted = promotedInputs(inputs, resolved);
  const placement = await placeImage(placementContext(options), {
    source: resolved.source,
    sharedBy: options.promotion.sharedBy,
    copy: options.promotion.copy ?? 'auto',
    kmsKeyId: options.promotion.kmsKeyId,
  });
  if (!placement)
    return {
      inputs: promoted,
      imageOwner: resolved.imageOwner,
      imageTag: { key: usedByTag(identity.env), value: identity.build },
      changes: [],
    };
  return {
    inputs: { ...promoted, imageId: placement.imageId, placement: placement.recorded },
    // A dry run's copy is not made: the source image stands in for it, unguarded here.
    imageOwner: placement.kind === 'copy' && !options.dryRun ? identity : undefined,
    changes: placement.changes,
  };
}

function placementContext(options: RunOptions): PlacementContext {
  const { clients, region } = options;
  return {
    identity: options.identity,
    region,
    provenance: options.provenance,
    ec2For:
      clients.ec2For ??
      ((r) => {
        if (r !== region) throw new Error(`tag-release: no EC2 client for ${r}`);
        return clients.ec2;
      }),
    dryRun: options.dryRun,
    attempt: `${options.env['GITHUB_RUN_ID'] ?? ''}/${options.env['GITHUB_RUN_ATTEMPT'] ?? ''}`,
    clock: options.clock ?? scaledClock(),
    io: options.io,
    cleanup: options.cleanup,
  };
}

export async function runTagRelease(options: RunOptions): Promise<RunResult> {
  const { io, identity, clients } = options;
  const tag = gitTag(identity);
  const release = releaseId(identity);
  const prepared = await prepare(options);
  const resources = await findResources(options, prepared.inputs, prepared.imageOwner);
  const wanted = buildManifest(prepared.inputs, {
    identity,
    region: options.region,
    provenance: options.provenance,
    created: options.now,
    resources,
  });
  const target: RecordTarget = {
    octokit: await clients.octokit(),
    ...options.repository,
    tag,
    sha: options.provenance.sha,
  };
  const existing = await findExisting(target);
  const manifest = await reconcile(target, existing, wanted);
  if (existing.tag)
    io.info(`${tag} is already recorded with an identical manifest (created ${manifest.created}).`);
  const awsPending = untagged(resources, release, prepared.imageTag);
  const steps = [
    ...prepared.changes,
    ...plannedSteps(existing, tag),
    ...awsPending.map((what) => `the tag ${what}`),
  ];

  if (options.dryRun) {
    io.info(`Dry run: the release manifest would be:\n${writeManifest(manifest)}`);
    io.info(steps.length > 0 ? `Dry run: would create ${steps.join('; ')}.` : 'Dry run: nothing to do.');
    const result: RunResult = {
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
  const tagged = await tagResources(clients, resources, release, prepared.imageTag);
  if (tagged.length > 0) io.info(`Tagged ${tagged.join(', ')} for release ${release}`);
  const imageKey = prepared.imageTag?.key ?? 'immut:release';
  const changes = [
    ...prepared.changes,
    ...recorded.created,
    ...tagged.map((id) => `${id === resources.db?.id ? 'immut:release' : imageKey} on ${id}`),
  ];
  if (changes.length === 0) io.info(`Release ${tag} was already complete; nothing changed.`);
  const result: RunResult = { manifest, tag, releaseUrl: recorded.releaseUrl, changes };
  setOutputs(io, options.env, result);
  await io.appendSummary(
    renderSummary(manifest, { tag, releaseUrl: recorded.releaseUrl, changes, dryRun: false }),
  );
  return result;
}
