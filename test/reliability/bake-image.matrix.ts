// Reliability matrix of bake-image: one row per fault, each on its own sandbox (in-process,
// started in milliseconds), all rows at once (driver.ts). See README.md for what each proves.
import { expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FaultSpec, Sandbox } from '@immut/sandbox';
import { errorsOf } from '@immut/action-runner';
import { sandboxEnv } from '@immut/test-support/sandbox';
import { drive, faultMatrix, insideWait, type RowResult } from './driver.js';
import { addedLive, expectOnlyReleased, inventoryKeys, type RowSpec } from './support.js';

const ACTION = 'bake-image';
const SCRIPT = 'deploy/api/provision.sh';
const INPUTS: Record<string, string> = {
  role: 'api',
  env: 'prod',
  'base-image': 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  provision: SCRIPT,
  'log-paths': '/var/log/api/*.log',
  'app-version': '1.2.3',
  // Sandbox time runs 2000x; SDK back-off sleeps are wall time, so the deadline is generous.
  timeout: '24h',
};

/** The provisioning script most rows bake with: one package install (30 s on the sandbox clock). */
const INSTALL = '#!/bin/bash\nset -e\ndnf install -y nginx\n';

interface BakeRow extends RowSpec {
  faults: FaultSpec[];
  /** The provisioning script (run for real by the sandbox's builder); INSTALL by default. */
  script?: string;
  /** Inputs that differ from INPUTS. */
  inputs?: Record<string, string>;
  /** How the builder's script must have ended: killed from outside. */
  scriptEnd?: 'interrupted';
  /** Workspace files besides the script (relative path → content), e.g. an artifact. */
  files?: Record<string, string>;
  /** What the failed step's error must say (the builder's console tail is part of it). */
  error?: RegExp;
  /** How S3 answers every presigned GET the builder makes (artifact rows only). */
  download?: Download;
  /**
   * Sandbox time to jump the clock by once the row's `onArrival` latency fault holds the
   * builder's GET (the hold ends with the jump). The runner's clock does not see the jump.
   */
  jumpWhileHeld?: number;
}

/** The answer to the builder's presigned GET of the artifact, as the call log shows it. */
interface Download {
  status: number;
  errorCode: string;
  /** An error the row's fault injected, rather than S3's own check. */
  injected: boolean;
  /** The GET was answered at least this long (sandbox time) after the builder's launch. */
  lateByMs?: number;
}

/** The longest a bake may take (bake-image's `timeout` is at most 24h), so the longest its
 *  presigned URL is valid: a GET that reaches S3 a day after the builder's launch is expired. */
const DAY_MS = 24 * 60 * 60 * 1000;

const ec2 = (operation: string, error: string, times?: number): FaultSpec => ({
  service: 'ec2',
  operation,
  error,
  ...(times ? { times } : {}),
});

export const ROWS: BakeRow[] = [
  {
    name: 'throttle-ec2',
    fault: 'EC2 RequestLimitExceeded ×2 on DescribeImages, RunInstances, DescribeInstances, CreateImage',
    outcome: 'succeeds',
    faults: ['DescribeImages', 'RunInstances', 'DescribeInstances', 'CreateImage'].map((op) =>
      ec2(op, 'RequestLimitExceeded', 2),
    ),
  },
  {
    // More than the SDK's 6 attempts: what 256 bakes starting at once met before the bake's
    // clients retried throttling until its timeout.
    name: 'throttle-ec2-past-sdk',
    fault: 'EC2 RequestLimitExceeded ×8 on DescribeImages (past the SDK attempts)',
    outcome: 'succeeds',
    faults: [ec2('DescribeImages', 'RequestLimitExceeded', 8)],
  },
  {
    name: 'throttle-ssm',
    fault: 'SSM ThrottlingException ×2 on GetParameter',
    outcome: 'succeeds',
    faults: [{ service: 'ssm', operation: 'GetParameter', error: 'ThrottlingException', times: 2 }],
  },
  {
    name: 'internal-runinstances-once',
    fault: 'InternalError ×1 on RunInstances',
    outcome: 'succeeds',
    faults: [ec2('RunInstances', 'InternalError', 1)],
  },
  {
    name: 'internal-runinstances',
    fault: 'InternalError on every RunInstances',
    outcome: 'fails',
    faults: [ec2('RunInstances', 'InternalError')],
  },
  {
    name: 'internal-createimage-once',
    fault: 'InternalError ×1 on CreateImage',
    outcome: 'succeeds',
    faults: [ec2('CreateImage', 'InternalError', 1)],
  },
  {
    name: 'internal-createimage',
    fault: 'InternalError on every CreateImage',
    outcome: 'fails',
    faults: [ec2('CreateImage', 'InternalError')],
  },
  {
    name: 'capacity',
    fault: 'InsufficientInstanceCapacity on every RunInstances',
    outcome: 'fails',
    faults: [ec2('RunInstances', 'InsufficientInstanceCapacity')],
  },
  {
    name: 'builder-fails',
    fault: 'builder provisioning fails (builder-fails)',
    outcome: 'fails',
    faults: [{ kind: 'builder-fails' }],
    error: /IMMUT-BAKE-FAILED [a-z0-9-]+ step=provision exit=1/,
  },
  {
    name: 'provision-fails',
    fault: 'the provisioning script exits 1 on the builder',
    outcome: 'fails',
    faults: [],
    script: '#!/bin/bash\nset -euo pipefail\ndnf install -y nginx\necho "no such config" >&2\nexit 1\n',
    error: /step 'provision' exited with status 1[^]*no such config/,
  },
  {
    name: 'provision-hangs',
    fault: 'a provisioning step outlasts the bake timeout (sleep 3h, timeout 30m)',
    outcome: 'fails',
    faults: [],
    script: '#!/bin/bash\nset -e\ndnf install -y nginx\nsleep 3h\n',
    // The bake gives up at 30 min and terminates the builder; its own deadline (35 min) may
    // come first on a loaded machine: either way the script is over and no image is made.
    inputs: { timeout: '30m' },
  },
  {
    name: 'download-fails',
    fault:
      "S3 answers 503 SlowDown to every GET of the staged artifact (the builder's curl retries, then gives up)",
    outcome: 'fails',
    faults: [{ service: 's3', operation: 'GetObject', error: 'SlowDown', status: 503 }],
    inputs: { artifact: 'app' },
    files: { 'app/server.js': 'console.log("api");\n' },
    error: /IMMUT-ARTIFACT-FAILED [a-z0-9-]+ reason=download/,
    download: { status: 503, errorCode: 'SlowDown', injected: true },
  },
  {
    name: 'expired-url',
    fault:
      "the builder's presigned GET reaches S3 a day late, after the URL expired (S3's own check refuses it)",
    outcome: 'fails',
    // Held before S3 authenticates it; the row jumps the sandbox clock by the hold once the
    // GET is held. In AWS the URL expires with the bake's deadline, so the bake would time out
    // about when S3 refuses the URL; the runner's clock not seeing the jump (its deadline is
    // ahead) lets the bake read the builder's own verdict, which is what this row checks.
    faults: [
      { kind: 'latency', service: 's3', operation: 'GetObject', onArrival: true, ms: DAY_MS, times: 1 },
    ],
    jumpWhileHeld: DAY_MS,
    inputs: { artifact: 'app' },
    files: { 'app/server.js': 'console.log("api");\n' },
    // curl -f shows S3's status, not its XML: the 403 comes before the marker.
    error: /returned error: 403[^]*IMMUT-ARTIFACT-FAILED [a-z0-9-]+ reason=download[^]*step=artifact/,
    download: { status: 403, errorCode: 'AccessDenied', injected: false, lateByMs: DAY_MS },
  },
  {
    name: 'image-fails',
    fault: 'the image goes to failed (image-fails)',
    outcome: 'fails',
    faults: [{ kind: 'image-fails' }],
  },
  {
    name: 'cancelled',
    fault: 'SIGTERM while the builder runs its script, then post',
    outcome: 'fails',
    faults: [],
    shape: 'cancel',
    // A step that never ends (until the 24 h self-destruct): the cancellation lands while it runs.
    script: '#!/bin/bash\nset -e\ndnf install -y nginx\nsleep infinity\n',
    scriptEnd: 'interrupted',
  },
  {
    name: 'rerun',
    fault: 'first attempt killed while the image is pending (no post); the run re-run',
    outcome: 'succeeds',
    faults: [],
    shape: 'rerun',
  },
];

interface Result extends RowResult {
  added: Record<string, number>;
  builders: number;
  imageStates: string[];
  /** How each builder's script ended (EC2 state, read past the API). */
  scriptPhases: string[];
}

/**
 * Waits (polling the sandbox's fault list) until a latency fault has fired, i.e. holds a
 * request, then jumps the sandbox clock by `ms`, which ends the hold (`onArrival` waits on
 * the sandbox clock). Fails the row when nothing is held in time.
 */
async function jumpWhileHeld(sandbox: Sandbox, ms: number): Promise<void> {
  const end = Date.now() + 90_000;
  for (;;) {
    const res = await fetch(`${sandbox.endpoint}/_sandbox/faults`);
    const faults = (await res.json()) as Array<FaultSpec & { fired: number }>;
    if (faults.some((f) => f.kind === 'latency' && f.fired > 0)) break;
    if (Date.now() > end) throw new Error('no request was held by the latency fault within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  sandbox.advance(ms);
}

/** The phase of every builder's script, from the sandbox's EC2 state (no API call). */
function scriptPhases(sandbox: Sandbox): string[] {
  const ec2 = sandbox.services.find((s) => s.name === 'ec2')!;
  const state = ec2.snapshotState() as { instances: Record<string, { builder?: { phase: string } }> };
  return Object.values(state.instances).flatMap((i) => (i.builder ? [i.builder.phase] : []));
}

/**
 * Slower than the e2e scale: the builder's script really runs, and wall time the loaded
 * machine spends on it counts TIME_SCALE times against the bake's deadlines, the staged
 * object's one-day lifecycle and the builder's self-destruct (at 2000 a day is 43 wall seconds).
 */
const TIME_SCALE = 500;

faultMatrix<BakeRow, Result>({
  action: ACTION,
  rows: ROWS,
  async run(row, ctx) {
    const sandbox = await ctx.sandbox({ faults: row.faults, timeScale: TIME_SCALE });
    const before = inventoryKeys(sandbox);
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'immut-reliability-bake-'));
    ctx.cleanup(() => rmSync(cwd, { recursive: true, force: true }));
    mkdirSync(path.join(cwd, 'deploy/api'), { recursive: true });
    writeFileSync(path.join(cwd, SCRIPT), row.script ?? INSTALL);
    for (const [file, content] of Object.entries(row.files ?? {})) {
      mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
      writeFileSync(path.join(cwd, file), content);
    }
    const runs = await drive(row, {
      action: ACTION,
      options: { inputs: { ...INPUTS, ...row.inputs }, env: sandboxEnv(sandbox, ACTION), cwd },
      // cancel: while the builder works; rerun: while the image is pending (the builder stopped).
      cancelAt:
        row.shape === 'cancel'
          ? insideWait(sandbox, 'RunInstances', 'DescribeInstances')
          : insideWait(sandbox, 'CreateImage', 'DescribeImages'),
      ...(row.jumpWhileHeld ? { during: () => jumpWhileHeld(sandbox, row.jumpWhileHeld!) } : {}),
    });
    const builders = sandbox
      .inventory()
      .filter(
        (i) => i.kind === 'instance' && !['shutting-down', 'terminated'].includes(i.state ?? ''),
      ).length;
    const imageStates = sandbox
      .inventory()
      .filter((i) => i.kind === 'image' && !before.has(`image:${i.id}`))
      .map((i) => i.state ?? '');
    return {
      ...runs,
      sandbox,
      added: addedLive(sandbox, before),
      builders,
      imageStates,
      scriptPhases: scriptPhases(sandbox),
    };
  },
  orphans: {
    title: 'leaves no orphan: one available image with its snapshot on success, nothing on failure',
    check(row, r) {
      expect(r.builders).toBe(0);
      // A staged artifact is kept for the cache and expires by the bucket's lifecycle rule.
      const { bucket = 0, object = 0, ...added } = r.added;
      if (row.jumpWhileHeld) {
        // A day later the bucket's lifecycle rule may already have expired the object.
        expect(bucket).toBe(1);
        expect(object).toBeLessThanOrEqual(1);
      } else {
        expect([bucket, object]).toEqual(row.inputs?.artifact ? [1, 1] : [0, 0]);
      }
      expectOnlyReleased(row, added, { image: 1, snapshot: 1 });
      if (row.outcome === 'succeeds') expect(r.imageStates).toEqual(['available']);
      // Every builder's script is over: powered off by itself, or killed with its instance.
      expect(r.scriptPhases.every((p) => p === 'powered-off' || p === 'interrupted')).toBe(true);
      if (row.scriptEnd) expect(r.scriptPhases).toContain(row.scriptEnd);
    },
  },
  checks: [
    {
      title: 'blames the builder exactly when its script failed, in its own words (marker, console tail)',
      check(row, r) {
        const errors = errorsOf(r.judged)
          .map((a) => a.message)
          .join('\n');
        if (row.error) expect(errors).toMatch(row.error);
        else expect(errors).not.toMatch(/IMMUT-BAKE-FAILED|IMMUT-ARTIFACT-FAILED/);
      },
    },
    {
      title: "answers the builder's presigned GETs as the fault says (none without an artifact)",
      check(row, r) {
        const calls = r.sandbox.calls();
        const gets = calls.filter(
          (c) => c.service === 's3' && c.operation === 'GetObject' && c.params['Presigned'] === true,
        );
        if (!row.inputs?.artifact) return void expect(gets).toEqual([]);
        expect(gets.length).toBeGreaterThan(0);
        const want = row.download ?? { status: 200, errorCode: undefined, injected: false };
        for (const get of gets) {
          expect({ status: get.status, errorCode: get.errorCode, injected: get.injected === true }).toEqual({
            status: want.status,
            errorCode: want.errorCode,
            injected: want.injected,
          });
          // Refused by S3's check of the URL, not by IAM (a refusal there names its statement).
          expect(get.iam).toBeUndefined();
        }
        if (row.download?.lateByMs) {
          const launched = calls.find((c) => c.operation === 'RunInstances' && c.outcome === 'ok');
          expect(launched).toBeDefined();
          for (const get of gets)
            expect(Date.parse(get.at) - Date.parse(launched!.at)).toBeGreaterThan(row.download.lateByMs);
        }
      },
    },
  ],
});
