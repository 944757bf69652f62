// The rendered builder script against hostile but valid inputs: odd file names, binary and
// delimiter-like file contents, quotes, `$(…)`, backquotes and globs in the app version and the
// log paths. Every script passes `bash -n`, runs under `set -euo pipefail`, and executes for
// real in the sandbox's isolated builder (three at once, as rebuild-the-world bakes). The
// outcome is read from the scratch root: every value arrives byte for byte, nothing is
// executed that the user only meant as data, and the console ends in the success marker.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeInstancesCommand, GetConsoleOutputCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import {
  checkBuilderSpec,
  encodeUserData,
  readBakeOutcome,
  renderBuilderScript,
  type BuilderSpec,
  type ShippedFile,
} from '@immut/core/builder-protocol';
import { DURATIONS, startSandbox, type Sandbox } from '../src/index.js';
import { clients } from './helpers.js';

const AL_LATEST = 'ami-0a0000000000a2303';
const UBUNTU = 'ami-0c0000000000b2403';

const HOSTILE_VERSION = `1.0 "dq" 'sq' $(touch /tmp/pwned) \`touch /tmp/pwned2\` ; rm -rf / # \\ \${HOME} %s %n ü`;

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

const FILES: ShippedFile[] = [
  { path: '--help', mode: 0o644, content: Buffer.from('not an option\n') },
  { path: '-n', mode: 0o755, content: Buffer.from('#!/bin/sh\necho dash-n\n') },
  { path: '.hidden', mode: 0o644, content: Buffer.from('') },
  { path: 'a..b/c', mode: 0o644, content: Buffer.from('IMMUT_FILE_1\nIMMUT_JSON\nEOF\n\'"$(x)`y`\n') },
  { path: 'bin/all-bytes.bin', mode: 0o644, content: ALL_BYTES },
  { path: 'deep/er/than/you/think/x-_.y', mode: 0o755, content: Buffer.from('x') },
];

/** Writes what it was given where the test can read it back; exits non-zero on any surprise. */
const PROVISION = `#!/bin/bash
set -euo pipefail
mkdir -p /var/lib/hostile
printf '%s' "$IMMUT_APP_VERSION" > /var/lib/hostile/app-version
printf '%s/%s' "$IMMUT_ROLE" "$IMMUT_ENV" > /var/lib/hostile/identity
(cd "$IMMUT_FILES" && find . -type f -printf '%P %m\\n' | LC_ALL=C sort) > /var/lib/hostile/files
cp -a "$IMMUT_FILES" /var/lib/hostile/shipped
[ "$("$IMMUT_FILES/-n")" = dash-n ]
`;

const hostile = (over: Partial<BuilderSpec>): BuilderSpec => ({
  bakeId: 'hostile0-000000000001',
  selfDestructMinutes: 30,
  role: 'api-v2',
  env: 'prod-eu',
  appVersion: HOSTILE_VERSION,
  logPaths: [
    '/var/log/app/*.log',
    '/var/log/$(touch${IFS}/tmp/pwned3)/x.log',
    '/var/log/`touch${IFS}/tmp/pwned3`.log',
    '/var/log/[ab]?.log',
    '/var/log/ünï.log',
  ],
  script: { name: '-provision..sh', content: Buffer.from(PROVISION) },
  files: FILES,
  ...over,
});

const SPECS: Array<{ name: string; image: string; spec: BuilderSpec }> = [
  { name: 'odd names, quotes and $(…) on Amazon Linux', image: AL_LATEST, spec: hostile({}) },
  {
    name: 'the same on Ubuntu (apt)',
    image: UBUNTU,
    spec: hostile({
      bakeId: 'hostile0-000000000002',
      script: { name: '_', content: Buffer.from(PROVISION) },
    }),
  },
  {
    name: 'no log paths, no app version, a CRLF-free script without a trailing newline',
    image: AL_LATEST,
    spec: hostile({
      bakeId: 'hostile0-000000000003',
      logPaths: [],
      appVersion: undefined,
      script: { name: 'p.sh', content: Buffer.from(PROVISION.trimEnd()) },
    }),
  },
];

let sb: Sandbox;
let c: ReturnType<typeof clients>;

beforeAll(async () => {
  sb = await startSandbox({ timeScale: 1 });
  c = clients(sb);
});
afterAll(async () => {
  c.destroy();
  await sb.stop();
});

describe('the rendered builder script', () => {
  it.each(SPECS)('passes bash -n and sets -euo pipefail before any work: $name', ({ spec }) => {
    const script = renderBuilderScript(spec);
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const lines = script.split('\n');
    expect(lines.indexOf('set -euo pipefail')).toBeGreaterThan(0);
    expect(lines.indexOf('set -euo pipefail')).toBeLessThan(
      lines.findIndex((l) => l.startsWith('immut_unpack')),
    );
  });

  it('refuses what it cannot carry safely: a log path with a space or a quote, a file name with a space', () => {
    expect(checkBuilderSpec(hostile({ logPaths: ['/var/log/my app.log'] }))).toHaveLength(1);
    expect(checkBuilderSpec(hostile({ logPaths: ["/var/log/it's.log"] }))).toHaveLength(1);
    const spaced = { path: 'a b', mode: 0o644, content: Buffer.from('') };
    expect(() => renderBuilderScript(hostile({ files: [spaced] }))).toThrow(/shipped file 'a b'/);
  });
});

describe('executed in the isolated builder, three at once', () => {
  const launched = new Map<string, string>();

  beforeAll(async () => {
    for (const { name, image, spec } of SPECS) {
      const out = await c.ec2.send(
        new RunInstancesCommand({
          ImageId: image,
          MinCount: 1,
          MaxCount: 1,
          UserData: encodeUserData(renderBuilderScript(spec)).bytes.toString('base64'),
        }),
      );
      launched.set(name, out.Instances![0]!.InstanceId!);
    }
    const ids = [...launched.values()];
    sb.advance(DURATIONS.instancePendingToRunning);
    for (let minute = 0; minute < 60; minute++) {
      for (const id of ids) await sb.builderSettled(id);
      const out = await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
      const states = out.Reservations!.flatMap((r) => r.Instances!.map((i) => i.State?.Name));
      if (states.every((s) => s === 'stopped')) break;
      sb.advance(60_000);
    }
  }, 60_000);

  const consoleOf = async (id: string): Promise<string> => {
    const out = await c.ec2.send(new GetConsoleOutputCommand({ InstanceId: id }));
    return Buffer.from(out.Output ?? '', 'base64').toString('utf8');
  };

  it.each(SPECS)('succeeds and every value arrives byte for byte: $name', async ({ name, spec }) => {
    const id = launched.get(name)!;
    const output = await consoleOf(id);
    expect(readBakeOutcome(output, spec.bakeId)).toEqual({ outcome: 'success' });
    const root = sb.instanceRoot(id)!;
    const read = (p: string) => readFileSync(path.join(root, p));
    expect(read('var/lib/hostile/app-version').toString('utf8')).toBe(spec.appVersion ?? '');
    expect(read('var/lib/hostile/identity').toString('utf8')).toBe(`${spec.role}/${spec.env}`);
    const listed = spec.files.map((f) => `${f.path} ${f.mode.toString(8)}`).sort();
    expect(read('var/lib/hostile/files').toString('utf8').trimEnd().split('\n').sort()).toEqual(listed);
    for (const f of spec.files)
      expect(read(`var/lib/hostile/shipped/${f.path}`).equals(f.content)).toBe(true);
    const image = JSON.parse(read('etc/immut/image.json').toString('utf8')) as Record<string, unknown>;
    expect(image['appVersion']).toBe(spec.appVersion ?? null);
    expect(image['logPaths']).toEqual(spec.logPaths);
  });

  it.each(SPECS)('executes nothing it was only given as data: $name', ({ name }) => {
    const root = sb.instanceRoot(launched.get(name)!)!;
    for (const pwned of ['tmp/pwned', 'tmp/pwned2', 'tmp/pwned3'])
      expect(existsSync(path.join(root, pwned))).toBe(false);
    for (const pwned of ['/tmp/pwned', '/tmp/pwned2', '/tmp/pwned3']) expect(existsSync(pwned)).toBe(false);
  });

  it('ships the log paths verbatim to the CloudWatch agent configuration', () => {
    const root = sb.instanceRoot(launched.get(SPECS[0]!.name)!)!;
    const config = JSON.parse(
      readFileSync(
        path.join(root, 'opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json'),
        'utf8',
      ),
    ) as { logs: { logs_collected: { files: { collect_list: Array<{ file_path: string }> } } } };
    expect(config.logs.logs_collected.files.collect_list.map((f) => f.file_path)).toEqual(
      SPECS[0]!.spec.logPaths,
    );
  });
});
