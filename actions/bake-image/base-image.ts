// Resolves the OS head: the base image the bake starts from, given as an SSM parameter, a
// name filter with owners, or a fixed image id. Whatever the form, the result is an existing
// image in state `available`, with its name and creation date for the summary.
//
// SSM parameters are read only under AWS's public /aws/service/ and the prefixes the user
// allows (ssm-parameter-prefixes), never decrypted, never a SecureString, and their value is
// never shown: a mistyped path must not turn the bake into a way to print a secret.
import {
  DescribeImagesCommand,
  paginateDescribeImages,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { InputError } from '@immut/core/errors';
import { showGiven } from '@immut/core/inputs';

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
    `Input 'base-image' was ${showGiven(given)}: ${why}; expected 'ssm:<parameter path>' (under /aws/service/ or a prefix in ssm-parameter-prefixes), 'filter:<name pattern>;owners=<owner,...>' or an 'ami-…' id.`,
  ]);
}

/** AWS's public parameters (latest AMIs and more): always allowed. */
export const PUBLIC_SSM_PREFIX = '/aws/service/';

/** A parameter name as GetParameter takes it: a path of SSM's name characters, at most 2048,
 *  no empty, `.` or `..` segment, optionally `:<version or label>`. */
const SSM_PARAMETER =
  /^(?=[^:]{2,2048}(?::|$))(?:\/(?!\.\.?(?:\/|:|$))[A-Za-z0-9_.-]+)+(?::[A-Za-z0-9_.-]{1,100})?$/;

/** The parameter's name without a `:version` or `:label` selector. */
const nameOf = (parameter: string): string => parameter.replace(/:[^/]*$/, '');

/** Parses the `base-image` input (already matched against its pattern by readInputs). */
export function parseBaseImage(given: string): BaseImageSource {
  if (given.startsWith('ssm:')) {
    const parameter = given.slice(4);
    if (!SSM_PARAMETER.test(parameter)) {
      throw inputProblem(
        given,
        "not an SSM parameter path ('/' and segments of letters, digits, '.', '_' and '-', at most 2048 characters)",
      );
    }
    return { kind: 'ssm', parameter };
  }
  if (given.startsWith('filter:')) {
    const [pattern = '', ...options] = given.slice(7).split(';');
    let owners: string[] = [];
    for (const option of options) {
      const match = /^\s*owners=(.*)$/.exec(option);
      if (!match) throw inputProblem(given, `unknown option ${showGiven(option)} (only 'owners=' is known)`);
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
        `owner ${showGiven(bad[0] ?? '')} is not self, amazon, aws-marketplace or a 12-digit account id`,
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
      `no available image named like ${showGiven(pattern)} is owned by ${owners.join(', ')} in this region`,
    );
  }
  return describe(newest, given);
}

/** Whether immut may read `parameter`: under /aws/service/ or one of the user's prefixes. */
export function ssmParameterAllowed(parameter: string, prefixes: readonly string[]): boolean {
  const name = nameOf(parameter);
  return [PUBLIC_SSM_PREFIX, ...prefixes].some((prefix) => name.startsWith(prefix));
}

async function fromParameter(
  ec2: EC2Client,
  ssm: SSMClient,
  given: string,
  parameter: string,
  prefixes: readonly string[],
): Promise<BaseImage> {
  const shown = showGiven(nameOf(parameter));
  if (!ssmParameterAllowed(parameter, prefixes)) {
    const allowed = prefixes.length === 0 ? 'none is given' : `it has ${prefixes.join(', ')}`;
    throw inputProblem(
      given,
      `SSM parameter ${shown} is not under ${PUBLIC_SSM_PREFIX} or a prefix in 'ssm-parameter-prefixes' (${allowed}); add the path your team publishes image ids under (e.g. /team/images/) to ssm-parameter-prefixes`,
    );
  }
  let type: string | undefined;
  let value: string | undefined;
  try {
    // Never decrypted: a SecureString is refused below without its plaintext ever reaching
    // this process (kms:Decrypt is not in the action's policy either).
    const out = await ssm.send(new GetParameterCommand({ Name: parameter, WithDecryption: false }));
    type = out.Parameter?.Type;
    value = out.Parameter?.Value;
  } catch (error) {
    const name = (error as Error).name;
    if (
      name === 'ParameterNotFound' ||
      name === 'ParameterVersionNotFound' ||
      name === 'ValidationException'
    ) {
      throw inputProblem(given, `SSM parameter ${shown} does not exist in this region`);
    }
    throw error;
  }
  if (type === 'SecureString') {
    throw inputProblem(
      given,
      `SSM parameter ${shown} is a SecureString, which immut never reads; an image id is not a secret: publish it in a String parameter (data type aws:ec2:image)`,
    );
  }
  // The value is never shown, not even cut: a String parameter may still hold a secret.
  if (type !== 'String' || !value || !/^ami-[0-9a-f]{8,17}$/.test(value)) {
    throw inputProblem(
      given,
      `SSM parameter ${shown} does not hold an image id (expected a String parameter whose value is an ami-… id; its value is not shown)`,
    );
  }
  return imageById(ec2, value, given, ` (from ${nameOf(parameter)})`);
}

/** The OS head for `given`; throws an InputError when nothing usable matches. `ssmPrefixes`
 *  are the parameter path prefixes the user allows besides /aws/service/. */
export async function resolveBaseImage(
  clients: { ec2: EC2Client; ssm: SSMClient },
  given: string,
  ssmPrefixes: readonly string[] = [],
): Promise<BaseImage> {
  const source = parseBaseImage(given);
  switch (source.kind) {
    case 'ssm':
      return fromParameter(clients.ec2, clients.ssm, given, source.parameter, ssmPrefixes);
    case 'filter':
      return newestByFilter(clients.ec2, given, source.pattern, source.owners);
    case 'id':
      return imageById(clients.ec2, source.imageId, given, '');
  }
}
