import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BUILD_RULE, ENV_RULE, ROLE_RULE, checkEnv, type Identity } from '../src/identity.js';
import {
  LIMITS,
  autoScalingGroupName,
  bareDnsName,
  buildDnsName,
  checkDnsName,
  dbInstanceId,
  finalSnapshotId,
  gitTag,
  imageName,
  intermediateImageName,
  instanceName,
  launchTemplateName,
  loadBalancerName,
  parseGitTag,
  roleDnsName,
  sourceSnapshotId,
  targetGroupName,
} from '../src/naming.js';

// Generators that produce exactly the values the identity rules accept.
const lower = 'abcdefghijklmnopqrstuvwxyz'.split('');
const alnum = [...lower, ...'0123456789'.split('')];
const letter = fc.constantFrom(...lower);
const alnumChar = fc.constantFrom(...alnum);
const role = fc
  .tuple(letter, fc.array(fc.oneof(alnumChar, alnumChar, fc.constant('-')), { maxLength: 19 }))
  .map(([first, rest]) => first + rest.join(''))
  .filter((r) => ROLE_RULE.pattern.test(r));
const env = fc
  .tuple(letter, fc.array(alnumChar, { maxLength: 9 }))
  .map(([first, rest]) => first + rest.join(''))
  .filter((e) => checkEnv(e) === undefined);
const build = fc.array(alnumChar, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
const identity: fc.Arbitrary<Identity> = fc.record({ role, env, build });
const fingerprint = fc
  .array(fc.constantFrom(...'0123456789abcdef'.split('')), { minLength: 64, maxLength: 64 })
  .map((c) => c.join(''));

// AWS's rules, written from the AWS documentation independently of the naming code.
const validElbName = (name: string) =>
  name.length >= 1 &&
  name.length <= 32 &&
  /^[A-Za-z0-9-]+$/.test(name) &&
  !name.startsWith('-') &&
  !name.endsWith('-') &&
  !name.startsWith('internal-');
const validTargetGroupName = (name: string) =>
  name.length >= 1 && name.length <= 32 && /^[A-Za-z0-9-]+$/.test(name) && !/^-|-$/.test(name);
const validRdsIdentifier = (id: string, max = 63) =>
  id.length >= 1 &&
  id.length <= max &&
  /^[a-z][a-z0-9-]*$/.test(id) &&
  !id.includes('--') &&
  !id.endsWith('-');
const validAmiName = (name: string) =>
  name.length >= 3 && name.length <= 128 && /^[A-Za-z0-9()[\]./\-'@_ ]+$/.test(name);

// CreateLaunchTemplate: 3–128 of [a-zA-Z0-9()./_-]; CreateAutoScalingGroup: 1–255 characters,
// and immut keeps to the same safe set (no ':' that would read as part of an ARN).
const validLaunchTemplateName = (name: string) =>
  name.length >= 3 && name.length <= 128 && /^[a-zA-Z0-9()./_-]+$/.test(name);
const validAutoScalingGroupName = (name: string) =>
  name.length >= 1 && name.length <= 255 && /^[a-zA-Z0-9()./_-]+$/.test(name);

const RUNS = { numRuns: 5000 };
const key = (id: Identity) => `${id.env}|${id.role}|${id.build}`;

describe('naming standard', () => {
  it('gives load balancer names AWS accepts: ≤ 32, alphanumerics and hyphens, no edge hyphen, no internal- prefix', () => {
    fc.assert(
      fc.property(identity, (id) => validElbName(loadBalancerName(id))),
      RUNS,
    );
  });

  it('gives target group names AWS accepts', () => {
    fc.assert(
      fc.property(identity, (id) => validTargetGroupName(targetGroupName(id))),
      RUNS,
    );
  });

  it('gives launch template names EC2 accepts: 3–128 of [a-zA-Z0-9()./_-]', () => {
    fc.assert(
      fc.property(identity, (id) => validLaunchTemplateName(launchTemplateName(id))),
      RUNS,
    );
  });

  it('gives Auto Scaling group names AWS accepts: 1–255 characters', () => {
    fc.assert(
      fc.property(identity, (id) => validAutoScalingGroupName(autoScalingGroupName(id))),
      RUNS,
    );
  });

  it("names a build's launch template and group like its load balancer: <env>-<role>-<build>", () => {
    const id = { role: 'api', env: 'prod', build: 'b000042' };
    expect(launchTemplateName(id)).toBe('prod-api-b000042');
    expect(autoScalingGroupName(id)).toBe('prod-api-b000042');
    // A role that reads like a shortened name still takes the hashed form, as everywhere.
    expect(launchTemplateName({ ...id, role: 'b-c8c519' })).toMatch(/^prod-b-c8c519-[0-9a-f]{6}-b000042$/);
  });

  it('gives RDS identifiers AWS accepts: ≤ 63, letter first, no double or trailing hyphen', () => {
    fc.assert(
      fc.property(identity, (id) => validRdsIdentifier(dbInstanceId(id))),
      RUNS,
    );
    fc.assert(
      fc.property(identity, (id) => validRdsIdentifier(finalSnapshotId(id), LIMITS.rdsSnapshotIdentifier)),
      RUNS,
    );
  });

  it('names the snapshot of a replica source apart from the replica and its final snapshot', () => {
    fc.assert(
      fc.property(identity, (id) => {
        const name = sourceSnapshotId(id);
        return (
          validRdsIdentifier(name, LIMITS.rdsSnapshotIdentifier) &&
          name !== finalSnapshotId(id) &&
          name.startsWith(dbInstanceId(id))
        );
      }),
      RUNS,
    );
    expect(sourceSnapshotId({ role: 'api', env: 'prod', build: 'b000042' })).toBe('prod-api-b000042-source');
  });

  it('gives AMI names AWS accepts: 3–128 characters of the allowed set', () => {
    fc.assert(
      fc.property(identity, fingerprint, (id, fp) => validAmiName(imageName(id, fp))),
      RUNS,
    );
  });

  it('gives the unencrypted intermediate image a valid name of its own', () => {
    fc.assert(
      fc.property(
        identity,
        fingerprint,
        (id, fp) =>
          validAmiName(intermediateImageName(id, fp)) && intermediateImageName(id, fp) !== imageName(id, fp),
      ),
      RUNS,
    );
  });

  it('gives valid DNS names for the role and the build', () => {
    fc.assert(
      fc.property(identity, (id) => {
        return (
          checkDnsName(roleDnsName(id, 'example.com')) === undefined &&
          checkDnsName(buildDnsName(id, 'example.com.')) === undefined
        );
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(identity, (id) => {
        const copy = { ...id };
        return loadBalancerName(id) === loadBalancerName(copy) && dbInstanceId(id) === dbInstanceId(copy);
      }),
      RUNS,
    );
  });

  it('never gives two distinct identities the same name', () => {
    for (const nameOf of [
      loadBalancerName,
      targetGroupName,
      dbInstanceId,
      gitTag,
      instanceName,
      launchTemplateName,
      autoScalingGroupName,
    ]) {
      fc.assert(
        fc.property(fc.uniqueArray(identity, { minLength: 2, maxLength: 200, selector: key }), (ids) => {
          return new Set(ids.map(nameOf)).size === ids.length;
        }),
        { numRuns: 100 },
      );
    }
  });

  it('never collides when every name must be shortened and roles share long prefixes', () => {
    const longId = fc.record({
      env: fc.constant('production'),
      build: fc.array(alnumChar, { minLength: 12, maxLength: 12 }).map((c) => c.join('')),
      role: fc.array(alnumChar, { minLength: 2, maxLength: 2 }).map((c) => `billing-worker-eu${c.join('')}`),
    });
    fc.assert(
      fc.property(fc.uniqueArray(longId, { minLength: 2, maxLength: 300, selector: key }), (ids) => {
        const names = ids.map(loadBalancerName);
        return new Set(names).size === ids.length && names.every(validElbName);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps long roles distinct when it has to shorten them', () => {
    // Same env and build, roles sharing a long prefix: only the hash can tell them apart.
    const base = { env: 'production1'.slice(0, 10), build: 'b00000000042' };
    const a = loadBalancerName({ ...base, role: 'billing-worker-east1' });
    const b = loadBalancerName({ ...base, role: 'billing-worker-east2' });
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(32);
    expect(a.startsWith('production-b')).toBe(true);
    expect(a.endsWith('-b00000000042')).toBe(true);
  });

  it('keeps names readable when they fit', () => {
    const id = { role: 'api', env: 'prod', build: 'b000042' };
    expect(loadBalancerName(id)).toBe('prod-api-b000042');
    expect(dbInstanceId(id)).toBe('prod-api-b000042');
    expect(gitTag(id)).toBe('immut/prod/api/b000042');
    expect(roleDnsName(id, 'Example.COM.')).toBe('api.prod.example.com');
    expect(buildDnsName(id, 'example.com')).toBe('b000042.api.prod.example.com');
    expect(imageName(id, 'ab'.repeat(32))).toBe('immut/prod/api/b000042/abababababababab');
  });

  it('parses the git tags it makes', () => {
    fc.assert(
      fc.property(
        identity,
        (id) =>
          JSON.stringify(parseGitTag(gitTag(id))) ===
          JSON.stringify({ env: id.env, role: id.role, build: id.build }),
      ),
      RUNS,
    );
    expect(parseGitTag('v1.2.3')).toBeUndefined();
  });

  it('refuses a fingerprint that is not hex', () => {
    expect(() => imageName({ role: 'api', env: 'prod', build: '1' }, 'not-a-hash')).toThrow(/fingerprint/);
  });
});

describe('identity rules', () => {
  it('refuses roles that would make invalid RDS identifiers or DNS labels', () => {
    for (const bad of ['api-', 'a--b', '-api', 'Api', '1api', 'a'.repeat(21), '']) {
      expect(ROLE_RULE.pattern.test(bad)).toBe(false);
    }
    expect(ROLE_RULE.pattern.test('billing-worker')).toBe(true);
  });

  it("reserves env 'internal' because load balancer names may not start with internal-", () => {
    expect(checkEnv('internal')).toMatch(/reserved/);
    expect(checkEnv('prod')).toBeUndefined();
    expect(ENV_RULE.pattern.test('Prod')).toBe(false);
  });

  it('accepts builds of 1–12 lowercase letters or digits', () => {
    expect(BUILD_RULE.pattern.test('b000042')).toBe(true);
    expect(BUILD_RULE.pattern.test('b0000000000042')).toBe(false);
    expect(BUILD_RULE.pattern.test('B1')).toBe(false);
  });
});

describe('DNS names', () => {
  it('rejects labels AWS would reject', () => {
    expect(checkDnsName('-a.example.com')).toMatch(/not a valid DNS label/);
    expect(checkDnsName(`${'a'.repeat(64)}.com`)).toMatch(/not a valid DNS label/);
    expect(checkDnsName(`${'a.'.repeat(127)}com`)).toMatch(/at most 253/);
    expect(checkDnsName('')).toMatch(/empty/);
  });

  it('compares alias targets as Route 53 does: case, trailing dot and dualstack. ignored', () => {
    const lb = 'prod-api-b1-123.us-east-1.elb.amazonaws.com';
    expect(bareDnsName(' DualStack.Prod-API-b1-123.us-east-1.elb.amazonaws.com. ')).toBe(lb);
    expect(bareDnsName(lb)).toBe(lb);
    // Only the leading label is ELB's prefix.
    expect(bareDnsName('a.dualstack.example.com')).toBe('a.dualstack.example.com');
  });
});

describe('shortened names', () => {
  // Every kind whose name is fitted to a length and may be shortened, with its AWS rule.
  const KINDS: ReadonlyArray<[string, (id: Identity) => string, (name: string) => boolean]> = [
    ['load balancer', loadBalancerName, validElbName],
    ['target group', targetGroupName, validTargetGroupName],
    ['DB instance', dbInstanceId, (n) => validRdsIdentifier(n)],
    ['final snapshot', finalSnapshotId, (n) => validRdsIdentifier(n, LIMITS.rdsSnapshotIdentifier)],
    ['source snapshot', sourceSnapshotId, (n) => validRdsIdentifier(n, LIMITS.rdsSnapshotIdentifier)],
  ];

  /** The middle of `<env>-<middle>-<build>`: env and build never contain a hyphen. */
  const middleOf = (name: string, id: Identity, suffix = '') =>
    name.slice(id.env.length + 1, name.length - suffix.length - id.build.length - 1);

  it('gives a role named after the middle of a shortened name a different name (billing-reconciler vs b-c8c519)', () => {
    const base = { env: 'production', build: 'b00000000042' };
    const long = { ...base, role: 'billing-reconciler' };
    const lookalike = { ...base, role: middleOf(loadBalancerName(long), long) };
    expect(ROLE_RULE.pattern.test(lookalike.role)).toBe(true);
    for (const [kind, nameOf, valid] of KINDS) {
      expect([kind, nameOf(lookalike)]).not.toEqual([kind, nameOf(long)]);
      expect(valid(nameOf(lookalike))).toBe(true);
    }
  });

  it('never gives a look-alike role the name of a shortened identity, for any kind', () => {
    // Long roles in long envs and builds are shortened; the adversary names a role after
    // the shortened middle (cut role + hash), which the identity rules accept.
    const longIdentity = fc.record({
      env: fc.stringMatching(/^[a-z][a-z0-9]{5,9}$/).filter((e) => checkEnv(e) === undefined),
      build: fc.stringMatching(/^[a-z0-9]{8,12}$/),
      role,
    });
    for (const [kind, nameOf, valid] of KINDS) {
      fc.assert(
        fc.property(longIdentity, (id) => {
          const suffix = /-(final|source)$/.exec(nameOf(id))?.[0] ?? '';
          const name = nameOf(id);
          const lookalike = { ...id, role: middleOf(name, id, suffix) };
          if (lookalike.role === id.role || !ROLE_RULE.pattern.test(lookalike.role)) return true;
          const other = nameOf(lookalike);
          if (other === name) throw new Error(`${kind}: ${key(id)} and ${key(lookalike)} are both ${name}`);
          return valid(other);
        }),
        RUNS,
      );
    }
  });

  it('never gives two distinct identities the same name of any kind, roles ending in hex included', () => {
    // Small alphabets make shared prefixes, hex-looking role endings and shortening common.
    const hexish = fc.constantFrom(...'abc0123456789def'.split(''));
    const hexRole = fc
      .tuple(
        fc.constantFrom('b', 'bi', 'billing', 'billing-reconciler'.slice(0, 13)),
        fc.array(hexish, { minLength: 6, maxLength: 6 }),
      )
      .map(([head, tail]) => `${head}-${tail.join('')}`)
      .filter((r) => ROLE_RULE.pattern.test(r));
    const id = fc.record({
      env: fc.constantFrom('production', 'prod', 'p'),
      build: fc.constantFrom('b00000000042', 'b000042', 'b1'),
      role: fc.oneof(role, hexRole, fc.constantFrom('billing-reconciler', 'billing-reconcile')),
    });
    for (const [kind, nameOf, valid] of KINDS) {
      fc.assert(
        fc.property(fc.uniqueArray(id, { minLength: 2, maxLength: 200, selector: key }), (ids) => {
          const names = new Map<string, string>();
          for (const one of ids) {
            const name = nameOf(one);
            if (!valid(name)) throw new Error(`${kind}: ${name} is not valid`);
            const seen = names.get(name);
            if (seen) throw new Error(`${kind}: ${seen} and ${key(one)} are both ${name}`);
            names.set(name, key(one));
          }
          return true;
        }),
        { numRuns: 200 },
      );
    }
  });

  it('keeps the names of identities that fit and never looked shortened', () => {
    expect(loadBalancerName({ role: 'api', env: 'prod', build: 'b000042' })).toBe('prod-api-b000042');
    expect(loadBalancerName({ role: 'billing-worker', env: 'prod', build: 'b000042' })).toBe(
      'prod-billing-worker-b000042',
    );
    // Shortened names are unchanged too: the hash still covers env, role and build.
    expect(loadBalancerName({ role: 'billing-reconciler', env: 'production', build: 'b00000000042' })).toBe(
      'production-b-c8c519-b00000000042',
    );
  });
});
