// Emulated STS (awsQuery): GetCallerIdentity for the sandbox's single account.
import type { EmulatedService } from '../service.js';

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
    },
    inventory: () => [],
    snapshotState: () => ({}),
    restoreState: () => undefined,
    reset: () => undefined,
  };
}
