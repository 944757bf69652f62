// End-to-end tests of actions: a sandbox, the environment that points a bundle at it, and
// what the action called, as IAM action names, for the permissions checks.
import {
  actionPolicy,
  iamActionNames,
  unionPolicy,
  type ActionPermissions,
  type PolicyDocument,
  type PolicyParams,
} from '@immut/core/iam-policy';
import {
  parsePolicyList,
  s3IamAction,
  startSandbox,
  type CallRecord,
  type IamPolicies,
  type Sandbox,
  type SandboxOptions,
} from '@immut/sandbox';
import bakeImage from '../../actions/bake-image/permissions.js';
import cutoverDns from '../../actions/cutover-dns/permissions.js';
import launchBehindLb from '../../actions/launch-behind-lb/permissions.js';
import replicateData from '../../actions/replicate-data/permissions.js';
import retireRelease from '../../actions/retire-release/permissions.js';
import tagRelease from '../../actions/tag-release/permissions.js';
import world from '../../actions/world/permissions.js';

/** Sandbox time runs this much faster than wall time in end-to-end tests. */
export const E2E_TIME_SCALE = 2000;
/**
 * The scale for tests that run whole workflows (several jobs, each a process, at once). The
 * actions' deadlines are in sandbox time, so a wall-time stall of a loaded 2-core machine
 * costs `scale` times as much of them: at 2000 a one-second stall eats 33 minutes, which is a
 * cutover's whole timeout. At 300 it eats 5 minutes, and a release still takes seconds.
 */
export const WORKFLOW_TIME_SCALE = 300;

// ---- Least privilege -------------------------------------------------------------------
//
// Every end-to-end sandbox enforces IAM. Each action runs with its own access key
// (`immut-<action>`) holding that action's generated policy, filled as a platform team would
// fill it for this account (actions/<a>/permissions.ts → @immut/core/iam-policy); a workflow's
// role holds the union of the actions' policies. Any other key is denied, so an action run
// with the wrong key, or a permission missing from a policy, fails the test. The tests' own
// set-up and inspection calls use ADMIN_CREDENTIALS (allow-all), never an action's.

/** The sandbox's account and region (packages/sandbox/src/seed.ts). */
export const SANDBOX_ACCOUNT = '123456789012';
/** A second sandbox account for cross-account tests (SandboxOptions.accounts, or made by
 *  `workflowRoles` for a role ARN in it); its seeded KMS key is `alias/immut-sandbox` too. */
export const SECOND_ACCOUNT = '210987654321';
export const SANDBOX_REGION = 'us-east-1';

/** The tests' own key: allowed everything; for setting up and inspecting, never for an action. */
export const ADMIN_CREDENTIALS = Object.freeze({
  accessKeyId: 'sandbox-admin',
  secretAccessKey: 'sandbox-admin-secret',
});

const ALLOW_ALL = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'SandboxAdmin', Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** The access key an action runs with in the sandbox. */
export const actionAccessKey = (action: string): string => `immut-${action}`;
const secretOf = (key: string): string => `${key}-sandbox-secret`;

/**
 * What a platform team names when it generates the policies (`npm run iam` flags): the
 * immut env, the instance roles servers and builders may be given, the SSM prefixes base
 * images may come from, and the DNS names immut manages. Hosted zones are every zone in the
 * sandbox when a policy is installed (the test's zones); account and region are the sandbox's.
 */
export interface PolicyScope {
  env?: string;
  /** Regions besides the sandbox's (bake-image's copy-to-regions: `npm run iam --region`). */
  regions?: readonly string[];
  instanceRoleArns?: readonly string[];
  ssmParameterPrefixes?: readonly string[];
  recordNames?: readonly string[];
}

/** The instance roles the e2e tests pass (profile `api-server`; no IAM service: profile = role). */
export const DEFAULT_SCOPE: Required<Omit<PolicyScope, 'env' | 'regions'>> = {
  instanceRoleArns: [`arn:aws:iam::${SANDBOX_ACCOUNT}:role/api-server`],
  ssmParameterPrefixes: [],
  recordNames: [],
};

interface SandboxIam {
  scope: PolicyScope;
  /** Workflow roles: role ARN → the actions whose union policy the role holds. */
  roles: Map<string, readonly string[]>;
}
const iamOf = new WeakMap<Sandbox, SandboxIam>();

function sandboxIam(sandbox: Sandbox): SandboxIam {
  const found = iamOf.get(sandbox);
  if (!found) {
    throw new Error(
      'this sandbox was not started by startE2eSandbox(): end-to-end runs need its per-action IAM keys',
    );
  }
  return found;
}

const union = (a: readonly string[] = [], b: readonly string[] = []): string[] => [...new Set([...a, ...b])];

/** The policy parameters for this sandbox now: its account, region and zones, and the scope. */
export function policyParams(
  sandbox: Sandbox | undefined,
  scope: PolicyScope,
  account: string = SANDBOX_ACCOUNT,
): PolicyParams {
  const zones = sandbox
    ? sandbox
        .inventory(account === SANDBOX_ACCOUNT ? undefined : account)
        .filter((i) => i.service === 'route53' && i.kind === 'hosted-zone')
        .map((z) => z.id.replace(/^\/hostedzone\//, ''))
    : [];
  return {
    partition: 'aws',
    account,
    regions: union([SANDBOX_REGION], scope.regions),
    ...(scope.env !== undefined ? { env: scope.env } : {}),
    instanceRoleArns: union(DEFAULT_SCOPE.instanceRoleArns, scope.instanceRoleArns),
    ssmParameterPrefixes: union(DEFAULT_SCOPE.ssmParameterPrefixes, scope.ssmParameterPrefixes),
    hostedZoneIds: zones,
    recordNames: union(DEFAULT_SCOPE.recordNames, scope.recordNames).map((n) =>
      n.toLowerCase().replace(/\.$/, ''),
    ),
  };
}

function checkAction(action: unknown): string {
  if (typeof action !== 'string' || !(action in PERMISSIONS)) {
    throw new Error(
      `expected one of ${Object.keys(PERMISSIONS).join(', ')} as the action, got ${String(action).slice(0, 60)}: each action runs with its own credentials and policy`,
    );
  }
  return action;
}

/** (Re)installs an action's policy for its key, filled with the sandbox's current zones. */
function installAction(sandbox: Sandbox, action: string): void {
  sandbox.iam.set(
    actionAccessKey(action),
    policyFor(action, policyParams(sandbox, sandboxIam(sandbox).scope)),
  );
}

/** The account a role ARN names (arn:aws:iam::<account>:role/<name>); the sandbox's otherwise. */
function roleAccount(roleArn: string): string {
  return /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1] ?? SANDBOX_ACCOUNT;
}

function installRole(sandbox: Sandbox, roleArn: string, actions: readonly string[]): void {
  const policy = unionPolicy(
    actions.map((a) => [a, permissionsOf(a)] as const),
    policyParams(sandbox, sandboxIam(sandbox).scope, roleAccount(roleArn)),
  );
  sandbox.iam.set(roleAccessKey(roleArn), policy);
}

/** Widens the sandbox's policy scope (e.g. the DNS names a test manages) and re-installs every policy. */
export function grantScope(sandbox: Sandbox, scope: PolicyScope): void {
  const state = sandboxIam(sandbox);
  if (scope.env !== undefined && state.scope.env !== undefined && scope.env !== state.scope.env) {
    throw new Error(`the sandbox's policies are for env '${state.scope.env}', not '${scope.env}'`);
  }
  state.scope = {
    ...((scope.env ?? state.scope.env) ? { env: scope.env ?? state.scope.env } : {}),
    regions: union(state.scope.regions, scope.regions),
    instanceRoleArns: union(state.scope.instanceRoleArns, scope.instanceRoleArns),
    ssmParameterPrefixes: union(state.scope.ssmParameterPrefixes, scope.ssmParameterPrefixes),
    recordNames: union(state.scope.recordNames, scope.recordNames),
  };
  for (const action of Object.keys(PERMISSIONS)) installAction(sandbox, action);
  for (const [role, actions] of state.roles) installRole(sandbox, role, actions);
}

export interface E2eSandboxOptions extends SandboxOptions {
  /** What the generated policies are filled with (besides account, region and zones). */
  policy?: PolicyScope;
}

/**
 * A sandbox for end-to-end tests: IAM enforced, ADMIN_CREDENTIALS allowed everything, each
 * action's key holding its own policy, every other key denied.
 */
export async function startE2eSandbox(options: E2eSandboxOptions = {}): Promise<Sandbox> {
  const { policy: scope = {}, ...rest } = options;
  const params = policyParams(undefined, scope);
  const iamPolicies: IamPolicies = {
    [ADMIN_CREDENTIALS.accessKeyId]: parsePolicyList(ALLOW_ALL, 'admin'),
    ...Object.fromEntries(
      Object.keys(PERMISSIONS).map((a) => [actionAccessKey(a), parsePolicyList(policyFor(a, params), a)]),
    ),
    ...(rest.iamPolicies ?? {}),
  };
  // The secrets the sandbox "issued" to each key, so it can verify presigned S3 URLs.
  const credentials = Object.fromEntries(
    Object.keys(PERMISSIONS).map((a) => [actionAccessKey(a), secretOf(actionAccessKey(a))]),
  );
  const sandbox = await startSandbox({
    timeScale: E2E_TIME_SCALE,
    ...rest,
    iamPolicies,
    iamDefault: 'deny',
    credentials: {
      [ADMIN_CREDENTIALS.accessKeyId]: ADMIN_CREDENTIALS.secretAccessKey,
      ...credentials,
      ...(rest.credentials ?? {}),
    },
  });
  iamOf.set(sandbox, { scope, roles: new Map() });
  // The seed's zones exist only now.
  for (const action of Object.keys(PERMISSIONS)) installAction(sandbox, action);
  return sandbox;
}

/** An SDK client configuration for the tests' own calls (set-up, inspection): the admin key. */
export function adminClientConfig(sandbox: Sandbox): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
} {
  return { endpoint: sandbox.endpoint, region: SANDBOX_REGION, credentials: { ...ADMIN_CREDENTIALS } };
}

/** An SDK client configuration holding an action's credentials, as the action's role would. */
export function actionClientConfig(
  sandbox: Sandbox,
  action: string,
): { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } } {
  installAction(sandbox, checkAction(action));
  const key = actionAccessKey(action);
  return {
    endpoint: sandbox.endpoint,
    region: SANDBOX_REGION,
    credentials: { accessKeyId: key, secretAccessKey: secretOf(key) },
  };
}

/**
 * The environment a bundle of `action` needs to run against the sandbox: the endpoint, the
 * action's own credentials (its policy re-installed with the sandbox's zones as they are now),
 * a region, and immut's clock at the sandbox's time scale.
 */
export function sandboxEnv(
  sandbox: Sandbox,
  action: string,
  timeScale = sandbox.clock.scale,
): Record<string, string> {
  const { credentials } = actionClientConfig(sandbox, action);
  return {
    AWS_ENDPOINT_URL: sandbox.endpoint,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: SANDBOX_REGION,
    IMMUT_TIME_SCALE: String(timeScale),
  };
}

/** The runner machine's environment for a workflow: no AWS credentials (see workflowRoles). */
export function machineEnv(sandbox: Sandbox, timeScale = sandbox.clock.scale): Record<string, string> {
  return { AWS_ENDPOINT_URL: sandbox.endpoint, IMMUT_TIME_SCALE: String(timeScale) };
}

const roleAccessKey = (roleArn: string): string =>
  `immut-role-${roleArn.replace(/^.*:role\//, '').replace(/[^A-Za-z0-9]/g, '-')}`;

/**
 * What the workflow runner hands out for `role-to-assume: roleArn` (RunWorkflowOptions.awsRoles):
 * a key holding the union policy of `actions` (default: every action), the one role a real
 * deployment's release workflows assume (`npm run iam`).
 */
export function workflowRoles(
  sandbox: Sandbox,
  roleArn: string,
  actions: readonly string[] = Object.keys(PERMISSIONS),
): Record<string, { accessKeyId: string; secretAccessKey: string; endpointUrl: string; accountId: string }> {
  for (const a of actions) checkAction(a);
  sandboxIam(sandbox).roles.set(roleArn, actions);
  // A role of another account (its ARN names it) gets a key of that account, made if new.
  const account = roleAccount(roleArn);
  const key = roleAccessKey(roleArn);
  if (account === SANDBOX_ACCOUNT) sandbox.issueCredentials(key, secretOf(key));
  else sandbox.issueCredentials(key, secretOf(key), account);
  installRole(sandbox, roleArn, actions);
  return {
    [roleArn]: {
      accessKeyId: key,
      secretAccessKey: secretOf(key),
      endpointUrl: sandbox.endpoint,
      accountId: account,
    },
  };
}

/** IAM action names (`ec2:RunInstances`) of the calls the sandbox saw, sorted, unique. S3's
 *  differ from its operations' names (HeadObject is s3:GetObject). */
export function iamActionsCalled(calls: readonly CallRecord[]): string[] {
  return [
    ...new Set(
      calls.map((c) => (c.service === 's3' ? s3IamAction(c.operation) : `${c.service}:${c.operation}`)),
    ),
  ].sort();
}

/** Every action's permissions (actions/<action>/permissions.ts). */
export const PERMISSIONS: Readonly<Record<string, ActionPermissions>> = {
  'bake-image': bakeImage,
  'cutover-dns': cutoverDns,
  'launch-behind-lb': launchBehindLb,
  'replicate-data': replicateData,
  'retire-release': retireRelease,
  'tag-release': tagRelease,
  world,
};

function permissionsOf(action: string): ActionPermissions {
  const permissions = PERMISSIONS[action];
  if (!permissions) throw new Error(`no actions/${action}/permissions.ts`);
  return permissions;
}

/** The IAM actions an action's policy names (actions/<action>/permissions.ts), sorted, unique. */
export function documentedIamActions(action: string): string[] {
  return iamActionNames(permissionsOf(action));
}

/** The action's policy with every placeholder filled, as a role in `params`' account would hold it. */
export function policyFor(action: string, params: PolicyParams): PolicyDocument {
  return actionPolicy(permissionsOf(action), params);
}
