// The IAM policies immut's actions need, as data next to the code that makes the calls
// (actions/<a>/permissions.ts), and what is rendered from them: the policy documents with
// placeholders (action-docs/), concrete policies for one account (`npm run iam`, the
// sandbox), and the CloudFormation template of a GitHub OIDC role.
//
// A statement's resources are ARN templates with placeholders (`${Region}`, …). Filling
// them: a placeholder with several values (regions, zones, record names, …) expands the
// template once per value; a resource whose list placeholder has no value is left out, and
// a statement left with no resource, or whose conditions need a value that was not given,
// is left out whole, never widened. `${Env}` is the one optional scalar: absent, it is `*`
// in a resource and the conditions on it are dropped (the managed-by ones remain).
import { MANAGED_BY_VALUE, TAG } from './tags.js';

export const PLACEHOLDERS = [
  'Partition',
  'Region',
  'Account',
  'Env',
  'InstanceRoleArn',
  'SsmParameterPrefix',
  'HostedZoneId',
  'RecordName',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type ConditionOperator =
  | 'StringEquals'
  | 'StringLike'
  | 'Bool'
  | 'ForAllValues:StringEquals'
  | 'ForAllValues:StringLike'
  | 'ForAllValues:StringNotLike';
export type Conditions = Partial<Record<ConditionOperator, Record<string, readonly string[]>>>;

export interface IamStatement {
  /** Unique within the action; letters and digits (IAM's Sid rule). */
  sid: string;
  actions: readonly string[];
  /** ARN templates, or `['*']` where AWS offers no resource-level permission. */
  resources: readonly string[];
  conditions?: Conditions;
  /** One sentence: why immut needs it, and what the scoping leaves possible. */
  why: string;
  /** Which module and function make these calls, e.g. `retire.ts: retireInstances`. */
  calls: string;
}

export type GithubPermissions = Readonly<Record<string, 'read' | 'write'>>;

export interface ActionPermissions {
  iam: readonly IamStatement[];
  github?: GithubPermissions;
}

/** Checks the shape of an action's permissions once, where they are declared. */
export function definePermissions(permissions: ActionPermissions): ActionPermissions {
  const sids = new Set<string>();
  for (const s of permissions.iam) {
    if (!/^[A-Za-z0-9]+$/.test(s.sid)) throw new Error(`statement sid '${s.sid}' must be letters and digits`);
    if (sids.has(s.sid)) throw new Error(`statement sid '${s.sid}' is used twice`);
    sids.add(s.sid);
    if (s.actions.length === 0 || s.resources.length === 0) throw new Error(`statement ${s.sid} is empty`);
    for (const placeholder of placeholdersIn([...s.resources, ...conditionValues(s.conditions)])) {
      if (!(PLACEHOLDERS as readonly string[]).includes(placeholder)) {
        throw new Error(`statement ${s.sid}: unknown placeholder \${${placeholder}}`);
      }
    }
    if (s.why.trim().length === 0 || s.calls.trim().length === 0) {
      throw new Error(`statement ${s.sid} must say why and which code calls it`);
    }
  }
  return permissions;
}

// ---- ARN templates ----------------------------------------------------------------------

const P = '${Partition}';
const R = '${Region}';
const A = '${Account}';

/** ARN templates per service, in the forms of the Service Authorization Reference. */
export const arn = {
  /** EC2 resources owned by an account: instance/…, volume/…, subnet/…, security-group/…. */
  ec2: (resource: string) => `arn:${P}:ec2:${R}:${A}:${resource}`,
  /** Images and snapshots: no account in their ARNs. */
  ec2Image: (resource: string) => `arn:${P}:ec2:${R}::${resource}`,
  elb: (resource: string) => `arn:${P}:elasticloadbalancing:${R}:${A}:${resource}`,
  rds: (resource: string) => `arn:${P}:rds:${R}:${A}:${resource}`,
  route53: (resource: string) => `arn:${P}:route53:::${resource}`,
  kmsKey: () => `arn:${P}:kms:${R}:${A}:key/*`,
  ssm: (account: string, resource: string) => `arn:${P}:ssm:${R}:${account}:${resource}`,
  secret: (name: string) => `arn:${P}:secretsmanager:${R}:${A}:secret:${name}`,
  account: A,
};

// ---- Statements the actions share --------------------------------------------------------

/** What an action says about a shared statement: why it needs it and which code calls it. */
export interface StatementUse {
  why: string;
  calls: string;
  /** Defaults to the builder's sid. */
  sid?: string;
}

/** Route 53 reads of the hosted zones the user names (${HostedZoneId}); `actions` defaults
 *  to GetHostedZone and ListResourceRecordSets. */
export function readHostedZones(
  use: StatementUse,
  actions: readonly string[] = ['route53:GetHostedZone', 'route53:ListResourceRecordSets'],
): IamStatement {
  return {
    sid: use.sid ?? 'ReadZone',
    actions,
    resources: [arn.route53('hostedzone/${HostedZoneId}')],
    why: use.why,
    calls: use.calls,
  };
}

/** route53:GetChange on any change: change ids are not known before the change is made. */
export function waitForRoute53Change(use: StatementUse): IamStatement {
  return {
    sid: use.sid ?? 'WaitForChange',
    actions: ['route53:GetChange'],
    resources: [arn.route53('change/*')],
    why: use.why,
    calls: use.calls,
  };
}

/** The SSM parameters a base image may be named by: AWS's public ones (no account in
 *  their ARNs) and the prefixes the user names (${SsmParameterPrefix}). */
export const BASE_IMAGE_PARAMETERS: readonly string[] = [
  arn.ssm('', 'parameter/aws/service/*'),
  arn.ssm(arn.account, 'parameter${SsmParameterPrefix}*'),
];

// ---- Condition blocks the actions share -------------------------------------------------

const MANAGED_BY = TAG.managedBy;
const ENV = TAG.env;

/** The resource already carries immut's tags (and the env's, when one is given). */
export function managedResource(extra: Readonly<Record<string, string>> = {}): Conditions {
  const tags: Record<string, string[]> = {
    [`aws:ResourceTag/${MANAGED_BY}`]: [MANAGED_BY_VALUE],
    [`aws:ResourceTag/${ENV}`]: ['${Env}'],
  };
  for (const [key, value] of Object.entries(extra)) tags[`aws:ResourceTag/${key}`] = [value];
  return { StringEquals: tags };
}

/** Tag keys immut writes: its own namespace and the console's `Name`. */
export const IMMUT_TAG_KEYS = ['immut:*', 'Name'] as const;

/** The request creates a resource carrying immut's tags, and no tag outside immut's keys. */
export function createdWithImmutTags(): Conditions {
  return {
    StringEquals: {
      [`aws:RequestTag/${MANAGED_BY}`]: [MANAGED_BY_VALUE],
      [`aws:RequestTag/${ENV}`]: ['${Env}'],
    },
    'ForAllValues:StringLike': { 'aws:TagKeys': IMMUT_TAG_KEYS },
  };
}

/** The request writes only these tag keys. */
export function onlyTagKeys(keys: readonly string[]): Conditions {
  return { 'ForAllValues:StringEquals': { 'aws:TagKeys': keys } };
}

/** Merges condition blocks (later keys of one operator win). */
export function allOf(...blocks: Conditions[]): Conditions {
  const out: Record<string, Record<string, readonly string[]>> = {};
  for (const block of blocks) {
    for (const [op, keys] of Object.entries(block)) out[op] = { ...(out[op] ?? {}), ...keys };
  }
  return out as Conditions;
}

// ---- Rendering --------------------------------------------------------------------------

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** Concrete values of the placeholders. Lists may be empty (see the header). */
export interface PolicyParams {
  partition: string;
  account: string;
  regions: readonly string[];
  env?: string;
  instanceRoleArns: readonly string[];
  ssmParameterPrefixes: readonly string[];
  hostedZoneIds: readonly string[];
  recordNames: readonly string[];
}

const PLACEHOLDER = /\$\{([A-Za-z]+)\}/g;

function placeholdersIn(texts: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(PLACEHOLDER)) found.add(m[1]!);
  return found;
}

function conditionValues(conditions: Conditions | undefined): string[] {
  return Object.values(conditions ?? {}).flatMap((keys) => Object.values(keys ?? {}).flat());
}

function valuesOf(params: PolicyParams, name: string, where: 'resource' | 'condition'): readonly string[] {
  switch (name as Placeholder) {
    case 'Partition':
      return [params.partition];
    case 'Account':
      return [params.account];
    case 'Region':
      return params.regions;
    case 'Env':
      return params.env !== undefined ? [params.env] : where === 'resource' ? ['*'] : [];
    case 'InstanceRoleArn':
      return params.instanceRoleArns;
    case 'SsmParameterPrefix':
      return params.ssmParameterPrefixes;
    case 'HostedZoneId':
      return params.hostedZoneIds;
    case 'RecordName':
      return params.recordNames;
  }
  throw new Error(`unknown placeholder \${${name}}`);
}

/** Every filling of `template`: one per combination of its placeholders' values. */
export function expand(template: string, params: PolicyParams, where: 'resource' | 'condition'): string[] {
  let results = [template];
  for (const name of placeholdersIn([template])) {
    const values = valuesOf(params, name, where);
    results = results.flatMap((r) => values.map((v) => r.split(`\${${name}}`).join(v)));
  }
  return [...new Set(results)];
}

const one = (values: readonly string[]): string | string[] =>
  values.length === 1 ? values[0]! : [...values];

/** The statement as a policy statement with placeholders kept (for the docs). */
export function templateStatement(s: IamStatement, sidPrefix = ''): PolicyStatement {
  const statement: PolicyStatement = {
    Sid: `${sidPrefix}${s.sid}`,
    Effect: 'Allow',
    Action: one([...s.actions].sort()),
    Resource: one(s.resources),
  };
  if (s.conditions && Object.keys(s.conditions).length > 0) {
    statement.Condition = Object.fromEntries(
      Object.entries(s.conditions).map(([op, keys]) => [
        op,
        Object.fromEntries(Object.entries(keys ?? {}).map(([k, v]) => [k, one(v)])),
      ]),
    );
  }
  return statement;
}

/** The statement filled with `params`, or undefined when it cannot apply (see the header). */
export function concreteStatement(
  s: IamStatement,
  params: PolicyParams,
  sidPrefix = '',
): PolicyStatement | undefined {
  const resources = [...new Set(s.resources.flatMap((r) => expand(r, params, 'resource')))];
  if (resources.length === 0) return undefined;
  const condition: Record<string, Record<string, string | string[]>> = {};
  for (const [op, keys] of Object.entries(s.conditions ?? {})) {
    for (const [key, templates] of Object.entries(keys ?? {})) {
      const values = [...new Set(templates.flatMap((t) => expand(t, params, 'condition')))];
      if (values.length === 0) {
        // Only `${Env}` may be absent: its condition goes, the managed-by one stays.
        if (templates.every((t) => t.includes('${Env}')) && params.env === undefined) continue;
        return undefined;
      }
      (condition[op] ??= {})[key] = one(values);
    }
  }
  const statement: PolicyStatement = {
    Sid: `${sidPrefix}${s.sid}`,
    Effect: 'Allow',
    Action: one([...s.actions].sort()),
    Resource: one(resources),
  };
  if (Object.keys(condition).length > 0) statement.Condition = condition;
  return statement;
}

/** `bake-image` → `BakeImage`: the Sid prefix of an action's statements in a union. */
export function sidPrefix(action: string): string {
  return action
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** One action's policy, with placeholders (`params` undefined) or filled. */
export function actionPolicy(permissions: ActionPermissions, params?: PolicyParams): PolicyDocument {
  const Statement = permissions.iam.flatMap((s) => {
    const st = params ? concreteStatement(s, params) : templateStatement(s);
    return st ? [st] : [];
  });
  return { Version: '2012-10-17', Statement };
}

/**
 * The union of several actions' policies: every statement (Sids prefixed with the action),
 * then statements with the same resources and conditions merged into one, so the document
 * stays under IAM's size limits.
 */
export function unionPolicy(
  actions: ReadonlyArray<readonly [string, ActionPermissions]>,
  params?: PolicyParams,
): PolicyDocument {
  const merged = new Map<string, PolicyStatement>();
  for (const [name, permissions] of actions) {
    for (const s of permissions.iam) {
      const st = params
        ? concreteStatement(s, params, sidPrefix(name))
        : templateStatement(s, sidPrefix(name));
      if (!st) continue;
      const key = JSON.stringify([st.Resource, st.Condition ?? null]);
      const existing = merged.get(key);
      if (!existing) {
        merged.set(key, st);
        continue;
      }
      const all = new Set([...[existing.Action].flat(), ...[st.Action].flat()]);
      existing.Action = one([...all].sort());
    }
  }
  // Then the same actions and conditions on other resources: one statement, the resources
  // joined (granting nothing the two did not grant together).
  const byActions = new Map<string, PolicyStatement>();
  for (const st of merged.values()) {
    const key = JSON.stringify([st.Action, st.Condition ?? null]);
    const existing = byActions.get(key);
    if (!existing) {
      byActions.set(key, st);
      continue;
    }
    if (existing.Resource === '*' || st.Resource === '*') {
      existing.Resource = '*';
      continue;
    }
    existing.Resource = one([...new Set([...[existing.Resource].flat(), ...[st.Resource].flat()])]);
  }
  return { Version: '2012-10-17', Statement: [...byActions.values()] };
}

/** IAM actions named by an action's statements, sorted, unique (what its tests check calls against). */
export function iamActionNames(permissions: ActionPermissions): string[] {
  return [...new Set(permissions.iam.flatMap((s) => s.actions))].sort();
}

/** IAM's limit on one managed policy, in characters without whitespace. */
export const MANAGED_POLICY_LIMIT = 6_144;
/** IAM's default limit on managed policies attached to one role. */
export const MANAGED_POLICIES_PER_ROLE = 10;

/** The policy's size as IAM counts it (whitespace outside strings does not count). */
export function policySize(policy: PolicyDocument): number {
  return JSON.stringify(policy).length;
}

/**
 * The union cut into managed policies that each fit IAM's size limit (a role's inline
 * policies share 10,240 characters, which the union outgrows), statements kept whole.
 */
export function splitPolicy(policy: PolicyDocument, limit = MANAGED_POLICY_LIMIT): PolicyDocument[] {
  const parts: PolicyDocument[] = [];
  let current: PolicyDocument = { Version: '2012-10-17', Statement: [] };
  for (const statement of policy.Statement) {
    const next: PolicyDocument = { ...current, Statement: [...current.Statement, statement] };
    if (policySize(next) <= limit) {
      current = next;
      continue;
    }
    const alone: PolicyDocument = { Version: '2012-10-17', Statement: [statement] };
    if (policySize(alone) > limit) {
      throw new IamParameterError(
        `statement ${statement.Sid} alone is ${policySize(alone)} characters, over IAM's ${limit}; give fewer values (regions, record names, zones) per role.`,
      );
    }
    parts.push(current);
    current = alone;
  }
  if (current.Statement.length > 0) parts.push(current);
  if (parts.length > MANAGED_POLICIES_PER_ROLE) {
    throw new IamParameterError(
      `the policy needs ${parts.length} managed policies, over IAM's default of ${MANAGED_POLICIES_PER_ROLE} per role; give fewer values (regions, record names, zones) per role.`,
    );
  }
  return parts;
}

/** A condition or resource value still holding a placeholder, if any. */
export function unfilled(policy: PolicyDocument): string | undefined {
  const text = JSON.stringify(policy);
  const m = /\$\{[A-Za-z]*\}?/.exec(text);
  return m ? m[0] : undefined;
}

// ---- Parameters of `npm run iam` --------------------------------------------------------

export class IamParameterError extends Error {
  override name = 'IamParameterError';
}

const cut = (value: string): string => (value.length > 80 ? `${value.slice(0, 77)}...` : value);

function bad(flag: string, value: string, expected: string): never {
  throw new IamParameterError(`--${flag} was '${cut(value)}': expected ${expected}.`);
}

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ENV_NAME = /^[a-z][a-z0-9-]{0,19}$/;
const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
// GitHub environment and branch names end up in the token's `sub`; keep them to
// characters that need no escaping and cannot widen a StringEquals.
const GITHUB_NAME = /^[A-Za-z0-9._/-]{1,255}$/;
const ROLE_ARN_PATH = /^[A-Za-z0-9+=,.@_/-]*\*?$/;
const SSM_PREFIX = /^\/[A-Za-z0-9_.\-/]{0,1000}$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IAM_ROLE_NAME = /^[A-Za-z0-9+=,.@_-]{1,64}$/;

/** Everything `npm run iam` takes, as given on the command line. */
export interface IamCommandOptions {
  repo?: string;
  environment?: string;
  branch?: string;
  account?: string;
  partition?: string;
  regions: string[];
  env?: string;
  instanceRoleArns: string[];
  ssmParameterPrefixes: string[];
  hostedZoneIds: string[];
  recordNames: string[];
  roleName?: string;
  existingOidcProviderArn?: string;
  out?: string;
}

export interface RoleSpec {
  repo: string;
  /** The token's `sub` the role trusts. */
  subject: string;
  roleName: string;
  existingOidcProviderArn?: string;
  params: PolicyParams;
  out: string;
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new IamParameterError(`--${flag} is required.`);
  }
  return value;
}

function checkRecordName(raw: string): string {
  const name = raw.trim().toLowerCase().replace(/\.$/, '');
  const expected =
    "a DNS name immut manages, e.g. api.prod.example.com (lower case letters, digits and hyphens; no '*')";
  if (name.length === 0 || name.length > 253 - '_immut-history.'.length) bad('record-name', raw, expected);
  for (const label of name.split('.')) if (!DNS_LABEL.test(label)) bad('record-name', raw, expected);
  if (!name.includes('.')) bad('record-name', raw, expected);
  return name;
}

/** Validates every parameter, naming the flag that is wrong. */
export function roleSpec(o: IamCommandOptions): RoleSpec {
  const repo = required('repo', o.repo);
  if (!REPO.test(repo))
    bad('repo', repo, 'owner/repo, the GitHub repository whose workflows assume the role');
  if (o.environment !== undefined && o.branch !== undefined) {
    throw new IamParameterError(
      '--environment and --branch were both given: the role trusts either a GitHub environment or a branch; pass one.',
    );
  }
  if (o.environment !== undefined && !GITHUB_NAME.test(o.environment)) {
    bad('environment', o.environment, 'a GitHub environment name (letters, digits, . _ - /)');
  }
  const branch = o.branch ?? 'main';
  if (!GITHUB_NAME.test(branch) || branch.includes('*')) bad('branch', branch, 'a branch name such as main');
  const subject =
    o.environment !== undefined
      ? `repo:${repo}:environment:${o.environment}`
      : `repo:${repo}:ref:refs/heads/${branch}`;

  const partition = o.partition ?? 'aws';
  if (!PARTITIONS.includes(partition)) bad('partition', partition, `one of ${PARTITIONS.join(', ')}`);
  const account = required('account', o.account);
  if (!/^\d{12}$/.test(account)) bad('account', account, 'the 12-digit AWS account id');
  if (o.regions.length === 0) {
    throw new IamParameterError(
      '--region is required: every region immut works in (the bake region and each copy-to region), e.g. --region us-east-1 --region eu-west-1.',
    );
  }
  for (const r of o.regions) if (!REGION.test(r)) bad('region', r, 'an AWS region such as us-east-1');
  if (o.env !== undefined && !ENV_NAME.test(o.env)) {
    bad('env', o.env, "immut's env (the actions' 'env' input), e.g. prod");
  }
  const rolePrefix = `arn:${partition}:iam::${account}:role/`;
  for (const arn of o.instanceRoleArns) {
    if (
      !arn.startsWith(rolePrefix) ||
      !ROLE_ARN_PATH.test(arn.slice(rolePrefix.length)) ||
      arn === rolePrefix
    ) {
      bad(
        'instance-role-arn',
        arn,
        `the ARN of a role the servers and builders run as, in this account (${rolePrefix}<name>, a trailing * allowed)`,
      );
    }
    if (arn.slice(rolePrefix.length) === '*') {
      bad('instance-role-arn', arn, 'a role name or a name prefix: "*" would let the role pass any role');
    }
  }
  for (const p of o.ssmParameterPrefixes) {
    if (!SSM_PREFIX.test(p) || p.includes('*') || p === '/') {
      bad('ssm-parameter-prefix', p, 'a parameter path such as /immut/base-images/ (starts with /, no *)');
    }
  }
  for (const z of o.hostedZoneIds) {
    if (!HOSTED_ZONE_ID.test(z))
      bad('hosted-zone-id', z, 'a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ');
  }
  const recordNames = o.recordNames.map(checkRecordName);
  if (recordNames.length > 0 && o.hostedZoneIds.length === 0) {
    throw new IamParameterError(
      '--record-name was given without --hosted-zone-id: name the zone the records are in.',
    );
  }
  const roleName = o.roleName ?? 'immut-github-actions';
  if (!IAM_ROLE_NAME.test(roleName))
    bad('role-name', roleName, 'an IAM role name (1–64 of A-Z a-z 0-9 +=,.@_-)');
  if (o.existingOidcProviderArn !== undefined) {
    const expected = `arn:${partition}:iam::${account}:oidc-provider/token.actions.githubusercontent.com`;
    if (o.existingOidcProviderArn !== expected) {
      bad('existing-oidc-provider-arn', o.existingOidcProviderArn, expected);
    }
  }
  const out = required('out', o.out);
  return {
    repo,
    subject,
    roleName,
    ...(o.existingOidcProviderArn !== undefined
      ? { existingOidcProviderArn: o.existingOidcProviderArn }
      : {}),
    params: {
      partition,
      account,
      regions: [...new Set(o.regions)],
      ...(o.env !== undefined ? { env: o.env } : {}),
      instanceRoleArns: [...new Set(o.instanceRoleArns)],
      ssmParameterPrefixes: [...new Set(o.ssmParameterPrefixes)],
      hostedZoneIds: [...new Set(o.hostedZoneIds)],
      recordNames: [...new Set(recordNames)],
    },
    out,
  };
}

const FLAGS: Record<string, keyof IamCommandOptions> = {
  repo: 'repo',
  environment: 'environment',
  branch: 'branch',
  account: 'account',
  partition: 'partition',
  region: 'regions',
  env: 'env',
  'instance-role-arn': 'instanceRoleArns',
  'ssm-parameter-prefix': 'ssmParameterPrefixes',
  'hosted-zone-id': 'hostedZoneIds',
  'record-name': 'recordNames',
  'role-name': 'roleName',
  'existing-oidc-provider-arn': 'existingOidcProviderArn',
  out: 'out',
};

/** `--flag value` / `--flag=value` pairs; list flags repeat or take commas. */
export function parseIamArgs(argv: readonly string[]): IamCommandOptions {
  const o: IamCommandOptions = {
    regions: [],
    instanceRoleArns: [],
    ssmParameterPrefixes: [],
    hostedZoneIds: [],
    recordNames: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const field = m ? FLAGS[m[1]!] : undefined;
    if (!m || !field) {
      throw new IamParameterError(
        `unknown argument '${cut(arg)}'; expected one of ${Object.keys(FLAGS)
          .map((f) => `--${f}`)
          .join(', ')}.`,
      );
    }
    let value = m[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new IamParameterError(`--${m[1]} needs a value.`);
    }
    const current = o[field];
    if (Array.isArray(current)) {
      current.push(
        ...value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      );
    } else {
      if (current !== undefined) throw new IamParameterError(`--${m[1]} was given twice.`);
      (o as unknown as Record<string, string>)[field] = value;
    }
  }
  return o;
}

// ---- The GitHub OIDC role ----------------------------------------------------------------

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const STS_AUDIENCE = 'sts.amazonaws.com';

/** The role's trust policy: GitHub's OIDC tokens for exactly this repository and environment/branch. */
export function trustPolicy(providerArn: unknown, subject: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: subject,
          },
        },
      },
    ],
  };
}

/**
 * A CloudFormation template (as an object) for the OIDC provider (unless one exists), the
 * role, and its policy as managed policies (see splitPolicy).
 */
export function cloudFormationTemplate(spec: RoleSpec, policy: PolicyDocument): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  let providerArn: unknown;
  if (spec.existingOidcProviderArn) {
    providerArn = spec.existingOidcProviderArn;
  } else {
    resources['GitHubOidcProvider'] = {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: {
        Url: `https://${GITHUB_OIDC_HOST}`,
        ClientIdList: [STS_AUDIENCE],
      },
    };
    providerArn = { Ref: 'GitHubOidcProvider' };
  }
  const parts = splitPolicy(policy);
  parts.forEach((part, i) => {
    resources[`ImmutPolicy${i + 1}`] = {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        ManagedPolicyName: `${spec.roleName}-${i + 1}`,
        Description: `immut: part ${i + 1} of ${parts.length} of the role's policy (generated by npm run iam)`,
        PolicyDocument: part,
      },
    };
  });
  resources['ImmutRole'] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: spec.roleName,
      Description: `immut release workflows of ${spec.repo} (${spec.subject})`.slice(0, 1000),
      AssumeRolePolicyDocument: trustPolicy(providerArn, spec.subject),
      ManagedPolicyArns: parts.map((_, i) => ({ Ref: `ImmutPolicy${i + 1}` })),
    },
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `immut: the role GitHub Actions in ${spec.repo} assume (generated by npm run iam)`,
    Resources: resources,
    Outputs: {
      RoleArn: {
        Description: "The workflow's role-to-assume",
        Value: { 'Fn::GetAtt': ['ImmutRole', 'Arn'] },
      },
    },
  };
}
