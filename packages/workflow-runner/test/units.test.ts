// Unit behaviour of the runner's pieces: expressions, matrix expansion, uses resolution and
// the command line.
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { REPO_ROOT } from '@immut/action-runner';
import { parseCommandLine } from '../src/cli.js';
import { evaluateExpression, interpolate, truthy } from '../src/expressions.js';
import { expandMatrix, legName, readStrategy } from '../src/matrix.js';
import { resolveStepUses, resolveWorkflowUses } from '../src/uses.js';

describe('expressions', () => {
  const contexts = {
    github: { repository: 'acme/shop', event_name: 'push' },
    needs: { build: { result: 'success', outputs: { roles: '["api","web"]' } } },
    matrix: { role: 'api' },
  };

  it('evaluates the functions GitHub offers', () => {
    expect(evaluateExpression("format('{0}/{1} {{x}}', github.repository, matrix.role)", contexts)).toBe(
      'acme/shop/api {x}',
    );
    expect(evaluateExpression("contains(fromJSON(needs.build.outputs.roles), 'web')", contexts)).toBe(true);
    expect(evaluateExpression("contains('Hello', 'ELL')", contexts)).toBe(true);
    expect(evaluateExpression("join(fromJSON(needs.build.outputs.roles), ', ')", contexts)).toBe('api, web');
    expect(evaluateExpression('toJSON(matrix)', contexts)).toBe('{\n  "role": "api"\n}');
    expect(evaluateExpression("startsWith(github.repository, 'ACME')", contexts)).toBe(true);
    expect(evaluateExpression('needs.missing.outputs.x', contexts)).toBeNull();
  });

  it("unescapes every '' in a string literal (the lexer alone unescapes only the first)", () => {
    expect(evaluateExpression("'it''s ''quoted'''", {})).toBe("it's 'quoted'");
  });

  it('answers status functions from the status it is given, and refuses them without one', () => {
    const failed = { failed: true, cancelled: false };
    expect(evaluateExpression('success()', {}, failed)).toBe(false);
    expect(evaluateExpression('failure()', {}, failed)).toBe(true);
    expect(evaluateExpression('always()', {}, failed)).toBe(true);
    expect(evaluateExpression('success()', {}, { failed: false, cancelled: false, succeeded: false })).toBe(
      false,
    );
    expect(() => evaluateExpression('success()', {})).toThrow('success() is only allowed in if: conditions');
  });

  it('reports a syntax error with the expression', () => {
    expect(() => evaluateExpression('github.repository ==', contexts)).toThrow(
      /cannot parse \$\{\{ github.repository == \}\}/,
    );
  });

  it('interpolates ${{ }} in text, a }} inside a string literal included', () => {
    expect(interpolate("a ${{ matrix.role }} b ${{ '}}' }} c", contexts)).toBe('a api b }} c');
  });

  it('uses GitHub truthiness', () => {
    expect([false, 0, '', null, Number.NaN].map(truthy)).toEqual([false, false, false, false, false]);
    expect(['false', 1, {}, []].map((v) => truthy(v as never))).toEqual([true, true, true, true]);
  });
});

describe('matrix', () => {
  it('adds an include to every combination it does not change, else as a new combination', () => {
    expect(
      expandMatrix({
        os: ['linux', 'mac'],
        node: [18, 20],
        exclude: [{ os: 'mac', node: 18 }],
        include: [
          { os: 'linux', experimental: true },
          { node: 20, note: 'lts' },
          { os: 'windows', node: 20 },
        ],
      }),
    ).toEqual([
      { os: 'linux', node: 18, experimental: true },
      { os: 'linux', node: 20, experimental: true, note: 'lts' },
      { os: 'mac', node: 20, note: 'lts' },
      { os: 'windows', node: 20 },
    ]);
  });

  it('matches objects in exclude partially and deeply', () => {
    expect(expandMatrix({ cfg: [{ a: 1 }, { a: 2 }], exclude: [{ cfg: { a: 2 } }] })).toEqual([
      { cfg: { a: 1 } },
    ]);
  });

  it('refuses an empty vector, an exclude key not in the matrix, and a matrix excluding everything', () => {
    expect(() => expandMatrix({ role: [] })).toThrow("Matrix vector 'role' does not contain any values");
    expect(() => expandMatrix({ role: ['a'], exclude: [{ size: 1 }] })).toThrow("Matrix exclude key 'size'");
    expect(() => expandMatrix({ role: ['a'], exclude: [{ role: 'a' }] })).toThrow('produces no job');
    // GitHub's limit: 256 jobs from one matrix, whether from vectors or include.
    const roles = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
    expect(expandMatrix({ role: roles(256) })).toHaveLength(256);
    expect(() => expandMatrix({ role: roles(16), size: roles(17) })).toThrow(
      'strategy.matrix produces 272 jobs; GitHub runs at most 256 jobs from one matrix',
    );
    expect(() => expandMatrix({ include: roles(257).map((role) => ({ role })) })).toThrow(
      'produces 257 jobs',
    );
  });

  it('reads fail-fast and max-parallel, with GitHub defaults', () => {
    expect(readStrategy({ matrix: { a: [1] } })).toEqual({
      combinations: [{ a: 1 }],
      failFast: true,
      maxParallel: 0,
    });
    expect(readStrategy({ 'fail-fast': false, 'max-parallel': '2' })).toMatchObject({
      failFast: false,
      maxParallel: 2,
    });
    expect(() => readStrategy({ 'max-parallel': -1 })).toThrow(
      'strategy.max-parallel must be a positive integer',
    );
  });

  it('names legs like GitHub', () => {
    expect(legName('build', { role: 'api', n: 2 })).toBe('build (api, 2)');
    expect(legName('build', {})).toBe('build');
  });
});

describe('uses', () => {
  const echo = 'packages/action-runner/test/fixtures/echo-action';

  it('resolves ./<dir> and <owner>/immut/<dir>@<ref> to the local action, with its post step', () => {
    expect(resolveStepUses(`./${echo}`, REPO_ROOT)).toEqual({
      kind: 'action',
      actionDir: path.join(REPO_ROOT, echo),
      name: 'echo-action',
      hasPost: true,
    });
    expect(resolveStepUses(`immut-dev/immut/${echo}@v1`, REPO_ROOT)).toMatchObject({ kind: 'action' });
    expect(resolveStepUses('actions/checkout@v4', REPO_ROOT)).toEqual({ kind: 'checkout' });
    expect(resolveStepUses('aws-actions/configure-aws-credentials@v5', REPO_ROOT)).toEqual({
      kind: 'aws-credentials',
    });
  });

  it('says why it cannot run a step', () => {
    expect(() => resolveStepUses('docker://alpine', REPO_ROOT)).toThrow(
      "'docker://alpine' is not <owner>/<repo>",
    );
    expect(() => resolveStepUses('./no-such-action', REPO_ROOT)).toThrow('No action.yml');
    expect(() => resolveStepUses('./../outside', REPO_ROOT)).toThrow('outside the repository');
    expect(() => resolveStepUses('someone/else@v1', REPO_ROOT)).toThrow(
      "'someone/else@v1' cannot run locally",
    );
  });

  it('resolves reusable workflows of this repository only', () => {
    expect(() => resolveWorkflowUses('./.github/workflows/none.yml', REPO_ROOT)).toThrow('does not exist');
    expect(() => resolveWorkflowUses('other/repo/.github/workflows/x.yml@v1', REPO_ROOT)).toThrow(
      'cannot run locally',
    );
    expect(() => resolveWorkflowUses('./workflows/x.yml', REPO_ROOT)).toThrow('cannot run locally');
  });
});

describe('command line', () => {
  it('turns flags into runWorkflow options, taking AWS and IMMUT variables from the environment', () => {
    const request = parseCommandLine(
      [
        'wf.yml',
        '--input',
        'a=1',
        '--input',
        'b=x=y',
        '--secret',
        's=v',
        '--approve',
        'prod',
        '--protect',
        'prod',
        '--json',
        'r.json',
      ],
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', IMMUT_TIME_SCALE: '10', UNRELATED: 'x' },
      '/work',
    );
    expect(request.options).toMatchObject({
      workflowFile: '/work/wf.yml',
      event: 'workflow_dispatch',
      inputs: { a: '1', b: 'x=y' },
      secrets: { s: 'v' },
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', IMMUT_TIME_SCALE: '10' },
      repoRoot: '/work',
      environments: { prod: { requiresApproval: true } },
      autoApproveEnvironments: ['prod'],
    });
    expect(request.options.env).not.toHaveProperty('UNRELATED');
    expect(request.json).toBe('/work/r.json');
    expect(request.defaultEvent).toBe(true);
  });

  it('refuses a malformed pair and an unknown event', () => {
    expect(() => parseCommandLine(['wf.yml', '--input', 'novalue'], {}, '/')).toThrow(
      "--input expects name=value, got 'novalue'",
    );
    expect(() => parseCommandLine(['wf.yml', '--event', 'pull_request'], {}, '/')).toThrow('--event must be');
    expect(() => parseCommandLine([], {}, '/')).toThrow('usage: workflow-runner');
  });
});
