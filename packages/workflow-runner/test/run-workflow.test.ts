// End-to-end behaviour of runWorkflow on fixture workflows (test/fixtures/workflows/) that use
// only run: steps, actions/checkout, configure-aws-credentials and the harness's echo action.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { FAKE_GITHUB_TOKEN } from '@immut/action-runner';
import { allJobRuns, WorkflowError } from '../src/index.js';
import type { JobRun, StepResult, WorkflowRunResult } from '../src/types.js';
import { fixtureRepo, readLines, type FixtureRepo } from './support.js';

let repo: FixtureRepo;
beforeAll(() => {
  repo = fixtureRepo();
});
afterAll(() => repo.remove());

const job = (result: WorkflowRunResult, key: string): JobRun => {
  const found = allJobRuns(result).find((j) => j.key === key);
  if (!found)
    throw new Error(
      `no job ${key} in ${allJobRuns(result)
        .map((j) => j.key)
        .join(', ')}`,
    );
  return found;
};
const step = (run: JobRun, name: string, phase: 'main' | 'post' = 'main'): StepResult => {
  const found = run.steps.find((s) => (s.id === name || s.name === name) && s.phase === phase);
  if (!found)
    throw new Error(`no ${phase} step ${name} in ${run.steps.map((s) => `${s.phase}:${s.id}`).join(', ')}`);
  return found;
};
const envOf = (s: StepResult): Record<string, string> =>
  JSON.parse(s.outputs['env'] ?? '{}') as Record<string, string>;

describe('jobs and needs', () => {
  it('runs independent jobs at the same time and a job only after all its needs', async () => {
    const trace = repo.trace();
    const result = await repo.run('needs.yml', { env: { TRACE: trace } });
    // a and b each wait for the other's marker: run one after the other, they would fail.
    expect(result.result).toBe('success');
    const log = readLines(path.join(trace, 'log'));
    const at = (line: string): number => log.indexOf(line);
    expect(at('start c')).toBeGreaterThan(Math.max(at('end a'), at('end b')));
    expect(at('start d')).toBeGreaterThan(at('start c'));
    expect(Object.fromEntries(Object.entries(result.needs).map(([k, v]) => [k, v.result]))).toEqual({
      a: 'success',
      b: 'success',
      c: 'success',
      d: 'success',
    });
  });
});

describe('outputs and expressions', () => {
  it('passes step outputs to job outputs and needs.<job>.outputs, with the expression functions', async () => {
    const result = await repo.run('outputs.yml', { inputs: { greeting: 'hi' } });
    expect(result.result).toBe('success');
    expect(result.needs['produce']?.outputs).toEqual({
      word: 'hi',
      list: '["api","worker","web"]',
      echoed: 'blue',
      multi: 'line 1\nline 2',
      heredoc: "greeting hi in a heredoc, it's 'quoted'",
    });
    expect(result.needs['consume']?.outputs['report']).toBe(
      [
        'word=hi first=api joined=api+worker+web web=true db=false',
        'formatted=blue-small-{literal} loud=false bool=true result=success',
        'json={"a":[1,true,null]}',
        'multi=line 1',
        'line 2',
      ].join('\n'),
    );
  });

  it('converts dispatch inputs to their types: a boolean input given as a string is a boolean', async () => {
    const result = await repo.run('outputs.yml', { inputs: { loud: 'true', size: 'large' } });
    expect(result.inputs).toEqual({ greeting: 'hello', loud: true, size: 'large' });
    expect(result.needs['consume']?.outputs['report']).toContain(
      'formatted=blue-large-{literal} loud=true bool=false',
    );
  });

  it('refuses a bad choice, an unknown input and an event the workflow does not have, running nothing', async () => {
    const lines: string[] = [];
    await expect(
      repo.run('outputs.yml', { inputs: { size: 'huge' }, log: (l) => lines.push(l) }),
    ).rejects.toThrow('input \'size\' expects one of small, large, got "huge"');
    await expect(repo.run('outputs.yml', { inputs: { colour: 'red' } })).rejects.toThrow(
      "unexpected input 'colour' (declared: greeting, loud, size)",
    );
    await expect(repo.run('outputs.yml', { event: 'push' })).rejects.toThrow(
      'outputs.yml is not triggered by push (on: workflow_dispatch)',
    );
    expect(lines).toEqual([]);
  });
});

describe('env', () => {
  it('gives step env precedence over GITHUB_ENV, GITHUB_ENV over job env, job env over workflow env', async () => {
    const result = await repo.run('env.yml');
    expect(result.needs['env']?.outputs).toEqual({
      seen: 'workflow job step github-env step',
      context: 'workflow job step github-env step',
    });
  });
});

describe('conditions', () => {
  let result: WorkflowRunResult;
  let trace: string;
  beforeAll(async () => {
    trace = repo.trace();
    result = await repo.run('conditions.yml', { env: { TRACE: trace } });
  });

  it('runs steps by if: with success(), failure(), always(), outcomes and continue-on-error', () => {
    expect(readLines(path.join(trace, 'steps'))).toEqual([
      'saw-outcome',
      'breaks',
      'on-failure status=failure',
      'on-always',
    ]);
    const steps = job(result, 'steps');
    expect(step(steps, 'tolerated')).toMatchObject({ outcome: 'failure', conclusion: 'success' });
    expect(step(steps, 'after-failure').outcome).toBe('skipped');
    expect(steps.result).toBe('failure');
    expect(result.result).toBe('failure');
  });

  it('skips dependents of a failed or skipped job unless their if: says always() or failure()', () => {
    expect(readLines(path.join(trace, 'jobs')).sort()).toEqual([
      'always-dependent skipped',
      'failure-dependent failure',
    ]);
    const results = Object.fromEntries(Object.entries(result.needs).map(([k, v]) => [k, v.result]));
    expect(results).toEqual({
      steps: 'failure',
      'default-dependent': 'skipped',
      'failure-dependent': 'success',
      'always-dependent': 'success',
      'skipped-by-if': 'skipped',
      'after-skipped': 'skipped',
    });
  });
});

describe('matrix', () => {
  it('expands include and exclude, runs one leg at a time under max-parallel 1, and goes on after a failed leg without fail-fast', async () => {
    const trace = repo.trace();
    const result = await repo.run('matrix.yml', { env: { TRACE: trace } });
    // Each leg takes a lock directory and fails if another leg holds it.
    expect(readLines(path.join(trace, 'legs'))).toEqual([
      'api-1-yes 0/4',
      'api-2-yes 1/4',
      'worker-1- 2/4',
      'web-3- 3/4',
      'legs failure',
    ]);
    const legs = result.jobs.filter((j) => j.jobId === 'legs');
    expect(legs.map((l) => [l.name, l.result])).toEqual([
      ['legs (api, 1, yes)', 'success'],
      ['legs (api, 2, yes)', 'success'],
      ['legs (worker, 1)', 'failure'],
      ['legs (web, 3)', 'success'],
    ]);
    expect(legs[3]?.matrix).toEqual({ role: 'web', size: 3 });
    expect(result.needs['legs']).toEqual({ result: 'failure', outputs: { last: 'web' } });
    expect(result.needs['report']?.result).toBe('success');
  });

  it('cancels the legs not yet started when a leg fails under fail-fast, and skips the dependents', async () => {
    const trace = repo.trace();
    const result = await repo.run('fail-fast.yml', { env: { TRACE: trace } });
    expect(readLines(path.join(trace, 'legs'))).toEqual(['leg 1']);
    expect(result.jobs.filter((j) => j.jobId === 'legs').map((l) => l.result)).toEqual([
      'failure',
      'cancelled',
      'cancelled',
    ]);
    expect(result.needs['legs']?.result).toBe('failure');
    expect(result.needs['after']?.result).toBe('skipped');
  });

  it('fails a matrix of 257 legs before any leg runs, as GitHub does, while chunks of it through a reusable workflow all run', async () => {
    const trace = repo.trace();
    const result = await repo.run('big-matrix.yml', { env: { TRACE: trace }, inputs: { roles: '257' } });
    const flat = result.jobs.find((j) => j.jobId === 'flat');
    expect(flat?.result).toBe('failure');
    expect(flat?.error).toMatch(
      /strategy\.matrix produces 257 jobs; GitHub runs at most 256 jobs from one matrix/,
    );
    const legs = readLines(path.join(trace, 'legs'));
    expect(legs.filter((l) => l.startsWith('flat'))).toEqual([]);
    // Chunks of 256 and 1: every role ran once, in its chunk.
    expect(legs).toHaveLength(257);
    expect(new Set(legs).size).toBe(257);
    expect(legs.filter((l) => l.startsWith('chunk 2 '))).toEqual(['chunk 2 257']);
    expect(result.needs['chunked']?.result).toBe('success');
  });
});

describe('reusable workflows', () => {
  it('calls a workflow per matrix leg with typed inputs and inherited secrets, and returns its outputs', async () => {
    const result = await repo.run('caller.yml', {
      inputs: { env: 'prod' },
      secrets: { 'deploy-key': 'k3y-value' },
    });
    expect(result.result).toBe('success');
    const api = job(result, 'release (api)');
    expect(api.called?.inputs).toEqual({ role: 'api', env: 'prod', count: 2, 'dry-run': false });
    expect(api.outputs).toEqual({ release: 'immut/prod/api/img-api-2-false', 'secret-seen': 'yes' });
    expect(job(result, 'release (web) / tag').outputs).toEqual({ tag: 'immut/prod/web/img-web-2-false' });
    expect(result.needs['after']?.outputs['seen']).toMatch(/^immut\/prod\/(api|web)\/img-(api|web)-2-false$/);
  });

  it('fails the calling job, naming the secret, when a required secret is not passed', async () => {
    const result = await repo.run('caller.yml');
    expect(result.result).toBe('failure');
    expect(job(result, 'release (api)').error).toBe(
      "job 'release (api)': .github/workflows/called.yml requires secret(s) deploy-key, which job 'release' does not pass",
    );
    expect(result.needs['after']?.result).toBe('skipped');
  });

  it('runs a workflow_call workflow directly: defaults (also expressions), types and outputs', async () => {
    const result = await repo.run('input-types.yml', {
      event: 'workflow_call',
      inputs: { name: 'n', count: '7' },
      github: { repository: 'acme/shop' },
    });
    expect(result.inputs).toEqual({ name: 'n', flag: true, count: 7, derived: 'acme/shop-x' });
    expect(result.outputs).toEqual({ summary: 'n on 7 false acme/shop-x true' });
    await expect(
      repo.run('input-types.yml', { event: 'workflow_call', inputs: { flag: 'yes' } }),
    ).rejects.toThrow(WorkflowError);
    await expect(
      repo.run('input-types.yml', { event: 'workflow_call', inputs: { flag: 'yes' } }),
    ).rejects.toThrow(
      /input 'name' is required\n {2}input 'flag' expects a boolean \(true or false\), got "yes"/,
    );
  });
});

describe('action steps', () => {
  let result: WorkflowRunResult;
  let act: JobRun;
  beforeAll(async () => {
    result = await repo.run('actions.yml', {
      env: {
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'us-east-1',
        IMMUT_TIME_SCALE: '2000',
      },
      github: { repository: 'acme/shop', run_number: '7' },
    });
    act = job(result, 'act');
  });

  it('runs a local action and an <owner>/immut/<action>@<ref> action from their built files, in the workspace', () => {
    const first = envOf(step(act, 'first'));
    expect(first['INPUT_REQUIRED-THING']).toBe('y');
    expect(first['GITHUB_REPOSITORY']).toBe('acme/shop');
    expect(first['GITHUB_RUN_NUMBER']).toBe('7');
    expect(first['GITHUB_WORKSPACE']).toBe(step(act, 'first').outputs['cwd']);
    expect(first['INPUT_TOKEN']).toBe(FAKE_GITHUB_TOKEN);
    expect(first['IMMUT_TIME_SCALE']).toBe('2000');
  });

  it('hands out AWS credentials only through configure-aws-credentials, with the region it was given', () => {
    const before = envOf(step(act, 'before'));
    expect(before['AWS_ACCESS_KEY_ID']).toBeUndefined();
    expect(before['AWS_REGION']).toBeUndefined();
    expect(before['AWS_ENDPOINT_URL']).toBe('http://127.0.0.1:9');
    const after = envOf(step(act, 'first'));
    expect(after).toMatchObject({
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
  });

  it('copies the workspace source into the job workspace at actions/checkout', () => {
    expect(act.outputs['checked-out']).toBe('echo-action traces ');
  });

  it('runs post steps at job end in reverse order, with the state main saved, even after a failed step', () => {
    expect(act.steps.map((s) => `${s.phase}:${s.id}:${s.conclusion}`)).toEqual([
      'main:before:success',
      'main:__actions_checkout:success',
      'main:files:success',
      'main:__aws-actions_configure-aws-credentials:success',
      'main:first:success',
      'main:__run:failure',
      'post:first:success',
      'post:before:success',
    ]);
    expect(envOf(step(act, 'first', 'post'))['STATE_order']).toBe('second-post');
    expect(envOf(step(act, 'before', 'post'))['STATE_order']).toBe('first-post');
    expect(act.summary).toBe('from mainpost ran\npost ran\n');
    expect(act.result).toBe('failure');
  });

  it('drops a job output that contains a secret, as GitHub does', () => {
    expect(act.outputs['first']).toBeUndefined();
    expect(act.annotations).toContainEqual({
      level: 'warning',
      message: "Skip output 'first' since it may contain secret.",
      properties: {},
    });
  });
});

describe('credentials per assumed role (awsRoles)', () => {
  const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', IMMUT_TIME_SCALE: '2000' };
  const role = 'arn:aws:iam::123456789012:role/immut-release';

  it("hands out the credentials of the step's role-to-assume, masked", async () => {
    const result = await repo.run('actions.yml', {
      env,
      awsRoles: { [role]: { accessKeyId: 'immut-release-key', secretAccessKey: 'release-secret-value' } },
    });
    const act = job(result, 'act');
    expect(envOf(step(act, 'first'))).toMatchObject({
      AWS_ACCESS_KEY_ID: 'immut-release-key',
      AWS_SECRET_ACCESS_KEY: 'release-secret-value',
      AWS_REGION: 'eu-west-1',
    });
    expect(result.lines.join('\n')).not.toContain('release-secret-value');
  });

  it('fails the configure-aws-credentials step for a role it cannot assume, even with credentials in env', async () => {
    const result = await repo.run('actions.yml', {
      env: { ...env, AWS_ACCESS_KEY_ID: 'machine-key', AWS_SECRET_ACCESS_KEY: 'machine-secret' },
      awsRoles: {
        'arn:aws:iam::123456789012:role/other': {
          accessKeyId: 'other-key',
          secretAccessKey: 'other-secret-value',
        },
      },
    });
    const act = job(result, 'act');
    const configure = step(act, '__aws-actions_configure-aws-credentials');
    expect(configure.conclusion).toBe('failure');
    expect(act.annotations.map((a) => a.message).join('\n')).toMatch(
      /Not authorized to perform sts:AssumeRoleWithWebIdentity \(role-to-assume 'arn:aws:iam::123456789012:role\/immut-release'/,
    );
    expect(act.steps.some((s) => s.id === 'first' && s.conclusion === 'success')).toBe(false);
  });
});

describe('environments, concurrency and permissions', () => {
  const environments = {
    production: { requiresApproval: true, secrets: { 'env-token': 'prod-secret-value' } },
  };

  it('fails a job whose environment needs an approval that was not given', async () => {
    const result = await repo.run('environment.yml', { environments });
    const deploy = job(result, 'deploy');
    expect(deploy.result).toBe('failure');
    expect(deploy.steps).toEqual([]);
    expect(deploy.error).toContain("environment 'production' requires an approval");
    expect(deploy.error).toContain('autoApproveEnvironments');
  });

  it('auto-approves on request, reports concurrency, permissions and the url, and masks environment secrets', async () => {
    const result = await repo.run('environment.yml', {
      environments,
      autoApproveEnvironments: ['production'],
    });
    const deploy = job(result, 'deploy');
    expect(deploy.result).toBe('success');
    expect(deploy.environment).toEqual({
      name: 'production',
      approval: 'auto-approved',
      url: 'https://example.test/app',
    });
    expect(deploy.concurrency).toEqual({ group: 'deploy-refs/heads/main', cancelInProgress: false });
    expect(deploy.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(step(deploy, 'url').log).toEqual(['token=***']);
    expect(result.lines.join('\n')).not.toContain('prod-secret-value');
  });
});

describe('unsupported steps', () => {
  it('refuses the whole workflow before running anything, naming the step and its line', async () => {
    const lines: string[] = [];
    const run = repo.run('unsupported.yml', { log: (l) => lines.push(l) });
    await expect(run).rejects.toThrow(WorkflowError);
    await expect(run).rejects.toThrow(
      ".github/workflows/unsupported.yml: job 'build', step 2 'Set up node' (line 8): uses: 'actions/setup-node@v4' cannot run locally",
    );
    expect(lines).toEqual([]);
  });
});
