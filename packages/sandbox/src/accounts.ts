// The sandbox's AWS accounts. Every set of credentials belongs to one account, and each
// account has its own instance of every service (its own state), seeded alike; a request is
// answered by the instances of its access key's account. An access key declared nowhere
// belongs to the primary account (seed.ts ACCOUNT_ID), so a sandbox with one account
// answers exactly as before. Services stay unaware of accounts: `ctx.accountId` is the
// caller's, and only what AWS lets cross accounts (shared images and snapshots, KMS keys)
// looks at another account through `ctx.accounts`.
import { BuilderHost } from './builder-exec/host.js';
import type { IamPolicies } from './iam/policy.js';
import type { AccountDirectory, EmulatedService, ServiceContext, ServiceName } from './service.js';
import type { Ec2Service } from './services/ec2/index.js';
import type { SsmService } from './services/ssm.js';
import { createServices } from './services/index.js';

/** A further account (SandboxOptions.accounts). */
export interface SandboxAccountOptions {
  /** The 12-digit account id. */
  id: string;
  /** Its access keys: secret access key by access key id (as SandboxOptions.credentials). */
  credentials?: Record<string, string>;
  /** Identity-based policies of its keys (as SandboxOptions.iamPolicies; only its own keys). */
  iamPolicies?: IamPolicies;
}

/** One account: its context and its own instance of every service. */
export interface Account {
  id: string;
  ctx: ServiceContext;
  services: EmulatedService[];
  byName: ReadonlyMap<ServiceName, EmulatedService>;
  /** Started and seeded (or restored): awaited before the account answers a call. */
  ready: Promise<void>;
}

/** What every account's context shares: the clock, the ids, the faults and the options. */
export type SharedContext = Omit<ServiceContext, 'accountId' | 'accounts'>;

const ACCOUNT_ID_FORMAT = /^\d{12}$/;

export function checkAccountId(id: unknown, where: string): string {
  if (typeof id !== 'string' || !ACCOUNT_ID_FORMAT.test(id))
    throw new Error(`${where}: expected a 12-digit AWS account id, got ${JSON.stringify(id)?.slice(0, 40)}`);
  return id;
}

export class Accounts implements AccountDirectory {
  readonly primary: Account;
  private readonly all = new Map<string, Account>();
  /** Access key id → account id (keys not listed belong to the primary account). */
  private readonly keys = new Map<string, string>();
  /** One builder host for all accounts: instance ids are unique across them, and an image
   *  shared with or copied into another account keeps its content. */
  readonly builders: BuilderHost;

  constructor(
    private readonly shared: SharedContext,
    primaryId: string,
  ) {
    this.builders = new BuilderHost((id) => this.instanceRecord(id));
    this.primary = this.create(primaryId);
    this.publishEverywhere();
  }

  /** AWS's public SSM parameters are the same for every account: one moved through the
   *  primary account's SSM (`sandbox.services`) moves in every account the sandbox has. */
  private publishEverywhere(): void {
    const ssm = this.primary.byName.get('ssm') as SsmService | undefined;
    if (!ssm) return;
    const publish = ssm.publishPublicParameter.bind(ssm);
    ssm.publishPublicParameter = (name, value, region) => {
      const version = publish(name, value, region);
      for (const account of this.all.values())
        if (account !== this.primary)
          (account.byName.get('ssm') as SsmService | undefined)?.publishPublicParameter(name, value, region);
      return version;
    };
  }

  /** Creates an account's services (not started, not seeded: see `ready`). */
  create(id: string): Account {
    checkAccountId(id, 'account');
    const existing = this.all.get(id);
    if (existing) return existing;
    const ctx: ServiceContext = { ...this.shared, accountId: id, accounts: this };
    const first = this.all.size === 0;
    // Only the primary account's RDS is backed by PostgreSQL: one server, one set of databases.
    if (!first) ctx.options = new Proxy(this.shared.options ?? {}, { get: optionsWithoutPostgres });
    const services = createServices(ctx, { builders: this.builders });
    const account: Account = {
      id,
      ctx,
      services,
      byName: new Map(services.map((s) => [s.name, s])),
      ready: Promise.resolve(),
    };
    this.all.set(id, account);
    return account;
  }

  ids(): string[] {
    return [...this.all.keys()];
  }

  list(): Account[] {
    return [...this.all.values()];
  }

  get(id: string): Account | undefined {
    return this.all.get(id);
  }

  service(accountId: string, name: ServiceName): EmulatedService | undefined {
    return this.all.get(accountId)?.byName.get(name);
  }

  /** Puts an access key in an account (which must exist). */
  assign(accessKeyId: string, accountId: string): void {
    if (!this.all.has(accountId)) throw new Error(`no sandbox account ${accountId}`);
    if (accountId === this.primary.id) this.keys.delete(accessKeyId);
    else this.keys.set(accessKeyId, accountId);
  }

  /** The account of an access key: its own, else the primary. */
  forKey(accessKeyId: string): Account {
    const id = this.keys.get(accessKeyId);
    return (id !== undefined ? this.all.get(id) : undefined) ?? this.primary;
  }

  /** The access keys put in each non-primary account. */
  keysByAccount(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [key, id] of this.keys) (out[id] ??= []).push(key);
    return out;
  }

  private instanceRecord(instanceId: string): ReturnType<Ec2Service['instanceRecord']> {
    for (const account of this.all.values()) {
      const found = (account.byName.get('ec2') as Ec2Service | undefined)?.instanceRecord(instanceId);
      if (found) return found;
    }
    return undefined;
  }
}

function optionsWithoutPostgres(
  target: NonNullable<ServiceContext['options']>,
  key: string | symbol,
): unknown {
  return key === 'postgres' ? false : (target as Record<string | symbol, unknown>)[key];
}

/** How every account is seeded: the `seed` option, and the regions besides the first. */
export interface SeedPlan {
  seed: 'default' | 'empty';
  regions: readonly string[];
}

/** The per-region seed of the regions besides the first (`regions` start option). */
function seedRegions(account: Account, plan: SeedPlan): void {
  if (plan.seed !== 'default') return;
  for (const region of plan.regions)
    for (const service of account.services) service.seedRegion?.({ ...account.ctx, region });
}

/** Resets an account's services and seeds them (`seed: 'default'`) as the primary is seeded. */
export async function seedAccount(account: Account, plan: SeedPlan): Promise<void> {
  for (const service of account.services) service.reset();
  if (plan.seed === 'default')
    for (const service of account.services) if (service.seed) await service.seed(account.ctx);
  seedRegions(account, plan);
}

export async function startAccount(account: Account): Promise<void> {
  for (const service of account.services) if (service.start) await service.start(account.ctx);
}

/** Runs the steps in order, synchronously for as long as each step is. */
function inOrder(steps: ReadonlyArray<() => void | Promise<void>>): Promise<void> {
  for (let i = 0; i < steps.length; i++) {
    const result = steps[i]!();
    if (result instanceof Promise) return result.then(() => inOrder(steps.slice(i + 1)));
  }
  return Promise.resolve();
}

/** Starts and seeds an account made at run time. What needs no waiting is done before this
 *  returns (every seed up to RDS's, which is async), so the caller sees the account's seeded
 *  network, zones and key at once; the rest completes before the account answers a call. */
export function prepareAccount(account: Account, plan: SeedPlan): Promise<void> {
  const { services, ctx } = account;
  return inOrder([
    ...services.map((s) => () => s.start?.(ctx)),
    ...services.map((s) => () => s.reset()),
    ...(plan.seed === 'default' ? services.map((s) => () => s.seed?.(ctx)) : []),
    () => seedRegions(account, plan),
  ]);
}

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The `regions` option, checked: region names, the first region (seed.ts REGION) left out. */
export function extraRegions(regions: unknown, first: string): string[] {
  if (regions === undefined) return [];
  if (!Array.isArray(regions))
    throw new Error(`regions: expected a list of region names, got ${JSON.stringify(regions)?.slice(0, 60)}`);
  for (const r of regions)
    if (typeof r !== 'string' || !REGION_NAME.test(r))
      throw new Error(
        `regions: expected region names such as us-west-2, got ${JSON.stringify(r)?.slice(0, 40)}`,
      );
  return [...new Set(regions as string[])].filter((r) => r !== first);
}

/** The state of one account's services, by service name. */
export const servicesState = (account: Account): Record<string, unknown> =>
  Object.fromEntries(account.services.map((s) => [s.name, s.snapshotState()]));

export function restoreServices(account: Account, saved: Record<string, unknown>): void {
  for (const service of account.services) {
    service.reset();
    if (service.name in saved) service.restoreState(saved[service.name]);
  }
}

/** What the state file keeps of the non-primary accounts: their services and their keys. */
export type SavedAccounts = Record<string, { services: Record<string, unknown>; accessKeys: string[] }>;

export function savedAccounts(accounts: Accounts): SavedAccounts | undefined {
  const others = accounts.list().filter((a) => a !== accounts.primary);
  if (others.length === 0) return undefined;
  const keys = accounts.keysByAccount();
  return Object.fromEntries(
    others.map((a) => [a.id, { services: servicesState(a), accessKeys: keys[a.id] ?? [] }]),
  );
}

/** Restores the saved non-primary accounts (created when missing); returns their ids. */
export function restoreAccounts(accounts: Accounts, saved: SavedAccounts | undefined): Set<string> {
  const restored = new Set<string>();
  for (const [id, entry] of Object.entries(saved ?? {})) {
    const account = accounts.create(id);
    restoreServices(account, entry.services ?? {});
    for (const key of entry.accessKeys ?? []) accounts.assign(key, id);
    restored.add(id);
  }
  return restored;
}

/** The declared accounts' keys and policies, checked: each key in one account only, and an
 *  account's policies only for its own keys. */
export function declaredAccounts(
  list: readonly SandboxAccountOptions[] | undefined,
  primaryId: string,
): { credentials: Record<string, string>; iamPolicies: IamPolicies } {
  const credentials: Record<string, string> = {};
  const iamPolicies: IamPolicies = {};
  const seen = new Set<string>([primaryId]);
  for (const [i, a] of (list ?? []).entries()) {
    const id = checkAccountId(a?.id, `accounts[${i}].id`);
    if (seen.has(id))
      throw new Error(`accounts[${i}].id: account ${id} is declared twice (or is the primary account)`);
    seen.add(id);
    for (const [key, secret] of Object.entries(a.credentials ?? {})) {
      if (key in credentials)
        throw new Error(`accounts[${i}].credentials: access key ${key.slice(0, 64)} is in two accounts`);
      credentials[key] = secret;
    }
    for (const [key, docs] of Object.entries(a.iamPolicies ?? {})) {
      if (!(key in (a.credentials ?? {})))
        throw new Error(
          `accounts[${i}].iamPolicies: ${key.slice(0, 64)} is not one of account ${id}'s credentials`,
        );
      iamPolicies[key] = docs;
    }
  }
  return { credentials, iamPolicies };
}
