import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { InputError } from '../src/errors.js';
import { failureMessage, runAction } from '../src/run-action.js';
import { IMMUT_VERSION } from '../src/version.js';
import { recordingIO } from '@immut/test-support/recording-io';

describe('runAction', () => {
  it('runs main and marks success for the post step', async () => {
    const io = recordingIO();
    await runAction(
      { name: 'x', main: async ({ cleanup }) => cleanup.record({ kind: 'k', id: '1', region: 'r' }) },
      io,
      'main',
    );
    expect(io.failures).toEqual([]);
    expect(io.state['immut-succeeded']).toBe('true');
  });

  it('runs post with the cleanup log the main step saved', async () => {
    const main = recordingIO();
    await runAction(
      {
        name: 'x',
        main: async ({ cleanup }) => {
          cleanup.record({ kind: 'k', id: '1', region: 'r' });
          throw new Error('half way');
        },
      },
      main,
      'main',
    );
    const post = recordingIO({}, { state: main.state });
    const seen: string[] = [];
    let mainRanAgain = false;
    await runAction(
      {
        name: 'x',
        main: async () => void (mainRanAgain = true),
        post: async ({ cleanup }) => void seen.push(...cleanup.created().map((r) => r.id)),
      },
      post,
      'post',
    );
    expect(mainRanAgain).toBe(false);
    expect(seen).toEqual(['1']);
    expect(post.failures).toEqual([]);
  });

  it('skips the post step after a success, and after a failure that recorded nothing', async () => {
    const posts: string[] = [];
    const definition = {
      name: 'x',
      main: async () => undefined,
      post: async () => void posts.push('post'),
    };
    const states: Record<string, string>[] = [
      { 'immut-created': '[{"kind":"k","id":"1","region":"r"}]', 'immut-succeeded': 'true' },
      {},
      { 'immut-created': '[]' },
    ];
    for (const state of states) {
      const io = recordingIO({}, { state });
      await runAction(definition, io, 'post');
      expect(io.failures).toEqual([]);
    }
    expect(posts).toEqual([]);
  });

  it('reports user errors plainly and other errors as bugs, with the stack only in debug', async () => {
    const io = recordingIO();
    await runAction(
      { name: 'bake-image', main: async () => Promise.reject(new InputError(["Input 'role' is required"])) },
      io,
      'main',
    );
    expect(io.failures).toEqual(["bake-image: Input 'role' is required"]);
    expect(failureMessage('bake-image', new TypeError('x is undefined'))).toMatch(
      /^bake-image failed unexpectedly: x is undefined\. This is likely a bug in immut/,
    );
  });
});

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(IMMUT_VERSION).toBe(pkg.version);
  });
});
