import { describe, expect, it } from '@jest/globals';
import { CleanupLog, nothingToUndo, undoCreated } from '../src/cleanup.js';
import { recordingIO } from '@immut/test-support/recording-io';

describe('cleanup log', () => {
  it('saves every created resource in the step state, for the post step', () => {
    const io = recordingIO();
    const log = new CleanupLog(io);
    log.record({ kind: 'instance', id: 'i-1', region: 'us-east-1' });
    log.record({ kind: 'instance', id: 'i-1', region: 'us-east-1' });
    log.record({ kind: 'image', id: 'ami-1', region: 'us-east-1' });
    log.forget('instance', 'i-1');
    const post = recordingIO({}, { state: io.state });
    expect(CleanupLog.fromState(post).created()).toEqual([
      { kind: 'image', id: 'ami-1', region: 'us-east-1' },
    ]);
  });

  it('has something to undo only after a failed run that still holds what it made', () => {
    const main = recordingIO();
    const log = new CleanupLog(main);
    const state = (): ((name: string) => string) => (name) => main.state[name] ?? '';
    expect(nothingToUndo(state())).toBe(true);
    log.record({ kind: 'instance', id: 'i-1', region: 'r' });
    expect(nothingToUndo(state())).toBe(false);
    log.forget('instance', 'i-1');
    expect(nothingToUndo(state())).toBe(true);
    log.record({ kind: 'image', id: 'ami-1', region: 'r' });
    log.markSucceeded();
    expect(nothingToUndo(state())).toBe(true);
  });

  it('undoes nothing after a successful run', async () => {
    const main = recordingIO();
    const log = new CleanupLog(main);
    log.record({ kind: 'instance', id: 'i-1', region: 'r' });
    log.markSucceeded();
    const deleted: string[] = [];
    const post = recordingIO({}, { state: main.state });
    await undoCreated(CleanupLog.fromState(post), {
      io: post,
      keepOnFailure: false,
      handlers: { instance: async (r) => void deleted.push(r.id) },
    });
    expect(deleted).toEqual([]);
  });

  it('undoes a failed run newest first and continues past a failure, then lists what is left', async () => {
    const main = recordingIO();
    const log = new CleanupLog(main);
    log.record({ kind: 'load-balancer', id: 'lb-1', region: 'r' });
    log.record({ kind: 'target-group', id: 'tg-1', region: 'r' });
    log.record({ kind: 'instance', id: 'i-1', region: 'r' });
    const post = recordingIO({}, { state: main.state });
    const deleted: string[] = [];
    const undo = async (r: { id: string }) => void deleted.push(r.id);
    const error = await undoCreated(CleanupLog.fromState(post), {
      io: post,
      keepOnFailure: false,
      handlers: {
        'load-balancer': undo,
        'target-group': async () => {
          throw new Error('ResourceInUse');
        },
        instance: undo,
      },
    }).catch((e: unknown) => e);
    expect(deleted).toEqual(['i-1', 'lb-1']);
    expect((error as Error).message).toBe(
      'Cleanup left 1 resource(s) behind; delete them by hand: target-group tg-1 (r)',
    );
    expect(post.log).toContain('warning: could not remove target-group tg-1: ResourceInUse');
  });

  it('keeps everything when keep-on-failure is set, and says so', async () => {
    const main = recordingIO();
    new CleanupLog(main).record({ kind: 'instance', id: 'i-1', region: 'r' });
    const post = recordingIO({}, { state: main.state });
    await undoCreated(CleanupLog.fromState(post), { io: post, keepOnFailure: true, handlers: {} });
    expect(post.log).toEqual([
      'warning: keep-on-failure is set, so this failed run keeps what it created: instance i-1',
    ]);
  });

  it('refuses corrupt state instead of guessing', () => {
    expect(() => CleanupLog.fromState(recordingIO({}, { state: { 'immut-created': '{' } }))).toThrow(
      /not JSON/,
    );
  });
});
