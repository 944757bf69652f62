import { describe, expect, it } from '@jest/globals';
import { GuardError } from '../src/errors.js';
import { provenanceFromEnv } from '../src/provenance.js';
import {
  TAG,
  assertManaged,
  managedProblem,
  checkTags,
  fromAwsTags,
  releaseFilters,
  roleFilters,
  standardTags,
  toAwsTags,
} from '../src/tags.js';

const id = { role: 'api', env: 'prod', build: 'b000042' };
const provenance = provenanceFromEnv({
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'abc123',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '99',
  GITHUB_RUN_ATTEMPT: '2',
});

describe('standard tags', () => {
  it('carry identity, provenance and the Name', () => {
    expect(standardTags(id, provenance, 'prod-api-b000042')).toEqual({
      Name: 'prod-api-b000042',
      'immut:managed-by': 'immut',
      'immut:role': 'api',
      'immut:env': 'prod',
      'immut:build': 'b000042',
      'immut:release': 'api-b000042',
      'immut:source': 'acme/shop@abc123',
      'immut:run': 'https://github.com/acme/shop/actions/runs/99',
    });
  });

  it('let kind-specific tags be added but never override identity', () => {
    const tags = standardTags(id, provenance, 'n', { [TAG.fingerprint]: 'ff', [TAG.role]: 'other' });
    expect(tags[TAG.fingerprint]).toBe('ff');
    expect(tags[TAG.role]).toBe('api');
  });

  it('carry the same run URL on every attempt of a run, so a re-run sends identical requests', () => {
    const again = provenanceFromEnv({
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'abc123',
      GITHUB_RUN_ID: '99',
      GITHUB_RUN_ATTEMPT: '3',
    });
    expect(standardTags(id, again, 'n')).toEqual(standardTags(id, provenance, 'n'));
  });

  it('omit the run URL outside GitHub Actions', () => {
    expect(standardTags(id, provenanceFromEnv({}), 'n')[TAG.run]).toBeUndefined();
  });

  it("enforce AWS's tag limits before any call", () => {
    expect(() => checkTags({ 'aws:x': '1' })).toThrow(/reserved 'aws:' prefix/);
    expect(() => checkTags({ k: 'v'.repeat(257) })).toThrow(/AWS allows 256/);
    expect(() => checkTags({ ['k'.repeat(129)]: 'v' })).toThrow(/1–128/);
    expect(() => checkTags(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])))).toThrow(
      /limit of 50/,
    );
  });

  it('convert to and from the AWS tag list shape', () => {
    const tags = { a: '1', b: '' };
    expect(fromAwsTags(toAwsTags(tags))).toEqual(tags);
    expect(fromAwsTags(undefined)).toEqual({});
  });

  it('give filters that select every build of one role and env', () => {
    expect(roleFilters(id).map((f) => `${f.Name}=${f.Values.join()}`)).toEqual([
      'tag:immut:managed-by=immut',
      'tag:immut:role=api',
      'tag:immut:env=prod',
    ]);
  });

  it('give filters that select exactly one release', () => {
    expect(releaseFilters(id).map((f) => `${f.Name}=${f.Values.join()}`)).toEqual([
      'tag:immut:managed-by=immut',
      'tag:immut:role=api',
      'tag:immut:env=prod',
      'tag:immut:build=b000042',
    ]);
  });
});

describe('the guard', () => {
  const managed = standardTags(id, provenance, 'n');

  it('allows resources immut created for the same role and env', () => {
    expect(() => assertManaged({ kind: 'instance', id: 'i-1', tags: managed }, id)).not.toThrow();
  });

  it('refuses resources without the managed-by tag, whatever their name', () => {
    expect(() =>
      assertManaged({ kind: 'DB instance', id: 'prod-api-b000042', tags: { Name: 'prod-api-b000042' } }, id),
    ).toThrow(GuardError);
    expect(() => assertManaged({ kind: 'DB instance', id: 'x', tags: {} }, id)).toThrow(
      /no immut:managed-by=immut tag/,
    );
  });

  it('refuses resources of another role or env', () => {
    expect(() =>
      assertManaged({ kind: 'instance', id: 'i-1', tags: { ...managed, [TAG.role]: 'web' } }, id),
    ).toThrow(/belongs to role 'web'/);
    expect(() =>
      assertManaged({ kind: 'instance', id: 'i-1', tags: { ...managed, [TAG.env]: 'dev' } }, id),
    ).toThrow(/belongs to env 'dev'/);
  });
});

describe('managedProblem', () => {
  const expected = { role: 'api', env: 'prod' };
  const tags = { [TAG.managedBy]: 'immut', [TAG.role]: 'api', [TAG.env]: 'prod' };

  it("says why a resource is not immut's, for callers that skip it instead of failing", () => {
    expect(managedProblem(tags, expected)).toBeUndefined();
    expect(managedProblem({}, expected)).toBe('it has no immut:managed-by=immut tag');
    expect(managedProblem({ ...tags, [TAG.role]: 'web' }, expected)).toBe("it belongs to role 'web'");
    expect(managedProblem({ ...tags, [TAG.env]: 'dev' }, expected)).toBe("it belongs to env 'dev'");
  });
});
