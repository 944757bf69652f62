// The default seed (`seed: 'default'`): one account in one region, a default VPC with three
// subnets in three zones, its default security group, and public Amazon Linux 2023 and
// Ubuntu 24.04 base images of different dates, with the public SSM latest-AMI parameters
// pointing at the newest of each. Ids are fixed so tests and the demo can name them.
// (The route53 and rds modules seed `example.test`, `app-db` and the Aurora cluster
// `app-cluster` through their own `seed(ctx)` hooks.)

export const ACCOUNT_ID = '123456789012';
export const REGION = 'us-east-1';

/** Owner ids of public images: Amazon's Amazon Linux images and Canonical's Ubuntu images. */
export const AMAZON_OWNER_ID = '137112412989';
export const CANONICAL_OWNER_ID = '099720109477';

export interface SeedImage {
  imageId: string;
  snapshotId: string;
  name: string;
  description: string;
  ownerId: string;
  ownerAlias?: string;
  creationDate: string;
  architecture: 'x86_64' | 'arm64';
  rootDeviceName: string;
  volumeSize: number;
  family: 'al2023' | 'ubuntu-24.04';
}

const al2023 = (
  imageId: string,
  snapshotId: string,
  version: string,
  date: string,
  arch: 'x86_64' | 'arm64' = 'x86_64',
): SeedImage => ({
  imageId,
  snapshotId,
  name: `al2023-ami-${version}-kernel-6.1-${arch}`,
  description: `Amazon Linux 2023 AMI ${version} ${arch} HVM kernel-6.1`,
  ownerId: AMAZON_OWNER_ID,
  ownerAlias: 'amazon',
  creationDate: date,
  architecture: arch,
  rootDeviceName: '/dev/xvda',
  volumeSize: 8,
  family: 'al2023',
});

const ubuntu = (imageId: string, snapshotId: string, serial: string, date: string): SeedImage => ({
  imageId,
  snapshotId,
  name: `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-${serial}`,
  description: `Canonical, Ubuntu, 24.04, amd64 noble image build on ${date.slice(0, 10)}`,
  ownerId: CANONICAL_OWNER_ID,
  creationDate: date,
  architecture: 'x86_64',
  rootDeviceName: '/dev/sda1',
  volumeSize: 8,
  family: 'ubuntu-24.04',
});

export const SEED = {
  accountId: ACCOUNT_ID,
  region: REGION,
  vpc: { vpcId: 'vpc-0a1b2c3d4e5f60001', cidrBlock: '10.0.0.0/16' },
  subnets: [
    {
      subnetId: 'subnet-0a1b2c3d4e5f60001',
      availabilityZone: 'us-east-1a',
      zoneId: 'use1-az1',
      cidrBlock: '10.0.0.0/20',
    },
    {
      subnetId: 'subnet-0a1b2c3d4e5f60002',
      availabilityZone: 'us-east-1b',
      zoneId: 'use1-az2',
      cidrBlock: '10.0.16.0/20',
    },
    {
      subnetId: 'subnet-0a1b2c3d4e5f60003',
      availabilityZone: 'us-east-1c',
      zoneId: 'use1-az4',
      cidrBlock: '10.0.32.0/20',
    },
  ],
  securityGroup: {
    groupId: 'sg-0a1b2c3d4e5f60001',
    groupName: 'default',
    description: 'default VPC security group',
  },
  images: [
    al2023(
      'ami-0a0000000000a2301',
      'snap-0a0000000000a2301',
      '2023.6.20241111.0',
      '2024-11-12T19:21:04.000Z',
    ),
    al2023(
      'ami-0a0000000000a2302',
      'snap-0a0000000000a2302',
      '2023.6.20241212.0',
      '2024-12-13T20:05:41.000Z',
    ),
    al2023(
      'ami-0a0000000000a2303',
      'snap-0a0000000000a2303',
      '2023.6.20250115.0',
      '2025-01-16T18:42:10.000Z',
    ),
    al2023(
      'ami-0a0000000000a2304',
      'snap-0a0000000000a2304',
      '2023.6.20250115.0',
      '2025-01-16T18:43:55.000Z',
      'arm64',
    ),
    ubuntu('ami-0c0000000000b2401', 'snap-0c0000000000b2401', '20241109', '2024-11-09T07:11:32.000Z'),
    ubuntu('ami-0c0000000000b2402', 'snap-0c0000000000b2402', '20241206', '2024-12-06T06:58:01.000Z'),
    ubuntu('ami-0c0000000000b2403', 'snap-0c0000000000b2403', '20250112', '2025-01-12T07:20:45.000Z'),
  ] as SeedImage[],
} as const;

/** Public SSM parameters → the newest image of each family (x86_64). */
export const SEED_PARAMETERS: Record<string, string> = {
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64': 'ami-0a0000000000a2303',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64': 'ami-0a0000000000a2303',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64': 'ami-0a0000000000a2304',
  '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id':
    'ami-0c0000000000b2403',
};

/**
 * The default seed in another region (SandboxOptions.regions): the same network, public images
 * and parameters, with the region's zones (`<region>a/b/c`, zone ids `<abbr>-az1…3`) and ids of
 * its own (EC2 ids are regional: the same image has a different AMI id in each region). The
 * first region's seed is SEED itself.
 */
export function seedFor(region: string): {
  vpc: { vpcId: string; cidrBlock: string };
  subnets: Array<{ subnetId: string; availabilityZone: string; zoneId: string; cidrBlock: string }>;
  securityGroup: { groupId: string; groupName: string; description: string };
  images: SeedImage[];
  parameters: Record<string, string>;
} {
  if (region === REGION) return { ...SEED, subnets: [...SEED.subnets], parameters: SEED_PARAMETERS };
  const id = (x: string): string => regionalId(x, region);
  const abbr = region
    .split('-')
    .map((part, i) => (i === 0 ? part : /^\d+$/.test(part) ? part : part[0]))
    .join('');
  return {
    vpc: { ...SEED.vpc, vpcId: id(SEED.vpc.vpcId) },
    subnets: SEED.subnets.map((s, i) => ({
      subnetId: id(s.subnetId),
      availabilityZone: `${region}${'abc'[i]}`,
      zoneId: `${abbr}-az${i + 1}`,
      cidrBlock: s.cidrBlock,
    })),
    securityGroup: { ...SEED.securityGroup, groupId: id(SEED.securityGroup.groupId) },
    images: SEED.images.map((img) => ({ ...img, imageId: id(img.imageId), snapshotId: id(img.snapshotId) })),
    parameters: Object.fromEntries(Object.entries(SEED_PARAMETERS).map(([name, value]) => [name, id(value)])),
  };
}

/** A seed id in another region: four hex digits after the first come from the region's name. */
export function regionalId(id: string, region: string): string {
  if (region === REGION) return id;
  const dash = id.indexOf('-');
  const hex = id.slice(dash + 1);
  let h = 0;
  for (const c of region) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const tag = (h & 0xffff).toString(16).padStart(4, '0');
  return `${id.slice(0, dash)}-${hex[0]}${tag}${hex.slice(5)}`;
}
