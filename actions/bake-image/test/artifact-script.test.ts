// The builder script's artifact step, executed by bash: the rendered script parses
// (`bash -n`), and its fetch-verify-unpack function, run against a local HTTP server with the
// real curl, sha256sum and tar, unpacks a good pack, and prints the artifact marker and fails
// on a digest mismatch or a refused download, before anything from the pack could run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packArtifact } from '@immut/core/artifact';
import { ARTIFACT_FAILURE_MARKER, renderBuilderScript, type BuilderSpec } from '@immut/core/builder-protocol';

let dir: string;
let server: Server;
let base: string;
let pack: ReturnType<typeof packArtifact>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'immut-artifact-script-'));
  mkdirSync(path.join(dir, 'ws/app'), { recursive: true });
  writeFileSync(path.join(dir, 'ws/app/run me.sh'), '#!/bin/sh\necho "it\'s here"\n');
  pack = packArtifact(path.join(dir, 'ws'), ['app'], { input: 'artifact', expected: 'paths' });
  server = createServer((req, res) => {
    if (req.url?.startsWith('/ok')) return void res.end(pack.bytes);
    res.writeHead(403).end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function spec(url: string, sha256: string): BuilderSpec {
  return {
    bakeId: 'abcdef12-0123456789ab',
    selfDestructMinutes: 65,
    role: 'api',
    env: 'prod',
    appVersion: `1.0 "quoted" it's`,
    logPaths: [],
    script: { name: 'provision.sh', content: Buffer.from('#!/bin/bash\necho provisioned\n') },
    files: [],
    artifact: { url, sha256, size: pack.size },
  };
}

/** The artifact step of the rendered script, run on its own with a scratch $IMMUT_APP_DIR
 *  (asynchronously: the HTTP server answering curl lives in this process). */
function runArtifactStep(
  script: string,
  appDir: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const lines = script.split('\n');
  const start = lines.findIndex((l) => l === 'immut_fetch_artifact() {');
  const call = lines.findIndex((l) => l.startsWith('immut_fetch_artifact '));
  const step = lines
    .slice(start, call + 1)
    .join('\n')
    .replaceAll('/var/tmp/immut-artifact.tar.gz', path.join(dir, 'pack.tgz'));
  const program = [
    'set -euo pipefail',
    "IMMUT_BAKE='abcdef12-0123456789ab'",
    `IMMUT_APP_DIR='${appDir}'`,
    step,
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', program]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the artifact step of the builder script', () => {
  it('renders a script bash parses, with the presigned URL quoted whole', () => {
    const url = `${base}/ok/x.tar.gz?X-Amz-Credential=a%2Fb&X-Amz-Signature=ff'$(id)`;
    const script = renderBuilderScript(spec(url, pack.sha256));
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(script).toContain('IMMUT_APP_DIR=/opt/immut/app');
    expect(script).toContain('IMMUT_APP_DIR="$IMMUT_APP_DIR"');
  });

  it('downloads, verifies and unpacks a good pack', async () => {
    const appDir = path.join(dir, 'good');
    const run = await runArtifactStep(
      renderBuilderScript(spec(`${base}/ok/a.tar.gz?X-Amz-Signature=1`, pack.sha256)),
      appDir,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`immut: artifact ${pack.sha256} unpacked to ${appDir}`);
    expect(readFileSync(path.join(appDir, 'app/run me.sh'), 'utf8')).toBe('#!/bin/sh\necho "it\'s here"\n');
  });

  it('fails with the artifact marker on a digest mismatch, unpacking nothing', async () => {
    const appDir = path.join(dir, 'mismatch');
    const wrong = 'f'.repeat(64);
    const run = await runArtifactStep(renderBuilderScript(spec(`${base}/ok/a.tar.gz`, wrong)), appDir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${ARTIFACT_FAILURE_MARKER} abcdef12-0123456789ab reason=digest expected=${wrong} got=${pack.sha256}`,
    );
    expect(spawnSync('ls', [appDir]).status).not.toBe(0);
  });

  it('fails with the artifact marker when S3 refuses the download (an expired URL)', async () => {
    const run = await runArtifactStep(
      renderBuilderScript(spec(`${base}/expired/a.tar.gz`, pack.sha256)),
      path.join(dir, 'expired'),
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${ARTIFACT_FAILURE_MARKER} abcdef12-0123456789ab reason=download`);
    expect(run.stderr).toMatch(/403/);
  });
});
