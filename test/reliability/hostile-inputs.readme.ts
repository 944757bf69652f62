// The README's list of hostile-input rows, rendered from the case table, so the list and the
// suite cannot drift apart: hostile-inputs.test.ts compares README.md's section with this
// rendering, and rewrites it when run with HOSTILE_README=write.
import type { HostileCase } from './hostile-inputs.cases.js';

export const BEGIN =
  '<!-- hostile-inputs:begin (generated from hostile-inputs.cases.ts; HOSTILE_README=write) -->';
export const END = '<!-- hostile-inputs:end -->';

/** A code span; one holding a backtick is fenced with two (CommonMark). */
const code = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/** A cell: pipes escaped, so a label such as `a|b` stays in its column. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function renderHostileInputs(cases: readonly HostileCase[]): string {
  const actions = [...new Set(cases.map((c) => c.action))];
  const known = cases.filter((c) => c.known !== undefined);
  const lines = [
    BEGIN,
    '',
    `**${cases.length} cases** (at least 150 required), ${cases.length - known.length} run, ${known.length} known gap(s):`,
    '',
    '| Action | Cases | Refused | Safe |',
    '|---|---|---|---|',
    ...actions.map((a) => {
      const mine = cases.filter((c) => c.action === a);
      const refused = mine.filter((c) => c.expect === 'refused').length;
      return `| ${a} | ${mine.length} | ${refused} | ${mine.length - refused} |`;
    }),
    '',
  ];
  for (const action of actions) {
    lines.push(`#### ${action}`, '', '| # | Input | Hostility | Value | Expected |', '|---|---|---|---|---|');
    cases
      .filter((c) => c.action === action)
      .forEach((c, i) => {
        const expected =
          c.known !== undefined
            ? `known gap: ${c.known}`
            : c.expect === 'refused'
              ? 'one clear error'
              : 'safe acceptance';
        lines.push(`| ${i + 1} | \`${c.input}\` | ${c.kind} | ${cell(code(c.label))} | ${cell(expected)} |`);
      });
    lines.push('');
  }
  lines.push(END);
  return lines.join('\n');
}
