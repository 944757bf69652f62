import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../src/errors.js';
import {
  awsIds,
  bool,
  choice,
  commonInputs,
  duration,
  inputName,
  integer,
  keyValues,
  line,
  optional,
  parseDuration,
  readInputs,
  readWorkspaceFile,
  resolveCommon,
  secret,
  showGiven,
  text,
  workspacePath,
} from '../src/inputs.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readInputs', () => {
  it('maps camelCase keys to hyphenated input names', () => {
    expect(inputName('lbSecurityGroupIds')).toBe('lb-security-group-ids');
    expect(inputName('dryRun')).toBe('dry-run');
    const parsed = readInputs({ dryRun: bool() }, reader({ 'dry-run': 'true' }));
    expect(parsed.dryRun).toBe(true);
  });

  it('names a missing required input and what it expects', () => {
    const [problem] = problemsOf(() => readInputs({ role: text('a role name') }, reader({})));
    expect(problem).toBe("Input 'role' is required but was not given; expected a role name.");
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(() =>
      readInputs(
        { count: integer(1, 10), mode: choice(['swap', 'weighted']) },
        reader({ count: '0', mode: 'x' }),
      ),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Input 'count' was '0': too small; expected a whole number from 1 to 10\.$/);
    expect(problems[1]).toMatch(/^Input 'mode' was 'x'.*expected one of 'swap', 'weighted'\.$/);
  });

  it('never echoes a secret value', () => {
    const [problem] = problemsOf(() =>
      readInputs({ githubToken: secret(integer(1, 2)) }, reader({ 'github-token': 'ghp_supersecret' })),
    );
    expect(problem).not.toContain('supersecret');
    expect(problem).toContain('a secret value, not shown');
  });

  it('applies defaults and leaves absent optional inputs undefined', () => {
    const parsed = readInputs(
      { timeout: optional(duration(), '15m'), profile: optional(text()) },
      reader({}),
    );
    expect(parsed).toEqual({ timeout: 15 * 60_000, profile: undefined });
  });

  it('trims values as the runner does', () => {
    expect(readInputs({ mode: choice(['a']) }, reader({ mode: '  a \n' })).mode).toBe('a');
  });
});

describe('input kinds', () => {
  it('accepts YAML 1.2 booleans only', () => {
    expect(readInputs({ force: bool() }, reader({ force: 'TRUE' })).force).toBe(true);
    expect(readInputs({ force: bool() }, reader({ force: 'False' })).force).toBe(false);
    expect(problemsOf(() => readInputs({ force: bool() }, reader({ force: 'yes' })))[0]).toMatch(
      /not a boolean/,
    );
  });

  it('parses durations in ms, s, m and h, and their sums', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('15')).toBeUndefined();
    expect(parseDuration('15x')).toBeUndefined();
    expect(
      problemsOf(() => readInputs({ timeout: duration('1m', '1h') }, reader({ timeout: '2h' })))[0],
    ).toMatch(/: out of range; expected a duration from 1m to 1h/);
  });

  it('parses KEY=VALUE lines, keeping = inside values and skipping comments', () => {
    const parsed = readInputs(
      { flags: keyValues() },
      reader({ flags: '# app settings\nLOG_LEVEL=info\n\nFEATURE_URL=https://x.test/?a=b\nEMPTY=' }),
    );
    expect(parsed.flags).toEqual({ LOG_LEVEL: 'info', FEATURE_URL: 'https://x.test/?a=b', EMPTY: '' });
  });

  it('reads flags given as a JSON object exactly as written, newlines refused', () => {
    const read = (flags: string) => readInputs({ flags: keyValues() }, reader({ flags }));
    expect(read('{"LOG_LEVEL":"info","GREETING":"  a=b # c  ","EMPTY":""}').flags).toEqual({
      LOG_LEVEL: 'info',
      GREETING: '  a=b # c  ',
      EMPTY: '',
    });
    const [problem] = problemsOf(() => read('{"LOG_LEVEL":"info\\nINJECTED=1","lower":"x","N":1}'));
    expect(problem).toMatch(/^Input 'flags' was '.*': /);
    expect(problem).toMatch(/the value of LOG_LEVEL has a control character \(U\+000A\) at character 5/);
    expect(problem).toMatch(/key "lower" is not an upper-case name/);
    expect(problem).toMatch(/N is number, not a string/);
    expect(problemsOf(() => read('{"A":'))[0]).toMatch(/not valid JSON/);
    expect(problemsOf(() => read('A=1\u001b[2J'))[0]).toMatch(
      /the value of A has a control character \(U\+001B\)/,
    );
  });

  it('points at the bad line of a KEY=VALUE list', () => {
    const [problem] = problemsOf(() =>
      readInputs({ flags: keyValues() }, reader({ flags: 'A=1\nlower=2\nA=3' })),
    );
    expect(problem).toMatch(/line 2 'lower=2' is not KEY=VALUE/);
    expect(problem).toMatch(/line 3 repeats key A/);
  });

  it('reads id lists separated by commas or newlines and rejects bad ids, duplicates and short lists', () => {
    const spec = { subnetIds: awsIds('subnet', 2) };
    expect(
      readInputs(spec, reader({ 'subnet-ids': 'subnet-0aaaaaaaa,\nsubnet-0bbbbbbbb' })).subnetIds,
    ).toEqual(['subnet-0aaaaaaaa', 'subnet-0bbbbbbbb']);
    expect(problemsOf(() => readInputs(spec, reader({ 'subnet-ids': 'subnet-0aaaaaaaa' })))[0]).toMatch(
      /: only 1 item\(s\); expected at least 2/,
    );
    expect(problemsOf(() => readInputs(spec, reader({ 'subnet-ids': 'subnet-1,subnet-1' })))[0]).toMatch(
      /: invalid item 'subnet-1'.*'subnet-1' listed twice/,
    );
  });
});

describe('common inputs', () => {
  const env = { GITHUB_RUN_NUMBER: '42', AWS_REGION: 'eu-west-1' };

  it('derives the build from the run number and the region from the environment', () => {
    const parsed = readInputs(commonInputs, reader({ role: 'api', env: 'prod' }));
    expect(resolveCommon(parsed, env)).toEqual({
      identity: { role: 'api', env: 'prod', build: 'b000042' },
      region: 'eu-west-1',
      dryRun: false,
    });
  });

  it('prefers explicit inputs', () => {
    const parsed = readInputs(
      commonInputs,
      reader({ role: 'api', env: 'prod', build: 'x1', region: 'us-east-1' }),
    );
    expect(resolveCommon(parsed, env).identity.build).toBe('x1');
    expect(resolveCommon(parsed, env).region).toBe('us-east-1');
  });

  it('says where a build and region can come from when neither is available', () => {
    const parsed = readInputs(commonInputs, reader({ role: 'api', env: 'prod' }));
    const problems = problemsOf(() => resolveCommon(parsed, {}));
    expect(problems[0]).toMatch(/'build' was not given and GITHUB_RUN_NUMBER is not set/);
    expect(problems[1]).toMatch(/'region' was not given and neither AWS_REGION/);
  });

  it('refuses invalid identities with the rule they broke', () => {
    const problems = problemsOf(() =>
      readInputs(commonInputs, reader({ role: 'API', env: 'internal', build: 'B-1' })),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^Input 'role' was 'API'/);
    expect(problems[1]).toMatch(/^Input 'env' was 'internal'.*reserved/);
    expect(problems[2]).toMatch(/^Input 'build' was 'B-1'/);
  });
});

describe('showGiven', () => {
  it('shows a short value whole, quoted', () => {
    expect(showGiven('ami-0abc')).toBe("'ami-0abc'");
  });

  it('cuts a long value to 100 characters, with its length', () => {
    const shown = showGiven('x'.repeat(10_000));
    expect(shown).toBe(`'${'x'.repeat(99)}…' (10000 characters)`);
    // Wherever a spec's own message repeats a value, the cut applies too.
    const [problem] = problemsOf(() =>
      readInputs({ subnetIds: awsIds('subnet') }, reader({ 'subnet-ids': 'y'.repeat(10_000) })),
    );
    expect(problem).not.toContain('y'.repeat(100));
    expect(problem!.length).toBeLessThan(500);
  });

  it('escapes control and invisible characters and never splits a character', () => {
    expect(showGiven('a\nb\u0000c\u202ed')).toBe("'a\\nb\\u0000c\\u202ed'");
    const shown = showGiven('😀'.repeat(150));
    expect(shown).toBe(`'${'😀'.repeat(99)}…' (150 characters)`);
  });

  it('never shows a value that looks like a secret, cut or not', () => {
    for (const raw of ['AKIAIOSFODNN7EXAMPLE', 'https://user:hunter2@db.example', `ghp_${'a'.repeat(36)}`])
      expect(showGiven(raw)).toBe('(a value that looks like a secret, not shown)');
    const [problem] = problemsOf(() =>
      readInputs({ region: integer(1, 2) }, reader({ region: 'postgres://app:hunter2@db:5432/x' })),
    );
    expect(problem).not.toContain('hunter2');
  });
});

describe('workspace paths', () => {
  const outers: string[] = [];
  afterAll(() => {
    for (const outer of outers.splice(0)) rmSync(outer, { recursive: true, force: true });
  });
  const workspace = (): string => {
    const outer = mkdtempSync(path.join(tmpdir(), 'immut-core-ws-'));
    outers.push(outer);
    writeFileSync(path.join(outer, 'outside.yml'), 'secret: 1\n');
    mkdirSync(path.join(outer, 'ws'));
    return path.join(outer, 'ws');
  };
  const read = (ws: string, given: string, maxBytes?: number) =>
    readWorkspaceFile(ws, {
      input: 'world-file',
      given,
      expected: 'a file',
      ...(maxBytes === undefined ? {} : { maxBytes }),
    });

  it('refuses absolute paths, .. and control characters as input', () => {
    const spec = { worldFile: workspacePath('a file', { pattern: /\.yml$/, why: 'not .yml' }) };
    for (const [raw, why] of [
      ['/etc/x.yml', 'it is an absolute path'],
      ['../x.yml', "it leads outside the workspace with '..'"],
      ['a/../../x.yml', "it leads outside the workspace with '..'"],
      ['a\u0001.yml', 'it contains control characters'],
      ['a.txt', 'not .yml'],
    ]) {
      const [problem] = problemsOf(() => readInputs(spec, reader({ 'world-file': raw! })));
      expect(problem).toContain(why);
    }
    expect(readInputs(spec, reader({ 'world-file': 'conf/..x.yml' })).worldFile).toBe('conf/..x.yml');
  });

  it('reads a regular file of the workspace, also through a symlink that stays inside', () => {
    const ws = workspace();
    mkdirSync(path.join(ws, 'conf'));
    writeFileSync(path.join(ws, 'conf/a.yml'), 'a: 1\n');
    symlinkSync('conf', path.join(ws, 'link'));
    expect(read(ws, 'link/a.yml').content.toString()).toBe('a: 1\n');
    expect(read(ws, 'link/a.yml').relative).toBe(path.join('conf', 'a.yml'));
  });

  it('refuses a path whose real path leaves the workspace, whichever component is the symlink', () => {
    const ws = workspace();
    symlinkSync('..', path.join(ws, 'up'));
    symlinkSync('../outside.yml', path.join(ws, 'file.yml'));
    symlinkSync('/proc', path.join(ws, 'p'));
    for (const given of ['up/outside.yml', 'file.yml', 'p/self/environ'])
      expect(() => read(ws, given)).toThrow(/outside the workspace/);
  });

  it('refuses FIFOs, directories and devices without opening them for reading', () => {
    const ws = workspace();
    execFileSync('mkfifo', [path.join(ws, 'fifo.yml')]);
    mkdirSync(path.join(ws, 'dir.yml'));
    symlinkSync('/dev/null', path.join(ws, 'null.yml'));
    expect(() => read(ws, 'fifo.yml')).toThrow(/it is not a regular file/);
    expect(() => read(ws, 'dir.yml')).toThrow(/it is not a regular file/);
    // /dev/null is outside the workspace anyway.
    expect(() => read(ws, 'null.yml')).toThrow(InputError);
  });

  it('refuses a file over the size cap, and names a missing file', () => {
    const ws = workspace();
    writeFileSync(path.join(ws, 'big.yml'), 'x'.repeat(101));
    expect(() => read(ws, 'big.yml', 100)).toThrow(
      "Input 'world-file' was 'big.yml': it is 101 bytes, over the 100 bytes immut reads; expected a file.",
    );
    expect(() => read(ws, 'none.yml')).toThrow(
      /Input 'world-file' was 'none.yml': no such file in the workspace/,
    );
  });
});

describe('line', () => {
  const read = (value: string) =>
    readInputs({ appVersion: line('the application version') }, reader({ 'app-version': value }));

  it('accepts one line of text, shell characters included (they stay data)', () => {
    expect(read('1.2.3$(id)').appVersion).toBe('1.2.3$(id)');
  });

  it.each([
    ['a newline', '1.2.3\nINJECTED=1', /U\+000A/],
    ['ESC', '1.2\u001b[2J', /U\+001B/],
    ['U+2028', '1.2\u2028x', /U\+2028/],
    ['10,000 characters', 'a'.repeat(10_000), /longer than 256 characters/],
  ])('refuses %s, naming the input and cutting the value', (_what, value, why) => {
    const problems = problemsOf(() => read(value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Input 'app-version' was '/);
    expect(problems[0]).toMatch(why);
    expect(problems[0]).toMatch(/expected the application version \(one line, at most 256 characters\)/);
    expect(problems[0]?.length).toBeLessThan(400);
  });
});
