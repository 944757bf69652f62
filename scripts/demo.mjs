#!/usr/bin/env node
// npm run demo: the whole of immut on this machine, with no AWS account. It starts the local
// AWS sandbox (with a real PostgreSQL behind RDS), then runs the real workflow files through
// the local workflow runner, for the example consumer repository in examples/consumer:
//   1. rebuild-the-world in staging: release 1 of the three roles;
//   2. a change to the api role, and rebuild-the-world again: the unchanged roles reuse their
//      images, api gets a new bake, replica and cutover;
//   3. a rollback of api to its previous build;
//   4. promote to prod: staging's first world release, which staging runs again after the
//      rollback, goes to prod (promote-world.yml): the same images, no bake, prod's own replica;
// then the world status of staging and prod (the example repository's world-status.yml).
// It prints per role what a person wants to see and writes every job summary into one
// Markdown file (with the mermaid pictures). IAM is enforced: the role the workflows assume
// holds exactly what `npm run iam` generates for this account (the union of the actions'
// policies, filled with the sandbox's account, region, zone and the world's DNS names).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWorkflowRunner } from '@immut/workflow-runner/build';
import { loadPermissions } from './docs.mjs';
import { compilePackages } from './lib/typescript.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
// The SDK warns that its 2027 releases will need Node 22; the runner runs node24, and the
// warning would bury the demo's report when it runs on an older local Node.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
/**
 * Sandbox time runs this much faster than wall time (a 10-minute restore takes 2 s). Not
 * faster: the bake's builder script really runs, and the actions' deadlines are in sandbox
 * time, so every wall second the machine is busy costs TIME_SCALE seconds of them.
 */
const TIME_SCALE = 300;
const REPORT = path.join(ROOT, '.build', 'demo', 'REPORT.md');
const ROLE_ARN = 'arn:aws:iam::123456789012:role/immut-demo';
/** The access key the sandbox hands out for ROLE_ARN, and the demo's own (allow-all) key. */
const ROLE_KEY = 'immut-demo-role';
/** The example repository's two worlds: the demo releases staging and promotes it to prod. */
const STAGING_WORLD = 'immut.world.staging.yml';
const PROD_WORLD = 'immut.world.yml';
const ADMIN = { accessKeyId: 'demo-admin', secretAccessKey: 'demo-admin-secret' };

const say = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** A sandbox-time span: `35m10s`, `6h50m`. */
const span = (ms) => {
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
};

/** The runner machine: the sandbox endpoint and the migration tool on PATH (credentials come
 *  only from configure-aws-credentials, for the role: see `awsRoles` below). */
function machineEnv(sandbox) {
  return {
    AWS_ENDPOINT_URL: sandbox.endpoint,
    IMMUT_TIME_SCALE: String(TIME_SCALE),
    // The actions' clocks read the sandbox's time (not a clock restarting at wall time in each
    // action process), so timestamps are monotonic across steps, jobs and the three runs.
    IMMUT_TIME_ORIGIN: String(timeOrigin(sandbox)),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  };
}

/**
 * The wall time O from which the sandbox clock runs: sandbox now = O + (wall − O) × scale
 * (core clock.ts, IMMUT_TIME_ORIGIN), solved for O from one reading of both clocks.
 */
function timeOrigin(sandbox) {
  const wall = Date.now();
  return Math.min(wall, Math.round((wall * TIME_SCALE - sandbox.clock.now()) / (TIME_SCALE - 1)));
}

/** Sandbox time as a person reads it: `2026-12-07 14:05 (sandbox time)`. */
const sandboxStamp = (ms) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function githubContext(sandbox, runNumber) {
  return {
    repository: 'acme/shop',
    repository_owner: 'acme',
    sha: `${String(runNumber).repeat(40)}`.slice(0, 40),
    run_id: String(1000 + runNumber),
    run_number: String(runNumber),
    run_attempt: '1',
    api_url: sandbox.endpoint,
    server_url: 'https://github.com',
  };
}

/** Everything a person wants to know about each role after a run. */
function roleReport(result, callsDuringRun) {
  const rows = [];
  const errors = [];
  for (const job of result.jobs) {
    if (job.error) errors.push(`${job.key}: ${job.error}`);
    // rebuild-the-world: one `release` leg per role, each calling release.yml.
    const legs = job.called ? [{ role: String(job.matrix?.role ?? job.key), run: job.called }] : [];
    for (const { role, run } of legs) {
      const row = { role, stages: {}, outputs: {} };
      for (const stage of run.jobs) {
        row.stages[stage.jobId] = { result: stage.result, ms: stage.durationMs };
        for (const step of stage.steps) Object.assign(row.outputs, step.outputs ?? {});
        for (const a of stage.annotations ?? [])
          if (a.level === 'error') errors.push(`${role} / ${stage.jobId}: ${a.message}`);
      }
      rows.push(row);
    }
    if (!job.called)
      for (const a of job.annotations ?? []) if (a.level === 'error') errors.push(`${job.key}: ${a.message}`);
  }
  rows.sort((a, b) => a.role.localeCompare(b.role));
  const calls = new Map();
  for (const call of callsDuringRun) calls.set(call.service, (calls.get(call.service) ?? 0) + 1);
  return { rows, calls, errors };
}

function printRun(title, result, report, answers, fleets = new Map()) {
  say();
  say(
    `== ${title}: ${result.result} in ${seconds(result.durationMs)} wall time ` +
      `(${span(report.sandbox.end - report.sandbox.start)} of sandbox time, ${sandboxStamp(report.sandbox.start)} → ${sandboxStamp(report.sandbox.end)})`,
  );
  for (const row of report.rows) {
    const o = row.outputs;
    // A promotion has a gate where a release has a bake.
    const promoted = row.stages['gate'] !== undefined;
    const stages = [promoted ? 'gate' : 'bake', 'replicate', 'tag', 'launch', 'cutover']
      .map((s) =>
        row.stages[s]
          ? `${s} ${row.stages[s].result === 'success' ? seconds(row.stages[s].ms) : row.stages[s].result}`
          : `${s} —`,
      )
      .join(', ');
    say(`  ${row.role}`);
    say(`    image      ${promoted ? promotedImage(o) : bakedImage(o)}`);
    say(
      `    replica    ${o['db-instance-id'] ? `${o['db-instance-id']} from ${o['source']} at ${o['endpoint']}:${o['port']} (a database of its own on the sandbox's one PostgreSQL server)` : '— (no data layer)'}`,
    );
    say(`    servers    ${o['load-balancer-dns-name'] ?? '—'}`);
    const group = o['auto-scaling-group-name'];
    const fleet = group ? fleets.get(group) : undefined;
    say(
      `    fleet      ${group ? `${group}: ${fleet ? `${fleet.healthy}/${fleet.desired} healthy in service` : 'gone'}` : '—'}`,
    );
    say(`    build name ${o['build-dns-name'] ?? '—'}`);
    say(`    role name  ${answers.get(row.role) ?? '—'}`);
    say(`    stages     ${stages} (wall time)`);
  }
  if (report.rows.length === 0) for (const answer of answers.values()) say(`  role name  ${answer}`);
  say(
    `  AWS calls in this run, all roles together: ${[...report.calls].map(([service, n]) => `${service} ${n}`).join(', ')}`,
  );
  for (const error of report.errors) say(`  error: ${error.split('\n')[0]}`);
}

function bakedImage(o) {
  const how =
    o['cache-hit'] === 'true' ? ' (cache hit: unchanged, not rebaked)' : o['image-id'] ? ' (new bake)' : '';
  return `${o['image-id'] ?? '—'}${how}`;
}

/** A promotion's image, from the target release's manifest: the source release's, not rebaked. */
function promotedImage(o) {
  if (!o['manifest']) return '— (not promoted)';
  const manifest = JSON.parse(o['manifest']);
  return `${manifest.image.id} (promoted from ${manifest.promotedFrom?.tag ?? '?'}: the image it ran, not rebaked)`;
}

/**
 * The world status of each env (world-status.yml's legs): per role what runs, the OS head's
 * age and the replica's, as the job summaries' tables say it, for the console.
 */
function printStatus(result) {
  for (const job of result.jobs) {
    const json = job.steps.find((s) => s.outputs?.['status'])?.outputs['status'];
    if (!json) continue;
    const status = JSON.parse(json);
    say(
      `  ${status.env}: ${status.stale.length === 0 ? `no role is stale (max-age ${status.maxAge})` : `STALE: ${status.stale.join(', ')}`}`,
    );
    const builds = (list) => list.map((b) => b.build).join(', ') || '—';
    const rows = status.roles.map((r) => [
      r.role,
      builds(r.live),
      builds(r.standing),
      r.release?.tag ?? '—',
      r.release?.app ?? '—',
      r.freshness.summary,
      r.replica
        ? `${r.replica.id}${r.replicaAgeMs !== undefined ? `, ${ageOf(r.replicaAgeMs)} old` : ' (gone)'}`
        : '—',
    ]);
    const header = ['role', 'live', 'standing', 'release', 'app', 'OS head', 'replica'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    for (const row of [header, ...rows])
      say(
        `    ${row
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd()}`,
      );
  }
}

/** A sandbox-time age as the status says it: minutes, hours or days. */
const ageOf = (ms) =>
  ms >= 86_400_000
    ? `${Math.floor(ms / 86_400_000)} d`
    : ms >= 3_600_000
      ? `${Math.floor(ms / 3_600_000)} h`
      : `${Math.floor(ms / 60_000)} min`;

/**
 * Each Auto Scaling group now: its desired size and how many of its servers are in service
 * and healthy (in the group and in its target group), straight from the sandbox's APIs.
 */
async function fleetStates(sandbox) {
  const { AutoScalingClient, paginateDescribeAutoScalingGroups } =
    await import('@aws-sdk/client-auto-scaling');
  const { ElasticLoadBalancingV2Client, DescribeTargetHealthCommand } =
    await import('@aws-sdk/client-elastic-load-balancing-v2');
  const config = { endpoint: sandbox.endpoint, region: 'us-east-1', credentials: ADMIN };
  const autoscaling = new AutoScalingClient(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  try {
    const fleets = new Map();
    for await (const page of paginateDescribeAutoScalingGroups({ client: autoscaling }, {})) {
      for (const g of page.AutoScalingGroups ?? []) {
        const healthyTargets = new Set();
        for (const arn of g.TargetGroupARNs ?? []) {
          const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
          for (const d of out.TargetHealthDescriptions ?? [])
            if (d.TargetHealth?.State === 'healthy') healthyTargets.add(d.Target?.Id);
        }
        const healthy = (g.Instances ?? []).filter(
          (m) =>
            m.LifecycleState === 'InService' &&
            m.HealthStatus === 'Healthy' &&
            healthyTargets.has(m.InstanceId),
        ).length;
        fleets.set(g.AutoScalingGroupName, { desired: g.DesiredCapacity ?? 0, healthy });
      }
    }
    return fleets;
  } finally {
    autoscaling.destroy();
    elb.destroy();
  }
}

/**
 * `from → to` of each cutover a run's own jobs made (run 3: cutover-dns in rollback mode), as
 * builds where the load balancers' names show them (`prod-api-b000002-…` → `b000002`).
 */
function moves(result) {
  const build = (target) => /-(b\d{6})-/.exec(target ?? '')?.[1] ?? target ?? '—';
  const lines = [];
  for (const job of result.jobs) {
    if (job.called) continue;
    for (const step of job.steps) {
      const o = step.outputs ?? {};
      if (!o['previous-target'] || !o['current-target']) continue;
      lines.push(
        `${build(o['previous-target'])} → ${build(o['current-target'])} (${o['previous-target']} → ${o['current-target']})`,
      );
    }
  }
  return lines;
}

/** What each role's stable name answers now, straight from the sandbox's Route 53. */
async function roleNameAnswers(sandbox, world) {
  const { Route53Client, ListHostedZonesByNameCommand, TestDNSAnswerCommand } =
    await import('@aws-sdk/client-route-53');
  const route53 = new Route53Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: ADMIN,
  });
  try {
    const zones = await route53.send(new ListHostedZonesByNameCommand({ DNSName: world.zone }));
    const zoneId = zones.HostedZones?.[0]?.Id?.replace('/hostedzone/', '');
    const answers = new Map();
    for (const plan of world.plans) {
      const answer = await route53
        .send(
          new TestDNSAnswerCommand({ HostedZoneId: zoneId, RecordName: plan['dns-name'], RecordType: 'A' }),
        )
        .catch(() => undefined);
      answers.set(plan.role, `${plan['dns-name']} → ${answer?.RecordData?.join(', ') || 'no answer'}`);
    }
    return answers;
  } finally {
    route53.destroy();
  }
}

/** What a reader of REPORT.md needs first: which clock each time is on, and the replicas. */
function reportPreamble() {
  return [
    '# immut demo: the job summaries of four runs and the world status',
    '',
    'Two clocks:',
    '',
    `- **Sandbox time**: the times inside the job summaries (the "Time per phase" tables, cutover steps, ` +
      `a release's "created") are AWS time as the local sandbox simulates it. Its clock runs ${TIME_SCALE}× faster than ` +
      `wall time: 1 s of wall time is ${span(TIME_SCALE * 1000)} of sandbox time, so a 10-minute RDS restore takes ${span(600_000 / TIME_SCALE)} of wall time. ` +
      'It runs on across the runs, so the times are monotonic.',
    "- **Wall time**: how long the demo took on this machine (under each run's heading, and on the console).",
    '',
    'Replicas: the sandbox backs every RDS instance with a database of its own on one PostgreSQL server, so every ' +
      "replica's endpoint is that server's `127.0.0.1:<port>`; on AWS each replica is an instance with its own endpoint.",
  ].join('\n');
}

async function main() {
  const started = performance.now();
  say('immut demo: building the local workflow runner and the sandbox…');
  compilePackages();
  await buildWorkflowRunner();
  const runner = await import(pathToFileURL(path.join(ROOT, '.build', 'workflow-runner', 'index.js')).href);
  // Imported only now: the packages' lib/ exists from compilePackages() above.
  const { startSandbox } = await import('@immut/sandbox');
  const { parseWorld, planWorld } = await import('@immut/core/world');

  const consumer = mkdtempSync(path.join(tmpdir(), 'immut-demo-consumer-'));
  cpSync(path.join(ROOT, 'examples', 'consumer'), consumer, { recursive: true });
  // Runs 1–3 release the staging world; run 4 promotes it to the prod world.
  const worldFile = path.join(consumer, STAGING_WORLD);
  const worldOf = (file = STAGING_WORLD) => {
    const parsed = parseWorld(readFileSync(path.join(consumer, file), 'utf8'));
    return { zone: parsed.zone, plans: planWorld(parsed) };
  };

  say('Starting the sandbox with PostgreSQL behind RDS…');
  const { core, permissions } = await loadPermissions();
  const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
  const sandbox = await startSandbox({
    postgres: true,
    timeScale: TIME_SCALE,
    seed: 'default',
    iamPolicies: { [ADMIN.accessKeyId]: allowAll },
    iamDefault: 'deny',
    // The secrets the sandbox "issued": S3 verifies presigned URLs (the api's artifact) with them.
    credentials: { [ADMIN.accessKeyId]: ADMIN.secretAccessKey, [ROLE_KEY]: 'immut-demo-role-secret' },
  });
  // The role's policy as `npm run iam -- --account 123456789012 --region us-east-1
  // --hosted-zone-id <the seed's zone> --record-name <each role's name>` writes it.
  const zones = sandbox
    .inventory()
    .filter((i) => i.service === 'route53' && i.kind === 'hosted-zone')
    .map((z) => z.id.replace(/^\/hostedzone\//, ''));
  const rolePolicy = core.unionPolicy([...permissions.entries()], {
    partition: 'aws',
    account: '123456789012',
    regions: ['us-east-1'],
    instanceRoleArns: [],
    ssmParameterPrefixes: [],
    hostedZoneIds: zones,
    // Each role's name, and <role>.<env>.<zone>, under which launch-behind-lb names each build,
    // in both envs.
    recordNames: [...worldOf(STAGING_WORLD).plans, ...worldOf(PROD_WORLD).plans].flatMap((p) => [
      ...(p['dns-name'] ? [p['dns-name']] : []),
      `${p.role}.${p.env}.${p.zone}`,
    ]),
  });
  sandbox.iam.set(ROLE_KEY, rolePolicy);
  const awsRoles = {
    [ROLE_ARN]: {
      accessKeyId: ROLE_KEY,
      secretAccessKey: 'immut-demo-role-secret',
      endpointUrl: sandbox.endpoint,
      accountId: '123456789012',
    },
  };
  say(
    `IAM enforced: the workflows' role holds the generated policy (${rolePolicy.Statement.length} statements).`,
  );
  const summaries = [];
  let failed = false;
  try {
    // `world`: whose role names the console shows after the run; `vars`: the repository's variables.
    const run = async (title, workflowFile, inputs, runNumber, { world = STAGING_WORLD, vars = {} } = {}) => {
      const before = sandbox.calls().length;
      const sandboxStart = sandbox.clock.now();
      const result = await runner.runWorkflow({
        workflowFile,
        event: 'workflow_dispatch',
        inputs,
        repoRoot: ROOT,
        workspaceSource: consumer,
        env: machineEnv(sandbox),
        awsRoles,
        github: githubContext(sandbox, runNumber),
        vars,
        autoApproveEnvironments: true,
        log: () => undefined,
      });
      const report = roleReport(result, sandbox.calls().slice(before));
      report.sandbox = { start: sandboxStart, end: sandbox.clock.now() };
      for (const c of sandbox.calls().slice(before)) {
        if (c.iam) report.errors.push(`IAM refused ${c.iam.action} on ${c.iam.resource}`);
      }
      // The status run shows no role names: its table says what each name points at.
      const answers = world ? await roleNameAnswers(sandbox, worldOf(world)) : new Map();
      printRun(title, result, report, answers, await fleetStates(sandbox));
      if (result.jobs.some((j) => j.called?.jobs.some((s) => s.jobId === 'gate'))) {
        const baked = sandbox
          .calls()
          .slice(before)
          .filter((c) => c.operation === 'CreateImage').length;
        say(
          `  images baked in this run: ${baked} (CreateImage calls; a promotion reuses the source's images)`,
        );
      }
      for (const move of moves(result)) say(`  ${inputs.role ?? 'name'} moved: ${move}`);
      summaries.push(
        `# ${title}\n\n${result.result} in ${seconds(result.durationMs)} of wall time; ` +
          `sandbox time ${sandboxStamp(sandboxStart)} → ${sandboxStamp(report.sandbox.end)} ` +
          `(${span(report.sandbox.end - sandboxStart)}).\n\n${runner.collectSummaries(result)}`,
      );
      if (result.result !== 'success') failed = true;
      return result;
    };
    const world = { 'world-file': STAGING_WORLD, 'aws-role-arn': ROLE_ARN, 'max-parallel': '3' };

    await run(
      'Run 1: rebuild the staging world (release 1 of api, web, worker)',
      '.github/workflows/rebuild-the-world.yml',
      world,
      1,
    );

    writeFileSync(
      worldFile,
      readFileSync(worldFile, 'utf8').replace('app-version: 1.4.2', 'app-version: 1.5.0'),
    );
    say();
    say(
      `Changed api's app-version 1.4.2 → 1.5.0 in the demo's temporary copy of examples/consumer/${STAGING_WORLD} ` +
        `(${worldFile}; the repository's file is not touched)`,
    );
    await run(
      'Run 2: rebuild the staging world after changing api',
      '.github/workflows/rebuild-the-world.yml',
      world,
      2,
    );

    const api = worldOf().plans.find((p) => p.role === 'api');
    await run(
      'Run 3: roll api back to its previous build',
      '.github/workflows/rollback.yml',
      {
        env: api.env,
        role: 'api',
        zone: api.zone,
        name: api['dns-name'],
        region: api.region,
        'aws-role-arn': ROLE_ARN,
      },
      3,
    );

    // Staging runs world release 1's images again (api rolled back; web and worker never
    // changed image): that world, proven live in staging, goes to prod.
    await run(
      'Run 4: promote to prod (staging world release b000001, every role, no bake)',
      '.github/workflows/promote-world.yml',
      {
        release: 'immut/staging/world/b000001',
        'source-world-file': STAGING_WORLD,
        'world-file': PROD_WORLD,
        'aws-role-arn': ROLE_ARN,
        'max-parallel': '3',
      },
      4,
      { world: PROD_WORLD },
    );

    const status = await run(
      'World status: staging and prod (world-status.yml of the example repository)',
      path.join(consumer, '.github', 'workflows', 'world-status.yml'),
      {},
      5,
      { world: null, vars: { IMMUT_AWS_ROLE_ARN: ROLE_ARN } },
    );
    printStatus(status);
  } finally {
    await sandbox.stop();
    rmSync(consumer, { recursive: true, force: true });
  }
  mkdirSync(path.dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, `${reportPreamble()}\n\n${summaries.join('\n\n')}\n`);
  say();
  say(`Job summaries of all four runs and the world status: ${path.relative(ROOT, REPORT)}`);
  say(`Demo ${failed ? 'FAILED' : 'finished'} in ${seconds(performance.now() - started)}.`);
  // Exit explicitly: SDK and PostgreSQL clients may keep sockets open after the sandbox stopped.
  process.exit(failed ? 1 : 0);
}

await main();
