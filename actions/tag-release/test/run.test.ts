// runTagRelease with the real SDK clients and Octokit against the sandbox (AWS + GitHub
// slice), and the recording IO; plus input checks and the post step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { CleanupLog } from '@immut/core/cleanup';
import { createGitHubClient } from '@immut/core/github';
import { runAction } from '@immut/core/run-action';
import type { Sandbox } from '@immut/sandbox';
import { startSandbox } from '@immut/sandbox';
import { recordingIO } from '@immut/test-support/recording-io';
import { checkManifestInputs, type ManifestInputs } from '../build-manifest.js';
import { tagRelease } from '../main.js';
import { runTagRelease, type RunOptions } from '../run.js';
import {
  FINGERPRINT,
  REPOSITORY,
  SEED_AMI,
  SHA,
  makeImage,
  sandboxClients,
  tagReleaseClients,
} from '@immut/test-support/release-parts';

const ID = { role: 'api', env: 'prod', build: 'b7' };
let sandbox: Sandbox;
let runnerTemp: string;

beforeAll(async () => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  sandbox = await startSandbox({ timeScale: 1000 });
  runnerTemp = mkdtempSync(join(tmpdir(), 'immut-tag-release-'));
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(runnerTemp, { recursive: true, force: true });
  // nock patches Node's globals, which the next test file in this worker shares.
  nock.enableNetConnect();
  nock.restore();
});

function inputs(imageId: string, extra: Partial<ManifestInputs> = {}): ManifestInputs {
  return {
    imageId,
    fingerprint: FINGERPRINT,
    baseImageId: SEED_AMI,
    dbInstanceId: undefined,
    dbEndpoint: undefined,
    dataSource: undefined,
    changelogApplied: undefined,
    appVersion: '1.0.0',
    flags: { LOG_LEVEL: 'debug' },
    ...extra,
  };
}

function options(imageId: string, overrides: Partial<RunOptions> = {}) {
  const env = { RUNNER_TEMP: runnerTemp, GITHUB_API_URL: sandbox.endpoint };
  const io = recordingIO({}, { env });
  const octokit = createGitHubClient({ token: 't', env, action: 'tag-release', log: io, timeScale: 1000 });
  const run: RunOptions = {
    inputs: inputs(imageId),
    identity: ID,
    region: 'us-east-1',
    dryRun: false,
    provenance: {
      repository: 'immut-test/app',
      sha: SHA,
      runUrl: 'https://github.com/immut-test/app/actions/runs/1',
    },
    repository: REPOSITORY,
    clients: { ...tagReleaseClients(sandbox), octokit: async () => octokit },
    now: '2025-02-01T12:00:00Z',
    io,
    env,
    cleanup: new CleanupLog(io),
    ...overrides,
  };
  return { run, io };
}

describe('runTagRelease', () => {
  it('records the release, sets every output and writes the manifest file under RUNNER_TEMP', async () => {
    const imageId = await makeImage(sandbox, ID);
    const { run, io } = options(imageId);
    const result = await runTagRelease(run);
    expect(result.changes).toEqual([
      'git tag immut/prod/api/b7',
      'GitHub release immut/prod/api/b7',
      'release asset manifest.json',
    ]);
    expect(io.outputs).toMatchObject({ release: 'api-b7', tag: 'immut/prod/api/b7' });
    const file = io.outputs['manifest-file'] ?? '';
    expect(file.startsWith(runnerTemp)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(io.outputs['manifest'] ?? ''));
    expect(io.summaries.join('')).toContain('Recorded: git tag immut/prod/api/b7');
    const created = JSON.parse(io.state['immut-created'] ?? '[]') as Array<{ kind: string }>;
    expect(created.map((c) => c.kind)).toEqual(['git-tag', 'github-release', 'release-asset']);
  });

  it('refuses an image whose snapshot is not immut-managed, before recording anything', async () => {
    const build = { ...ID, build: 'b8' };
    const imageId = await makeImage(sandbox, build);
    // Strip the snapshot's immut tags, as if someone had copied it in by hand.
    const { ec2 } = sandboxClients(sandbox);
    const { DescribeImagesCommand, DeleteTagsCommand } = await import('@aws-sdk/client-ec2');
    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    const snapshotId = image?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
    await ec2.send(new DeleteTagsCommand({ Resources: [snapshotId], Tags: [{ Key: 'immut:managed-by' }] }));
    sandbox.github.clearCalls();
    const { run } = options(imageId, { identity: build });
    await expect(runTagRelease(run)).rejects.toThrow(`Refusing to modify snapshot ${snapshotId}`);
    expect(sandbox.github.calls()).toEqual([]);
  });

  it('refuses an image that is not available yet', async () => {
    const build = { ...ID, build: 'b9' };
    const { ec2 } = sandboxClients(sandbox);
    const { RunInstancesCommand, CreateImageCommand } = await import('@aws-sdk/client-ec2');
    const instance = await ec2.send(new RunInstancesCommand({ ImageId: SEED_AMI, MinCount: 1, MaxCount: 1 }));
    sandbox.advance(60_000);
    const pending = await ec2.send(
      new CreateImageCommand({
        InstanceId: instance.Instances?.[0]?.InstanceId ?? '',
        Name: 'pending-image-b9',
      }),
    );
    const { run } = options(pending.ImageId ?? '', { identity: build });
    await expect(runTagRelease(run)).rejects.toThrow(`the AMI is 'pending'; expected an available image`);
  });

  it('dry run reports the plan and creates nothing', async () => {
    const build = { ...ID, build: 'b10' };
    const imageId = await makeImage(sandbox, build);
    sandbox.github.clearCalls();
    const { run, io } = options(imageId, { identity: build, dryRun: true });
    const result = await runTagRelease(run);
    expect(result.changes).toContain('the annotated git tag immut/prod/api/b10');
    expect(sandbox.github.calls().filter((c) => c.method !== 'GET')).toEqual([]);
    expect(io.log.join('\n')).toContain('Dry run: the release manifest would be:');
  });
});

describe('input checks', () => {
  it('refuses secret-looking values in flags and other inputs without showing them', () => {
    const problems = checkManifestInputs(
      inputs('ami-0123456789abcdef0', {
        flags: { API_TOKEN: 'abc', URL: 'https://user:hunter2@example.com' },
        dbInstanceId: 'db',
        dataSource: 'snap',
        dbEndpoint: 'postgres://app:hunter2@db.example:5432/app',
      }),
    );
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.join('\n')).toContain("Input 'db-endpoint' is refused");
    expect(problems.join('\n')).toContain("Input 'flags': API_TOKEN is refused");
  });

  it('needs data-source with a replica, and no data inputs without one', () => {
    expect(checkManifestInputs(inputs('ami-0123456789abcdef0', { dbInstanceId: 'db' }))).toEqual([
      expect.stringContaining("Input 'data-source' is required with 'db-instance-id'"),
    ]);
    expect(checkManifestInputs(inputs('ami-0123456789abcdef0', { dataSource: 'snap' }))).toEqual([
      expect.stringContaining("Input 'data-source' was given without 'db-instance-id'"),
    ]);
  });
});

describe('post', () => {
  it('keeps what a failed run recorded and says how to complete it', async () => {
    const state = {
      'immut-created': JSON.stringify([{ kind: 'git-tag', id: 'immut/prod/api/b1', region: 'o/r' }]),
    };
    const io = recordingIO({}, { state });
    await runAction(tagRelease, io, 'post');
    expect(io.log.join('\n')).toContain(
      'warning: The run stopped after recording part of the release: git-tag immut/prod/api/b1',
    );
  });

  it('is quiet after a successful run or when nothing was recorded', async () => {
    const states: Array<Record<string, string>> = [
      {},
      { 'immut-created': '[{"kind":"git-tag","id":"t","region":"o/r"}]', 'immut-succeeded': 'true' },
    ];
    for (const state of states) {
      const io = recordingIO({}, { state });
      await runAction(tagRelease, io, 'post');
      expect(io.log).toEqual([]);
    }
  });
});
