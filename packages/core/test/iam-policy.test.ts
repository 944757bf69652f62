import { describe, expect, it } from '@jest/globals';
import { HISTORY_PREFIX } from '../src/dns-history.js';
import {
  IamParameterError,
  MANAGED_POLICY_LIMIT,
  actionPolicy,
  cloudFormationTemplate,
  concreteStatement,
  definePermissions,
  managedResource,
  parseIamArgs,
  policySize,
  roleSpec,
  splitPolicy,
  unfilled,
  unionPolicy,
  type IamStatement,
  type PolicyParams,
} from '../src/iam-policy.js';
import { LEASE_PREFIX } from '../src/lease.js';
import { ACTION_PERMISSIONS } from './iam/actions.js';

const PARAMS: PolicyParams = {
  partition: 'aws',
  account: '123456789012',
  regions: ['us-east-1'],
  env: 'prod',
  instanceRoleArns: ['arn:aws:iam::123456789012:role/immut-*'],
  ssmParameterPrefixes: ['/immut/base-images/'],
  hostedZoneIds: ['Z0123456789ABC'],
  recordNames: ['api.prod.example.com'],
};

const statement = (over: Partial<IamStatement> = {}): IamStatement => ({
  sid: 'S',
  actions: ['ec2:TerminateInstances'],
  resources: ['arn:${Partition}:ec2:${Region}:${Account}:instance/*'],
  conditions: managedResource(),
  why: 'because',
  calls: 'x.ts: f',
  ...over,
});

const ARGS = [
  '--repo',
  'acme/shop',
  '--account',
  '123456789012',
  '--region',
  'us-east-1',
  '--out',
  '/tmp/out',
];

describe('definePermissions', () => {
  it('refuses a sid used twice, an unknown placeholder and a statement without why', () => {
    expect(() => definePermissions({ iam: [statement(), statement()] })).toThrow(/used twice/);
    expect(() => definePermissions({ iam: [statement({ resources: ['arn:${Bogus}:x'] })] })).toThrow(
      /unknown placeholder \$\{Bogus\}/,
    );
    expect(() => definePermissions({ iam: [statement({ why: ' ' })] })).toThrow(/must say why/);
  });
});

describe('filling placeholders', () => {
  it('repeats a resource and a condition value once per value of a list placeholder', () => {
    const s = concreteStatement(
      statement({
        actions: ['kms:Decrypt'],
        resources: ['arn:${Partition}:kms:${Region}:${Account}:key/*'],
        conditions: { StringEquals: { 'kms:ViaService': ['ec2.${Region}.amazonaws.com'] } },
      }),
      { ...PARAMS, regions: ['us-east-1', 'eu-west-1'] },
    );
    expect(s?.Resource).toEqual([
      'arn:aws:kms:us-east-1:123456789012:key/*',
      'arn:aws:kms:eu-west-1:123456789012:key/*',
    ]);
    expect(s?.Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['ec2.us-east-1.amazonaws.com', 'ec2.eu-west-1.amazonaws.com'] },
    });
  });

  it('without an env, keeps the managed-by condition, drops the env one and makes the env * in names', () => {
    const { env: _env, ...noEnv } = PARAMS;
    const s = concreteStatement(
      statement({ resources: ['arn:${Partition}:rds:${Region}:${Account}:db:${Env}-*'] }),
      noEnv,
    );
    expect(s?.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/immut:managed-by': 'immut' } });
    expect(s?.Resource).toBe('arn:aws:rds:us-east-1:123456789012:db:*-*');
    const withEnv = concreteStatement(statement(), PARAMS);
    expect(withEnv?.Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/immut:managed-by': 'immut', 'aws:ResourceTag/immut:env': 'prod' },
    });
  });

  it('leaves out a statement whose list placeholder has no value, never widening it', () => {
    const passRole = statement({
      actions: ['iam:PassRole'],
      resources: ['${InstanceRoleArn}'],
      conditions: {},
    });
    expect(concreteStatement(passRole, { ...PARAMS, instanceRoleArns: [] })).toBeUndefined();
    const dns = statement({
      actions: ['route53:ChangeResourceRecordSets'],
      resources: ['arn:${Partition}:route53:::hostedzone/${HostedZoneId}'],
      conditions: {
        'ForAllValues:StringLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['${RecordName}'],
        },
      },
    });
    expect(concreteStatement(dns, { ...PARAMS, recordNames: [] })).toBeUndefined();
  });

  it('drops only the resource whose list is empty and keeps the others', () => {
    const ssm = statement({
      actions: ['ssm:GetParameter'],
      resources: [
        'arn:${Partition}:ssm:${Region}::parameter/aws/service/*',
        'arn:${Partition}:ssm:${Region}:${Account}:parameter${SsmParameterPrefix}*',
      ],
      conditions: {},
    });
    expect(concreteStatement(ssm, { ...PARAMS, ssmParameterPrefixes: [] })?.Resource).toBe(
      'arn:aws:ssm:us-east-1::parameter/aws/service/*',
    );
    expect(concreteStatement(ssm, PARAMS)?.Resource).toEqual([
      'arn:aws:ssm:us-east-1::parameter/aws/service/*',
      'arn:aws:ssm:us-east-1:123456789012:parameter/immut/base-images/*',
    ]);
  });
});

describe("the actions' policies", () => {
  const all = ACTION_PERMISSIONS.flatMap(([name, p]) => p.iam.map((s) => [name, s] as const));

  it('fill every placeholder', () => {
    for (const [name, p] of ACTION_PERMISSIONS)
      expect([name, unfilled(actionPolicy(p, PARAMS))]).toEqual([name, undefined]);
    expect(unfilled(unionPolicy(ACTION_PERMISSIONS, PARAMS))).toBeUndefined();
  });

  it('condition every delete, terminate, deregister, modify and target registration on immut:managed-by', () => {
    const mutating = /:(Delete|Terminate|Deregister|Modify|RegisterTargets|GetConsoleOutput)/;
    const unguarded = all.filter(
      ([, s]) =>
        s.actions.some((a) => mutating.test(a)) &&
        s.conditions?.StringEquals?.['aws:ResourceTag/immut:managed-by']?.[0] !== 'immut',
    );
    expect(unguarded.map(([n, s]) => `${n}/${s.sid}`)).toEqual([]);
  });

  it('write tags only while creating, or on resources immut already manages', () => {
    const tagging = all.filter(([, s]) =>
      s.actions.some((a) => /:(CreateTags|AddTags|AddTagsToResource)$/.test(a)),
    );
    expect(tagging.length).toBeGreaterThan(0);
    const loose = tagging.filter(([, s]) => {
      const eq = s.conditions?.StringEquals ?? {};
      const onCreate = eq['ec2:CreateAction'] ?? eq['elasticloadbalancing:CreateAction'];
      const managed = eq['aws:ResourceTag/immut:managed-by'];
      return onCreate === undefined && managed === undefined;
    });
    // RDS has no create-action key: its tag-on-create statement is the documented exception,
    // and must still require immut's tags in the request and name the env in the identifier.
    expect(loose.map(([n, s]) => `${n}/${s.sid}`)).toEqual(['replicate-data/TagOnCreate']);
    const [, rds] = loose[0]!;
    expect(rds.conditions?.StringEquals?.['aws:RequestTag/immut:managed-by']).toEqual(['immut']);
    expect(rds.resources.every((r) => r.includes(':${Env}-*'))).toBe(true);
    expect(rds.why).toMatch(/also allows tagging an existing/);
  });

  it('pass only the named instance roles, and only to EC2', () => {
    const passRole = all.filter(([, s]) => s.actions.includes('iam:PassRole'));
    expect(passRole.length).toBe(2);
    for (const [, s] of passRole) {
      expect(s.resources).toEqual(['${InstanceRoleArn}']);
      expect(s.conditions).toEqual({ StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com'] } });
    }
  });

  it('use KMS only through EC2', () => {
    for (const [, s] of all.filter(([, s]) => s.actions.some((a) => a.startsWith('kms:')))) {
      expect(s.conditions?.StringEquals?.['kms:ViaService']).toEqual(['ec2.${Region}.amazonaws.com']);
    }
  });

  it("change only the names immut manages, with the exact _immut- record prefixes of core's modules", () => {
    expect(HISTORY_PREFIX).toBe('_immut-history.');
    expect(LEASE_PREFIX).toBe('_immut-lease.');
    const cutover = ACTION_PERMISSIONS.find(([n]) => n === 'cutover-dns')![1].iam.find(
      (s) => s.sid === 'MoveName',
    )!;
    expect(cutover.conditions?.['ForAllValues:StringLike']).toEqual({
      'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
        '${RecordName}',
        `${HISTORY_PREFIX}\${RecordName}`,
        `${LEASE_PREFIX}\${RecordName}`,
      ],
    });
    for (const [, s] of all.filter(([, s]) => s.actions.includes('route53:ChangeResourceRecordSets'))) {
      expect(s.resources).toEqual(['arn:${Partition}:route53:::hostedzone/${HostedZoneId}']);
      expect(
        s.conditions?.['ForAllValues:StringLike']?.['route53:ChangeResourceRecordSetsNormalizedRecordNames'],
      ).toBeDefined();
    }
  });

  it('merge the union without granting an action on a resource no statement gave it', () => {
    const union = unionPolicy(ACTION_PERMISSIONS, PARAMS);
    const granted = (policy: typeof union) =>
      new Set(
        policy.Statement.flatMap((st) =>
          [st.Action]
            .flat()
            .flatMap((a) =>
              [st.Resource].flat().map((r) => `${a} ${r} ${JSON.stringify(st.Condition ?? {})}`),
            ),
        ),
      );
    const separate = new Set(ACTION_PERMISSIONS.flatMap(([, p]) => [...granted(actionPolicy(p, PARAMS))]));
    expect([...granted(union)].filter((g) => !separate.has(g))).toEqual([]);
    expect([...separate].filter((g) => !granted(union).has(g))).toEqual([]);
  });
});

describe('roleSpec', () => {
  it('pins the subject to the environment when one is given, else to the branch (main by default)', () => {
    expect(roleSpec(parseIamArgs([...ARGS, '--environment', 'production'])).subject).toBe(
      'repo:acme/shop:environment:production',
    );
    expect(roleSpec(parseIamArgs(ARGS)).subject).toBe('repo:acme/shop:ref:refs/heads/main');
    expect(roleSpec(parseIamArgs([...ARGS, '--branch', 'release'])).subject).toBe(
      'repo:acme/shop:ref:refs/heads/release',
    );
  });

  it('takes list flags repeated or comma-separated, and normalizes record names', () => {
    const spec = roleSpec(
      parseIamArgs([
        ...ARGS,
        '--region=eu-west-1,us-east-1',
        '--hosted-zone-id',
        'Z0123456789ABC',
        '--record-name',
        'API.prod.example.com.',
        '--record-name=web.prod.example.com',
      ]),
    );
    expect(spec.params.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(spec.params.recordNames).toEqual(['api.prod.example.com', 'web.prod.example.com']);
  });

  it.each([
    [['--account', '12345'], /--account was '12345': expected the 12-digit AWS account id/],
    [['--region', 'useast1'], /--region was 'useast1'/],
    [['--repo', 'not a repo'], /--repo was 'not a repo'/],
    [
      ['--instance-role-arn', 'arn:aws:iam::123456789012:role/*'],
      /--instance-role-arn .*would let the role pass any role/,
    ],
    [
      ['--instance-role-arn', 'arn:aws:iam::999999999999:role/x'],
      /--instance-role-arn was .* in this account/,
    ],
    [['--ssm-parameter-prefix', 'immut/'], /--ssm-parameter-prefix was 'immut\/'/],
    [['--hosted-zone-id', 'example.com'], /--hosted-zone-id was 'example.com'/],
    [
      ['--hosted-zone-id', 'Z0123456789ABC', '--record-name', '*.example.com'],
      /--record-name was '\*\.example\.com'/,
    ],
    [['--record-name', 'api.example.com'], /--record-name was given without --hosted-zone-id/],
    [['--env', 'Prod!'], /--env was 'Prod!'/],
    [['--environment', 'production', '--branch', 'main'], /--environment and --branch were both given/],
    [
      ['--existing-oidc-provider-arn', 'arn:aws:iam::123456789012:oidc-provider/example.com'],
      /--existing-oidc-provider-arn was/,
    ],
  ])('refuses %j naming the flag', (extra, message) => {
    const args = [...ARGS];
    // A flag given twice would be refused as such: replace the base value.
    for (let i = 0; i < extra.length; i += 2) {
      const at = args.indexOf(extra[i]!);
      if (at >= 0 && !['--region'].includes(extra[i]!)) args.splice(at, 2);
    }
    const run = () =>
      roleSpec(
        parseIamArgs(
          extra[0] === '--region'
            ? [...args.filter((a, i) => a !== '--region' && args[i - 1] !== '--region'), ...extra]
            : [...args, ...extra],
        ),
      );
    expect(run).toThrow(IamParameterError);
    expect(run).toThrow(message);
  });

  it('refuses a missing required flag, an unknown flag and a flag without value', () => {
    expect(() => roleSpec(parseIamArgs(ARGS.slice(2)))).toThrow('--repo is required.');
    expect(() =>
      roleSpec(parseIamArgs(['--repo', 'acme/shop', '--region', 'us-east-1', '--out', 'x'])),
    ).toThrow('--account is required.');
    expect(() => roleSpec(parseIamArgs(ARGS.filter((a) => a !== '--region' && a !== 'us-east-1')))).toThrow(
      /--region is required/,
    );
    expect(() => parseIamArgs(['--bogus', 'x'])).toThrow(/unknown argument '--bogus'/);
    expect(() => parseIamArgs(['--repo'])).toThrow('--repo needs a value.');
    expect(() => parseIamArgs(['--repo', 'a/b', '--repo', 'c/d'])).toThrow('--repo was given twice.');
  });
});

describe('cloudFormationTemplate', () => {
  const full = [
    ...ARGS,
    '--environment',
    'production',
    '--env',
    'prod',
    '--instance-role-arn',
    'arn:aws:iam::123456789012:role/immut-*',
    '--ssm-parameter-prefix',
    '/immut/',
    '--hosted-zone-id',
    'Z0123456789ABC',
    '--record-name',
    'api.prod.example.com',
  ];

  it('makes the OIDC provider and a role trusting only the repository environment with the sts audience', () => {
    const spec = roleSpec(parseIamArgs(full));
    const t = cloudFormationTemplate(spec, unionPolicy(ACTION_PERMISSIONS, spec.params)) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    expect(t.Resources['GitHubOidcProvider']).toEqual({
      Type: 'AWS::IAM::OIDCProvider',
      Properties: { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] },
    });
    const role = t.Resources['ImmutRole']!.Properties;
    expect(role['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: { Ref: 'GitHubOidcProvider' } },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'token.actions.githubusercontent.com:sub': 'repo:acme/shop:environment:production',
            },
          },
        },
      ],
    });
    expect(JSON.stringify(t)).not.toContain('${');
  });

  it('attaches the whole union as managed policies that each fit IAM’s limit', () => {
    const spec = roleSpec(
      parseIamArgs([...full, '--region', 'eu-west-1', '--record-name', 'web.prod.example.com']),
    );
    const union = unionPolicy(ACTION_PERMISSIONS, spec.params);
    const t = cloudFormationTemplate(spec, union) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const policies = Object.entries(t.Resources).filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy');
    expect(policies.length).toBeGreaterThan(1);
    for (const [, p] of policies)
      expect(policySize(p.Properties['PolicyDocument'] as never)).toBeLessThanOrEqual(MANAGED_POLICY_LIMIT);
    expect(policies.flatMap(([, p]) => (p.Properties['PolicyDocument'] as typeof union).Statement)).toEqual(
      union.Statement,
    );
    expect(t.Resources['ImmutRole']!.Properties['ManagedPolicyArns']).toEqual(
      policies.map(([k]) => ({ Ref: k })),
    );
  });

  it('uses an existing OIDC provider instead of making one', () => {
    const arnOfProvider = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
    const spec = roleSpec(parseIamArgs([...ARGS, '--existing-oidc-provider-arn', arnOfProvider]));
    const t = cloudFormationTemplate(spec, unionPolicy(ACTION_PERMISSIONS, spec.params)) as {
      Resources: Record<
        string,
        { Properties: { AssumeRolePolicyDocument?: { Statement: Array<{ Principal: unknown }> } } }
      >;
    };
    expect(t.Resources['GitHubOidcProvider']).toBeUndefined();
    expect(t.Resources['ImmutRole']!.Properties.AssumeRolePolicyDocument!.Statement[0]!.Principal).toEqual({
      Federated: arnOfProvider,
    });
  });

  it('refuses a statement too large for any managed policy, naming it', () => {
    const big = {
      Version: '2012-10-17' as const,
      Statement: [{ Sid: 'Big', Effect: 'Allow' as const, Action: 'x:Y', Resource: 'r'.repeat(7000) }],
    };
    expect(() => splitPolicy(big)).toThrow(/statement Big alone is/);
  });
});
