// S3 and STS for staging a bake's artifact, in a chunk of their own: main-aws.ts loads it
// when the bake first stages one, so a bake's first requests (SSM, EC2) do not wait for them.
import { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createAwsClient, type AwsSettings } from '@immut/core/aws';
import type { StagingClients } from './bake.js';

/** This account's id (STS GetCallerIdentity needs no permission), asked once. */
function accountOf(sts: STSClient): () => Promise<string> {
  let account: Promise<string> | undefined;
  return () =>
    (account ??= sts.send(new GetCallerIdentityCommand({})).then((out) => {
      if (!out.Account) throw new Error('STS GetCallerIdentity returned no account');
      return out.Account;
    }));
}

export function stagingClients(settings: AwsSettings): StagingClients & { destroy: () => void } {
  const s3 = createAwsClient(S3Client, settings);
  const sts = createAwsClient(STSClient, settings);
  return {
    s3,
    accountId: accountOf(sts),
    destroy: () => {
      s3.destroy();
      sts.destroy();
    },
  };
}
