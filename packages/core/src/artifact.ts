// The application artifact bake-image ships to its builder: workspace files and directories
// packed reproducibly into a tar.gz, so the same content always gives the same sha256 (the
// digest is part of the bake's fingerprint and the object's key in the staging bucket).
// Reproducible means: entries sorted by path (bytewise), every mtime fixed, owner and group
// 0 (root), modes normalised (0755 for directories and executable files, else 0644), and
// gzip without a timestamp or file name. The tar format is POSIX ustar (names up to 255
// bytes through the prefix field), written here: a header is 512 bytes of fixed fields.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from './errors.js';
import { readWorkspaceFile, resolveInWorkspace, showGiven } from './inputs.js';

// Where the builder unpacks the artifact; provision scripts find it in $IMMUT_APP_DIR.
export { ARTIFACT_APP_DIR } from './builder-protocol.js';

/** The most immut packs (the files' total size): the pack is built in memory. */
export const ARTIFACT_MAX_BYTES = 512 * 1024 * 1024;

/** Every entry's mtime: 2000-01-01T00:00:00Z (a fixed, plausible date; tar warns of none). */
export const ARTIFACT_MTIME = 946_684_800;

export interface ArtifactEntry {
  /** Path inside the pack, `/`-separated, without a trailing slash. */
  path: string;
  kind: 'file' | 'dir';
  mode: 0o644 | 0o755;
  content?: Buffer;
}

export interface PackedArtifact {
  /** The tar.gz. */
  bytes: Buffer;
  /** Hex sha256 of `bytes`. */
  sha256: string;
  size: number;
  /** The workspace paths packed, as given. */
  paths: string[];
  /** Number of files and directories in the pack. */
  entries: number;
}

export interface ArtifactRead {
  /** Input name, value and expectation, for errors. */
  input: string;
  expected: string;
  maxBytes?: number;
}

const BLOCK = 512;

function fail(read: ArtifactRead, given: string, why: string): never {
  throw new InputError([`Input '${read.input}' was ${showGiven(given)}: ${why}; expected ${read.expected}.`]);
}

/** A file or directory name that can go into a tar header and a shell safely. */
function nameProblem(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return 'has control characters or a backslash';
  return undefined;
}

interface Walk {
  workspace: string;
  read: ArtifactRead;
  given: string;
  budget: { bytes: number };
  out: ArtifactEntry[];
}

function walk(w: Walk, relative: string, packed: string): void {
  const resolved = resolveInWorkspace(w.workspace, relative);
  if (!resolved.ok) fail(w.read, w.given, `${showGiven(relative)}: ${resolved.problem}`);
  const stat = statSync(resolved.real);
  if (stat.isDirectory()) {
    w.out.push({ path: packed, kind: 'dir', mode: 0o755 });
    const names = readdirSync(resolved.real).sort();
    for (const name of names) {
      const problem = nameProblem(name);
      if (problem) fail(w.read, w.given, `${showGiven(`${relative}/${name}`)} ${problem}`);
      walk(w, path.join(relative, name), `${packed}/${name}`);
    }
    return;
  }
  if (!stat.isFile()) fail(w.read, w.given, `${showGiven(relative)} is not a regular file or directory`);
  const file = readWorkspaceFile(w.workspace, {
    input: w.read.input,
    given: w.given,
    expected: w.read.expected,
    path: relative,
    what: `file ${showGiven(relative)}`,
    maxBytes: w.budget.bytes,
  });
  w.budget.bytes -= file.content.length;
  w.out.push({ path: packed, kind: 'file', mode: file.executable ? 0o755 : 0o644, content: file.content });
}

/**
 * The entries of the given workspace paths, each packed under its own base name (`app/api`
 * → `api/…`), every path real-path contained in the workspace (a symlink leading out of it
 * is refused; one inside is followed), sorted bytewise.
 */
export function collectArtifact(
  workspace: string,
  given: readonly string[],
  read: ArtifactRead,
): ArtifactEntry[] {
  const budget = { bytes: read.maxBytes ?? ARTIFACT_MAX_BYTES };
  const out: ArtifactEntry[] = [];
  const roots = new Map<string, string>();
  for (const item of given) {
    const resolved = resolveInWorkspace(workspace, item);
    if (!resolved.ok) fail(read, item, resolved.problem);
    const base = path.basename(resolved.relative);
    if (base === '') fail(read, item, 'it is the workspace itself; name a directory or files inside it');
    const problem = nameProblem(base);
    if (problem) fail(read, item, `its name ${problem}`);
    const clash = roots.get(base);
    if (clash !== undefined) fail(read, item, `it would unpack as '${base}', like ${showGiven(clash)}`);
    roots.set(base, item);
    walk({ workspace, read, given: item, budget, out }, resolved.relative, base);
  }
  return out.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** The ustar name and prefix fields for a path, or undefined when it does not fit. */
function splitName(name: Buffer): { name: Buffer; prefix: Buffer } | undefined {
  if (name.length <= 100) return { name, prefix: Buffer.alloc(0) };
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== 0x2f) continue;
    if (i <= 155 && name.length - i - 1 <= 100 && name.length - i - 1 > 0)
      return { prefix: name.subarray(0, i), name: name.subarray(i + 1) };
  }
  return undefined;
}

/** One 512-byte ustar header. */
export function tarHeader(entry: ArtifactEntry): Buffer {
  const full = Buffer.from(entry.kind === 'dir' ? `${entry.path}/` : entry.path, 'utf8');
  const split = splitName(full);
  if (!split) throw new Error(`path '${entry.path}' is too long for a tar header (255 bytes, a name ≤ 100)`);
  const h = Buffer.alloc(BLOCK);
  split.name.copy(h, 0);
  h.write(octal(entry.mode, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(entry.kind === 'file' ? (entry.content?.length ?? 0) : 0, 12), 124, 'ascii');
  h.write(octal(ARTIFACT_MTIME, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(entry.kind === 'dir' ? '5' : '0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('root', 265, 'ascii');
  h.write('root', 297, 'ascii');
  split.prefix.copy(h, 345);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

/** The tar archive of the entries, in the order given, ending in two zero blocks. */
export function tarOf(entries: readonly ArtifactEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(tarHeader(entry));
    if (entry.kind === 'file' && entry.content && entry.content.length > 0) {
      parts.push(entry.content);
      const pad = (BLOCK - (entry.content.length % BLOCK)) % BLOCK;
      if (pad > 0) parts.push(Buffer.alloc(pad));
    }
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

/** The workspace paths packed: tar.gz bytes, their sha256 and size. */
export function packArtifact(
  workspace: string,
  given: readonly string[],
  read: ArtifactRead,
): PackedArtifact {
  const entries = collectArtifact(workspace, given, read);
  for (const e of entries) {
    if (!splitName(Buffer.from(e.kind === 'dir' ? `${e.path}/` : e.path)))
      fail(
        read,
        given.join(', '),
        `the path ${showGiven(e.path)} is too long for the pack (255 bytes, a last part ≤ 100)`,
      );
  }
  // Node's gzip writes no name and mtime 0: the same tar gives the same bytes.
  const bytes = gzipSync(tarOf(entries), { level: 9 });
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    paths: [...given],
    entries: entries.length,
  };
}

/** The image tags that record its artifact (tag-release reads them into the manifest). */
export const ARTIFACT_TAGS = {
  sha256: 'immut:artifact',
  size: 'immut:artifact-size',
  paths: 'immut:artifact-paths',
} as const;

/** AWS's tag value limit: the paths tag keeps the whole paths that fit, then `…`. */
const TAG_VALUE_MAX = 256;

function pathsTag(paths: readonly string[]): string {
  const all = paths.join(',');
  if (all.length <= TAG_VALUE_MAX) return all;
  let kept = '';
  for (const p of paths) {
    const next = kept === '' ? p : `${kept},${p}`;
    if (next.length > TAG_VALUE_MAX - 2) break;
    kept = next;
  }
  return `${kept},…`;
}

export function artifactTags(
  artifact: Pick<PackedArtifact, 'sha256' | 'size' | 'paths'>,
): Record<string, string> {
  return {
    [ARTIFACT_TAGS.sha256]: artifact.sha256,
    [ARTIFACT_TAGS.size]: String(artifact.size),
    [ARTIFACT_TAGS.paths]: pathsTag(artifact.paths),
  };
}

/** The artifact an image's tags record, or undefined when they record none (or not wholly). */
export function artifactFromTags(
  tags: Readonly<Record<string, string>>,
): { sha256: string; size: number; paths: string[] } | undefined {
  const sha256 = tags[ARTIFACT_TAGS.sha256];
  const size = Number(tags[ARTIFACT_TAGS.size]);
  const paths = (tags[ARTIFACT_TAGS.paths] ?? '').split(',').filter((p) => p !== '');
  if (
    !sha256 ||
    !/^[0-9a-f]{64}$/.test(sha256) ||
    !Number.isSafeInteger(size) ||
    size < 1 ||
    paths.length === 0
  )
    return undefined;
  return { sha256, size, paths };
}
