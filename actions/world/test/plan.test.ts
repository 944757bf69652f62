import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { keyValues, readInputs } from '@immut/core/inputs';
import { parseWorld, planWorld } from '@immut/core/world';
import { MATRIX_LIMIT_BYTES, releaseMatrix } from '../plan.js';

const example = readFileSync(new URL('../../../examples/consumer/immut.world.yml', import.meta.url), 'utf8');

type Matrix = { include: Array<Record<string, string>> };

/** What tag-release makes of a matrix entry's flags (its `flags` input). */
const flagsInput = (raw: string) => readInputs({ flags: keyValues() }, () => raw).flags;

describe('release matrix', () => {
  it("passes each role's flags as a JSON object that tag-release reads back exactly", () => {
    const tricky = {
      LOG_LEVEL: 'info',
      GREETING: '  hello = world # not a comment  ',
      QUOTED: `"it's" \\ $HOME \`x\``,
      EMPTY: '',
      UNICODE: 'café ✓',
    };
    const world = example.replace(
      '      LOG_LEVEL: info\n',
      Object.entries(tricky)
        .map(([k, v]) => `      ${k}: ${JSON.stringify(v)}\n`)
        .join(''),
    );
    const plans = planWorld(parseWorld(world));
    const matrix = JSON.parse(releaseMatrix(plans)) as Matrix;
    const api = matrix.include.find((entry) => entry['role'] === 'api');
    expect(JSON.parse(api?.['flags'] ?? '')).toEqual(plans.find((p) => p.role === 'api')?.flags);
    expect(flagsInput(api?.['flags'] ?? '')).toEqual(expect.objectContaining(tricky));
  });

  it('cannot turn one flag into two: a newline in a value is refused before the matrix', () => {
    expect(() => parseWorld(example.replace('LOG_LEVEL: info', 'LOG_LEVEL: "info\\nINJECTED=1"'))).toThrow(
      /roles\.api\.flags\.LOG_LEVEL: flag LOG_LEVEL is refused: its value has a control character \(U\+000A\)/,
    );
  });

  it('refuses a matrix GitHub could not carry as a job output, saying how big it is', () => {
    const command = `./migrate ${'x'.repeat(200_000)}`;
    const world = example.replace(
      'defaults:\n',
      `defaults:\n  changelog-command: ${JSON.stringify(command)}\n  source-db: app-db\n`,
    );
    const plans = planWorld(parseWorld(world));
    expect(plans.length).toBeGreaterThan(2);
    const many = Array.from({ length: 6 }, (_, i) =>
      plans.map((p) => ({ ...p, role: `${p.role}${i}` })),
    ).flat();
    expect(() => releaseMatrix(many)).toThrow(
      new RegExp(
        `^The release matrix of 18 role\\(s\\) is \\d+ bytes; GitHub keeps at most ${MATRIX_LIMIT_BYTES} bytes`,
      ),
    );
    expect(() => releaseMatrix(plans)).not.toThrow();
  });
});
