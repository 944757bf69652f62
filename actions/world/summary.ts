// The job summary: what this run recorded (or would record, in a dry run) for the world
// release, with the release body's role table and picture (release-body.ts).
import { describeRecordOutcome, type RecordOutcome } from '@immut/core/recorded-release';
import { heading, summary } from '@immut/core/summary';
import { worldReleaseId, type WorldRelease } from '@immut/core/world-release';
import { rolesTable, tally, worldPicture, type RoleLinks } from './release-body.js';

export type Outcome = RecordOutcome;

export function renderSummary(manifest: WorldRelease, links: RoleLinks, outcome: Outcome): string {
  return summary(
    heading(`world: ${worldReleaseId(manifest)} (${manifest.env})`),
    `${describeRecordOutcome(outcome)} ${tally(manifest)}`,
    rolesTable(manifest, links),
    worldPicture(manifest),
  );
}
