// The data layer's term of the critical path, instance against Aurora: the example world's
// `api` role released twice in the same bench run, once from the RDS instance `app-db` (a
// snapshot restore) and once switched to the Aurora cluster `app-cluster` (a copy-on-write
// clone plus its writer). The replicate job's time is measured in sandbox time (its wall time
// times the time scale), so the ratio compares like with like; the waits the sandbox imposes
// (DURATIONS, with their sources) are shown next to it.
import { DURATIONS } from '@immut/sandbox';
import { criticalPath, type CriticalPathResult, type ReleaseBench } from './releases.js';

export interface DataLayerResult {
  timeScale: number;
  instance: CriticalPathResult;
  cluster: CriticalPathResult;
  /** The replicate job, in sandbox ms, per source kind. */
  replicateMs: { instance: number; cluster: number };
  /** What the sandbox makes each copy wait, in sandbox ms (its published-duration model). */
  waitsMs: { instance: number; cluster: number };
}

/** The replicate job's duration in sandbox time. */
function replicateSandboxMs(r: CriticalPathResult): number {
  const job = r.jobs.find((j) => j.job === 'replicate');
  if (!job)
    throw new Error(`the release has no replicate job (jobs: ${r.jobs.map((j) => j.job).join(', ')})`);
  return job.ms * r.timeScale;
}

/** `instance`: the run's instance release already measured (criticalPath), or one made here. */
export async function dataLayerTerm(
  bench: ReleaseBench,
  timeScale: number,
  measured?: CriticalPathResult,
): Promise<DataLayerResult> {
  // One after the other: two releases at once would share the cores and skew both.
  const instance = measured ?? (await criticalPath(bench, timeScale));
  // `from` empty: replicate-data clones an Aurora source copy-on-write by default.
  const cluster = await criticalPath(bench, timeScale, { 'source-db': 'app-cluster', from: '' });
  // The replica term needs the replicate job to succeed; the rest of the release is the
  // critical-path section's concern.
  for (const r of [instance, cluster])
    if (r.needs['replicate'] !== 'success')
      throw new Error(`a data-layer release's replicate job ended ${r.needs['replicate'] ?? 'not run'}`);
  return {
    timeScale,
    instance,
    cluster,
    replicateMs: { instance: replicateSandboxMs(instance), cluster: replicateSandboxMs(cluster) },
    waitsMs: {
      instance: DURATIONS.rdsCreating + DURATIONS.rdsBackingUp,
      cluster: DURATIONS.auroraCloneCreating + DURATIONS.auroraInstanceCreating,
    },
  };
}

const min = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

export function dataLayerSection(r: DataLayerResult): string {
  const ratio = r.replicateMs.cluster / r.replicateMs.instance;
  return [
    '## The data layer: Aurora clone against instance restore',
    '',
    `The example world's \`api\` role released twice in this run through \`release.yml\` (time scale ${r.timeScale}): from the RDS instance \`app-db\` (\`from: latest-snapshot\`), then switched to the Aurora cluster \`app-cluster\` (a copy-on-write clone and its writer). The replica term is the \`replicate\` job (restore or clone, writer, one-time password, change log, Secrets Manager), in sandbox time.`,
    '',
    "| source | replicate job (sandbox time) | the copy's own waits | release wall time (result) |",
    '| --- | --- | --- | --- |',
    `| RDS instance (snapshot restore) | ${min(r.replicateMs.instance)} | ${min(r.waitsMs.instance)} | ${(r.instance.wallMs / 1000).toFixed(1)} s (${r.instance.result}) |`,
    `| Aurora cluster (copy-on-write clone) | ${min(r.replicateMs.cluster)} | ${min(r.waitsMs.cluster)} | ${(r.cluster.wallMs / 1000).toFixed(1)} s (${r.cluster.result}) |`,
    '',
    `**Replica term, clone / restore: ${ratio.toFixed(2)}**. A clone's creation time does not grow with the data (AWS News Blog, "Amazon Aurora Fast Database Cloning"); a restore's does, so on real data sizes the gap widens. Whether the release itself gets shorter depends on the bake, which runs in parallel.`,
    '',
  ].join('\n');
}
