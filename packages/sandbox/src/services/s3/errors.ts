// S3's errors as the service words them (Amazon S3 API reference, "Error responses": the
// codes, HTTP statuses and messages). Extra elements S3 adds to the <Error> body (the
// bucket name, the key, a presigned URL's expiry) ride on `S3Error.details`.
import { AwsError } from '../../service.js';

export class S3Error extends AwsError {
  constructor(
    code: string,
    message: string,
    status: number,
    readonly details: Record<string, string> = {},
  ) {
    super(code, message, status);
  }
}

export const noSuchBucket = (bucket: string): S3Error =>
  new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });

export const noSuchKey = (key: string): S3Error =>
  new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });

export const noSuchUpload = (uploadId: string): S3Error =>
  new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    404,
    { UploadId: uploadId },
  );

export const invalidArgument = (message: string, name?: string, value?: string): S3Error =>
  new S3Error('InvalidArgument', message, 400, {
    ...(name !== undefined ? { ArgumentName: name } : {}),
    ...(value !== undefined ? { ArgumentValue: value.slice(0, 200) } : {}),
  });

export const malformedXml = (): S3Error =>
  new S3Error(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
    400,
  );

export const accessDenied = (message = 'Access Denied', details: Record<string, string> = {}): S3Error =>
  new S3Error('AccessDenied', message, 403, details);

export const badDigest = (what: string): S3Error =>
  new S3Error('BadDigest', `The ${what} you specified did not match the calculated checksum.`, 400);
