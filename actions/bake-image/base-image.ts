// Resolves the OS head: the base image the bake starts from, given as an SSM public
// parameter, a name filter with owners, or a fixed image id. Whatever the form, the result
// is an existing image in state `available`, with its name and creation date for the summary.
import {
  DescribeImagesCommand,
  paginateDescribeImages,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { InputError } from '@immut/core/errors';

export type BaseImageSource =
  | { kind: 'ssm'; parameter: string }
  | { kind: 'filter'; pattern: string; owners: string[] }
  | { kind: 'id'; imageId: string };

export interface BaseImage {
  imageId: string;
  name: string;
  creationDate: string;
  architecture: string;
  /** How it was found, for the summary: `ssm:/…`, `filter:…` or the id. */
  from: string;
}

const OWNER = /^(?:self|amazon|aws-marketplace|\d{12})$/;

function inputProblem(given: string, why: string): InputError {
  return new InputError([
    `Input 'base-image' was '${given}': ${why}; expected 'ssm:/<public parameter>', 'filter:<name pattern>;owners=<owner,...>' or an 'ami-…' id.`,
  ]);
}

/** Parses the `base-image` input (already matched against its pattern by readInputs). */
export function parseBaseImage(given: string): BaseImageSource {
  if (given.startsWith('ssm:')) return { kind: 'ssm', parameter: given.slice(4) };
  if (given.startsWith('filter:')) {
    const [pattern = '', ...options] = given.slice(7).split(';');
    let owners: string[] = [];
    for (const option of options) {
      const match = /^\s*owners=(.*)$/.exec(option);
      if (!match) throw inputProblem(given, `unknown option '${option}' (only 'owners=' is known)`);
      owners = (match[1] ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== '');
    }
    if (pattern.trim() === '') throw inputProblem(given, 'the name pattern is empty');
    // Without owners anyone's public image with a matching name could be picked (the
    // "whoAMI" name-confusion attack), so owners are required.
    if (owners.length === 0)
      throw inputProblem(given, "a name filter needs ';owners=' (e.g. amazon or an account id)");
    const bad = owners.filter((o) => !OWNER.test(o));
    if (bad.length > 0)
      throw inputProblem(
        given,
        `owner '${bad[0]}' is not self, amazon, aws-marketplace or a 12-digit account id`,
      );
    return { kind: 'filter', pattern: pattern.trim(), owners };
  }
  return { kind: 'id', imageId: given };
}

function describe(image: Image, from: string): BaseImage {
  return {
    imageId: image.ImageId ?? '',
    name: image.Name ?? '(no name)',
    creationDate: image.CreationDate ?? '',
    architecture: image.Architecture ?? '',
    from,
  };
}

async function imageById(ec2: EC2Client, imageId: string, given: string, via: string): Promise<BaseImage> {
  let images: Image[];
  try {
    images = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images ?? [];
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'InvalidAMIID.NotFound' || name === 'InvalidAMIID.Malformed') images = [];
    else throw error;
  }
  const image = images[0];
  if (!image)
    throw inputProblem(
      given,
      `image ${imageId}${via} does not exist in this region or is not visible to this account`,
    );
  if (image.State !== 'available') {
    throw inputProblem(
      given,
      `image ${imageId}${via} is ${image.State ?? 'in an unknown state'}, not available`,
    );
  }
  return describe(image, given);
}

async function newestByFilter(
  ec2: EC2Client,
  given: string,
  pattern: string,
  owners: string[],
): Promise<BaseImage> {
  const images: Image[] = [];
  const pages = paginateDescribeImages(
    { client: ec2 },
    {
      Owners: owners,
      Filters: [
        { Name: 'name', Values: [pattern] },
        { Name: 'state', Values: ['available'] },
      ],
    },
  );
  for await (const page of pages) images.push(...(page.Images ?? []));
  // CreationDate is an ISO string, so the lexical maximum is the newest.
  const newest = images.reduce<Image | undefined>(
    (best, image) =>
      best === undefined || (image.CreationDate ?? '') > (best.CreationDate ?? '') ? image : best,
    undefined,
  );
  if (!newest) {
    throw inputProblem(
      given,
      `no available image named like '${pattern}' is owned by ${owners.join(', ')} in this region`,
    );
  }
  return describe(newest, given);
}

async function fromParameter(
  ec2: EC2Client,
  ssm: SSMClient,
  given: string,
  parameter: string,
): Promise<BaseImage> {
  let value: string | undefined;
  try {
    value = (await ssm.send(new GetParameterCommand({ Name: parameter }))).Parameter?.Value;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'ParameterNotFound' || name === 'ValidationException') {
      throw inputProblem(given, `SSM parameter '${parameter}' does not exist in this region`);
    }
    throw error;
  }
  if (!value || !/^ami-[0-9a-f]{8,17}$/.test(value)) {
    throw inputProblem(given, `SSM parameter '${parameter}' holds '${value ?? ''}', not an image id`);
  }
  return imageById(ec2, value, given, ` (from ${parameter})`);
}

/** The OS head for `given`; throws an InputError when nothing usable matches. */
export async function resolveBaseImage(
  clients: { ec2: EC2Client; ssm: SSMClient },
  given: string,
): Promise<BaseImage> {
  const source = parseBaseImage(given);
  switch (source.kind) {
    case 'ssm':
      return fromParameter(clients.ec2, clients.ssm, given, source.parameter);
    case 'filter':
      return newestByFilter(clients.ec2, given, source.pattern, source.owners);
    case 'id':
      return imageById(clients.ec2, source.imageId, given, '');
  }
}
