// The job summary: what was launched, each target's health and a picture of the path a
// request takes (build name → load balancer → servers).
import { heading, markdownTable, mermaidFlow, summary, type FlowEdge } from '@immut/core/summary';
import type { TargetState } from './health.js';

export interface SummaryResource {
  kind: string;
  name: string;
  id: string;
  /** `created` or `reused` (from an earlier attempt of this build). */
  how: string;
}

export interface LaunchSummary {
  title: string;
  intro: string;
  resources: readonly SummaryResource[];
  targets: readonly TargetState[];
  buildDnsName?: string;
  loadBalancerName: string;
  /** The build's Auto Scaling group: its size as AWS reports it when the launch was done. */
  fleet?: { name: string; desired: number; inService: number; healthy: number };
}

export function renderSummary(s: LaunchSummary): string {
  const edges: FlowEdge[] = [];
  if (s.buildDnsName) edges.push({ from: s.buildDnsName, to: s.loadBalancerName, label: 'alias' });
  for (const t of s.targets)
    edges.push({ from: s.loadBalancerName, to: `${t.id} (${t.zone})`, label: t.state });
  return summary(
    heading(s.title),
    s.intro,
    markdownTable(
      ['resource', 'name', 'id', ''],
      s.resources.map((r) => [r.kind, r.name, r.id, r.how]),
    ),
    s.fleet
      ? markdownTable(
          ['Auto Scaling group', 'desired', 'in service', 'healthy in the target group'],
          [[s.fleet.name, String(s.fleet.desired), String(s.fleet.inService), String(s.fleet.healthy)]],
        )
      : '',
    // Prepare mode has no servers yet: no empty table.
    s.targets.length > 0 ? heading('Targets', 3) : '',
    s.targets.length > 0
      ? markdownTable(
          ['server', 'zone', 'health', 'reason'],
          s.targets.map((t) => [t.id, t.zone, t.state, [t.reason, t.description].filter(Boolean).join(': ')]),
        )
      : '',
    edges.length > 0 ? mermaidFlow(edges) : '',
  );
}

/** The dry-run summary: the plan as a list. */
export function renderPlanSummary(title: string, lines: readonly string[]): string {
  return summary(heading(title), lines.map((l) => `- ${l}`).join('\n'));
}
