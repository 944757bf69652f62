// Reading requests and writing responses on node:http, for the AWS front and the control API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawResponse } from '../protocols/types.js';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, out: RawResponse): void {
  res.writeHead(out.status, {
    ...out.headers,
    'content-length': Buffer.byteLength(out.body),
    date: new Date().toUTCString(),
  });
  res.end(out.body);
}

export function jsonResponse(status: number, value: unknown): RawResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value, null, 2) };
}
