// SSM Parameter Store: the account's own parameters (PutParameter) and how GetParameter /
// GetParameters return them, SecureString above all: AWS returns the plaintext only when
// asked to decrypt, and the encrypted blob otherwise (GetParameter, WithDecryption).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersCommand,
  PutParameterCommand,
  paginateGetParameterHistory,
} from '@aws-sdk/client-ssm';
import { startSandbox, type Sandbox, type SsmService } from '../src/index.js';
import { clients, failure } from './helpers.js';

let sb: Sandbox;
let c: ReturnType<typeof clients>;

beforeAll(async () => {
  sb = await startSandbox({ timeScale: 10000 });
  c = clients(sb);
});
afterAll(async () => {
  c.destroy();
  await sb.stop();
});
beforeEach(async () => {
  await sb.reset();
});

const SECRET_NAME = '/prod/api/db-password';
const SECRET = 'S3cr3t-correct-horse-battery';

describe('SecureString parameters', () => {
  beforeEach(async () => {
    await c.ssm.send(new PutParameterCommand({ Name: SECRET_NAME, Value: SECRET, Type: 'SecureString' }));
  });

  it('returns the encrypted blob, not the plaintext, without WithDecryption', async () => {
    for (const WithDecryption of [undefined, false]) {
      const out = await c.ssm.send(new GetParameterCommand({ Name: SECRET_NAME, WithDecryption }));
      expect(out.Parameter).toMatchObject({ Name: SECRET_NAME, Type: 'SecureString', Version: 1 });
      const value = out.Parameter!.Value!;
      expect(value).not.toContain(SECRET);
      expect(value).not.toContain('S3cr3t');
      // base64 of a blob at least as long as the plaintext
      expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(value, 'base64').toString('latin1')).not.toContain('S3cr3t');
      expect(Buffer.from(value, 'base64').length).toBeGreaterThan(SECRET.length);
    }
    const both = await c.ssm.send(new GetParametersCommand({ Names: [SECRET_NAME] }));
    expect(both.Parameters![0]!.Value).not.toContain('S3cr3t');
  });

  it('returns the plaintext with WithDecryption', async () => {
    const out = await c.ssm.send(new GetParameterCommand({ Name: SECRET_NAME, WithDecryption: true }));
    expect(out.Parameter!.Value).toBe(SECRET);
    const both = await c.ssm.send(new GetParametersCommand({ Names: [SECRET_NAME], WithDecryption: true }));
    expect(both.Parameters![0]!.Value).toBe(SECRET);
  });

  it('keeps the plaintext out of the inventory', () => {
    const item = sb.inventory().find((i) => i.kind === 'parameter' && i.id === SECRET_NAME);
    expect(item).toBeDefined();
    expect(JSON.stringify(item)).not.toContain('S3cr3t');
  });
});

describe('PutParameter', () => {
  it('creates a String parameter and returns it as stored, ignoring WithDecryption', async () => {
    const put = await c.ssm.send(
      new PutParameterCommand({ Name: '/team/images/base', Value: 'ami-0a0000000000a2303', Type: 'String' }),
    );
    expect(put.Version).toBe(1);
    const out = await c.ssm.send(new GetParameterCommand({ Name: '/team/images/base' }));
    expect(out.Parameter).toMatchObject({
      Type: 'String',
      Value: 'ami-0a0000000000a2303',
      DataType: 'text',
      ARN: 'arn:aws:ssm:us-east-1:123456789012:parameter/team/images/base',
    });
  });

  it('refuses to overwrite without Overwrite, and bumps the version with it', async () => {
    await c.ssm.send(new PutParameterCommand({ Name: '/a/b', Value: 'one', Type: 'String' }));
    const again = await failure(c.ssm.send(new PutParameterCommand({ Name: '/a/b', Value: 'two' })));
    expect(again.name).toBe('ParameterAlreadyExists');
    const put = await c.ssm.send(new PutParameterCommand({ Name: '/a/b', Value: 'two', Overwrite: true }));
    expect(put.Version).toBe(2);
    const out = await c.ssm.send(new GetParameterCommand({ Name: '/a/b' }));
    expect(out.Parameter).toMatchObject({ Value: 'two', Type: 'String', Version: 2 });
  });

  it('needs a type to create a parameter', async () => {
    const error = await failure(c.ssm.send(new PutParameterCommand({ Name: '/a/new', Value: 'x' })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(/type is required/);
  });

  it('refuses the names AWS reserves', async () => {
    const aws = await failure(
      c.ssm.send(new PutParameterCommand({ Name: '/aws/service/mine', Value: 'x', Type: 'String' })),
    );
    expect(aws.name).toBe('AccessDeniedException');
    expect(aws.message).toContain('reserved parameter name');
    const ssm = await failure(
      c.ssm.send(new PutParameterCommand({ Name: 'SSM-x', Value: 'x', Type: 'String' })),
    );
    expect(ssm.name).toBe('ValidationException');
  });
});

describe('GetParameterHistory', () => {
  const LATEST = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
  const publish = (value: string): number =>
    (sb.services.find((s) => s.name === 'ssm') as SsmService).publishPublicParameter(LATEST, value);

  it('lists every version of a public parameter, oldest first, after AWS moves it', async () => {
    expect(publish('ami-0b0000000000b0001')).toBe(2);
    expect(publish('ami-0b0000000000b0002')).toBe(3);
    const out = await c.ssm.send(new GetParameterHistoryCommand({ Name: LATEST }));
    expect(out.Parameters?.map((p) => [p.Version, p.Value])).toEqual([
      [1, 'ami-0a0000000000a2303'],
      [2, 'ami-0b0000000000b0001'],
      [3, 'ami-0b0000000000b0002'],
    ]);
    expect(out.NextToken).toBeUndefined();
    const now = await c.ssm.send(new GetParameterCommand({ Name: LATEST }));
    expect(now.Parameter).toMatchObject({ Value: 'ami-0b0000000000b0002', Version: 3 });
  });

  it('pages with MaxResults and NextToken, and refuses more than 50 a page', async () => {
    for (const v of ['1', '2', '3', '4'])
      await c.ssm.send(
        new PutParameterCommand({ Name: '/team/x', Value: v, Type: 'String', Overwrite: v !== '1' }),
      );
    const values: string[] = [];
    for await (const page of paginateGetParameterHistory({ client: c.ssm, pageSize: 3 }, { Name: '/team/x' }))
      values.push(...(page.Parameters ?? []).map((p) => p.Value ?? ''));
    expect(values).toEqual(['1', '2', '3', '4']);
    const tooMany = await failure(
      c.ssm.send(new GetParameterHistoryCommand({ Name: '/team/x', MaxResults: 51 })),
    );
    expect(tooMany.name).toBe('ValidationException');
  });

  it('keeps a SecureString encrypted in its history without WithDecryption', async () => {
    await c.ssm.send(new PutParameterCommand({ Name: SECRET_NAME, Value: SECRET, Type: 'SecureString' }));
    const out = await c.ssm.send(new GetParameterHistoryCommand({ Name: SECRET_NAME }));
    expect(out.Parameters?.[0]?.Value).not.toContain('S3cr3t');
  });

  it('answers ParameterNotFound for a parameter that does not exist', async () => {
    const missing = await failure(c.ssm.send(new GetParameterHistoryCommand({ Name: '/nope' })));
    expect(missing.name).toBe('ParameterNotFound');
  });
});
