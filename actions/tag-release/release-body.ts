// The GitHub release body: the release as a table and a picture (role → image, data, app),
// then the manifest itself as a JSON block, so the release page alone is enough to redeploy
// it. The job summary (summary.ts) shows the same table and picture.
import { writeManifest, type ReleaseManifest } from '@immut/core/manifest';
import { heading, markdownTable, mermaidFlow, summary, type FlowEdge } from '@immut/core/summary';

/** The release, one row per part: the table of both the release body and the job summary. */
export function releaseRows(manifest: ReleaseManifest): string[][] {
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
          [
            'data',
            data.kind === 'cluster'
              ? `Aurora cluster ${data.cluster ?? '?'}, writer ${data.instance} (${data.engine})`
              : `${data.instance} (${data.engine})`,
          ],
          ['data endpoint', data.endpoint],
          ['data restored from', data.copy ? `${data.from} (copied by ${data.copy})` : data.from],
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

/** Role → image, data, app: the picture of both the release body and the job summary. */
export function releasePicture(manifest: ReleaseManifest): string {
  const role = `${manifest.role} (${manifest.env}/${manifest.build})`;
  const edges: FlowEdge[] = [
    { from: role, to: `image ${manifest.image.id}`, label: 'runs' },
    ...(manifest.data
      ? [
          {
            from: role,
            to: `data ${manifest.data.kind === 'cluster' ? (manifest.data.cluster ?? manifest.data.instance) : manifest.data.instance}`,
            label: 'reads',
          },
        ]
      : []),
    { from: role, to: `app ${manifest.app.version}`, label: 'serves' },
  ];
  return mermaidFlow(edges);
}

export function releaseBody(manifest: ReleaseManifest): string {
  return summary(
    `Release **${manifest.release}** of role \`${manifest.role}\` in \`${manifest.env}\`, recorded by immut tag-release.`,
    markdownTable(['part', 'value'], releaseRows(manifest)),
    releasePicture(manifest),
    heading('Manifest', 3),
    `\`\`\`json\n${writeManifest(manifest)}\`\`\``,
  );
}
