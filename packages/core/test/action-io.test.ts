import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { interpretLines, parseFileCommands } from '@immut/action-runner';
import { fileCommandBlock, inputVariable, runnerIO } from '@immut/core/action-io';

/** The runner directories the tests made, removed after them. */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A runner's files in a fresh directory, and the stdout lines the IO prints. */
function runner(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'immut-io-'));
  dirs.push(dir);
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((name) => {
      const file = path.join(dir, name.toLowerCase());
      writeFileSync(file, '');
      return [name, file];
    }),
  ) as Record<'GITHUB_OUTPUT' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY', string>;
  const printed: string[] = [];
  const io = runnerIO({ ...files, ...extra }, (line) => printed.push(line));
  /** What the runner makes of the printed lines (the harness parses stdout like the runner). */
  const seen = () => interpretLines(printed.map((line) => ({ line, stream: 'stdout' as const })));
  return { io, files, printed, seen };
}

const exitCode = process.exitCode;
afterEach(() => {
  process.exitCode = exitCode;
});

describe('the runner IO', () => {
  it('reads an input from INPUT_<NAME>, trimmed, and gives an empty string for a missing one', () => {
    const { io } = runner({ 'INPUT_SOURCE-DB': '  app-db \n', INPUT_MY_INPUT: 'x' });
    expect(io.getInput('source-db')).toBe('app-db');
    expect(io.getInput('my input')).toBe('x');
    expect(io.getInput('zone')).toBe('');
    expect(inputVariable('dry-run')).toBe('INPUT_DRY-RUN');
  });

  it('writes outputs and state as the runner reads them back, multi-line values intact', () => {
    const { io, files } = runner();
    io.setOutput('manifest', '{\n  "a": 1\n}');
    io.setOutput('image-id', 'ami-0123456789abcdef0');
    io.saveState('bake-owner', '{"role":"api"}');
    expect(parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8'))).toEqual({
      manifest: '{\n  "a": 1\n}',
      'image-id': 'ami-0123456789abcdef0',
    });
    expect(parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))).toEqual({
      'bake-owner': '{"role":"api"}',
    });
  });

  it('cannot be made to end a value early: a new random delimiter per value, a clash refused', () => {
    const { io, files } = runner();
    io.setOutput('a', 'x\nghadelimiter_guess\nb<<EOF\npwned\nEOF');
    expect(parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8'))).toEqual({
      a: 'x\nghadelimiter_guess\nb<<EOF\npwned\nEOF',
    });
    expect(() => fileCommandBlock('a', 'x\nEND\n', 'END')).toThrow(/contains the delimiter END/);
  });

  it('reads the state the main step saved from STATE_<name>', () => {
    const { io } = runner({ 'STATE_launch-identity': '{"role":"api"}' });
    expect(io.getState('launch-identity')).toBe('{"role":"api"}');
    expect(io.getState('other')).toBe('');
  });

  it('refuses to write to a file command file that does not exist', () => {
    const io = runnerIO(
      { GITHUB_OUTPUT: path.join(tmpdir(), 'immut-no-such-dir', 'output') },
      () => undefined,
    );
    expect(() => io.setOutput('a', 'b')).toThrow(/GITHUB_OUTPUT names .* which does not exist/);
  });

  it('falls back to the stdout commands when the runner sets no files', () => {
    const printed: string[] = [];
    const io = runnerIO({}, (line) => printed.push(line));
    io.setOutput('name', 'line 1\nline 2 with a % sign');
    io.saveState('key', 'v');
    const seen = interpretLines(printed.map((line) => ({ line, stream: 'stdout' as const })));
    expect(seen.outputs).toEqual({ name: 'line 1\nline 2 with a % sign' });
    expect(seen.state).toEqual({ key: 'v' });
  });

  it('prints a multi-line failure as one error annotation and fails the process', () => {
    const { io, seen } = runner();
    io.setFailed("bake-image: Invalid inputs:\n- Input 'role' is required; 100% sure");
    expect(process.exitCode).toBe(1);
    expect(seen().annotations).toEqual([
      {
        level: 'error',
        message: "bake-image: Invalid inputs:\n- Input 'role' is required; 100% sure",
        properties: {},
      },
    ]);
  });

  it('masks secrets, and prints warnings, debug lines and plain lines as the runner expects', () => {
    const { io, seen } = runner();
    io.setSecret('hunter2');
    io.warning('careful\nnow');
    io.debug('details');
    io.info('the token is hunter2');
    const result = seen();
    expect(result.masks).toContain('hunter2');
    expect(result.annotations).toEqual([{ level: 'warning', message: 'careful\nnow', properties: {} }]);
    expect(result.debug).toEqual(['details']);
    expect(result.logLines).toEqual(['the token is ***']);
  });

  it('closes a group even when its work fails', async () => {
    const { io, printed } = runner();
    await expect(
      io.group('Step', async () => {
        io.info('inside');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(printed).toEqual(['::group::Step', 'inside', '::endgroup::']);
  });

  it('appends to the step summary, and skips it outside a runner', async () => {
    const { io, files } = runner();
    await io.appendSummary('## one');
    await io.appendSummary('two');
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toBe('## one\ntwo\n');
    await expect(runnerIO({}, () => undefined).appendSummary('nowhere')).resolves.toBeUndefined();
  });
});
