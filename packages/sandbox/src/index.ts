// Public entry of @immut/sandbox: the programmatic API.
export { startSandbox } from './server.js';
export type { Sandbox, SandboxOptions, CallRecord, InventoryItem } from './server.js';
export type { FaultSpec, ErrorFault, RateLimitFault, LatencyFault, BehaviourFault } from './faults.js';
export { RATE_PRESETS } from './faults.js';
export { DURATIONS } from './durations.js';
export { ACCOUNT_ID, REGION, SEED, regionalId, seedFor } from './seed.js';
export type { SandboxAccountOptions } from './accounts.js';
export { SEED_KEY_ALIAS } from './services/kms/index.js';
export { seededKeyId } from './services/kms/keys.js';
export { AwsError } from './service.js';
export type { SsmService } from './services/ssm.js';
export type { EmulatedService, ServiceContext, SandboxRequest, ServiceName, Protocol } from './service.js';
export { BUILDER_DURATIONS } from './builder.js';
export { s3IamAction } from './services/s3/index.js';
export type { S3Service } from './services/s3/index.js';
export { IamAuthorizer, principalArn } from './iam/authorizer.js';
export type { IamOptions } from './iam/authorizer.js';
export { evaluate } from './iam/evaluate.js';
export type { Decision, EvaluationRequest } from './iam/evaluate.js';
export { parsePolicy, parsePolicyFile, parsePolicyList } from './iam/policy.js';
export type { IamPolicies, PolicyDocument, Statement, ConditionBlock } from './iam/policy.js';
export type {
  AuthorizationRequest,
  ResourceRef,
  RequestContext,
  ContextValue,
  TagMap,
} from './iam/request.js';
export { decodeAuthorizationMessage } from './iam/refusal.js';
export type { IamRefusal } from './iam/refusal.js';
export { pgClient } from './postgres.js';
export type { PgClient, PgConnectOptions } from './postgres.js';
