// The job summary: where the image came from, what it is, and where the time went.
import { formatDuration } from '@immut/core/clock';
import type { Identity } from '@immut/core/identity';
import { heading, markdownTable, mermaidFlow, summary } from '@immut/core/summary';
import type { BakeResult } from './bake.js';

function imageCell(result: BakeResult): string {
  if (!result.image) return `${result.imageName} (would be baked)`;
  const how = {
    cache: 'reused: cache hit',
    baked: 'new',
    'earlier-attempt': 'made by an earlier attempt of this run',
  };
  return `${result.image.imageId} ${result.image.name} (${how[result.image.how]})`;
}

export function renderSummary(identity: Identity, result: BakeResult): string {
  const { base } = result;
  const title = `bake-image ${identity.env}/${identity.role} ${identity.build}${result.dryRun ? ' (dry run)' : ''}`;
  const rows: string[][] = [
    [
      'base image',
      `${base.imageId} ${base.name} (created ${base.creationDate.slice(0, 10)}), from ${base.from}`,
    ],
    ['image', imageCell(result)],
    ['fingerprint', result.fingerprint],
    ['cache hit', result.cacheHit ? 'yes' : 'no'],
    [
      'provisioning',
      `${result.provision.script}${result.provision.filesDir ? ` + ${result.provision.fileCount} file(s) from ${result.provision.filesDir}` : ''}`,
    ],
  ];
  if (result.artifact) {
    const a = result.artifact;
    const where = a.staged
      ? `, s3://${a.staged.bucket}/${a.staged.key} (${a.staged.uploaded ? 'uploaded' : 'already staged'})`
      : '';
    rows.push([
      'artifact',
      `${a.paths.join(', ')}: ${a.entries} entries, ${a.size} bytes, sha256 ${a.sha256}${where}`,
    ]);
  }
  if (result.encryption) {
    const from = result.encryption.intermediateId
      ? `, copied from ${result.encryption.intermediateId} (unencrypted, deleted)`
      : '';
    rows.push(['encryption', `KMS key ${result.encryption.kmsKeyId}${from}`]);
  }
  for (const copy of result.copies) {
    const how = { copied: 'copied', existing: 'already there', missing: 'would be copied' };
    rows.push([`copy in ${copy.region}`, `${copy.imageId ? `${copy.imageId} ` : ''}(${how[copy.how]})`]);
  }
  if (result.userData) {
    rows.push([
      'user data',
      `${result.userData.bytes.length} bytes${result.userData.compressed ? ` (gzip of ${result.userData.scriptBytes})` : ''}`,
    ]);
  }
  if (result.builder) {
    const b = result.builder;
    rows.push([
      'builder',
      `${b.instanceId} in ${b.zone} (${b.subnetId})${b.adopted ? ', adopted from an earlier attempt' : ''}, ${b.terminated ? 'terminated' : 'NOT terminated'}`,
    ]);
  }
  const phases = result.phases.map((p) => [p.name, formatDuration(p.ms)]);
  phases.push(['total', formatDuration(result.phases.reduce((a, p) => a + p.ms, 0))]);
  return summary(
    heading(title),
    mermaidFlow([
      {
        from: `${base.name} (${base.creationDate.slice(0, 10)})`,
        to: result.image ? `${result.image.name}` : `${result.imageName} (dry run)`,
        label: result.cacheHit ? 'cache hit' : result.image ? 'baked' : 'would bake',
      },
    ]),
    markdownTable(['', ''], rows),
    heading('Time per phase', 3),
    markdownTable(['phase', 'time'], phases),
  );
}
