// The control API on the same port (`/_sandbox/…`): health, the call log, the inventory,
// faults, reset, the clock and the state, for tests and people at a terminal.
import type { Clock } from '../clock.js';
import type { Faults } from '../faults.js';
import type { RawRequest, RawResponse } from '../protocols/types.js';
import type { CallLog } from './call-log.js';
import { jsonResponse } from './http.js';

/** What the control API reads and drives. */
export interface Controlled {
  clock: Clock;
  faults: Faults;
  calls: CallLog;
  serviceNames: () => string[];
  /** `account`: undefined (the primary), `*` (every account) or an account id. */
  inventory: (account?: string) => unknown[];
  state: () => Record<string, unknown>;
  /** The accounts, and adding one (accounts.ts). */
  accounts: () => unknown[];
  addAccount: (account: { id: string; credentials?: Record<string, string> }) => Promise<void>;
  reset: () => Promise<void>;
}

export const isControlRequest = (raw: RawRequest): boolean =>
  raw.path.startsWith('/_sandbox/') || raw.path === '/_sandbox';

export async function answerControl(box: Controlled, raw: RawRequest): Promise<RawResponse> {
  try {
    return await route(box, raw);
  } catch (e) {
    return jsonResponse(400, { error: e instanceof Error ? e.message : String(e) });
  }
}

async function route(box: Controlled, raw: RawRequest): Promise<RawResponse> {
  const { clock, faults, calls } = box;
  const route = `${raw.method} ${raw.path.replace(/\/$/, '')}`;
  const body = (): unknown => (raw.body.trim() === '' ? undefined : JSON.parse(raw.body));
  switch (route) {
    case 'GET /_sandbox/health':
      return jsonResponse(200, {
        ok: true,
        now: new Date(clock.now()).toISOString(),
        timeScale: clock.scale,
        services: box.serviceNames(),
      });
    case 'GET /_sandbox/calls':
      return jsonResponse(
        200,
        calls.list({ service: raw.query.get('service'), operation: raw.query.get('operation') }),
      );
    case 'DELETE /_sandbox/calls':
      calls.clear();
      return jsonResponse(200, { ok: true });
    case 'GET /_sandbox/inventory':
      return jsonResponse(200, box.inventory(raw.query.get('account') ?? undefined));
    case 'GET /_sandbox/accounts':
      return jsonResponse(200, box.accounts());
    case 'POST /_sandbox/accounts': {
      const b = body() as { id?: unknown; credentials?: unknown } | undefined;
      if (
        typeof b?.id !== 'string' ||
        (b.credentials !== undefined && (typeof b.credentials !== 'object' || b.credentials === null))
      )
        return jsonResponse(400, {
          error:
            'body must be {"id": "<12-digit account id>", "credentials": {"<access key id>": "<secret>"}}',
        });
      await box.addAccount({
        id: b.id,
        ...(b.credentials ? { credentials: b.credentials as Record<string, string> } : {}),
      });
      return jsonResponse(200, box.accounts());
    }
    case 'GET /_sandbox/faults':
      return jsonResponse(200, faults.list());
    case 'POST /_sandbox/faults': {
      const b = body();
      const added = faults.add(Array.isArray(b) ? b : [b]);
      return jsonResponse(200, { added: added.length, faults: faults.list() });
    }
    case 'DELETE /_sandbox/faults':
      faults.clear();
      return jsonResponse(200, { ok: true });
    case 'POST /_sandbox/reset':
      await box.reset();
      return jsonResponse(200, { ok: true });
    case 'GET /_sandbox/clock':
      return jsonResponse(200, {
        now: new Date(clock.now()).toISOString(),
        epochMs: clock.now(),
        timeScale: clock.scale,
      });
    case 'POST /_sandbox/clock/advance': {
      const b = body() as { ms?: unknown } | undefined;
      const ms = Number(b?.ms);
      if (!(ms >= 0)) return jsonResponse(400, { error: 'body must be {"ms": <non-negative number>}' });
      clock.advance(ms);
      return jsonResponse(200, { now: new Date(clock.now()).toISOString(), epochMs: clock.now() });
    }
    case 'GET /_sandbox/state':
      return jsonResponse(200, box.state());
    default:
      return jsonResponse(404, { error: `no control route ${route}` });
  }
}
