// Builders in the sandbox, over the wire with the real SDK v3 client: user data rendered by
// core's builder protocol runs for real (bash, isolated scratch root, shims), its console is
// what the script prints, it powers itself off, and what it leaves is the image's content.
// Time scale 1, moved by `advance`; `builderSettled` waits (wall time) until the script
// blocks on the sandbox clock, so every state is observed deterministically.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import {
  CreateImageCommand,
  DescribeInstancesCommand,
  GetConsoleOutputCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  BAKE_MARKERS,
  encodeUserData,
  readBakeOutcome,
  renderBuilderScript,
  type BuilderSpec,
} from '@immut/core/builder-protocol';
import { SHIM_DURATIONS } from '../src/builder.js';
import { isolationProblem } from '../src/builder-exec/namespace.js';
import { DURATIONS, startSandbox, type Sandbox } from '../src/index.js';
import { clients } from './helpers.js';

const AL_LATEST = 'ami-0a0000000000a2303';
const BAKE = 'abcdef12-0123456789ab';
const min = 60_000;

let sb: Sandbox;
let ec2: EC2Client;
let c: ReturnType<typeof clients>;

beforeAll(async () => {
  sb = await startSandbox({ timeScale: 1 });
  c = clients(sb);
  ec2 = c.ec2;
});
afterAll(async () => {
  c.destroy();
  await sb.stop();
});
beforeEach(async () => {
  await sb.reset();
});

const provision = (body: string) => ({
  name: 'provision.sh',
  content: Buffer.from(`#!/bin/bash\n${body}\n`),
});

const spec = (over: Partial<BuilderSpec> = {}): BuilderSpec => ({
  bakeId: BAKE,
  selfDestructMinutes: 65,
  role: 'api',
  env: 'prod',
  logPaths: ['/var/log/api/*.log'],
  script: provision('set -e\necho "provisioning $IMMUT_ROLE/$IMMUT_ENV"\ndnf install -y nodejs20'),
  files: [],
  ...over,
});

const builderUserData = (over: Partial<BuilderSpec> = {}): string =>
  encodeUserData(renderBuilderScript(spec(over))).bytes.toString('base64');

async function launch(userData: string, behaviour: 'stop' | 'terminate' = 'stop'): Promise<string> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: AL_LATEST,
      InstanceType: 't3.small',
      MinCount: 1,
      MaxCount: 1,
      UserData: userData,
      InstanceInitiatedShutdownBehavior: behaviour,
    }),
  );
  return out.Instances![0]!.InstanceId!;
}

async function instance(id: string) {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return out.Reservations![0]!.Instances![0]!;
}

async function consoleOf(id: string): Promise<string> {
  const out = await ec2.send(new GetConsoleOutputCommand({ InstanceId: id }));
  return out.Output ? Buffer.from(out.Output, 'base64').toString('utf8') : '';
}

/** Boots the builder and lets its script run until it first waits for the clock. */
async function boot(id: string): Promise<void> {
  sb.advance(DURATIONS.instancePendingToRunning);
  await sb.builderSettled(id);
}

/** Moves the clock a minute at a time until every builder has powered off and stopped. */
async function runToEnd(ids: string[], limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    for (const id of ids) await sb.builderSettled(id);
    const states = await Promise.all(ids.map(async (id) => (await instance(id)).State?.Name));
    if (states.every((s) => s === 'stopped' || s === 'terminated')) return;
    sb.advance(min);
  }
  throw new Error(`builders ${ids.join(', ')} still run after ${limit} minutes`);
}

describe('a builder runs its script', () => {
  it('prints its steps on the sandbox clock, provisions, stops by itself with the success marker', async () => {
    const id = await launch(builderUserData());
    await boot(id);
    expect((await instance(id)).State?.Name).toBe('running');
    const early = await consoleOf(id);
    expect(early).toMatch(/Shutdown scheduled for \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(early).toContain(`${BAKE_MARKERS.start} ${BAKE} protocol=1 role=api env=prod`);
    expect(early).toContain('==> immut step: os-updates');
    // The package upgrade takes its simulated time: nothing of provisioning before that.
    expect(early).not.toContain('==> immut step: provision');
    expect(readBakeOutcome(early, BAKE)).toEqual({ outcome: 'unknown' });

    sb.advance(SHIM_DURATIONS.packageUpgrade);
    await sb.builderSettled(id);
    const midway = await consoleOf(id);
    expect(midway).toContain('==> immut step: provision (provision.sh, 0 shipped file(s))');
    expect(midway).toContain('provisioning api/prod');

    await runToEnd([id]);
    const stopped = await instance(id);
    expect(stopped.StateReason?.Code).toBe('Client.InstanceInitiatedShutdown');
    const output = await consoleOf(id);
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'success' });
    expect(output).toContain('  nodejs20');
    expect(output).toContain('==> immut step: logging (1 path(s) -> /immut/prod/api)');
    expect(output).toContain('Successfully fetched the config');
    expect(output).toMatch(
      /Created symlink \/etc\/systemd\/system\/multi-user.target.wants\/amazon-cloudwatch-agent.service/,
    );
    expect(output.trimEnd().split('\n').at(-1)).toBe('reboot: Power down');
  });

  it('reports a provisioning script that exits 1, and still powers off', async () => {
    const id = await launch(builderUserData({ script: provision('echo "about to fail"\nexit 1') }));
    await runToEnd([id]);
    const output = await consoleOf(id);
    expect(output).toContain('about to fail');
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'failure', step: 'provision', exitCode: '1' });
    expect((await instance(id)).State?.Name).toBe('stopped');
  });

  it('makes the provisioning script fail when the builder-fails fault fires, for that builder only', async () => {
    sb.addFaults([
      { kind: 'builder-fails', match: { role: 'api' }, times: 1, output: ['::error::injected'] },
    ]);
    const failing = await launch(builderUserData());
    const healthy = await launch(builderUserData({ bakeId: 'abcdef12-ffffffffffff' }));
    await runToEnd([failing, healthy]);
    const failed = await consoleOf(failing);
    expect(failed).toContain('::error::injected');
    expect(readBakeOutcome(failed, BAKE)).toEqual({ outcome: 'failure', step: 'provision', exitCode: '1' });
    expect(readBakeOutcome(await consoleOf(healthy), 'abcdef12-ffffffffffff')).toEqual({
      outcome: 'success',
    });
  });

  it('powers off at its self-destruct deadline when a step outlasts it, with no marker', async () => {
    const id = await launch(builderUserData({ selfDestructMinutes: 10, script: provision('sleep 2h') }));
    await runToEnd([id]);
    const stopped = await instance(id);
    expect(stopped.StateReason?.Code).toBe('Client.InstanceInitiatedShutdown');
    const output = await consoleOf(id);
    expect(output).toContain('immut: bake deadline reached, powering off');
    expect(output).toContain('The system is going down for poweroff NOW!');
    expect(output).toContain('==> immut step: provision');
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'unknown' });
  });

  it('honours InstanceInitiatedShutdownBehavior=terminate', async () => {
    const id = await launch(builderUserData(), 'terminate');
    await runToEnd([id]);
    expect((await instance(id)).State?.Name).toBe('terminated');
  });

  it('is killed when terminated midway: it prints nothing more', async () => {
    const id = await launch(builderUserData());
    await boot(id);
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    await sb.builderSettled(id);
    sb.advance(30 * min);
    const output = await consoleOf(id);
    expect(output).toContain(BAKE_MARKERS.start);
    expect(output).not.toContain('==> immut step: provision');
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'unknown' });
  });

  it('keeps the last 64 KB of what the script prints, as EC2 does', async () => {
    const id = await launch(
      builderUserData({ script: provision('for i in $(seq 2000); do printf "line %050d\\n" "$i"; done') }),
    );
    await runToEnd([id]);
    const output = await consoleOf(id);
    expect(Buffer.byteLength(output)).toBeLessThan(64 * 1024 + 1024);
    expect(output).not.toContain(`line ${'1'.padStart(50, '0')}`);
    expect(output).toContain(`line ${'2000'.padStart(50, '0')}`);
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'success' });
  });

  it('says plainly when this host cannot isolate builders, instead of simulating them', () => {
    const problem = isolationProblem('/nonexistent/unshare');
    expect(problem).toMatch(/runs builder scripts in Linux user\+mount\+pid namespaces/);
    expect(problem).toMatch(/ENOENT/);
    expect(problem).toContain('packages/sandbox/README.md "Builders"');
    expect(isolationProblem()).toBeUndefined();
  });

  it('is not fooled by user data that only looks like a builder', async () => {
    const script = renderBuilderScript(spec());
    const [shebang, header] = script.split('\n');
    const impostors = [
      `${shebang}\n${header}\necho "${BAKE_MARKERS.success} ${BAKE}"\npoweroff\n`,
      script.replace('set -euo pipefail', 'set -uo pipefail'),
      '#!/bin/bash\necho hello\n',
    ];
    const ids: string[] = [];
    for (const text of impostors) ids.push(await launch(Buffer.from(text).toString('base64')));
    sb.advance(2 * 60 * min);
    for (const id of ids) {
      expect((await instance(id)).State?.Name).toBe('running');
      const output = await consoleOf(id);
      expect(output).not.toContain(BAKE_MARKERS.success);
      expect(sb.instanceRoot(id)).toBeUndefined();
    }
  });
});

describe('what a builder leaves', () => {
  const appUnit = [
    'set -euo pipefail',
    'useradd --system --home /opt/app app',
    'install -d -o app /opt/app /var/log/app',
    'cp "$IMMUT_FILES/app.conf" /etc/app.conf',
    "printf '[Service]\\nExecStart=/opt/app/run\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/app.service",
    'systemctl enable app',
  ].join('\n');

  it('is the image: CreateImage keeps the scratch root, and instances launched from the image get it', async () => {
    const id = await launch(
      builderUserData({
        script: provision(appUnit),
        files: [{ path: 'app.conf', mode: 0o644, content: Buffer.from('port=8080\n') }],
      }),
    );
    await runToEnd([id]);
    expect(await consoleOf(id)).toContain(`${BAKE_MARKERS.success} ${BAKE}`);
    const { ImageId } = await ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'baked-app' }));
    const content = sb.imageContent(ImageId!)!;
    expect(readFileSync(path.join(content, 'etc/app.conf'), 'utf8')).toBe('port=8080\n');
    expect(readFileSync(path.join(content, 'etc/passwd'), 'utf8')).toMatch(/^app:x:999:999::\/opt\/app:/m);
    const wants = path.join(content, 'etc/systemd/system/multi-user.target.wants');
    expect(readlinkSync(path.join(wants, 'app.service'))).toBe('/etc/systemd/system/app.service');
    expect(JSON.parse(readFileSync(path.join(content, 'etc/immut/image.json'), 'utf8'))).toMatchObject({
      bakedBy: 'immut',
      role: 'api',
    });
    // Sealed: the provisioning work directory is gone, and cloud-init will run again.
    expect(existsSync(path.join(content, 'opt/immut/provision'))).toBe(false);
    expect(existsSync(path.join(content, 'var/lib/cloud/instance'))).toBe(false);

    sb.advance(DURATIONS.imagePendingToAvailable);
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId,
        MinCount: 1,
        MaxCount: 1,
        UserData: Buffer.from('#!/bin/bash\necho "FLAGS=on" > /etc/app.flags\n').toString('base64'),
      }),
    );
    const root = sb.instanceRoot(out.Instances![0]!.InstanceId!)!;
    expect(readFileSync(path.join(root, 'var/lib/cloud/instance/user-data.txt'), 'utf8')).toContain(
      'FLAGS=on',
    );
    expect(lstatSync(path.join(root, 'etc/systemd/system/app.service')).isFile()).toBe(true);
  });

  it('stays in its scratch root: the host is read-only to it, and its writes land in the root', async () => {
    const marker = `immut-escape-${process.pid}`;
    const id = await launch(
      builderUserData({
        script: provision(
          [
            `touch /usr/bin/${marker} 2>/dev/null && echo "wrote-usr" || echo "usr-refused"`,
            `mount -o remount,bind,rw /usr 2>/dev/null; touch /usr/${marker} 2>/dev/null && echo "remount-wrote" || echo "remount-refused"`,
            `echo inside > /etc/${marker}`,
            'echo "pid1=$(cat /proc/1/comm)"',
            'ls /home /tmp >/dev/null',
            // The network is shared so that the sandbox (its S3) is reachable; nothing else is.
            `echo "sandbox=$(curl -s -o /dev/null -w '%{http_code}' ${sb.endpoint}/)"`,
            'curl -fsS https://example.com/ >/dev/null 2>&1 || echo "outside=$?"',
          ].join('\n'),
        ),
      }),
    );
    await runToEnd([id]);
    const output = await consoleOf(id);
    expect(output).toContain('usr-refused');
    expect(output).toContain('remount-refused');
    expect(output).not.toMatch(/wrote-usr|remount-wrote/);
    expect(output).toContain('pid1=part-001');
    expect(output).toMatch(/sandbox=[1-5]\d\d/);
    expect(output).toContain('outside=6');
    expect(existsSync(`/usr/bin/${marker}`)).toBe(false);
    expect(existsSync(`/usr/${marker}`)).toBe(false);
    expect(existsSync(`/etc/${marker}`)).toBe(false);
    expect(readFileSync(path.join(sb.instanceRoot(id)!, 'etc', marker), 'utf8')).toBe('inside\n');
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'success' });
  });

  it('a stopped builder is killed and its root kept; sandbox stop removes every scratch root', async () => {
    const other = await startSandbox({ timeScale: 1 });
    const oc = clients(other);
    try {
      const out = await oc.ec2.send(
        new RunInstancesCommand({
          ImageId: AL_LATEST,
          MinCount: 1,
          MaxCount: 1,
          UserData: builderUserData(),
        }),
      );
      const id = out.Instances![0]!.InstanceId!;
      other.advance(DURATIONS.instancePendingToRunning);
      await other.builderSettled(id);
      await oc.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
      await other.builderSettled(id);
      const root = other.instanceRoot(id)!;
      expect(existsSync(path.join(root, 'var/lib/cloud/instance/scripts/part-001'))).toBe(true);
      await other.stop();
      expect(existsSync(root)).toBe(false);
    } finally {
      oc.destroy();
      await other.stop();
    }
  });
});
