// KMS over the wire (awsJson1_1, TrentService, as @aws-sdk/client-kms sends it): keys, aliases,
// key policies and grants, per account, and a key of another account reached by its ARN only
// when its policy or a grant lets the caller in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ACCOUNT_ID, SEED_KEY_ALIAS, seededKeyId, startSandbox, type Sandbox } from '../src/index.js';
import { kmsCall } from './helpers.js';

const A = ACCOUNT_ID;
const B = '210987654321';
const KEY_A = 'test';
const KEY_B = 'account-b-key';

interface KeyMetadata {
  KeyId: string;
  Arn: string;
  AWSAccountId: string;
  KeyState: string;
  Description: string;
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ timeScale: 1, accounts: [{ id: B, credentials: { [KEY_B]: 's' } }] });
});
afterAll(async () => {
  await sb.stop();
});
beforeEach(async () => {
  await sb.reset();
});

const createKey = async (key: string, body: Record<string, unknown> = {}): Promise<KeyMetadata> => {
  const out = await kmsCall<{ KeyMetadata: KeyMetadata }>(sb, key, 'CreateKey', body);
  expect(out.status).toBe(200);
  return out.body.KeyMetadata;
};

describe('keys and aliases', () => {
  it('seeds one customer managed key per account under alias/immut-sandbox', async () => {
    for (const [key, account] of [
      [KEY_A, A],
      [KEY_B, B],
    ] as const) {
      const { body } = await kmsCall<{ KeyMetadata: KeyMetadata }>(sb, key, 'DescribeKey', {
        KeyId: SEED_KEY_ALIAS,
      });
      expect(body.KeyMetadata).toMatchObject({
        KeyId: seededKeyId(account, 'us-east-1'),
        AWSAccountId: account,
        KeyState: 'Enabled',
        Arn: `arn:aws:kms:us-east-1:${account}:key/${seededKeyId(account, 'us-east-1')}`,
      });
    }
  });

  it('creates a key, names it with an alias and lists both', async () => {
    const key = await createKey(KEY_A, { Description: 'images', Tags: [{ TagKey: 'team', TagValue: 'a' }] });
    expect(key.KeyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(key).toMatchObject({
      AWSAccountId: A,
      Description: 'images',
      Arn: `arn:aws:kms:us-east-1:${A}:key/${key.KeyId}`,
    });
    expect(
      (await kmsCall(sb, KEY_A, 'CreateAlias', { AliasName: 'alias/images', TargetKeyId: key.KeyId })).status,
    ).toBe(200);
    const described = await kmsCall<{ KeyMetadata: KeyMetadata }>(sb, KEY_A, 'DescribeKey', {
      KeyId: `arn:aws:kms:us-east-1:${A}:alias/images`,
    });
    expect(described.body.KeyMetadata.KeyId).toBe(key.KeyId);
    const aliases = await kmsCall<{ Aliases: Array<{ AliasName: string; TargetKeyId: string }> }>(
      sb,
      KEY_A,
      'ListAliases',
      {
        KeyId: key.KeyId,
      },
    );
    expect(aliases.body.Aliases).toEqual([
      expect.objectContaining({ AliasName: 'alias/images', TargetKeyId: key.KeyId }),
    ]);
    const keys = await kmsCall<{ Keys: Array<{ KeyId: string }> }>(sb, KEY_A, 'ListKeys', {});
    expect(keys.body.Keys.map((k) => k.KeyId)).toEqual([seededKeyId(A, 'us-east-1'), key.KeyId]);
    // The other account has neither.
    expect((await kmsCall(sb, KEY_B, 'DescribeKey', { KeyId: 'alias/images' })).body.__type).toBe(
      'NotFoundException',
    );
  });

  it("answers KMS's errors for a missing key, a taken alias and a reserved one", async () => {
    const missing = await kmsCall(sb, KEY_A, 'DescribeKey', {
      KeyId: '11111111-2222-3333-4444-555555555555',
    });
    expect(missing).toMatchObject({ status: 400, body: { __type: 'NotFoundException' } });
    const taken = await kmsCall(sb, KEY_A, 'CreateAlias', {
      AliasName: SEED_KEY_ALIAS,
      TargetKeyId: SEED_KEY_ALIAS,
    });
    expect(taken.body.__type).toBe('AlreadyExistsException');
    const reserved = await kmsCall(sb, KEY_A, 'CreateAlias', {
      AliasName: 'alias/aws/ebs',
      TargetKeyId: SEED_KEY_ALIAS,
    });
    expect(reserved.body.__type).toBe('NotAuthorizedException');
    const noKey = await kmsCall(sb, KEY_A, 'DescribeKey', {});
    expect(noKey.body.__type).toBe('ValidationException');
    const badPolicy = await kmsCall(sb, KEY_A, 'PutKeyPolicy', {
      KeyId: SEED_KEY_ALIAS,
      Policy: '{not json',
    });
    expect(badPolicy.body.__type).toBe('MalformedPolicyDocumentException');
  });
});

describe("another account's key", () => {
  const keyOfA = (): string => `arn:aws:kms:us-east-1:${A}:key/${seededKeyId(A, 'us-east-1')}`;

  it('is refused until its key policy names the account', async () => {
    const refused = await kmsCall(sb, KEY_B, 'DescribeKey', { KeyId: keyOfA() });
    expect(refused.status).toBe(400);
    expect(refused.body.__type).toBe('AccessDeniedException');
    expect(refused.body.message).toContain(
      `User: arn:aws:iam::${B}:user/sandbox is not authorized to perform: kms:DescribeKey`,
    );

    const { body } = await kmsCall<{ Policy: string }>(sb, KEY_A, 'GetKeyPolicy', {
      KeyId: SEED_KEY_ALIAS,
      PolicyName: 'default',
    });
    const policy = JSON.parse(body.Policy) as { Statement: unknown[] };
    policy.Statement.push({
      Sid: 'AllowAccountB',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${B}:root` },
      Action: ['kms:DescribeKey', 'kms:CreateGrant', 'kms:ListGrants'],
      Resource: '*',
    });
    expect(
      (await kmsCall(sb, KEY_A, 'PutKeyPolicy', { KeyId: SEED_KEY_ALIAS, Policy: JSON.stringify(policy) }))
        .status,
    ).toBe(200);
    const allowed = await kmsCall<{ KeyMetadata: KeyMetadata }>(sb, KEY_B, 'DescribeKey', {
      KeyId: keyOfA(),
    });
    expect(allowed.body.KeyMetadata.AWSAccountId).toBe(A);
    // Policies stay the owner's business.
    expect((await kmsCall(sb, KEY_B, 'GetKeyPolicy', { KeyId: keyOfA() })).body.__type).toBe(
      'AccessDeniedException',
    );
  });

  it('is usable through a grant, which the owner lists and revokes', async () => {
    const grant = await kmsCall<{ GrantId: string }>(sb, KEY_A, 'CreateGrant', {
      KeyId: SEED_KEY_ALIAS,
      GranteePrincipal: `arn:aws:iam::${B}:root`,
      Operations: ['DescribeKey', 'Decrypt'],
      Name: 'promote-to-b',
    });
    expect(grant.status).toBe(200);
    expect((await kmsCall(sb, KEY_B, 'DescribeKey', { KeyId: keyOfA() })).status).toBe(200);
    const listed = await kmsCall<{ Grants: Array<Record<string, unknown>> }>(sb, KEY_A, 'ListGrants', {
      KeyId: SEED_KEY_ALIAS,
    });
    expect(listed.body.Grants).toEqual([
      expect.objectContaining({
        GrantId: grant.body.GrantId,
        KeyId: keyOfA(),
        GranteePrincipal: `arn:aws:iam::${B}:root`,
        IssuingAccount: `arn:aws:iam::${A}:root`,
        Operations: ['DescribeKey', 'Decrypt'],
        Name: 'promote-to-b',
      }),
    ]);
    expect(
      (await kmsCall(sb, KEY_A, 'RevokeGrant', { KeyId: SEED_KEY_ALIAS, GrantId: grant.body.GrantId }))
        .status,
    ).toBe(200);
    expect((await kmsCall(sb, KEY_B, 'DescribeKey', { KeyId: keyOfA() })).body.__type).toBe(
      'AccessDeniedException',
    );
    const again = await kmsCall(sb, KEY_A, 'RevokeGrant', {
      KeyId: SEED_KEY_ALIAS,
      GrantId: grant.body.GrantId,
    });
    expect(again.body.__type).toBe('NotFoundException');
  });

  it('refuses a grant to something that is not a principal, and operations KMS does not have', async () => {
    const principal = await kmsCall(sb, KEY_A, 'CreateGrant', {
      KeyId: SEED_KEY_ALIAS,
      GranteePrincipal: B,
      Operations: ['Decrypt'],
    });
    expect(principal.body.__type).toBe('ValidationException');
    const operation = await kmsCall(sb, KEY_A, 'CreateGrant', {
      KeyId: SEED_KEY_ALIAS,
      GranteePrincipal: `arn:aws:iam::${B}:root`,
      Operations: ['Launch'],
    });
    expect(operation.body.__type).toBe('ValidationException');
  });
});

describe('KMS under IAM', () => {
  it('authorizes a key operation on the key ARN, whatever alias the request names', async () => {
    const keyArn = `arn:aws:kms:us-east-1:${A}:key/${seededKeyId(A, 'us-east-1')}`;
    sb.iam.set('kms-user', [
      { Statement: [{ Effect: 'Allow', Action: 'kms:DescribeKey', Resource: 'arn:aws:kms:*:*:alias/*' }] },
    ]);
    try {
      const refused = await kmsCall(sb, 'kms-user', 'DescribeKey', { KeyId: SEED_KEY_ALIAS });
      expect(refused.body.__type).toBe('AccessDeniedException');
      expect(sb.calls().at(-1)?.iam?.resource).toBe(keyArn);
      sb.iam.set('kms-user', [
        { Statement: [{ Effect: 'Allow', Action: 'kms:DescribeKey', Resource: keyArn }] },
      ]);
      expect((await kmsCall(sb, 'kms-user', 'DescribeKey', { KeyId: SEED_KEY_ALIAS })).status).toBe(200);
    } finally {
      sb.iam.configure({});
    }
  });
});
