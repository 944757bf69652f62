// Emulated EC2 (EC2 query protocol). Results are keyed by EC2's XML element names
// (`imagesSet`, `instanceState`, …; checked against the SDK's schemas). State is per
// region; states move lazily with the sandbox clock (see timeline.ts, durations.ts).
//
// This module owns the state and binds the handlers of the other modules to it; the
// handlers themselves are plain functions of an explicit state.
import { AMAZON_OWNER_ID, REGION, seedFor } from '../../seed.js';
import {
  AwsError,
  type EmulatedService,
  type OperationHandler,
  type SandboxRequest,
  type ServiceContext,
} from '../../service.js';
import { timeline, type Timeline } from '../../timeline.js';
import { BuilderHost } from '../../builder-exec/host.js';
import { ec2Authorization } from './authorization.js';
import { copyImage, createImage } from './image-creation.js';
import { deregisterImage, describeImages } from './images.js';
import { describeInstances, getConsoleOutput, stopInstances, terminateInstances } from './instances.js';
import {
  describeAvailabilityZones,
  describeSecurityGroups,
  describeSubnets,
  describeVpcs,
} from './network.js';
import {
  createLaunchTemplate,
  createLaunchTemplateVersion,
  deleteLaunchTemplate,
  describeLaunchTemplates,
  describeLaunchTemplateVersions,
  fleetRunParams,
  resolveLaunchTemplate,
  systemTags,
  type FleetLaunch,
  type ResolvedTemplate,
} from './launch-templates.js';
import { flag } from './params.js';
import { runInstances } from './run-instances.js';
import { deleteSnapshot, describeSnapshots } from './snapshots.js';
import {
  emptyState,
  settleImage,
  settleInstance,
  settleSnapshot,
  visibleInstance,
  type Ec2Result,
  type Ec2State,
  type ImageStateName,
  type Instance,
  type InstanceStateName,
  type SnapshotStateName,
} from './state.js';
import { createTags, deleteTags, describeTags } from './tags.js';
import { sharingView, type SharingView } from './sharing.js';
import {
  describeImageAttribute,
  describeSnapshotAttribute,
  modifyImageAttribute,
  modifySnapshotAttribute,
  resetImageAttribute,
  resetSnapshotAttribute,
} from './attributes.js';

export { wildcardMatch } from '../common/filters.js';

/** EC2 plus the lookups other services need (ELBv2 checks subnets, instances, groups). */
export type Ec2Service = EmulatedService & {
  subnet(subnetId: string, region: string): { availabilityZone: string; vpcId: string } | undefined;
  instance(
    instanceId: string,
    region: string,
    now: number,
  ): { state: string; vpcId?: string; availabilityZone?: string; privateIpAddress?: string } | undefined;
  securityGroup(groupId: string, region: string): { vpcId: string } | undefined;
  /** Auto Scaling's view of EC2 (services/autoscaling): templates, launches, terminations. */
  fleet: Ec2Fleet;
  /** Builders whose scripts run for real, and the content of the images made from them. */
  builders: BuilderHost;
  /** An instance as stored (the builder host looks instances up in every account). */
  instanceRecord(instanceId: string): Instance | undefined;
  /** What other accounts see of this account's images and snapshots (sharing.ts). */
  sharing: SharingView;
};

/** What an Auto Scaling group does through EC2. `ctx` carries the sandbox time of the
 *  group's action (groups settle lazily, so an action may be dated before now). */
export interface Ec2Fleet {
  /** The template version a LaunchTemplateSpecification names; throws EC2's error. */
  launchTemplate(region: string, ref: { id?: string; name?: string; version?: string }): ResolvedTemplate;
  /** Launch one instance with RunInstances semantics; throws EC2's error (e.g.
   *  InsufficientInstanceCapacity). Returns the instance id. */
  launch(region: string, ctx: ServiceContext, launch: FleetLaunch): string;
  /** TerminateInstances on one instance (idempotent). */
  terminate(region: string, ctx: ServiceContext, instanceId: string): void;
  /** An instance's state timeline as stored (unsettled copy), or undefined. */
  timeline(
    region: string,
    instanceId: string,
  ): { timeline: Timeline<InstanceStateName>; availabilityZone: string; instanceType: string } | undefined;
}

/** What handlers share besides the state: the builders that really run (builder-exec/). */
export interface Ec2Env {
  builders: BuilderHost;
}

type Handler = (state: Ec2State, req: SandboxRequest, ctx: ServiceContext, env: Ec2Env) => Ec2Result;

const HANDLERS: Record<string, Handler> = {
  DescribeImages: describeImages,
  DescribeInstances: describeInstances,
  RunInstances: runInstances,
  TerminateInstances: terminateInstances,
  StopInstances: stopInstances,
  GetConsoleOutput: getConsoleOutput,
  CreateImage: createImage,
  CopyImage: copyImage,
  DeregisterImage: deregisterImage,
  DescribeSnapshots: describeSnapshots,
  DeleteSnapshot: deleteSnapshot,
  CreateTags: createTags,
  DeleteTags: deleteTags,
  DescribeTags: describeTags,
  DescribeSubnets: describeSubnets,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeVpcs: describeVpcs,
  DescribeAvailabilityZones: describeAvailabilityZones,
  CreateLaunchTemplate: createLaunchTemplate,
  CreateLaunchTemplateVersion: createLaunchTemplateVersion,
  DescribeLaunchTemplates: describeLaunchTemplates,
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
  DeleteLaunchTemplate: deleteLaunchTemplate,
  ModifyImageAttribute: modifyImageAttribute,
  DescribeImageAttribute: describeImageAttribute,
  ResetImageAttribute: resetImageAttribute,
  ModifySnapshotAttribute: modifySnapshotAttribute,
  DescribeSnapshotAttribute: describeSnapshotAttribute,
  ResetSnapshotAttribute: resetSnapshotAttribute,
};

type InventoryItem = ReturnType<EmulatedService['inventory']>[number];

function inventory(state: Ec2State, accountId: string, now: number): InventoryItem[] {
  const items: InventoryItem[] = [];
  const tags = (id: string): Record<string, string> => ({ ...(state.tags[id] ?? {}) });
  for (const i of Object.values(state.instances)) {
    if (visibleInstance(i, now))
      items.push({
        kind: 'instance',
        id: i.instanceId,
        state: settleInstance(i, now),
        tags: tags(i.instanceId),
      });
  }
  for (const img of Object.values(state.images)) {
    if (img.ownerId === accountId)
      items.push({ kind: 'image', id: img.imageId, state: settleImage(img, now), tags: tags(img.imageId) });
  }
  for (const s of Object.values(state.snapshots)) {
    if (s.ownerId === accountId)
      items.push({
        kind: 'snapshot',
        id: s.snapshotId,
        state: settleSnapshot(s, now),
        tags: tags(s.snapshotId),
      });
  }
  for (const v of state.vpcs)
    items.push({ kind: 'vpc', id: v.vpcId, state: 'available', tags: tags(v.vpcId) });
  for (const s of state.subnets)
    items.push({ kind: 'subnet', id: s.subnetId, state: 'available', tags: tags(s.subnetId) });
  for (const g of state.securityGroups)
    items.push({ kind: 'security-group', id: g.groupId, tags: tags(g.groupId) });
  for (const lt of Object.values(state.launchTemplates))
    items.push({
      kind: 'launch-template',
      id: lt.launchTemplateId,
      state: 'available',
      tags: tags(lt.launchTemplateId),
    });
  return items;
}

/** The default seed: one default VPC with a subnet per zone, its default security group,
 *  and the public images of seed.ts (with their snapshots). */
function seed(state: Ec2State, region: string, now: number): void {
  const SEED = seedFor(region);
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
}

/** `builders`: a host shared with other accounts' EC2 (accounts.ts); else its own. */
export function createEc2Service(builders?: BuilderHost): Ec2Service {
  let state = emptyState();
  const env: Ec2Env = { builders: builders ?? new BuilderHost((id) => state.instances[id]) };
  // A shared host is its owner's to reset and stop (accounts.ts): seeding another account
  // must not end the builders of this one.
  const ownsBuilders = builders === undefined;

  /** DryRun=true: AWS answers DryRunOperation (412) when the call would have succeeded. We
   *  run the operation against a copy of the state, so validation errors still surface. */
  const bind =
    (handler: Handler): OperationHandler =>
    async (req, ctx) => {
      // Builders' scripts run in wall time: what EC2 answers includes what they did by now.
      await env.builders.caughtUp();
      if (!flag(req.params.DryRun)) return handler(state, req, ctx, env);
      handler(structuredClone(state), req, ctx, env);
      throw new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    };

  const operations: Record<string, OperationHandler> = Object.fromEntries(
    Object.entries(HANDLERS).map(([name, handler]) => [name, bind(handler)]),
  );

  const fleet: Ec2Fleet = {
    launchTemplate: (region, ref) => resolveLaunchTemplate(state, region, ref),
    launch(region, ctx, launch) {
      const req = {
        service: 'ec2' as const,
        operation: 'RunInstances',
        params: fleetRunParams(launch),
        region,
      };
      const out = runInstances(state, req, ctx);
      const id = String(((out.instancesSet as Ec2Result[])[0] ?? {}).instanceId);
      state.tags[id] = { ...(state.tags[id] ?? {}), ...systemTags(launch) };
      return id;
    },
    terminate(region, ctx, instanceId) {
      const req = {
        service: 'ec2' as const,
        operation: 'TerminateInstances',
        params: { InstanceId: [instanceId] },
        region,
      };
      terminateInstances(state, req, ctx);
    },
    timeline(region, instanceId) {
      const i = state.instances[instanceId];
      if (!i || i.region !== region) return undefined;
      return {
        timeline: structuredClone(i.state),
        availabilityZone: i.availabilityZone,
        instanceType: i.instanceType,
      };
    },
  };

  return {
    fleet,
    builders: env.builders,
    instanceRecord: (instanceId) => state.instances[instanceId],
    sharing: sharingView(() => state),
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
    inventory: (ctx) => inventory(state, ctx.accountId, ctx.clock.now()),
    authorization: (req, ctx) => ec2Authorization(state, req, ctx),
    snapshotState: () => structuredClone(state),
    restoreState(saved) {
      state = { ...emptyState(), ...(structuredClone(saved) as Ec2State) };
    },
    reset() {
      state = emptyState();
      if (ownsBuilders) void env.builders.reset();
    },
    async stop() {
      if (ownsBuilders) await env.builders.reset();
    },
    seed(ctx) {
      seed(state, ctx.region ?? REGION, ctx.clock.now());
    },
    seedRegion(ctx) {
      seed(state, ctx.region ?? REGION, ctx.clock.now());
    },
  };
}
