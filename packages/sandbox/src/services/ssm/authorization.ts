// The IAM authorizations SSM Parameter Store makes (Service Authorization Reference, "AWS
// Systems Manager"): ssm:GetParameter(s), ssm:PutParameter… on each parameter's ARN,
// `arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>`. AWS's
// public parameters (`/aws/service/...`) have no account in their ARN, as SSM returns them.
// Not modelled: parameter tags (the sandbox keeps none) and kms:Decrypt for SecureString
// values read WithDecryption (the sandbox has no KMS keys behind parameters).
import type { AuthorizationRequest, ResourceRef } from '../../iam/request.js';
import { listParam, type SandboxRequest, type ServiceContext } from '../../service.js';
import { tagList, toMap } from '../common/tags.js';

/** A parameter named by name, `name:version`, `name:label` or its ARN. */
export function parameterResource(nameOrArn: string, region: string, accountId: string): ResourceRef {
  // Names hold no `:`; after the name (or the ARN's six parts) one is a version or label.
  if (nameOrArn.startsWith('arn:'))
    return { type: 'parameter', arn: nameOrArn.split(':').slice(0, 6).join(':') };
  const bare = nameOrArn.split(':')[0]!.replace(/^\//, '');
  const account = bare.startsWith('aws/service/') ? '' : accountId;
  return { type: 'parameter', arn: `arn:aws:ssm:${region}:${account}:parameter/${bare}` };
}

/** Every operation that names parameters (`Name`, `Names`, or a `Path`) is authorized on
 *  each of them; PutParameter's Tags are its request tags. The rest (DescribeParameters)
 *  have no resource-level permissions and are authorized on `*`. */
export function ssmAuthorization(req: SandboxRequest, ctx: ServiceContext): AuthorizationRequest[] {
  const action = `ssm:${req.operation}`;
  const p = req.params;
  const tags = tagList(p['Tags']);
  const on = (name: unknown): AuthorizationRequest => ({
    action,
    resource: parameterResource(typeof name === 'string' ? name : '', req.region, ctx.accountId),
    ...(tags.length > 0 ? { requestTags: toMap(tags) } : {}),
  });
  if (typeof p['Name'] === 'string') return [on(p['Name'])];
  if (typeof p['Path'] === 'string') return [on(p['Path'])];
  const names = listParam(p['Names']);
  if (names.length > 0) return names.map(on);
  // A parameter operation without a name is refused by SSM's validation; authorize it on
  // an empty name rather than on nothing.
  return [/^(Get|Put|Delete|Label)Parameter/.test(req.operation) ? on('') : { action }];
}
