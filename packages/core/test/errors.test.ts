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
