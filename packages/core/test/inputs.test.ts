import { describe, expect, it } from '@jest/globals';
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
  optional,
  parseDuration,
  readInputs,
  resolveCommon,
  secret,
  text,
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
