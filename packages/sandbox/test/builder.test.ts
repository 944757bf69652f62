// The builder protocol in the sandbox, over the wire with the real SDK v3 client: builders
// (user data rendered by core's builder protocol) power themselves off and print what
// the script would print; anything else is an ordinary instance. Time scale 1, moved by
// `advance`, so every state is observed deterministically.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeInstancesCommand,
  GetConsoleOutputCommand,
  RunInstancesCommand,
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
import { BUILDER_DURATIONS } from '../src/builder.js';
import { DURATIONS, startSandbox, type Sandbox } from '../src/index.js';
import { clients } from './helpers.js';

const AL_LATEST = 'ami-0a0000000000a2303';
const BAKE = 'abcdef12-0123456789ab';
const SCRIPT_TIME = Object.values(BUILDER_DURATIONS).reduce((a, b) => a + b, 0);

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

const spec = (over: Partial<BuilderSpec> = {}): BuilderSpec => ({
  bakeId: BAKE,
  selfDestructMinutes: 65,
  role: 'api',
  env: 'prod',
  logPaths: ['/var/log/api/*.log'],
  script: { name: 'provision.sh', content: Buffer.from('#!/bin/bash\necho hi\n') },
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

/** Moves to just after the builder powered off and finished stopping. */
function advancePastScript(extra = 0): void {
  sb.advance(DURATIONS.instancePendingToRunning + SCRIPT_TIME + DURATIONS.instanceStoppingToStopped + extra);
}

describe('builder protocol', () => {
  it('a builder stops by itself and its console ends in the success marker', async () => {
    const id = await launch(builderUserData());
    sb.advance(DURATIONS.instancePendingToRunning + BUILDER_DURATIONS['os-updates'] / 2);
    expect((await instance(id)).State?.Name).toBe('running');
    const midway = await consoleOf(id);
    expect(midway).toContain(`${BAKE_MARKERS.start} ${BAKE}`);
    expect(readBakeOutcome(midway, BAKE)).toEqual({ outcome: 'unknown' });

    advancePastScript();
    const stopped = await instance(id);
    expect(stopped.State?.Name).toBe('stopped');
    expect(stopped.StateReason?.Code).toBe('Client.InstanceInitiatedShutdown');
    const output = await consoleOf(id);
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'success' });
    expect(output).toContain('==> immut step: provision (provision.sh, 0 shipped file(s))');
    expect(output).toContain('the sandbox runs no scripts');
    expect(output.trimEnd().split('\n').at(-1)).toBe('reboot: Power down');
  });

  it('reports a provisioning failure when the builder-fails fault fires, and still powers off', async () => {
    sb.addFaults([{ kind: 'builder-fails', match: { role: 'api' }, times: 1 }]);
    const failing = await launch(builderUserData());
    const healthy = await launch(builderUserData({ bakeId: 'abcdef12-ffffffffffff' }));
    advancePastScript();
    expect((await instance(failing)).State?.Name).toBe('stopped');
    expect(readBakeOutcome(await consoleOf(failing), BAKE)).toEqual({
      outcome: 'failure',
      step: 'provision',
      exitCode: '1',
    });
    expect(readBakeOutcome(await consoleOf(healthy), 'abcdef12-ffffffffffff')).toEqual({
      outcome: 'success',
    });
  });

  it('powers off at the self-destruct deadline when the script takes longer, with no marker', async () => {
    const id = await launch(builderUserData({ selfDestructMinutes: 1 }));
    sb.advance(DURATIONS.instancePendingToRunning + 60_000 + DURATIONS.instanceStoppingToStopped);
    expect((await instance(id)).State?.Name).toBe('stopped');
    const output = await consoleOf(id);
    expect(output).toContain('immut: bake deadline reached, powering off');
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'unknown' });
  });

  it('honours InstanceInitiatedShutdownBehavior=terminate', async () => {
    const id = await launch(builderUserData(), 'terminate');
    sb.advance(DURATIONS.instancePendingToRunning + SCRIPT_TIME + DURATIONS.instanceShuttingDownToTerminated);
    expect((await instance(id)).State?.Name).toBe('terminated');
  });

  it('a builder terminated midway prints nothing more', async () => {
    const id = await launch(builderUserData());
    sb.advance(DURATIONS.instancePendingToRunning + 1000);
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    advancePastScript();
    const output = await consoleOf(id);
    expect(output).toContain(BAKE_MARKERS.start);
    expect(output).not.toContain('==> immut step: provision');
    expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'unknown' });
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
    advancePastScript(60 * 60_000);
    for (const id of ids) {
      expect((await instance(id)).State?.Name).toBe('running');
      const output = await consoleOf(id);
      expect(output).not.toContain(BAKE_MARKERS.success);
      expect(readBakeOutcome(output, BAKE)).toEqual({ outcome: 'unknown' });
    }
  });
});
