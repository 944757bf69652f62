// Gathers one role's status (@immut/core/world-status) from AWS and its release record, with
// read-only calls only: the role's name and history record (Route 53) say which build is
// live, as cutover-dns wrote it and retire-release reads it; immut's tagged servers (EC2)
// say which builds stand; the release manifest names the base image the live build was
// baked from; the role's `base-image` source (an SSM parameter's history, a name filter, a
// fixed id) says which newer OS heads exist; RDS says when the replica was made.
//
// Nothing here throws for a role that is merely incomplete (never released, a replica
// deleted by hand): that is the status to report, as a note. AWS errors other than "not
// found" do throw: a status that silently skipped what it may not read would say "fresh".
import { paginateDescribeImages, paginateDescribeInstances, type EC2Client } from '@aws-sdk/client-ec2';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, type RDSClient } from '@aws-sdk/client-rds';
import type { Route53Client } from '@aws-sdk/client-route-53';
import { paginateGetParameterHistory, type SSMClient } from '@aws-sdk/client-ssm';
import { historyName, parseHistory, type History } from '@immut/core/dns-history';
import { recordSetsAt } from '@immut/core/hosted-zone';
import type { ReleaseManifest } from '@immut/core/manifest';
import { gitTag } from '@immut/core/naming';
import { MANAGED_BY_VALUE, TAG, fromAwsTags, roleFilters } from '@immut/core/tags';
import type { RolePlan } from '@immut/core/world';
import type {
  BuildStatus,
  HeadStatus,
  ImageAge,
  ReleaseStatus,
  ReplicaStatus,
  RoleStatus,
} from '@immut/core/world-status';

export interface StatusClients {
  ec2: EC2Client;
  ssm: SSMClient;
  route53: Route53Client;
  rds: RDSClient;
}

/** Reads a role's release manifest by tag; undefined when no release has that tag. */
export type ReleaseLookup = (tag: string) => Promise<ReleaseManifest | undefined>;

/** The running servers of immut's builds of the role, by build: release and earliest launch. */
async function standingServers(
  ec2: EC2Client,
  plan: RolePlan,
): Promise<Map<string, { release: string; launched?: string }>> {
  const builds = new Map<string, { release: string; launched?: string }>();
  const pages = paginateDescribeInstances(
    { client: ec2, pageSize: 1000 },
    {
      Filters: [...roleFilters(plan), { Name: 'instance-state-name', Values: ['pending', 'running'] }],
    },
  );
  for await (const page of pages) {
    for (const instance of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      const tags = fromAwsTags(instance.Tags);
      const build = tags[TAG.build];
      // Bake builders carry immut:component; they are bake-image's, not a build that serves.
      if (!build || tags[TAG.managedBy] !== MANAGED_BY_VALUE || tags[TAG.component] !== undefined) continue;
      const launched = instance.LaunchTime?.toISOString();
      const known = builds.get(build);
      const earliest =
        known?.launched && launched
          ? known.launched < launched
            ? known.launched
            : launched
          : (known?.launched ?? launched);
      builds.set(build, {
        release: tags[TAG.release] ?? known?.release ?? build,
        ...(earliest ? { launched: earliest } : {}),
      });
    }
  }
  return builds;
}

/** The builds the role's name points at, from its history record (cutover-dns writes both
 *  in one change, so the record says what the alias does). */
async function liveBuilds(
  route53: Route53Client,
  zoneId: string,
  plan: RolePlan,
  notes: string[],
): Promise<{ history?: History; live: Array<Pick<BuildStatus, 'build' | 'release' | 'state'>> }> {
  const name = plan['dns-name'];
  const [records, txt] = await Promise.all([
    recordSetsAt(route53, zoneId, name, 'A'),
    recordSetsAt(route53, zoneId, historyName(name), 'TXT'),
  ]);
  const record = txt[0];
  if (!record) {
    notes.push(
      records.length > 0
        ? `${name} has an A record but no immut history record: not a name immut manages, so no build is shown as live`
        : `${name} does not exist yet: the role was never cut over`,
    );
    return { live: [] };
  }
  let history: History;
  try {
    history = parseHistory(record);
  } catch (error) {
    notes.push(`the history record of ${name} cannot be read: ${(error as Error).message}`);
    return { live: [] };
  }
  if (history.role !== plan.role || history.env !== plan.env) {
    notes.push(
      `${name}'s history record belongs to role ${history.role} in ${history.env}, not to this role`,
    );
    return { live: [] };
  }
  const weighted = history.weight !== undefined && history.weight < 100 && history.previous !== undefined;
  const state = weighted ? 'weighted' : 'live';
  const live = [{ build: history.current.build, release: history.current.release, state }] as Array<
    Pick<BuildStatus, 'build' | 'release' | 'state'>
  >;
  if (weighted && history.previous)
    live.push({ build: history.previous.build, release: history.previous.release, state: 'weighted' });
  return { history, live };
}

/** Creation dates of the images, by id; an image no longer visible is absent. */
async function imageDates(ec2: EC2Client, ids: readonly string[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  const unique = [...new Set(ids)];
  // DescribeImages takes up to 200 filter values; an `image-id` filter (unlike ImageIds)
  // answers for a deregistered image with nothing instead of failing the whole call.
  for (let i = 0; i < unique.length; i += 200) {
    const pages = paginateDescribeImages(
      { client: ec2 },
      { Filters: [{ Name: 'image-id', Values: unique.slice(i, i + 200) }] },
    );
    for await (const page of pages) {
      for (const image of page.Images ?? []) {
        if (image.ImageId && image.CreationDate) dates.set(image.ImageId, image.CreationDate);
      }
    }
  }
  return dates;
}

type Source =
  | { kind: 'ssm'; parameter: string }
  | { kind: 'filter'; pattern: string; owners: string[] }
  | { kind: 'id'; imageId: string };

/** The world file's `base-image` (validated by the world schema) as bake-image reads it. */
export function baseImageSource(given: string): Source {
  if (given.startsWith('ssm:')) return { kind: 'ssm', parameter: given.slice(4).replace(/:[^/]*$/, '') };
  if (given.startsWith('filter:')) {
    const [pattern = '', ...options] = given.slice(7).split(';');
    const owners = options
      .flatMap((o) => /^\s*owners=(.*)$/.exec(o)?.[1]?.split(',') ?? [])
      .map((o) => o.trim())
      .filter((o) => o !== '');
    return { kind: 'filter', pattern: pattern.trim(), owners };
  }
  return { kind: 'id', imageId: given };
}

/** Every image id an SSM parameter has held (its kept versions), never decrypted and never
 *  shown: a version that is not a String holding an ami-… id is skipped. */
async function parameterImages(
  ssm: SSMClient,
  parameter: string,
): Promise<{ ids: string[]; current?: string }> {
  const ids: string[] = [];
  let current: { version: number; id: string } | undefined;
  const pages = paginateGetParameterHistory(
    { client: ssm, pageSize: 50 },
    { Name: parameter, WithDecryption: false },
  );
  for await (const page of pages) {
    for (const version of page.Parameters ?? []) {
      const value = version.Value ?? '';
      if (version.Type !== 'String' || !/^ami-[0-9a-f]{8,17}$/.test(value)) continue;
      ids.push(value);
      if (!current || (version.Version ?? 0) > current.version)
        current = { version: version.Version ?? 0, id: value };
    }
  }
  return { ids, ...(current ? { current: current.id } : {}) };
}

/** Images a name filter matches now, with their dates. */
async function filterImages(ec2: EC2Client, pattern: string, owners: string[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  const pages = paginateDescribeImages(
    { client: ec2 },
    {
      Owners: owners,
      Filters: [
        { Name: 'name', Values: [pattern] },
        { Name: 'state', Values: ['available'] },
      ],
    },
  );
  for await (const page of pages) {
    for (const image of page.Images ?? []) {
      if (image.ImageId && image.CreationDate) dates.set(image.ImageId, image.CreationDate);
    }
  }
  return dates;
}

const NOT_FOUND = new Set(['ParameterNotFound', 'ParameterVersionNotFound']);

/** What the role's source resolves to now, and which of its images are newer than `base`. */
export async function readHeads(
  clients: Pick<StatusClients, 'ec2' | 'ssm'>,
  given: string,
  base: ImageAge | undefined,
): Promise<HeadStatus> {
  const source = baseImageSource(given);
  let candidates: string[];
  let currentId: string | undefined;
  let dates: Map<string, string>;
  if (source.kind === 'ssm') {
    try {
      const held = await parameterImages(clients.ssm, source.parameter);
      candidates = held.ids;
      currentId = held.current;
    } catch (error) {
      if (!NOT_FOUND.has((error as Error).name)) throw error;
      return {
        source: given,
        newer: [],
        problem: `the SSM parameter ${source.parameter} does not exist in this region`,
      };
    }
    dates = await imageDates(clients.ec2, candidates);
  } else if (source.kind === 'filter') {
    dates = await filterImages(clients.ec2, source.pattern, source.owners);
    candidates = [...dates.keys()];
    currentId = [...dates.entries()].sort(([, a], [, b]) => (a < b ? 1 : -1))[0]?.[0];
  } else {
    candidates = [source.imageId];
    currentId = source.imageId;
    dates = await imageDates(clients.ec2, candidates);
  }
  const age = (imageId: string): ImageAge => {
    const created = dates.get(imageId);
    return { imageId, ...(created ? { created } : {}) };
  };
  const baseCreated = base?.created;
  const newer = [...new Set(candidates)]
    .filter((id) => id !== base?.imageId && baseCreated !== undefined && (dates.get(id) ?? '') > baseCreated)
    .map(age)
    .sort((a, b) => ((a.created ?? '') < (b.created ?? '') ? 1 : -1));
  return { source: given, ...(currentId ? { current: age(currentId) } : {}), newer };
}

/** When the replica was made (DB instance or Aurora cluster); `created` absent when gone. */
async function readReplica(
  rds: RDSClient,
  data: NonNullable<ReleaseManifest['data']>,
): Promise<ReplicaStatus> {
  try {
    if (data.kind === 'cluster' && data.cluster) {
      const out = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: data.cluster }));
      const created = out.DBClusters?.[0]?.ClusterCreateTime?.toISOString();
      return { id: data.cluster, kind: 'cluster', ...(created ? { created } : {}) };
    }
    const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: data.instance }));
    const created = out.DBInstances?.[0]?.InstanceCreateTime?.toISOString();
    return { id: data.instance, kind: 'instance', ...(created ? { created } : {}) };
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'DBInstanceNotFoundFault' && name !== 'DBClusterNotFoundFault') throw error;
    return {
      id: data.kind === 'cluster' && data.cluster ? data.cluster : data.instance,
      kind: data.kind ?? 'instance',
    };
  }
}

/** The digest of the application artifact, when the manifest records one: `app.artifact`
 *  is newer than some manifests, so it is read without assuming its presence or shape. */
function artifactDigest(manifest: ReleaseManifest): string | undefined {
  const artifact = (manifest.app as { artifact?: unknown }).artifact;
  if (typeof artifact !== 'object' || artifact === null) return undefined;
  const { sha256, digest } = artifact as { sha256?: unknown; digest?: unknown };
  const value =
    typeof sha256 === 'string' ? `sha256:${sha256}` : typeof digest === 'string' ? digest : undefined;
  return value && /^[\w:.-]{1,200}$/.test(value) ? value : undefined;
}

/** One role's status. */
export async function gatherRoleStatus(
  clients: StatusClients,
  plan: RolePlan,
  zoneId: string,
  lookup: ReleaseLookup,
): Promise<RoleStatus> {
  const notes: string[] = [];
  const [{ live }, servers] = await Promise.all([
    liveBuilds(clients.route53, zoneId, plan, notes),
    standingServers(clients.ec2, plan),
  ]);
  const withLaunch = (b: Pick<BuildStatus, 'build' | 'release' | 'state'>): BuildStatus => {
    const launched = servers.get(b.build)?.launched;
    return { ...b, ...(launched ? { launched } : {}) };
  };
  const liveIds = new Set(live.map((b) => b.build));
  const standing = [...servers.entries()]
    .filter(([build]) => !liveIds.has(build))
    .map(([build, s]) => withLaunch({ build, release: s.release, state: 'standing' }))
    .sort((a, b) => a.build.localeCompare(b.build));
  const current = live[0];
  let release: ReleaseStatus | undefined;
  let manifest: ReleaseManifest | undefined;
  if (current) {
    const tag = gitTag({ role: plan.role, env: plan.env, build: current.build });
    manifest = await lookup(tag);
    if (!manifest) notes.push(`the live build ${current.build} has no release recorded under ${tag}`);
    else {
      const base = manifest.image.base;
      const created = (await imageDates(clients.ec2, [base])).get(base);
      const artifact = artifactDigest(manifest);
      release = {
        tag,
        app: manifest.app.version,
        ...(artifact ? { artifact } : {}),
        image: manifest.image.id,
        base: { imageId: base, ...(created ? { created } : {}) },
        created: manifest.created,
      };
    }
  }
  const base = plan['base-image'] ?? '';
  const head = await readHeads(clients, base, release?.base);
  if (head.problem) notes.push(head.problem);
  const replica = manifest?.data ? await readReplica(clients.rds, manifest.data) : undefined;
  if (replica && !replica.created)
    notes.push(`the replica ${replica.id} of the live release no longer exists`);
  return {
    role: plan.role,
    dnsName: plan['dns-name'],
    live: live.map(withLaunch),
    standing,
    ...(release ? { release } : {}),
    head,
    ...(replica ? { replica } : {}),
    notes,
  };
}
