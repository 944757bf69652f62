// What people read about a world release: the GitHub release body and the job summary. Both
// show one row per role (its release, image and app version, or why it has none); the body
// also carries the manifest as a JSON block, so the release page alone says what the world was.
import { heading, markdownTable, mermaidFlow, summary } from '../../packages/core/src/summary.js';
import {
  missingRoles,
  worldReleaseId,
  writeWorldRelease,
  type WorldRelease,
} from '../../packages/core/src/world-release.js';

/** Each released role's GitHub release page, when it has one. */
export type RoleLinks = Record<string, string>;

function roleRows(manifest: WorldRelease, links: RoleLinks): string[][] {
  return Object.entries(manifest.roles)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([role, entry]) => {
      if (entry.status === 'missing') return [role, '❌ missing', '—', '—', '—', entry.reason];
      const release = links[role] ? `[${entry.tag}](${links[role]})` : `\`${entry.tag}\``;
      return [role, '✅ released', release, entry.image, entry.app, ''];
    });
}

function rolesTable(manifest: WorldRelease, links: RoleLinks): string {
  return markdownTable(['role', 'status', 'release', 'image', 'app', 'note'], roleRows(manifest, links));
}

/** The world and its roles: released ones point at their release, missing ones say so. */
function picture(manifest: WorldRelease): string {
  const world = `${worldReleaseId(manifest)} (${manifest.env})`;
  return mermaidFlow(
    Object.entries(manifest.roles)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([role, entry]) =>
        entry.status === 'released'
          ? { from: world, to: `${role}: ${entry.release}`, label: 'released' }
          : { from: world, to: `${role}: no release`, label: 'missing' },
      ),
  );
}

function tally(manifest: WorldRelease): string {
  const total = Object.keys(manifest.roles).length;
  const missing = missingRoles(manifest);
  return missing.length === 0
    ? `All ${total} role(s) released.`
    : `${total - missing.length} of ${total} role(s) released; missing: ${missing.join(', ')}.`;
}

export function worldReleaseBody(manifest: WorldRelease, links: RoleLinks): string {
  return summary(
    `World release **${worldReleaseId(manifest)}** of \`${manifest.env}\`, recorded by immut world (rebuild-the-world). ${tally(manifest)}`,
    rolesTable(manifest, links),
    picture(manifest),
    `Source: \`${manifest.source.repository}@${manifest.source.sha}\`${manifest.source.run ? ` · [run](${manifest.source.run})` : ''} · created ${manifest.created}`,
    heading('Manifest', 3),
    `\`\`\`json\n${writeWorldRelease(manifest)}\`\`\``,
  );
}

export interface Outcome {
  tag: string;
  releaseUrl?: string;
  /** What this run created; empty on a re-run of a complete world release. */
  changes: string[];
  dryRun: boolean;
}

export function jobSummary(manifest: WorldRelease, links: RoleLinks, outcome: Outcome): string {
  const what = outcome.dryRun
    ? `Dry run: would create ${outcome.changes.length > 0 ? outcome.changes.join(', ') : 'nothing (already recorded)'}.`
    : outcome.changes.length > 0
      ? `Recorded: ${outcome.changes.join(', ')}.`
      : 'Already recorded with an identical manifest; nothing changed.';
  return summary(
    heading(`world: ${worldReleaseId(manifest)} (${manifest.env})`),
    `Tag \`${outcome.tag}\`${outcome.releaseUrl ? ` · [release](${outcome.releaseUrl})` : ''}. ${what} ${tally(manifest)}`,
    rolesTable(manifest, links),
    picture(manifest),
  );
}
