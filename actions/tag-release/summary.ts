// The job summary: what this run recorded (or would record, in a dry run) for the release,
// with the release body's table and picture (release-body.ts).
import type { ReleaseManifest } from '@immut/core/manifest';
import { describeRecordOutcome, type RecordOutcome } from '@immut/core/recorded-release';
import { heading, markdownTable, summary } from '@immut/core/summary';
import { releasePicture, releaseRows } from './release-body.js';

export type Outcome = RecordOutcome;

export function renderSummary(manifest: ReleaseManifest, outcome: Outcome): string {
  return summary(
    heading(`tag-release: ${manifest.release} (${manifest.env})`),
    `${describeRecordOutcome(outcome)}`,
    markdownTable(['part', 'value'], releaseRows(manifest)),
    releasePicture(manifest),
  );
}
