import { describe, expect, it } from '@jest/globals';
import { secretReason } from '../src/secrets.js';

describe('secretReason', () => {
  it.each([
    ['DB_PASSWORD', 'hunter2', /name suggests a secret/],
    ['ANYTHING', 'AKIAABCDEFGHIJKLMNOP', /AWS access key id/],
    ['CERT', '-----BEGIN RSA PRIVATE KEY-----', /private key/],
    ['DATABASE_URL', 'postgres://app:s3cret@db:5432/app', /embedded password/],
    ['BOT', `ghp_${'a'.repeat(36)}`, /GitHub token/],
  ])('flags %s', (name, value, reason) => {
    expect(secretReason(name, value)).toMatch(reason);
  });

  it.each([
    ['DB_PASSWORD_ARN', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db'],
    ['API_TOKEN', 'ssm:/app/prod/token'],
    ['LOG_LEVEL', 'debug'],
    ['DATABASE_URL', 'postgres://db:5432/app'],
    ['SECRET_PLACEHOLDER', ''],
  ])('accepts %s', (name, value) => {
    expect(secretReason(name, value)).toBeUndefined();
  });
});
