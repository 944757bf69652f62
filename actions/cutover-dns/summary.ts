// What a cutover tells the user: the step outputs and the job summary (a table and a mermaid
// picture of the name, the old and new builds, and the traffic shares over time).
import type { ActionIO } from '@immut/core/action-io';
import { heading, markdownTable, mermaidFlow, summary, type FlowEdge } from '@immut/core/summary';
import type { Progress } from './cutover.js';

export function writeOutputs(io: ActionIO, progress: Progress): void {
  io.setOutput('previous-target', progress.from?.dnsName ?? '');
  io.setOutput('current-target', progress.current?.dnsName ?? '');
  io.setOutput('change-id', progress.lastChangeId ?? '');
}

const OUTCOME: Record<NonNullable<Progress['outcome']>, string> = {
  moved: 'moved',
  unchanged: 'already there, nothing changed',
  'dry-run': 'dry run, nothing changed',
  returned: 'failed; all traffic returned to the old build',
  failed: 'failed',
};

/** Edges name → build, labelled with that build's share at each step (`10% → 50% → 100%`). */
function flow(name: string, progress: Progress): string {
  const builds = new Map<string, string>();
  if (progress.from) builds.set(progress.from.build, progress.from.dnsName);
  if (progress.to) builds.set(progress.to.build, progress.to.dnsName);
  const edges: FlowEdge[] = [...builds].map(([build, dnsName]) => {
    const shares = progress.steps.map((s) => `${s.shares.find((x) => x.build === build)?.percent ?? 0}%`);
    const before = build === progress.from?.build ? '100%' : '0%';
    return { from: name, to: `build ${build} (${dnsName})`, label: [before, ...shares].join(' → ') };
  });
  return edges.length > 0 ? mermaidFlow(edges) : '';
}

export function renderSummary(
  request: { name: string; zoneName: string; mode: string; strategy: string },
  progress: Progress,
): string {
  const target = (t: Progress['from']) => (t ? `build ${t.build} (${t.dnsName}, release ${t.release})` : '—');
  const facts = markdownTable(
    ['', ''],
    [
      ['name', request.name],
      ['zone', request.zoneName],
      ['mode / strategy', `${request.mode} / ${request.strategy}`],
      ['from', target(progress.from)],
      ['to', target(progress.to)],
      ['now points at', target(progress.current)],
      ['outcome', progress.outcome ? OUTCOME[progress.outcome] : 'failed before any change'],
    ],
  );
  const steps =
    progress.steps.length > 0
      ? markdownTable(
          ['time', 'traffic', 'change'],
          progress.steps.map((s) => [
            s.at,
            s.shares.map((x) => `${x.build} ${x.percent}%`).join(', ') + (s.note ? ` (${s.note})` : ''),
            s.changeId ?? '',
          ]),
        )
      : '';
  const batches = progress.batches
    .map(
      (b, i) =>
        `${heading(`Change batch ${i + 1}: ${b.description}`, 3)}\n\n\`\`\`json\n${JSON.stringify(b.changes, null, 2)}\n\`\`\``,
    )
    .join('\n\n');
  return summary(
    heading(`cutover-dns: ${request.name}`),
    flow(request.name, progress),
    facts,
    steps,
    batches,
  );
}
