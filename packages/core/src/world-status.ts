// World status as data: for each role of a world file, what runs (the live build and the
// builds still standing), which release it is, how old its OS head is against what the
// role's `base-image` resolves to now, and how old its data replica is. The world action's
// mode `status` gathers it (world-status-aws.ts) and renders it here; staleness is a plain
// function of the gathered facts and the clock, so it is tested without AWS.
import { InputError } from './errors.js';
import { showGiven } from './inputs.js';
import { heading, markdownTable, summary } from './summary.js';

export const WORLD_STATUS_SCHEMA = 'immut.world-status/v1';

const DAY_MS = 86_400_000;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };

/** Bounds of `max-age`: below an hour a schedule flags every role (AWS publishes new heads
 *  about weekly); above ten years nothing is ever flagged. */
export const MAX_AGE_BOUNDS = { minMs: UNIT_MS['h']!, maxMs: 3650 * DAY_MS } as const;

const MAX_AGE_EXPECTED =
  "a duration in whole hours, days or weeks from 1h to 3650d, such as 30d, 2w or 36h (units h, d, w, combinable: '1w3d')";

/** Parses `max-age` (`30d`, `2w`, `1w3d`, `36h`) into milliseconds; throws an InputError
 *  naming the input, what was given and what is expected. */
export function parseMaxAge(raw: string, input = 'max-age'): number {
  const given = raw.trim();
  const fail = (why: string): never => {
    throw new InputError([`Input '${input}' was ${showGiven(raw)}: ${why}; expected ${MAX_AGE_EXPECTED}.`]);
  };
  if (!/^(?:\d{1,6}[hdw])+$/.test(given)) fail('not a duration');
  let ms = 0;
  for (const [, amount, unit] of given.matchAll(/(\d+)([hdw])/g)) {
    ms += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
  }
  if (ms < MAX_AGE_BOUNDS.minMs) fail('shorter than 1h');
  if (ms > MAX_AGE_BOUNDS.maxMs) fail('longer than 3650d');
  return ms;
}

/** `23 days`, `5 hours`, `1 day`: an age as people say it (whole units, rounded down). */
export function describeAge(ms: number): string {
  const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= DAY_MS) return plural(Math.floor(ms / DAY_MS), 'day');
  if (ms >= 3_600_000) return plural(Math.floor(ms / 3_600_000), 'hour');
  return plural(Math.max(0, Math.floor(ms / 60_000)), 'minute');
}

/** An image as the status shows it: its id and when EC2 says it was created. */
export interface ImageAge {
  imageId: string;
  /** ISO time (EC2's CreationDate); absent when the image is no longer visible. */
  created?: string;
}

/** What the role's `base-image` resolves to now, against the base the live build runs. */
export interface HeadStatus {
  /** The role's `base-image` setting: `ssm:/…`, `filter:…` or `ami-…`. */
  source: string;
  /** The image the source resolves to now (for ssm: its current value; filter: the newest). */
  current?: ImageAge;
  /** Images the source resolves to or has resolved to that are newer than the running base,
   *  newest first (ssm: the parameter's history; filter: every match). */
  newer: ImageAge[];
  /** Why the heads could not be read (the parameter is gone, access was denied…). */
  problem?: string;
}

/** One build of the role: live (the role's name points at it) or only standing. */
export interface BuildStatus {
  build: string;
  release: string;
  /** `live`: the role's name points at it; `weighted`: one side of a weighted cutover;
   *  `standing`: its servers run, but the name does not point at it. */
  state: 'live' | 'weighted' | 'standing';
  /** When its servers were launched (the earliest), ISO; absent when none is running. */
  launched?: string;
}

/** The release the live build runs, from its manifest. */
export interface ReleaseStatus {
  tag: string;
  app: string;
  /** The application artifact's digest, when the manifest records one (`app.artifact`). */
  artifact?: string;
  image: string;
  base: ImageAge;
  created: string;
}

export interface ReplicaStatus {
  id: string;
  kind: 'instance' | 'cluster';
  /** ISO time the DB instance (or cluster) was created; absent when it is gone. */
  created?: string;
}

export interface RoleStatus {
  role: string;
  dnsName: string;
  /** The builds the name points at (one, or two during a weighted cutover). */
  live: BuildStatus[];
  /** Builds with servers running that the name does not point at. */
  standing: BuildStatus[];
  release?: ReleaseStatus;
  head: HeadStatus;
  replica?: ReplicaStatus;
  /** Things the status could not establish, one line each. */
  notes: string[];
}

/** How a role's OS head stands, judged at `now` against `maxAgeMs`. */
export interface Freshness {
  /** Age of the running base image in ms; absent when unknown. */
  baseAgeMs?: number;
  newerHeads: number;
  stale: boolean;
  /** One sentence: "running an OS head 23 days old; 2 newer heads exist". */
  summary: string;
}

/**
 * A role is stale when its live build runs an OS head older than `max-age` while a newer
 * head exists: rebuilding it would move it forward. A role whose source offers nothing
 * newer is not stale however old its head is (a rebuild would bake the same base), and a
 * role with no live build runs nothing that can be stale.
 */
export function judgeFreshness(status: RoleStatus, now: number, maxAgeMs: number): Freshness {
  const newerHeads = status.head.newer.length;
  const heads =
    newerHeads === 0
      ? 'no newer head exists'
      : `${newerHeads} newer head${newerHeads === 1 ? ' exists' : 's exist'}`;
  const created = status.release?.base.created;
  if (!status.release || status.live.length === 0) {
    return { newerHeads, stale: false, summary: 'no live build' };
  }
  if (created === undefined || !Number.isFinite(Date.parse(created))) {
    return {
      newerHeads,
      stale: false,
      summary: `running OS head ${status.release.base.imageId} of unknown age (no longer visible); ${heads}`,
    };
  }
  const baseAgeMs = Math.max(0, now - Date.parse(created));
  return {
    baseAgeMs,
    newerHeads,
    stale: newerHeads > 0 && baseAgeMs > maxAgeMs,
    summary: `running an OS head ${describeAge(baseAgeMs)} old; ${heads}`,
  };
}

/** The JSON of mode `status`: every role with its freshness, and the stale roles. */
export interface WorldStatus {
  schema: typeof WORLD_STATUS_SCHEMA;
  env: string;
  /** When the status was taken, ISO. */
  at: string;
  maxAge: string;
  roles: Array<RoleStatus & { freshness: Freshness; replicaAgeMs?: number }>;
  stale: string[];
}

export function buildWorldStatus(options: {
  env: string;
  now: number;
  maxAge: string;
  maxAgeMs: number;
  roles: readonly RoleStatus[];
}): WorldStatus {
  const roles = options.roles.map((role) => {
    const created = role.replica?.created;
    const replicaAgeMs =
      created !== undefined && Number.isFinite(Date.parse(created))
        ? Math.max(0, options.now - Date.parse(created))
        : undefined;
    return {
      ...role,
      freshness: judgeFreshness(role, options.now, options.maxAgeMs),
      ...(replicaAgeMs !== undefined ? { replicaAgeMs } : {}),
    };
  });
  return {
    schema: WORLD_STATUS_SCHEMA,
    env: options.env,
    at: new Date(options.now).toISOString(),
    maxAge: options.maxAge,
    roles,
    stale: roles.filter((r) => r.freshness.stale).map((r) => r.role),
  };
}

/** The error of `fail-on-stale`, naming each stale role with its head's age. */
export function staleMessage(status: WorldStatus): string {
  const lines = status.roles
    .filter((r) => r.freshness.stale)
    .map((r) => `${r.role} (${r.freshness.summary})`);
  return `${lines.length} role(s) of ${status.env} are stale (OS head older than ${status.maxAge} while a newer one exists): ${lines.join('; ')}. Rebuild them: run rebuild-the-world with only-stale: true.`;
}

function buildsCell(builds: readonly BuildStatus[]): string {
  return builds.length === 0
    ? '—'
    : builds.map((b) => `${b.build}${b.state === 'weighted' ? ' (weighted)' : ''}`).join(', ');
}

function statusRow(r: WorldStatus['roles'][number]): string[] {
  const release = r.release;
  return [
    r.role,
    r.freshness.stale ? '⚠️ stale' : r.live.length === 0 ? '— not live' : '✅ fresh',
    buildsCell(r.live),
    buildsCell(r.standing),
    release ? `\`${release.tag}\`` : '—',
    release?.app ?? '—',
    release?.artifact ? `\`${release.artifact.slice(0, 19)}\`` : '—',
    release ? `${release.base.imageId}` : '—',
    r.freshness.summary,
    r.replica
      ? r.replicaAgeMs !== undefined
        ? `${r.replica.id}, ${describeAge(r.replicaAgeMs)} old`
        : `${r.replica.id} (gone)`
      : '—',
  ];
}

/** Mermaid's gantt ends a task name at `:` and a line at `#` or `;`; titles may hold `:`. */
const ganttText = (text: string): string => text.replace(/[:#;]/g, ' ');
const ganttTitle = (text: string): string => text.replace(/[#;]/g, ' ');
/** The gantt's date format (dateFormat below): ISO without milliseconds or zone. */
const ganttDate = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '');

/**
 * A mermaid gantt of the builds: per role, each build from its launch (or its release's
 * creation) until now, the live ones marked active, the stale role's marked critical.
 */
export function statusTimeline(status: WorldStatus): string {
  const lines = [
    '```mermaid',
    'gantt',
    `  title ${ganttTitle(`${status.env}: builds until ${status.at.replace(/\.\d{3}Z$/, 'Z')}`)}`,
    '  dateFormat YYYY-MM-DDTHH:mm:ss',
    '  axisFormat %Y-%m-%d',
  ];
  const end = Date.parse(status.at);
  let task = 0;
  for (const role of status.roles) {
    const builds = [...role.live, ...role.standing];
    if (builds.length === 0) continue;
    lines.push(`  section ${ganttText(role.role)}`);
    for (const build of builds) {
      const from = build.launched ?? (build.state !== 'standing' ? role.release?.created : undefined);
      if (!from || !Number.isFinite(Date.parse(from))) continue;
      const start = Date.parse(from);
      const tags = [
        ...(build.state !== 'standing' && role.freshness.stale ? ['crit'] : []),
        ...(build.state !== 'standing' ? ['active'] : []),
      ];
      const label = `${build.build} ${build.state}`;
      // A bar never ends before it starts, whatever the runner's clock says against AWS's.
      const bar = `${ganttDate(start)}, ${ganttDate(Math.max(start, end))}`;
      lines.push(`  ${ganttText(label)} :${[...tags, `t${task++}`].join(', ')}, ${bar}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

/** The job summary of mode `status`: a headline, the table, the timeline. */
export function renderWorldStatus(status: WorldStatus): string {
  const headline =
    status.stale.length === 0
      ? `No role is stale (max-age ${status.maxAge}).`
      : `**${status.stale.length} stale role(s)** (OS head older than ${status.maxAge} while a newer one exists): ${status.stale.join(', ')}.`;
  const notes = status.roles.flatMap((r) => r.notes.map((n) => `- ${r.role}: ${n}`));
  return summary(
    heading(`World status: ${status.env}`),
    headline,
    markdownTable(
      [
        'role',
        'status',
        'live',
        'standing',
        'release',
        'app',
        'artifact',
        'base image',
        'OS head',
        'replica',
      ],
      status.roles.map(statusRow),
    ),
    statusTimeline(status),
    notes.length > 0 ? `${heading('Notes', 3)}\n\n${notes.join('\n')}` : '',
  );
}
