// Emulated SSM Parameter Store (awsJson1_1, target prefix AmazonSSM): the public
// latest-AMI parameters (`/aws/service/...`) of the default seed, per region, and the
// account's own parameters (PutParameter). A SecureString's value is returned as
// plaintext only with WithDecryption; without it, as AWS does, as the encrypted blob
// (GetParameter in the SSM API reference: "WithDecryption: Return decrypted values for
// secure string parameters. This flag is ignored for String and StringList").
import { createHash } from 'node:crypto';
import { REGION, seedFor } from '../seed.js';
import {
  AwsError,
  type EmulatedService,
  type OperationHandler,
  type SandboxRequest,
  type ServiceContext,
} from '../service.js';
import { page } from './common/paging.js';

interface Parameter {
  name: string;
  region: string;
  value: string;
  type: 'String' | 'StringList' | 'SecureString';
  /** The KMS key of a SecureString (AWS's default: the managed key alias/aws/ssm). */
  keyId?: string;
  dataType: string;
  version: number;
  lastModified: number;
}

interface SsmState {
  parameters: Parameter[];
  /** Superseded versions, kept for GetParameterHistory (SSM keeps the last 100 versions of a
   *  parameter: "Working with parameter versions" in the Systems Manager user guide). */
  history: Parameter[];
}

/** SSM keeps a parameter's 100 most recent versions (Systems Manager user guide, "Working
 *  with parameter versions": "a maximum of 100 versions ... the oldest is removed"). */
const KEPT_VERSIONS = 100;

/** The sandbox operator's hand in SSM: AWS itself moves the public `/aws/service/` latest-AMI
 *  parameters when it publishes a new image; tests move them with `publishPublicParameter`. */
export interface SsmService extends EmulatedService {
  /** Sets public parameter `name` (under /aws/service/) to `value` as a new version. */
  publishPublicParameter(name: string, value: string, region?: string): number;
}

/** Names: letters, digits and `_.-/`; a hierarchy starts with `/`; at most 2048 characters
 *  (SSM model, ParameterName; "Parameter hierarchies" in the Systems Manager user guide). */
function validateName(name: string): void {
  if (name.length === 0 || name.length > 2048 || !/^[A-Za-z0-9_.\-/]+$/.test(name)) {
    throw new AwsError(
      'ValidationException',
      `Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/".`,
    );
  }
}

const TYPES = ['String', 'StringList', 'SecureString'] as const;
const DATA_TYPES = ['text', 'aws:ec2:image', 'aws:ssm:integration'];
/** Standard-tier values hold up to 4 KB, advanced ones 8 KB (PutParameter, Value). */
const VALUE_LIMIT: Readonly<Record<string, number>> = { Standard: 4096, Advanced: 8192 };

/** Names AWS keeps for itself: `aws…` (public parameters live under /aws/) and `ssm…`,
 *  case-insensitive, with or without a leading slash. */
function checkNotReserved(name: string): void {
  const bare = name.replace(/^\//, '').toLowerCase();
  if (bare.startsWith('aws'))
    throw new AwsError('AccessDeniedException', `No access to reserved parameter name: ${name}.`);
  if (bare.startsWith('ssm'))
    throw new AwsError(
      'ValidationException',
      `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_`,
    );
}

/**
 * What GetParameter returns for a SecureString without decryption: base64 of a KMS
 * ciphertext blob. A stand-in, deterministic per key, parameter and version, that holds
 * nothing of the plaintext but its length (as a real ciphertext does).
 */
function ciphertextOf(p: Parameter): string {
  const digest = (round: number): Buffer =>
    createHash('sha256')
      .update(`${round}\0${p.keyId ?? ''}\0${p.region}\0${p.name}\0${p.version}\0${p.value}`)
      .digest();
  const body: Buffer[] = [];
  for (let round = 0, size = 0; size < p.value.length + 32; round++, size += 32) body.push(digest(round));
  // 0x01 0x02 0x02 0x00 0x78: the envelope header KMS symmetric ciphertexts start with.
  return Buffer.concat([Buffer.from([1, 2, 2, 0, 0x78]), ...body]).toString('base64');
}

/** A parameter's ARN: AWS's public ones carry no account. */
const arn = (p: Parameter): string =>
  p.name.startsWith('/aws/service/')
    ? `arn:aws:ssm:${p.region}::parameter${p.name}`
    : `arn:aws:ssm:${p.region}:123456789012:parameter${p.name.startsWith('/') ? '' : '/'}${p.name}`;

/** A parameter as GetParameter(s) return it; a SecureString stays encrypted without WithDecryption. */
const render = (p: Parameter, withDecryption: unknown): Record<string, unknown> => ({
  Name: p.name,
  Type: p.type,
  Value: p.type === 'SecureString' && withDecryption !== true ? ciphertextOf(p) : p.value,
  Version: p.version,
  LastModifiedDate: new Date(p.lastModified),
  ARN: arn(p),
  DataType: p.dataType,
});

/** `next` as the current version; `previous` kept in the history, at most KEPT_VERSIONS in all. */
function withVersion(state: SsmState, previous: Parameter | undefined, next: Parameter): SsmState {
  const parameters = [...state.parameters.filter((p) => p !== previous), next];
  if (!previous) return { ...state, parameters };
  const history = [...state.history, previous];
  const same = history.filter((p) => p.region === next.region && p.name === next.name);
  const dropped = new Set(same.slice(0, Math.max(0, same.length - (KEPT_VERSIONS - 1))));
  return { parameters, history: history.filter((p) => !dropped.has(p)) };
}

/** One page of a parameter's kept versions, oldest first; MaxResults 1–50 (SSM API
 *  reference, GetParameterHistory). */
function historyPage(
  state: SsmState,
  req: SandboxRequest,
  find: (name: string, region: string) => Parameter | undefined,
): Record<string, unknown> {
  const params = req.params;
  const name = params['Name'];
  if (typeof name !== 'string' || name.length === 0)
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  validateName(name);
  const current = find(name, req.region);
  if (!current) throw new AwsError('ParameterNotFound', '');
  const versions = [
    ...state.history.filter((p) => p.region === current.region && p.name === current.name),
    current,
  ].sort((a, b) => a.version - b.version);
  const size = params['MaxResults'];
  const token = params['NextToken'];
  const out = page(
    versions,
    {
      size: typeof size === 'number' ? size : undefined,
      token: typeof token === 'string' ? token : undefined,
    },
    {
      defaultSize: 50,
      min: 1,
      max: 50,
      badSize: (n) =>
        new AwsError(
          'ValidationException',
          `1 validation error detected: Value '${n}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50`,
        ),
      badToken: () => new AwsError('InvalidNextToken', 'The specified token is not valid.'),
    },
  );
  return {
    // History entries carry no ARN; they add labels, tier and policies (ParameterHistory).
    Parameters: out.items.map((p) => {
      const { ARN: _arn, ...rest } = render(p, params['WithDecryption']);
      return { ...rest, Labels: [], Tier: 'Standard', Policies: [] };
    }),
    ...(out.next ? { NextToken: out.next } : {}),
  };
}

/** A public latest-AMI parameter's version, as AWS publishes them (String, aws:ec2:image). */
function imageParameter(name: string, value: string, region: string, version: number, at: number): Parameter {
  return { name, region, value, type: 'String', dataType: 'aws:ec2:image', version, lastModified: at };
}

export function createSsmService(): SsmService {
  let state: SsmState = { parameters: [], history: [] };
  // The sandbox clock, known once seeded; an unseeded sandbox has no public parameters.
  let clockNow: () => number = () => Date.now();

  const find = (name: string, region: string): Parameter | undefined => {
    const plain = name.replace(/:\d+$/, '');
    return state.parameters.find((p) => p.region === region && p.name === plain);
  };

  const GetParameter: OperationHandler = (req) => {
    const name = req.params.Name;
    if (typeof name !== 'string')
      throw new AwsError(
        'ValidationException',
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
      );
    validateName(name.replace(/:\d+$/, ''));
    const p = find(name, req.region);
    if (!p) throw new AwsError('ParameterNotFound', '');
    return { Parameter: render(p, req.params.WithDecryption) };
  };

  const GetParameters: OperationHandler = (req) => {
    const names = req.params.Names;
    if (!Array.isArray(names) || names.length === 0 || names.length > 10) {
      throw new AwsError(
        'ValidationException',
        "1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length between 1 and 10",
      );
    }
    const found: Record<string, unknown>[] = [];
    const invalid: string[] = [];
    for (const n of names) {
      const p = typeof n === 'string' ? find(n, req.region) : undefined;
      if (p) found.push(render(p, req.params.WithDecryption));
      else invalid.push(String(n));
    }
    return { Parameters: found, InvalidParameters: invalid };
  };

  const PutParameter: OperationHandler = (req, ctx) => {
    const { Name: name, Value: value, Type: type, KeyId: keyId, Overwrite: overwrite } = req.params;
    const dataType = req.params.DataType ?? 'text';
    const tier = req.params.Tier ?? 'Standard';
    if (typeof name !== 'string' || typeof value !== 'string')
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value null at '${typeof name !== 'string' ? 'name' : 'value'}' failed to satisfy constraint: Member must not be null`,
      );
    validateName(name);
    checkNotReserved(name);
    if (type !== undefined && !(TYPES as readonly unknown[]).includes(type))
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value '${String(type)}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]`,
      );
    if (typeof dataType !== 'string' || !DATA_TYPES.includes(dataType))
      throw new AwsError(
        'ValidationException',
        `The following data type is not supported: ${String(dataType)} (Data type names are all lowercase.)`,
      );
    const limit = VALUE_LIMIT[String(tier)] ?? VALUE_LIMIT.Standard ?? 4096;
    if (value.length === 0 || value.length > limit)
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length between 1 and ${limit}`,
      );
    const existing = find(name, req.region);
    if (existing && overwrite !== true)
      throw new AwsError(
        'ParameterAlreadyExists',
        'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
      );
    const newType = (type ?? existing?.type) as Parameter['type'] | undefined;
    if (!newType)
      throw new AwsError('ValidationException', 'A parameter type is required when you create a parameter.');
    if (keyId !== undefined && newType !== 'SecureString')
      throw new AwsError('ValidationException', 'KeyId is required for SecureString type parameter only.');
    const parameter: Parameter = {
      name,
      region: req.region,
      value,
      type: newType,
      ...(newType === 'SecureString'
        ? { keyId: typeof keyId === 'string' ? keyId : (existing?.keyId ?? 'alias/aws/ssm') }
        : {}),
      dataType,
      version: (existing?.version ?? 0) + 1,
      lastModified: ctx.clock.now(),
    };
    replace(existing, parameter);
    return { Version: parameter.version, Tier: tier };
  };

  /** Makes `next` the current version, keeping `previous` (if any) in the history. */
  const replace = (previous: Parameter | undefined, next: Parameter): void => {
    state = withVersion(state, previous, next);
  };

  const GetParameterHistory: OperationHandler = (req) => historyPage(state, req, find);

  const publishPublicParameter = (name: string, value: string, region = REGION): number => {
    if (!name.startsWith('/aws/service/'))
      throw new Error(`publishPublicParameter: ${name} is not under /aws/service/`);
    const existing = find(name, region);
    const parameter = imageParameter(name, value, region, (existing?.version ?? 0) + 1, clockNow());
    replace(existing, parameter);
    return parameter.version;
  };

  return {
    name: 'ssm',
    protocol: 'json',
    namespace: 'AmazonSSM',
    operations: { GetParameter, GetParameters, GetParameterHistory, PutParameter },
    publishPublicParameter,
    inventory: () =>
      // A SecureString's plaintext stays out of the inventory, as it stays out of AWS's lists.
      state.parameters.map((p) => ({
        kind: 'parameter',
        id: p.name,
        state: p.type === 'SecureString' ? 'SecureString' : p.value,
        tags: {},
      })),
    snapshotState: () => structuredClone(state),
    restoreState(saved) {
      const restored = structuredClone(saved) as Partial<SsmState>;
      state = { parameters: restored.parameters ?? [], history: restored.history ?? [] };
    },
    reset() {
      state = { parameters: [], history: [] };
    },
    seed(ctx) {
      seedRegion(ctx);
    },
    seedRegion,
  };

  /** The public parameters of the seed, in `ctx.region`. */
  function seedRegion(ctx: ServiceContext): void {
    clockNow = () => ctx.clock.now();
    const region = ctx.region ?? REGION;
    for (const [name, value] of Object.entries(seedFor(region).parameters))
      state.parameters.push(imageParameter(name, value, region, 1, Date.parse('2025-01-17T00:00:00.000Z')));
  }
}
