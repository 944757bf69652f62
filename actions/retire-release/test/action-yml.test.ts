// retire-release/action.yml and inputs.ts must agree (what users see is what the code reads).
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { inputName } from '@immut/core/inputs';
import { REPO_ROOT, readActionYml } from '@immut/action-runner';
import { retireReleaseInputs } from '../inputs.js';

describe('retire-release/action.yml', () => {
  const yml = readActionYml(path.join(REPO_ROOT, 'retire-release'));
  const specs = new Map(Object.entries(retireReleaseInputs).map(([key, input]) => [inputName(key), input]));

  it('declares exactly the inputs the spec reads, with the same required flags and defaults', () => {
    expect(Object.keys(yml.inputs).sort()).toEqual([...specs.keys()].sort());
    for (const [name, input] of specs) {
      expect({ name, required: yml.inputs[name]?.required === true }).toEqual({
        name,
        required: input.required,
      });
      const given = yml.inputs[name]?.default;
      expect({ name, default: given === undefined ? undefined : String(given) }).toEqual({
        name,
        default: input.defaultValue,
      });
    }
  });

  it('declares its outputs and runs its bundle', () => {
    expect(Object.keys(yml.outputs)).toEqual(['retired', 'kept', 'retired-images', 'unshared']);
    expect(yml.runs.main).toBe('../dist/retire-release/main.js');
  });
});
