// AddTags / RemoveTags / DescribeTags on load balancers, target groups and listeners.
import type { SandboxRequest } from '../../service.js';
import { strings, type Params } from '../common/params.js';
import { mergeTagList } from '../common/tags.js';
import { tagRules, tagsParam, validation } from './params.js';
import {
  listenerByArn,
  listenerNotFound,
  requireLb,
  requireTg,
  type Elbv2Context,
  type State,
  type Tagged,
} from './state.js';

function resourceByArn(state: State, arn: string, region: string): Tagged {
  if (arn.includes(':loadbalancer/')) return requireLb(state, arn, region);
  if (arn.includes(':targetgroup/')) return requireTg(state, arn, region);
  if (arn.includes(':listener/')) {
    const l = listenerByArn(state, arn, region);
    if (!l) throw listenerNotFound(arn);
    return l;
  }
  throw validation(`'${arn}' is not a valid load balancer, target group or listener ARN`);
}

function tagArns(p: Params): string[] {
  const arns = strings(p['ResourceArns'], 'member');
  if (arns.length === 0) throw validation('At least one resource ARN must be specified');
  if (arns.length > 20)
    throw validation(
      `1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 20`,
    );
  return arns;
}

export function addTags(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const arns = tagArns(req.params);
  const tags = tagsParam(req.params['Tags']);
  if (tags.length === 0) throw validation('At least one tag must be specified');
  const resources = arns.map((arn) => [arn, resourceByArn(c.state, arn, req.region)] as const);
  // Merge into every resource before changing any (the call is all-or-nothing).
  const merged = resources.map(([arn, r]) => mergeTagList(r.tags, tags, tagRules(arn)));
  resources.forEach(([, r], i) => (r.tags = merged[i]!));
  return {};
}

export function removeTags(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const arns = tagArns(req.params);
  const keys = strings(req.params['TagKeys'], 'member');
  if (keys.length === 0) throw validation('At least one tag key must be specified');
  const resources = arns.map((arn) => resourceByArn(c.state, arn, req.region));
  for (const r of resources) r.tags = r.tags.filter((t) => !keys.includes(t.Key));
  return {};
}

export function describeTags(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const arns = tagArns(req.params);
  return {
    TagDescriptions: arns.map((arn) => ({
      ResourceArn: arn,
      Tags: resourceByArn(c.state, arn, req.region).tags,
    })),
  };
}
