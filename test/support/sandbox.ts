// End-to-end tests of actions: a sandbox, the environment that points a bundle at it, and
// what the action called, as IAM action names, for the permissions checks.
import { readFileSync } from 'node:fs';
import { startSandbox, type CallRecord, type Sandbox, type SandboxOptions } from '@immut/sandbox';

/** Sandbox time runs this much faster than wall time in end-to-end tests. */
export const E2E_TIME_SCALE = 2000;

export async function startE2eSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ timeScale: E2E_TIME_SCALE, ...options });
}

/**
 * The environment a bundle needs to run against the sandbox: the endpoint, dummy
 * credentials, a region, and immut's clock at the sandbox's time scale.
 */
export function sandboxEnv(sandbox: Sandbox, timeScale = E2E_TIME_SCALE): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: sandbox.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    IMMUT_TIME_SCALE: String(timeScale),
  };
}

/** IAM action names (`ec2:RunInstances`) of the calls the sandbox saw, sorted, unique. */
export function iamActionsCalled(calls: readonly CallRecord[]): string[] {
  return [...new Set(calls.map((c) => `${c.service}:${c.operation}`))].sort();
}

/** The IAM actions an action documents in actions/<action>/permissions.json. */
export function documentedIamActions(action: string): string[] {
  const file = new URL(`../../actions/${action}/permissions.json`, import.meta.url);
  const permissions = JSON.parse(readFileSync(file, 'utf8')) as { iam?: string[] };
  return [...(permissions.iam ?? [])].sort();
}
