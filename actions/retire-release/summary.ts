// What a retirement tells the user: outputs for later steps (JSON lists of build ids) and a
// job summary table of every build and image with its fate and the reason for it.
import type { ActionIO } from '@immut/core/action-io';
import { formatDuration } from '@immut/core/clock';
import { heading, markdownTable, summary } from '@immut/core/summary';
import type { Plan } from './plan.js';
import type { Outcome } from './retire.js';

export interface SummaryContext {
  name: string;
  dryRun: boolean;
  live?: string;
  describe: (build: string) => string[];
}

export function writeOutputs(io: ActionIO, p: Plan): void {
  io.setOutput('retired', JSON.stringify(p.builds.filter((d) => d.retire).map((d) => d.build)));
  io.setOutput('kept', JSON.stringify(p.builds.filter((d) => !d.retire).map((d) => d.build)));
  io.setOutput('retired-images', JSON.stringify(p.images.filter((d) => d.retire).map((d) => d.image.id)));
}

export function renderSummary(ctx: SummaryContext, p: Plan, outcome?: Outcome): string {
  const verb = ctx.dryRun ? 'would retire' : 'retired';
  const buildRows = p.builds.map((d) => [
    d.build,
    d.release,
    d.retire ? verb : 'kept',
    d.reason,
    d.retire
      ? (ctx.dryRun ? ctx.describe(d.build) : (outcome?.removed.get(d.build) ?? [])).join('<br>') ||
        '(nothing left)'
      : '',
  ]);
  const imageRows = p.images.map((d) => [d.image.id, d.image.name, d.retire ? verb : 'kept', d.reason]);
  const retired = p.builds.filter((d) => d.retire).length;
  const intro = [
    `${ctx.dryRun ? 'Dry run: ' : ''}${retired} build(s) ${verb}, ${p.builds.length - retired} kept for ${ctx.name}${ctx.live ? ` (live build ${ctx.live})` : ''}.`,
    ...(p.hold ? [`Nothing retired: ${p.hold}.`] : []),
    ...(outcome && outcome.waitedMs > 0
      ? [`Waited ${formatDuration(outcome.waitedMs)} for DNS caches and draining connections first.`]
      : []),
  ].join(' ');
  return summary(
    heading('immut retire-release'),
    intro,
    buildRows.length > 0
      ? markdownTable(['Build', 'Release', 'Decision', 'Reason', 'Resources'], buildRows)
      : 'No builds of this role and env stand.',
    ...(imageRows.length > 0
      ? [heading('Images', 3), markdownTable(['Image', 'Name', 'Decision', 'Reason'], imageRows)]
      : []),
  );
}
