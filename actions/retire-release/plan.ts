// The decision, as a pure function of what stands and what is live: which builds stay and
// which go, each with its reason, and which images go with them. No AWS calls here, so every
// rule is testable on its own.
import { TAG, USED_BY_PREFIX, usedByTag, type Tags } from '@immut/core/tags';
import type { BuildResources, Image, Inventory } from './discover.js';
import type { Live } from './live.js';

export interface Decision {
  build: string;
  release: string;
  retire: boolean;
  reason: string;
  resources: BuildResources;
}

export interface ImageDecision {
  image: Image;
  retire: boolean;
  reason: string;
}

/** Another env's image this env's build ran (a promotion), whose build now retires here. */
export interface Release {
  image: Image;
  build: string;
}

export interface Plan {
  builds: Decision[];
  images: ImageDecision[];
  /** Promoted images whose `immut:used-by:<this env>` tag goes with the retired build. */
  releases: Release[];
  /** Why nothing at all is retired, when that is the case for a reason beyond `keep`. */
  hold?: string;
}

export interface PlanSettings {
  keep: number;
  keepImages: number;
}

/** Build ids are sortable (b0041 < b0042); numeric-aware so b99 < b100 as well. */
export function compareBuilds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function lbBuilds(builds: readonly BuildResources[], dnsNames: readonly string[]): Set<string> {
  const wanted = new Set(dnsNames);
  return new Set(
    builds.filter((b) => b.loadBalancers.some((lb) => wanted.has(lb.dnsName))).map((b) => b.build),
  );
}

export function planBuilds(
  inventory: Inventory,
  live: Live,
  settings: PlanSettings,
): Pick<Plan, 'builds' | 'hold'> {
  const newestFirst = [...inventory.builds].sort((a, b) => compareBuilds(b.build, a.build));
  const decide = (b: BuildResources, retire: boolean, reason: string): Decision => ({
    build: b.build,
    release: b.release,
    retire,
    reason,
    resources: b,
  });
  const current = live.history?.current.build;
  if (live.weighted) {
    const hold = `a weighted cutover of ${live.name} is in progress; nothing is retired until it completes`;
    return { builds: newestFirst.map((b) => decide(b, false, hold)), hold };
  }
  if (current === undefined) {
    const hold = `${live.name} has never been cut over, so no build is live yet; nothing is retired`;
    return { builds: newestFirst.map((b) => decide(b, false, hold)), hold };
  }
  const pointed = lbBuilds(inventory.builds, live.pointsAt);
  const previous = live.history?.previous?.build;
  // Slots go to the live build first, then the one rollback returns to, then the newest.
  const rank = (b: string): number => (b === current ? 0 : b === previous ? 1 : 2);
  const candidates = newestFirst
    // A build newer than the live one is a release not yet cut over (kept, outside the count),
    // unless the name points at it or it is the previous build (after a rollback).
    .filter((b) => compareBuilds(b.build, current) <= 0 || pointed.has(b.build) || b.build === previous)
    .sort((a, b) => rank(a.build) - rank(b.build) || compareBuilds(b.build, a.build));
  const kept = new Set<string>([...pointed, ...candidates.slice(0, settings.keep).map((b) => b.build)]);
  const builds = newestFirst.map((b): Decision => {
    if (b.build === current) return decide(b, false, 'live: the name points at it');
    if (pointed.has(b.build)) return decide(b, false, 'the name still points at it');
    if (kept.has(b.build) && b.build === previous)
      return decide(b, false, 'previous build: instant rollback');
    if (compareBuilds(b.build, current) > 0) {
      return decide(b, false, `newer than the live build ${current}: a release not yet cut over`);
    }
    if (kept.has(b.build)) return decide(b, false, `within keep=${settings.keep}`);
    return decide(b, true, `older than the ${settings.keep} kept build(s) (keep=${settings.keep})`);
  });
  return { builds };
}

/** `<env> build <build>` for every other env that marked the image as used (promotions). */
export function otherEnvUsers(tags: Tags): string[] {
  return Object.entries(tags)
    .filter(([key]) => key.startsWith(USED_BY_PREFIX) && key !== usedByTag(tags[TAG.env] ?? ''))
    .map(([key, build]) => `${key.slice(USED_BY_PREFIX.length)} build ${build}`)
    .sort();
}

export function planImages(
  images: readonly Image[],
  builds: readonly Decision[],
  live: Live,
  settings: PlanSettings,
): ImageDecision[] {
  const kept = builds.filter((d) => !d.retire);
  const usedBy = new Map<string, string>();
  for (const d of kept)
    for (const i of d.resources.instances) usedBy.set(i.imageId, `build ${d.build} runs it`);
  const keptBuilds = new Set(kept.map((d) => d.build));
  const keptReleases = new Set(kept.map((d) => d.release));
  const current = live.history?.current.build;
  const newestFirst = [...images].sort((a, b) => b.created.localeCompare(a.created));
  let spare = settings.keepImages;
  return newestFirst.map((image): ImageDecision => {
    const keep = (reason: string): ImageDecision => ({ image, retire: false, reason });
    const build = image.tags[TAG.build] ?? '';
    const release = image.tags[TAG.release] ?? '';
    const used = usedBy.get(image.id);
    if (used) return keep(used);
    // A promotion reuses the image in another env; that env's retirement removes its tag.
    const users = otherEnvUsers(image.tags);
    if (users.length > 0) return keep(`promoted: ${users.join(', ')} uses it (immut:used-by)`);
    if (keptBuilds.has(build)) return keep(`baked by kept build ${build}`);
    if (keptReleases.has(release)) return keep(`tagged for kept release ${release}`);
    if (image.state !== 'available') return keep(`${image.state}, not available (a bake in progress?)`);
    if (current === undefined || compareBuilds(build, current) > 0) {
      return keep(`baked for a build newer than the live one (a release not yet cut over)`);
    }
    if (spare > 0) {
      spare--;
      return keep(
        `among the newest ${settings.keepImages} unused image(s) (keep-images=${settings.keepImages})`,
      );
    }
    return { image, retire: true, reason: `no kept release uses it (keep-images=${settings.keepImages})` };
  });
}

/**
 * The borrowed (promoted) images whose using build of `env` retires in this plan. The mark
 * names one build (the latest promotion's); an image a kept build still runs (an earlier
 * promotion of the same image, say) keeps it whatever build it names.
 */
export function planReleases(
  borrowed: readonly Image[],
  builds: readonly Decision[],
  env: string,
): Release[] {
  const retiring = new Set(builds.filter((d) => d.retire).map((d) => d.build));
  const running = new Set(
    builds.filter((d) => !d.retire).flatMap((d) => d.resources.instances.map((i) => i.imageId)),
  );
  return borrowed.flatMap((image) => {
    const build = image.tags[usedByTag(env)];
    return build !== undefined && retiring.has(build) && !running.has(image.id) ? [{ image, build }] : [];
  });
}

export function plan(inventory: Inventory, live: Live, settings: PlanSettings, env = ''): Plan {
  const { builds, hold } = planBuilds(inventory, live, settings);
  const images = hold
    ? inventory.images.map((image) => ({ image, retire: false, reason: hold }))
    : planImages(inventory.images, builds, live, settings);
  const releases = hold ? [] : planReleases(inventory.borrowed ?? [], builds, env);
  return { builds, images, releases, ...(hold ? { hold } : {}) };
}
