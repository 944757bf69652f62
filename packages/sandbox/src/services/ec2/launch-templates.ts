// EC2 launch templates: CreateLaunchTemplate, CreateLaunchTemplateVersion,
// DescribeLaunchTemplates, DescribeLaunchTemplateVersions, DeleteLaunchTemplate, with the
// EC2 API reference's error codes. The data keeps what the sandbox can launch with (image,
// instance type, key, instance profile, security groups, user data, metadata options, tag
// specifications); Auto Scaling resolves templates through `resolveLaunchTemplate`.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { iso, str, type Params } from '../common/params.js';
import {
  checkIdFormat,
  filtered,
  int,
  isBase64,
  paginate,
  strList,
  tagSet,
  tagSpecifications,
} from './params.js';
import type {
  Ec2Result,
  Ec2State,
  LaunchTemplate,
  LaunchTemplateData,
  LaunchTemplateVersion,
} from './state.js';
import { addTags } from './tags.js';

const invalidValue = (message: string): AwsError => new AwsError('InvalidParameterValue', message);

/** Launch template names: 3–128 of letters, digits and `( ) . - / _` (EC2 API reference,
 *  CreateLaunchTemplate, LaunchTemplateName pattern `[a-zA-Z0-9\(\)\.\-/_]+`). */
const NAME = /^[a-zA-Z0-9().\-/_]{3,128}$/;

/** The instance types a template may name (same format RunInstances checks). */
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

export const notFoundById = (id: string): AwsError =>
  new AwsError(
    'InvalidLaunchTemplateId.NotFound',
    `The specified launch template, with template ID ${id}, does not exist.`,
  );

export const notFoundByName = (name: string): AwsError =>
  new AwsError(
    'InvalidLaunchTemplateName.NotFoundException',
    `The specified launch template, with template name ${name}, does not exist.`,
  );

function checkName(name: string): void {
  if (!NAME.test(name))
    throw new AwsError(
      'InvalidLaunchTemplateName.MalformedException',
      `A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.`,
    );
}

/** The template a request names by `LaunchTemplateId` or `LaunchTemplateName` (exactly one). */
export function findTemplate(
  state: Ec2State,
  region: string,
  id: string | undefined,
  name: string | undefined,
): LaunchTemplate {
  if (id && name)
    throw new AwsError(
      'InvalidParameterCombination',
      'The parameters LaunchTemplateId and LaunchTemplateName cannot be used together.',
    );
  if (id) {
    checkIdFormat(id, 'lt', 'InvalidLaunchTemplateId.Malformed', 'launch template');
    const lt = state.launchTemplates[id];
    if (!lt || lt.region !== region) throw notFoundById(id);
    return lt;
  }
  if (name) {
    const lt = Object.values(state.launchTemplates).find((t) => t.name === name && t.region === region);
    if (!lt) throw notFoundByName(name);
    return lt;
  }
  throw new AwsError(
    'MissingParameter',
    'The request must contain the parameter LaunchTemplateName or LaunchTemplateId',
  );
}

/** A version by `$Latest`, `$Default` or number. */
export function findVersion(lt: LaunchTemplate, version: string | undefined): LaunchTemplateVersion {
  const v = version ?? '$Default';
  const number =
    v === '$Latest'
      ? Math.max(...lt.versions.map((x) => x.versionNumber))
      : v === '$Default'
        ? lt.defaultVersion
        : /^\d+$/.test(v)
          ? Number(v)
          : NaN;
  if (Number.isNaN(number))
    throw new AwsError(
      'InvalidLaunchTemplateId.VersionNotFound',
      `Could not find launch template version ${v}`,
    );
  const found = lt.versions.find((x) => x.versionNumber === number);
  if (!found)
    throw new AwsError(
      'InvalidLaunchTemplateId.VersionNotFound',
      `Could not find launch template version ${v} of launch template ${lt.launchTemplateId}`,
    );
  return found;
}

function metadataOptions(p: Params): LaunchTemplateData['metadataOptions'] {
  const m = p.MetadataOptions as Params | undefined;
  if (!m || typeof m !== 'object') return undefined;
  const httpTokens = str(m.HttpTokens);
  if (httpTokens !== undefined && httpTokens !== 'optional' && httpTokens !== 'required')
    throw invalidValue(
      `Value (${httpTokens}) for parameter HttpTokens is invalid. Allowed values are: optional, required`,
    );
  const httpEndpoint = str(m.HttpEndpoint);
  if (httpEndpoint !== undefined && httpEndpoint !== 'enabled' && httpEndpoint !== 'disabled')
    throw invalidValue(
      `Value (${httpEndpoint}) for parameter HttpEndpoint is invalid. Allowed values are: enabled, disabled`,
    );
  const hops = int(m, 'HttpPutResponseHopLimit', 'HttpPutResponseHopLimit');
  if (hops !== undefined && (hops < 1 || hops > 64))
    throw invalidValue(`Value (${hops}) for parameter HttpPutResponseHopLimit is invalid. Expected 1-64.`);
  return {
    ...(httpTokens ? { httpTokens } : {}),
    ...(httpEndpoint ? { httpEndpoint } : {}),
    ...(hops !== undefined ? { httpPutResponseHopLimit: hops } : {}),
  };
}

/** `LaunchTemplateData.*`, validated as AWS does at create time (formats, not existence:
 *  AWS checks the image and groups when an instance is launched from the template). */
export function parseTemplateData(p: Params, base?: LaunchTemplateData): LaunchTemplateData {
  const instanceType = str(p.InstanceType) ?? base?.instanceType;
  if (instanceType !== undefined && !INSTANCE_TYPE.test(instanceType))
    throw invalidValue(`Invalid value '${instanceType}' for InstanceType.`);
  const imageId = str(p.ImageId) ?? base?.imageId;
  if (imageId !== undefined && !imageId.startsWith('resolve:ssm:'))
    checkIdFormat(imageId, 'ami', 'InvalidAMIID.Malformed', '');
  const userData = str(p.UserData) ?? base?.userData;
  if (userData !== undefined) {
    if (!isBase64(userData)) throw invalidValue('Invalid BASE64 encoding of user data.');
    // The same 16 KB cap as RunInstances (EC2 API reference, RequestLaunchTemplateData.UserData).
    if (Buffer.from(userData, 'base64').length > 16384)
      throw invalidValue('User data is limited to 16384 bytes');
  }
  const profile = p.IamInstanceProfile as Params | undefined;
  const iamInstanceProfile =
    profile && (str(profile.Arn) || str(profile.Name))
      ? {
          ...(str(profile.Arn) ? { arn: str(profile.Arn)! } : {}),
          ...(str(profile.Name) ? { name: str(profile.Name)! } : {}),
        }
      : base?.iamInstanceProfile;
  const specs = tagSpecifications(p, ['instance', 'volume', 'network-interface', 'spot-instances-request']);
  const given = Object.entries(specs).map(([resourceType, tags]) => ({ resourceType, tags }));
  const groups = strList(p.SecurityGroupId);
  const keyName = str(p.KeyName) ?? base?.keyName;
  const metadata = metadataOptions(p) ?? base?.metadataOptions;
  return {
    ...(imageId ? { imageId } : {}),
    ...(instanceType ? { instanceType } : {}),
    ...(keyName ? { keyName } : {}),
    ...(iamInstanceProfile ? { iamInstanceProfile } : {}),
    securityGroupIds: groups.length > 0 ? groups : [...(base?.securityGroupIds ?? [])],
    ...(userData ? { userData } : {}),
    ...(metadata ? { metadataOptions: metadata } : {}),
    tagSpecifications: given.length > 0 ? given : structuredClone(base?.tagSpecifications ?? []),
  };
}

function templateData(p: Params): Params {
  const data = p.LaunchTemplateData;
  if (!data || typeof data !== 'object')
    throw new AwsError(
      'MissingParameter',
      'No launch template data was provided. Launch template data is required to create a launch template.',
    );
  return data as Params;
}

function renderTemplate(state: Ec2State, lt: LaunchTemplate): Ec2Result {
  return {
    launchTemplateId: lt.launchTemplateId,
    launchTemplateName: lt.name,
    createTime: iso(lt.createTime),
    createdBy: lt.createdBy,
    defaultVersionNumber: lt.defaultVersion,
    latestVersionNumber: Math.max(...lt.versions.map((v) => v.versionNumber)),
    tagSet: tagSet(state.tags[lt.launchTemplateId]),
  };
}

function renderData(d: LaunchTemplateData): Ec2Result {
  return {
    imageId: d.imageId,
    instanceType: d.instanceType,
    keyName: d.keyName,
    iamInstanceProfile: d.iamInstanceProfile,
    securityGroupIdSet: d.securityGroupIds.length > 0 ? d.securityGroupIds : undefined,
    userData: d.userData,
    metadataOptions: d.metadataOptions ? { state: 'applied', ...d.metadataOptions } : undefined,
    tagSpecificationSet:
      d.tagSpecifications.length > 0
        ? d.tagSpecifications.map((s) => ({
            resourceType: s.resourceType,
            tagSet: s.tags.map((t) => ({ key: t.Key, value: t.Value })),
          }))
        : undefined,
  };
}

function renderVersion(lt: LaunchTemplate, v: LaunchTemplateVersion): Ec2Result {
  return {
    launchTemplateId: lt.launchTemplateId,
    launchTemplateName: lt.name,
    versionNumber: v.versionNumber,
    versionDescription: v.description,
    createTime: iso(v.createTime),
    createdBy: lt.createdBy,
    defaultVersion: v.versionNumber === lt.defaultVersion,
    launchTemplateData: renderData(v.data),
  };
}

export function createLaunchTemplate(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const p = req.params;
  const name = str(p.LaunchTemplateName);
  if (!name)
    throw new AwsError('MissingParameter', 'The request must contain the parameter LaunchTemplateName');
  checkName(name);
  const data = parseTemplateData(templateData(p));
  const ownTags = tagSpecifications(p, ['launch-template'])['launch-template'] ?? [];
  if (Object.values(state.launchTemplates).some((t) => t.name === name && t.region === req.region))
    throw new AwsError(
      'InvalidLaunchTemplateName.AlreadyExistsException',
      `Launch template name already in use.`,
    );
  const now = ctx.clock.now();
  const lt: LaunchTemplate = {
    launchTemplateId: ctx.ids.next('lt'),
    name,
    region: req.region,
    createTime: now,
    createdBy: `arn:aws:iam::${ctx.accountId}:user/sandbox`,
    defaultVersion: 1,
    versions: [{ versionNumber: 1, description: str(p.VersionDescription), createTime: now, data }],
  };
  state.launchTemplates[lt.launchTemplateId] = JSON.parse(JSON.stringify(lt)) as LaunchTemplate;
  if (ownTags.length > 0) addTags(state, lt.launchTemplateId, ownTags);
  return { launchTemplate: renderTemplate(state, lt) };
}

export function createLaunchTemplateVersion(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
): Ec2Result {
  const p = req.params;
  const lt = findTemplate(state, req.region, str(p.LaunchTemplateId), str(p.LaunchTemplateName));
  const source = str(p.SourceVersion) !== undefined ? findVersion(lt, str(p.SourceVersion)) : undefined;
  const data = parseTemplateData(templateData(p), source?.data);
  const version: LaunchTemplateVersion = JSON.parse(
    JSON.stringify({
      versionNumber: Math.max(...lt.versions.map((v) => v.versionNumber)) + 1,
      description: str(p.VersionDescription),
      createTime: ctx.clock.now(),
      data,
    }),
  ) as LaunchTemplateVersion;
  lt.versions.push(version);
  return { launchTemplateVersion: renderVersion(lt, version) };
}

const FILTERS = {
  'launch-template-name': (lt: LaunchTemplate) => [lt.name],
  'create-time': (lt: LaunchTemplate) => [iso(lt.createTime)],
};

export function describeLaunchTemplates(state: Ec2State, req: SandboxRequest): Ec2Result {
  const p = req.params;
  const ids = strList(p.LaunchTemplateId);
  const names = strList(p.LaunchTemplateName);
  if ((ids.length > 0 || names.length > 0) && (p.MaxResults !== undefined || p.Filter !== undefined))
    throw new AwsError(
      'InvalidParameterCombination',
      'The parameter LaunchTemplateIds or LaunchTemplateNames cannot be used with MaxResults or Filters.',
    );
  let items = Object.values(state.launchTemplates).filter((t) => t.region === req.region);
  if (ids.length > 0) items = ids.map((id) => findTemplate(state, req.region, id, undefined));
  else if (names.length > 0) items = names.map((n) => findTemplate(state, req.region, undefined, n));
  const matching = filtered(items, p, FILTERS, (lt) => state.tags[lt.launchTemplateId] ?? {}).sort(
    (a, b) => a.createTime - b.createTime || (a.launchTemplateId < b.launchTemplateId ? -1 : 1),
  );
  const { page, nextToken } = paginate(matching, p, 1, 200);
  return { launchTemplates: page.map((lt) => renderTemplate(state, lt)), nextToken };
}

export function describeLaunchTemplateVersions(state: Ec2State, req: SandboxRequest): Ec2Result {
  const p = req.params;
  const lt = findTemplate(state, req.region, str(p.LaunchTemplateId), str(p.LaunchTemplateName));
  const asked = strList(p.LaunchTemplateVersion);
  const versions = asked.length > 0 ? asked.map((v) => findVersion(lt, v)) : [...lt.versions];
  versions.sort((a, b) => b.versionNumber - a.versionNumber);
  const { page, nextToken } = paginate(versions, p, 1, 200);
  return { launchTemplateVersionSet: page.map((v) => renderVersion(lt, v)), nextToken };
}

export function deleteLaunchTemplate(state: Ec2State, req: SandboxRequest): Ec2Result {
  const p = req.params;
  const lt = findTemplate(state, req.region, str(p.LaunchTemplateId), str(p.LaunchTemplateName));
  const rendered = renderTemplate(state, lt);
  delete state.launchTemplates[lt.launchTemplateId];
  delete state.tags[lt.launchTemplateId];
  return { launchTemplate: rendered };
}

export interface ResolvedTemplate {
  launchTemplateId: string;
  name: string;
  versionNumber: number;
  data: LaunchTemplateData;
  tags: Record<string, string>;
}

/** What Auto Scaling launches from: the template and version a LaunchTemplateSpecification
 *  names (`$Default` when no version is given), or the EC2 error for a bad reference. */
export function resolveLaunchTemplate(
  state: Ec2State,
  region: string,
  ref: { id?: string; name?: string; version?: string },
): ResolvedTemplate {
  const lt = findTemplate(state, region, ref.id, ref.name);
  const v = findVersion(lt, ref.version);
  return {
    launchTemplateId: lt.launchTemplateId,
    name: lt.name,
    versionNumber: v.versionNumber,
    data: structuredClone(v.data),
    tags: { ...(state.tags[lt.launchTemplateId] ?? {}) },
  };
}

/** One instance an Auto Scaling group launches: the template's data, the group's subnet
 *  (and instance type, for mixed-instances overrides), and the group's propagated tags. */
export interface FleetLaunch {
  template: { launchTemplateId: string; versionNumber: number; data: LaunchTemplateData };
  subnetId: string;
  instanceType?: string;
  /** The group's tags with PropagateAtLaunch; they override the template's instance tags. */
  tags: Array<{ Key: string; Value: string }>;
  groupName: string;
}

/** RunInstances parameters for a fleet launch: what the group launches goes through the
 *  same validation, placement, capacity faults and tagging as a RunInstances call. */
export function fleetRunParams(l: FleetLaunch): Params {
  const d = l.template.data;
  const specs = new Map(d.tagSpecifications.map((s) => [s.resourceType, [...s.tags]]));
  const instanceTags = new Map((specs.get('instance') ?? []).map((t) => [t.Key, t.Value]));
  for (const t of l.tags) instanceTags.set(t.Key, t.Value);
  if (instanceTags.size > 0)
    specs.set(
      'instance',
      [...instanceTags].map(([Key, Value]) => ({ Key, Value })),
    );
  const metadata = d.metadataOptions;
  return {
    ImageId: d.imageId,
    InstanceType: l.instanceType ?? d.instanceType,
    MinCount: '1',
    MaxCount: '1',
    SubnetId: l.subnetId,
    ...(d.securityGroupIds.length > 0 ? { SecurityGroupId: d.securityGroupIds } : {}),
    ...(d.userData ? { UserData: d.userData } : {}),
    ...(d.keyName ? { KeyName: d.keyName } : {}),
    ...(d.iamInstanceProfile
      ? { IamInstanceProfile: { Arn: d.iamInstanceProfile.arn, Name: d.iamInstanceProfile.name } }
      : {}),
    ...(metadata
      ? {
          MetadataOptions: {
            HttpTokens: metadata.httpTokens,
            HttpEndpoint: metadata.httpEndpoint,
            HttpPutResponseHopLimit:
              metadata.httpPutResponseHopLimit !== undefined
                ? String(metadata.httpPutResponseHopLimit)
                : undefined,
          },
        }
      : {}),
    TagSpecification: [...specs].map(([ResourceType, Tag]) => ({ ResourceType, Tag })),
  };
}

/** The tags AWS itself puts on an instance an Auto Scaling group launches from a template
 *  (the `aws:` prefix is reserved to AWS, so they bypass the tag rules). */
export function systemTags(l: FleetLaunch): Record<string, string> {
  return {
    'aws:autoscaling:groupName': l.groupName,
    'aws:ec2launchtemplate:id': l.template.launchTemplateId,
    'aws:ec2launchtemplate:version': String(l.template.versionNumber),
  };
}
