// A builder's control channel: the only way its shims reach the sandbox. One HTTP server per
// builder on a loopback port; its port and a random token are in the builder's own control
// directory (bind-mounted into its root at /run/immut-sandbox/control), so only that builder
// can ask anything of it. The shims speak HTTP through bash's /dev/tcp (no process to start:
// a shim call costs about a millisecond). Requests block for as long as the answer takes (a
// sleep until the sandbox clock reaches its end).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ControlAnswer {
  status: number;
  body: string;
}

/** What the shims may ask of their builder (run.ts implements it). */
export interface ControlTarget {
  /** `sleep ARGS` on the builder's clock. */
  sleep(args: string): Promise<ControlAnswer>;
  /** A package manager's simulated work: `package-upgrade`, or `package-install` of `count`. */
  work(kind: string, count: number): Promise<ControlAnswer>;
  poweroff(how: string): ControlAnswer;
  /** `shutdown +minutes message`: the self-destruct timer. */
  schedule(minutes: string, message: string): ControlAnswer;
  cancelShutdown(): ControlAnswer;
  /** Whether a file of the builder's root (an absolute path inside it) holds JSON. */
  checkJson(path: string): ControlAnswer;
  /** Any request at all: the script is alive and talking. */
  touched(): void;
}

async function route(target: ControlTarget, url: URL, token: string): Promise<ControlAnswer> {
  const q = url.searchParams;
  if (q.get('t') !== token) return { status: 403, body: 'sandbox: not this builder\n' };
  target.touched();
  switch (url.pathname) {
    case '/sleep':
      return target.sleep(q.get('for') ?? '');
    case '/wait':
      return target.work(q.get('for') ?? '', Number(q.get('count') ?? '1') || 1);
    case '/poweroff':
      return target.poweroff(q.get('how') ?? 'poweroff');
    case '/shutdown':
      return target.schedule(q.get('minutes') ?? '', q.get('message') ?? '');
    case '/shutdown-cancel':
      return target.cancelShutdown();
    case '/check-json':
      return target.checkJson(q.get('path') ?? '');
    default:
      return { status: 404, body: `sandbox: no such builder request ${url.pathname}\n` };
  }
}

/** Listens on a loopback port and writes `PORT TOKEN` to `dir`/endpoint for the shims. */
export async function listenControl(dir: string, target: ControlTarget): Promise<Server> {
  const token = randomBytes(16).toString('hex');
  const server = createServer((req, res) => {
    void route(target, new URL(req.url ?? '/', 'http://builder'), token)
      .catch((e: unknown) => ({ status: 500, body: `sandbox: ${(e as Error).message}\n` }))
      .then((answer) => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(answer.body);
      });
  });
  // Long polls: a sleep may last as long as the sandbox clock needs.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  writeFileSync(path.join(dir, 'endpoint'), `${port} ${token}\n`, { mode: 0o644 });
  return server;
}

/** Closes the server and every connection it still holds (blocked sleeps). */
export function closeControl(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
