// EC2 launch templates over HTTP with the real SDK client: create (data, tags on the template
// and for instances/volumes), describe by id, name, filters and pages, versions, delete, the
// EC2 error codes, DryRun, and IAM (tag-on-create, tag-conditioned delete).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DeleteLaunchTemplateCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeTagsCommand,
  EC2Client,
  RunInstancesCommand,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { SEED, startSandbox, type Sandbox } from '../src/index.js';
import { credentials, failure } from './helpers.js';

let sandbox: Sandbox;
let ec2: EC2Client;
const imageId = SEED.images[0]!.imageId;
const userData = Buffer.from('#!/bin/sh\necho hello\n').toString('base64');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: 1 });
  ec2 = new EC2Client({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
});

afterAll(async () => {
  ec2.destroy();
  await sandbox.stop();
});

beforeEach(async () => {
  await sandbox.reset();
});

const create = (name: string, extra: Record<string, unknown> = {}) =>
  ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: name,
      LaunchTemplateData: {
        ImageId: imageId,
        InstanceType: 't3.micro',
        IamInstanceProfile: { Name: 'web-profile' },
        SecurityGroupIds: [SEED.securityGroup.groupId],
        UserData: userData,
        MetadataOptions: { HttpTokens: 'required' },
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'web' }] },
          { ResourceType: 'volume', Tags: [{ Key: 'role', Value: 'web-volume' }] },
        ],
      },
      TagSpecifications: [
        { ResourceType: 'launch-template', Tags: [{ Key: 'immut:managed-by', Value: 'immut' }] },
      ],
      ...extra,
    }),
  );

describe('CreateLaunchTemplate and DescribeLaunchTemplates', () => {
  it('creates a template whose data and tags read back', async () => {
    const out = await create('web-1');
    const lt = out.LaunchTemplate!;
    expect(lt.LaunchTemplateId).toMatch(/^lt-[0-9a-f]{17}$/);
    expect(lt).toMatchObject({
      LaunchTemplateName: 'web-1',
      DefaultVersionNumber: 1,
      LatestVersionNumber: 1,
    });
    expect(lt.Tags).toEqual([{ Key: 'immut:managed-by', Value: 'immut' }]);
    const byName = await ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['web-1'] }));
    expect(byName.LaunchTemplates?.map((t) => t.LaunchTemplateId)).toEqual([lt.LaunchTemplateId]);
    const versions = await ec2.send(
      new DescribeLaunchTemplateVersionsCommand({
        LaunchTemplateId: lt.LaunchTemplateId,
        Versions: ['$Latest'],
      }),
    );
    const data = versions.LaunchTemplateVersions![0]!.LaunchTemplateData!;
    expect(data).toMatchObject({
      ImageId: imageId,
      InstanceType: 't3.micro',
      IamInstanceProfile: { Name: 'web-profile' },
      SecurityGroupIds: [SEED.securityGroup.groupId],
      UserData: userData,
      MetadataOptions: { HttpTokens: 'required' },
    });
    expect(data.TagSpecifications).toEqual([
      { ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'web' }] },
      { ResourceType: 'volume', Tags: [{ Key: 'role', Value: 'web-volume' }] },
    ]);
    const tags = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [lt.LaunchTemplateId!] }] }),
    );
    expect(tags.Tags?.map((t) => [t.ResourceType, t.Key])).toEqual([['launch-template', 'immut:managed-by']]);
  });

  it('filters by tag and name, and pages', async () => {
    await create('web-1');
    await create('web-2', { TagSpecifications: [] });
    await create('api-1');
    const tagged = await ec2.send(
      new DescribeLaunchTemplatesCommand({ Filters: [{ Name: 'tag:immut:managed-by', Values: ['immut'] }] }),
    );
    expect(tagged.LaunchTemplates?.map((t) => t.LaunchTemplateName).sort()).toEqual(['api-1', 'web-1']);
    const named = await ec2.send(
      new DescribeLaunchTemplatesCommand({ Filters: [{ Name: 'launch-template-name', Values: ['web-*'] }] }),
    );
    expect(named.LaunchTemplates?.map((t) => t.LaunchTemplateName).sort()).toEqual(['web-1', 'web-2']);
    const first = await ec2.send(new DescribeLaunchTemplatesCommand({ MaxResults: 2 }));
    expect(first.LaunchTemplates).toHaveLength(2);
    const rest = await ec2.send(
      new DescribeLaunchTemplatesCommand({ MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(rest.LaunchTemplates).toHaveLength(1);
    expect(rest.NextToken).toBeUndefined();
  });

  it('answers EC2 error codes for duplicates, malformed names, unknown ids and names', async () => {
    await create('web-1');
    expect((await failure(create('web-1'))).name).toBe('InvalidLaunchTemplateName.AlreadyExistsException');
    expect((await failure(create('a'))).name).toBe('InvalidLaunchTemplateName.MalformedException');
    expect((await failure(create('has space'))).name).toBe('InvalidLaunchTemplateName.MalformedException');
    const byId = await failure(
      ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ['lt-0123456789abcdef0'] })),
    );
    expect(byId.name).toBe('InvalidLaunchTemplateId.NotFound');
    expect(byId.message).toBe(
      'The specified launch template, with template ID lt-0123456789abcdef0, does not exist.',
    );
    const byName = await failure(
      ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['nope'] })),
    );
    expect(byName.name).toBe('InvalidLaunchTemplateName.NotFoundException');
    const malformed = await failure(
      ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ['lt-x'] })),
    );
    expect(malformed.name).toBe('InvalidLaunchTemplateId.Malformed');
  });

  it('checks the data: user data base64 and 16 KB, metadata options, instance type', async () => {
    const data = (extra: Record<string, unknown>) =>
      ec2.send(
        new CreateLaunchTemplateCommand({
          LaunchTemplateName: 'bad-data',
          LaunchTemplateData: { ImageId: imageId, ...extra },
        }),
      );
    const big = Buffer.alloc(16385, 1).toString('base64');
    expect((await failure(data({ UserData: big }))).message).toBe('User data is limited to 16384 bytes');
    expect((await failure(data({ UserData: 'not base64!' }))).name).toBe('InvalidParameterValue');
    expect((await failure(data({ MetadataOptions: { HttpTokens: 'sometimes' } }))).name).toBe(
      'InvalidParameterValue',
    );
    expect((await failure(data({ InstanceType: 'huge' }))).name).toBe('InvalidParameterValue');
    const dry = await failure(create('dry-run', { DryRun: true }));
    expect(dry.name).toBe('DryRunOperation');
    expect(
      (await ec2.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates?.map(
        (t) => t.LaunchTemplateName,
      ),
    ).toEqual([]);
  });
});

describe('versions and deletion', () => {
  it('adds a version from a source version and deletes the template with its tags', async () => {
    const lt = (await create('web-1')).LaunchTemplate!;
    const v2 = await ec2.send(
      new CreateLaunchTemplateVersionCommand({
        LaunchTemplateId: lt.LaunchTemplateId,
        SourceVersion: '1',
        VersionDescription: 'bigger',
        LaunchTemplateData: { InstanceType: 't3.large' },
      }),
    );
    expect(v2.LaunchTemplateVersion).toMatchObject({ VersionNumber: 2, DefaultVersion: false });
    expect(v2.LaunchTemplateVersion?.LaunchTemplateData).toMatchObject({
      ImageId: imageId,
      InstanceType: 't3.large',
    });
    const all = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'web-1' }));
    expect(all.LaunchTemplateVersions?.map((v) => v.VersionNumber)).toEqual([2, 1]);
    const missing = await failure(
      ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'web-1', Versions: ['7'] })),
    );
    expect(missing.name).toBe('InvalidLaunchTemplateId.VersionNotFound');
    const deleted = await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'web-1' }));
    expect(deleted.LaunchTemplate?.LaunchTemplateId).toBe(lt.LaunchTemplateId);
    const gone = await failure(
      ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: lt.LaunchTemplateId })),
    );
    expect(gone.name).toBe('InvalidLaunchTemplateId.NotFound');
    const tags = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [lt.LaunchTemplateId!] }] }),
    );
    expect(tags.Tags).toEqual([]);
  });
});

describe('the no-capacity fault on RunInstances', () => {
  it('refuses the zone and type it names with AWS words, and serves the others', async () => {
    await sandbox.addFaults([
      { kind: 'no-capacity', match: { availabilityZone: 'us-east-1a', instanceType: 't3.micro' } },
    ]);
    const run = (subnet: string, type: _InstanceType) =>
      ec2.send(
        new RunInstancesCommand({
          ImageId: imageId,
          InstanceType: type,
          MinCount: 1,
          MaxCount: 1,
          SubnetId: subnet,
        }),
      );
    const err = await failure(run(SEED.subnets[0]!.subnetId, 't3.micro'));
    expect(err.name).toBe('InsufficientInstanceCapacity');
    expect(err.$metadata?.httpStatusCode).toBe(500);
    expect(err.message).toBe(
      'We currently do not have sufficient t3.micro capacity in the Availability Zone you requested (us-east-1a). Our system will be working on provisioning additional capacity. You can currently get t3.micro capacity by not specifying an Availability Zone in your request or choosing us-east-1b, us-east-1c.',
    );
    await expect(run(SEED.subnets[1]!.subnetId, 't3.micro')).resolves.toBeDefined();
    await expect(run(SEED.subnets[0]!.subnetId, 't3.small')).resolves.toBeDefined();
  });
});

describe('IAM', () => {
  /** Enforce IAM with these policies for the tests' access key (`test`). */
  const enforce = (docs: unknown[]): void => {
    sandbox.iam.configure({ default: 'deny' });
    sandbox.iam.set('test', docs);
  };
  it('needs ec2:CreateTags to tag the template on creation, and honours tag conditions on delete', async () => {
    const allow = (actions: string[], condition?: Record<string, unknown>) => ({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow' as const,
          Action: actions,
          Resource: '*',
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    });
    enforce([allow(['ec2:CreateLaunchTemplate'])]);
    const denied = await failure(create('web-1'));
    expect(denied.name).toBe('UnauthorizedOperation');
    expect(denied.message).toMatch(
      /is not authorized to perform: ec2:CreateTags on resource: arn:aws:ec2:us-east-1:123456789012:launch-template\/\*/,
    );
    enforce([
      allow(['ec2:CreateLaunchTemplate', 'ec2:DescribeLaunchTemplates']),
      allow(['ec2:CreateTags'], { StringEquals: { 'ec2:CreateAction': 'CreateLaunchTemplate' } }),
      allow(['ec2:DeleteLaunchTemplate'], {
        StringEquals: { 'aws:ResourceTag/immut:managed-by': 'immut' },
      }),
    ]);
    await create('web-1');
    await create('other', { TagSpecifications: [] });
    await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'web-1' }));
    const refused = await failure(ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'other' })));
    expect(refused.name).toBe('UnauthorizedOperation');
    expect(refused.message).toMatch(
      /ec2:DeleteLaunchTemplate on resource: arn:aws:ec2:us-east-1:123456789012:launch-template\/lt-/,
    );
    sandbox.iam.configure({});
  });
});
