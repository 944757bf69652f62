// Heuristics for values that must never reach a manifest, tag, output or log: manifests
// are readable by everyone with read access to the repository. Secrets belong in SSM or
// Secrets Manager and are passed by reference (an ARN or parameter name).

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|ACCESS_KEY|CREDENTIAL)/i;

const SECRET_VALUE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\bA(?:KIA|SIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
  [/\bxox[baprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/:\/\/[^/\s:@]+:[^/\s@]+@/, 'a URL with an embedded password'],
];

/** A reference to a secret store is fine to record: it names the secret, not its value. */
const SECRET_REFERENCE = /^(?:arn:aws[a-z-]*:(?:secretsmanager|ssm|kms):|ssm:\/|\{\{resolve:)/;

/**
 * Why `value` (named `name`) looks like a secret, or undefined. Errs on the side of
 * refusing: a false alarm costs a rename, a leak costs a credential rotation.
 */
export function secretReason(name: string, value: string): string | undefined {
  if (value === '' || SECRET_REFERENCE.test(value)) return undefined;
  for (const [pattern, what] of SECRET_VALUE_PATTERNS)
    if (pattern.test(value)) return `its value looks like ${what}`;
  if (SECRET_NAME.test(name)) {
    return `its name suggests a secret; pass a reference instead (an SSM parameter or Secrets Manager ARN)`;
  }
  return undefined;
}
