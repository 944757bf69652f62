import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { keyValues, readInputs } from '@immut/core/inputs';
import { parseWorld, planWorld } from '@immut/core/world';
import { MATRIX_LIMIT_BYTES, chunkNumbers, chunkPlans, chunking, releaseMatrix } from '../plan.js';

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

/** The example world with `n` roles like its worker, each with its own app version. */
function worldOf(n: number): string {
  const head = example.slice(0, example.indexOf('roles:\n'));
  const roles = Array.from(
    { length: n },
    (_, i) =>
      `  w${String(i).padStart(5, '0')}:\n    provision: roles/worker/provision.sh\n    log-paths: [/var/log/worker/*.log]\n    app-version: 0.9.${i}\n`,
  );
  return `${head}roles:\n${roles.join('')}`;
}

describe('a world beyond one matrix, in chunks', () => {
  it('plans a 3,000-role world file as 12 chunks of at most 256, every role in exactly one, in plan order', () => {
    const plans = planWorld(parseWorld(worldOf(3000)));
    expect(plans).toHaveLength(3000);
    const { size, count } = chunking(plans.length, 256);
    expect({ size, count }).toEqual({ size: 256, count: 12 });
    expect(JSON.parse(chunkNumbers(count))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const chunks = Array.from({ length: count }, (_, i) => chunkPlans(plans, i + 1, size));
    expect(chunks.map((c) => c.length)).toEqual([...Array(11).fill(256), 3000 - 11 * 256]);
    expect(chunks.flat().map((p) => p.role)).toEqual(plans.map((p) => p.role));
    // Each chunk's matrix is a job output GitHub can carry, and a matrix GitHub can run.
    for (const chunk of chunks) {
      const matrix = releaseMatrix(chunk);
      expect(Buffer.byteLength(matrix)).toBeLessThan(MATRIX_LIMIT_BYTES);
      expect((JSON.parse(matrix) as Matrix).include.length).toBeLessThanOrEqual(256);
    }
    expect(chunks[11]?.at(-1)?.['app-version']).toBe('0.9.2999');
  });

  it('keeps a world of at most one chunk in one matrix', () => {
    expect(chunking(256, 256)).toEqual({ size: 256, count: 1 });
    expect(chunking(257, 256)).toEqual({ size: 256, count: 2 });
    expect(chunking(0, 256)).toEqual({ size: 256, count: 0 });
  });

  it('refuses a chunk that does not exist and a chunk size beyond the matrix limit, naming the input', () => {
    const plans = planWorld(parseWorld(worldOf(5)));
    expect(chunkPlans(plans, 3, 2).map((p) => p.role)).toEqual(['w00004']);
    expect(() => chunkPlans(plans, 4, 2)).toThrow(
      "Input 'chunk' was '4'; expected a chunk from 1 to 3 (5 role(s) in chunks of 2).",
    );
    expect(() => chunking(5, 257)).toThrow(
      /^Input 'chunk-size' was '257'; expected a whole number from 1 to 256/,
    );
    expect(() => chunking(5, 0)).toThrow(/^Input 'chunk-size' was '0'/);
  });

  it('refuses more chunks than one matrix runs', () => {
    expect(() => chunking(10_000, 10)).toThrow(
      /^10000 roles in chunks of 10 make 1000 chunks; .* GitHub runs at most 256 jobs from one matrix: raise chunk-size/,
    );
  });
});

describe('the chunk workflow', () => {
  const workflow = (name: string) =>
    parse(readFileSync(new URL(`../../../.github/workflows/${name}`, import.meta.url), 'utf8')) as {
      jobs: Record<string, { uses?: string; with?: Record<string, string>; strategy?: unknown }>;
    };

  it("passes every role the same release inputs as rebuild-the-world's own release job, to the same workflow", () => {
    const whole = workflow('rebuild-the-world.yml').jobs['release'];
    const chunk = workflow('rebuild-the-world-chunk.yml').jobs['release'];
    expect(chunk?.uses).toBe(whole?.uses);
    // The role to assume is a required input of the chunk workflow, so it needs no fallback.
    expect({ ...chunk?.with, 'aws-role-arn': '' }).toEqual({ ...whole?.with, 'aws-role-arn': '' });
  });
});
