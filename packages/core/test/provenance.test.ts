// What the runner's GITHUB_* variables say about the run.
import { describe, expect, it } from '@jest/globals';
import { provenanceFromEnv, repositoryFromEnv } from '../src/provenance.js';

describe('repositoryFromEnv', () => {
  it('splits GITHUB_REPOSITORY and refuses anything else', () => {
    expect(repositoryFromEnv({ GITHUB_REPOSITORY: 'immut-test/app' })).toEqual({
      owner: 'immut-test',
      repo: 'app',
    });
    expect(() => repositoryFromEnv({})).toThrow("expected 'owner/repo'");
    expect(() => repositoryFromEnv({ GITHUB_REPOSITORY: 'a/b/c' })).toThrow("GITHUB_REPOSITORY is 'a/b/c'");
  });
});

describe('provenanceFromEnv', () => {
  it('records the run without its attempt, so a re-run records the same provenance', () => {
    const env = {
      GITHUB_REPOSITORY: 'immut-test/app',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_SERVER_URL: 'https://ghes.example.test',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '3',
    };
    expect(provenanceFromEnv(env)).toEqual({
      repository: 'immut-test/app',
      sha: 'a'.repeat(40),
      runUrl: 'https://ghes.example.test/immut-test/app/actions/runs/42',
    });
    expect(provenanceFromEnv({ ...env, GITHUB_RUN_ATTEMPT: '4' })).toEqual(provenanceFromEnv(env));
  });
});
