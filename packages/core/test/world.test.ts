import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { WORLD_LIMITS, WorldError, parseWorld, planWorld, worldJsonSchema } from '../src/world.js';

const example = readFileSync(new URL('../../../examples/consumer/immut.world.yml', import.meta.url), 'utf8');

function problemsOf(text: string): readonly string[] {
  try {
    parseWorld(text);
  } catch (error) {
    if (error instanceof WorldError) return error.problems;
    throw error;
  }
  throw new Error('expected a WorldError');
}

describe('world file', () => {
  it('accepts the example world and plans one release per role with defaults applied', () => {
    const plans = planWorld(parseWorld(example));
    expect(plans.map((p) => p.role)).toEqual(['api', 'web', 'worker']);
    const [api, web, worker] = plans;
    expect(api).toMatchObject({
      env: 'prod',
      region: 'us-east-1',
      'instance-type': 't3.small',
      count: 2,
      'dns-name': 'api.prod.example.test',
    });
    expect(api?.['source-db']).toBe('app-db');
    expect(web?.['dns-name']).toBe('www.example.test');
    expect(worker?.count).toBe(1);
    expect(worker?.['source-db']).toBeUndefined();
  });

  it('refuses a role name outside the zone before anything is built', () => {
    expect(() =>
      parseWorld(`
env: prod
region: us-east-1
zone: example.com
roles:
  api:
    base-image: ami-0123456789abcdef0
    provision: p.sh
    app-version: "1"
    subnet-ids: [subnet-0a, subnet-0b]
    dns-name: evil.example.org
`),
    ).toThrow(/roles\.api\.dns-name: 'evil\.example\.org' is not in the zone 'example\.com'/);
  });

  it('reports every mistake at once, each with its path', () => {
    const problems = problemsOf(`
schema: immut.world/v1
env: Prod
region: mars-1
zone: example.test
roles:
  API:
    provision: x.sh
  api:
    subnet-ids: [subnet-1]
    count: 0
    colour: blue
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^env: /),
        expect.stringMatching(/^region: an AWS region/),
        expect.stringMatching(/^roles: the name 'API' is refused; expected /),
        expect.stringMatching(/^roles\.api\.subnet-ids\.0: a subnet-… id/),
        expect.stringMatching(/^roles\.api\.subnet-ids: a load balancer needs subnets in two or more zones/),
        expect.stringMatching(/^roles\.api\.count: /),
        expect.stringMatching(/^roles\.api: Unrecognized key: "colour"/),
        'roles.api.base-image: required (set it on the role or in defaults)',
      ]),
    );
  });

  it('names settings a role still lacks after defaults', () => {
    const world = example.replace(
      '  base-image: ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64\n',
      '',
    );
    const problems = problemsOf(world);
    expect(problems).toEqual([
      'roles.api.base-image: required (set it on the role or in defaults)',
      'roles.web.base-image: required (set it on the role or in defaults)',
      'roles.worker.base-image: required (set it on the role or in defaults)',
    ]);
  });

  it('refuses secret-looking flags, since world files are committed', () => {
    const problems = problemsOf(example.replace('LOG_LEVEL: info', 'DB_PASSWORD: hunter2'));
    expect(problems).toEqual([
      expect.stringMatching(/^roles\.api\.flags\.DB_PASSWORD: flag DB_PASSWORD is refused/),
    ]);
  });

  it('says where YAML does not parse', () => {
    expect(problemsOf('roles: [\n')).toEqual([expect.stringMatching(/^not valid YAML \(line \d+\)/)]);
  });

  it('publishes a JSON Schema', () => {
    const schema = worldJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['schema', 'env', 'region', 'zone', 'defaults', 'roles']);
  });
});

describe('reserved role names', () => {
  it("refuses a role named 'world': its release tag would be the world release's", () => {
    const problems = problemsOf(
      'schema: immut.world/v1\nenv: prod\nregion: us-east-1\nzone: example.test\nroles:\n  world:\n    provision: p.sh\n',
    );
    expect(problems).toContain(
      "roles.world: the role name 'world' is reserved: its release tag would be the world release's (immut/<env>/world/<build>); rename the role",
    );
  });
});

describe('hostile world files', () => {
  const head = 'schema: immut.world/v1\nenv: prod\nregion: us-east-1\nzone: example.test\n';
  const role = (name: string) =>
    `  ${name}:\n    base-image: ami-0123456789abcdef0\n    provision: p.sh\n    app-version: '1'\n    subnet-ids: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002]\n    security-group-ids: [sg-0123456789abcdef0]\n    lb-security-group-ids: [sg-0123456789abcdef0]\n`;

  it('refuses a flag value with a newline, naming the role and the flag', () => {
    const problems = problemsOf(example.replace('LOG_LEVEL: info', 'LOG_LEVEL: "info\\nINJECTED=1"'));
    expect(problems).toEqual([
      expect.stringMatching(
        /^roles\.api\.flags\.LOG_LEVEL: flag LOG_LEVEL is refused: its value has a control character \(U\+000A\) at character 5/,
      ),
    ]);
  });

  it('refuses other control characters in flag values, in defaults too', () => {
    for (const char of ['\\r', '\\t', '\\0', '\\e', '\\x7f', '\\x85', '\\u2028']) {
      const problems = problemsOf(
        `${head}defaults:\n  flags:\n    MODE: "a${char}b"\nroles:\n${role('api')}`,
      );
      expect(problems).toEqual([
        expect.stringMatching(/^defaults\.flags\.MODE: flag MODE is refused: .*control character/),
      ]);
    }
  });

  it('accepts a world beyond one matrix (released in chunks), and refuses one beyond 7,000 roles naming the limits', () => {
    const roles = (n: number) => Array.from({ length: n }, (_, i) => `  r${i}: {}\n`).join('');
    const defaults = role('defaults').replace(/^ {2}defaults:\n/, 'defaults:\n');
    expect(planWorld(parseWorld(`${head}${defaults}roles:\n${roles(3000)}`))).toHaveLength(3000);
    expect(problemsOf(`${head}${defaults}roles:\n${roles(WORLD_LIMITS.roles + 1)}`)).toEqual([
      expect.stringMatching(
        /^roles: 7001 roles; at most 7000 \(rebuild-the-world releases them in chunks of 256, GitHub's limit of jobs from one matrix, each role a release of 7 jobs, and GitHub runs at most 50,000 jobs in one workflow run\)/,
      ),
    ]);
  });

  it('refuses a YAML bomb (aliases expanding exponentially) with a clear error', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [prev, next] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
    ] as const)
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    expect(problemsOf(`${head}${levels.join('\n')}\nroles: *g\n`)).toEqual([
      expect.stringMatching(/^too many YAML aliases \(\*name\): at most 100/),
    ]);
  });

  it('refuses a world file over 2 MiB before parsing it', () => {
    const huge = `${head}# ${'x'.repeat(2 * 1024 * 1024)}\nroles:\n${role('api')}`;
    expect(problemsOf(huge)).toEqual([
      expect.stringMatching(/^the file is 2097\d{3} bytes; at most 2097152 \(2 MiB\)/),
    ]);
  });

  it('refuses a log path with a comma, which the matrix would split in two', () => {
    const problems = problemsOf(`${head}roles:\n${role('api')}    log-paths: ['/var/log/a,b.log']\n`);
    expect(problems).toEqual([expect.stringMatching(/^roles\.api\.log-paths\.0: /)]);
  });
});

describe('world file: hostile names and paths (issue 16)', () => {
  const world = (roles: string): string =>
    [
      'schema: immut.world/v1',
      'env: prod',
      'region: us-east-1',
      'zone: example.test',
      'defaults:',
      '  base-image: ami-0123456789abcdef0',
      '  subnet-ids: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002]',
      '  security-group-ids: [sg-0a1b2c3d4e5f60001]',
      '  lb-security-group-ids: [sg-0a1b2c3d4e5f60001]',
      'roles:',
      roles,
      '',
    ].join('\n');

  it('refuses a look-alike role name, showing the foreign character and what a name must be', () => {
    const problems = problemsOf(world('  \u0430pi:\n    provision: p.sh\n    app-version: "1"'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("the name '\\u0430pi' is refused; expected");
    expect(problems[0]).not.toContain('Invalid key');
  });

  it('refuses a health-check-path with a newline', () => {
    const problems = problemsOf(
      world('  api:\n    provision: p.sh\n    app-version: "1"\n    health-check-path: "/h\\nINJECTED=1"'),
    );
    expect(problems.join('\n')).toMatch(/roles\.api\.health-check-path: a path starting with '\/'/);
  });
});
