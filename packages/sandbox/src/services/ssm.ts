// Emulated SSM Parameter Store (awsJson1_1, target prefix AmazonSSM): the public
// latest-AMI parameters (`/aws/service/...`) of the default seed, per region.
import { REGION, SEED_PARAMETERS } from '../seed.js';
import { AwsError, type EmulatedService, type OperationHandler } from '../service.js';

interface Parameter {
  name: string;
  region: string;
  value: string;
  type: 'String' | 'StringList' | 'SecureString';
  dataType: string;
  version: number;
  lastModified: number;
}

interface SsmState {
  parameters: Parameter[];
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

export function createSsmService(): EmulatedService {
  let state: SsmState = { parameters: [] };

  const arn = (p: Parameter): string =>
    p.name.startsWith('/aws/service/')
      ? `arn:aws:ssm:${p.region}::parameter${p.name}`
      : `arn:aws:ssm:${p.region}:123456789012:parameter${p.name.startsWith('/') ? '' : '/'}${p.name}`;

  const render = (p: Parameter): Record<string, unknown> => ({
    Name: p.name,
    Type: p.type,
    Value: p.value,
    Version: p.version,
    LastModifiedDate: new Date(p.lastModified),
    ARN: arn(p),
    DataType: p.dataType,
  });

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
    return { Parameter: render(p) };
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
      if (p) found.push(render(p));
      else invalid.push(String(n));
    }
    return { Parameters: found, InvalidParameters: invalid };
  };

  return {
    name: 'ssm',
    protocol: 'json',
    namespace: 'AmazonSSM',
    operations: { GetParameter, GetParameters },
    inventory: () =>
      state.parameters.map((p) => ({ kind: 'parameter', id: p.name, state: p.value, tags: {} })),
    snapshotState: () => structuredClone(state),
    restoreState(saved) {
      state = structuredClone(saved) as SsmState;
    },
    reset() {
      state = { parameters: [] };
    },
    seed(ctx) {
      const region = ctx.region ?? REGION;
      for (const [name, value] of Object.entries(SEED_PARAMETERS)) {
        state.parameters.push({
          name,
          region,
          value,
          type: 'String',
          dataType: 'aws:ec2:image',
          version: 1,
          lastModified: Date.parse('2025-01-17T00:00:00.000Z'),
        });
      }
    },
  };
}
