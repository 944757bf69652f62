// Emulated EC2 (EC2 query protocol). Results are keyed by EC2's XML element names
// (`imagesSet`, `instanceState`, …; checked against the SDK's schemas). State is per
// region; states move lazily with the sandbox clock (see timeline.ts, durations.ts).
import {
  INSTANCE_INITIATED_SHUTDOWN,
  builderConsoleLines,
  builderStateSteps,
  planBuilder,
  type BuilderRun,
} from '../builder.js';
import { DURATIONS } from '../durations.js';
import { ACCOUNT_ID, AMAZON_OWNER_ID, REGION, SEED } from '../seed.js';
import {
  AwsError,
  listParam,
  type EmulatedService,
  type OperationHandler,
  type SandboxRequest,
  type ServiceContext,
} from '../service.js';
import { settle, timeline, transition, type Timeline } from '../timeline.js';

type Tags = Record<string, string>;
type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';
type ImageStateName = 'pending' | 'available' | 'failed';
type SnapshotStateName = 'pending' | 'completed' | 'error';

const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

interface Vpc {
  vpcId: string;
  region: string;
  cidrBlock: string;
  isDefault: boolean;
}
interface Subnet {
  subnetId: string;
  region: string;
  vpcId: string;
  availabilityZone: string;
  zoneId: string;
  cidrBlock: string;
  defaultForAz: boolean;
}
interface SecurityGroup {
  groupId: string;
  region: string;
  vpcId: string;
  groupName: string;
  description: string;
}
interface BlockDevice {
  deviceName: string;
  snapshotId: string;
  volumeSize: number;
  volumeType: string;
  deleteOnTermination: boolean;
  encrypted: boolean;
  /** The KMS key of an encrypted copy, as the caller named it (there is no KMS here). */
  kmsKeyId?: string;
}
interface Image {
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
}
interface Snapshot {
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
}
interface Instance {
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
interface ClientTokenEntry {
  reservationId: string;
  fingerprint: string;
}

interface Ec2State {
  vpcs: Vpc[];
  subnets: Subnet[];
  securityGroups: SecurityGroup[];
  images: Record<string, Image>;
  snapshots: Record<string, Snapshot>;
  instances: Record<string, Instance>;
  /** ClientToken → reservation, per region (`region|token`). */
  clientTokens: Record<string, ClientTokenEntry>;
  /** CopyImage ClientToken → image id (`region|token`). */
  copyTokens: Record<string, { imageId: string; fingerprint: string }>;
  tags: Record<string, Tags>;
}

const emptyState = (): Ec2State => ({
  vpcs: [],
  subnets: [],
  securityGroups: [],
  images: {},
  snapshots: {},
  instances: {},
  clientTokens: {},
  copyTokens: {},
  tags: {},
});

// ---------------------------------------------------------------------------------------
// Parameter helpers

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const bool = (v: unknown): boolean => v === 'true' || v === true;
const strList = (v: unknown): string[] => listParam(v).filter((x): x is string => typeof x === 'string');

function int(params: Record<string, unknown>, name: string, wire: string): number | undefined {
  const v = params[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !/^-?\d+$/.test(v) || !Number.isSafeInteger(n)) {
    throw new AwsError('InvalidParameterValue', `Invalid value '${String(v)}' for ${wire}`);
  }
  return n;
}

function required(params: Record<string, unknown>, name: string): string {
  const v = str(params[name]);
  if (v === undefined || v === '')
    throw new AwsError('MissingParameter', `The request must contain the parameter ${name}`);
  return v;
}

interface Filter {
  name: string;
  values: string[];
}

function filtersOf(params: Record<string, unknown>): Filter[] {
  return listParam(params.Filter).map((f) => {
    const obj = (f ?? {}) as Record<string, unknown>;
    const name = str(obj.Name);
    if (!name) throw new AwsError('InvalidParameterValue', 'The filter name must be specified');
    return { name, values: strList(obj.Value) };
  });
}

/** EC2 filter values: case-sensitive, `*` any run, `?` one character, `\` escapes. */
export function wildcardMatch(pattern: string, value: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(re + '$', 's').test(value);
}

/** Apply filters: `fieldsOf(item, name)` returns the item's values for a filter name, or
 *  undefined when the filter name is not supported (→ InvalidParameterValue). */
function applyFilters<T>(
  items: T[],
  filters: Filter[],
  fieldsOf: (item: T, name: string) => string[] | undefined,
  tagsOf: (item: T) => Tags,
): T[] {
  const resolve = (item: T, name: string): string[] | undefined => {
    if (name.startsWith('tag:')) {
      const v = tagsOf(item)[name.slice(4)];
      return v === undefined ? [] : [v];
    }
    if (name === 'tag-key') return Object.keys(tagsOf(item));
    if (name === 'tag-value') return Object.values(tagsOf(item));
    return fieldsOf(item, name);
  };
  if (items.length === 0) {
    // Still validate filter names.
    for (const f of filters) {
      if (
        !f.name.startsWith('tag:') &&
        f.name !== 'tag-key' &&
        f.name !== 'tag-value' &&
        fieldsOf(undefined as unknown as T, f.name) === undefined
      ) {
        throw new AwsError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
      }
    }
  }
  return items.filter((item) =>
    filters.every((f) => {
      const actual = resolve(item, f.name);
      if (actual === undefined)
        throw new AwsError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
      return f.values.some((p) => actual.some((a) => wildcardMatch(p, a)));
    }),
  );
}

function paginate<T>(
  items: T[],
  params: Record<string, unknown>,
  min: number,
  max: number,
): { page: T[]; nextToken?: string } {
  const maxResults = int(params, 'MaxResults', 'MaxResults');
  const token = str(params.NextToken);
  let offset = 0;
  if (token !== undefined && token !== '') {
    try {
      const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
      if (typeof decoded.o !== 'number' || decoded.o < 0) throw new Error('bad');
      offset = decoded.o;
    } catch {
      throw new AwsError(
        'InvalidPaginationToken',
        `The specified pagination token is not valid or is expired.`,
      );
    }
  }
  if (maxResults === undefined) return { page: items.slice(offset) };
  if (maxResults < min || maxResults > max) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`,
    );
  }
  const page = items.slice(offset, offset + maxResults);
  const next = offset + maxResults;
  return {
    page,
    nextToken:
      next < items.length ? Buffer.from(JSON.stringify({ o: next })).toString('base64url') : undefined,
  };
}

const tagSet = (tags: Tags | undefined): Array<{ key: string; value: string }> =>
  Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));

/** Validate tags per EC2's Tag shape: key 1–127 characters, value ≤ 256, no `aws:` prefix. */
function validateTags(tags: Array<{ key: string; value: string }>): void {
  for (const { key, value } of tags) {
    if (key.length === 0) throw new AwsError('InvalidParameterValue', 'Tag key cannot be empty');
    if ([...key].length > 127)
      throw new AwsError('InvalidParameterValue', `Tag key exceeds the maximum length of 127 characters`);
    if ([...value].length > 256)
      throw new AwsError('InvalidParameterValue', `Tag value exceeds the maximum length of 256 characters`);
    if (key.toLowerCase().startsWith('aws:')) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value ( ${key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`,
      );
    }
  }
}

function tagsParam(v: unknown): Array<{ key: string; value: string }> {
  return listParam(v).map((t) => {
    const o = (t ?? {}) as Record<string, unknown>;
    const key = str(o.Key);
    if (key === undefined) throw new AwsError('InvalidParameterValue', 'Tag key must be specified');
    return { key, value: str(o.Value) ?? '' };
  });
}

function tagSpecifications(
  params: Record<string, unknown>,
  allowed: string[],
): Record<string, Array<{ key: string; value: string }>> {
  const out: Record<string, Array<{ key: string; value: string }>> = {};
  for (const spec of listParam(params.TagSpecification)) {
    const o = (spec ?? {}) as Record<string, unknown>;
    const type = str(o.ResourceType);
    if (!type || !allowed.includes(type)) {
      throw new AwsError(
        'InvalidParameterValue',
        `'${type ?? ''}' is not a valid taggable resource type for this operation.`,
      );
    }
    const tags = tagsParam(o.Tag);
    validateTags(tags);
    if (tags.length > 50)
      throw new AwsError('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
    (out[type] ??= []).push(...tags);
  }
  return out;
}

const idPattern = (prefix: string): RegExp => new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);

function checkIdFormat(id: string, prefix: string, malformedCode: string, what: string): void {
  if (!idPattern(prefix).test(id))
    throw new AwsError(
      malformedCode,
      `Invalid id: "${id}" (expecting "${prefix}-...")${what ? ` for ${what}` : ''}`,
    );
}

/** AMI names: 3–128 characters from letters, numbers, ( ) [ ] . / - ' @ _ and space. */
const AMI_NAME = /^[A-Za-z0-9()[\]./\-'@_ ]{3,128}$/;

function validateAmiName(name: string): void {
  if (!AMI_NAME.test(name)) {
    throw new AwsError(
      'InvalidAMIName.Malformed',
      `AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'`,
    );
  }
}

function isBase64(s: string): boolean {
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}

const iso = (ms: number): string => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------

/** EC2 plus the lookups other services need (ELBv2 checks subnets, instances, groups). */
export type Ec2Service = EmulatedService & {
  subnet(subnetId: string, region: string): { availabilityZone: string; vpcId: string } | undefined;
  instance(
    instanceId: string,
    region: string,
    now: number,
  ): { state: string; vpcId?: string; availabilityZone?: string; privateIpAddress?: string } | undefined;
  securityGroup(groupId: string, region: string): { vpcId: string } | undefined;
};

export function createEc2Service(): Ec2Service {
  let state = emptyState();

  const inRegion = <T extends { region: string }>(items: Iterable<T>, region: string): T[] =>
    [...items].filter((x) => x.region === region);

  const settleImage = (img: Image, now: number): ImageStateName => settle(img.state, now);
  const settleSnapshot = (snap: Snapshot, now: number): SnapshotStateName => settle(snap.state, now);
  const settleInstance = (inst: Instance, now: number): InstanceStateName => settle(inst.state, now);

  /** Instances still visible: terminated ones vanish after DURATIONS.terminatedVisibleFor. */
  const visibleInstance = (inst: Instance, now: number): boolean => {
    const s = settleInstance(inst, now);
    return !(s === 'terminated' && now - inst.state.since > DURATIONS.terminatedVisibleFor);
  };

  const findInstance = (id: string, region: string, now: number): Instance => {
    checkIdFormat(id, 'i', 'InvalidInstanceID.Malformed', '');
    const inst = state.instances[id];
    if (!inst || inst.region !== region || !visibleInstance(inst, now)) {
      throw new AwsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    }
    return inst;
  };

  const findImage = (id: string, region: string): Image => {
    checkIdFormat(id, 'ami', 'InvalidAMIID.Malformed', '');
    const img = state.images[id];
    if (!img || img.region !== region)
      throw new AwsError('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
    return img;
  };

  const findSnapshot = (id: string, region: string): Snapshot => {
    checkIdFormat(id, 'snap', 'InvalidSnapshotID.Malformed', '');
    const snap = state.snapshots[id];
    if (!snap || snap.region !== region)
      throw new AwsError('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
    return snap;
  };

  const findSubnet = (id: string, region: string): Subnet => {
    const subnet = state.subnets.find((s) => s.subnetId === id && s.region === region);
    if (!subnet) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
    return subnet;
  };

  const findGroup = (id: string, region: string): SecurityGroup => {
    const group = state.securityGroups.find((g) => g.groupId === id && g.region === region);
    if (!group) throw new AwsError('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
    return group;
  };

  /** Check that a taggable resource exists; returns its DescribeTags resource type. */
  const resourceType = (id: string, region: string, now: number): string => {
    const prefix = id.split('-')[0];
    switch (prefix) {
      case 'i':
        findInstance(id, region, now);
        return 'instance';
      case 'ami':
        findImage(id, region);
        return 'image';
      case 'snap':
        findSnapshot(id, region);
        return 'snapshot';
      case 'subnet':
        findSubnet(id, region);
        return 'subnet';
      case 'sg':
        findGroup(id, region);
        return 'security-group';
      case 'vpc':
        if (!state.vpcs.some((v) => v.vpcId === id && v.region === region))
          throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
        return 'vpc';
      case 'vol':
        if (!Object.values(state.instances).some((i) => i.rootVolumeId === id && i.region === region)) {
          throw new AwsError('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);
        }
        return 'volume';
      default:
        throw new AwsError('InvalidID', `The ID '${id}' is not valid`);
    }
  };

  const addTags = (id: string, tags: Array<{ key: string; value: string }>): void => {
    const current = { ...(state.tags[id] ?? {}) };
    for (const { key, value } of tags) current[key] = value;
    if (Object.keys(current).length > 50)
      throw new AwsError('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
    state.tags[id] = current;
  };

  // --- renderers -----------------------------------------------------------------------

  const renderImage = (img: Image, now: number): Record<string, unknown> => {
    const s = settleImage(img, now);
    return {
      imageId: img.imageId,
      imageLocation: img.ownerAlias ? `${img.ownerAlias}/${img.name}` : `${img.ownerId}/${img.name}`,
      imageState: s,
      imageOwnerId: img.ownerId,
      creationDate: img.creationDate,
      isPublic: img.isPublic,
      architecture: img.architecture,
      imageType: 'machine',
      sriovNetSupport: 'simple',
      imageOwnerAlias: img.ownerAlias,
      name: img.name,
      description: img.description,
      rootDeviceType: 'ebs',
      rootDeviceName: img.rootDeviceName,
      blockDeviceMapping: img.blockDevices.map((b) => ({
        deviceName: b.deviceName,
        ebs: {
          snapshotId: b.snapshotId,
          volumeSize: b.volumeSize,
          deleteOnTermination: b.deleteOnTermination,
          volumeType: b.volumeType,
          encrypted: b.encrypted,
          kmsKeyId: b.kmsKeyId,
        },
      })),
      virtualizationType: 'hvm',
      tagSet: tagSet(state.tags[img.imageId]),
      hypervisor: 'xen',
      enaSupport: true,
      platformDetails: 'Linux/UNIX',
      usageOperation: 'RunInstances',
      bootMode: img.architecture === 'arm64' ? 'uefi' : 'uefi-preferred',
      imdsSupport: 'v2.0',
      stateReason: s === 'failed' ? img.stateReason : undefined,
      sourceInstanceId: img.sourceInstanceId,
      sourceImageId: img.sourceImageId,
      sourceImageRegion: img.sourceImageRegion,
    };
  };

  const renderSnapshot = (snap: Snapshot, now: number): Record<string, unknown> => {
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
  };

  const renderInstance = (inst: Instance, now: number): Record<string, unknown> => {
    const s = settleInstance(inst, now);
    const running = s === 'running' || s === 'stopping';
    const groups = inst.securityGroupIds.map((id) => ({
      groupId: id,
      groupName: state.securityGroups.find((g) => g.groupId === id)?.groupName ?? id,
    }));
    const ipDashed = inst.privateIpAddress.replace(/\./g, '-');
    const gone = s === 'terminated';
    return {
      instanceId: inst.instanceId,
      imageId: inst.imageId,
      instanceState: { code: STATE_CODES[s], name: s },
      privateDnsName: gone ? '' : `ip-${ipDashed}.ec2.internal`,
      dnsName: running ? `ec2-${ipDashed}.compute-1.amazonaws.com` : '',
      reason: inst.transitionReason,
      keyName: inst.keyName,
      amiLaunchIndex: inst.amiLaunchIndex,
      productCodes: [],
      instanceType: inst.instanceType,
      launchTime: iso(inst.launchTime),
      placement: { availabilityZone: inst.availabilityZone, groupName: '', tenancy: 'default' },
      monitoring: { state: 'disabled' },
      subnetId: gone ? undefined : inst.subnetId,
      vpcId: gone ? undefined : inst.vpcId,
      privateIpAddress: gone ? undefined : inst.privateIpAddress,
      sourceDestCheck: true,
      groupSet: gone ? [] : groups,
      stateReason:
        inst.stateReason &&
        (s === 'stopped' || s === 'stopping' || s === 'terminated' || s === 'shutting-down')
          ? inst.stateReason
          : undefined,
      architecture: inst.architecture,
      rootDeviceType: 'ebs',
      rootDeviceName: inst.rootDeviceName,
      blockDeviceMapping: gone
        ? []
        : [
            {
              deviceName: inst.rootDeviceName,
              ebs: {
                volumeId: inst.rootVolumeId,
                status: 'attached',
                attachTime: iso(inst.launchTime),
                deleteOnTermination: true,
              },
            },
          ],
      virtualizationType: 'hvm',
      clientToken: inst.clientToken ?? '',
      tagSet: tagSet(state.tags[inst.instanceId]),
      hypervisor: 'xen',
      ebsOptimized: false,
      enaSupport: true,
      platformDetails: 'Linux/UNIX',
      usageOperation: 'RunInstances',
      metadataOptions: {
        state: 'applied',
        httpTokens: 'required',
        httpPutResponseHopLimit: 2,
        httpEndpoint: 'enabled',
      },
    };
  };

  const renderReservations = (instances: Instance[], now: number): Array<Record<string, unknown>> => {
    const byReservation = new Map<string, Instance[]>();
    for (const inst of instances) {
      const list = byReservation.get(inst.reservationId) ?? [];
      list.push(inst);
      byReservation.set(inst.reservationId, list);
    }
    return [...byReservation.entries()].map(([reservationId, list]) => ({
      reservationId,
      ownerId: ACCOUNT_ID,
      groupSet: [],
      instancesSet: list.map((i) => renderInstance(i, now)),
    }));
  };

  // --- operations ------------------------------------------------------------------------

  const DescribeImages: OperationHandler = (req, ctx) => {
    const p = req.params;
    const now = ctx.clock.now();
    const ids = strList(p.ImageId);
    const owners = strList(p.Owner);
    const executableBy = strList(p.ExecutableBy);
    let images = inRegion(Object.values(state.images), req.region);
    if (ids.length > 0) {
      for (const id of ids) findImage(id, req.region);
      images = images.filter((i) => ids.includes(i.imageId));
    }
    if (owners.length > 0) {
      for (const o of owners) {
        if (!['self', 'amazon', 'aws-marketplace', 'aws-backup-vault'].includes(o) && !/^\d{12}$/.test(o)) {
          throw new AwsError('InvalidUserID.Malformed', `Invalid user id: "${o}"`);
        }
      }
      images = images.filter((i) =>
        owners.some((o) =>
          o === 'self' ? i.ownerId === ACCOUNT_ID : /^\d{12}$/.test(o) ? i.ownerId === o : i.ownerAlias === o,
        ),
      );
    }
    if (executableBy.length > 0) {
      images = images.filter((i) =>
        executableBy.some((e) =>
          e === 'all'
            ? i.isPublic
            : e === 'self' || e === ACCOUNT_ID
              ? i.isPublic || i.ownerId === ACCOUNT_ID
              : false,
        ),
      );
    }
    // Without owners or ids, AWS lists every image you may launch: yours and the public ones.
    images = images.filter((i) => i.isPublic || i.ownerId === ACCOUNT_ID);
    const filtered = applyFilters(
      images,
      filtersOf(p),
      (img, name) => {
        if (!img)
          return [
            'name',
            'state',
            'image-id',
            'owner-id',
            'owner-alias',
            'architecture',
            'creation-date',
            'source-instance-id',
            'is-public',
            'root-device-type',
            'virtualization-type',
            'description',
            'image-type',
            'platform',
            'block-device-mapping.snapshot-id',
          ].includes(name)
            ? []
            : undefined;
        switch (name) {
          case 'name':
            return [img.name];
          case 'state':
            return [settleImage(img, now)];
          case 'image-id':
            return [img.imageId];
          case 'owner-id':
            return [img.ownerId];
          case 'owner-alias':
            return img.ownerAlias ? [img.ownerAlias] : [];
          case 'architecture':
            return [img.architecture];
          case 'creation-date':
            return [img.creationDate];
          case 'source-instance-id':
            return img.sourceInstanceId ? [img.sourceInstanceId] : [];
          case 'is-public':
            return [String(img.isPublic)];
          case 'root-device-type':
            return ['ebs'];
          case 'virtualization-type':
            return ['hvm'];
          case 'description':
            return img.description ? [img.description] : [];
          case 'image-type':
            return ['machine'];
          case 'platform':
            return [];
          case 'block-device-mapping.snapshot-id':
            return img.blockDevices.map((b) => b.snapshotId);
          default:
            return undefined;
        }
      },
      (img) => state.tags[img.imageId] ?? {},
    ).sort((a, b) =>
      a.creationDate < b.creationDate
        ? -1
        : a.creationDate > b.creationDate
          ? 1
          : a.imageId < b.imageId
            ? -1
            : 1,
    );
    if (p.MaxResults !== undefined && ids.length > 0) {
      throw new AwsError(
        'InvalidParameterCombination',
        'The parameter imageIdsSet cannot be used with the parameter maxResults',
      );
    }
    const { page, nextToken } = paginate(filtered, p, 1, 1000);
    return { imagesSet: page.map((i) => renderImage(i, now)), nextToken };
  };

  const DescribeInstances: OperationHandler = (req, ctx) => {
    const p = req.params;
    const now = ctx.clock.now();
    const ids = strList(p.InstanceId);
    if (ids.length > 0 && p.MaxResults !== undefined) {
      throw new AwsError(
        'InvalidParameterCombination',
        'The parameter instancesSet cannot be used with the parameter maxResults',
      );
    }
    let instances = inRegion(Object.values(state.instances), req.region).filter((i) =>
      visibleInstance(i, now),
    );
    if (ids.length > 0) {
      const missing = ids.filter((id) => {
        checkIdFormat(id, 'i', 'InvalidInstanceID.Malformed', '');
        return !instances.some((i) => i.instanceId === id);
      });
      if (missing.length > 0) {
        throw new AwsError(
          'InvalidInstanceID.NotFound',
          `The instance ID${missing.length > 1 ? 's' : ''} '${missing.join(', ')}' do${missing.length > 1 ? '' : 'es'} not exist`,
        );
      }
      instances = instances.filter((i) => ids.includes(i.instanceId));
    }
    const filtered = applyFilters(
      instances,
      filtersOf(p),
      (inst, name) => {
        if (!inst)
          return [
            'instance-state-name',
            'instance-state-code',
            'instance-id',
            'image-id',
            'client-token',
            'subnet-id',
            'vpc-id',
            'instance-type',
            'availability-zone',
            'reservation-id',
            'key-name',
            'private-ip-address',
            'instance.group-id',
            'launch-time',
          ].includes(name)
            ? []
            : undefined;
        const s = settleInstance(inst, now);
        switch (name) {
          case 'instance-state-name':
            return [s];
          case 'instance-state-code':
            return [String(STATE_CODES[s])];
          case 'instance-id':
            return [inst.instanceId];
          case 'image-id':
            return [inst.imageId];
          case 'client-token':
            return inst.clientToken ? [inst.clientToken] : [];
          case 'subnet-id':
            return [inst.subnetId];
          case 'vpc-id':
            return [inst.vpcId];
          case 'instance-type':
            return [inst.instanceType];
          case 'availability-zone':
            return [inst.availabilityZone];
          case 'reservation-id':
            return [inst.reservationId];
          case 'key-name':
            return inst.keyName ? [inst.keyName] : [];
          case 'private-ip-address':
            return [inst.privateIpAddress];
          case 'instance.group-id':
            return inst.securityGroupIds;
          case 'launch-time':
            return [iso(inst.launchTime)];
          default:
            return undefined;
        }
      },
      (inst) => state.tags[inst.instanceId] ?? {},
    ).sort(
      (a, b) =>
        a.launchTime - b.launchTime ||
        a.amiLaunchIndex - b.amiLaunchIndex ||
        (a.instanceId < b.instanceId ? -1 : 1),
    );
    const { page, nextToken } = paginate(filtered, p, 5, 1000);
    return { reservationSet: renderReservations(page, now), nextToken };
  };

  const runFingerprint = (params: Record<string, unknown>): string => {
    const { ClientToken: _t, DryRun: _d, ...rest } = params;
    const canonical = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(canonical)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
            )
          : v;
    return JSON.stringify(canonical(rest));
  };

  const RunInstances: OperationHandler = (req, ctx) => {
    const p = req.params;
    const now = ctx.clock.now();
    const clientToken = str(p.ClientToken);
    if (clientToken !== undefined) {
      if (clientToken.length > 64 || !/^[\x20-\x7e]*$/.test(clientToken)) {
        throw new AwsError(
          'InvalidParameterValue',
          'Value for parameter clientToken is invalid: it must be at most 64 ASCII characters',
        );
      }
      const previous = state.clientTokens[`${req.region}|${clientToken}`];
      if (previous) {
        if (previous.fingerprint !== runFingerprint(p)) {
          throw new AwsError(
            'IdempotentParameterMismatch',
            `Arguments on this idempotent request are inconsistent with arguments used in previous request(s).`,
          );
        }
        const instances = Object.values(state.instances)
          .filter((i) => i.reservationId === previous.reservationId)
          .sort((a, b) => a.amiLaunchIndex - b.amiLaunchIndex);
        const [reservation] = renderReservations(instances, now);
        return (
          reservation ?? {
            reservationId: previous.reservationId,
            ownerId: ACCOUNT_ID,
            groupSet: [],
            instancesSet: [],
          }
        );
      }
    }
    const imageId = required(p, 'ImageId');
    const minCount = int(p, 'MinCount', 'MinCount');
    const maxCount = int(p, 'MaxCount', 'MaxCount');
    if (minCount === undefined)
      throw new AwsError('MissingParameter', 'The request must contain the parameter MinCount');
    if (maxCount === undefined)
      throw new AwsError('MissingParameter', 'The request must contain the parameter MaxCount');
    if (minCount < 1)
      throw new AwsError(
        'InvalidParameterValue',
        `Value (${minCount}) for parameter minCount is invalid. Expected a positive integer.`,
      );
    if (maxCount < minCount)
      throw new AwsError(
        'InvalidParameterValue',
        `Value (${maxCount}) for parameter maxCount is invalid. Expected a value greater than or equal to minCount.`,
      );
    const instanceType = str(p.InstanceType) ?? 'm1.small';
    if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(instanceType)) {
      throw new AwsError('InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`);
    }
    const image = findImage(imageId, req.region);
    const imageState = settleImage(image, now);
    if (imageState !== 'available') {
      throw new AwsError(
        'InvalidAMIID.Unavailable',
        `The image id '[${imageId}]' is not available (state: ${imageState})`,
      );
    }
    if (!(image.isPublic || image.ownerId === ACCOUNT_ID)) {
      throw new AwsError('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
    }
    // Subnet: explicit, else the default subnet of the requested / first zone in the default VPC.
    let subnet: Subnet;
    const subnetId = str(p.SubnetId);
    const placement = (p.Placement ?? {}) as Record<string, unknown>;
    const az = str(placement.AvailabilityZone);
    if (subnetId) {
      subnet = findSubnet(subnetId, req.region);
      if (az && az !== subnet.availabilityZone) {
        throw new AwsError(
          'InvalidParameterValue',
          `Value (${az}) for parameter availabilityZone is invalid. Subnet '${subnetId}' is in the availability zone ${subnet.availabilityZone}`,
        );
      }
    } else {
      const defaults = state.subnets.filter((s) => s.region === req.region && s.defaultForAz);
      const chosen = az ? defaults.find((s) => s.availabilityZone === az) : defaults[0];
      if (!chosen)
        throw new AwsError(
          'VPCIdNotSpecified',
          'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
        );
      subnet = chosen;
    }
    const groupIds = strList(p.SecurityGroupId);
    for (const name of strList(p.SecurityGroup)) {
      const g = state.securityGroups.find(
        (x) => x.groupName === name && x.vpcId === subnet.vpcId && x.region === req.region,
      );
      if (!g)
        throw new AwsError(
          'InvalidGroup.NotFound',
          `The security group '${name}' does not exist in VPC '${subnet.vpcId}'`,
        );
      groupIds.push(g.groupId);
    }
    for (const id of groupIds) {
      const g = findGroup(id, req.region);
      if (g.vpcId !== subnet.vpcId) {
        throw new AwsError(
          'InvalidParameter',
          `Security group ${id} and subnet ${subnet.subnetId} belong to different networks.`,
        );
      }
    }
    if (groupIds.length === 0) {
      const def = state.securityGroups.find((g) => g.vpcId === subnet.vpcId && g.groupName === 'default');
      if (def) groupIds.push(def.groupId);
    }
    const userData = str(p.UserData);
    if (userData !== undefined) {
      if (!isBase64(userData))
        throw new AwsError('InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
      if (Buffer.from(userData, 'base64').length > 16384) {
        throw new AwsError('InvalidParameterValue', 'User data is limited to 16384 bytes');
      }
    }
    const behaviour = str(p.InstanceInitiatedShutdownBehavior) ?? 'stop';
    if (behaviour !== 'stop' && behaviour !== 'terminate') {
      throw new AwsError(
        'InvalidParameterValue',
        `Value (${behaviour}) for parameter instanceInitiatedShutdownBehavior is invalid.`,
      );
    }
    const specs = tagSpecifications(p, ['instance', 'volume', 'network-interface', 'spot-instances-request']);
    const keyName = str(p.KeyName);
    const reservationId = ctx.ids.next('r');
    const created: Instance[] = [];
    const usedIps = new Set(
      Object.values(state.instances)
        .filter((i) => i.subnetId === subnet.subnetId)
        .map((i) => i.privateIpAddress),
    );
    const [a, b, c] = subnet.cidrBlock.split('/')[0]!.split('.');
    let host = 10;
    for (let n = 0; n < maxCount; n++) {
      let ip: string;
      do {
        ip = `${a}.${b}.${Number(c) + Math.floor(host / 250)}.${(host % 250) + 4}`;
        host++;
      } while (usedIps.has(ip));
      usedIps.add(ip);
      const inst: Instance = {
        instanceId: ctx.ids.next('i'),
        region: req.region,
        reservationId,
        imageId,
        instanceType,
        keyName,
        clientToken,
        subnetId: subnet.subnetId,
        vpcId: subnet.vpcId,
        availabilityZone: subnet.availabilityZone,
        privateIpAddress: ip,
        securityGroupIds: [...groupIds],
        launchTime: now,
        amiLaunchIndex: n,
        architecture: image.architecture,
        rootDeviceName: image.rootDeviceName,
        rootVolumeId: ctx.ids.next('vol'),
        rootVolumeSize: image.blockDevices[0]?.volumeSize ?? 8,
        userData,
        shutdownBehavior: behaviour,
        state: timeline<InstanceStateName>(now, 'pending', [[DURATIONS.instancePendingToRunning, 'running']]),
        transitionReason: '',
      };
      // A builder (bake-image's protocol) powers itself off when its script ends. Not on a
      // dry run, which must not consume a `builder-fails` firing.
      const builder = bool(p.DryRun)
        ? undefined
        : planBuilder({
            userData,
            launchTime: now,
            fails: (match) =>
              ctx.faults.active('builder-fails', { ...match, instanceId: inst.instanceId, imageId }),
          });
      if (builder) {
        inst.builder = builder;
        inst.state = timeline<InstanceStateName>(now, 'pending', builderStateSteps(builder, now, behaviour));
        inst.stateReason = INSTANCE_INITIATED_SHUTDOWN;
      }
      state.instances[inst.instanceId] = inst;
      if (specs.instance) addTags(inst.instanceId, specs.instance);
      if (specs.volume) addTags(inst.rootVolumeId, specs.volume);
      created.push(inst);
    }
    if (clientToken !== undefined)
      state.clientTokens[`${req.region}|${clientToken}`] = { reservationId, fingerprint: runFingerprint(p) };
    return {
      reservationId,
      ownerId: ACCOUNT_ID,
      groupSet: [],
      instancesSet: created.map((i) => renderInstance(i, now)),
    };
  };

  const changeStates = (
    req: SandboxRequest,
    ctx: ServiceContext,
    apply: (inst: Instance, current: InstanceStateName, now: number) => void,
  ): Record<string, unknown> => {
    const now = ctx.clock.now();
    const ids = strList(req.params.InstanceId);
    if (ids.length === 0)
      throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceId');
    const instances = ids.map((id) => findInstance(id, req.region, now));
    const results = instances.map((inst) => {
      const previous = settleInstance(inst, now);
      apply(inst, previous, now);
      const current = settleInstance(inst, now);
      return {
        instanceId: inst.instanceId,
        currentState: { code: STATE_CODES[current], name: current },
        previousState: { code: STATE_CODES[previous], name: previous },
      };
    });
    return { instancesSet: results };
  };

  const gmt = (now: number): string =>
    new Date(now)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' GMT');

  /** A builder stopped or terminated from outside prints nothing more. */
  const interruptBuilder = (inst: Instance, now: number): void => {
    if (inst.builder && inst.builder.interruptedAt === undefined && now < inst.builder.powerOffAt)
      inst.builder.interruptedAt = now;
  };

  const TerminateInstances: OperationHandler = (req, ctx) =>
    changeStates(req, ctx, (inst, current, now) => {
      if (current === 'terminated' || current === 'shutting-down') return;
      interruptBuilder(inst, now);
      transition(inst.state, now, 'shutting-down', [
        [DURATIONS.instanceShuttingDownToTerminated, 'terminated'],
      ]);
      inst.stateReason = {
        code: 'Client.UserInitiatedShutdown',
        message: 'Client.UserInitiatedShutdown: User initiated shutdown',
      };
      inst.transitionReason = `User initiated (${gmt(now)})`;
    });

  const StopInstances: OperationHandler = (req, ctx) => {
    const now = ctx.clock.now();
    // Validate every instance first, so nothing changes when one of them cannot stop.
    for (const id of strList(req.params.InstanceId)) {
      const inst = findInstance(id, req.region, now);
      const s = settleInstance(inst, now);
      if (s === 'pending' || s === 'shutting-down' || s === 'terminated') {
        throw new AwsError(
          'IncorrectInstanceState',
          `This instance '${id}' is not in a state from which it can be stopped.`,
        );
      }
    }
    return changeStates(req, ctx, (inst, current, t) => {
      if (current !== 'running') return;
      interruptBuilder(inst, t);
      transition(inst.state, t, 'stopping', [[DURATIONS.instanceStoppingToStopped, 'stopped']]);
      inst.stateReason = {
        code: 'Client.UserInitiatedShutdown',
        message: 'Client.UserInitiatedShutdown: User initiated shutdown',
      };
      inst.transitionReason = `User initiated (${gmt(t)})`;
    });
  };

  const GetConsoleOutput: OperationHandler = (req, ctx) => {
    const now = ctx.clock.now();
    const inst = findInstance(required(req.params, 'InstanceId'), req.region, now);
    const s = settleInstance(inst, now);
    const bootedAt = inst.launchTime + DURATIONS.instancePendingToRunning;
    if (s === 'pending' || now < bootedAt) return { instanceId: inst.instanceId, timestamp: iso(now) };
    const image = state.images[inst.imageId];
    const lines = [
      `[    0.000000] Linux version 6.1.0 (sandbox) #1 SMP`,
      `[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz root=LABEL=/ console=ttyS0`,
      `Booting ${image?.name ?? inst.imageId} on ${inst.instanceType} (${inst.instanceId})`,
      `cloud-init[1024]: Cloud-init v. 22.2.2 running 'modules:final' at ${new Date(bootedAt).toUTCString()}.`,
      ...(inst.builder
        ? builderConsoleLines(inst.builder, `ip-${inst.privateIpAddress.replace(/\./g, '-')}`, now)
        : [
            inst.userData
              ? `cloud-init[1024]: user-data script (${Buffer.from(inst.userData, 'base64').length} bytes) executed`
              : `cloud-init[1024]: no user-data`,
            `cloud-init[1024]: Cloud-init v. 22.2.2 finished at ${new Date(bootedAt).toUTCString()}. Datasource DataSourceEc2.`,
          ]),
    ];
    if (s === 'stopping' || s === 'stopped' || s === 'shutting-down' || s === 'terminated')
      lines.push('reboot: Power down');
    return {
      instanceId: inst.instanceId,
      timestamp: iso(now),
      output: Buffer.from(lines.join('\n') + '\n').toString('base64'),
    };
  };

  const assertUniqueName = (name: string, region: string): void => {
    const clash = Object.values(state.images).find(
      (i) => i.region === region && i.ownerId === ACCOUNT_ID && i.name === name,
    );
    if (clash)
      throw new AwsError(
        'InvalidAMIName.Duplicate',
        `AMI name ${name} is already in use by AMI ${clash.imageId}`,
      );
  };

  /** Register a new own image with snapshots of `devices`; it becomes available (or failed,
   *  when the `image-fails` behaviour is active) after DURATIONS.imagePendingToAvailable. */
  const registerImage = (
    ctx: ServiceContext,
    region: string,
    fields: Omit<
      Image,
      'imageId' | 'region' | 'ownerId' | 'isPublic' | 'creationDate' | 'blockDevices' | 'state'
    >,
    devices: Array<{
      deviceName: string;
      volumeSize: number;
      volumeId: string;
      encrypted: boolean;
      kmsKeyId?: string | undefined;
      description: (imageId: string) => string;
    }>,
    tags: Record<string, Array<{ key: string; value: string }>>,
    match: Record<string, string>,
  ): Image => {
    const now = ctx.clock.now();
    const imageId = ctx.ids.next('ami');
    const fails = ctx.faults.active('image-fails', { ...match, name: fields.name, imageId });
    const blockDevices: BlockDevice[] = devices.map((d) => {
      const snapshotId = ctx.ids.next('snap');
      const snap: Snapshot = {
        snapshotId,
        region,
        ownerId: ACCOUNT_ID,
        volumeId: d.volumeId,
        volumeSize: d.volumeSize,
        description: d.description(imageId),
        startTime: now,
        encrypted: d.encrypted,
        ...(d.kmsKeyId ? { kmsKeyId: d.kmsKeyId } : {}),
        state: timeline<SnapshotStateName>(now, 'pending', [
          [DURATIONS.snapshotPendingToCompleted, fails ? 'error' : 'completed'],
        ]),
      };
      state.snapshots[snapshotId] = snap;
      if (tags.snapshot) addTags(snapshotId, tags.snapshot);
      return {
        deviceName: d.deviceName,
        snapshotId,
        volumeSize: d.volumeSize,
        volumeType: 'gp3',
        deleteOnTermination: true,
        encrypted: d.encrypted,
        ...(d.kmsKeyId ? { kmsKeyId: d.kmsKeyId } : {}),
      };
    });
    const image: Image = {
      ...fields,
      imageId,
      region,
      ownerId: ACCOUNT_ID,
      isPublic: false,
      creationDate: iso(now),
      blockDevices,
      state: timeline<ImageStateName>(now, 'pending', [
        [DURATIONS.imagePendingToAvailable, fails ? 'failed' : 'available'],
      ]),
      stateReason: fails
        ? {
            code: 'Client.InternalError',
            message: 'Client.InternalError: Image creation failed (injected fault image-fails)',
          }
        : undefined,
    };
    state.images[imageId] = image;
    if (tags.image) addTags(imageId, tags.image);
    return image;
  };

  const CreateImage: OperationHandler = (req, ctx) => {
    const p = req.params;
    const now = ctx.clock.now();
    const instanceId = required(p, 'InstanceId');
    const name = required(p, 'Name');
    const inst = findInstance(instanceId, req.region, now);
    validateAmiName(name);
    const s = settleInstance(inst, now);
    if (s !== 'running' && s !== 'stopped') {
      throw new AwsError(
        'IncorrectInstanceState',
        `Instance '${instanceId}' is not in a state from which it can be imaged (state: ${s}).`,
      );
    }
    assertUniqueName(name, req.region);
    const description = str(p.Description);
    if (description !== undefined && description.length > 255) {
      throw new AwsError('InvalidParameterValue', 'AMI descriptions must be at most 255 characters');
    }
    const tags = tagSpecifications(p, ['image', 'snapshot']);
    const source = state.images[inst.imageId];
    const image = registerImage(
      ctx,
      req.region,
      {
        name,
        description,
        architecture: inst.architecture,
        rootDeviceName: inst.rootDeviceName,
        sourceInstanceId: inst.instanceId,
      },
      [
        {
          deviceName: inst.rootDeviceName,
          volumeSize: inst.rootVolumeSize,
          volumeId: inst.rootVolumeId,
          encrypted: source?.blockDevices[0]?.encrypted ?? false,
          kmsKeyId: source?.blockDevices[0]?.kmsKeyId,
          description: (imageId) => `Created by CreateImage(${inst.instanceId}) for ${imageId}`,
        },
      ],
      tags,
      { instanceId: inst.instanceId },
    );
    return { imageId: image.imageId };
  };

  const CopyImage: OperationHandler = (req, ctx) => {
    const p = req.params;
    const now = ctx.clock.now();
    const sourceImageId = required(p, 'SourceImageId');
    const sourceRegion = required(p, 'SourceRegion');
    const name = required(p, 'Name');
    const clientToken = str(p.ClientToken);
    const fingerprint = runFingerprint(p);
    if (clientToken) {
      const previous = state.copyTokens[`${req.region}|${clientToken}`];
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw new AwsError(
            'IdempotentParameterMismatch',
            'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
          );
        }
        return { imageId: previous.imageId };
      }
    }
    const source = findImage(sourceImageId, sourceRegion);
    if (!(source.isPublic || source.ownerId === ACCOUNT_ID))
      throw new AwsError('InvalidAMIID.NotFound', `The image id '[${sourceImageId}]' does not exist`);
    const s = settleImage(source, now);
    if (s !== 'available')
      throw new AwsError(
        'IncorrectState',
        `The image '${sourceImageId}' is not in a state from which it can be copied (state: ${s}).`,
      );
    validateAmiName(name);
    assertUniqueName(name, req.region);
    const tags = tagSpecifications(p, ['image', 'snapshot']);
    if (bool(p.CopyImageTags)) {
      const copied = tagSet(state.tags[source.imageId]).map(({ key, value }) => ({ key, value }));
      tags.image = [...copied, ...(tags.image ?? [])];
    }
    const encrypted = bool(p.Encrypted);
    const kmsKeyId = str(p.KmsKeyId);
    if (kmsKeyId !== undefined && !encrypted) {
      throw new AwsError(
        'InvalidParameterCombination',
        'The parameter KmsKeyId requires the parameter Encrypted to be set.',
      );
    }
    const image = registerImage(
      ctx,
      req.region,
      {
        name,
        description: str(p.Description) ?? source.description,
        architecture: source.architecture,
        rootDeviceName: source.rootDeviceName,
        sourceImageId: source.imageId,
        sourceImageRegion: sourceRegion,
      },
      source.blockDevices.map((b) => ({
        deviceName: b.deviceName,
        volumeSize: b.volumeSize,
        volumeId: 'vol-ffffffff',
        encrypted: encrypted || b.encrypted,
        // Another key re-encrypts; without one, a copy in the same region keeps its key.
        kmsKeyId: kmsKeyId ?? (sourceRegion === req.region ? b.kmsKeyId : undefined),
        description: (imageId) =>
          `Copied for DestinationAmi ${imageId} from SourceAmi ${source.imageId} for SourceSnapshot ${b.snapshotId}. Task created on ${now}.`,
      })),
      tags,
      { sourceImageId: source.imageId, region: req.region },
    );
    if (clientToken)
      state.copyTokens[`${req.region}|${clientToken}`] = { imageId: image.imageId, fingerprint };
    return { imageId: image.imageId };
  };

  const DeregisterImage: OperationHandler = (req) => {
    const imageId = required(req.params, 'ImageId');
    const image = findImage(imageId, req.region);
    if (image.ownerId !== ACCOUNT_ID)
      throw new AwsError(
        'UnauthorizedOperation',
        `You are not authorized to deregister image ${imageId}.`,
        403,
      );
    delete state.images[imageId];
    delete state.tags[imageId];
    const results: Array<{ snapshotId: string; returnCode: string }> = [];
    if (bool(req.params.DeleteAssociatedSnapshots)) {
      for (const b of image.blockDevices) {
        const stillUsed = Object.values(state.images).some((i) =>
          i.blockDevices.some((d) => d.snapshotId === b.snapshotId),
        );
        if (stillUsed) {
          results.push({ snapshotId: b.snapshotId, returnCode: 'error-generic' });
        } else if (state.snapshots[b.snapshotId]) {
          delete state.snapshots[b.snapshotId];
          delete state.tags[b.snapshotId];
          results.push({ snapshotId: b.snapshotId, returnCode: 'success' });
        }
      }
    }
    return { return: true, deleteSnapshotResultSet: results.length > 0 ? results : undefined };
  };

  const DescribeSnapshots: OperationHandler = (req, ctx) => {
    const p = req.params;
    const now = ctx.clock.now();
    const ids = strList(p.SnapshotId);
    const owners = strList(p.Owner);
    let snaps = inRegion(Object.values(state.snapshots), req.region);
    if (ids.length > 0) {
      for (const id of ids) findSnapshot(id, req.region);
      snaps = snaps.filter((s) => ids.includes(s.snapshotId));
    }
    if (owners.length > 0) {
      snaps = snaps.filter((s) =>
        owners.some((o) =>
          o === 'self' ? s.ownerId === ACCOUNT_ID : /^\d{12}$/.test(o) ? s.ownerId === o : s.ownerAlias === o,
        ),
      );
    }
    const filtered = applyFilters(
      snaps,
      filtersOf(p),
      (snap, name) => {
        if (!snap)
          return [
            'snapshot-id',
            'status',
            'owner-id',
            'owner-alias',
            'volume-id',
            'description',
            'volume-size',
            'encrypted',
            'start-time',
          ].includes(name)
            ? []
            : undefined;
        switch (name) {
          case 'snapshot-id':
            return [snap.snapshotId];
          case 'status':
            return [settleSnapshot(snap, now)];
          case 'owner-id':
            return [snap.ownerId];
          case 'owner-alias':
            return snap.ownerAlias ? [snap.ownerAlias] : [];
          case 'volume-id':
            return [snap.volumeId];
          case 'description':
            return [snap.description];
          case 'volume-size':
            return [String(snap.volumeSize)];
          case 'encrypted':
            return [String(snap.encrypted)];
          case 'start-time':
            return [iso(snap.startTime)];
          default:
            return undefined;
        }
      },
      (snap) => state.tags[snap.snapshotId] ?? {},
    ).sort((a, b) => a.startTime - b.startTime || (a.snapshotId < b.snapshotId ? -1 : 1));
    const { page, nextToken } = paginate(filtered, p, 5, 1000);
    return { snapshotSet: page.map((s) => renderSnapshot(s, now)), nextToken };
  };

  const DeleteSnapshot: OperationHandler = (req) => {
    const id = required(req.params, 'SnapshotId');
    const snap = findSnapshot(id, req.region);
    if (snap.ownerId !== ACCOUNT_ID)
      throw new AwsError('UnauthorizedOperation', `You are not authorized to delete snapshot ${id}.`, 403);
    const user = Object.values(state.images).find((i) => i.blockDevices.some((b) => b.snapshotId === id));
    if (user)
      throw new AwsError(
        'InvalidSnapshot.InUse',
        `The snapshot ${id} is currently in use by ${user.imageId}`,
      );
    delete state.snapshots[id];
    delete state.tags[id];
    return { return: true };
  };

  const CreateTags: OperationHandler = (req, ctx) => {
    const now = ctx.clock.now();
    const resources = strList(req.params.ResourceId);
    if (resources.length === 0)
      throw new AwsError('MissingParameter', 'The request must contain the parameter resourceIdSet');
    const tags = tagsParam(req.params.Tag);
    if (tags.length === 0)
      throw new AwsError('MissingParameter', 'The request must contain the parameter tagSet');
    validateTags(tags);
    for (const id of resources) {
      resourceType(id, req.region, now);
      const merged = { ...(state.tags[id] ?? {}) };
      for (const { key, value } of tags) merged[key] = value;
      if (Object.keys(merged).length > 50)
        throw new AwsError('TagLimitExceeded', `The maximum number of Tags for a resource has been reached.`);
    }
    for (const id of resources) addTags(id, tags);
    return { return: true };
  };

  const DeleteTags: OperationHandler = (req, ctx) => {
    const now = ctx.clock.now();
    const resources = strList(req.params.ResourceId);
    if (resources.length === 0)
      throw new AwsError('MissingParameter', 'The request must contain the parameter resourceIdSet');
    const tags = listParam(req.params.Tag).map((t) => {
      const o = (t ?? {}) as Record<string, unknown>;
      return { key: str(o.Key) ?? '', value: str(o.Value) };
    });
    for (const id of resources) resourceType(id, req.region, now);
    for (const id of resources) {
      const current = state.tags[id];
      if (!current) continue;
      if (tags.length === 0) {
        delete state.tags[id];
        continue;
      }
      for (const { key, value } of tags) {
        // With a value, only delete when the value matches (an empty value matches '').
        if (key in current && (value === undefined || current[key] === value)) delete current[key];
      }
    }
    return { return: true };
  };

  const DescribeTags: OperationHandler = (req, ctx) => {
    const now = ctx.clock.now();
    const rows: Array<{ resourceId: string; resourceType: string; key: string; value: string }> = [];
    for (const [id, tags] of Object.entries(state.tags)) {
      let type: string;
      try {
        type = resourceType(id, req.region, now);
      } catch {
        continue; // not in this region, or gone
      }
      for (const [key, value] of Object.entries(tags))
        rows.push({ resourceId: id, resourceType: type, key, value });
    }
    const filtered = applyFilters(
      rows,
      filtersOf(req.params),
      (row, name) => {
        if (!row) return ['resource-id', 'resource-type', 'key', 'value'].includes(name) ? [] : undefined;
        switch (name) {
          case 'resource-id':
            return [row.resourceId];
          case 'resource-type':
            return [row.resourceType];
          case 'key':
            return [row.key];
          case 'value':
            return [row.value];
          default:
            return undefined;
        }
      },
      (row) => ({ [row.key]: row.value }),
    ).sort((a, b) => (a.resourceId + a.key < b.resourceId + b.key ? -1 : 1));
    const { page, nextToken } = paginate(filtered, req.params, 5, 1000);
    return { tagSet: page, nextToken };
  };

  const DescribeSubnets: OperationHandler = (req) => {
    const ids = strList(req.params.SubnetId);
    let subnets = inRegion(state.subnets, req.region);
    if (ids.length > 0) {
      for (const id of ids) findSubnet(id, req.region);
      subnets = subnets.filter((s) => ids.includes(s.subnetId));
    }
    const filtered = applyFilters(
      subnets,
      filtersOf(req.params),
      (s, name) => {
        if (!s)
          return [
            'subnet-id',
            'vpc-id',
            'availability-zone',
            'availability-zone-id',
            'cidr-block',
            'default-for-az',
            'state',
          ].includes(name)
            ? []
            : undefined;
        switch (name) {
          case 'subnet-id':
            return [s.subnetId];
          case 'vpc-id':
            return [s.vpcId];
          case 'availability-zone':
            return [s.availabilityZone];
          case 'availability-zone-id':
            return [s.zoneId];
          case 'cidr-block':
            return [s.cidrBlock];
          case 'default-for-az':
            return [String(s.defaultForAz)];
          case 'state':
            return ['available'];
          default:
            return undefined;
        }
      },
      (s) => state.tags[s.subnetId] ?? {},
    );
    return {
      subnetSet: filtered.map((s) => ({
        subnetId: s.subnetId,
        subnetArn: `arn:aws:ec2:${s.region}:${ACCOUNT_ID}:subnet/${s.subnetId}`,
        state: 'available',
        vpcId: s.vpcId,
        ownerId: ACCOUNT_ID,
        cidrBlock: s.cidrBlock,
        availableIpAddressCount: 4091,
        availabilityZone: s.availabilityZone,
        availabilityZoneId: s.zoneId,
        defaultForAz: s.defaultForAz,
        mapPublicIpOnLaunch: s.defaultForAz,
        assignIpv6AddressOnCreation: false,
        tagSet: tagSet(state.tags[s.subnetId]),
      })),
    };
  };

  const DescribeSecurityGroups: OperationHandler = (req) => {
    const ids = strList(req.params.GroupId);
    const names = strList(req.params.GroupName);
    let groups = inRegion(state.securityGroups, req.region);
    if (ids.length > 0) {
      for (const id of ids) findGroup(id, req.region);
      groups = groups.filter((g) => ids.includes(g.groupId));
    }
    if (names.length > 0) {
      for (const n of names) {
        if (!groups.some((g) => g.groupName === n))
          throw new AwsError(
            'InvalidGroup.NotFound',
            `The security group '${n}' does not exist in default VPC`,
          );
      }
      groups = groups.filter((g) => names.includes(g.groupName));
    }
    const filtered = applyFilters(
      groups,
      filtersOf(req.params),
      (g, name) => {
        if (!g)
          return ['group-id', 'group-name', 'vpc-id', 'description', 'owner-id'].includes(name)
            ? []
            : undefined;
        switch (name) {
          case 'group-id':
            return [g.groupId];
          case 'group-name':
            return [g.groupName];
          case 'vpc-id':
            return [g.vpcId];
          case 'description':
            return [g.description];
          case 'owner-id':
            return [ACCOUNT_ID];
          default:
            return undefined;
        }
      },
      (g) => state.tags[g.groupId] ?? {},
    );
    return {
      securityGroupInfo: filtered.map((g) => ({
        ownerId: ACCOUNT_ID,
        groupId: g.groupId,
        groupName: g.groupName,
        groupDescription: g.description,
        vpcId: g.vpcId,
        securityGroupArn: `arn:aws:ec2:${g.region}:${ACCOUNT_ID}:security-group/${g.groupId}`,
        ipPermissions: [],
        ipPermissionsEgress: [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }],
        tagSet: tagSet(state.tags[g.groupId]),
      })),
    };
  };

  const DescribeVpcs: OperationHandler = (req) => {
    const ids = strList(req.params.VpcId);
    let vpcs = inRegion(state.vpcs, req.region);
    if (ids.length > 0) {
      for (const id of ids) {
        if (!vpcs.some((v) => v.vpcId === id))
          throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
      }
      vpcs = vpcs.filter((v) => ids.includes(v.vpcId));
    }
    const filtered = applyFilters(
      vpcs,
      filtersOf(req.params),
      (v, name) => {
        if (!v)
          return ['vpc-id', 'is-default', 'cidr', 'cidr-block', 'state', 'owner-id'].includes(name)
            ? []
            : undefined;
        switch (name) {
          case 'vpc-id':
            return [v.vpcId];
          case 'is-default':
            return [String(v.isDefault)];
          case 'cidr':
          case 'cidr-block':
            return [v.cidrBlock];
          case 'state':
            return ['available'];
          case 'owner-id':
            return [ACCOUNT_ID];
          default:
            return undefined;
        }
      },
      (v) => state.tags[v.vpcId] ?? {},
    );
    return {
      vpcSet: filtered.map((v) => ({
        vpcId: v.vpcId,
        ownerId: ACCOUNT_ID,
        state: 'available',
        cidrBlock: v.cidrBlock,
        cidrBlockAssociationSet: [
          {
            associationId: `vpc-cidr-assoc-${v.vpcId.slice(4)}`,
            cidrBlock: v.cidrBlock,
            cidrBlockState: { state: 'associated' },
          },
        ],
        dhcpOptionsId: 'dopt-0a1b2c3d',
        instanceTenancy: 'default',
        isDefault: v.isDefault,
        tagSet: tagSet(state.tags[v.vpcId]),
      })),
    };
  };

  const DescribeAvailabilityZones: OperationHandler = (req) => {
    const names = strList(req.params.ZoneName);
    const zones = ['a', 'b', 'c', 'd', 'e', 'f'].map((suffix, i) => ({
      zoneName: `${req.region}${suffix}`,
      zoneId:
        state.subnets.find((s) => s.availabilityZone === `${req.region}${suffix}`)?.zoneId ??
        `${req.region.replace(/-/g, '').slice(0, 4)}-az${i + 1}`,
      regionName: req.region,
    }));
    let selected = zones;
    if (names.length > 0) {
      for (const n of names) {
        if (!zones.some((z) => z.zoneName === n))
          throw new AwsError('InvalidParameterValue', `Invalid availability zone: [${n}]`);
      }
      selected = zones.filter((z) => names.includes(z.zoneName));
    }
    const filtered = applyFilters(
      selected,
      filtersOf(req.params),
      (z, name) => {
        if (!z)
          return ['zone-name', 'zone-id', 'region-name', 'state', 'zone-type', 'opt-in-status'].includes(name)
            ? []
            : undefined;
        switch (name) {
          case 'zone-name':
            return [z.zoneName];
          case 'zone-id':
            return [z.zoneId];
          case 'region-name':
            return [z.regionName];
          case 'state':
            return ['available'];
          case 'zone-type':
            return ['availability-zone'];
          case 'opt-in-status':
            return ['opt-in-not-required'];
          default:
            return undefined;
        }
      },
      () => ({}),
    );
    return {
      availabilityZoneInfo: filtered.map((z) => ({
        zoneName: z.zoneName,
        zoneId: z.zoneId,
        zoneState: 'available',
        regionName: z.regionName,
        groupName: z.regionName,
        networkBorderGroup: z.regionName,
        optInStatus: 'opt-in-not-required',
        zoneType: 'availability-zone',
        messageSet: [],
      })),
    };
  };

  /** DryRun=true: AWS answers DryRunOperation (412) when the call would have succeeded. We
   *  run the operation against a copy of the state, so validation errors still surface. */
  const withDryRun =
    (handler: OperationHandler): OperationHandler =>
    async (req, ctx) => {
      if (!bool(req.params.DryRun)) return handler(req, ctx);
      const saved = state;
      state = structuredClone(state);
      try {
        await handler(req, ctx);
      } finally {
        state = saved;
      }
      throw new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    };

  const operations: Record<string, OperationHandler> = Object.fromEntries(
    Object.entries({
      DescribeImages,
      DescribeInstances,
      RunInstances,
      TerminateInstances,
      StopInstances,
      GetConsoleOutput,
      CreateImage,
      CopyImage,
      DeregisterImage,
      DescribeSnapshots,
      DeleteSnapshot,
      CreateTags,
      DeleteTags,
      DescribeTags,
      DescribeSubnets,
      DescribeSecurityGroups,
      DescribeVpcs,
      DescribeAvailabilityZones,
    }).map(([name, handler]) => [name, withDryRun(handler)]),
  );

  return {
    subnet(subnetId, region) {
      const s = state.subnets.find((x) => x.subnetId === subnetId && x.region === region);
      return s ? { availabilityZone: s.availabilityZone, vpcId: s.vpcId } : undefined;
    },
    instance(instanceId, region, now) {
      const i = state.instances[instanceId];
      if (!i || i.region !== region || !visibleInstance(i, now)) return undefined;
      return {
        state: settleInstance(i, now),
        vpcId: i.vpcId,
        availabilityZone: i.availabilityZone,
        privateIpAddress: i.privateIpAddress,
      };
    },
    securityGroup(groupId, region) {
      const g = state.securityGroups.find((x) => x.groupId === groupId && x.region === region);
      return g ? { vpcId: g.vpcId } : undefined;
    },
    name: 'ec2',
    protocol: 'ec2',
    namespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
    operations,
    inventory(ctx) {
      const now = ctx.clock.now();
      const items: Array<{ kind: string; id: string; state?: string; tags: Record<string, string> }> = [];
      for (const i of Object.values(state.instances)) {
        if (visibleInstance(i, now))
          items.push({
            kind: 'instance',
            id: i.instanceId,
            state: settleInstance(i, now),
            tags: { ...(state.tags[i.instanceId] ?? {}) },
          });
      }
      for (const img of Object.values(state.images)) {
        if (img.ownerId === ACCOUNT_ID)
          items.push({
            kind: 'image',
            id: img.imageId,
            state: settleImage(img, now),
            tags: { ...(state.tags[img.imageId] ?? {}) },
          });
      }
      for (const s of Object.values(state.snapshots)) {
        if (s.ownerId === ACCOUNT_ID)
          items.push({
            kind: 'snapshot',
            id: s.snapshotId,
            state: settleSnapshot(s, now),
            tags: { ...(state.tags[s.snapshotId] ?? {}) },
          });
      }
      for (const v of state.vpcs)
        items.push({
          kind: 'vpc',
          id: v.vpcId,
          state: 'available',
          tags: { ...(state.tags[v.vpcId] ?? {}) },
        });
      for (const s of state.subnets)
        items.push({
          kind: 'subnet',
          id: s.subnetId,
          state: 'available',
          tags: { ...(state.tags[s.subnetId] ?? {}) },
        });
      for (const g of state.securityGroups)
        items.push({ kind: 'security-group', id: g.groupId, tags: { ...(state.tags[g.groupId] ?? {}) } });
      return items;
    },
    snapshotState: () => structuredClone(state),
    restoreState(saved) {
      state = { ...emptyState(), ...(structuredClone(saved) as Ec2State) };
    },
    reset() {
      state = emptyState();
    },
    seed(ctx) {
      const region = ctx.region ?? REGION;
      const now = ctx.clock.now();
      state.vpcs.push({ vpcId: SEED.vpc.vpcId, region, cidrBlock: SEED.vpc.cidrBlock, isDefault: true });
      state.tags[SEED.vpc.vpcId] = { Name: 'sandbox-default' };
      for (const s of SEED.subnets) {
        state.subnets.push({ ...s, region, vpcId: SEED.vpc.vpcId, defaultForAz: true });
        state.tags[s.subnetId] = { Name: `sandbox-${s.availabilityZone}` };
      }
      state.securityGroups.push({ ...SEED.securityGroup, region, vpcId: SEED.vpc.vpcId });
      for (const img of SEED.images) {
        const created = Date.parse(img.creationDate);
        state.snapshots[img.snapshotId] = {
          snapshotId: img.snapshotId,
          region,
          ownerId: img.ownerId,
          ownerAlias: img.ownerAlias,
          volumeId: 'vol-ffffffff',
          volumeSize: img.volumeSize,
          description: img.description,
          startTime: created,
          encrypted: false,
          state: timeline<SnapshotStateName>(created, 'completed'),
        };
        state.images[img.imageId] = {
          imageId: img.imageId,
          region,
          name: img.name,
          description: img.description,
          ownerId: img.ownerId,
          ownerAlias: img.ownerAlias ?? (img.ownerId === AMAZON_OWNER_ID ? 'amazon' : undefined),
          isPublic: true,
          creationDate: img.creationDate,
          architecture: img.architecture,
          rootDeviceName: img.rootDeviceName,
          blockDevices: [
            {
              deviceName: img.rootDeviceName,
              snapshotId: img.snapshotId,
              volumeSize: img.volumeSize,
              volumeType: 'gp3',
              deleteOnTermination: true,
              encrypted: false,
            },
          ],
          state: timeline<ImageStateName>(Math.min(created, now), 'available'),
        };
      }
    },
  };
}
