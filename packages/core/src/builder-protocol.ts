// The builder protocol: the contract between bake-image and the builder instance it
// launches. bake-image renders the builder's user data here; the builder (cloud-init runs
// it once, as root) applies OS updates, runs the role's provisioning script, installs the
// logging integration, prints start/success/failure markers on the serial console and
// powers off — by itself, and at the latest at its self-destruct deadline. bake-image
// then reads the console to learn the outcome. The sandbox recognises builders through
// `parseBuilderUserData` and then runs the rendered script for real, in Linux namespaces,
// so both sides share one definition and every bake test executes the script.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
// One quoting function for every value in user data (launch-behind-lb's too).
import { quote as shellQuote } from './quoting.js';

/** Bump whenever the rendered script changes meaning; it is part of every fingerprint. */
export const BUILDER_PROTOCOL_VERSION = 1;

/** EC2's limit on user data, in bytes after base64 decoding (RunInstances docs). */
export const USER_DATA_LIMIT_BYTES = 16_384;

/** Console markers; each is followed by the bake id, so output of another bake never counts. */
export const BAKE_MARKERS = {
  start: 'IMMUT-BAKE-START',
  success: 'IMMUT-BAKE-SUCCESS',
  failure: 'IMMUT-BAKE-FAILED',
} as const;

/** The builder's steps, in order, as named in step lines and failure markers. */
export const BUILDER_STEPS = ['os-updates', 'provision', 'logging', 'seal'] as const;
export type BuilderStep = (typeof BUILDER_STEPS)[number];

/** Prefix of the line the script prints when it enters a step. */
export const STEP_LINE_PREFIX = '==> immut step:';

/** Minutes the builder may outlive the bake's own timeout before it powers itself off. */
export const SELF_DESTRUCT_MARGIN_MINUTES = 5;

/** Where the shipped files and the script land on the builder (removed before imaging). */
export const BUILDER_WORK_DIR = '/opt/immut/provision';

/** Where the application artifact is unpacked ($IMMUT_APP_DIR; kept in the image). */
export const ARTIFACT_APP_DIR = '/opt/immut/app';

/** Printed (with the bake id and a reason) when the artifact cannot be fetched or verified. */
export const ARTIFACT_FAILURE_MARKER = 'IMMUT-ARTIFACT-FAILED';

/** The name of the artifact step in step lines and failure markers (it is not one of
 *  BUILDER_STEPS: only bakes with an artifact have it, before the OS updates). */
export const ARTIFACT_STEP = 'artifact';

const HEADER_PREFIX = '# immut-builder: ';
const FILE_NAME = /^[A-Za-z0-9._-]+$/;
const FILE_PATH = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
const BAKE_ID = /^[a-z0-9-]{8,64}$/;

export interface ShippedFile {
  /** Relative path below the files directory, `/`-separated. */
  path: string;
  /** Unix permission bits, 0o644 or 0o755. */
  mode: number;
  content: Buffer;
}

/** Everything the builder script is rendered from; all of it is recoverable from the script. */
export interface BuilderSpec {
  /** Identifies one bake in console markers (stable across re-runs of one workflow run). */
  bakeId: string;
  /** The builder powers itself off this many minutes after boot, whatever happens. */
  selfDestructMinutes: number;
  role: string;
  env: string;
  appVersion?: string;
  /** Log files the logging integration ships (absolute paths or globs). */
  logPaths: readonly string[];
  /** The provisioning script: its file name and bytes. */
  script: { name: string; content: Buffer };
  /** Files shipped with the script, sorted by path. */
  files: readonly ShippedFile[];
  /** The application artifact: fetched from `url` (a presigned S3 GET; no credentials on
   *  the builder), checked against `sha256` before anything runs, unpacked to $IMMUT_APP_DIR. */
  artifact?: BuilderArtifact;
}

export interface BuilderArtifact {
  url: string;
  /** Hex sha256 of the tar.gz. */
  sha256: string;
  size: number;
}

/** The CloudWatch Logs group the logging integration ships to. */
export function logGroupName(role: string, env: string): string {
  return `/immut/${env}/${role}`;
}

/** The self-destruct deadline for a bake with this timeout: the timeout plus a margin. */
export function selfDestructMinutes(timeoutMs: number): number {
  return Math.ceil(timeoutMs / 60_000) + SELF_DESTRUCT_MARGIN_MINUTES;
}

/** Problems with a spec that would make the script unsafe or ambiguous; [] when fine. */
export function checkBuilderSpec(spec: BuilderSpec): string[] {
  const problems: string[] = [];
  if (!BAKE_ID.test(spec.bakeId)) problems.push(`bake id '${spec.bakeId}' is not [a-z0-9-]{8,64}`);
  if (!Number.isInteger(spec.selfDestructMinutes) || spec.selfDestructMinutes < 1)
    problems.push(`self-destruct deadline must be a whole number of minutes ≥ 1`);
  if (!FILE_NAME.test(spec.script.name))
    problems.push(`script name '${spec.script.name}' may only use letters, digits, '.', '_' and '-'`);
  for (const file of spec.files) {
    if (!FILE_PATH.test(file.path) || file.path.split('/').some((part) => part === '..' || part === '.'))
      problems.push(`shipped file '${file.path}' may only use letters, digits, '.', '_', '-' and '/'`);
    if (file.mode !== 0o644 && file.mode !== 0o755) problems.push(`shipped file '${file.path}' mode`);
  }
  for (const path of spec.logPaths) {
    if (!path.startsWith('/') || /[\s'"\\]/.test(path))
      problems.push(`log path '${path}' must be absolute, without spaces, quotes or backslashes`);
  }
  if (spec.artifact) {
    const { url, sha256, size } = spec.artifact;
    // eslint-disable-next-line no-control-regex
    if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/.test(url))
      problems.push('artifact URL must be http(s) without spaces');
    if (!/^[0-9a-f]{64}$/.test(sha256)) problems.push('artifact sha256 must be 64 hex digits');
    if (!Number.isSafeInteger(size) || size < 1) problems.push('artifact size must be a positive integer');
  }
  return problems;
}

function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}

function unpackBlock(index: number, mode: number, target: string, content: Buffer): string[] {
  const delimiter = `IMMUT_FILE_${index}`;
  const body = base64Lines(content);
  return [
    `immut_unpack ${mode.toString(8).padStart(4, '0')} ${shellQuote(target)} <<'${delimiter}'`,
    ...(body === '' ? [] : [body]),
    delimiter,
  ];
}

interface Header {
  protocol: number;
  bake: string;
  selfDestructMinutes: number;
  role: string;
  env: string;
  appVersion: string | null;
  logPaths: string[];
  script: string;
  files: Array<{ path: string; mode: number }>;
  artifact?: BuilderArtifact;
}

function headerOf(spec: BuilderSpec): Header {
  return {
    protocol: BUILDER_PROTOCOL_VERSION,
    bake: spec.bakeId,
    selfDestructMinutes: spec.selfDestructMinutes,
    role: spec.role,
    env: spec.env,
    appVersion: spec.appVersion ?? null,
    logPaths: [...spec.logPaths],
    script: spec.script.name,
    files: spec.files.map((f) => ({ path: f.path, mode: f.mode })),
    ...(spec.artifact ? { artifact: { ...spec.artifact } } : {}),
  };
}

/** The CloudWatch agent configuration that ships `logPaths` (JSON, one line). */
function cloudWatchAgentConfig(spec: BuilderSpec): string {
  return JSON.stringify({
    agent: { run_as_user: 'root' },
    logs: {
      logs_collected: {
        files: {
          collect_list: spec.logPaths.map((path) => ({
            file_path: path,
            log_group_name: logGroupName(spec.role, spec.env),
            log_stream_name: '{instance_id}',
          })),
        },
      },
    },
  });
}

/** What the image records about itself (no run-specific values, so identical bakes match). */
function imageMetadata(spec: BuilderSpec): string {
  return JSON.stringify({
    bakedBy: 'immut',
    protocol: BUILDER_PROTOCOL_VERSION,
    role: spec.role,
    env: spec.env,
    appVersion: spec.appVersion ?? null,
    logPaths: spec.logPaths,
    logGroup: spec.logPaths.length > 0 ? logGroupName(spec.role, spec.env) : null,
    ...(spec.artifact ? { artifact: { sha256: spec.artifact.sha256, size: spec.artifact.size } } : {}),
  });
}

/**
 * The artifact step: download with retries (curl retries timeouts and 408/429/5xx; a 403
 * for an expired or forged URL fails at once), check the sha256 before anything from the
 * pack runs, unpack to $IMMUT_APP_DIR. Any failure prints the artifact marker and ends the
 * script (set -e), so the bake fails with step=artifact and no image.
 */
function artifactLines(artifact: BuilderArtifact): string[] {
  const fail = (reason: string) => `echo "${ARTIFACT_FAILURE_MARKER} $IMMUT_BAKE reason=${reason}"`;
  return [
    'immut_fetch_artifact() {',
    '  local pack=/var/tmp/immut-artifact.tar.gz got',
    '  rm -f "$pack"',
    '  if ! curl -fsS --retry 5 --retry-delay 2 --retry-connrefused --connect-timeout 10 --max-time 900 -o "$pack" "$1"; then',
    `    ${fail('download (the presigned URL may have expired, or S3 refused it)')}`,
    '    return 1',
    '  fi',
    '  got=$(sha256sum "$pack" | cut -d " " -f 1)',
    '  if [ "$got" != "$2" ]; then',
    `    ${fail('digest expected=$2 got=$got')}`,
    '    rm -f "$pack"',
    '    return 1',
    '  fi',
    '  mkdir -p "$IMMUT_APP_DIR"',
    '  tar -xzf "$pack" -C "$IMMUT_APP_DIR" --no-same-owner',
    '  rm -f "$pack"',
    '  echo "immut: artifact $2 unpacked to $IMMUT_APP_DIR"',
    '}',
    `immut_fetch_artifact ${shellQuote(artifact.url)} ${shellQuote(artifact.sha256)}`,
  ];
}

/**
 * The builder's user data script. Deterministic: the same spec gives the same bytes, so a
 * re-run's RunInstances with the same ClientToken matches the first attempt's.
 */
export function renderBuilderScript(spec: BuilderSpec): string {
  const problems = checkBuilderSpec(spec);
  if (problems.length > 0) throw new Error(`invalid builder spec: ${problems.join('; ')}`);
  const step = (name: BuilderStep, detail = '') =>
    [`immut_step=${name}`, `echo ${shellQuote(`${STEP_LINE_PREFIX} ${name}${detail}`)}`].join('\n');
  const files = spec.files.flatMap((f, i) => unpackBlock(i + 1, f.mode, `files/${f.path}`, f.content));
  const logging =
    spec.logPaths.length === 0
      ? ['echo "immut: no log paths given; no logging integration installed"']
      : [
          'immut_install_cloudwatch_agent',
          'mkdir -p /opt/aws/amazon-cloudwatch-agent/etc',
          "cat > /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json <<'IMMUT_JSON'",
          cloudWatchAgentConfig(spec),
          'IMMUT_JSON',
          // Translate the config now; the agent starts on the image's instances, not here.
          '/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json',
          'systemctl enable amazon-cloudwatch-agent',
        ];
  const artifact = spec.artifact
    ? [
        `immut_step=${ARTIFACT_STEP}`,
        `echo ${shellQuote(`${STEP_LINE_PREFIX} ${ARTIFACT_STEP} (sha256 ${spec.artifact.sha256}, ${spec.artifact.size} bytes)`)}`,
        `IMMUT_APP_DIR=${ARTIFACT_APP_DIR}`,
        ...artifactLines(spec.artifact),
      ]
    : [];
  const appDirEnv = spec.artifact ? ' IMMUT_APP_DIR="$IMMUT_APP_DIR"' : '';
  const lines = [
    '#!/bin/bash',
    `${HEADER_PREFIX}${JSON.stringify(headerOf(spec))}`,
    `# Rendered by immut bake-image (builder protocol v${BUILDER_PROTOCOL_VERSION}). cloud-init runs it once, as root.`,
    '# It always ends by powering the builder off; bake-image reads the outcome from the console.',
    // First of all, so that nothing below (a hung package mirror, a stuck script) can keep
    // the builder running after the bake has given up on it, even if the runner died.
    `shutdown -h +${spec.selfDestructMinutes} 'immut: bake deadline reached, powering off' || true`,
    'exec > >(tee -a /var/log/immut-bake.log /dev/console) 2>&1',
    'set -euo pipefail',
    `IMMUT_BAKE=${shellQuote(spec.bakeId)}`,
    `IMMUT_DIR=${BUILDER_WORK_DIR}`,
    'immut_step=start',
    'immut_finish() {',
    '  local code=$?',
    '  trap - EXIT',
    '  if [ "$code" -eq 0 ] && [ "$immut_step" = done ]; then',
    `    echo "${BAKE_MARKERS.success} $IMMUT_BAKE"`,
    '  else',
    `    echo "${BAKE_MARKERS.failure} $IMMUT_BAKE step=$immut_step exit=$code"`,
    '  fi',
    '  sync; sleep 2', // let tee drain to the console before the power goes
    '  poweroff',
    '}',
    'trap immut_finish EXIT',
    'immut_unpack() { mkdir -p "$(dirname "$IMMUT_DIR/$2")"; base64 -d > "$IMMUT_DIR/$2"; chmod "$1" "$IMMUT_DIR/$2"; }',
    'immut_install_cloudwatch_agent() {',
    '  if command -v dnf >/dev/null 2>&1; then dnf install -y amazon-cloudwatch-agent',
    '  elif command -v yum >/dev/null 2>&1; then yum install -y amazon-cloudwatch-agent',
    '  elif command -v apt-get >/dev/null 2>&1; then',
    '    curl -fsSL -o /tmp/amazon-cloudwatch-agent.deb "https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/$(dpkg --print-architecture)/latest/amazon-cloudwatch-agent.deb"',
    '    dpkg -i /tmp/amazon-cloudwatch-agent.deb && rm -f /tmp/amazon-cloudwatch-agent.deb',
    '  else echo "immut: no supported package manager (dnf, yum, apt-get)"; return 1; fi',
    '}',
    `echo "${BAKE_MARKERS.start} $IMMUT_BAKE protocol=${BUILDER_PROTOCOL_VERSION} role=${spec.role} env=${spec.env}"`,
    ...artifact,
    step('os-updates'),
    'if command -v dnf >/dev/null 2>&1; then dnf -y upgrade --refresh',
    'elif command -v yum >/dev/null 2>&1; then yum -y update',
    'elif command -v apt-get >/dev/null 2>&1; then',
    '  export DEBIAN_FRONTEND=noninteractive',
    '  apt-get update && apt-get -y -o Dpkg::Options::=--force-confold dist-upgrade',
    'else echo "immut: no supported package manager (dnf, yum, apt-get)"; false; fi',
    step('provision', ` (${spec.script.name}, ${spec.files.length} shipped file(s))`),
    'mkdir -p "$IMMUT_DIR/files"',
    ...unpackBlock(0, 0o755, spec.script.name, spec.script.content),
    ...files,
    [
      `(cd "$IMMUT_DIR" && IMMUT_FILES="$IMMUT_DIR/files" IMMUT_ROLE=${shellQuote(spec.role)}`,
      `IMMUT_ENV=${shellQuote(spec.env)} IMMUT_APP_VERSION=${shellQuote(spec.appVersion ?? '')}${appDirEnv}`,
      `./${spec.script.name})`,
    ].join(' '),
    step(
      'logging',
      spec.logPaths.length > 0
        ? ` (${spec.logPaths.length} path(s) -> ${logGroupName(spec.role, spec.env)})`
        : '',
    ),
    ...logging,
    step('seal'),
    'mkdir -p /etc/immut',
    "cat > /etc/immut/image.json <<'IMMUT_JSON'",
    imageMetadata(spec),
    'IMMUT_JSON',
    'rm -rf "$IMMUT_DIR"',
    // Instances launched from the image then run cloud-init as on a first boot.
    'cloud-init clean || true',
    'immut_step=done',
    '',
  ];
  return lines.join('\n');
}

export interface EncodedUserData {
  /** The bytes EC2 gets (base64-encoded in the RunInstances call). */
  bytes: Buffer;
  compressed: boolean;
  /** Size of the uncompressed script. */
  scriptBytes: number;
}

/**
 * The script as user data: gzip-compressed when that makes it smaller (cloud-init detects
 * and unpacks gzip user data). Node's gzip output is deterministic (mtime 0).
 */
export function encodeUserData(script: string): EncodedUserData {
  const raw = Buffer.from(script, 'utf8');
  const gz = gzipSync(raw, { level: 9 });
  return gz.length < raw.length
    ? { bytes: gz, compressed: true, scriptBytes: raw.length }
    : { bytes: raw, compressed: false, scriptBytes: raw.length };
}

function decodeUserData(bytes: Buffer): string | undefined {
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    return raw.toString('utf8');
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is Header {
  const h = value as Header;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.protocol === BUILDER_PROTOCOL_VERSION &&
    typeof h.bake === 'string' &&
    typeof h.selfDestructMinutes === 'number' &&
    typeof h.role === 'string' &&
    typeof h.env === 'string' &&
    (h.appVersion === null || typeof h.appVersion === 'string') &&
    Array.isArray(h.logPaths) &&
    h.logPaths.every((p) => typeof p === 'string') &&
    typeof h.script === 'string' &&
    Array.isArray(h.files) &&
    h.files.every((f) => typeof f?.path === 'string' && typeof f?.mode === 'number') &&
    (h.artifact === undefined ||
      (typeof h.artifact === 'object' &&
        h.artifact !== null &&
        typeof h.artifact.url === 'string' &&
        typeof h.artifact.sha256 === 'string' &&
        typeof h.artifact.size === 'number'))
  );
}

/**
 * The spec a builder's user data was rendered from, or undefined when the user data does
 * not follow this protocol version. Recognition is strict: the spec is rebuilt from the
 * header and the embedded files, rendered again, and must reproduce the user data byte
 * for byte — so a marker line pasted into some other script is never taken for a builder.
 */
export function parseBuilderUserData(bytes: Buffer): BuilderSpec | undefined {
  const script = decodeUserData(bytes);
  if (script === undefined) return undefined;
  const headerLine = script.split('\n', 2)[1];
  if (!headerLine?.startsWith(HEADER_PREFIX)) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(headerLine.slice(HEADER_PREFIX.length));
  } catch {
    return undefined;
  }
  if (!isHeader(header)) return undefined;
  const contents = new Map<number, Buffer>();
  for (const [, index, body] of script.matchAll(
    /<<'IMMUT_FILE_(\d+)'\n([A-Za-z0-9+/=\n]*?)\n?IMMUT_FILE_\1\n/g,
  )) {
    contents.set(Number(index), Buffer.from((body ?? '').replace(/\n/g, ''), 'base64'));
  }
  const scriptContent = contents.get(0);
  if (scriptContent === undefined) return undefined;
  const files: ShippedFile[] = [];
  for (const [i, file] of header.files.entries()) {
    const content = contents.get(i + 1);
    if (content === undefined) return undefined;
    files.push({ path: file.path, mode: file.mode, content });
  }
  const spec: BuilderSpec = {
    bakeId: header.bake,
    selfDestructMinutes: header.selfDestructMinutes,
    role: header.role,
    env: header.env,
    ...(header.appVersion === null ? {} : { appVersion: header.appVersion }),
    logPaths: header.logPaths,
    script: { name: header.script, content: scriptContent },
    files,
    ...(header.artifact
      ? { artifact: { url: header.artifact.url, sha256: header.artifact.sha256, size: header.artifact.size } }
      : {}),
  };
  if (checkBuilderSpec(spec).length > 0) return undefined;
  return renderBuilderScript(spec) === script ? spec : undefined;
}

export type BakeOutcome =
  { outcome: 'success' } | { outcome: 'failure'; step: string; exitCode: string } | { outcome: 'unknown' };

/**
 * The outcome a builder reported on its console: its last marker for this bake. Markers
 * may carry a console prefix (timestamps, `cloud-init[…]:`), so they are found anywhere in
 * a line; another bake's markers (a different id) never count.
 */
export function readBakeOutcome(consoleText: string, bakeId: string): BakeOutcome {
  const id = bakeId.replace(/[^a-z0-9-]/g, '');
  const pattern = new RegExp(
    `(${BAKE_MARKERS.success}|${BAKE_MARKERS.failure}) ${id}(?: step=(\\S+) exit=(\\S+))?\\s*$`,
  );
  let outcome: BakeOutcome = { outcome: 'unknown' };
  for (const line of consoleText.split(/\r?\n/)) {
    const match = pattern.exec(line);
    if (!match) continue;
    outcome =
      match[1] === BAKE_MARKERS.success
        ? { outcome: 'success' }
        : { outcome: 'failure', step: match[2] ?? 'unknown', exitCode: match[3] ?? 'unknown' };
  }
  return outcome;
}

/** The last `lines` non-empty lines of console output, for error messages. */
export function consoleTail(consoleText: string, lines = 25): string[] {
  return consoleText
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0)
    .slice(-lines);
}

/** A short, stable id for one bake: the same workflow run and fingerprint give the same id. */
export function bakeIdFor(runKey: string, fingerprint: string): string {
  const hash = createHash('sha256').update(`${runKey}\0${fingerprint}`).digest('hex');
  return `${fingerprint.slice(0, 8)}-${hash.slice(0, 12)}`;
}
