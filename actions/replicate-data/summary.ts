// What a run tells the workflow: the outputs of CONTRACTS.md and the job summary. Neither
// ever holds a password: the secret's ARN is a reference, and the connection is host/port.
import type { ActionIO } from '@immut/core/action-io';
import { formatDuration } from '@immut/core/clock';
import { heading, markdownTable, mermaidFlow, summary } from '@immut/core/summary';
import type { ReplicateResult } from './replicate.js';

export function setOutputs(io: Pick<ActionIO, 'setOutput'>, r: ReplicateResult): void {
  io.setOutput('db-instance-id', r.replicaId);
  io.setOutput('db-cluster-id', r.clusterId ?? '');
  io.setOutput('data-kind', r.kind);
  io.setOutput('source', r.source);
  io.setOutput('engine', r.engine);
  if (r.dryRun) return;
  io.setOutput('endpoint', r.endpoint ?? '');
  io.setOutput('port', r.port === undefined ? '' : String(r.port));
  io.setOutput('changelog-applied', String(r.changelog === 'applied' || r.changelog === 'applied earlier'));
  io.setOutput('changelog-time', r.changelogMs === undefined ? '' : formatDuration(r.changelogMs));
  io.setOutput('master-user-secret-arn', r.secretArn ?? '');
  io.setOutput(
    'time-to-available',
    r.timeToAvailableMs === undefined ? '' : formatDuration(r.timeToAvailableMs),
  );
}

function pointText(r: ReplicateResult): string {
  const p = r.point;
  if (!p) return r.source;
  if (p.kind === 'point-in-time')
    return `point in time ${p.time} (latest restorable)${r.kind === 'cluster' ? ', a full copy' : ''}`;
  if (p.kind === 'copy-on-write') return `copy-on-write clone of ${p.time} (latest restorable)`;
  return `snapshot ${p.snapshotId} (${p.type}${p.takenAt ? `, taken ${p.takenAt}` : ''})`;
}

export function renderSummary(r: ReplicateResult): string {
  const replica = r.clusterId ? `cluster ${r.clusterId}, writer ${r.replicaId}` : r.replicaId;
  const rows: string[][] = [
    ['Source', `${r.sourceId} (${r.kind === 'cluster' ? 'Aurora DB cluster, ' : ''}only read)`],
    ['Data layer', `${r.kind === 'cluster' ? 'Aurora DB cluster' : 'RDS DB instance'}, copied by ${r.copy}`],
    ['Restored from', pointText(r)],
    ['Replica', r.endpoint ? `${replica} at ${r.endpoint}:${r.port ?? ''}` : replica],
    ['Engine / class', `${r.engine} / ${r.instanceClass}`],
    [
      'Time to available',
      r.timeToAvailableMs !== undefined
        ? formatDuration(r.timeToAvailableMs)
        : r.reused
          ? 'restored by an earlier run of this build'
          : '—',
    ],
    [
      'Change log',
      r.changelogMs !== undefined ? `${r.changelog}, ran for ${formatDuration(r.changelogMs)}` : r.changelog,
    ],
  ];
  if (r.secretArn) rows.push(['Master password', `in Secrets Manager: ${r.secretArn}`]);
  const title = r.dryRun ? `replicate-data (dry run): ${r.replicaId}` : `replicate-data: ${r.replicaId}`;
  return summary(
    heading(title),
    r.dryRun
      ? 'Dry run: the source point was resolved and the names checked; nothing was created or changed.'
      : '',
    markdownTable(['', ''], rows),
    mermaidFlow([
      { from: r.sourceId, to: r.source, label: 'read' },
      {
        from: r.source,
        to: r.clusterId ?? r.replicaId,
        label: r.reused ? 'copied earlier' : r.copy === 'copy-on-write' ? 'clone' : 'restore',
      },
      ...(r.clusterId ? [{ from: r.clusterId, to: r.replicaId, label: 'writer' }] : []),
    ]),
  );
}
