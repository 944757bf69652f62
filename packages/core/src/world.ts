// The world file (`immut.world.yml` in the consumer's repository): every role of one
// environment with what its release needs. rebuild-the-world validates it and fans out one
// release per role. Keys are the actions' input names, so a role's settings pass straight
// through to the actions (one name for one meaning); defaults apply to every role.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { UserError } from './errors.js';
import { ENV_RULE, RESERVED_ENVS, ROLE_RULE } from './identity.js';
import { AWS_REGION, controlCharacterIn, showGiven } from './inputs.js';
import { WORLD_ROLE, checkDnsName, normalizeDnsName, roleDnsName } from './naming.js';
import { secretReason } from './secrets.js';
import { MATRIX_JOBS_LIMIT, WORLD_LIMITS } from './world-limits.js';

export { MATRIX_JOBS_LIMIT, WORLD_LIMITS } from './world-limits.js';

export const WORLD_SCHEMA = 'immut.world/v1';

/** A one-line string: no control characters. */
const oneLine = () =>
  z.string().superRefine((value, ctx) => {
    const where = controlCharacterIn(value);
    if (where) ctx.addIssue({ code: 'custom', message: `has ${where}; expected one line of text` });
  });

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `a ${prefix}-… id`);
const dnsName = z.string().superRefine((name, ctx) => {
  const problem = checkDnsName(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const flags = z
  .record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'upper-case flag names'), z.string())
  .superRefine((record, ctx) => {
    for (const [name, value] of Object.entries(record)) {
      const where = controlCharacterIn(value);
      const reason = where
        ? `its value has ${where}; a flag value is one line of text (write a multi-line value to SSM Parameter Store and pass the parameter name)`
        : secretReason(name, value);
      if (reason)
        ctx.addIssue({ code: 'custom', path: [name], message: `flag ${name} is refused: ${reason}` });
    }
  });

/** Settings a role may set, and `defaults` may set for every role. */
const settings = z
  .object({
    'base-image': z
      .string()
      .regex(/^(?:ssm:\/\S+|filter:\S.*|ami-[0-9a-f]{8,17})$/, "'ssm:/…', 'filter:…' or 'ami-…'")
      .refine((value) => controlCharacterIn(value) === undefined, 'one line of text, no control characters'),
    provision: oneLine().min(1),
    // No comma: the matrix passes the list comma-separated.
    'log-paths': z.array(z.string().regex(/^\/[^\s,]*$/, 'an absolute path or glob without commas')),
    'app-version': oneLine().min(1),
    // Workspace paths of bake-image's artifact: relative, no '..', no comma (the matrix
    // passes the list comma-separated); containment is checked again when bake-image reads them.
    artifact: z
      .array(
        oneLine()
          .min(1)
          .regex(
            /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^,]+$/,
            'a workspace path (relative, no ..) without commas',
          ),
      )
      .min(1),
    'instance-type': z.string().regex(/^[a-z][a-z0-9-]*\d[a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type'),
    count: z.number().int().min(1).max(100),
    'subnet-ids': z.array(id('subnet')).min(2, 'a load balancer needs subnets in two or more zones'),
    'security-group-ids': z.array(id('sg')).min(1),
    'lb-security-group-ids': z.array(id('sg')).min(1),
    port: z.number().int().min(1).max(65535),
    'health-check-path': z
      .string()
      .regex(/^\/\S{0,1023}$/, "a path starting with '/', without spaces or control characters"),
    'source-db': z
      .string()
      .regex(
        /^[a-zA-Z](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,62}$/,
        'an RDS DB instance or Aurora DB cluster identifier',
      ),
    // `clone`: an Aurora copy-on-write clone (replicate-data).
    from: z.string().regex(/^(?:latest-snapshot|point-in-time|new-snapshot|clone|snapshot:\S+)$/),
    'changelog-command': z.string().min(1),
    'dns-name': dnsName,
    strategy: z.enum(['swap', 'weighted']),
    steps: z.array(z.number().int().min(1).max(100)),
    flags,
  })
  .partial()
  .strict();

export type RoleSettings = z.infer<typeof settings>;

export const worldSchema = z
  .object({
    schema: z.literal(WORLD_SCHEMA),
    env: z
      .string()
      .regex(ENV_RULE.pattern, ENV_RULE.expected)
      .refine((env) => !RESERVED_ENVS.has(env), 'a reserved env name'),
    region: z.string().regex(AWS_REGION, 'an AWS region such as us-east-1'),
    /** The hosted zone the role names live in. */
    zone: dnsName,
    defaults: settings.optional(),
    roles: z
      .record(z.string().regex(ROLE_RULE.pattern, ROLE_RULE.expected), settings)
      .refine((roles) => Object.keys(roles).length > 0, 'list at least one role')
      .superRefine((roles, ctx) => {
        const count = Object.keys(roles).length;
        if (count > WORLD_LIMITS.roles)
          ctx.addIssue({
            code: 'custom',
            message: `${count} roles; at most ${WORLD_LIMITS.roles} (rebuild-the-world releases them in chunks of ${MATRIX_JOBS_LIMIT}, GitHub's limit of jobs from one matrix, each role a release of 7 jobs, and GitHub runs at most 50,000 jobs in one workflow run): split the roles over several environments, each with its own world file`,
          });
      }),
  })
  .strict();

export type World = z.infer<typeof worldSchema>;

/** What every role must end up with, from its own settings or the defaults. */
const REQUIRED_PER_ROLE = [
  'base-image',
  'provision',
  'app-version',
  'subnet-ids',
  'security-group-ids',
  'lb-security-group-ids',
] as const;

export class WorldError extends UserError {
  override name = 'WorldError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} has ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** One schema problem as `path: what is expected`. A bad record key (a role or flag name)
 *  is shown escaped, since a look-alike (Cyrillic 'а', a zero-width joiner) reads as a good one. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_key') return `${pathOf(issue.path)}: ${issue.message}`;
  // Names are ASCII by rule, so every other character is the problem: show its code point.
  const key = String(issue.path.at(-1) ?? '').replace(
    /[^\x20-\x7e]/gu,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
  const expected = issue.issues.map((inner) => inner.message).join('; ');
  return `${pathOf(issue.path.slice(0, -1))}: the name ${showGiven(key)} is refused; expected ${expected}`;
}

/** One role's release settings: defaults, then the role's own, and its DNS name. */
export interface RolePlan extends RoleSettings {
  role: string;
  env: string;
  region: string;
  zone: string;
  'dns-name': string;
}

/**
 * Parses and validates a world file. Every mistake is reported at once with its path
 * (`roles.api.subnet-ids.1: a subnet-… id`), so one edit fixes them all.
 */
export function parseWorld(text: string, file = 'immut.world.yml'): World {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > WORLD_LIMITS.fileBytes) throw new WorldError(file, [tooBig(bytes)]);
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: WORLD_LIMITS.aliases });
  } catch (error) {
    // The yaml library says "Excessive alias count indicates a resource exhaustion attack".
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new WorldError(file, [
        `too many YAML aliases (*name): at most ${WORLD_LIMITS.aliases} alias expansions, as a guard against exponential expansion (a YAML bomb); write the values out, or set shared values once under defaults`,
      ]);
    }
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    throw new WorldError(file, [`not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = worldSchema.safeParse(value);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map(describeIssue)),
    ...missingPerRole(value),
  ];
  if (problems.length > 0 || !parsed.success) throw new WorldError(file, problems);
  return parsed.data;
}

/** The problem with a world file of `bytes` bytes, over the size limit. */
export function tooBig(bytes: number): string {
  return `the file is ${bytes} bytes; at most ${WORLD_LIMITS.fileBytes} (${WORLD_LIMITS.fileBytes / 1024 / 1024} MiB) are read, which is far more than a world of ${WORLD_LIMITS.roles} roles needs; is this the right file?`;
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What each role lacks after defaults, checked on the raw file so these problems are
 * reported together with the schema's, not one round trip later.
 */
function missingPerRole(value: unknown): string[] {
  if (!isObject(value) || !isObject(value['roles'])) return [];
  const defaults = isObject(value['defaults']) ? value['defaults'] : {};
  const problems: string[] = [];
  for (const [role, own] of Object.entries(value['roles'])) {
    if (role === WORLD_ROLE) {
      problems.push(
        `roles.${role}: the role name '${WORLD_ROLE}' is reserved: its release tag would be the world release's (immut/<env>/${WORLD_ROLE}/<build>); rename the role`,
      );
    }
    const merged: Loose = { ...defaults, ...(isObject(own) ? own : {}) };
    for (const key of REQUIRED_PER_ROLE) {
      if (merged[key] === undefined)
        problems.push(`roles.${role}.${key}: required (set it on the role or in defaults)`);
    }
    const name = merged['dns-name'];
    const zone = value['zone'];
    if (typeof name === 'string' && typeof zone === 'string' && !inZone(name, zone)) {
      // Caught here, not after bake, replica and launch: cutover-dns can only change names
      // in its hosted zone (and the role's policy allows no other).
      problems.push(
        `roles.${role}.dns-name: ${showGiven(name)} is not in the zone ${showGiven(zone)}; expected the zone's name or a name ending in .${normalizeDnsName(zone)}`,
      );
    }
    if (merged['changelog-command'] !== undefined && merged['source-db'] === undefined) {
      problems.push(
        `roles.${role}.changelog-command: needs source-db (a change log is applied to a data replica)`,
      );
    }
  }
  return problems;
}

function inZone(name: string, zone: string): boolean {
  const [n, z] = [normalizeDnsName(name).toLowerCase(), normalizeDnsName(zone).toLowerCase()];
  return n === z || n.endsWith(`.${z}`);
}

/** One plan per role, sorted by role: what rebuild-the-world passes to each release. */
export function planWorld(world: World): RolePlan[] {
  return Object.entries(world.roles)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([role, own]) => ({
      ...world.defaults,
      ...own,
      role,
      env: world.env,
      region: world.region,
      zone: normalizeDnsName(world.zone),
      'dns-name': own['dns-name']
        ? normalizeDnsName(own['dns-name'])
        : roleDnsName({ role, env: world.env }, world.zone),
    }));
}

/** The world file's JSON Schema, for editors (yaml-language-server) and other tools. */
export function worldJsonSchema(): unknown {
  return z.toJSONSchema(worldSchema, { io: 'input' });
}
