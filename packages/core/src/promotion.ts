// The promotion gate: a release goes to another env only if it was live in its own. "Live"
// is what the role's history record says (cutover-dns writes it in the same change that moves
// the name): the build the name points at now, fully, or the one it pointed at before. The
// record keeps only those two, so a release that was live long ago is not provable from it;
// `force` overrides the gate and the target manifest records that it did.
import { UserError } from './errors.js';
import type { History } from './dns-history.js';
import type { ReleaseManifest } from './manifest.js';
import { gitTag } from './naming.js';

/** The gate refused: the source release was never seen live. */
export class PromotionRefusedError extends UserError {
  override name = 'PromotionRefusedError';
}

export interface GateInput {
  /** The source release. */
  source: ReleaseManifest;
  /** The env the release goes to. */
  targetEnv: string;
  /** The source role's history record, or undefined when its name has none. */
  history: History | undefined;
  /** Where the record was read: `_immut-history.<name>` in zone `<zone>`, for the message. */
  checked: string;
  force: boolean;
}

export interface GateOutcome {
  /** True when the history record shows a successful cutover to the source build. */
  live: boolean;
  /** What the record showed, for the log and the summary. */
  evidence: string;
  /** True when the release goes only because `force` overrode a refusal. */
  forced: boolean;
}

/** What the record says about `build`: live now, live before, or (undefined) neither. */
function liveness(history: History, build: string): string | undefined {
  const { current, previous, weight } = history;
  const partial = weight !== undefined && weight < 100;
  if (current.build === build && !partial) return `build ${build} is live (since ${history.at || 'unknown'})`;
  // Mid-way through a weighted cutover the previous build still serves fully: it was live.
  if (previous?.build === build) return `build ${build} was live before build ${current.build}`;
  return undefined;
}

/** What the record shows, in words, when it does not show the build live. */
function absence(history: History | undefined, build: string): string {
  if (!history) return 'the role has no history record: no cutover ever succeeded there';
  const { current, previous, weight } = history;
  if (current.build === build) return `a weighted cutover to build ${build} is at ${weight}%, not finished`;
  const names = [`build ${current.build} live`, ...(previous ? [`build ${previous.build} before it`] : [])];
  return `the record shows ${names.join(' and ')}; it keeps the two latest builds, and build ${build} is neither`;
}

/**
 * Decides whether `source` may be promoted to `targetEnv`. Throws PromotionRefusedError
 * (saying what was checked and how to override) when it was never live and `force` is off.
 */
export function promotionGate(input: GateInput): GateOutcome {
  const { source, history, force } = input;
  const tag = gitTag(source);
  if (source.env === input.targetEnv) {
    throw new UserError(
      `Cannot promote ${tag} to env '${input.targetEnv}': it is already a release of that env; promote to another env.`,
    );
  }
  const own = history && history.role === source.role && history.env === source.env ? history : undefined;
  const live = own ? liveness(own, source.build) : undefined;
  if (live) return { live: true, evidence: `${input.checked}: ${live}`, forced: false };
  const why =
    history && !own
      ? `the record belongs to role ${history.role} in ${history.env}, not to ${source.role} in ${source.env}`
      : absence(own, source.build);
  const evidence = `${input.checked}: ${why}`;
  if (force) return { live: false, evidence, forced: true };
  throw new PromotionRefusedError(
    `Refusing to promote ${tag} to ${input.targetEnv}: it never became live in ${source.env}. Checked ${evidence}. Promote a release that was cut over in ${source.env}, or set force: true to promote it anyway (the ${input.targetEnv} manifest then records promotedFrom.forced).`,
  );
}
