// The contract between each `<action>/action.yml` (what the runner and users see) and its
// input spec `actions/<action>/inputs.ts` (what the code reads): same names, same required
// flags, same defaults, everything described, and the outputs CONTRACTS.md promises.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { inputName, type InputSpecs } from '@immut/core/inputs';
import { bakeImageInputs } from '../../actions/bake-image/inputs.js';
import { cutoverDnsInputs } from '../../actions/cutover-dns/inputs.js';
import { launchBehindLbInputs } from '../../actions/launch-behind-lb/inputs.js';
import { replicateDataInputs } from '../../actions/replicate-data/inputs.js';
import { retireReleaseInputs } from '../../actions/retire-release/inputs.js';
import { tagReleaseInputs } from '../../actions/tag-release/inputs.js';
import { worldInputs } from '../../actions/world/inputs.js';
import { REPO_ROOT, readActionYml } from '@immut/action-runner';

const SPECS: Readonly<Record<string, InputSpecs>> = {
  'bake-image': bakeImageInputs,
  'replicate-data': replicateDataInputs,
  'tag-release': tagReleaseInputs,
  'launch-behind-lb': launchBehindLbInputs,
  'cutover-dns': cutoverDnsInputs,
  'retire-release': retireReleaseInputs,
  world: worldInputs,
};

// The "Outputs that chain" table of /work/shared/design/CONTRACTS.md (names are the contract).
const CONTRACT_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  'bake-image': ['image-id', 'image-name', 'fingerprint', 'cache-hit', 'base-image-id'],
  'replicate-data': ['db-instance-id', 'endpoint', 'port', 'source', 'changelog-applied'],
  'tag-release': ['release', 'tag', 'release-url', 'manifest', 'manifest-file'],
  'launch-behind-lb': [
    'load-balancer-arn',
    'load-balancer-dns-name',
    'load-balancer-zone-id',
    'target-group-arn',
    'auto-scaling-group-name',
    'instance-ids',
    'build-dns-name',
  ],
  'cutover-dns': ['previous-target', 'current-target', 'change-id'],
};

/** Every release action takes these (CONTRACTS.md); world plans releases, it is not one. */
const COMMON_INPUTS = ['role', 'env', 'build', 'region', 'dry-run'];
const RELEASE_ACTIONS = Object.keys(CONTRACT_OUTPUTS);

const ACTIONS = Object.keys(SPECS);
const isExpression = (value: unknown): boolean =>
  typeof value === 'string' && /^\$\{\{.*\}\}$/s.test(value.trim());

it('covers every action folder with an action.yml', () => {
  const folders = readdirSync(REPO_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(REPO_ROOT, d.name, 'action.yml')))
    .map((d) => d.name)
    .sort();
  expect(folders).toEqual([...ACTIONS].sort());
});

describe.each(ACTIONS)('%s', (action) => {
  const yml = readActionYml(path.join(REPO_ROOT, action));
  const spec = SPECS[action] ?? {};
  const specByName = new Map(Object.entries(spec).map(([key, input]) => [inputName(key), input]));

  it('declares exactly the inputs its spec reads', () => {
    expect(Object.keys(yml.inputs).sort()).toEqual([...specByName.keys()].sort());
  });

  if (RELEASE_ACTIONS.includes(action)) {
    it('takes the common inputs', () => {
      expect(Object.keys(yml.inputs)).toEqual(expect.arrayContaining(COMMON_INPUTS));
    });
  }

  it('agrees on which inputs are required', () => {
    const mismatches = [...specByName].flatMap(([name, input]) => {
      const ymlRequired = yml.inputs[name]?.required === true;
      return ymlRequired === input.required
        ? []
        : [`${name}: spec required=${input.required}, action.yml required=${ymlRequired}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('agrees on defaults (except ${{ }} expressions in action.yml)', () => {
    const mismatches = [...specByName].flatMap(([name, input]) => {
      const ymlDefault = yml.inputs[name]?.default;
      if (isExpression(ymlDefault)) return [];
      const expected = ymlDefault === undefined || ymlDefault === null ? undefined : String(ymlDefault);
      return input.defaultValue === expected
        ? []
        : [
            `${name}: spec default ${JSON.stringify(input.defaultValue)}, action.yml default ${JSON.stringify(expected)}`,
          ];
    });
    expect(mismatches).toEqual([]);
  });

  it('gives every default as a string (what the runner passes)', () => {
    const nonStrings = Object.entries(yml.inputs)
      .filter(([, input]) => input?.default !== undefined && typeof input.default !== 'string')
      .map(([name]) => name);
    expect(nonStrings).toEqual([]);
  });

  it('describes every input and output', () => {
    const undescribed = [
      ...Object.entries(yml.inputs).map(([name, input]) => ['input', name, input?.description] as const),
      ...Object.entries(yml.outputs).map(([name, output]) => ['output', name, output?.description] as const),
    ]
      .filter(([, , description]) => typeof description !== 'string' || description.trim() === '')
      .map(([kind, name]) => `${kind} ${name}`);
    expect(undescribed).toEqual([]);
  });

  if (RELEASE_ACTIONS.includes(action)) {
    it('declares the outputs of the contract', () => {
      expect(Object.keys(yml.outputs)).toEqual(
        expect.arrayContaining([...(CONTRACT_OUTPUTS[action] ?? ['(none)'])]),
      );
    });
  }

  it('runs its bundle through the main (and, with cleanup, post) step files', () => {
    expect(yml.runs.main).toBe(`../dist/${action}/main.js`);
    if (yml.runs.post !== undefined) expect(yml.runs.post).toBe(`../dist/${action}/post.js`);
  });
});
