import { describe, expect, it } from '@jest/globals';
import { interpretLines } from '@immut/action-runner';
import { printUntrusted, stopToken, withCommandsStopped } from '@immut/core/untrusted-output';

const HOSTILE = [
  '::add-mask::hunter2',
  '::error::injected',
  '::set-output name=x::y',
  '::notice title=t::injected notice',
  '  ::warning::indented',
  'line with\ra carriage return then ::error::x',
];

/** What the runner would make of the printed lines (the harness parses like the runner). */
function asRunner(printed: string[]) {
  return interpretLines(
    printed.flatMap((l) => l.split(/\r\n|\r|\n/)).map((line) => ({ line, stream: 'stdout' })),
  );
}

describe('printing untrusted text', () => {
  it('prints it between ::stop-commands:: and a random token, so no line is obeyed', () => {
    const printed: string[] = [];
    printUntrusted({ info: (l) => printed.push(l) }, HOSTILE.join('\n'));
    const [first, ...rest] = printed;
    const token = /^::stop-commands::(immut-[0-9a-f]{32})$/.exec(first ?? '')?.[1];
    expect(token).toBeDefined();
    expect(rest.at(-1)).toBe(`::${token}::`);
    const seen = asRunner([...printed, '::notice::after the block']);
    expect(seen.masks.filter((m) => m === 'hunter2')).toEqual([]);
    expect(seen.outputs).toEqual({});
    expect(seen.annotations).toEqual([{ level: 'notice', message: 'after the block', properties: {} }]);
    expect(seen.logLines).toEqual(expect.arrayContaining(['::add-mask::hunter2', '::error::injected']));
  });

  it('draws a new token each time', () => {
    expect(stopToken()).not.toBe(stopToken());
  });

  it('keeps streamed lines stopped until the work ends, and resumes even when it fails', async () => {
    const printed: string[] = [];
    const io = { info: (l: string) => printed.push(l) };
    await expect(
      withCommandsStopped(io, async (print) => {
        HOSTILE.forEach(print);
        throw new Error('command crashed');
      }),
    ).rejects.toThrow('command crashed');
    const seen = asRunner([...printed, '::error::after']);
    expect(seen.annotations).toEqual([{ level: 'error', message: 'after', properties: {} }]);
    expect(seen.masks).not.toContain('hunter2');
  });
});
