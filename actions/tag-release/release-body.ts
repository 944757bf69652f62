// What people read: the GitHub release body and the job summary. Both show the release as
// a table and a picture (role → image, data, app); the body also carries the manifest
// itself as a JSON block, so the release page alone is enough to redeploy it.
import { writeManifest, type ReleaseManifest } from '../../packages/core/src/manifest.js';
import {
  heading,
  markdownTable,
  mermaidFlow,
  summary,
  type FlowEdge,
} from '../../packages/core/src/summary.js';

function rows(manifest: ReleaseManifest): string[][] {
  const { image, data, app, source, flags } = manifest;
  const flagNames = Object.keys(flags);
  return [
    ['release', manifest.release],
    ['role / env / build', `${manifest.role} / ${manifest.env} / ${manifest.build}`],
    ['image', `${image.id} (${image.region})`],
    ['image fingerprint', image.fingerprint],
    ['base image', image.base],
    ...(data
      ? [
          ['data', `${data.instance} (${data.engine})`],
          ['data endpoint', data.endpoint],
          ['data restored from', data.from],
          ['change log applied', data.changelog || '—'],
        ]
      : [['data', '— (none)']]),
    ['app version', app.version],
    ['flags', flagNames.length > 0 ? flagNames.join(', ') : '— (none)'],
    ['source', `${source.repository}@${source.sha}`],
    ['run', source.run || '—'],
    ['created', manifest.created],
  ];
}

function picture(manifest: ReleaseManifest): string {
  const role = `${manifest.role} (${manifest.env}/${manifest.build})`;
  const edges: FlowEdge[] = [
    { from: role, to: `image ${manifest.image.id}`, label: 'runs' },
    ...(manifest.data ? [{ from: role, to: `data ${manifest.data.instance}`, label: 'reads' }] : []),
    { from: role, to: `app ${manifest.app.version}`, label: 'serves' },
  ];
  return mermaidFlow(edges);
}

export function releaseBody(manifest: ReleaseManifest): string {
  return summary(
    `Release **${manifest.release}** of role \`${manifest.role}\` in \`${manifest.env}\`, recorded by immut tag-release.`,
    markdownTable(['part', 'value'], rows(manifest)),
    picture(manifest),
    heading('Manifest', 3),
    `\`\`\`json\n${writeManifest(manifest)}\`\`\``,
  );
}

export interface Outcome {
  tag: string;
  releaseUrl?: string;
  /** What this run created or changed; empty on a re-run of a complete release. */
  changes: string[];
  dryRun: boolean;
}

export function jobSummary(manifest: ReleaseManifest, outcome: Outcome): string {
  const what = outcome.dryRun
    ? `Dry run: would create ${outcome.changes.length > 0 ? outcome.changes.join(', ') : 'nothing (already recorded)'}.`
    : outcome.changes.length > 0
      ? `Recorded: ${outcome.changes.join(', ')}.`
      : 'Already recorded with an identical manifest; nothing changed.';
  return summary(
    heading(`tag-release: ${manifest.release} (${manifest.env})`),
    `Tag \`${outcome.tag}\`${outcome.releaseUrl ? ` · [release](${outcome.releaseUrl})` : ''}. ${what}`,
    markdownTable(['part', 'value'], rows(manifest)),
    picture(manifest),
  );
}
