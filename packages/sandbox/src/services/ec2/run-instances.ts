// RunInstances: validation in AWS's order, placement (subnet, security groups, private
// IPs), ClientToken idempotency, and bake-image builders (see builder.ts, builder-exec/).
import type { BuilderHost } from '../../builder-exec/host.js';
import { DURATIONS } from '../../durations.js';
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { timeline } from '../../timeline.js';
import { missingParameter, required, str, type Params } from '../common/params.js';
import type { Tag } from '../common/tags.js';
import { fingerprint, replayed, tokenKey } from './idempotency.js';
import { renderInstance, renderReservations } from './instances.js';
import { flag, int, isBase64, strList, tagSpecifications } from './params.js';
import {
  findGroup,
  findSubnet,
  settleImage,
  type Ec2Result,
  type Ec2State,
  type Image,
  type Instance,
  type InstanceStateName,
  type Subnet,
} from './state.js';
import { addTags } from './tags.js';
import { ebsKeyUse } from '../kms/use.js';
import { visibleImage } from './sharing.js';

/** The reservation an earlier call with the same ClientToken made. */
function replayReservation(state: Ec2State, reservationId: string, now: number, ownerId: string): Ec2Result {
  const instances = Object.values(state.instances)
    .filter((i) => i.reservationId === reservationId)
    .sort((a, b) => a.amiLaunchIndex - b.amiLaunchIndex);
  const [reservation] = renderReservations(state, instances, now, ownerId);
  return reservation ?? { reservationId, ownerId, groupSet: [], instancesSet: [] };
}

/** MaxCount, after checking MinCount and MaxCount. */
function instanceCount(p: Params): number {
  const minCount = int(p, 'MinCount', 'MinCount');
  const maxCount = int(p, 'MaxCount', 'MaxCount');
  if (minCount === undefined) throw missingParameter('MinCount');
  if (maxCount === undefined) throw missingParameter('MaxCount');
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
  return maxCount;
}

/** The image to launch: available, and one we may launch (own, public or shared with us). */
function launchableImage(
  state: Ec2State,
  ctx: ServiceContext,
  imageId: string,
  region: string,
  now: number,
): Image {
  const image = visibleImage(state, ctx, imageId, region);
  const imageState = settleImage(image, now);
  if (imageState !== 'available') {
    throw new AwsError(
      'InvalidAMIID.Unavailable',
      `The image id '[${imageId}]' is not available (state: ${imageState})`,
    );
  }
  return image;
}

/** Subnet: explicit, else the default subnet of the requested / first zone in the default VPC. */
function chooseSubnet(state: Ec2State, p: Params, region: string): Subnet {
  const subnetId = str(p.SubnetId);
  const placement = (p.Placement ?? {}) as Params;
  const az = str(placement.AvailabilityZone);
  if (subnetId) {
    const subnet = findSubnet(state, subnetId, region);
    if (az && az !== subnet.availabilityZone) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value (${az}) for parameter availabilityZone is invalid. Subnet '${subnetId}' is in the availability zone ${subnet.availabilityZone}`,
      );
    }
    return subnet;
  }
  const defaults = state.subnets.filter((s) => s.region === region && s.defaultForAz);
  const chosen = az ? defaults.find((s) => s.availabilityZone === az) : defaults[0];
  if (!chosen)
    throw new AwsError(
      'VPCIdNotSpecified',
      'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
    );
  return chosen;
}

/** The `no-capacity` fault (faults.ts): the zone has no capacity for the instance type.
 *  AWS's InsufficientInstanceCapacity names the type, the zone and the zones to try
 *  instead (EC2 API reference, "Error codes"; the message as AWS words it). */
function checkCapacity(state: Ec2State, ctx: ServiceContext, subnet: Subnet, instanceType: string): void {
  const az = subnet.availabilityZone;
  if (!ctx.faults.active('no-capacity', { availabilityZone: az, instanceType })) return;
  const others = [
    ...new Set(state.subnets.filter((s) => s.region === subnet.region).map((s) => s.availabilityZone)),
  ]
    .filter((z) => z !== az)
    .sort();
  throw new AwsError(
    'InsufficientInstanceCapacity',
    `We currently do not have sufficient ${instanceType} capacity in the Availability Zone you requested (${az}). Our system will be working on provisioning additional capacity. You can currently get ${instanceType} capacity by not specifying an Availability Zone in your request or choosing ${others.join(', ')}.`,
    500,
  );
}

/** Group ids (by id or by name) in the subnet's VPC; its `default` group when none given. */
function securityGroups(state: Ec2State, p: Params, subnet: Subnet, region: string): string[] {
  const groupIds = strList(p.SecurityGroupId);
  for (const name of strList(p.SecurityGroup)) {
    const g = state.securityGroups.find(
      (x) => x.groupName === name && x.vpcId === subnet.vpcId && x.region === region,
    );
    if (!g)
      throw new AwsError(
        'InvalidGroup.NotFound',
        `The security group '${name}' does not exist in VPC '${subnet.vpcId}'`,
      );
    groupIds.push(g.groupId);
  }
  for (const id of groupIds) {
    const g = findGroup(state, id, region);
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
  return groupIds;
}

function userDataOf(p: Params): string | undefined {
  const userData = str(p.UserData);
  if (userData !== undefined) {
    if (!isBase64(userData))
      throw new AwsError('InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
    if (Buffer.from(userData, 'base64').length > 16384) {
      throw new AwsError('InvalidParameterValue', 'User data is limited to 16384 bytes');
    }
  }
  return userData;
}

function shutdownBehaviour(p: Params): 'stop' | 'terminate' {
  const behaviour = str(p.InstanceInitiatedShutdownBehavior) ?? 'stop';
  if (behaviour !== 'stop' && behaviour !== 'terminate') {
    throw new AwsError(
      'InvalidParameterValue',
      `Value (${behaviour}) for parameter instanceInitiatedShutdownBehavior is invalid.`,
    );
  }
  return behaviour;
}

/** Private IPs in the subnet not used by any instance yet, in order from host 10. */
function ipAllocator(state: Ec2State, subnet: Subnet): () => string {
  const usedIps = new Set(
    Object.values(state.instances)
      .filter((i) => i.subnetId === subnet.subnetId)
      .map((i) => i.privateIpAddress),
  );
  const [a, b, c] = subnet.cidrBlock.split('/')[0]!.split('.');
  let host = 10;
  return () => {
    let ip: string;
    do {
      ip = `${a}.${b}.${Number(c) + Math.floor(host / 250)}.${(host % 250) + 4}`;
      host++;
    } while (usedIps.has(ip));
    usedIps.add(ip);
    return ip;
  };
}

/** Everything the instances of one RunInstances call share. */
interface Launch {
  now: number;
  region: string;
  reservationId: string;
  image: Image;
  imageId: string;
  instanceType: string;
  keyName: string | undefined;
  clientToken: string | undefined;
  subnet: Subnet;
  groupIds: string[];
  userData: string | undefined;
  behaviour: 'stop' | 'terminate';
  dryRun: boolean;
  tags: Record<string, Tag[]>;
  /** Runs builder scripts; absent for launches that never carry one (Auto Scaling's). */
  builders: BuilderHost | undefined;
  /** The image's encrypted volumes need a KMS key the account may not use: EC2 accepts the
   *  launch, and the instance then fails to start (DURATIONS.encryptedLaunchFailsAfter). */
  keyRefused: boolean;
}

/** Whether every encrypted volume of the image has a key the caller may use (kms/use.ts). */
function keysUsable(ctx: ServiceContext, image: Image): boolean {
  return image.blockDevices.every(
    (b) => !b.encrypted || ebsKeyUse(ctx, b.kmsKeyId, image.region, image.ownerId).usable,
  );
}

const KEY_REFUSED = { code: 'Client.InternalError', message: 'Client.InternalError: Client error on launch' };

function launchInstance(state: Ec2State, ctx: ServiceContext, l: Launch, n: number, ip: string): Instance {
  const now = l.now;
  const inst: Instance = {
    instanceId: ctx.ids.next('i'),
    region: l.region,
    reservationId: l.reservationId,
    imageId: l.imageId,
    instanceType: l.instanceType,
    keyName: l.keyName,
    clientToken: l.clientToken,
    subnetId: l.subnet.subnetId,
    vpcId: l.subnet.vpcId,
    availabilityZone: l.subnet.availabilityZone,
    privateIpAddress: ip,
    securityGroupIds: [...l.groupIds],
    launchTime: now,
    amiLaunchIndex: n,
    architecture: l.image.architecture,
    rootDeviceName: l.image.rootDeviceName,
    rootVolumeId: ctx.ids.next('vol'),
    rootVolumeSize: l.image.blockDevices[0]?.volumeSize ?? 8,
    userData: l.userData,
    shutdownBehavior: l.behaviour,
    state: l.keyRefused
      ? timeline<InstanceStateName>(now, 'pending', [[DURATIONS.encryptedLaunchFailsAfter, 'terminated']])
      : timeline<InstanceStateName>(now, 'pending', [[DURATIONS.instancePendingToRunning, 'running']]),
    transitionReason: '',
    ...(l.keyRefused ? { stateReason: { ...KEY_REFUSED } } : {}),
  };
  // A builder (bake-image's protocol) runs its script for real once booted, and powers itself
  // off. Not on a dry run, which must not consume a `builder-fails` firing or start anything.
  if (!l.dryRun && l.builders && !l.keyRefused)
    l.builders.launch({
      inst,
      clock: ctx.clock,
      imageName: l.image.name,
      fails: (match) =>
        ctx.faults.firing('builder-fails', { ...match, instanceId: inst.instanceId, imageId: l.imageId }),
    });
  state.instances[inst.instanceId] = inst;
  if (l.tags.instance) addTags(state, inst.instanceId, l.tags.instance);
  if (l.tags.volume) addTags(state, inst.rootVolumeId, l.tags.volume);
  return inst;
}

export function runInstances(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
  env?: { builders: BuilderHost },
): Ec2Result {
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
    const previous = replayed(state.clientTokens, req.region, clientToken, p);
    if (previous) return replayReservation(state, previous.reservationId, now, ctx.accountId);
  }
  const imageId = required(p, 'ImageId', missingParameter);
  const count = instanceCount(p);
  const instanceType = str(p.InstanceType) ?? 'm1.small';
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(instanceType)) {
    throw new AwsError('InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`);
  }
  const image = launchableImage(state, ctx, imageId, req.region, now);
  const subnet = chooseSubnet(state, p, req.region);
  if (!flag(p.DryRun)) checkCapacity(state, ctx, subnet, instanceType);
  const groupIds = securityGroups(state, p, subnet, req.region);
  const userData = userDataOf(p);
  const behaviour = shutdownBehaviour(p);
  const tags = tagSpecifications(p, ['instance', 'volume', 'network-interface', 'spot-instances-request']);
  const keyName = str(p.KeyName);
  const launch: Launch = {
    now,
    region: req.region,
    reservationId: ctx.ids.next('r'),
    image,
    imageId,
    instanceType,
    keyName,
    clientToken,
    subnet,
    groupIds,
    userData,
    behaviour,
    dryRun: flag(p.DryRun),
    tags,
    builders: env?.builders,
    keyRefused: !keysUsable(ctx, image),
  };
  const nextIp = ipAllocator(state, subnet);
  const created: Instance[] = [];
  for (let n = 0; n < count; n++) created.push(launchInstance(state, ctx, launch, n, nextIp()));
  if (clientToken !== undefined)
    state.clientTokens[tokenKey(req.region, clientToken)] = {
      reservationId: launch.reservationId,
      fingerprint: fingerprint(p),
    };
  return {
    reservationId: launch.reservationId,
    ownerId: ctx.accountId,
    groupSet: [],
    instancesSet: created.map((i) => renderInstance(state, i, now)),
  };
}
