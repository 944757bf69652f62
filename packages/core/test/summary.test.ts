import { describe, expect, it } from '@jest/globals';
import { markdownTable, mermaidFlow, summary } from '../src/summary.js';

describe('summary helpers', () => {
  it('renders a table, escaping pipes and newlines', () => {
    expect(markdownTable(['what', 'value'], [['a|b', 'line1\nline2']])).toBe(
      '| what | value |\n| --- | --- |\n| a\\|b | line1<br>line2 |',
    );
  });

  it('refuses rows that do not match the header', () => {
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow(/1 cells, the header has 2/);
  });

  it('renders a mermaid flowchart reusing nodes by name', () => {
    expect(
      mermaidFlow([
        { from: 'api', to: 'ami-1' },
        { from: 'api', to: 'db "x"', label: 'data' },
      ]),
    ).toBe(
      '```mermaid\nflowchart LR\n  n0["api"] --> n1["ami-1"]\n  n0["api"] -- "data" --> n2["db #quot;x#quot;"]\n```',
    );
  });

  it('joins sections with blank lines', () => {
    expect(summary('## a', '', 'b')).toBe('## a\n\nb\n');
  });
});
