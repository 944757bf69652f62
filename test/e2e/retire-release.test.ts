// End-to-end: the built retire-release bundle, run as the GitHub runner runs it, against the
// sandbox. Five releases of one role are made directly with SDK clients, tagged as immut tags
// them (launch template, Auto Scaling group, load balancer, target group, listener, instance,
// build DNS name, DB replica, image),
// and the role's name and history record are written in cutover-dns's format (core
// dns-history). Each scenario has its own sandbox; all scenarios start at once in beforeAll.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeLaunchTemplatesCommand,
  CreateImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateLoadBalancerCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ModifyTargetGroupAttributesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  CreateDBInstanceCommand,
  CreateDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { ChangeResourceRecordSetsCommand, type Change } from '@aws-sdk/client-route-53';
import {
  type Build,
  type Clients,
  ZONE_NAME,
  launchBuild,
  recordsAt,
  sdkClients,
  settle,
  zoneId,
} from '@immut/test-support/builds-behind-lb';
import { type BuildTarget, historyRecord } from '@immut/core/dns-history';
import type { Identity } from '@immut/core/identity';
import { dbInstanceId, imageName, sourceSnapshotId } from '@immut/core/naming';
import { standardTags, toAwsTags, TAG } from '@immut/core/tags';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import { SEED } from '@immut/sandbox';
import { type ActionRun, describeRun, errorsOf, runAction } from '@immut/action-runner';
import {
  documentedIamActions,
  ADMIN_CREDENTIALS,
  iamActionsCalled,
  sandboxEnv,
  startE2eSandbox,
} from '@immut/test-support/sandbox';

const ROLE = 'api';
const ENV = 'prod';
const NAME = `${ROLE}.${ENV}.${ZONE_NAME}`;
const PROVENANCE = { repository: 'immut-test/app', sha: '0123456789abcdef', runUrl: '' };
const HOUR_AGO = () => new Date(Date.now() - 3_600_000).toISOString();

interface Release extends Build {
  db: string;
  imageId: string;
}

interface World {
  sandbox: Sandbox;
  c: Clients;
  rds: RDSClient;
  zone: string;
  releases: Release[];
  /** Resources that must survive every run: other role, other env, unmanaged look-alikes. */
  bystanders: { loadBalancers: string[]; instances: string[] };
}

const sandboxes: Sandbox[] = [];
const clients: Array<{ destroy(): void }> = [];
const actionCalls: CallRecord[] = [];

/** Mutating calls (anything but reads) among `calls`. */
function mutations(calls: readonly CallRecord[]): CallRecord[] {
  return calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation));
}

/** Whether a call takes or gives back the name's lease (core's lease.ts). */
function isLease(c: CallRecord): boolean {
  return c.operation === 'ChangeResourceRecordSets' && JSON.stringify(c.params).includes('_immut-lease.');
}

async function release(w: Omit<World, 'releases' | 'bystanders'>, id: Identity): Promise<Release> {
  const b = await launchBuild(w.sandbox, w.c, id, { fleet: true });
  const tags = (name: string, extra = {}) => toAwsTags(standardTags(id, PROVENANCE, name, extra));
  const db = dbInstanceId(id);
  await w.rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: db,
      DBInstanceClass: 'db.t3.micro',
      Engine: 'postgres',
      AllocatedStorage: 20,
      MasterUsername: 'app',
      MasterUserPassword: 'sandbox-password-1',
      Tags: tags(db),
    }),
  );
  const fingerprint = `${id.build}`.padEnd(16, '0').replace(/[^0-9a-f]/g, 'a');
  const name = imageName(id, fingerprint);
  // bake-image tags the image's snapshots like the image; b1's snapshot is left untagged here:
  // a snapshot that is not immut's, next to a managed image.
  const imageTags = tags(name, { [TAG.fingerprint]: fingerprint });
  const image = await w.c.ec2.send(
    new CreateImageCommand({
      InstanceId: b.instanceId,
      Name: name,
      TagSpecifications: [
        { ResourceType: 'image', Tags: imageTags },
        ...(id.build === 'b1' ? [] : [{ ResourceType: 'snapshot' as const, Tags: imageTags }]),
      ],
    }),
  );
  // The build's own DNS name, as launch-behind-lb makes it.
  await w.c.route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: w.zone,
      ChangeBatch: {
        Changes: [
          {
            Action: 'CREATE',
            ResourceRecordSet: {
              Name: `${id.build}.${id.role}.${id.env}.${ZONE_NAME}`,
              Type: 'A',
              AliasTarget: { HostedZoneId: b.zoneId, DNSName: b.dnsName, EvaluateTargetHealth: true },
            },
          },
        ],
      },
    }),
  );
  return { ...b, db, imageId: image.ImageId ?? '' };
}

const target = (r: Release): BuildTarget => ({
  build: r.identity.build,
  release: `${ROLE}-${r.identity.build}`,
  dnsName: r.dnsName,
  zoneId: r.zoneId,
});

/** Writes the name and its history as cutover-dns leaves them. */
async function cutOver(
  w: World,
  current: Release,
  previous: Release,
  options: { at?: string; weight?: number; historyTtl?: number } = {},
): Promise<void> {
  const alias = (r: Release) => ({ HostedZoneId: r.zoneId, DNSName: r.dnsName, EvaluateTargetHealth: true });
  // Weighted sets cannot sit beside a plain record: the step replaces it, as cutover-dns does.
  const plain = options.weight === undefined ? [] : await recordsAt(w.c, w.zone, NAME, 'A');
  const removePlain: Change[] = plain
    .filter((r) => r.SetIdentifier === undefined)
    .map((r) => ({ Action: 'DELETE', ResourceRecordSet: r }));
  const records: Change[] =
    options.weight === undefined
      ? [{ Action: 'UPSERT', ResourceRecordSet: { Name: NAME, Type: 'A', AliasTarget: alias(current) } }]
      : [
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: NAME,
              Type: 'A',
              SetIdentifier: previous.identity.build,
              Weight: 128,
              AliasTarget: alias(previous),
            },
          },
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: NAME,
              Type: 'A',
              SetIdentifier: current.identity.build,
              Weight: 127,
              AliasTarget: alias(current),
            },
          },
        ];
  const history = historyRecord(NAME, {
    role: ROLE,
    env: ENV,
    current: target(current),
    previous: target(previous),
    at: options.at ?? HOUR_AGO(),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
  });
  await w.c.route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: w.zone,
      ChangeBatch: {
        Changes: [
          ...removePlain,
          ...records,
          {
            Action: 'UPSERT',
            ResourceRecordSet: { ...history, ...(options.historyTtl ? { TTL: options.historyTtl } : {}) },
          },
        ],
      },
    }),
  );
}

/** A sandbox with `count` releases b1…bN of api/prod, plus bystanders that must survive. */
async function world(count = 5): Promise<World> {
  const sandbox = await startE2eSandbox({ policy: { recordNames: [NAME] } });
  sandboxes.push(sandbox);
  const c = sdkClients(sandbox);
  const rds = new RDSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
    maxAttempts: 1,
  });
  clients.push(c, rds);
  const base = { sandbox, c, rds, zone: await zoneId(c) };
  const releases: Release[] = [];
  for (let i = 1; i <= count; i++)
    releases.push(await release(base, { role: ROLE, env: ENV, build: `b${i}` }));
  // replicate-data's snapshot of the source for the oldest build (`from: new-snapshot`).
  await sandbox.advance(15 * 60_000);
  const first = releases[0]!.identity;
  await rds.send(
    new CreateDBSnapshotCommand({
      DBInstanceIdentifier: SEED_SOURCE_DB,
      DBSnapshotIdentifier: sourceSnapshotId(first),
      Tags: toAwsTags(standardTags(first, PROVENANCE, sourceSnapshotId(first))),
    }),
  );
  const web = await launchBuild(sandbox, c, { role: 'web', env: ENV, build: 'b1' });
  const stage = await launchBuild(sandbox, c, { role: ROLE, env: 'stage', build: 'b1' });
  // Look-alikes: immut-like names, but not immut's tags.
  const fake = await c.elb.send(
    new CreateLoadBalancerCommand({
      Name: 'prod-api-b0',
      Subnets: [SEED.subnets[0]!.subnetId, SEED.subnets[1]!.subnetId],
      Tags: [
        { Key: 'Name', Value: 'prod-api-b0' },
        { Key: TAG.role, Value: ROLE },
        { Key: TAG.env, Value: ENV },
        { Key: TAG.build, Value: 'b0' },
      ],
    }),
  );
  const fakeInstance = (
    await c.ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a0000000000a2303',
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [
          {
            ResourceType: 'instance',
            Tags: [
              { Key: 'Name', Value: 'immut/prod/api/b0' },
              { Key: TAG.managedBy, Value: 'someone-else' },
              { Key: TAG.role, Value: ROLE },
              { Key: TAG.env, Value: ENV },
              { Key: TAG.build, Value: 'b0' },
            ],
          },
        ],
      }),
    )
  ).Instances?.[0]?.InstanceId;
  await settle(sandbox);
  const w: World = {
    ...base,
    releases,
    bystanders: {
      loadBalancers: [
        web.loadBalancerArn,
        stage.loadBalancerArn,
        fake.LoadBalancers?.[0]?.LoadBalancerArn ?? '',
      ],
      instances: [web.instanceId, stage.instanceId, fakeInstance ?? ''],
    },
  };
  return w;
}

const SEED_SOURCE_DB = 'app-db';

interface Run extends ActionRun {
  calls: CallRecord[];
}

async function run(w: World, inputs: Record<string, string>): Promise<Run> {
  const from = w.sandbox.calls().at(-1)?.seq ?? 0;
  const r = await runAction('retire-release', {
    inputs: { role: ROLE, env: ENV, zone: ZONE_NAME, timeout: '6h', ...inputs },
    env: sandboxEnv(w.sandbox, 'retire-release'),
    timeoutMs: 40_000,
  });
  const calls = w.sandbox.calls().filter((c) => c.seq > from);
  actionCalls.push(...calls);
  return { ...r, calls };
}

function expectOk(r: ActionRun): void {
  if (r.exitCode !== 0) throw new Error(describeRun(r));
}

/** What of the world still stands: load balancers, live instances, DB instances, images. */
async function standing(w: World) {
  const lbs = (await w.c.elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? [];
  const tgs = (await w.c.elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? [];
  const reservations = (await w.c.ec2.send(new DescribeInstancesCommand({}))).Reservations ?? [];
  const instances = reservations
    .flatMap((r) => r.Instances ?? [])
    .filter((i) => !['shutting-down', 'terminated'].includes(i.State?.Name ?? ''))
    .map((i) => i.InstanceId ?? '');
  const dbs = ((await w.rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [])
    .filter((d) => d.DBInstanceStatus !== 'deleting')
    .map((d) => d.DBInstanceIdentifier ?? '');
  const images = ((await w.c.ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? []).map(
    (i) => i.ImageId ?? '',
  );
  const snapshots = (
    (await w.rds.send(new DescribeDBSnapshotsCommand({ SnapshotType: 'manual' }))).DBSnapshots ?? []
  ).map((s) => s.DBSnapshotIdentifier ?? '');
  const ebsSnapshots = (
    (await w.c.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots ?? []
  ).map((s) => s.SnapshotId ?? '');
  const groups = (
    (await w.c.autoscaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? []
  ).map((g) => g.AutoScalingGroupName ?? '');
  const launchTemplates = (
    (await w.c.ec2.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates ?? []
  ).map((t) => t.LaunchTemplateId ?? '');
  const buildRecords: string[] = [];
  for (const r of w.releases) {
    const name = `${r.identity.build}.${ROLE}.${ENV}.${ZONE_NAME}`;
    if ((await recordsAt(w.c, w.zone, name, 'A')).length > 0) buildRecords.push(r.identity.build);
  }
  return {
    groups,
    launchTemplates,
    loadBalancers: lbs.map((l) => l.LoadBalancerArn ?? ''),
    targetGroups: tgs.map((t) => t.TargetGroupName ?? ''),
    instances,
    dbs,
    images,
    snapshots,
    ebsSnapshots,
    buildRecords,
  };
}

const scenarios: Array<() => Promise<void>> = [];
function scenario(setup: () => Promise<void>): void {
  scenarios.push(setup);
}

beforeAll(async () => {
  await Promise.all(scenarios.map((s) => s()));
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(sandboxes.map((s) => s.stop()));
});

describe('retire-release with five releases, keep 2', () => {
  let w: World;
  let first: Run;
  let second: Run;
  let before: Awaited<ReturnType<typeof standing>>;
  let after: Awaited<ReturnType<typeof standing>>;
  let b1Snapshot = '';
  scenario(async () => {
    w = await world(5);
    await cutOver(w, w.releases[4]!, w.releases[3]!);
    before = await standing(w);
    const b1Image = await w.c.ec2.send(new DescribeImagesCommand({ ImageIds: [w.releases[0]!.imageId] }));
    b1Snapshot = b1Image.Images?.[0]?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '(none)';
    // Throttled calls are retried by the SDK's adaptive retries, not failed.
    w.sandbox.addFaults([
      { service: 'elasticloadbalancing', operation: 'DeleteLoadBalancer', error: 'Throttling', times: 1 },
      { service: 'ec2', operation: 'DescribeInstances', error: 'RequestLimitExceeded', times: 1 },
    ]);
    first = await run(w, { 'final-snapshot': 'true' });
    after = await standing(w);
    // As release.yml runs it: with the zone launch-behind-lb resolved.
    second = await run(w, { 'hosted-zone': `${w.zone}/${ZONE_NAME}/public` });
  });

  it('leaves exactly the live and the previous build', () => {
    expectOk(first);
    expect(
      first.calls
        .filter((c) => c.injected)
        .map((c) => c.operation)
        .sort(),
    ).toEqual(['DeleteLoadBalancer', 'DescribeInstances']);
    expect(JSON.parse(first.outputs['kept']!)).toEqual(['b5', 'b4']);
    expect(JSON.parse(first.outputs['retired']!)).toEqual(['b3', 'b2', 'b1']);
    const [b1, b2, b3, b4, b5] = w.releases as [Release, Release, Release, Release, Release];
    for (const gone of [b1, b2, b3]) {
      expect(before.groups).toContain(gone.groupName);
      expect(after.groups).not.toContain(gone.groupName);
      expect(after.launchTemplates).not.toContain(gone.launchTemplateId);
      expect(after.loadBalancers).not.toContain(gone.loadBalancerArn);
      expect(after.instances).not.toContain(gone.instanceId);
      expect(after.dbs).not.toContain(gone.db);
    }
    for (const kept of [b4, b5]) {
      expect(after.groups).toContain(kept.groupName);
      expect(after.launchTemplates).toContain(kept.launchTemplateId);
      expect(after.loadBalancers).toContain(kept.loadBalancerArn);
      expect(after.instances).toContain(kept.instanceId);
      expect(after.dbs).toContain(kept.db);
    }
    expect(after.targetGroups.filter((n) => n.startsWith('prod-api-')).sort()).toEqual([
      'prod-api-b4',
      'prod-api-b5',
    ]);
    expect(after.buildRecords).toEqual(['b4', 'b5']);
  });

  it('takes final snapshots of retired replicas and deletes their source snapshots', () => {
    expect(before.snapshots).toContain(sourceSnapshotId({ role: ROLE, env: ENV, build: 'b1' }));
    expect(after.snapshots).not.toContain(sourceSnapshotId({ role: ROLE, env: ENV, build: 'b1' }));
    expect(after.snapshots).toEqual(
      expect.arrayContaining(['prod-api-b1-final', 'prod-api-b2-final', 'prod-api-b3-final']),
    );
  });

  it('deletes images no kept release uses beyond keep-images, newest unused one kept', () => {
    const [b1, b2, b3, b4, b5] = w.releases as [Release, Release, Release, Release, Release];
    expect(JSON.parse(first.outputs['retired-images']!).sort()).toEqual([b1.imageId, b2.imageId].sort());
    expect(after.images).toEqual(expect.arrayContaining([b3.imageId, b4.imageId, b5.imageId]));
    const deletedSnapshots = first.calls.filter(
      (c) => c.operation === 'DeleteSnapshot' && c.outcome === 'ok',
    );
    // b1's snapshot carries no immut tags: its image goes, the snapshot stays.
    expect(deletedSnapshots).toHaveLength(1);
    expect(after.ebsSnapshots).toContain(b1Snapshot);
    expect(deletedSnapshots.map((c) => c.params['SnapshotId'])).not.toContain(b1Snapshot);
    expect(first.logLines.join('\n')).toContain(
      `Leaving snapshot ${b1Snapshot}: Refusing to modify snapshot ${b1Snapshot}: it has no immut:managed-by=immut tag`,
    );
  });

  it('deletes in a safe order: build DNS name, group, its template, listener, load balancer, target group, instances, replica', () => {
    const order = mutations(first.calls)
      .filter((c) => c.outcome === 'ok' && !isLease(c))
      .map((c) => c.operation);
    expect(order.slice(0, 8)).toEqual([
      'ChangeResourceRecordSets',
      'DeleteAutoScalingGroup',
      'DeleteLaunchTemplate',
      'DeleteListener',
      'DeleteLoadBalancer',
      'DeleteTargetGroup',
      'TerminateInstances',
      'DeleteDBInstance',
    ]);
  });

  it('leaves other roles, other envs and unmanaged look-alikes alone', () => {
    for (const arn of w.bystanders.loadBalancers) expect(after.loadBalancers).toContain(arn);
    for (const id of w.bystanders.instances) expect(after.instances).toContain(id);
    expect(after.dbs).toContain(SEED_SOURCE_DB);
  });

  it('writes a summary table of kept and retired builds with reasons', () => {
    expect(first.summary).toContain('| b5 |');
    expect(first.summary).toMatch(/\| b5 \| api-b5 \| kept \| live: the name points at it/);
    expect(first.summary).toMatch(/\| b4 \| api-b4 \| kept \| previous build: instant rollback/);
    expect(first.summary).toMatch(/\| b1 \| api-b1 \| retired \| older than the 2 kept build/);
    expect(first.logLines.join('\n')).toContain('no wait needed');
  });

  it('changes nothing when run again', () => {
    expectOk(second);
    expect(mutations(second.calls)).toEqual([]);
    // Given hosted-zone, it makes no Route 53 call to look the zone up.
    expect(
      second.calls.filter((c) => ['ListHostedZonesByName', 'GetHostedZone'].includes(c.operation)),
    ).toEqual([]);
    expect(JSON.parse(second.outputs['retired']!)).toEqual([]);
    expect(JSON.parse(second.outputs['kept']!)).toEqual(['b5', 'b4']);
  });
});

describe('retire-release dry run and weighted cutovers', () => {
  let w: World;
  let dry: Run;
  let weighted: Run;
  scenario(async () => {
    w = await world(3);
    await cutOver(w, w.releases[2]!, w.releases[1]!);
    dry = await run(w, { 'dry-run': 'true', keep: '1' });
    await cutOver(w, w.releases[2]!, w.releases[1]!, { weight: 50 });
    weighted = await run(w, { keep: '1' });
  });

  it('lists exactly what would go and why, changing nothing', () => {
    expectOk(dry);
    expect(mutations(dry.calls)).toEqual([]);
    expect(JSON.parse(dry.outputs['retired']!)).toEqual(['b2', 'b1']);
    const log = dry.logLines.join('\n');
    expect(log).toContain('Would retire build b1: older than the 1 kept build(s) (keep=1)');
    expect(log).toContain(`would delete Auto Scaling group prod-api-b1 (with its 1 server(s))`);
    expect(log).toContain(`would delete launch template prod-api-b1`);
    expect(log).toContain(`would delete load balancer prod-api-b1`);
    expect(log).toContain(`would delete DB instance prod-api-b1 (no final snapshot)`);
    expect(dry.summary).toContain('would retire');
  });

  it('retires nothing while a weighted cutover is in progress', () => {
    expectOk(weighted);
    expect(mutations(weighted.calls)).toEqual([]);
    expect(JSON.parse(weighted.outputs['retired']!)).toEqual([]);
    expect(JSON.parse(weighted.outputs['kept']!)).toEqual(['b3', 'b2', 'b1']);
    expect(weighted.summary).toContain('a weighted cutover of api.prod.example.test is in progress');
  });
});

describe('retire-release waits out DNS caches and connection draining', () => {
  let w: World;
  let tooShort: Run;
  let waited: Run;
  scenario(async () => {
    w = await world(3);
    // b1's target group drains for 10 minutes: the wait must cover it plus the 60 s TTL.
    const tg = w.releases[0]!.targetGroupArn;
    await w.c.elb.send(
      new ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tg,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '600' }],
      }),
    );
    // At 2000× a fraction of a wall second is minutes of simulated time, so "just now" would
    // already be past by the time the bundle has started. A cutover time ahead of the action's
    // clock (another machine's clock) counts as now: the whole TTL + drain is waited out.
    await cutOver(w, w.releases[2]!, w.releases[1]!, { at: new Date(Date.now() + 86_400_000).toISOString() });
    tooShort = await run(w, { timeout: '5m', zone: w.zone });
    waited = await run(w, { zone: w.zone });
  });

  it('refuses to start when the wait does not fit the timeout, deleting nothing', () => {
    expect(tooShort.exitCode).not.toBe(0);
    expect(
      errorsOf(tooShort)
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/Retiring must wait .* which does not fit in the remaining timeout .*nothing was deleted/);
    expect(mutations(tooShort.calls)).toEqual([]);
  });

  it('deletes nothing until the TTL and deregistration delay since the cutover have passed', () => {
    expectOk(waited);
    expect(JSON.parse(waited.outputs['retired']!)).toEqual(['b1']);
    const lastRead = waited.calls.filter((c) => c.operation === 'DescribeTargetGroupAttributes').at(-1)!;
    const firstDelete = mutations(waited.calls)[0]!;
    // Sandbox time: the action slept on its own clock, at the same scale.
    expect(Date.parse(firstDelete.at) - Date.parse(lastRead.at)).toBeGreaterThanOrEqual(660_000);
    // 60 s TTL + b1's 600 s deregistration delay.
    expect(waited.logLines.join('\n')).toContain('Waiting 11m00s so clients caching api.prod.example.test');
  });
});

describe('retire-release and a rollback landing during its drain wait', () => {
  let w: World;
  let retire: Run;
  let rollback: ActionRun;
  let after: Awaited<ReturnType<typeof standing>>;
  let nameAfter = '';
  scenario(async () => {
    w = await world(3);
    // A long wait: answers of the history record may be cached for 4 hours (its TTL), and
    // b2's connections drain for 10 minutes. The cutover time counts as now (see above).
    await w.c.elb.send(
      new ModifyTargetGroupAttributesCommand({
        TargetGroupArn: w.releases[1]!.targetGroupArn,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '600' }],
      }),
    );
    await cutOver(w, w.releases[2]!, w.releases[1]!, {
      at: new Date(Date.now() + 86_400_000).toISOString(),
      historyTtl: 4 * 3600,
    });
    const seq = () => w.sandbox.calls().at(-1)?.seq ?? 0;
    const from = seq();
    // keep=1 plans b2 (the previous build) and b1 for retirement, then waits.
    const retiring = runAction('retire-release', {
      inputs: { role: ROLE, env: ENV, zone: ZONE_NAME, timeout: '6h', keep: '1' },
      env: sandboxEnv(w.sandbox, 'retire-release'),
      timeoutMs: 40_000,
    });
    // Discovery is over once every target group's attributes are read: retire now waits.
    while (
      w.sandbox.calls().filter((c) => c.seq > from && c.operation === 'DescribeTargetGroupAttributes')
        .length < 3
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const rollbackFrom = seq();
    rollback = await runAction('cutover-dns', {
      inputs: {
        role: ROLE,
        env: ENV,
        build: 'b9',
        zone: ZONE_NAME,
        name: NAME,
        mode: 'rollback',
        timeout: '6h',
      },
      env: sandboxEnv(w.sandbox, 'cutover-dns'),
      timeoutMs: 40_000,
    });
    const rollbackTo = seq();
    // Retire makes no call while it waits: the calls in between are the rollback's.
    retire = {
      ...(await retiring),
      calls: w.sandbox.calls().filter((c) => c.seq > from && (c.seq <= rollbackFrom || c.seq > rollbackTo)),
    };
    after = await standing(w);
    const [record] = await recordsAt(w.c, w.zone, NAME, 'A');
    nameAfter = (record?.AliasTarget?.DNSName ?? '').replace(/\.$/, '');
  });

  it('keeps the build the rollback made live, and its replica, saying why', () => {
    expectOk(rollback);
    expectOk(retire);
    const [b1, b2, b3] = w.releases as [Release, Release, Release];
    expect(nameAfter).toBe(b2.dnsName);
    for (const kept of [b2, b3]) {
      expect(after.loadBalancers).toContain(kept.loadBalancerArn);
      expect(after.instances).toContain(kept.instanceId);
      expect(after.dbs).toContain(kept.db);
    }
    expect(after.loadBalancers).not.toContain(b1.loadBalancerArn);
    expect(after.dbs).not.toContain(b1.db);
    expect(JSON.parse(retire.outputs['retired']!)).toEqual(['b1']);
    const log = retire.logLines.join('\n');
    expect(log).toContain('Not retiring build b2 after all: live: the name points at it');
    expect(mutations(retire.calls).filter((c) => JSON.stringify(c.params).includes('prod-api-b2'))).toEqual(
      [],
    );
  });

  it("deletes only while holding the name's lease, which the rollback took in between", () => {
    const leaseCalls = retire.calls.filter(isLease).map((c) => c.seq);
    const deletes = mutations(retire.calls).filter((c) => !isLease(c));
    expect(leaseCalls.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...deletes.map((c) => c.seq))).toBeGreaterThan(Math.min(...leaseCalls));
    expect(retire.logLines.join('\n')).toMatch(
      /Holding the lease _immut-lease\.api\.prod\.example\.test\. until/,
    );
    expect(rollback.logLines.join('\n')).toContain('Holding the lease');
  });
});

describe('retire-release refuses bad inputs and names it does not manage', () => {
  let w: World;
  const bad: Record<string, Run> = {};
  let unmanaged: Run;
  const cases: Record<string, [Record<string, string>, RegExp]> = {
    keep: [{ keep: '0' }, /Input 'keep' was '0': too small; expected a whole number from 1 to 100/],
    'keep-text': [{ keep: 'two' }, /Input 'keep' was 'two': not a whole number/],
    'keep-images': [{ 'keep-images': '-1' }, /Input 'keep-images' was '-1'/],
    'final-snapshot': [{ 'final-snapshot': 'maybe' }, /Input 'final-snapshot' was 'maybe': not a boolean/],
    timeout: [{ timeout: '5s' }, /Input 'timeout' was '5s': out of range/],
    'zone-form': [
      { zone: 'not a zone!' },
      /Input 'zone' was 'not a zone!': neither a hosted zone id nor a DNS name/,
    ],
    'zone-missing': [
      { zone: 'nowhere.test' },
      /Input 'zone' was 'nowhere.test': this account has no hosted zone/,
    ],
    'zone-id': [
      { zone: 'Z0000000000NOPE' },
      // Under the generated policy (zones named) any other id is AccessDenied, as on AWS.
      /Input 'zone' was 'Z0000000000NOPE': the role may not read that hosted zone \(AWS denied route53:GetHostedZone\)/,
    ],
    'hosted-zone': [
      { 'hosted-zone': 'Z0123456789ABC/elsewhere.test/public' },
      /Input 'hosted-zone' was 'Z0123456789ABC\/elsewhere\.test\/public', which is not the zone input 'zone' names/,
    ],
    name: [
      { name: 'api.prod.elsewhere.test' },
      /Input 'name' was 'api.prod.elsewhere.test': it is not inside hosted zone example.test/,
    ],
    role: [{ role: 'Bad_Role' }, /Input 'role' was 'Bad_Role'/],
    env: [{ env: '' }, /Input 'env' is required/],
  };
  scenario(async () => {
    w = await world(2);
    await Promise.all(
      Object.entries(cases).map(async ([key, [inputs]]) => {
        bad[key] = await run(w, inputs);
      }),
    );
    // A name with an A record but no history: immut did not create it.
    await w.c.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: w.zone,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: NAME,
                Type: 'A',
                AliasTarget: {
                  HostedZoneId: w.releases[0]!.zoneId,
                  DNSName: w.releases[0]!.dnsName,
                  EvaluateTargetHealth: false,
                },
              },
            },
          ],
        },
      }),
    );
    unmanaged = await run(w, { keep: '1' });
  });

  it.each(Object.keys(cases))('rejects bad %s with a clear error and changes nothing', (key) => {
    const r = bad[key]!;
    expect(r.exitCode).not.toBe(0);
    expect(
      errorsOf(r)
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(cases[key]![1]);
    expect(mutations(r.calls)).toEqual([]);
  });

  it('refuses a name with no immut history record', () => {
    expect(unmanaged.exitCode).not.toBe(0);
    expect(
      errorsOf(unmanaged)
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/Refusing to retire builds .* has an A record but no immut history record/);
    expect(mutations(unmanaged.calls)).toEqual([]);
  });
});

describe('retire-release and an image promoted from another env', () => {
  let w: World;
  let promoted: string;
  let snapshot: string;
  let r: Run;
  scenario(async () => {
    w = await world(3);
    // Staging baked s1 and promoted it to prod as build b1: tag-release marked the image and
    // its snapshot immut:used-by:prod=b1.
    const staging = { role: ROLE, env: 'staging', build: 's1' };
    const server = await w.c.ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a0000000000a2303',
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
    await w.sandbox.advance(60_000);
    const tags = toAwsTags({
      ...standardTags(staging, PROVENANCE, imageName(staging, 'abcdef0123456789')),
      'immut:used-by:prod': 'b1',
    });
    const image = await w.c.ec2.send(
      new CreateImageCommand({
        InstanceId: server.Instances?.[0]?.InstanceId ?? '',
        Name: imageName(staging, 'abcdef0123456789'),
        TagSpecifications: [
          { ResourceType: 'image', Tags: tags },
          { ResourceType: 'snapshot', Tags: tags },
        ],
      }),
    );
    promoted = image.ImageId ?? '';
    await w.sandbox.advance(10 * 60_000);
    const described = await w.c.ec2.send(new DescribeImagesCommand({ ImageIds: [promoted] }));
    snapshot = described.Images?.[0]?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
    await cutOver(w, w.releases[2]!, w.releases[1]!);
    r = await run(w, { keep: '2' });
  });

  it("takes prod's used-by mark off the staging image once prod's build b1 is retired, and leaves the image", async () => {
    expectOk(r);
    expect(r.stdout).toContain(`Released image ${promoted} (staging): build b1 no longer runs it here`);
    const image = (await w.c.ec2.send(new DescribeImagesCommand({ ImageIds: [promoted] }))).Images?.[0];
    expect(image?.State).toBe('available');
    const imageTags = Object.fromEntries((image?.Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(imageTags['immut:used-by:prod']).toBeUndefined();
    expect(imageTags[TAG.env]).toBe('staging');
    const snap = (await w.c.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshot] })))
      .Snapshots?.[0];
    expect((snap?.Tags ?? []).map((t) => t.Key)).not.toContain('immut:used-by:prod');
    expect(
      mutations(r.calls)
        .filter((c) => c.operation === 'DeregisterImage')
        .map((c) => JSON.stringify(c.params)),
    ).not.toContainEqual(expect.stringContaining(promoted));
  });
});

describe('retire-release permissions', () => {
  it('calls only the IAM actions it documents, and every one of them', () => {
    const called = iamActionsCalled(actionCalls);
    const documented = documentedIamActions('retire-release');
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    // Retiring an Aurora clone is exercised by replicate-data-cluster.test.ts, mode unshare
    // (ModifyImageAttribute, ModifySnapshotAttribute) by promote-cross-account.test.ts.
    const elsewhere = ['rds:DeleteDBCluster', 'ec2:ModifyImageAttribute', 'ec2:ModifySnapshotAttribute'];
    expect(documented.filter((a) => !called.includes(a) && !elsewhere.includes(a))).toEqual([]);
  });
});
