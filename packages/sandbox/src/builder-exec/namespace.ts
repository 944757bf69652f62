// The isolation of a builder: `unshare` puts bash in new user, mount, pid and UTS namespaces;
// setup-script.ts builds the scratch root there and pivots into it. The network namespace is
// shared on purpose: the builder reaches the sandbox (its S3, presigned URLs) on 127.0.0.1.
//
// Root of the namespace is NOT root of the host. When the sandbox runs as root, the host
// writes the namespace's uid/gid maps itself (what newuidmap would do): namespace ids 0–65535
// are host ids 100000–165535, so a file the host's root owns is "nobody" inside and cannot be
// written, even if a script remounted a read-only bind writable. Run as another user, the
// namespace maps only that user to root (unshare --map-root-user); chown to other users then
// fails inside. Either way nothing of the host is mounted writable, and the host's root is
// detached after the pivot.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';

/** Host uid/gid of the namespace's root when the sandbox runs as root, and how many ids follow. */
export const SCRATCH_ID_BASE = 100_000;
export const SCRATCH_ID_COUNT = 65_536;

const isRoot = (): boolean => process.getuid?.() === 0;

/** The owner the scratch root must have for the namespace's root to write it. */
export function scratchOwner(): { uid: number; gid: number } {
  return isRoot()
    ? { uid: SCRATCH_ID_BASE, gid: SCRATCH_ID_BASE }
    : { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
}

const UNSHARE_FLAGS = [
  '--user',
  '--mount',
  '--pid',
  '--uts',
  '--fork',
  '--kill-child',
  '--propagation',
  'private',
];

const probed = new Map<string, string | undefined>();

/**
 * Why builders cannot run here (undefined when they can): probes once that this host can
 * create the namespaces and mount in them. Builders never fall back to a simulation.
 */
export function isolationProblem(unshare = 'unshare'): string | undefined {
  if (probed.has(unshare)) return probed.get(unshare);
  // The probe maps this user to root the simple way; builders map as startIsolated says.
  const probe = spawnSync(
    unshare,
    ['--map-root-user', ...UNSHARE_FLAGS, 'bash', '-c', 'mount -t tmpfs tmpfs /tmp && echo ok'],
    { encoding: 'utf8', timeout: 10_000 },
  );
  const problem =
    probe.status === 0 && probe.stdout.trim() === 'ok'
      ? undefined
      : `the sandbox runs builder scripts in Linux user+mount+pid namespaces (unshare from util-linux, ` +
        `user namespaces enabled), and this host cannot create them: ${
          probe.error?.message ?? (probe.stderr.trim() || `unshare exited with ${probe.status}`)
        }. See packages/sandbox/README.md "Builders".`;
  probed.set(unshare, problem);
  return problem;
}

/** Process ids of `pid`'s children (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The pid namespace a process is in (`pid:[inode]`), or undefined when it is gone. */
function pidNamespace(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return undefined;
  }
}

export interface Isolated {
  child: ChildProcess;
  /** Kills everything in the namespace (the forked init dies, and the kernel ends the rest). */
  kill(): void;
}

/**
 * Starts `setupScript` (a host path) in fresh namespaces with `args`. The builder's console
 * is the child's stdout and stderr. Fails only through the child (exit status, stderr).
 */
export function startIsolated(setupScript: string, args: string[]): Isolated {
  const root = isRoot();
  const child = spawn(
    'unshare',
    [...(root ? ['--keep-caps'] : ['--map-root-user']), ...UNSHARE_FLAGS, 'bash', setupScript, ...args],
    { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } },
  );
  const handshake = child.stdio[3] as NodeJS.ReadWriteStream | null;
  // The namespace's init (unshare's forked child) and its pid namespace, known once it says it
  // is ready: a pid is killed later only while it is still in that namespace (never a reused pid).
  let init: Array<{ pid: number; ns: string | undefined }> = [];
  if (handshake) {
    handshake.once('data', () => {
      if (child.pid !== undefined)
        init = childrenOf(child.pid).map((pid) => ({ pid, ns: pidNamespace(pid) }));
      // The child has unshared (it says so after the syscall): map its ids, then let it go on.
      try {
        if (root && child.pid !== undefined) {
          const map = `0 ${SCRATCH_ID_BASE} ${SCRATCH_ID_COUNT}\n`;
          writeFileSync(`/proc/${child.pid}/uid_map`, map);
          writeFileSync(`/proc/${child.pid}/gid_map`, map);
        }
        handshake.write('go\n');
      } catch {
        child.kill('SIGKILL');
      }
    });
    handshake.on('error', () => undefined);
  }
  return {
    child,
    kill() {
      // The namespace's init is unshare's child; killing it ends every process in the pid
      // namespace. (unshare's --kill-child alone is not enough: becoming root of the
      // namespace clears the parent-death signal.)
      const alive = child.exitCode === null && child.signalCode === null && child.pid !== undefined;
      const ours = init.filter((p) => p.ns !== undefined && pidNamespace(p.pid) === p.ns).map((p) => p.pid);
      for (const pid of new Set([...ours, ...(alive ? childrenOf(child.pid!) : [])])) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (alive) child.kill('SIGKILL');
    },
  };
}
