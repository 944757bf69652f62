// How a service says "IAM refused this call", in its own words: EC2 answers
// UnauthorizedOperation (403) with an encoded authorization failure message; ELBv2, RDS,
// Route 53 and STS answer AccessDenied (403); SSM (awsJson) AccessDeniedException (400).
// Messages follow AWS's current wording ("User: … is not authorized to perform: … on
// resource: … because no identity-based policy allows the … action").
//
// The encoded message is the decision as JSON (AWS's DecodeAuthorizationMessage shape),
// base64url-encoded with a marker: real ones are encrypted, and callers decode them with
// sts:DecodeAuthorizationMessage, which the sandbox's STS implements over this.
import { AwsError, type ServiceName } from '../service.js';
import type { RequestContext } from './conditions.js';
import type { Decision } from './evaluate.js';

/** Why a call was refused: the first authorization that failed. */
export interface IamRefusal {
  accessKeyId: string;
  principal: string;
  action: string;
  resource: string;
  reason: 'explicit-deny' | 'implicit-deny';
  /** Only EC2 returns it in the error; kept for every refusal (control API decode). */
  encodedMessage: string;
}

const MARKER = 'immut-sandbox-authz.';

export function encodeAuthorizationMessage(
  principal: string,
  req: { action: string; resource: string; context: RequestContext },
  decision: Decision,
): string {
  const decoded = {
    allowed: false,
    explicitDeny: decision.reason === 'explicit-deny',
    matchedStatements: {
      items: decision.matched.map((m) => ({
        statementId: m.sid ?? '',
        effect: m.effect.toUpperCase(),
        policyIndex: m.policy,
        statementIndex: m.statement,
      })),
    },
    failures: { items: [] },
    context: {
      principal: { id: 'AIDASANDBOXUSER00000X', name: principal.replace(/^.*\//, ''), arn: principal },
      action: req.action,
      resource: req.resource,
      conditions: {
        items: Object.entries(req.context).map(([key, v]) => ({
          key,
          values: { items: (Array.isArray(v) ? v : [v]).map((value) => ({ value })) },
        })),
      },
    },
  };
  return MARKER + Buffer.from(JSON.stringify(decoded), 'utf8').toString('base64url');
}

/** The decoded JSON of an encoded message, or undefined when it is not one of ours. */
export function decodeAuthorizationMessage(encoded: string): string | undefined {
  const text = encoded.trim();
  if (!text.startsWith(MARKER)) return undefined;
  const body = text.slice(MARKER.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return undefined;
  const json = Buffer.from(body, 'base64url').toString('utf8');
  try {
    JSON.parse(json);
    return json;
  } catch {
    return undefined;
  }
}

const WHY = {
  'implicit-deny': (action: string) => `because no identity-based policy allows the ${action} action`,
  'explicit-deny': () => 'with an explicit deny in an identity-based policy',
} as const;

/** The error the service answers with. */
export function refusalError(service: ServiceName, r: IamRefusal): AwsError {
  const sentence = `User: ${r.principal} is not authorized to perform: ${r.action} on resource: ${r.resource} ${WHY[r.reason](r.action)}`;
  switch (service) {
    case 'ec2':
      return new AwsError(
        'UnauthorizedOperation',
        `You are not authorized to perform this operation. ${sentence}. Encoded authorization failure message: ${r.encodedMessage}`,
        403,
      );
    case 'ssm':
    case 'kms':
      return new AwsError('AccessDeniedException', sentence, 400);
    default:
      return new AwsError('AccessDenied', sentence, 403);
  }
}
