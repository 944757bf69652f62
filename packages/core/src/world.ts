// The world file (`immut.world.yml` in the consumer's repository): every role of one
// environment with what its release needs. rebuild-the-world validates it and fans out one
// release per role. Keys are the actions' input names, so a role's settings pass straight
// through to the actions (one name for one meaning); defaults apply to every role.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { UserError } from './errors.js';
import { ENV_RULE, RESERVED_ENVS, ROLE_RULE } from './identity.js';
import { AWS_REGION } from './inputs.js';
import { WORLD_ROLE, checkDnsName, normalizeDnsName, roleDnsName } from './naming.js';
import { secretReason } from './secrets.js';

export const WORLD_SCHEMA = 'immut.world/v1';

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `a ${prefix}-… id`);
const dnsName = z.string().superRefine((name, ctx) => {
  const problem = checkDnsName(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const flags = z
  .record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'upper-case flag names'), z.string())
  .superRefine((record, ctx) => {
    for (const [name, value] of Object.entries(record)) {
      const reason = secretReason(name, value);
      if (reason)
        ctx.addIssue({ code: 'custom', path: [name], message: `flag ${name} is refused: ${reason}` });
    }
  });

/** Settings a role may set, and `defaults` may set for every role. */
const settings = z
  .object({
    'base-image': z
      .string()
      .regex(/^(?:ssm:\/\S+|filter:\S.*|ami-[0-9a-f]{8,17})$/, "'ssm:/…', 'filter:…' or 'ami-…'"),
    provision: z.string().min(1),
    'log-paths': z.array(z.string().regex(/^\/\S*$/, 'an absolute path or glob')),
    'app-version': z.string().min(1),
    'instance-type': z.string().regex(/^[a-z][a-z0-9-]*\d[a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type'),
    count: z.number().int().min(1).max(100),
    'subnet-ids': z.array(id('subnet')).min(2, 'a load balancer needs subnets in two or more zones'),
    'security-group-ids': z.array(id('sg')).min(1),
    'lb-security-group-ids': z.array(id('sg')).min(1),
    port: z.number().int().min(1).max(65535),
    'health-check-path': z.string().regex(/^\//, "a path starting with '/'"),
    'source-db': z
      .string()
      .regex(/^[a-zA-Z](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,62}$/, 'an RDS DB instance identifier'),
    from: z.string().regex(/^(?:latest-snapshot|point-in-time|new-snapshot|snapshot:\S+)$/),
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
      .refine((roles) => Object.keys(roles).length > 0, 'list at least one role'),
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
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    throw new WorldError(file, [`not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = worldSchema.safeParse(value);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${pathOf(issue.path)}: ${issue.message}`)),
    ...missingPerRole(value),
  ];
  if (problems.length > 0 || !parsed.success) throw new WorldError(file, problems);
  return parsed.data;
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
    if (merged['changelog-command'] !== undefined && merged['source-db'] === undefined) {
      problems.push(
        `roles.${role}.changelog-command: needs source-db (a change log is applied to a data replica)`,
      );
    }
  }
  return problems;
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
