// bake() in process: real SDK clients against the sandbox, a recording IO, and a clock
// that moves the sandbox's clock when the action sleeps, so every wait is deterministic
// and takes no wall time.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { startSandbox, type Sandbox } from '@immut/sandbox';
import { recordingIO } from '@immut/test-support/recording-io';
import { bake, KIND, type BakeInputs } from '../bake.js';
import { renderSummary } from '../summary.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

let sb: Sandbox;
let ec2: EC2Client;
let ssm: SSMClient;
let ws: string;
/** EC2 clients of the other regions, by region. */
const regional = new Map<string, EC2Client>();

function ec2For(region: string): EC2Client {
  if (region === 'us-east-1') return ec2;
  let client = regional.get(region);
  if (!client) {
    client = new EC2Client({ endpoint: sb.endpoint, region, credentials, maxAttempts: 1 });
    regional.set(region, client);
  }
  return client;
}

beforeAll(async () => {
  sb = await startSandbox({ timeScale: 1 });
  const config = { endpoint: sb.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  ec2 = new EC2Client(config);
  ssm = new SSMClient(config);
});
afterAll(async () => {
  ec2.destroy();
  ssm.destroy();
  for (const client of regional.values()) client.destroy();
  await sb.stop();
});
beforeEach(async () => {
  await sb.reset();
  ws = mkdtempSync(path.join(os.tmpdir(), 'immut-bake-'));
  mkdirSync(path.join(ws, 'deploy'));
  writeFileSync(path.join(ws, 'deploy/provision.sh'), '#!/bin/bash\nset -e\n');
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

/** The sandbox's clock, advanced by every sleep of the action. */
const sandboxClock = (): Clock => ({
  now: () => sb.clock.now(),
  sleep: async (ms) => sb.advance(ms),
});

const inputs = (over: Partial<BakeInputs> = {}): BakeInputs => ({
  identity: { role: 'api', env: 'prod', build: 'b000007' },
  region: 'us-east-1',
  dryRun: false,
  baseImage: 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  ssmParameterPrefixes: [],
  provision: 'deploy/provision.sh',
  logPaths: ['/var/log/api/*.log'],
  appVersion: '2.0.0',
  instanceType: 't3.small',
  subnetIds: undefined,
  securityGroupIds: undefined,
  instanceProfile: undefined,
  force: false,
  keepOnFailure: false,
  timeoutMs: 60 * 60_000,
  kmsKey: undefined,
  copyToRegions: [],
  artifact: [],
  stagingBucket: undefined,
  ...over,
});

function deps(io = recordingIO()) {
  return {
    io,
    deps: {
      ec2,
      ec2For,
      ssm,
      io,
      clock: sandboxClock(),
      cleanup: new CleanupLog(io),
      env: { GITHUB_RUN_ID: '77' },
      workspace: ws,
    },
  };
}

async function instanceState(id: string): Promise<string | undefined> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return out.Reservations?.[0]?.Instances?.[0]?.State?.Name;
}

describe('bake', () => {
  it('bakes, times each phase, and then reuses the image for the same fingerprint', async () => {
    const first = deps();
    const baked = await bake(inputs(), first.deps);
    expect(baked.cacheHit).toBe(false);
    expect(baked.image?.how).toBe('baked');
    expect(baked.phases.map((p) => p.name)).toEqual(['resolve', 'builder', 'image']);
    expect(baked.builder?.terminated).toBe(true);
    expect(await instanceState(baked.builder!.instanceId)).toBe('shutting-down');
    expect(first.io.log).toContain(`group: Console output of builder ${baked.builder!.instanceId}`);
    expect(renderSummary(inputs().identity, baked)).toContain(baked.fingerprint);

    const again = await bake(
      inputs({ identity: { role: 'api', env: 'prod', build: 'b000008' } }),
      deps().deps,
    );
    expect(again).toMatchObject({ cacheHit: true, image: { imageId: baked.image!.imageId, how: 'cache' } });
    expect(again.builder).toBeUndefined();

    const forced = await bake(
      inputs({ force: true, identity: { role: 'api', env: 'prod', build: 'b000009' } }),
      deps().deps,
    );
    expect(forced.cacheHit).toBe(false);
    expect(forced.image?.imageId).not.toBe(baked.image!.imageId);
  });

  it('keeps the builder of a failed bake with keep-on-failure, and says so', async () => {
    sb.addFaults([{ kind: 'builder-fails' }]);
    const { io, deps: d } = deps();
    await expect(bake(inputs({ keepOnFailure: true }), d)).rejects.toThrow(/Provisioning failed on builder/);
    const kept = d.cleanup.created().find((r) => r.kind === KIND.builder);
    expect(kept).toBeDefined();
    expect(await instanceState(kept!.id)).toBe('stopped');
    expect(io.log.some((l) => l.startsWith('warning: keep-on-failure is set'))).toBe(true);
  });

  it('stops at the deadline with a clear error while the builder still works', async () => {
    const { deps: d } = deps();
    await expect(bake(inputs({ timeoutMs: 2 * 60_000 }), d)).rejects.toThrow(
      /Timed out after .* waiting for builder i-[0-9a-f]+ to provision and power off; still running/,
    );
    // The builder was terminated on the way out, and forgotten by the cleanup log.
    expect(d.cleanup.created()).toEqual([]);
  });
});
