// Every AWS call the sandbox answered, in order, for tests and `GET /_sandbox/calls`.
import type { ServiceName } from '../service.js';

export interface CallRecord {
  seq: number;
  service: ServiceName | 'unknown';
  operation: string;
  region: string;
  params: Record<string, unknown>;
  /** 'ok', or 'error' with `errorCode` (the wire code) and the HTTP status. */
  outcome: 'ok' | 'error';
  errorCode?: string;
  status: number;
  /** Sandbox time of the call, ISO-8601. */
  at: string;
  /** True when the error came from an injected fault. */
  injected?: boolean;
  /** Set when IAM refused the call: the access key, and the action and resource ARN that
   *  no policy allowed (or a policy explicitly denied). */
  iam?: {
    accessKeyId: string;
    action: string;
    resource: string;
    reason: 'explicit-deny' | 'implicit-deny';
  };
  requestId: string;
  /** The caller's account, when it is not the primary one (accounts.ts). */
  account?: string;
}

export class CallLog {
  private records: CallRecord[] = [];
  /** Sequence number of the last call; survives `clear()` and is kept in the state file. */
  seq = 0;

  add(record: Omit<CallRecord, 'seq'>): void {
    this.records.push({ seq: ++this.seq, ...record });
  }

  list(filter: { service?: string | null; operation?: string | null } = {}): CallRecord[] {
    return this.records.filter(
      (c) =>
        (!filter.service || c.service === filter.service) &&
        (!filter.operation || c.operation === filter.operation),
    );
  }

  clear(): void {
    this.records = [];
  }
}
