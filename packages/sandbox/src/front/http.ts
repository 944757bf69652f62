// Reading requests and writing responses on node:http, for the AWS front and the control API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawResponse } from '../protocols/types.js';

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req)).toString('utf8');
}

export function readBodyBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, out: RawResponse): void {
  const body = out.bytes ?? out.body;
  // A response may set its own length (HEAD: the object's, with no body) and date (S3
  // answers in sandbox time, which the SDK samples to correct its clock for presigning).
  res.writeHead(out.status, {
    'content-length': Buffer.byteLength(body),
    date: new Date().toUTCString(),
    ...out.headers,
  });
  res.end(body);
}

export function jsonResponse(status: number, value: unknown): RawResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value, null, 2) };
}
