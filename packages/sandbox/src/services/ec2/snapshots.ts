// EBS snapshots: DescribeSnapshots and DeleteSnapshot (images create them; see
// image-creation.ts).
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { iso, missingParameter, required } from '../common/params.js';
import { filtered, paginate, strList, tagSet, type FilterTable } from './params.js';
import {
  findSnapshot,
  inRegion,
  settleSnapshot,
  tagsOf,
  type Ec2Result,
  type Ec2State,
  type Snapshot,
} from './state.js';
import { foreignSnapshot, foreignSnapshots, mayCreateVolume } from './sharing.js';

function renderSnapshot(state: Ec2State, snap: Snapshot, now: number): Ec2Result {
  const s = settleSnapshot(snap, now);
  let progress = '100%';
  if (s === 'pending') {
    const end = snap.state.pending.at(-1)?.at ?? now;
    const total = Math.max(1, end - snap.startTime);
    progress = `${Math.min(99, Math.floor(((now - snap.startTime) / total) * 100))}%`;
  }
  return {
    snapshotId: snap.snapshotId,
    volumeId: snap.volumeId,
    status: s,
    startTime: iso(snap.startTime),
    progress,
    ownerId: snap.ownerId,
    ownerAlias: snap.ownerAlias,
    description: snap.description,
    volumeSize: snap.volumeSize,
    encrypted: snap.encrypted,
    kmsKeyId: snap.kmsKeyId,
    storageTier: 'standard',
    tagSet: tagSet(state.tags[snap.snapshotId]),
    completionTime: s === 'completed' ? iso(snap.state.since) : undefined,
  };
}

const snapshotFilters = (now: number): FilterTable<Snapshot> => ({
  'snapshot-id': (snap) => [snap.snapshotId],
  status: (snap) => [settleSnapshot(snap, now)],
  'owner-id': (snap) => [snap.ownerId],
  'owner-alias': (snap) => (snap.ownerAlias ? [snap.ownerAlias] : []),
  'volume-id': (snap) => [snap.volumeId],
  description: (snap) => [snap.description],
  'volume-size': (snap) => [String(snap.volumeSize)],
  encrypted: (snap) => [String(snap.encrypted)],
  'start-time': (snap) => [iso(snap.startTime)],
});

export function describeSnapshots(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const p = req.params;
  const now = ctx.clock.now();
  const ids = strList(p.SnapshotId);
  const owners = strList(p.Owner);
  // Ours and the public ones, and those other accounts shared with us (sharing.ts).
  let snaps = [...inRegion(Object.values(state.snapshots), req.region), ...foreignSnapshots(ctx, req.region)];
  if (ids.length > 0) {
    for (const id of ids) if (!foreignSnapshot(ctx, id, req.region)) findSnapshot(state, id, req.region);
    snaps = snaps.filter((s) => ids.includes(s.snapshotId));
  }
  // RestorableByUserIds: `self` or an account id, who may create volumes from it.
  const restorable = strList(p.RestorableBy).map((who) => (who === 'self' ? ctx.accountId : who));
  if (restorable.length > 0) snaps = snaps.filter((s) => restorable.some((who) => mayCreateVolume(s, who)));
  if (owners.length > 0) {
    snaps = snaps.filter((s) =>
      owners.some((o) =>
        o === 'self'
          ? s.ownerId === ctx.accountId
          : /^\d{12}$/.test(o)
            ? s.ownerId === o
            : s.ownerAlias === o,
      ),
    );
  }
  const matching = filtered(snaps, p, snapshotFilters(now), (snap) => tagsOf(state, snap.snapshotId)).sort(
    (a, b) => a.startTime - b.startTime || (a.snapshotId < b.snapshotId ? -1 : 1),
  );
  const { page, nextToken } = paginate(matching, p, 5, 1000);
  return { snapshotSet: page.map((s) => renderSnapshot(state, s, now)), nextToken };
}

export function deleteSnapshot(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const id = required(req.params, 'SnapshotId', missingParameter);
  const snap = findSnapshot(state, id, req.region);
  if (snap.ownerId !== ctx.accountId)
    throw new AwsError('UnauthorizedOperation', `You are not authorized to delete snapshot ${id}.`, 403);
  const user = Object.values(state.images).find((i) => i.blockDevices.some((b) => b.snapshotId === id));
  if (user)
    throw new AwsError('InvalidSnapshot.InUse', `The snapshot ${id} is currently in use by ${user.imageId}`);
  delete state.snapshots[id];
  delete state.tags[id];
  return { return: true };
}
