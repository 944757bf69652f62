// rollback.yml through the local workflow runner against the sandbox: back to the standing
// previous build from the name's history, and back to a retired release by relaunching it
// from its tag.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { Route53Client, TestDNSAnswerCommand } from '@aws-sdk/client-route-53';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseWorld, planWorld } from '@immut/core/world';
import type { Sandbox } from '@immut/sandbox';
import { runWorkflow } from '@immut/workflow-runner';
import type { WorkflowRunResult } from '@immut/workflow-runner';
import { REPO_ROOT, runAction } from '@immut/action-runner';
import {
  ADMIN_CREDENTIALS,
  WORKFLOW_TIME_SCALE,
  grantScope,
  machineEnv,
  sandboxEnv,
  startE2eSandbox,
  workflowRoles,
} from '@immut/test-support/sandbox';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/immut-test';
let sandbox: Sandbox;
let consumer: string;
let zoneId: string;
const answers: Record<string, string> = {};
/** Each build's Auto Scaling group after the relaunch: name → InService, Healthy servers. */
const groups: Record<string, number> = {};
const results: Record<string, WorkflowRunResult> = {};

function machine(): Record<string, string> {
  return { ...machineEnv(sandbox), PATH: process.env['PATH'] ?? '' };
}

function github(runNumber: number): Record<string, string> {
  return {
    repository: 'acme/shop',
    sha: 'd'.repeat(40),
    run_id: String(7000 + runNumber),
    run_number: String(runNumber),
    run_attempt: '1',
    api_url: sandbox.endpoint,
  };
}

/** The worker role of the example world, as release.yml and rollback.yml inputs. */
function workerInputs(): Record<string, string> {
  const plan = planWorld(parseWorld(readFileSync(path.join(consumer, 'immut.world.yml'), 'utf8'))).find(
    (p) => p.role === 'worker',
  );
  if (!plan) throw new Error('no worker role in the example world');
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(plan)) {
    if (value !== undefined) inputs[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return inputs;
}

async function run(
  file: string,
  event: 'workflow_call' | 'workflow_dispatch',
  inputs: Record<string, string>,
  runNumber: number,
) {
  return runWorkflow({
    workflowFile: file,
    event,
    inputs: { ...inputs, 'aws-role-arn': ROLE_ARN },
    repoRoot: REPO_ROOT,
    workspaceSource: consumer,
    env: machine(),
    // The role the workflows assume holds the union of the actions' generated policies.
    awsRoles: workflowRoles(sandbox, ROLE_ARN),
    github: github(runNumber),
    autoApproveEnvironments: true,
    log: () => undefined,
  });
}

async function answer(name: string): Promise<string> {
  const route53 = new Route53Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
  });
  try {
    const out = await route53.send(
      new TestDNSAnswerCommand({ HostedZoneId: zoneId, RecordName: name, RecordType: 'A' }),
    );
    return (out.RecordData ?? []).join(',');
  } finally {
    route53.destroy();
  }
}

function launchedDnsName(result: WorkflowRunResult): string {
  const launch = result.jobs.find((j) => j.jobId === 'launch' || j.jobId === 'relaunch');
  return `${launch?.outputs['load-balancer-dns-name'] ?? '(none)'}.`;
}

beforeAll(async () => {
  sandbox = await startE2eSandbox({ seed: 'default', timeScale: WORKFLOW_TIME_SCALE });
  consumer = mkdtempSync(path.join(tmpdir(), 'immut-rollback-e2e-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'consumer'), consumer, { recursive: true });
  const worker = workerInputs();
  const name = worker['dns-name'] ?? '';
  grantScope(sandbox, { recordNames: [name] });
  const rollbackInputs = {
    env: worker['env'] ?? '',
    role: 'worker',
    zone: worker['zone'] ?? '',
    name,
    region: worker['region'] ?? '',
  };
  const release = worker;

  results['b1'] = await run('.github/workflows/release.yml', 'workflow_call', release, 1);
  results['b2'] = await run('.github/workflows/release.yml', 'workflow_call', release, 2);
  zoneId = await (async () => {
    const { ListHostedZonesByNameCommand } = await import('@aws-sdk/client-route-53');
    const route53 = new Route53Client({
      endpoint: sandbox.endpoint,
      region: 'us-east-1',
      credentials: { ...ADMIN_CREDENTIALS },
    });
    try {
      const zones = await route53.send(new ListHostedZonesByNameCommand({ DNSName: worker['zone'] }));
      return zones.HostedZones?.[0]?.Id?.replace('/hostedzone/', '') ?? '';
    } finally {
      route53.destroy();
    }
  })();
  answers['after b2'] = await answer(name);

  results['back'] = await run('.github/workflows/rollback.yml', 'workflow_dispatch', rollbackInputs, 3);
  answers['after rollback'] = await answer(name);
  results['forward'] = await run('.github/workflows/rollback.yml', 'workflow_dispatch', rollbackInputs, 4);
  answers['after second rollback'] = await answer(name);

  // Retire everything but the live build (b2), then roll back to b1's release by tag.
  const retire = await runAction('retire-release', {
    inputs: {
      role: 'worker',
      env: rollbackInputs.env,
      build: 'b000005',
      zone: rollbackInputs.zone,
      name,
      keep: '1',
    },
    env: sandboxEnv(sandbox, 'retire-release'),
    timeoutMs: 60_000,
  });
  answers['retired'] = retire.outputs['retired'] ?? '';
  results['relaunch'] = await run(
    '.github/workflows/rollback.yml',
    'workflow_dispatch',
    {
      ...rollbackInputs,
      release: 'immut/prod/worker/b000001',
      'subnet-ids': worker['subnet-ids'] ?? '',
      'security-group-ids': worker['security-group-ids'] ?? '',
      'lb-security-group-ids': worker['lb-security-group-ids'] ?? '',
      count: worker['count'] ?? '1',
    },
    6,
  );
  answers['after relaunch'] = await answer(name);
  const autoscaling = new AutoScalingClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
  });
  try {
    const out = await autoscaling.send(new DescribeAutoScalingGroupsCommand({}));
    for (const g of out.AutoScalingGroups ?? []) {
      groups[g.AutoScalingGroupName ?? ''] = (g.Instances ?? []).filter(
        (m) => m.LifecycleState === 'InService' && m.HealthStatus === 'Healthy',
      ).length;
    }
  } finally {
    autoscaling.destroy();
  }
}, 240_000);

afterAll(async () => {
  await sandbox?.stop();
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('rollback.yml through the local runner', () => {
  it('moves the name back to the standing previous build, and forward again', () => {
    expect(results['b1']?.result).toBe('success');
    expect(results['b2']?.result).toBe('success');
    expect(answers['after b2']).toBe(launchedDnsName(results['b2']!));
    expect(results['back']?.result).toBe('success');
    expect(answers['after rollback']).toBe(launchedDnsName(results['b1']!));
    expect(results['forward']?.result).toBe('success');
    expect(answers['after second rollback']).toBe(launchedDnsName(results['b2']!));
  });

  it('relaunches a retired release from its tag and moves the name to it', () => {
    expect(answers['retired']).toContain('b000001');
    const relaunch = results['relaunch'];
    expect(relaunch?.result).toBe('success');
    const relaunched = launchedDnsName(relaunch!);
    expect(relaunched).toContain('b000001');
    expect(relaunched).not.toBe(launchedDnsName(results['b1']!));
    expect(answers['after relaunch']).toBe(relaunched);
    // The relaunched build is a fleet again, one group for it, beside the live build's.
    expect(groups['prod-worker-b000001']).toBeGreaterThanOrEqual(1);
    expect(
      Object.keys(groups)
        .filter((g) => g.startsWith('prod-worker-'))
        .sort(),
    ).toEqual(['prod-worker-b000001', 'prod-worker-b000002']);
  });
});
