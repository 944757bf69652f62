// The generated post step files (scripts/build.mjs): a post step loads its action's bundle only
// when the main step failed after recording what it made; after a success it ends at once.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLEANUP_STATE } from '@immut/core/cleanup';
import { REPO_ROOT, readActionYml } from '@immut/action-runner';

/** The action folders (those with an action.yml at the root) whose action.yml has a post step. */
const WITH_POST = readdirSync(REPO_ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(REPO_ROOT, d.name, 'action.yml')))
  .map((d) => d.name)
  .filter((action) => readActionYml(path.join(REPO_ROOT, action)).runs.post !== undefined)
  .sort();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** dist/<action>/post.js beside a stand-in bundle that says when it is loaded and run. */
function postStepWithStandIn(action: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'immut-post-step-'));
  dirs.push(dir);
  for (const file of ['post.js', 'package.json'])
    copyFileSync(path.join(REPO_ROOT, 'dist', action, file), path.join(dir, file));
  writeFileSync(
    path.join(dir, 'index.js'),
    "console.log('bundle loaded');\nexport async function runPost() { console.log('post ran'); }\n",
  );
  return dir;
}

function runPost(dir: string, state: Record<string, string>): { code: number | null; stdout: string } {
  const env = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
  const run = spawnSync(process.execPath, [path.join(dir, 'post.js')], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout };
}

const RECORDED = JSON.stringify([{ kind: 'instance', id: 'i-0abc', region: 'us-east-1' }]);

it('covers the actions that have a post step', () => {
  expect(WITH_POST).toEqual(['bake-image', 'launch-behind-lb', 'replicate-data', 'tag-release']);
});

describe.each(WITH_POST)('%s post.js', (action) => {
  const dir = postStepWithStandIn(action);

  it('runs the bundle after a failed main step that recorded what it made', () => {
    expect(runPost(dir, { [CLEANUP_STATE.created]: RECORDED })).toEqual({
      code: 0,
      stdout: 'bundle loaded\npost ran\n',
    });
  });

  it('ends without loading the bundle after a main step that succeeded', () => {
    const state = { [CLEANUP_STATE.created]: RECORDED, [CLEANUP_STATE.succeeded]: 'true' };
    expect(runPost(dir, state)).toEqual({ code: 0, stdout: '' });
  });

  it('ends without loading the bundle when nothing was recorded, or all of it was forgotten', () => {
    expect(runPost(dir, {})).toEqual({ code: 0, stdout: '' });
    expect(runPost(dir, { [CLEANUP_STATE.created]: '[]' })).toEqual({ code: 0, stdout: '' });
  });
});
