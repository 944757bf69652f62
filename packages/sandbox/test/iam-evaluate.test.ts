// The sandbox's IAM policy evaluator and policy reader, without a server: AWS's evaluation
// logic for identity-based policies (deny over allow, default deny), Action / NotAction
// and Resource / NotResource with wildcards, and each condition operator.
import { describe, expect, it } from '@jest/globals';
import {
  evaluate,
  parsePolicy,
  parsePolicyFile,
  type PolicyDocument,
  type RequestContext,
} from '../src/index.js';

const INSTANCE = 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0';

function policy(...statements: unknown[]): PolicyDocument {
  return parsePolicy({ Version: '2012-10-17', Statement: statements }, 'test policy');
}

function decide(
  p: PolicyDocument | PolicyDocument[],
  action: string,
  resource = INSTANCE,
  context: RequestContext = {},
) {
  return evaluate(Array.isArray(p) ? p : [p], { action, resource, context });
}

const allowed = (...args: Parameters<typeof decide>): boolean => decide(...args).allowed;

describe('IAM evaluation: effects', () => {
  it('denies by default when no statement applies', () => {
    const d = decide(
      policy({ Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }),
      'ec2:TerminateInstances',
    );
    expect(d).toEqual({ allowed: false, reason: 'implicit-deny', matched: [] });
  });

  it('lets an explicit Deny beat an Allow, across policy documents', () => {
    const allowAll = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    const deny = policy({
      Sid: 'NoTerminate',
      Effect: 'Deny',
      Action: 'ec2:TerminateInstances',
      Resource: '*',
    });
    const d = decide([allowAll, deny], 'ec2:TerminateInstances');
    expect(d.allowed).toBe(false);
    expect(d.reason).toBe('explicit-deny');
    expect(d.matched).toEqual([{ policy: 1, statement: 0, sid: 'NoTerminate', effect: 'Deny' }]);
    expect(allowed([allowAll, deny], 'ec2:StopInstances')).toBe(true);
  });

  it('allows when an Allow statement applies', () => {
    const d = decide(
      policy({ Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: INSTANCE }),
      'ec2:TerminateInstances',
    );
    expect(d.allowed).toBe(true);
    expect(d.reason).toBe('allowed');
  });
});

describe('IAM evaluation: actions and resources', () => {
  it('matches action names case-insensitively, with * and ? wildcards', () => {
    const p = policy({ Effect: 'Allow', Action: ['EC2:describe*', 'rds:Delete?BInstance'], Resource: '*' });
    expect(allowed(p, 'ec2:DescribeImages')).toBe(true);
    expect(allowed(p, 'rds:DeleteDBInstance')).toBe(true);
    expect(allowed(p, 'rds:DeleteDBSnapshot')).toBe(false);
    expect(allowed(p, 'ec2:RunInstances')).toBe(false);
  });

  it('applies NotAction to every action but the listed ones', () => {
    const p = policy({ Effect: 'Allow', NotAction: ['ec2:Terminate*', 'iam:*'], Resource: '*' });
    expect(allowed(p, 'ec2:RunInstances')).toBe(true);
    expect(allowed(p, 'ec2:TerminateInstances')).toBe(false);
    expect(allowed(p, 'iam:PassRole')).toBe(false);
  });

  it('matches ARNs part by part, case-sensitively, with wildcards inside a part', () => {
    const p = policy({
      Effect: 'Allow',
      Action: 'ssm:GetParameter',
      Resource: 'arn:aws:ssm:*:*:parameter/aws/service/*',
    });
    expect(allowed(p, 'ssm:GetParameter', 'arn:aws:ssm:us-east-1::parameter/aws/service/ami')).toBe(true);
    expect(allowed(p, 'ssm:GetParameter', 'arn:aws:ssm:us-east-1:123456789012:parameter/app/secret')).toBe(
      false,
    );
    expect(allowed(p, 'ssm:GetParameter', 'arn:aws:ssm:us-east-1::parameter/AWS/service/ami')).toBe(false);
    const q = policy({ Effect: 'Allow', Action: 'ec2:*', Resource: 'arn:aws:ec2:us-east-?:*:instance/*' });
    expect(allowed(q, 'ec2:StopInstances')).toBe(true);
    expect(allowed(q, 'ec2:StopInstances', 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1')).toBe(false);
  });

  it('applies NotResource to every resource but the listed ones', () => {
    const p = policy({ Effect: 'Deny', Action: 'rds:*', NotResource: 'arn:aws:rds:*:*:db:immut-*' });
    const allowAll = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    expect(
      allowed([allowAll, p], 'rds:DeleteDBInstance', 'arn:aws:rds:us-east-1:123456789012:db:app-db'),
    ).toBe(false);
    expect(
      allowed([allowAll, p], 'rds:DeleteDBInstance', 'arn:aws:rds:us-east-1:123456789012:db:immut-x'),
    ).toBe(true);
  });

  it('replaces policy variables in resources (Version 2012-10-17 only)', () => {
    const statement = {
      Effect: 'Allow',
      Action: 'ssm:GetParameter',
      Resource: 'arn:aws:ssm:*:*:parameter/${aws:username}/*',
    };
    const arn = 'arn:aws:ssm:us-east-1:123456789012:parameter/sandbox/key';
    expect(allowed(policy(statement), 'ssm:GetParameter', arn, { 'aws:username': 'sandbox' })).toBe(true);
    expect(allowed(policy(statement), 'ssm:GetParameter', arn, { 'aws:username': 'other' })).toBe(false);
    const old = parsePolicy({ Version: '2008-10-17', Statement: [statement] }, 'old');
    expect(allowed(old, 'ssm:GetParameter', arn, { 'aws:username': 'sandbox' })).toBe(false);
  });
});

/** A policy allowing TerminateInstances under one condition block. */
const when = (condition: Record<string, Record<string, unknown>>): PolicyDocument =>
  policy({ Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: '*', Condition: condition });
const can = (p: PolicyDocument, context: RequestContext): boolean =>
  allowed(p, 'ec2:TerminateInstances', INSTANCE, context);

describe('IAM evaluation: condition operators', () => {
  const managed = { 'aws:ResourceTag/immut:managed-by': 'immut' };

  it('StringEquals / StringNotEquals: exact, case-sensitive; an absent key fails / holds', () => {
    const eq = when({ StringEquals: { 'aws:ResourceTag/immut:managed-by': 'immut' } });
    expect(can(eq, managed)).toBe(true);
    expect(can(eq, { 'aws:ResourceTag/immut:managed-by': 'Immut' })).toBe(false);
    expect(can(eq, {})).toBe(false);
    const ne = when({ StringNotEquals: { 'aws:ResourceTag/immut:managed-by': 'immut' } });
    expect(can(ne, managed)).toBe(false);
    expect(can(ne, { 'aws:ResourceTag/immut:managed-by': 'other' })).toBe(true);
    expect(can(ne, {})).toBe(true);
  });

  it('StringEqualsIgnoreCase / StringNotEqualsIgnoreCase', () => {
    expect(
      can(when({ StringEqualsIgnoreCase: { 'aws:ResourceTag/env': 'PROD' } }), {
        'aws:ResourceTag/env': 'prod',
      }),
    ).toBe(true);
    expect(
      can(when({ StringNotEqualsIgnoreCase: { 'aws:ResourceTag/env': 'PROD' } }), {
        'aws:ResourceTag/env': 'prod',
      }),
    ).toBe(false);
  });

  it('StringLike / StringNotLike with * and ?', () => {
    const like = when({ StringLike: { 'aws:ResourceTag/immut:env': ['pr?d', 'stag*'] } });
    expect(can(like, { 'aws:ResourceTag/immut:env': 'prod' })).toBe(true);
    expect(can(like, { 'aws:ResourceTag/immut:env': 'staging' })).toBe(true);
    expect(can(like, { 'aws:ResourceTag/immut:env': 'dev' })).toBe(false);
    const notLike = when({ StringNotLike: { 'aws:ResourceTag/immut:env': 'prod*' } });
    expect(can(notLike, { 'aws:ResourceTag/immut:env': 'dev' })).toBe(true);
    expect(can(notLike, { 'aws:ResourceTag/immut:env': 'production' })).toBe(false);
  });

  it('several keys must all hold (AND); several values, any one (OR)', () => {
    const p = when({
      StringEquals: {
        'aws:ResourceTag/immut:managed-by': 'immut',
        'aws:ResourceTag/immut:env': ['prod', 'staging'],
      },
    });
    expect(can(p, { ...managed, 'aws:ResourceTag/immut:env': 'staging' })).toBe(true);
    expect(can(p, { ...managed, 'aws:ResourceTag/immut:env': 'dev' })).toBe(false);
    expect(can(p, { 'aws:ResourceTag/immut:env': 'prod' })).toBe(false);
  });

  it('several operators must all hold', () => {
    const p = when({ StringEquals: managed, Bool: { 'aws:SecureTransport': 'true' } });
    expect(can(p, { ...managed, 'aws:SecureTransport': 'true' })).toBe(true);
    expect(can(p, { ...managed, 'aws:SecureTransport': 'false' })).toBe(false);
  });

  it('reads condition key names case-insensitively', () => {
    expect(can(when({ StringEquals: { 'AWS:resourcetag/immut:managed-by': 'immut' } }), managed)).toBe(true);
  });

  it('ArnLike / ArnEquals / ArnNotLike compare ARNs part by part', () => {
    const role = { 'ec2:InstanceProfile': 'arn:aws:iam::123456789012:instance-profile/immut-app' };
    expect(
      can(when({ ArnLike: { 'ec2:InstanceProfile': 'arn:aws:iam::*:instance-profile/immut-*' } }), role),
    ).toBe(true);
    expect(
      can(
        when({
          ArnEquals: { 'ec2:InstanceProfile': 'arn:aws:iam::123456789012:instance-profile/immut-app' },
        }),
        role,
      ),
    ).toBe(true);
    expect(
      can(when({ ArnLike: { 'ec2:InstanceProfile': 'arn:aws:iam::*:instance-profile/admin' } }), role),
    ).toBe(false);
    expect(
      can(when({ ArnNotLike: { 'ec2:InstanceProfile': 'arn:aws:iam::*:instance-profile/admin*' } }), role),
    ).toBe(true);
    expect(can(when({ ArnLike: { 'ec2:InstanceProfile': 'not-an-arn' } }), role)).toBe(false);
  });

  it('Bool compares true/false, and fails on an absent key', () => {
    expect(can(when({ Bool: { 'aws:SecureTransport': true } }), { 'aws:SecureTransport': 'true' })).toBe(
      true,
    );
    expect(can(when({ Bool: { 'aws:SecureTransport': 'false' } }), { 'aws:SecureTransport': 'true' })).toBe(
      false,
    );
    expect(can(when({ Bool: { 'aws:SecureTransport': 'true' } }), {})).toBe(false);
  });

  it('Null tests whether a key is absent (true) or present (false)', () => {
    const absent = when({ Null: { 'aws:ResourceTag/immut:managed-by': 'true' } });
    expect(can(absent, {})).toBe(true);
    expect(can(absent, managed)).toBe(false);
    const present = when({ Null: { 'aws:ResourceTag/immut:managed-by': 'false' } });
    expect(can(present, managed)).toBe(true);
    expect(can(present, {})).toBe(false);
  });

  it('...IfExists holds when the key is absent, and tests it when present', () => {
    const p = when({ StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } });
    expect(can(p, {})).toBe(true);
    expect(can(p, { 'ec2:InstanceType': 't3.micro' })).toBe(true);
    expect(can(p, { 'ec2:InstanceType': 'p4d.24xlarge' })).toBe(false);
    const arn = when({
      ArnLikeIfExists: { 'ec2:InstanceProfile': 'arn:aws:iam::*:instance-profile/immut-*' },
    });
    expect(can(arn, {})).toBe(true);
    expect(can(arn, { 'ec2:InstanceProfile': 'arn:aws:iam::1:instance-profile/admin' })).toBe(false);
  });
});

describe('IAM evaluation: set operators on multivalued keys', () => {
  const keys = (...k: string[]): RequestContext => ({ 'aws:TagKeys': k });

  it('ForAllValues holds when every request value matches, and for an absent or empty set', () => {
    const p = when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['immut:managed-by', 'immut:env'] } });
    expect(can(p, keys('immut:managed-by'))).toBe(true);
    expect(can(p, keys('immut:managed-by', 'immut:env'))).toBe(true);
    expect(can(p, keys('immut:managed-by', 'owner'))).toBe(false);
    expect(can(p, keys())).toBe(true);
    expect(can(p, {})).toBe(true);
  });

  it('ForAnyValue holds when at least one request value matches, never for an absent set', () => {
    const p = when({ 'ForAnyValue:StringLike': { 'aws:TagKeys': 'immut:*' } });
    expect(can(p, keys('owner', 'immut:env'))).toBe(true);
    expect(can(p, keys('owner'))).toBe(false);
    expect(can(p, {})).toBe(false);
  });

  it('ForAllValues with a negated operator: no request value may match', () => {
    const p = when({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'immut:*' } });
    expect(can(p, keys('owner', 'team'))).toBe(true);
    expect(can(p, keys('owner', 'immut:managed-by'))).toBe(false);
  });

  it('ForAnyValue with a negated operator: some request value must not match', () => {
    const p = when({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'immut:env' } });
    expect(can(p, keys('immut:env', 'owner'))).toBe(true);
    expect(can(p, keys('immut:env'))).toBe(false);
  });

  it('reads a multivalued key under a plain operator as "any value matches"', () => {
    const names = {
      'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['app.example.test', 'www.example.test'],
    };
    expect(
      can(
        when({
          StringEquals: { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': 'app.example.test' },
        }),
        names,
      ),
    ).toBe(true);
    expect(
      can(
        when({
          StringNotEquals: { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': 'app.example.test' },
        }),
        names,
      ),
    ).toBe(false);
  });
});

describe('IAM policy documents', () => {
  it('refuses a statement with an unsupported operator, naming it', () => {
    expect(() => when({ NumericLessThan: { 'aws:EpochTime': '1' } })).toThrow(
      /unsupported operator "?NumericLessThan/,
    );
  });

  it('refuses a statement without exactly one of Action / NotAction', () => {
    expect(() => policy({ Effect: 'Allow', Resource: '*' })).toThrow(/exactly one of Action or NotAction/);
    expect(() => policy({ Effect: 'Allow', Action: '*', NotAction: 'x:y', Resource: '*' })).toThrow(
      /exactly one/,
    );
  });

  it('refuses a bad Effect, a Principal, and a malformed action', () => {
    expect(() => policy({ Effect: 'allow', Action: '*', Resource: '*' })).toThrow(
      /Effect: expected "Allow" or "Deny", got allow/,
    );
    expect(() => policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })).toThrow(
      /Principal/,
    );
    expect(() => policy({ Effect: 'Allow', Action: 'TerminateInstances', Resource: '*' })).toThrow(
      /"service:Action"/,
    );
  });

  it('reads a policy file as one policy for every key, or a map of keys', () => {
    const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };
    expect(Object.keys(parsePolicyFile(doc, 'f'))).toEqual(['*']);
    expect(Object.keys(parsePolicyFile([doc, doc], 'f'))).toEqual(['*']);
    expect(Object.keys(parsePolicyFile({ AKIAEXAMPLE: doc, test: [doc] }, 'f'))).toEqual([
      'AKIAEXAMPLE',
      'test',
    ]);
    expect(() => parsePolicyFile({ 'bad key!': doc }, 'f')).toThrow(/not an access key id/);
  });
});
