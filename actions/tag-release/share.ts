// The source side of a promotion into another AWS account (`share-with`), run with the source
// env's credentials: the gate (the history record is in this account's hosted zone), the
// guard (the image and its snapshots are immut's, of the source role and env), then the share:
// the target account may launch the image (launch permission) and create volumes from its
// snapshots (create-volume permission; CopyImage and launches from another account read them).
//
// The image and its snapshots are marked first, `immut:used-by:<env>=<build>` and
// `immut:shared-with:<env>=<account>`: the source env's retirement keeps an image another env
// uses, and retire-release's `unshare` mode finds what to take back by these tags once the
// target build is retired (with `copy: always`, the target copies the image and an earlier
// build's mark stays). The share is first tried with EC2's DryRun, so a role that may not
// share fails before marking anything; marking before sharing means a run that stops
// half-way leaves a share that retirement can still find. Nothing is recorded on GitHub: the target account's
// run (`shared-by`) records the release.
import {
  CreateTagsCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import type { ActionIO } from '@immut/core/action-io';
import { UserError } from '@immut/core/errors';
import { sharedWithTag, usedByTag, type Tags } from '@immut/core/tags';
import { findImage, type ReleaseImage } from './aws-resources.js';
import { resolvePromotion, type PromotionContext, type PromotionRequest } from './promote.js';

export interface ShareOptions {
  promotion: PromotionRequest & { shareWith: string };
  context: PromotionContext;
  ec2: EC2Client;
  dryRun: boolean;
  io: ActionIO;
}

export interface ShareResult {
  imageId: string;
  forced: boolean;
  /** What was (or in a dry run, would be) changed. */
  changes: string[];
}

function refusedName(error: unknown): boolean {
  return error instanceof Error && /^(UnauthorizedOperation|AccessDenied|AuthFailure)/.test(error.name);
}

/** Runs `send`, turning a refusal into a message naming the IAM action the source role lacks. */
async function asSource<T>(what: string, iamAction: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!refusedName(error)) throw error;
    throw new UserError(
      `Could not ${what}: ${(error as Error).name}: ${(error as Error).message.slice(0, 300)}. The source env's role needs ${iamAction} on immut's images and snapshots (tag-release's ShareImage statement; npm run iam renders it).`,
    );
  }
}

/** The marks the image and its snapshots still lack. */
function pendingMarks(image: ReleaseImage, marks: Tags): Array<{ id: string; missing: Tags }> {
  return [image, ...image.snapshots].flatMap((r) => {
    const missing = Object.fromEntries(Object.entries(marks).filter(([k, v]) => r.tags[k] !== v));
    return Object.keys(missing).length > 0 ? [{ id: r.id, missing }] : [];
  });
}

/** AWS's answer to a DryRun request that would have succeeded. */
async function dryRunPasses(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (error instanceof Error && error.name === 'DryRunOperation') return;
    throw error;
  }
}

async function share(ec2: EC2Client, image: ReleaseImage, account: string, dryRun = false): Promise<void> {
  const DryRun = dryRun ? true : undefined;
  const send = (call: () => Promise<unknown>): Promise<unknown> => (dryRun ? dryRunPasses(call) : call());
  await asSource(
    `share image ${image.id} with account ${account}`,
    'ec2:ModifyImageAttribute (launchPermission)',
    () =>
      send(() =>
        ec2.send(
          new ModifyImageAttributeCommand({
            ImageId: image.id,
            LaunchPermission: { Add: [{ UserId: account }] },
            DryRun,
          }),
        ),
      ),
  );
  for (const snapshot of image.snapshots) {
    await asSource(
      `share snapshot ${snapshot.id} of image ${image.id} with account ${account}`,
      'ec2:ModifySnapshotAttribute (createVolumePermission)',
      () =>
        send(() =>
          ec2.send(
            new ModifySnapshotAttributeCommand({
              SnapshotId: snapshot.id,
              Attribute: 'createVolumePermission',
              CreateVolumePermission: { Add: [{ UserId: account }] },
              DryRun,
            }),
          ),
        ),
    );
  }
}

/** Gate, guard, mark and share the source release's image with `promotion.shareWith`. */
export async function shareImage(options: ShareOptions): Promise<ShareResult> {
  const { promotion, context, ec2, io } = options;
  const account = promotion.shareWith;
  const resolved = await resolvePromotion(promotion, context);
  const { gate } = resolved;
  if (gate.forced) io.warning(`Promoting ${promotion.tag} with force: ${gate.evidence}.`);
  else io.info(`Promotion gate: ${gate.evidence}.`);
  const image = await findImage(ec2, resolved.source.image.id, resolved.imageOwner, context.region);
  const { env, build } = context.identity;
  // A build that copies the image holds the share only while nothing else does: the copy is
  // its own image, so an earlier build that runs the shared image keeps the used-by mark, and
  // the share goes when that build retires.
  const holder = image.tags[usedByTag(env)];
  const keepHolder = promotion.copy === 'always' && holder !== undefined && holder !== build;
  if (keepHolder)
    io.info(`${image.id} stays marked as used by ${env} build ${holder}: this build copies it.`);
  const marks = { ...(keepHolder ? {} : { [usedByTag(env)]: build }), [sharedWithTag(env)]: account };
  const pending = pendingMarks(image, marks);
  const changes = [
    ...pending.map((p) => `the tags ${Object.keys(p.missing).join(', ')} on ${p.id}`),
    `launch permission for account ${account} on ${image.id}`,
    ...image.snapshots.map((s) => `create-volume permission for account ${account} on ${s.id}`),
  ];
  // Permission first (EC2's DryRun): a share that would be refused leaves no marks behind.
  await share(ec2, image, account, true);
  if (options.dryRun) {
    io.info(`Dry run: would share ${image.id} with account ${account}: ${changes.join('; ')}.`);
    return { imageId: image.id, forced: gate.forced, changes };
  }
  for (const { id, missing } of pending) {
    await asSource(`mark ${id} as used by ${env}`, `ec2:CreateTags (${Object.keys(marks).join(', ')})`, () =>
      ec2.send(
        new CreateTagsCommand({
          Resources: [id],
          Tags: Object.entries(missing).map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
    );
  }
  await share(ec2, image, account);
  io.info(
    `Shared ${image.id} and its ${image.snapshots.length} snapshot(s) with account ${account} for ${env} build ${build}.`,
  );
  return { imageId: image.id, forced: gate.forced, changes };
}

/** The job summary of a share. */
export function renderShareSummary(
  tag: string,
  account: string,
  result: ShareResult,
  dryRun: boolean,
): string {
  const lines = [
    `## ${dryRun ? 'Would share' : 'Shared'} ${tag}'s image with account ${account}`,
    '',
    `Image \`${result.imageId}\`${result.forced ? ' (promotion forced: the gate was overridden)' : ''}.`,
    '',
    ...result.changes.map((c) => `- ${c}`),
    '',
  ];
  return lines.join('\n');
}
