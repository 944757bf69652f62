import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { WorldError, parseWorld, planWorld, worldJsonSchema } from '../src/world.js';

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
        expect.stringMatching(/^roles\.API: /),
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
