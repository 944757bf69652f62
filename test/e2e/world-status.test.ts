// The world action's mode status against the sandbox: the example world's three roles
// released (tag-release's bundle), each behind its load balancer and cut over (the name and
// its history record as cutover-dns leaves them), then AWS publishes two newer Amazon Linux
// heads under the parameter one role's base-image names. That role is stale with 2 newer
// heads, the others are not; fail-on-stale fails naming it; only-stale plans just it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { historyRecord } from '@immut/core/dns-history';
import { roleDnsName } from '@immut/core/naming';
import { parseWorld, planWorld } from '@immut/core/world';
import type { WorldStatus } from '@immut/core/world-status';
import type { CallRecord, Sandbox, SsmService } from '@immut/sandbox';
import { REPO_ROOT, describeRun, errorsOf, runAction, type ActionRun } from '@immut/action-runner';
import {
  launchBuild,
  sdkClients,
  settle,
  zoneId,
  type Build,
  type Clients,
} from '@immut/test-support/builds-behind-lb';
import { makeDb, makeImage, releaseInputs } from '@immut/test-support/release-parts';
import {
  WORKFLOW_TIME_SCALE,
  documentedIamActions,
  grantScope,
  iamActionsCalled,
  machineEnv,
  sandboxEnv,
  startE2eSandbox,
  workflowRoles,
} from '@immut/test-support/sandbox';
import { runWorkflow, type WorkflowRunResult } from '@immut/workflow-runner';
import { describeRunFailure } from '@immut/test-support/workflow-failures';

const ENV = 'prod';
const ROLES = ['api', 'web', 'worker'];
const LIVE = 'b000007';
const OLDER = 'b000006';
/** worker's OS head: the kernel-6.1 parameter, which only worker uses in this world. */
const WORKER_HEADS = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64';

let sandbox: Sandbox;
let c: Clients;
let workspace: string;
/** Every temporary directory the file makes, removed after it. */
const temps: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The runner's temporary directory, kept after each run so the status file can be read. */
const runnerTemp = tempDir('immut-world-status-temp-');
const worldCalls: CallRecord[] = [];

/** The example world, with worker's base image from its own parameter. */
function worldFile(): string {
  const example = readFileSync(path.join(REPO_ROOT, 'examples/consumer/immut.world.yml'), 'utf8');
  const text = example.replace(
    '    app-version: 0.9.0\n',
    `    app-version: 0.9.0\n    base-image: ssm:${WORKER_HEADS}\n`,
  );
  expect(text).not.toBe(example);
  return text;
}

/** One role's release in build `build`: its image (and api's replica) and tag-release's record. */
async function release(role: string, build: string): Promise<void> {
  const id = { role, env: ENV, build };
  const imageId = await makeImage(sandbox, id);
  const db = role === 'api' ? await makeDb(sandbox, id) : undefined;
  const run = await runAction('tag-release', {
    inputs: { ...releaseInputs(imageId, db), role, build },
    env: { ...sandboxEnv(sandbox, 'tag-release'), GITHUB_API_URL: sandbox.endpoint },
  });
  if (run.exitCode !== 0) throw new Error(`releasing ${role} failed:\n${describeRun(run)}`);
}

/** Points the role's name at `build` with its history record, as cutover-dns leaves them. */
async function cutOver(zone: string, name: string, role: string, build: Build): Promise<void> {
  const target = {
    build: build.identity.build,
    release: `${role}-${build.identity.build}`,
    dnsName: build.dnsName,
    zoneId: build.zoneId,
  };
  await c.route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zone,
      ChangeBatch: {
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: name,
              Type: 'A',
              AliasTarget: { HostedZoneId: build.zoneId, DNSName: build.dnsName, EvaluateTargetHealth: true },
            },
          },
          {
            Action: 'UPSERT',
            ResourceRecordSet: historyRecord(name, {
              role,
              env: ENV,
              current: target,
              at: new Date(sandbox.clock.now()).toISOString(),
            }),
          },
        ],
      },
    }),
  );
}

/** AWS publishes a newer Amazon Linux image under the public parameter. */
async function publishHead(version: string): Promise<string> {
  const imageId = await makeImage(
    sandbox,
    { role: 'os', env: 'aws', build: 'b000001' },
    { Name: `al2023-ami-${version}-kernel-6.1-x86_64` },
    `al2023-ami-${version}-kernel-6.1-x86_64`,
  );
  const ssm = sandbox.services.find((s) => s.name === 'ssm') as SsmService;
  ssm.publishPublicParameter(WORKER_HEADS, imageId);
  return imageId;
}

async function world(inputs: Record<string, string>): Promise<ActionRun> {
  const before = sandbox.calls().length;
  const run = await runAction('world', {
    inputs,
    env: { ...sandboxEnv(sandbox, 'world'), GITHUB_API_URL: sandbox.endpoint, RUNNER_TEMP: runnerTemp },
    cwd: workspace,
  });
  worldCalls.push(...sandbox.calls().slice(before));
  return run;
}

const statusOf = (run: ActionRun): WorldStatus => JSON.parse(run.outputs['status'] ?? '{}') as WorldStatus;
const roleOf = (status: WorldStatus, role: string) => status.roles.find((r) => r.role === role);

let newHeads: string[];
let statusRun: ActionRun;

beforeAll(async () => {
  sandbox = await startE2eSandbox({ seed: 'default' });
  c = sdkClients(sandbox);
  workspace = tempDir('immut-world-status-');
  writeFileSync(path.join(workspace, 'immut.world.yml'), worldFile());
  const plans = planWorld(parseWorld(worldFile()));
  const zone = await zoneId(c);
  for (const role of ROLES) await release(role, LIVE);
  const builds = new Map<string, Build>();
  for (const role of ROLES) builds.set(role, await launchBuild(sandbox, c, { role, env: ENV, build: LIVE }));
  // api's previous build still stands beside the live one (not yet retired).
  await launchBuild(sandbox, c, { role: 'api', env: ENV, build: OLDER });
  await settle(sandbox);
  for (const plan of plans) await cutOver(zone, plan['dns-name'], plan.role, builds.get(plan.role)!);
  newHeads = [await publishHead('2023.7.20250301.0'), await publishHead('2023.7.20250315.0')];
  statusRun = await world({ mode: 'status', 'max-age': '30d' });
}, 300_000);

afterAll(async () => {
  c?.destroy();
  await sandbox?.stop();
});

describe('world status', () => {
  it('flags the role whose parameter moved on as stale, with the right count of newer heads', () => {
    expect(errorsOf(statusRun)).toEqual([]);
    expect(statusRun.exitCode).toBe(0);
    const status = statusOf(statusRun);
    expect(status.stale).toEqual(['worker']);
    expect(statusRun.outputs['stale']).toBe('worker');
    const worker = roleOf(status, 'worker');
    expect(worker?.freshness).toMatchObject({ stale: true, newerHeads: 2 });
    expect(worker?.freshness.summary).toMatch(/^running an OS head \d+ days old; 2 newer heads exist$/);
    expect(worker?.head.newer.map((h) => h.imageId)).toEqual([...newHeads].reverse());
    expect(worker?.head.current?.imageId).toBe(newHeads[1]);
    for (const role of ['api', 'web']) {
      expect(roleOf(status, role)?.freshness).toMatchObject({ stale: false, newerHeads: 0 });
      expect(roleOf(status, role)?.freshness.summary).toMatch(/; no newer head exists$/);
    }
    expect(
      statusRun.annotations
        .filter((a) => a.level === 'warning')
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/1 role\(s\) of prod are stale .*worker \(running an OS head/);
  });

  it('reports the live and standing builds, the release each runs and the replica', () => {
    const status = statusOf(statusRun);
    const api = roleOf(status, 'api');
    expect(api?.dnsName).toBe(roleDnsName({ role: 'api', env: ENV }, 'example.test'));
    expect(api?.live.map((b) => [b.build, b.state])).toEqual([[LIVE, 'live']]);
    expect(api?.standing.map((b) => [b.build, b.state])).toEqual([[OLDER, 'standing']]);
    expect(api?.release).toMatchObject({
      tag: `immut/prod/api/${LIVE}`,
      app: '1.4.2',
      base: { imageId: 'ami-0a0000000000a2303', created: '2025-01-16T18:42:10.000Z' },
    });
    expect(api?.replica).toMatchObject({ id: `immut-prod-api-${LIVE}`, kind: 'instance' });
    expect(api?.replica?.created).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(typeof api?.replicaAgeMs).toBe('number');
    expect(roleOf(status, 'web')?.dnsName).toBe('www.example.test');
    expect(roleOf(status, 'web')?.standing).toEqual([]);
    expect(roleOf(status, 'worker')?.replica).toBeUndefined();
  });

  it('writes a table and a timeline to the job summary, and the JSON to a file', () => {
    expect(statusRun.summary).toMatch(
      /\| worker \| ⚠️ stale \| b000007 \| — \| `immut\/prod\/worker\/b000007` \|/,
    );
    expect(statusRun.summary).toMatch(/\| api \| ✅ fresh \| b000007 \| b000006 \|/);
    expect(statusRun.summary).toMatch(/```mermaid\ngantt\n/);
    expect(statusRun.summary).toContain('section worker');
    const file = statusRun.outputs['status-file'] ?? '';
    expect(path.dirname(file)).toBe(runnerTemp);
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(statusOf(statusRun));
  });

  it('with fail-on-stale, fails naming the stale role and only it', async () => {
    const run = await world({ mode: 'status', 'max-age': '30d', 'fail-on-stale': 'true' });
    expect(run.exitCode).not.toBe(0);
    const message = errorsOf(run)
      .map((e) => e.message)
      .join('\n');
    expect(message).toMatch(
      /^world: 1 role\(s\) of prod are stale .*: worker \(running an OS head \d+ days old; 2 newer heads exist\)/,
    );
    expect(message).not.toMatch(/\bapi\b|\bweb\b/);
    expect(statusOf(run).stale).toEqual(['worker']);
  });

  it('does not flag a role whose head is younger than max-age', async () => {
    const run = await world({ mode: 'status', 'max-age': '3650d', 'fail-on-stale': 'true' });
    expect(errorsOf(run)).toEqual([]);
    expect(statusOf(run).stale).toEqual([]);
    expect(roleOf(statusOf(run), 'worker')?.freshness).toMatchObject({ stale: false, newerHeads: 2 });
  });

  it('with only-stale, plans exactly the stale roles', async () => {
    const run = await world({ mode: 'plan', 'only-stale': 'true', 'max-age': '30d' });
    expect(errorsOf(run)).toEqual([]);
    const matrix = JSON.parse(run.outputs['matrix'] ?? '') as { include: Array<Record<string, string>> };
    expect(matrix.include.map((e) => e['role'])).toEqual(['worker']);
    expect(matrix.include[0]?.['base-image']).toBe(`ssm:${WORKER_HEADS}`);
    expect(run.outputs['roles']).toBe('worker');
    expect(run.outputs['count']).toBe('1');
  });

  it('refuses a max-age that is not a duration before calling AWS', async () => {
    const before = sandbox.calls().length;
    const run = await world({ mode: 'status', 'max-age': '30 days' });
    expect(run.exitCode).not.toBe(0);
    expect(errorsOf(run)[0]?.message).toMatch(
      /Input 'max-age' was '30 days': not a duration; expected a duration in whole hours, days or weeks/,
    );
    expect(sandbox.calls().length).toBe(before);
  });

  it('rebuilds exactly the stale role on the schedule, which then is fresh', async () => {
    const consumer = tempDir('immut-world-status-consumer-');
    cpSync(path.join(REPO_ROOT, 'examples', 'consumer'), consumer, { recursive: true });
    writeFileSync(path.join(consumer, 'immut.world.yml'), worldFile());
    const plans = planWorld(parseWorld(worldFile()));
    grantScope(sandbox, {
      recordNames: plans.flatMap((p) => [p['dns-name'], `${p.role}.${p.env}.${p.zone}`]),
    });
    const roleArn = 'arn:aws:iam::123456789012:role/immut-test';
    const result = await runWorkflow({
      workflowFile: '.github/workflows/rebuild-the-world.yml',
      event: 'schedule',
      inputs: {},
      vars: { IMMUT_AWS_ROLE_ARN: roleArn },
      repoRoot: REPO_ROOT,
      workspaceSource: consumer,
      env: {
        ...machineEnv(sandbox),
        PATH: `${path.join(REPO_ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
      },
      // The repository tag-release recorded the live releases in (the action harness's).
      github: { repository: 'immut-test/app', run_number: '9', api_url: sandbox.endpoint },
      awsRoles: workflowRoles(sandbox, roleArn),
      autoApproveEnvironments: true,
      log: () => undefined,
    });
    expect(describeRunFailure(result)).toBe('');
    expect(result.jobs.filter((j) => j.called).map((j) => j.matrix?.['role'])).toEqual(['worker']);
    const record = result.jobs.find((j) => j.jobId === 'record');
    const manifest = JSON.parse(
      record?.outputs['manifest'] ?? record?.steps.at(-1)?.outputs['manifest'] ?? '{}',
    ) as {
      roles?: Record<string, unknown>;
    };
    expect(Object.keys(manifest.roles ?? {})).toEqual(['worker']);
    const after = statusOf(await world({ mode: 'status', 'max-age': '30d' }));
    expect(after.stale).toEqual([]);
    expect(roleOf(after, 'worker')?.release?.base.imageId).toBe(newHeads[1]);
    expect(roleOf(after, 'worker')?.freshness.newerHeads).toBe(0);
    expect(roleOf(after, 'api')?.live.map((b) => b.build)).toEqual([LIVE]);
  }, 600_000);

  it('calls only the IAM actions its docs list, and all of them but the Aurora one', () => {
    expect(
      worldCalls.filter(
        (call) => call.outcome === 'error' && /AccessDenied|Unauthorized/.test(call.errorCode ?? ''),
      ),
    ).toEqual([]);
    const called = iamActionsCalled(worldCalls);
    const documented = documentedIamActions('world');
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    // rds:DescribeDBClusters reads an Aurora clone's age; these releases hold DB instances.
    expect(documented.filter((a) => !called.includes(a))).toEqual(['rds:DescribeDBClusters']);
  });
});

// ---------------------------------------------------------------------------------------
// rebuild-the-world on its schedule, through the local workflow runner: no inputs, the role
// from the repository variable, only the stale roles planned (here none: nothing is live).

describe('rebuild-the-world on its schedule', () => {
  const ROLE_ARN = 'arn:aws:iam::123456789012:role/immut-test';
  let fresh: Sandbox;
  let consumer: string;

  beforeAll(async () => {
    fresh = await startE2eSandbox({ seed: 'default', timeScale: WORKFLOW_TIME_SCALE });
    consumer = tempDir('immut-world-schedule-');
    cpSync(path.join(REPO_ROOT, 'examples', 'consumer'), consumer, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await fresh?.stop();
  });

  function scheduled(vars: Record<string, string>): Promise<WorkflowRunResult> {
    return runWorkflow({
      workflowFile: '.github/workflows/rebuild-the-world.yml',
      event: 'schedule',
      inputs: {},
      vars,
      repoRoot: REPO_ROOT,
      workspaceSource: consumer,
      env: machineEnv(fresh),
      github: { repository: 'acme/shop', run_number: '7', api_url: fresh.endpoint },
      awsRoles: workflowRoles(fresh, ROLE_ARN),
      autoApproveEnvironments: true,
      log: () => undefined,
    });
  }

  it('plans only the stale roles with the role from IMMUT_AWS_ROLE_ARN, and releases none when none is', async () => {
    const before = fresh.calls().length;
    const result = await scheduled({ IMMUT_AWS_ROLE_ARN: ROLE_ARN });
    const plan = result.jobs.find((j) => j.jobId === 'plan');
    expect(plan?.result).toBe('success');
    expect(plan?.steps.find((s) => s.id === 'roles')?.outcome).toBe('success');
    expect(result.needs['plan']?.outputs).toMatchObject({ count: '0', env: 'prod' });
    expect(result.needs['plan']?.outputs['roles'] ?? '').toBe('');
    expect(result.needs['release']?.result).toBe('skipped');
    expect(result.needs['record']?.result).toBe('skipped');
    expect(result.result).toBe('success');
    // The status was read from AWS: each role's name and its base image's parameter history.
    const calls = fresh.calls().slice(before);
    expect(calls.filter((c) => c.operation === 'GetParameterHistory').length).toBe(3);
    expect(calls.some((c) => c.operation === 'CreateImage' || c.operation === 'RunInstances')).toBe(false);
  }, 300_000);

  it('takes only-stale and max-age from a dispatch, and the role from its input', async () => {
    const result = await runWorkflow({
      workflowFile: '.github/workflows/rebuild-the-world.yml',
      event: 'workflow_dispatch',
      inputs: { 'aws-role-arn': ROLE_ARN, 'only-stale': true, 'max-age': '2w' },
      repoRoot: REPO_ROOT,
      workspaceSource: consumer,
      env: machineEnv(fresh),
      github: { repository: 'acme/shop', run_number: '8', api_url: fresh.endpoint },
      awsRoles: workflowRoles(fresh, ROLE_ARN),
      autoApproveEnvironments: true,
      log: () => undefined,
    });
    const roles = result.jobs.find((j) => j.jobId === 'plan')?.steps.find((s) => s.id === 'roles');
    expect(roles?.log.join('\n')).toMatch(/only-stale: no role is stale \(max-age 2w\)/);
    expect(result.needs['plan']?.outputs['count']).toBe('0');
    expect(result.needs['release']?.result).toBe('skipped');
    expect(result.result).toBe('success');
  }, 300_000);

  it('fails naming the repository variable when it is not set', async () => {
    const result = await scheduled({});
    const plan = result.jobs.find((j) => j.jobId === 'plan');
    expect(plan?.result).toBe('failure');
    const text =
      JSON.stringify(plan?.annotations ?? []) + (plan?.steps ?? []).flatMap((s) => s.log).join('\n');
    expect(text).toMatch(/repository variable IMMUT_AWS_ROLE_ARN, which is not set/);
    expect(result.result).toBe('failure');
  }, 300_000);
});
