// Who a release belongs to: role, env and build. Every name and tag derives from these,
// so they are validated once, here, with rules strict enough that every derived name is
// valid for every AWS service immut touches.

/** A release's identity. Construct with `parseIdentity` so the rules hold. */
export interface Identity {
  readonly role: string;
  readonly env: string;
  readonly build: string;
}

export interface IdentityRule {
  readonly pattern: RegExp;
  readonly expected: string;
}

// No trailing hyphen and no '--': both would make invalid RDS identifiers and DNS labels.
export const ROLE_RULE: IdentityRule = {
  pattern: /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,19}$/,
  expected:
    '1–20 lowercase letters, digits or single hyphens, starting with a letter and not ending with a hyphen (e.g. api, billing-worker)',
};

export const ENV_RULE: IdentityRule = {
  pattern: /^[a-z][a-z0-9]{0,9}$/,
  expected: '1–10 lowercase letters or digits, starting with a letter (e.g. prod, staging)',
};

export const BUILD_RULE: IdentityRule = {
  pattern: /^[a-z0-9]{1,12}$/,
  expected:
    '1–12 lowercase letters or digits (e.g. b000042); by default derived from the workflow run number',
};

/** Env names that would produce invalid AWS names: load balancer names may not start with `internal-`. */
export const RESERVED_ENVS: ReadonlyMap<string, string> = new Map([
  ['internal', "load balancer names may not start with 'internal-', and env comes first in every name"],
]);

/** Returns a problem description, or undefined when the env is valid. */
export function checkEnv(env: string): string | undefined {
  if (!ENV_RULE.pattern.test(env)) return `expected ${ENV_RULE.expected}`;
  const reserved = RESERVED_ENVS.get(env);
  return reserved ? `'${env}' is reserved: ${reserved}` : undefined;
}

/** Digits of a run number, padded so builds sort in run order as strings. */
const BUILD_DIGITS = 6;

/**
 * The default build id for a workflow run: `b` + the zero-padded run number. Re-running
 * a run keeps its run number, so a re-run gets the same build and finds its own resources.
 */
export function buildFromRunNumber(runNumber: string): string {
  if (!/^\d{1,11}$/.test(runNumber)) {
    throw new Error(`GITHUB_RUN_NUMBER '${runNumber}' is not a number`);
  }
  return `b${runNumber.padStart(BUILD_DIGITS, '0')}`;
}

/** The release id: `<role>-<build>`. */
export function releaseId(id: Identity): string {
  return `${id.role}-${id.build}`;
}
