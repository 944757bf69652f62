// Sharing images and snapshots: ModifyImageAttribute / DescribeImageAttribute /
// ResetImageAttribute (launchPermission, description) and ModifySnapshotAttribute /
// DescribeSnapshotAttribute / ResetSnapshotAttribute (createVolumePermission), as the EC2 API
// reference and the SDK's model shape them. A permission is an account id (UserId) or the
// group `all` (public). Only the owner may read or change them: another account that can see
// the image gets AuthFailure ("Not authorized for image:ami-…", what AWS answers a
// non-owner's DescribeImageAttribute), one that cannot gets InvalidAMIID.NotFound.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { missingParameter, required, str, type Params } from '../common/params.js';
import { strList } from './params.js';
import { foreignSnapshot, ownedImage } from './sharing.js';
import { findSnapshot, type Ec2Result, type Ec2State, type Image, type Snapshot } from './state.js';

/** The permission changes of a request: the structured form (`LaunchPermission.Add.N.UserId`,
 *  `CreateVolumePermission.Remove.N.Group`) and the flat one (`OperationType` with
 *  `UserId.N` / `UserGroup.N`), merged. */
interface Changes {
  addUsers: string[];
  removeUsers: string[];
  addAll: boolean;
  removeAll: boolean;
}

const ACCOUNT = /^\d{12}$/;

function entries(value: unknown): Params[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (v ?? {}) as Params);
}

function checkUser(id: string): string {
  if (!ACCOUNT.test(id))
    throw new AwsError(
      'InvalidAMIAttributeItemValue',
      `Invalid attribute item value "${id.slice(0, 64)}" for userId item type.`,
    );
  return id;
}

function checkGroup(group: string): void {
  if (group !== 'all')
    throw new AwsError(
      'InvalidAMIAttributeItemValue',
      `Invalid attribute item value "${group.slice(0, 64)}" for group item type.`,
    );
}

function changesOf(p: Params, structured: string): Changes {
  const c: Changes = { addUsers: [], removeUsers: [], addAll: false, removeAll: false };
  const mods = (p[structured] ?? {}) as Params;
  for (const [side, users, all] of [
    [entries(mods.Add), c.addUsers, 'addAll'],
    [entries(mods.Remove), c.removeUsers, 'removeAll'],
  ] as const) {
    for (const e of side) {
      const user = str(e.UserId);
      const group = str(e.Group);
      if (user !== undefined) users.push(checkUser(user));
      if (group !== undefined) {
        checkGroup(group);
        c[all] = true;
      }
    }
  }
  const op = str(p.OperationType);
  const users = strList(p.UserId);
  const groups = strList(p.UserGroup);
  if (op !== undefined || users.length > 0 || groups.length > 0) {
    if (op !== 'add' && op !== 'remove')
      throw new AwsError(
        'InvalidParameterValue',
        `Value (${String(op).slice(0, 32)}) for parameter operationType is invalid. Expected add or remove.`,
      );
    for (const u of users) (op === 'add' ? c.addUsers : c.removeUsers).push(checkUser(u));
    for (const g of groups) {
      checkGroup(g);
      if (op === 'add') c.addAll = true;
      else c.removeAll = true;
    }
  }
  return c;
}

/** Sharing what an AWS managed key encrypts is refused: no other account may use that key
 *  (the error AWS answers, quoted in DataDog/stratus-red-team#109 and hashicorp/packer#7410). */
function checkShareable(c: Changes, devices: ReadonlyArray<{ encrypted: boolean; kmsKeyId?: string }>): void {
  const adds = c.addUsers.length > 0 || c.addAll;
  if (adds && devices.some((d) => d.encrypted && d.kmsKeyId === undefined))
    throw new AwsError(
      'InvalidParameter',
      "Snapshots encrypted with the AWS Managed CMK can't be shared. Specify another snapshot.",
    );
}

const isEmpty = (c: Changes): boolean =>
  c.addUsers.length === 0 && c.removeUsers.length === 0 && !c.addAll && !c.removeAll;

function applyUsers(current: readonly string[] | undefined, c: Changes): string[] {
  const users = new Set(current ?? []);
  for (const u of c.addUsers) users.add(u);
  for (const u of c.removeUsers) users.delete(u);
  return [...users].sort();
}

const renderPermissions = (users: readonly string[] | undefined, isPublic: boolean): Ec2Result[] => [
  ...(isPublic ? [{ group: 'all' }] : []),
  ...(users ?? []).map((userId) => ({ userId })),
];

function checkAttribute(attribute: string | undefined, allowed: readonly string[], kind: string): void {
  if (attribute !== undefined && !allowed.includes(attribute))
    throw new AwsError(
      'InvalidParameterValue',
      `Value (${attribute.slice(0, 64)}) for parameter attribute is invalid. The sandbox models the ${kind} attributes ${allowed.join(', ')}.`,
    );
}

export function modifyImageAttribute(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const p = req.params;
  const imageId = required(p, 'ImageId', missingParameter);
  const image = ownedImage(state, ctx, imageId, req.region);
  const attribute = str(p.Attribute);
  checkAttribute(attribute, ['launchPermission', 'description'], 'image');
  const description =
    str(((p.Description ?? {}) as Params).Value) ?? (attribute === 'description' ? str(p.Value) : undefined);
  if (description !== undefined) {
    if (description.length > 255)
      throw new AwsError('InvalidParameterValue', 'AMI descriptions must be at most 255 characters');
    image.description = description;
    return {};
  }
  const changes = changesOf(p, 'LaunchPermission');
  if (isEmpty(changes))
    throw new AwsError(
      'MissingParameter',
      'The request must contain the parameter LaunchPermission or Description',
    );
  checkShareable(changes, image.blockDevices);
  image.launchPermission = applyUsers(image.launchPermission, changes);
  if (changes.addAll) image.isPublic = true;
  if (changes.removeAll) image.isPublic = false;
  return {};
}

export function describeImageAttribute(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const p = req.params;
  const imageId = required(p, 'ImageId', missingParameter);
  const attribute = required(p, 'Attribute', missingParameter);
  const image = ownedImage(state, ctx, imageId, req.region);
  checkAttribute(attribute, ['launchPermission', 'description', 'blockDeviceMapping'], 'image');
  if (attribute === 'launchPermission')
    return { imageId, launchPermission: renderPermissions(image.launchPermission, image.isPublic) };
  if (attribute === 'description') return { imageId, description: { value: image.description } };
  return { imageId, blockDeviceMapping: blockDevices(image) };
}

const blockDevices = (image: Image): Ec2Result[] =>
  image.blockDevices.map((b) => ({
    deviceName: b.deviceName,
    ebs: {
      snapshotId: b.snapshotId,
      volumeSize: b.volumeSize,
      deleteOnTermination: b.deleteOnTermination,
      volumeType: b.volumeType,
      encrypted: b.encrypted,
      kmsKeyId: b.kmsKeyId,
    },
  }));

/** ResetImageAttribute: launchPermission back to its default, private to the owner. */
export function resetImageAttribute(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const p = req.params;
  const imageId = required(p, 'ImageId', missingParameter);
  const attribute = required(p, 'Attribute', missingParameter);
  const image = ownedImage(state, ctx, imageId, req.region);
  checkAttribute(attribute, ['launchPermission'], 'resettable image');
  image.launchPermission = [];
  image.isPublic = false;
  return {};
}

/** A snapshot the caller owns; another owner's it can see: AuthFailure (not ours to share). */
function ownedSnapshot(state: Ec2State, ctx: ServiceContext, id: string, region: string): Snapshot {
  const snap = state.snapshots[id]
    ? findSnapshot(state, id, region)
    : (foreignSnapshot(ctx, id, region) ?? findSnapshot(state, id, region));
  if (snap.ownerId !== ctx.accountId)
    throw new AwsError('AuthFailure', `Not authorized for snapshot:${id}`, 403);
  return snap;
}

export function modifySnapshotAttribute(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
): Ec2Result {
  const p = req.params;
  const snapshotId = required(p, 'SnapshotId', missingParameter);
  const snap = ownedSnapshot(state, ctx, snapshotId, req.region);
  checkAttribute(str(p.Attribute), ['createVolumePermission'], 'snapshot');
  const changes = changesOf(p, 'CreateVolumePermission');
  if (isEmpty(changes))
    throw new AwsError('MissingParameter', 'The request must contain the parameter CreateVolumePermission');
  checkShareable(changes, [snap]);
  snap.createVolumePermission = applyUsers(snap.createVolumePermission, changes);
  if (changes.addAll) snap.isPublic = true;
  if (changes.removeAll) snap.isPublic = false;
  return {};
}

export function describeSnapshotAttribute(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
): Ec2Result {
  const p = req.params;
  const snapshotId = required(p, 'SnapshotId', missingParameter);
  const attribute = required(p, 'Attribute', missingParameter);
  const snap = ownedSnapshot(state, ctx, snapshotId, req.region);
  checkAttribute(attribute, ['createVolumePermission', 'productCodes'], 'snapshot');
  if (attribute === 'productCodes') return { snapshotId, productCodes: [] };
  return {
    snapshotId,
    createVolumePermission: renderPermissions(snap.createVolumePermission, snap.isPublic === true),
  };
}

export function resetSnapshotAttribute(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const p = req.params;
  const snapshotId = required(p, 'SnapshotId', missingParameter);
  const attribute = required(p, 'Attribute', missingParameter);
  const snap = ownedSnapshot(state, ctx, snapshotId, req.region);
  checkAttribute(attribute, ['createVolumePermission'], 'resettable snapshot');
  snap.createVolumePermission = [];
  snap.isPublic = false;
  return {};
}
