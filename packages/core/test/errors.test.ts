import { describe, expect, it } from '@jest/globals';
import { describeError } from '../src/errors.js';

function awsError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), {
    name,
    $metadata: { httpStatusCode: 400, requestId: 'r-1', attempts: 6 },
    $immut: { service: 'route53', operation: 'ChangeResourceRecordSets' },
    ...extra,
  });
}

describe('describeError', () => {
  it('turns access denied into the IAM action to grant', () => {
    expect(describeError(awsError('AccessDenied'))).toMatch(
      /^AWS denied route53:ChangeResourceRecordSets\. Grant the IAM action 'route53:ChangeResourceRecordSets'/,
    );
  });

  it('names the IAM action AWS denied, which may differ from the call (iam:PassRole inside RunInstances)', () => {
    const error = awsError('UnauthorizedOperation', {
      message:
        'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/admin because no identity-based policy allows the iam:PassRole action. Encoded authorization failure message: abc',
      $immut: { service: 'ec2', operation: 'RunInstances' },
    });
    expect(describeError(error)).toMatch(
      /^AWS denied iam:PassRole on arn:aws:iam::123456789012:role\/admin \(during ec2:RunInstances\)\. Grant the IAM action 'iam:PassRole' on that resource to the role this workflow assumes/,
    );
  });

  it('names the resource AWS denied for the call itself, and where to grant it', () => {
    const error = awsError('AccessDenied', {
      message:
        'User: arn:aws:sts::123456789012:assumed-role/immut/x is not authorized to perform: route53:GetHostedZone on resource: arn:aws:route53:::hostedzone/ZNOSUCH because no identity-based policy allows the route53:GetHostedZone action',
      $immut: { service: 'route53', operation: 'GetHostedZone' },
    });
    const text = describeError(error);
    expect(text).toMatch(
      /^AWS denied route53:GetHostedZone on arn:aws:route53:::hostedzone\/ZNOSUCH\. Grant the IAM action 'route53:GetHostedZone' on that resource/,
    );
    expect(text).toMatch(/npm run iam/);
  });

  it("points at decoding EC2's encoded message when AWS does not say which action it denied", () => {
    const error = awsError('UnauthorizedOperation', {
      message: 'You are not authorized to perform this operation. Encoded authorization failure message: xyz',
      $immut: { service: 'ec2', operation: 'RunInstances' },
    });
    expect(describeError(error)).toMatch(
      /^AWS denied ec2:RunInstances\. Grant the IAM action 'ec2:RunInstances'.*aws sts decode-authorization-message/,
    );
  });

  it('turns exhausted throttling into advice', () => {
    expect(describeError(awsError('PriorRequestNotComplete'))).toMatch(
      /^AWS kept throttling route53:ChangeResourceRecordSets after 6 attempts\. Run fewer releases at once/,
    );
  });

  it('explains expired and rejected credentials', () => {
    expect(describeError(awsError('ExpiredToken'))).toMatch(/credentials expired.*role-duration-seconds/);
    expect(describeError(awsError('InvalidClientTokenId'))).toMatch(/rejected the credentials/);
  });

  it('explains missing credentials', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(describeError(error)).toMatch(/No AWS credentials were found.*configure-aws-credentials/);
  });

  it('keeps other AWS errors with their code, status and request id', () => {
    expect(describeError(awsError('InvalidChangeBatch'))).toBe(
      'route53:ChangeResourceRecordSets failed: InvalidChangeBatch: InvalidChangeBatch happened (HTTP 400, request r-1)',
    );
  });

  it('passes plain errors and non-errors through', () => {
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('text')).toBe('text');
  });
});
