// The IAM authorizations EC2 makes for each call (Service Authorization Reference, "Amazon
// EC2"; "Grant required permissions for Amazon EC2 resources" and "Grant permission to tag
// Amazon EC2 resources during creation" in the EC2 user guide), with the resources' tags
// read from the state. Resources a call creates have no id yet: AWS authorizes them as
// `instance/*`, `volume/*`, `image/*`. Read-only: it never changes the state, and unknown
// or malformed ids are authorized as given (AWS authorizes before it looks them up).
import { createHash } from 'node:crypto';
import { ebsKeyUse } from '../kms/use.js';
import { foreignImage } from './sharing.js';
import type { AuthorizationRequest, RequestContext, ResourceRef, TagMap } from '../../iam/request.js';
import { listParam, type SandboxRequest, type ServiceContext } from '../../service.js';
import { str, type Params } from '../common/params.js';
import {
  action,
  createTagsOnCreate,
  imageContext,
  requestTagsByType,
  tagsOf,
  type Ec2Auth,
} from './authorization-common.js';
import { runInstances } from './authorization-launch.js';
import { flag, strList } from './params.js';
import type { Ec2State } from './state.js';

/** The SAR resource type and ARN variable of an EC2 id, by its prefix. */
const ID_TYPES: Array<[RegExp, string, string]> = [
  [/^i-/, 'instance', 'InstanceId'],
  [/^ami-/, 'image', 'ImageId'],
  [/^snap-/, 'snapshot', 'SnapshotId'],
  [/^vol-/, 'volume', 'VolumeId'],
  [/^subnet-/, 'subnet', 'SubnetId'],
  [/^sg-/, 'security-group', 'SecurityGroupId'],
  [/^vpc-/, 'vpc', 'VpcId'],
  [/^eni-/, 'network-interface', 'NetworkInterfaceId'],
  [/^lt-/, 'launch-template', 'LaunchTemplateId'],
];

function resourceOf(a: Ec2Auth, id: string): ResourceRef {
  const hit = ID_TYPES.find(([re]) => re.test(id));
  if (hit) return { type: hit[1], ids: { [hit[2]]: id } };
  // A kind the sandbox does not model: an ARN no policy names by type, and no tag keys
  // (so a tag-conditioned policy cannot be satisfied by an id the sandbox cannot read).
  return { type: 'unmodelled', arn: `arn:aws:ec2:${a.req.region}:${a.ctx.accountId}:${id}` };
}

/** An existing instance, with the keys AWS sets for it. */
function onInstance(a: Ec2Auth, name: string, id: string): AuthorizationRequest {
  const inst = a.state.instances[id];
  return {
    action: action(name),
    resource: { type: 'instance', ids: { InstanceId: id } },
    resourceTags: tagsOf(a, id),
    context: {
      ...a.base,
      'ec2:InstanceID': id,
      ...(inst
        ? {
            'ec2:InstanceType': inst.instanceType,
            'ec2:AvailabilityZone': inst.availabilityZone,
            'ec2:RootDeviceType': 'ebs',
            'ec2:Tenancy': 'default',
          }
        : {}),
    },
  };
}

function onImage(a: Ec2Auth, name: string, id: string): AuthorizationRequest {
  return {
    action: action(name),
    resource: { type: 'image', ids: { ImageId: id } },
    resourceTags: tagsOf(a, id),
    context: { ...a.base, ...imageContext(a.state.images[id] ?? foreignImage(a.ctx, id, a.req.region)) },
  };
}

function onSnapshot(a: Ec2Auth, name: string, id: string): AuthorizationRequest {
  const snap = a.state.snapshots[id];
  return {
    action: action(name),
    resource: { type: 'snapshot', ids: { SnapshotId: id } },
    resourceTags: tagsOf(a, id),
    context: {
      ...a.base,
      'ec2:SnapshotID': id,
      ...(snap
        ? { 'ec2:Owner': snap.ownerAlias ?? snap.ownerId, 'ec2:VolumeSize': String(snap.volumeSize) }
        : {}),
    },
  };
}

/** CreateImage and CopyImage: the new image and its snapshots (`image/*`, `snapshot/*`),
 *  tagged from TagSpecifications; CreateImage also authorizes the source instance. */
function imageCreation(a: Ec2Auth): AuthorizationRequest[] {
  const p = a.req.params;
  const op = a.req.operation;
  const tags = requestTagsByType(p);
  const created: Record<string, ResourceRef> = { image: { type: 'image' }, snapshot: { type: 'snapshot' } };
  const requests: AuthorizationRequest[] = [];
  if (op === 'CreateImage') requests.push(onInstance(a, op, str(p.InstanceId) ?? ''));
  for (const type of ['image', 'snapshot'])
    requests.push({
      action: action(op),
      resource: created[type]!,
      requestTags: tags[type] ?? {},
      context: a.base,
    });
  requests.push(...createTagsOnCreate(a, tags, created));
  if (op === 'CopyImage' && flag(p.Encrypted) && str(p.KmsKeyId))
    requests.push(...kmsViaEc2(a, str(p.KmsKeyId)!));
  return requests;
}

/** The key an alias names. KMS authorizes a cryptographic operation on the key an alias points
 *  to, never on the alias ("Using aliases to control access": the alias ARN is a resource only
 *  of the alias operations). The sandbox has no KMS, so an alias stands for a fixed key id
 *  derived from its full ARN when KMS does not know the alias: a policy on `key/*` applies, one
 *  on `alias/*` does not, as in AWS. */
function keyOfAlias(aliasArn: string): string {
  const hex = createHash('sha256').update(aliasArn).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return aliasArn.replace(/:alias\/.*$/, `:key/${id}`);
}

/** An encrypted copy with a customer key: EC2 uses the key on the caller's behalf, so the
 *  caller needs these KMS permissions, with `kms:ViaService` = EC2 in the region ("Amazon
 *  EBS encryption" → "Permissions to use AWS KMS keys"). An alias is authorized as the key it
 *  names (keyOfAlias), with the alias in `kms:RequestAlias`. */
function kmsViaEc2(a: Ec2Auth, keyId: string): AuthorizationRequest[] {
  const aliasArn = keyId.startsWith('arn:')
    ? keyId.includes(':alias/')
      ? keyId
      : undefined
    : keyId.startsWith('alias/')
      ? `arn:aws:kms:${a.req.region}:${a.ctx.accountId}:${keyId}`
      : undefined;
  // A key the sandbox's KMS knows is authorized on its own ARN (the alias resolved).
  const known = ebsKeyUse(a.ctx, keyId, a.req.region).arn;
  const ref: ResourceRef = known
    ? { type: 'key', arn: known }
    : aliasArn
      ? { type: 'key', arn: keyOfAlias(aliasArn) }
      : keyId.startsWith('arn:')
        ? { type: 'key', arn: keyId }
        : { type: 'key', ids: { KeyId: keyId } };
  const context: RequestContext = {
    'kms:ViaService': `ec2.${a.req.region}.amazonaws.com`,
    'kms:CallerAccount': a.ctx.accountId,
    ...(aliasArn ? { 'kms:RequestAlias': aliasArn.replace(/^.*:(alias\/.*)$/, '$1') } : {}),
  };
  return [
    'DescribeKey',
    'CreateGrant',
    'GenerateDataKeyWithoutPlaintext',
    'ReEncryptFrom',
    'ReEncryptTo',
    'Decrypt',
  ].map((name) => ({
    action: `kms:${name}`,
    resource: ref,
    context: name === 'CreateGrant' ? { ...context, 'kms:GrantIsForAWSResource': 'true' } : context,
  }));
}

/** CreateTags / DeleteTags: each resource, with its tags and the request's. */
function tagging(a: Ec2Auth): AuthorizationRequest[] {
  const p = a.req.params;
  const tags: TagMap = {};
  const keys: string[] = [];
  for (const t of listParam(p.Tag)) {
    const key = str(((t ?? {}) as Params).Key);
    if (key === undefined) continue;
    keys.push(key);
    const value = str(((t ?? {}) as Params).Value);
    if (value !== undefined || a.req.operation === 'CreateTags') tags[key] = value ?? '';
  }
  return strList(p.ResourceId).map((id) => ({
    action: action(a.req.operation),
    resource: resourceOf(a, id),
    resourceTags: tagsOf(a, id),
    requestTags: tags,
    tagKeys: keys,
    context: a.base,
  }));
}

function deregisterImage(a: Ec2Auth): AuthorizationRequest[] {
  const id = str(a.req.params.ImageId) ?? '';
  const requests = [onImage(a, 'DeregisterImage', id)];
  // Deleting the snapshots too needs ec2:DeleteSnapshot on each of them.
  if (flag(a.req.params.DeleteAssociatedSnapshots))
    for (const b of a.state.images[id]?.blockDevices ?? [])
      requests.push(onSnapshot(a, 'DeleteSnapshot', b.snapshotId));
  return requests;
}

/** Launch templates: a new one is `launch-template/*` with the request's tags (and
 *  ec2:CreateTags for them); an existing one, named by id or name, with its tags. */
function launchTemplate(a: Ec2Auth): AuthorizationRequest[] {
  const p = a.req.params;
  const op = a.req.operation;
  if (op === 'CreateLaunchTemplate') {
    const tags = requestTagsByType(p);
    const created: Record<string, ResourceRef> = { 'launch-template': { type: 'launch-template' } };
    const own = { 'launch-template': tags['launch-template'] ?? {} };
    return [
      {
        action: action(op),
        resource: created['launch-template']!,
        requestTags: own['launch-template'],
        context: a.base,
      },
      ...createTagsOnCreate(a, tags['launch-template'] ? own : {}, created),
    ];
  }
  const name = str(p.LaunchTemplateName);
  const id =
    str(p.LaunchTemplateId) ??
    Object.values(a.state.launchTemplates).find((t) => t.name === name && t.region === a.req.region)
      ?.launchTemplateId ??
    '';
  return [
    {
      action: action(op),
      resource: { type: 'launch-template', ids: { LaunchTemplateId: id || '*' } },
      resourceTags: tagsOf(a, id),
      context: a.base,
    },
  ];
}

type Rule = (a: Ec2Auth) => AuthorizationRequest[];

const RULES: Record<string, Rule> = {
  RunInstances: runInstances,
  TerminateInstances: (a) =>
    strList(a.req.params.InstanceId).map((id) => onInstance(a, 'TerminateInstances', id)),
  StopInstances: (a) => strList(a.req.params.InstanceId).map((id) => onInstance(a, 'StopInstances', id)),
  GetConsoleOutput: (a) => [onInstance(a, 'GetConsoleOutput', str(a.req.params.InstanceId) ?? '')],
  CreateImage: imageCreation,
  CopyImage: imageCreation,
  DeregisterImage: deregisterImage,
  DeleteSnapshot: (a) => [onSnapshot(a, 'DeleteSnapshot', str(a.req.params.SnapshotId) ?? '')],
  // Sharing (attributes.ts): on the image or snapshot whose permissions change or are read.
  ModifyImageAttribute: (a) => [onImage(a, 'ModifyImageAttribute', str(a.req.params.ImageId) ?? '')],
  DescribeImageAttribute: (a) => [onImage(a, 'DescribeImageAttribute', str(a.req.params.ImageId) ?? '')],
  ResetImageAttribute: (a) => [onImage(a, 'ResetImageAttribute', str(a.req.params.ImageId) ?? '')],
  ModifySnapshotAttribute: (a) => [
    onSnapshot(a, 'ModifySnapshotAttribute', str(a.req.params.SnapshotId) ?? ''),
  ],
  DescribeSnapshotAttribute: (a) => [
    onSnapshot(a, 'DescribeSnapshotAttribute', str(a.req.params.SnapshotId) ?? ''),
  ],
  ResetSnapshotAttribute: (a) => [
    onSnapshot(a, 'ResetSnapshotAttribute', str(a.req.params.SnapshotId) ?? ''),
  ],
  CreateTags: tagging,
  DeleteTags: tagging,
  CreateLaunchTemplate: launchTemplate,
  CreateLaunchTemplateVersion: launchTemplate,
  DeleteLaunchTemplate: launchTemplate,
};

/** The authorizations of one EC2 call; Describe* calls have no resource-level
 *  permissions and are authorized on `*`. */
export function ec2Authorization(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
): AuthorizationRequest[] {
  const a: Ec2Auth = { state, req, ctx, base: { 'ec2:Region': req.region } };
  const rule = RULES[req.operation];
  const requests = rule ? rule(a) : [];
  // No resource named (an empty id list, which EC2's validation refuses): authorize the
  // action on `*` rather than nothing.
  return requests.length > 0 ? requests : [{ action: action(req.operation), context: a.base }];
}
