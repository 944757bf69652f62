// Errors split the way users need them: a UserError is something the workflow's author
// can fix (bad input, missing permission, a guard refusing), anything else is a bug or an
// outage. Messages always say what to do next.

/** A mistake the user can fix; printed without a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** One or more action inputs are invalid. `problems` are one line each. */
export class InputError extends UserError {
  override name = 'InputError';
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? (problems[0] ?? '')
        : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
}

/** A guard refused to touch a resource immut does not own. */
export class GuardError extends UserError {
  override name = 'GuardError';
}

/** A wait ran out of time; says what was still pending. */
export class WaitTimeoutError extends UserError {
  override name = 'WaitTimeoutError';
}

/** A wait ended because the resource reached a failure state (image `failed`, …). */
export class WaitFailedError extends UserError {
  override name = 'WaitFailedError';
}

/** Context the AWS client factory attaches to every failed call. */
export interface AwsCallContext {
  /** IAM service prefix, e.g. `ec2`, `elasticloadbalancing`. */
  service: string;
  /** Operation name as in IAM, e.g. `RunInstances`. */
  operation: string;
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'AccessDeniedFault',
]);
/** Error names AWS uses for "slow down": rejected requests, never applied, so safe to resend. */
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'PriorRequestNotComplete',
  'PriorRequestNotCompleteException',
  'EC2ThrottledException',
  'RequestThrottled',
]);

/** True when AWS refused the call for its request rate (the one list retries and messages share). */
export function isThrottlingError(error: unknown): boolean {
  return error instanceof Error && THROTTLED.has(error.name);
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
const BAD_CREDENTIALS = new Set(['InvalidClientTokenId', 'AuthFailure', 'SignatureDoesNotMatch']);

/** What an error the AWS SDK threw looks like: a service refusal or a failed request. */
export interface AwsError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $immut?: AwsCallContext;
}

/** True for an error the AWS SDK threw (it carries `$metadata`), as opposed to a bug in immut. */
export function isAwsError(error: unknown): error is AwsError {
  return error instanceof Error && typeof (error as { $metadata?: unknown }).$metadata === 'object';
}

/**
 * Turns any thrown value into one message a user can act on. AWS errors name the
 * call that failed and, where the fix is known, the fix (the IAM action to grant,
 * the credentials to configure, what to do about throttling).
 */
export function describeError(error: unknown): string {
  if (isAwsError(error)) return describeAwsError(error);
  if (error instanceof Error) {
    if (error.name === 'CredentialsProviderError') {
      return `No AWS credentials were found (${error.message}). Add aws-actions/configure-aws-credentials before this step, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.`;
    }
    return error.message;
  }
  return String(error);
}

// AWS's wording of an identity-policy refusal: "… is not authorized to perform: <action> on
// resource: <arn> …". The action may differ from the call (RunInstances needs iam:PassRole and
// ec2:CreateTags too), so it is read from the message, not assumed.
const DENIED =
  /is not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9*]+)(?: on resource: (\S+?))?(?:\s|$|\.\s)/;

function describeDenied(error: AwsError, call: string, detail: string): string {
  const m = DENIED.exec(error.message);
  const action = m?.[1];
  const resource = m?.[2]?.replace(/\.$/, '');
  if (!action) {
    const decode = /Encoded authorization failure message/i.test(error.message)
      ? ' AWS names the exact action and resource in the encoded message: run `aws sts decode-authorization-message --encoded-message <message>`.'
      : '';
    return `AWS denied ${call}. Grant the IAM action '${call}' to the role this workflow assumes.${decode} ${detail}`;
  }
  const on = resource ? ` on ${resource.slice(0, 300)}` : '';
  const during = action === call ? '' : ` (during ${call})`;
  return `AWS denied ${action}${on}${during}. Grant the IAM action '${action}'${resource ? ' on that resource' : ''} to the role this workflow assumes: regenerate its policy with npm run iam, naming the zones, record names, instance roles and SSM prefixes you use, or check the input that named the resource. ${detail}`;
}

function describeAwsError(error: AwsError): string {
  const call = error.$immut ? `${error.$immut.service}:${error.$immut.operation}` : 'an AWS call';
  const meta = error.$metadata ?? {};
  const where = [
    meta.httpStatusCode && `HTTP ${meta.httpStatusCode}`,
    meta.requestId && `request ${meta.requestId}`,
  ]
    .filter(Boolean)
    .join(', ');
  const detail = `${error.name}: ${error.message}${where ? ` (${where})` : ''}`;
  if (ACCESS_DENIED.has(error.name)) return describeDenied(error, call, detail);
  if (isThrottlingError(error)) {
    const attempts = meta.attempts ? ` after ${meta.attempts} attempts` : '';
    return `AWS kept throttling ${call}${attempts}. Run fewer releases at once (lower the matrix's max-parallel), or ask AWS for a higher request rate. ${detail}`;
  }
  if (EXPIRED.has(error.name)) {
    return `The AWS credentials expired during ${call}. Raise role-duration-seconds in configure-aws-credentials or shorten the 'timeout' input. ${detail}`;
  }
  if (BAD_CREDENTIALS.has(error.name)) {
    return `AWS rejected the credentials for ${call}; check the role and region given to configure-aws-credentials. ${detail}`;
  }
  return `${call} failed: ${detail}`;
}
