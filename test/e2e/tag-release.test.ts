// tag-release end to end: the built bundle through the runner harness, against the sandbox
// (AWS and the GitHub slice, GITHUB_API_URL pointed at it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import {
  ChangeResourceRecordSetsCommand,
  ListHostedZonesByNameCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { historyRecord } from '@immut/core/dns-history';
import { manifestDigest, readManifest } from '@immut/core/manifest';
import { getOctokit } from '@actions/github';
import { readRelease } from '@immut/core/release-reader';
import { fromAwsTags } from '@immut/core/tags';
import type { Sandbox } from '@immut/sandbox';
import {
  REPOSITORY,
  makeDb,
  makeImage,
  releaseInputs,
  sandboxClients,
} from '@immut/test-support/release-parts';
import { describeRun, errorsOf, runAction, runActionWithPost, type ActionRun } from '@immut/action-runner';
import {
  actionClientConfig,
  adminClientConfig,
  documentedIamActions,
  iamActionsCalled,
  sandboxEnv,
  startE2eSandbox,
} from '@immut/test-support/sandbox';

const ID = { role: 'api', env: 'prod', build: 'b000042' };
const TAG = 'immut/prod/api/b000042';
const sandboxes: Sandbox[] = [];
const allCalls: string[] = [];

async function freshSandbox(): Promise<Sandbox> {
  const sandbox = await startE2eSandbox({ seed: 'default' });
  sandboxes.push(sandbox);
  return sandbox;
}

function env(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return { ...sandboxEnv(sandbox, 'tag-release'), GITHUB_API_URL: sandbox.endpoint, ...extra };
}

function run(
  sandbox: Sandbox,
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction('tag-release', { inputs, env: env(sandbox, extra) });
}

function errorText(r: ActionRun): string {
  return errorsOf(r)
    .map((a) => a.message)
    .join('\n');
}

function githubWrites(sandbox: Sandbox): string[] {
  return sandbox.github
    .calls()
    .filter((c) => c.method !== 'GET')
    .map((c) => `${c.operation} ${c.status}`);
}

function awsWrites(sandbox: Sandbox): string[] {
  return sandbox
    .calls()
    .filter((c) => !/^(Describe|List|Get)/.test(c.operation))
    .map((c) => c.operation);
}

/** Clears the AWS call log, keeping the IAM actions seen for the permissions check. */
function clearAws(sandbox: Sandbox): void {
  allCalls.push(...iamActionsCalled(sandbox.calls()));
  sandbox.clearCalls();
}

afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.stop()));
});

describe('a release recorded end to end', () => {
  let sandbox: Sandbox;
  let imageId: string;
  let dbId: string;
  let first: ActionRun;
  let second: ActionRun;
  let conflicting: ActionRun;
  let writesAfterFirst: string[];
  let awsWritesOfFirst: string[];
  let snapshotAfterFirst: unknown;

  beforeAll(async () => {
    sandbox = await freshSandbox();
    // The AMI was baked by an earlier build and reused (same fingerprint), and the replica
    // does not carry the release yet, so both get tagged by this run.
    imageId = await makeImage(sandbox, { ...ID, build: 'b000041' });
    dbId = await makeDb(sandbox, ID, undefined, { withRelease: false });
    sandbox.clearCalls();
    first = await run(sandbox, releaseInputs(imageId, dbId));
    writesAfterFirst = githubWrites(sandbox);
    awsWritesOfFirst = awsWrites(sandbox);
    snapshotAfterFirst = sandbox.github.snapshotState();
    clearAws(sandbox);
    sandbox.github.clearCalls();
    second = await run(sandbox, releaseInputs(imageId, dbId));
    const secondCalls = { aws: awsWrites(sandbox), github: githubWrites(sandbox) };
    Object.assign(second, { secondCalls });
    sandbox.github.clearCalls();
    conflicting = await run(sandbox, { ...releaseInputs(imageId, dbId), 'app-version': '9.9.9' });
  }, 60_000);

  it('creates the annotated tag, the release with its manifest asset, and sets the outputs', async () => {
    expect(first.exitCode).toBe(0);
    expect(writesAfterFirst).toEqual([
      'git.createTag 201',
      'git.createRef 201',
      'repos.createRelease 201',
      'repos.uploadReleaseAsset 201',
    ]);
    expect(first.outputs).toMatchObject({ release: 'api-b000042', tag: TAG });
    expect(first.outputs['release-url']).toContain('/immut-test/app/releases/tag/');
    const manifest = JSON.parse(first.outputs['manifest'] ?? '{}');
    expect(manifest).toMatchObject({
      schema: 'immut.release/v1',
      release: 'api-b000042',
      source: { repository: 'immut-test/app', sha: '0123456789abcdef0123456789abcdef01234567' },
      image: { id: imageId, region: 'us-east-1' },
      data: { engine: 'postgres', instance: dbId, from: 'rds:app-db-2025-01-15-03-10', changelog: 'true' },
      app: { version: '1.4.2' },
      flags: { FEATURE_X: 'on', LOG_LEVEL: 'info' },
    });
    expect(manifest.source.run).toContain('/actions/runs/');
    expect(first.summary).toContain('```mermaid');
  });

  it('records a manifest the read side reads back, from the asset', async () => {
    const octokit = getOctokit('t', { baseUrl: sandbox.endpoint });
    const manifest = await readRelease({ octokit, ...REPOSITORY, tag: TAG });
    expect(manifest).toEqual(JSON.parse(first.outputs['manifest'] ?? ''));
    const { data: release } = await octokit.rest.repos.getReleaseByTag({ ...REPOSITORY, tag: TAG });
    expect(release.body).toContain('```json');
    expect(release.body).toContain('```mermaid');
    expect(release.assets.map((a) => a.name)).toEqual(['manifest.json']);
  });

  it('tags the AMI, its snapshots and the replica with immut:release', async () => {
    expect(awsWritesOfFirst).toEqual(['CreateTags', 'AddTagsToResource']);
    const { ec2, rds } = sandboxClients(sandbox);
    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    expect(fromAwsTags(image?.Tags)['immut:release']).toBe('api-b000042');
    const snapshotIds = (image?.BlockDeviceMappings ?? []).map((m) => m.Ebs?.SnapshotId ?? '');
    expect(snapshotIds.length).toBeGreaterThan(0);
    const snapshots =
      (await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds }))).Snapshots ?? [];
    for (const s of snapshots) expect(fromAwsTags(s.Tags)['immut:release']).toBe('api-b000042');
    const db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: dbId })))
      .DBInstances?.[0];
    expect(fromAwsTags(db?.TagList)['immut:release']).toBe('api-b000042');
  });

  it('writes the manifest file under RUNNER_TEMP', () => {
    const file = first.outputs['manifest-file'] ?? '';
    // The harness removes the job's directories after the run; the content is unit-tested.
    expect(file).toMatch(/runner-temp\/immut-manifest-prod-api-b000042\.json$/);
  });

  it('changes nothing on a second run and gives the same outputs', () => {
    expect(second.exitCode).toBe(0);
    expect((second as unknown as { secondCalls: unknown }).secondCalls).toEqual({ aws: [], github: [] });
    expect(second.outputs['manifest']).toBe(first.outputs['manifest']);
    expect(second.outputs['release-url']).toBe(first.outputs['release-url']);
    expect(second.summary).toContain('nothing changed');
  });

  it('fails a conflicting run with a clear error and changes nothing', () => {
    expect(conflicting.exitCode).toBe(1);
    expect(errorText(conflicting)).toContain(`Release ${TAG} already exists`);
    expect(errorText(conflicting)).toContain('app.version ("1.4.2" recorded, "9.9.9" now)');
    expect(githubWrites(sandbox)).toEqual([]);
    const { releases, tagObjects } = (sandbox.github.snapshotState().repos['immut-test/app'] ?? {}) as {
      releases: unknown;
      tagObjects: unknown;
    };
    const before = (snapshotAfterFirst as ReturnType<Sandbox['github']['snapshotState']>).repos[
      'immut-test/app'
    ];
    expect({ releases, tagObjects }).toEqual({ releases: before?.releases, tagObjects: before?.tagObjects });
  });
});

describe('bad inputs: a clear error and nothing created', () => {
  let sandbox: Sandbox;
  let imageId: string;
  const cases: Array<[string, Record<string, string>, RegExp]> = [];
  const runs: ActionRun[] = [];

  beforeAll(async () => {
    sandbox = await freshSandbox();
    imageId = await makeImage(sandbox, ID);
    const otherRole = await makeImage(sandbox, { ...ID, role: 'billing' });
    sandbox.clearCalls();
    cases.push(
      [
        'an unknown image id',
        { 'image-id': 'ami-0123456789abcdef0' },
        /Input 'image-id' was 'ami-0123456789abcdef0': no such AMI in us-east-1/,
      ],
      [
        'a malformed image id',
        { 'image-id': 'image-1' },
        /Input 'image-id' was 'image-1'.*expected an AMI id/,
      ],
      [
        'an image of another role',
        { 'image-id': otherRole },
        /Refusing to modify image .* belongs to role 'billing'/,
      ],
      [
        'malformed flags',
        { flags: 'LOG_LEVEL info' },
        /Input 'flags' was 'LOG_LEVEL info': line 1 'LOG_LEVEL info' is not KEY=VALUE/,
      ],
      [
        'a secret-looking flag value',
        { flags: 'AWS_KEY_ID=AKIAABCDEFGHIJKLMNOP' },
        /Input 'flags': AWS_KEY_ID is refused \(value not shown\): its value looks like an AWS access key id/,
      ],
      [
        'a secret-looking flag name',
        { flags: 'DB_PASSWORD=hunter22' },
        /DB_PASSWORD is refused.*its name suggests a secret/,
      ],
      [
        'an invalid build',
        { build: 'B-42' },
        /Input 'build' was 'B-42'.*expected 1–12 lowercase letters or digits/,
      ],
      [
        'an unknown replica',
        { 'db-instance-id': 'nope-db', 'data-source': 'snap' },
        /Input 'db-instance-id' was 'nope-db': no such RDS instance/,
      ],
      [
        'data inputs without a replica',
        { 'db-endpoint': 'db.example' },
        /Input 'db-endpoint' was given without 'db-instance-id'/,
      ],
    );
    clearAws(sandbox);
    runs.push(
      ...(await Promise.all(
        cases.map(([, inputs]) => run(sandbox, { ...releaseInputs(imageId), ...inputs })),
      )),
    );
  }, 60_000);

  it('rejects each with an error naming the input, and creates nothing', () => {
    cases.forEach(([what, , message], i) => {
      const r = runs[i]!;
      expect({ what, exitCode: r.exitCode }).toEqual({ what, exitCode: 1 });
      expect({ what, error: errorText(r) }).toEqual({ what, error: expect.stringMatching(message) });
    });
    expect(sandbox.github.calls().filter((c) => c.method !== 'GET')).toEqual([]);
    expect(
      sandbox.calls().filter((c) => c.operation === 'CreateTags' || c.operation === 'AddTagsToResource'),
    ).toEqual([]);
    expect(sandbox.inventory().filter((i) => i.service === 'github')).toEqual([]);
  });

  it('never prints a secret-looking value', () => {
    const secretRun = runs[cases.findIndex(([w]) => w === 'a secret-looking flag value')]!;
    expect(secretRun.stdout + secretRun.stderr).not.toContain('AKIAABCDEFGHIJKLMNOP');
  });
});

describe('GitHub failures and dry run', () => {
  let sandbox: Sandbox;
  let imageId: string;

  beforeAll(async () => {
    sandbox = await freshSandbox();
    imageId = await makeImage(sandbox, { ...ID, build: 'b000041' });
    sandbox.clearCalls();
  }, 30_000);

  it('dry-run prints the manifest and what it would create, and creates nothing', async () => {
    sandbox.github.clearCalls();
    const r = await run(sandbox, { ...releaseInputs(imageId), 'dry-run': 'true' });
    expect(r.exitCode).toBe(0);
    const log = r.logLines.join('\n');
    expect(log).toContain('"schema": "immut.release/v1"');
    expect(log).toContain(`would create the annotated git tag ${TAG}`);
    expect(log).toContain(`the tag immut:release=api-b000042 on ${imageId}`);
    expect(githubWrites(sandbox)).toEqual([]);
    expect(sandbox.calls().filter((c) => c.operation === 'CreateTags')).toEqual([]);
  });

  it('retries GitHub rate limits and succeeds', async () => {
    sandbox.github.addFaults([
      { operation: 'git.createTag', kind: 'rate-limit', times: 1 },
      { operation: 'repos.createRelease', kind: 'secondary-rate-limit', times: 1 },
    ]);
    const r = await run(sandbox, { ...releaseInputs(imageId), build: 'rl1' });
    expect({ exit: r.exitCode, run: r.exitCode === 0 ? '' : describeRun(r) }).toEqual({ exit: 0, run: '' });
    expect(
      sandbox.github
        .calls()
        .filter((c) => c.injected)
        .map((c) => c.operation),
    ).toEqual(['git.createTag', 'repos.createRelease']);
  });

  it('says which permission the workflow needs when GitHub refuses the write', async () => {
    sandbox.github.addFaults([
      { operation: 'git.createTag', status: 403, message: 'Resource not accessible by integration' },
    ]);
    const r = await run(sandbox, { ...releaseInputs(imageId), build: 'perm1' });
    sandbox.github.clearFaults();
    expect(r.exitCode).toBe(1);
    expect(errorText(r)).toContain('needs `permissions: contents: write`');
  });

  it('keeps a half-recorded release after a failure, and a re-run completes it', async () => {
    sandbox.github.addFaults([
      { operation: 'repos.uploadReleaseAsset', status: 500, message: 'Server Error' },
    ]);
    const failed = await runActionWithPost('tag-release', {
      inputs: { ...releaseInputs(imageId), build: 'half1' },
      env: env(sandbox),
    });
    sandbox.github.clearFaults();
    expect(failed.main.exitCode).toBe(1);
    expect(failed.post?.exitCode).toBe(0);
    expect(failed.post?.annotations.map((a) => a.message).join('\n')).toContain(
      're-run this job to complete the release',
    );
    sandbox.github.clearCalls();
    const again = await run(sandbox, { ...releaseInputs(imageId), build: 'half1' });
    expect(again.exitCode).toBe(0);
    expect(githubWrites(sandbox)).toEqual(['repos.uploadReleaseAsset 201']);
  });

  it('post is quiet after a run that failed on bad inputs', async () => {
    const r = await runActionWithPost('tag-release', {
      inputs: { ...releaseInputs(imageId), build: 'BAD' },
      env: env(sandbox),
    });
    expect(r.main.exitCode).toBe(1);
    expect(r.post?.exitCode).toBe(0);
    expect(r.post?.annotations).toEqual([]);
  });
});

describe('a promotion recorded end to end', () => {
  const STAGING_NAME = 'api.staging.example.test';
  let sandbox: Sandbox;
  let imageId: string;
  let zoneId: string;
  let staging: ActionRun;
  let promoted: ActionRun;
  let refused: ActionRun;
  let forced: ActionRun;

  const promote = (build: string, zone: string, extra: Record<string, string> = {}) =>
    run(sandbox, {
      role: 'api',
      env: 'prod',
      build,
      'promoted-from': `immut/staging/api/${build}`,
      'promoted-from-zone': zone,
      'promoted-from-name': STAGING_NAME,
      flags: 'LOG_LEVEL=warn',
      ...extra,
    });

  beforeAll(async () => {
    sandbox = await freshSandbox();
    const route53 = new Route53Client(adminClientConfig(sandbox));
    const zones = await route53.send(new ListHostedZonesByNameCommand({ DNSName: 'example.test.' }));
    zoneId = (zones.HostedZones?.[0]?.Id ?? '').replace('/hostedzone/', '');
    // Two staging images; cutover-dns's history record says only b000050 went live.
    imageId = await makeImage(sandbox, { role: 'api', env: 'staging', build: 'b000050' });
    const neverLive = await makeImage(sandbox, { role: 'api', env: 'staging', build: 'b000051' });
    const target = { dnsName: 'staging-api-b000050-1.us-east-1.elb.amazonaws.com', zoneId: 'Z35SXDOTRQ7X7K' };
    const record = historyRecord(STAGING_NAME, {
      role: 'api',
      env: 'staging',
      current: { build: 'b000050', release: 'api-b000050', ...target },
      at: '2025-01-15T03:00:00Z',
    });
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: { Changes: [{ Action: 'UPSERT', ResourceRecordSet: record }] },
      }),
    );
    route53.destroy();
    // The set-up's own (admin) calls are not the action's.
    sandbox.clearCalls();
    staging = await run(sandbox, { ...releaseInputs(imageId), env: 'staging', build: 'b000050' });
    await run(sandbox, { ...releaseInputs(neverLive), env: 'staging', build: 'b000051' });
    clearAws(sandbox);
    promoted = await promote('b000050', 'example.test');
    Object.assign(promoted, { awsWrites: awsWrites(sandbox) });
    clearAws(sandbox);
    sandbox.github.clearCalls();
    refused = await promote('b000051', zoneId);
    Object.assign(refused, { githubWrites: githubWrites(sandbox), awsWrites: awsWrites(sandbox) });
    forced = await promote('b000051', zoneId, { force: 'true' });
  }, 60_000);

  it("records a prod release whose manifest reuses the staging image and names its source's digest", () => {
    expect(staging.exitCode).toBe(0);
    expect(promoted.exitCode).toBe(0);
    expect(promoted.outputs['tag']).toBe('immut/prod/api/b000050');
    const source = readManifest(staging.outputs['manifest'] ?? '');
    const manifest = readManifest(promoted.outputs['manifest'] ?? '');
    expect(manifest.image).toEqual(source.image);
    expect(manifest.image.id).toBe(imageId);
    expect(manifest.flags).toEqual({ LOG_LEVEL: 'warn' });
    expect(manifest.promotedFrom).toEqual({
      tag: 'immut/staging/api/b000050',
      manifestDigest: manifestDigest(source),
    });
  });

  it('marks the image and its snapshot as used by prod, under the generated policy, changing nothing else', async () => {
    expect((promoted as unknown as { awsWrites: string[] }).awsWrites).toEqual(['CreateTags']);
    const { ec2 } = sandboxClients(sandbox);
    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    const tags = fromAwsTags(image?.Tags);
    expect(tags['immut:used-by:prod']).toBe('b000050');
    expect(tags['immut:release']).toBe('api-b000050');
    const snapshotId = image?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
    const snapshot = (await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] })))
      .Snapshots?.[0];
    expect(fromAwsTags(snapshot?.Tags)['immut:used-by:prod']).toBe('b000050');
  });

  it('refuses a release that never became live in staging, saying what it checked, and records nothing', () => {
    expect(refused.exitCode).toBe(1);
    const text = errorText(refused);
    expect(text).toContain(
      'Refusing to promote immut/staging/api/b000051 to prod: it never became live in staging',
    );
    expect(text).toContain(`_immut-history.${STAGING_NAME}.`);
    expect(text).toContain('set force: true');
    const calls = refused as unknown as { githubWrites: string[]; awsWrites: string[] };
    expect(calls.githubWrites).toEqual([]);
    expect(calls.awsWrites).toEqual([]);
  });

  it("may not take the staging image over: its policy refuses any key but immut's release and used-by ones", async () => {
    const ec2 = new EC2Client(actionClientConfig(sandbox, 'tag-release'));
    try {
      const retag = ec2.send(
        new CreateTagsCommand({ Resources: [imageId], Tags: [{ Key: 'immut:env', Value: 'prod' }] }),
      );
      await expect(retag).rejects.toMatchObject({ name: 'UnauthorizedOperation' });
    } finally {
      ec2.destroy();
    }
    const { ec2: admin } = sandboxClients(sandbox);
    const image = (await admin.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    expect(fromAwsTags(image?.Tags)['immut:env']).toBe('staging');
  });

  it('with force, records the promotion and the manifest says it was forced', () => {
    expect(forced.exitCode).toBe(0);
    expect(readManifest(forced.outputs['manifest'] ?? '').promotedFrom?.forced).toBe(true);
  });
});

describe('permissions', () => {
  it('calls only documented IAM actions, and every documented one is called', () => {
    const called = [
      ...new Set([...allCalls, ...sandboxes.flatMap((s) => iamActionsCalled(s.calls()))]),
    ].sort();
    const documented = documentedIamActions('tag-release');
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    // rds:ListTagsForResource is only a fallback for a DescribeDBInstances without TagList.
    // Sharing and copying across accounts (share-with, shared-by, kms-key-id) are exercised by
    // promote-cross-account.test.ts; EC2 makes the KMS calls on the copying role's behalf.
    const crossAccount = [
      'ec2:CopyImage',
      'ec2:DeregisterImage',
      'ec2:ModifyImageAttribute',
      'ec2:ModifySnapshotAttribute',
      'kms:CreateGrant',
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:ReEncrypt*',
    ];
    expect(documented.filter((a) => !called.includes(a))).toEqual(
      ['rds:ListTagsForResource', ...crossAccount].sort(),
    );
  });
});
