// The GitHub release body of a world release: one row per role (its release, image and app
// version, or why it has none), a picture, and the manifest as a JSON block, so the release
// page alone says what the world was. The job summary (summary.ts) shows the same rows.
import { heading, markdownTable, mermaidFlow, summary } from '@immut/core/summary';
import {
  missingRoles,
  worldReleaseId,
  writeWorldRelease,
  type WorldRelease,
} from '@immut/core/world-release';

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

/** One row per role: the table of both the release body and the job summary. */
export function rolesTable(manifest: WorldRelease, links: RoleLinks): string {
  return markdownTable(['role', 'status', 'release', 'image', 'app', 'note'], roleRows(manifest, links));
}

/** The world and its roles: released ones point at their release, missing ones say so. */
export function worldPicture(manifest: WorldRelease): string {
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

/** How many roles were released, and which are missing. */
export function tally(manifest: WorldRelease): string {
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
    worldPicture(manifest),
    `Source: \`${manifest.source.repository}@${manifest.source.sha}\`${manifest.source.run ? ` · [run](${manifest.source.run})` : ''} · created ${manifest.created}`,
    heading('Manifest', 3),
    `\`\`\`json\n${writeWorldRelease(manifest)}\`\`\``,
  );
}
