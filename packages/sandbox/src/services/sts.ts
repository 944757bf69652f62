// Emulated STS (awsQuery): GetCallerIdentity for the sandbox's single account, and
// DecodeAuthorizationMessage for the encoded messages of the sandbox's IAM refusals.
import { decodeAuthorizationMessage } from '../iam/refusal.js';
import type { AuthorizationRequest } from '../iam/request.js';
import { AwsError, type EmulatedService } from '../service.js';

/** GetCallerIdentity needs no permission (AWS answers it even under an explicit deny);
 *  the rest are authorized as `sts:<Operation>` on `*`. */
function stsAuthorization(operation: string): AuthorizationRequest[] {
  return operation === 'GetCallerIdentity' ? [] : [{ action: `sts:${operation}` }];
}

export function createStsService(): EmulatedService {
  return {
    name: 'sts',
    protocol: 'query',
    namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    operations: {
      GetCallerIdentity: (_req, ctx) => ({
        UserId: 'AIDASANDBOXUSER00000X',
        Account: ctx.accountId,
        Arn: `arn:aws:iam::${ctx.accountId}:user/sandbox`,
      }),
      DecodeAuthorizationMessage: (req) => {
        const encoded = req.params['EncodedMessage'];
        if (typeof encoded !== 'string' || encoded === '')
          throw new AwsError(
            'ValidationError',
            "1 validation error detected: Value null at 'encodedMessage' failed to satisfy constraint: Member must not be null",
          );
        const decoded = decodeAuthorizationMessage(encoded);
        if (decoded === undefined)
          throw new AwsError(
            'InvalidAuthorizationMessageException',
            'The error message is invalid or has expired.',
          );
        return { DecodedMessage: decoded };
      },
    },
    authorization: (req) => stsAuthorization(req.operation),
    inventory: () => [],
    snapshotState: () => ({}),
    restoreState: () => undefined,
    reset: () => undefined,
  };
}
