// Every action that takes a github-token masks it (::add-mask::) as soon as it has read its
// inputs, before anything can fail or log: the runner masks only tokens it knows as secrets
// (the workflow token, secrets.*), not a token another step produced (e.g. a GitHub App
// token from an earlier step's output). Each run below fails after reading its inputs.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, runAction } from '@immut/action-runner';

const TOKEN = 'ghs_NotTheWorkflowToken0123456789abcdefAB';

/** Inputs each action accepts, chosen so the run stops right after reading them. */
const RUNS: Record<string, Record<string, string>> = {
  'launch-behind-lb': {
    role: 'api',
    env: 'prod',
    build: 'b000042',
    region: 'us-east-1',
    // Both a release and an image: refused after the inputs are read, before any AWS call.
    release: 'immut/prod/api/b000042',
    'image-id': 'ami-0123456789abcdef0',
    'subnet-ids': 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002',
    'security-group-ids': 'sg-0a1b2c3d4e5f60001',
    'lb-security-group-ids': 'sg-0a1b2c3d4e5f60001',
  },
  'tag-release': {
    role: 'api',
    env: 'prod',
    build: 'b000042',
    region: 'us-east-1',
    'image-id': 'ami-0123456789abcdef0',
    fingerprint: '0123456789abcdef',
    'base-image-id': 'ami-0123456789abcdef0',
    'app-version': '1.0.0',
  },
  world: { mode: 'record', 'world-file': 'does-not-exist.yml', build: 'b000042' },
};

/** The root folders holding an action.yml: every action of the repository. */
const ACTIONS = readdirSync(REPO_ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(REPO_ROOT, d.name, 'action.yml')))
  .map((d) => d.name);

function takesGitHubToken(action: string): boolean {
  const yml = parse(readFileSync(path.join(REPO_ROOT, action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, unknown>;
  };
  return 'github-token' in (yml.inputs ?? {});
}

describe('github-token', () => {
  it('is covered here for every action that takes one', () => {
    expect(ACTIONS.filter(takesGitHubToken).sort()).toEqual(Object.keys(RUNS).sort());
  });

  it.each(Object.keys(RUNS))('is masked by %s as soon as its inputs are read', async (action) => {
    const run = await runAction(action, {
      inputs: { ...RUNS[action], 'github-token': TOKEN },
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', GITHUB_API_URL: 'http://127.0.0.1:9' },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.masks).toContain(TOKEN);
    expect(run.logLines.join('\n')).not.toContain(TOKEN);
  });
});
