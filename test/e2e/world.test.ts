// The world action through the runner harness: plan mode turns the world file into the
// matrix of rebuild-the-world, whose entries must fit release.yml's inputs.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, errorsOf, runAction } from '../harness/run-action.js';

const releaseInputs = Object.keys(
  (
    parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/release.yml'), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, unknown> } };
    }
  ).on.workflow_call.inputs,
);

describe('world action, mode plan', () => {
  it('outputs one matrix entry per role whose keys are release.yml inputs', async () => {
    const run = await runAction('world', {
      inputs: { mode: 'plan', 'world-file': 'examples/consumer/immut.world.yml' },
      cwd: REPO_ROOT,
    });
    expect(errorsOf(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const matrix = JSON.parse(run.outputs['matrix'] ?? '') as { include: Array<Record<string, string>> };
    expect(matrix.include.map((e) => e['role'])).toEqual(['api', 'web', 'worker']);
    for (const entry of matrix.include) {
      expect(Object.keys(entry).filter((key) => !releaseInputs.includes(key))).toEqual([]);
      expect(Object.values(entry).every((value) => typeof value === 'string')).toBe(true);
    }
    expect(matrix.include[0]).toMatchObject({
      'subnet-ids': 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002,subnet-0a1b2c3d4e5f60003',
      flags:
        'LOG_LEVEL=info\nDB_PASSWORD_SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api/db',
      count: '2',
    });
    expect(run.outputs['env']).toBe('prod');
    expect(run.outputs['roles']).toBe('api,web,worker');
    expect(run.summary).toContain('| api |');
  });

  it('reports every mistake of a world file with its path, in one error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'immut-world-'));
    writeFileSync(
      path.join(dir, 'immut.world.yml'),
      'schema: immut.world/v1\nenv: prod\nregion: us-east-1\nzone: example.test\nroles:\n  api:\n    provision: p.sh\n    count: 0\n',
    );
    const run = await runAction('world', { inputs: { mode: 'plan' }, cwd: dir });
    expect(run.exitCode).not.toBe(0);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    const message = errors[0]?.message ?? '';
    expect(message).toMatch(/^world: immut\.world\.yml has \d+ problem\(s\):/);
    expect(message).toContain('roles.api.count:');
    expect(message).toContain('roles.api.base-image: required');
    expect(run.outputs).toEqual({});
  });

  it('names a world file that does not exist', async () => {
    const run = await runAction('world', { inputs: { mode: 'plan', 'world-file': 'nope.yml' } });
    expect(errorsOf(run)[0]?.message).toMatch(/Input 'world-file' was 'nope\.yml', which does not exist/);
  });
});
