// EC2's state (per region: every resource carries its region) and the lookups the
// handlers share. States move lazily with the sandbox clock (see timeline.ts,
// durations.ts): the settle helpers apply due steps before a state is read.
import type { BuilderRun } from '../../builder.js';
import { DURATIONS } from '../../durations.js';
import { AwsError } from '../../service.js';
import { settle, type Timeline } from '../../timeline.js';
import type { TagMap } from '../common/tags.js';
import { checkIdFormat } from './params.js';

export type InstanceStateName =
  'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';
export type ImageStateName = 'pending' | 'available' | 'failed';
export type SnapshotStateName = 'pending' | 'completed' | 'error';

export const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export interface Vpc {
  vpcId: string;
  region: string;
  cidrBlock: string;
  isDefault: boolean;
}
export interface Subnet {
  subnetId: string;
  region: string;
  vpcId: string;
  availabilityZone: string;
  zoneId: string;
  cidrBlock: string;
  defaultForAz: boolean;
}
export interface SecurityGroup {
  groupId: string;
  region: string;
  vpcId: string;
  groupName: string;
  description: string;
}
export interface BlockDevice {
  deviceName: string;
  snapshotId: string;
  volumeSize: number;
  volumeType: string;
  deleteOnTermination: boolean;
  encrypted: boolean;
  /** The KMS key of an encrypted device: the key's ARN when the sandbox's KMS knows the key,
   *  else as the caller named it. Absent on an encrypted device: the account's AWS managed
   *  key for EBS (aws/ebs). */
  kmsKeyId?: string;
}
export interface Image {
  imageId: string;
  region: string;
  name: string;
  description?: string;
  ownerId: string;
  ownerAlias?: string;
  isPublic: boolean;
  creationDate: string;
  architecture: string;
  rootDeviceName: string;
  blockDevices: BlockDevice[];
  state: Timeline<ImageStateName>;
  stateReason?: { code: string; message: string };
  sourceInstanceId?: string;
  sourceImageId?: string;
  sourceImageRegion?: string;
  /** Accounts (12-digit ids) the owner shared the image with (ModifyImageAttribute
   *  launchPermission UserId); `isPublic` is the `all` group. Absent: none. */
  launchPermission?: string[];
}
export interface Snapshot {
  snapshotId: string;
  region: string;
  ownerId: string;
  ownerAlias?: string;
  volumeId: string;
  volumeSize: number;
  description: string;
  startTime: number;
  encrypted: boolean;
  kmsKeyId?: string;
  state: Timeline<SnapshotStateName>;
  /** Accounts allowed to create volumes from it (ModifySnapshotAttribute createVolumePermission). */
  createVolumePermission?: string[];
  /** The `all` group of createVolumePermission (a public snapshot). */
  isPublic?: boolean;
}
export interface Instance {
  instanceId: string;
  region: string;
  reservationId: string;
  imageId: string;
  instanceType: string;
  keyName?: string;
  clientToken?: string;
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  privateIpAddress: string;
  securityGroupIds: string[];
  launchTime: number;
  amiLaunchIndex: number;
  architecture: string;
  rootDeviceName: string;
  rootVolumeId: string;
  rootVolumeSize: number;
  userData?: string;
  shutdownBehavior: 'stop' | 'terminate';
  state: Timeline<InstanceStateName>;
  stateReason?: { code: string; message: string };
  transitionReason: string;
  /** Set when the user data is a bake-image builder script (see builder.ts). */
  builder?: BuilderRun;
}
export interface ClientTokenEntry {
  reservationId: string;
  fingerprint: string;
}
export interface CopyTokenEntry {
  imageId: string;
  fingerprint: string;
}

export interface Ec2State {
  vpcs: Vpc[];
  subnets: Subnet[];
  securityGroups: SecurityGroup[];
  images: Record<string, Image>;
  snapshots: Record<string, Snapshot>;
  instances: Record<string, Instance>;
  /** ClientToken → reservation, per region (`region|token`). */
  clientTokens: Record<string, ClientTokenEntry>;
  /** CopyImage ClientToken → image id (`region|token`). */
  copyTokens: Record<string, CopyTokenEntry>;
  tags: Record<string, TagMap>;
  /** Launch templates by id (launch-templates.ts). */
  launchTemplates: Record<string, LaunchTemplate>;
}

/** A launch template's data as stored (the subset the sandbox models). */
export interface LaunchTemplateData {
  imageId?: string;
  instanceType?: string;
  keyName?: string;
  iamInstanceProfile?: { arn?: string; name?: string };
  securityGroupIds: string[];
  userData?: string;
  metadataOptions?: { httpTokens?: string; httpEndpoint?: string; httpPutResponseHopLimit?: number };
  tagSpecifications: Array<{ resourceType: string; tags: Array<{ Key: string; Value: string }> }>;
}
export interface LaunchTemplateVersion {
  versionNumber: number;
  description?: string;
  createTime: number;
  data: LaunchTemplateData;
}
export interface LaunchTemplate {
  launchTemplateId: string;
  name: string;
  region: string;
  createTime: number;
  createdBy: string;
  defaultVersion: number;
  versions: LaunchTemplateVersion[];
}

/** What an operation answers, keyed by EC2's XML element names. */
export type Ec2Result = Record<string, unknown>;

export const emptyState = (): Ec2State => ({
  vpcs: [],
  subnets: [],
  securityGroups: [],
  images: {},
  snapshots: {},
  instances: {},
  clientTokens: {},
  copyTokens: {},
  tags: {},
  launchTemplates: {},
});

export const inRegion = <T extends { region: string }>(items: Iterable<T>, region: string): T[] =>
  [...items].filter((x) => x.region === region);

export const settleImage = (img: Image, now: number): ImageStateName => settle(img.state, now);
export const settleSnapshot = (snap: Snapshot, now: number): SnapshotStateName => settle(snap.state, now);
export const settleInstance = (inst: Instance, now: number): InstanceStateName => settle(inst.state, now);

/** Instances still visible: terminated ones vanish after DURATIONS.terminatedVisibleFor. */
export function visibleInstance(inst: Instance, now: number): boolean {
  const s = settleInstance(inst, now);
  return !(s === 'terminated' && now - inst.state.since > DURATIONS.terminatedVisibleFor);
}

export function findInstance(state: Ec2State, id: string, region: string, now: number): Instance {
  checkIdFormat(id, 'i', 'InvalidInstanceID.Malformed', '');
  const inst = state.instances[id];
  if (!inst || inst.region !== region || !visibleInstance(inst, now)) {
    throw new AwsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
  }
  return inst;
}

export function findImage(state: Ec2State, id: string, region: string): Image {
  checkIdFormat(id, 'ami', 'InvalidAMIID.Malformed', '');
  const img = state.images[id];
  if (!img || img.region !== region)
    throw new AwsError('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
  return img;
}

export function findSnapshot(state: Ec2State, id: string, region: string): Snapshot {
  checkIdFormat(id, 'snap', 'InvalidSnapshotID.Malformed', '');
  const snap = state.snapshots[id];
  if (!snap || snap.region !== region)
    throw new AwsError('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
  return snap;
}

export function findSubnet(state: Ec2State, id: string, region: string): Subnet {
  const subnet = state.subnets.find((s) => s.subnetId === id && s.region === region);
  if (!subnet) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
  return subnet;
}

export function findGroup(state: Ec2State, id: string, region: string): SecurityGroup {
  const group = state.securityGroups.find((g) => g.groupId === id && g.region === region);
  if (!group) throw new AwsError('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
  return group;
}

/** The tags of a resource (an empty map when it has none). */
export const tagsOf = (state: Ec2State, id: string): TagMap => state.tags[id] ?? {};
