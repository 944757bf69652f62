// Cold start of every action bundle: process start → the input error (no inputs), and
// process start → its first request to AWS or GitHub (valid inputs, a local endpoint that
// records the moment). Also bundle size and peak memory, and the same for a baseline bundle
// that imports the same SDK clients naively (bench/baseline.ts), as a ratio.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BundleUnderTest {
  name: string;
  /** The file the runner starts (dist/<a>/main.js). */
  entry: string;
  /** The bundle whose size counts (dist/<a>/index.js). */
  bundle: string;
  /** Inputs that pass validation, so the action goes on to call AWS. */
  validInputs: Record<string, string>;
}

export interface ColdStart {
  name: string;
  bundleBytes: number;
  toInputErrorMs: number;
  toFirstRequestMs: number | undefined;
  peakRssKb: number | undefined;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function runnerEnv(workspace: string, inputs: Record<string, string>, endpoint?: string): NodeJS.ProcessEnv {
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY'].map((name) => {
      const file = path.join(workspace, `${name.toLowerCase()}.txt`);
      writeFileSync(file, '');
      return [name, file];
    }),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: workspace,
    ...files,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: workspace,
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  if (endpoint) {
    Object.assign(env, {
      AWS_ENDPOINT_URL: endpoint,
      GITHUB_API_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_REGION: 'us-east-1',
    });
  }
  return env;
}

/** Wall time from spawn to exit, and peak RSS from GNU time. */
function timeToExit(entry: string, env: NodeJS.ProcessEnv): { ms: number; peakRssKb: number | undefined } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'IMMUT_PEAK_RSS_KB=%M', process.execPath, entry], {
    env,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  const match = /IMMUT_PEAK_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  return { ms, peakRssKb: match ? Number(match[1]) : undefined };
}

/** Wall time from spawn to the first HTTP request the process makes (then it is killed). */
async function timeToFirstRequest(
  entry: string,
  workspace: string,
  inputs: Record<string, string>,
): Promise<number | undefined> {
  let firstAt: number | undefined;
  let notify: () => void = () => undefined;
  const seen = new Promise<void>((resolve) => (notify = resolve));
  const server = createServer((req, res) => {
    firstAt ??= performance.now();
    notify();
    req.resume();
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    env: runnerEnv(workspace, inputs, endpoint),
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await Promise.race([seen, exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  child.kill('SIGKILL');
  await exited;
  await new Promise((resolve) => server.close(resolve));
  return firstAt === undefined ? undefined : firstAt - started;
}

export async function measureColdStart(bundle: BundleUnderTest, runs: number): Promise<ColdStart> {
  const workspace = mkdtempSync(path.join(tmpdir(), `immut-bench-${bundle.name}-`));
  mkdirSync(path.join(workspace, 'provision'), { recursive: true });
  writeFileSync(path.join(workspace, 'provision.sh'), '#!/bin/sh\necho provisioned\n');
  const exits = Array.from({ length: runs }, () => timeToExit(bundle.entry, runnerEnv(workspace, {})));
  const requests: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ms = await timeToFirstRequest(bundle.entry, workspace, bundle.validInputs);
    if (ms !== undefined) requests.push(ms);
  }
  return {
    name: bundle.name,
    bundleBytes: statSync(bundle.bundle).size,
    toInputErrorMs: median(exits.map((e) => e.ms)),
    toFirstRequestMs: requests.length > 0 ? median(requests) : undefined,
    peakRssKb: median(exits.flatMap((e) => (e.peakRssKb === undefined ? [] : [e.peakRssKb]))),
  };
}
