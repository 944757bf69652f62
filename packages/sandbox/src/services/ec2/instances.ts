// Instances once launched (RunInstances is in run-instances.ts): DescribeInstances,
// StopInstances, TerminateInstances and GetConsoleOutput.
import { builderConsoleLines } from '../../builder.js';
import type { BuilderHost } from '../../builder-exec/host.js';
import { DURATIONS } from '../../durations.js';
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { transition } from '../../timeline.js';
import { iso, missingParameter, required } from '../common/params.js';
import { checkIdFormat, filtered, paginate, strList, tagSet, type FilterTable } from './params.js';
import {
  findInstance,
  inRegion,
  settleInstance,
  STATE_CODES,
  tagsOf,
  visibleInstance,
  type Ec2Result,
  type Ec2State,
  type Instance,
  type InstanceStateName,
} from './state.js';

export function renderInstance(state: Ec2State, inst: Instance, now: number): Ec2Result {
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
      inst.stateReason && (s === 'stopped' || s === 'stopping' || s === 'terminated' || s === 'shutting-down')
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
}

/** Instances grouped by reservation, in first-seen order. */
export function renderReservations(
  state: Ec2State,
  instances: Instance[],
  now: number,
  ownerId: string,
): Ec2Result[] {
  const byReservation = new Map<string, Instance[]>();
  for (const inst of instances) {
    const list = byReservation.get(inst.reservationId) ?? [];
    list.push(inst);
    byReservation.set(inst.reservationId, list);
  }
  return [...byReservation.entries()].map(([reservationId, list]) => ({
    reservationId,
    ownerId,
    groupSet: [],
    instancesSet: list.map((i) => renderInstance(state, i, now)),
  }));
}

const instanceFilters = (now: number): FilterTable<Instance> => ({
  'instance-state-name': (inst) => [settleInstance(inst, now)],
  'instance-state-code': (inst) => [String(STATE_CODES[settleInstance(inst, now)])],
  'instance-id': (inst) => [inst.instanceId],
  'image-id': (inst) => [inst.imageId],
  'client-token': (inst) => (inst.clientToken ? [inst.clientToken] : []),
  'subnet-id': (inst) => [inst.subnetId],
  'vpc-id': (inst) => [inst.vpcId],
  'instance-type': (inst) => [inst.instanceType],
  'availability-zone': (inst) => [inst.availabilityZone],
  'reservation-id': (inst) => [inst.reservationId],
  'key-name': (inst) => (inst.keyName ? [inst.keyName] : []),
  'private-ip-address': (inst) => [inst.privateIpAddress],
  'instance.group-id': (inst) => inst.securityGroupIds,
  'launch-time': (inst) => [iso(inst.launchTime)],
});

export function describeInstances(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const p = req.params;
  const now = ctx.clock.now();
  const ids = strList(p.InstanceId);
  if (ids.length > 0 && p.MaxResults !== undefined) {
    throw new AwsError(
      'InvalidParameterCombination',
      'The parameter instancesSet cannot be used with the parameter maxResults',
    );
  }
  let instances = inRegion(Object.values(state.instances), req.region).filter((i) => visibleInstance(i, now));
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
  const matching = filtered(instances, p, instanceFilters(now), (inst) =>
    tagsOf(state, inst.instanceId),
  ).sort(
    (a, b) =>
      a.launchTime - b.launchTime ||
      a.amiLaunchIndex - b.amiLaunchIndex ||
      (a.instanceId < b.instanceId ? -1 : 1),
  );
  const { page, nextToken } = paginate(matching, p, 5, 1000);
  return { reservationSet: renderReservations(state, page, now, ctx.accountId), nextToken };
}

/** Apply a state change to every `InstanceId` and answer each one's previous and current state. */
function changeStates(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
  apply: (inst: Instance, current: InstanceStateName, now: number) => void,
): Ec2Result {
  const now = ctx.clock.now();
  const ids = strList(req.params.InstanceId);
  if (ids.length === 0) throw missingParameter('InstanceId');
  const instances = ids.map((id) => findInstance(state, id, req.region, now));
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
}

const gmt = (now: number): string =>
  new Date(now)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' GMT');

/** A builder stopped or terminated from outside: its script is killed and prints nothing more. */
function interruptBuilder(inst: Instance, now: number, env: { builders: BuilderHost } | undefined): void {
  if (inst.builder) env?.builders.interrupt(inst.instanceId, now);
}

/** What a user-initiated stop or terminate records on the instance. */
function userShutdown(inst: Instance, now: number): void {
  inst.stateReason = {
    code: 'Client.UserInitiatedShutdown',
    message: 'Client.UserInitiatedShutdown: User initiated shutdown',
  };
  inst.transitionReason = `User initiated (${gmt(now)})`;
}

export function terminateInstances(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
  env?: { builders: BuilderHost },
): Ec2Result {
  return changeStates(state, req, ctx, (inst, current, now) => {
    if (current === 'terminated' || current === 'shutting-down') return;
    interruptBuilder(inst, now, env);
    transition(inst.state, now, 'shutting-down', [
      [DURATIONS.instanceShuttingDownToTerminated, 'terminated'],
    ]);
    userShutdown(inst, now);
  });
}

export function stopInstances(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
  env?: { builders: BuilderHost },
): Ec2Result {
  const now = ctx.clock.now();
  // Validate every instance first, so nothing changes when one of them cannot stop.
  for (const id of strList(req.params.InstanceId)) {
    const inst = findInstance(state, id, req.region, now);
    const s = settleInstance(inst, now);
    if (s === 'pending' || s === 'shutting-down' || s === 'terminated') {
      throw new AwsError(
        'IncorrectInstanceState',
        `This instance '${id}' is not in a state from which it can be stopped.`,
      );
    }
  }
  return changeStates(state, req, ctx, (inst, current, t) => {
    if (current !== 'running') return;
    interruptBuilder(inst, t, env);
    transition(inst.state, t, 'stopping', [[DURATIONS.instanceStoppingToStopped, 'stopped']]);
    userShutdown(inst, t);
  });
}

export function getConsoleOutput(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const now = ctx.clock.now();
  const inst = findInstance(state, required(req.params, 'InstanceId', missingParameter), req.region, now);
  const s = settleInstance(inst, now);
  const bootedAt = inst.launchTime + DURATIONS.instancePendingToRunning;
  if (s === 'pending' || now < bootedAt) return { instanceId: inst.instanceId, timestamp: iso(now) };
  const image = state.images[inst.imageId];
  const booted = new Date(bootedAt).toUTCString();
  const lines = [
    `[    0.000000] Linux version 6.1.0 (sandbox) #1 SMP`,
    `[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz root=LABEL=/ console=ttyS0`,
    `Booting ${image?.name ?? inst.imageId} on ${inst.instanceType} (${inst.instanceId})`,
    `cloud-init[1024]: Cloud-init v. 22.2.2 running 'modules:final' at ${booted}.`,
    ...(inst.builder
      ? builderConsoleLines(inst.builder, now)
      : [
          inst.userData
            ? `cloud-init[1024]: user-data script (${Buffer.from(inst.userData, 'base64').length} bytes) executed`
            : `cloud-init[1024]: no user-data`,
          `cloud-init[1024]: Cloud-init v. 22.2.2 finished at ${booted}. Datasource DataSourceEc2.`,
        ]),
  ];
  if (s === 'stopping' || s === 'stopped' || s === 'shutting-down' || s === 'terminated')
    lines.push('reboot: Power down');
  return {
    instanceId: inst.instanceId,
    timestamp: iso(now),
    output: Buffer.from(lines.join('\n') + '\n').toString('base64'),
  };
}
