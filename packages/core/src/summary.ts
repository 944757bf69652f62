// Job summary building blocks: plain markdown strings, so they are easy to test and to
// reuse in release bodies.

/** Escapes a table cell: pipes split cells, newlines end rows. */
export function escapeCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new Error(`table row has ${row.length} cells, the header has ${headers.length}`);
    }
  }
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Mermaid node labels may not hold quotes or brackets unescaped. */
function mermaidLabel(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
}

/** A left-to-right mermaid flowchart; node ids are derived, labels are the names given. */
export function mermaidFlow(edges: readonly FlowEdge[]): string {
  const ids = new Map<string, string>();
  const id = (name: string) => {
    let known = ids.get(name);
    if (!known) {
      known = `n${ids.size}`;
      ids.set(name, known);
    }
    return known;
  };
  const lines = edges.map(({ from, to, label }) => {
    const arrow = label ? `-- ${mermaidLabel(label)} -->` : '-->';
    return `  ${id(from)}[${mermaidLabel(from)}] ${arrow} ${id(to)}[${mermaidLabel(to)}]`;
  });
  return ['```mermaid', 'flowchart LR', ...lines, '```'].join('\n');
}

export function heading(text: string, level: 2 | 3 = 2): string {
  return `${'#'.repeat(level)} ${text}`;
}

/** Joins sections with blank lines and ends with a newline, as the summary file expects. */
export function summary(...sections: string[]): string {
  return `${sections.filter((s) => s.length > 0).join('\n\n')}\n`;
}
