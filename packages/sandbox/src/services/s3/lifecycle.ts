// Lifecycle configuration and its effect. S3 expires an object "N days after its creation,
// rounded to the next midnight UTC" (S3 user guide, "Lifecycle configuration elements" →
// Days), and aborts incomplete multipart uploads N days after initiation the same way.
// The sandbox applies that on the sandbox clock whenever the bucket is read (no timers),
// so advancing the clock past the day makes the objects gone.
import type { SandboxRequest } from '../../service.js';
import { str } from '../common/params.js';
import { S3Error, invalidArgument, malformedXml } from './errors.js';
import type { Bucket, LifecycleRule, S3Context } from './state.js';
import { S3_RESULT } from './wire.js';
import { repeated } from './xml.js';

const DAY = 24 * 60 * 60 * 1000;

/** When something created at `at` expires after `days`: rounded up to midnight UTC. */
export const expiryOf = (at: number, days: number): number => Math.ceil((at + days * DAY) / DAY) * DAY;

/** Drops the bucket's objects and uploads whose lifecycle rule has run out by `now`. */
export function expireObjects(s3: S3Context, bucket: Bucket, now: number): void {
  for (const rule of bucket.lifecycle ?? []) {
    if (rule.status !== 'Enabled') continue;
    if (rule.expirationDays !== undefined) {
      for (const [key, object] of Object.entries(bucket.objects)) {
        if (key.startsWith(rule.prefix) && now >= expiryOf(object.lastModified, rule.expirationDays))
          delete bucket.objects[key];
      }
    }
    if (rule.abortIncompleteDays !== undefined) {
      for (const [id, upload] of Object.entries(s3.state.uploads)) {
        if (
          upload.bucket === bucket.name &&
          upload.key.startsWith(rule.prefix) &&
          now >= expiryOf(upload.initiated, rule.abortIncompleteDays)
        )
          delete s3.state.uploads[id];
      }
    }
  }
}

function positiveDays(value: unknown, action: string): number | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw invalidArgument(`'Days' for ${action} action must be a positive integer`);
  return Number(text);
}

function parseRule(rule: Record<string, unknown>, index: number): LifecycleRule {
  const status = str(rule['Status']);
  if (status !== 'Enabled' && status !== 'Disabled') throw malformedXml();
  const filter = rule['Filter'] as Record<string, unknown> | undefined;
  const prefix = str(filter?.['Prefix']) ?? str(rule['Prefix']) ?? '';
  const expiration = rule['Expiration'] as Record<string, unknown> | undefined;
  const abort = rule['AbortIncompleteMultipartUpload'] as Record<string, unknown> | undefined;
  const expirationDays = positiveDays(expiration?.['Days'], 'Expiration');
  const abortIncompleteDays = positiveDays(abort?.['DaysAfterInitiation'], 'AbortIncompleteMultipartUpload');
  if (expiration && expirationDays === undefined)
    throw new S3Error('NotImplemented', 'The sandbox supports Expiration by Days only', 501);
  if (expirationDays === undefined && abortIncompleteDays === undefined)
    throw invalidArgument('At least one action needs to be specified in a rule');
  const id = str(rule['ID']) ?? `rule-${index + 1}`;
  if (id.length > 255) throw invalidArgument('ID length should not exceed allowed limit of 255');
  return {
    id,
    status,
    prefix,
    ...(expirationDays !== undefined ? { expirationDays } : {}),
    ...(abortIncompleteDays !== undefined ? { abortIncompleteDays } : {}),
  };
}

export function putLifecycle(bucket: Bucket, req: SandboxRequest): Record<string, unknown> {
  const config = req.params['LifecycleConfiguration'] as Record<string, unknown> | undefined;
  if (!config) throw malformedXml();
  const rules = repeated(config['Rule']).map(parseRule);
  if (rules.length === 0 || rules.length > 1000) throw malformedXml();
  const ids = new Set(rules.map((r) => r.id));
  if (ids.size !== rules.length)
    throw invalidArgument('Rule ID must be unique. Found same ID for more than one rule');
  bucket.lifecycle = rules;
  return {};
}

export function getLifecycle(bucket: Bucket): Record<string, unknown> {
  if (!bucket.lifecycle)
    throw new S3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404, {
      BucketName: bucket.name,
    });
  return {
    [S3_RESULT.root]: 'LifecycleConfiguration',
    [S3_RESULT.xml]: {
      Rule: bucket.lifecycle.map((r) => ({
        ID: r.id,
        Filter: { Prefix: r.prefix },
        Status: r.status,
        Expiration: r.expirationDays !== undefined ? { Days: r.expirationDays } : undefined,
        AbortIncompleteMultipartUpload:
          r.abortIncompleteDays !== undefined ? { DaysAfterInitiation: r.abortIncompleteDays } : undefined,
      })),
    },
  };
}
