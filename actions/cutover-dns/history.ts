// The name's history: one TXT record next to the name, `_immut-history.<name>`, holding the
// build the name points at now and the one before, with their load balancers, the time and
// the run. It is written in the same change batch as the record itself, so the two can never
// disagree; `mode: rollback` reads it to know where to go with no other state, retirement
// reads it to know which builds are live, and it marks the name as immut's (the guard).
// The record's format lives in core (dns-history.ts), shared with retire-release.
import { type BuildTarget, type History, historyName } from '@immut/core/dns-history';
import { GuardError, UserError } from '@immut/core/errors';
import { MANAGED_BY_VALUE, TAG, assertManaged } from '@immut/core/tags';

export {
  type BuildTarget,
  type History,
  HISTORY_PREFIX,
  HISTORY_TTL,
  historyName,
  historyRecord,
  parseHistory,
} from '@immut/core/dns-history';

/** The guard: only names whose history says immut manages them for this role and env. */
export function assertOwnedName(
  name: string,
  history: History | undefined,
  hasRecords: boolean,
  expected: { role: string; env: string },
): void {
  if (!history) {
    if (!hasRecords) return; // nothing there yet: a first cutover creates the name
    throw new GuardError(
      `Refusing to change ${name}: it has an A record but no immut history record (${historyName(name)} TXT), so immut did not create it. immut only changes names it manages; delete the record or pick another name.`,
    );
  }
  assertManaged(
    {
      kind: 'DNS name',
      id: name,
      tags: { [TAG.managedBy]: MANAGED_BY_VALUE, [TAG.role]: history.role, [TAG.env]: history.env },
    },
    expected,
  );
}

/** For rollback: the build before the current one, or a clear reason there is none. */
export function rollbackTarget(name: string, history: History | undefined): BuildTarget {
  if (!history) {
    throw new UserError(
      `Cannot roll back ${name}: it has no history record (${historyName(name)} TXT), so immut never cut it over.`,
    );
  }
  if (!history.previous) {
    throw new UserError(
      `Cannot roll back ${name}: its history records only build ${history.current.build} (the first cutover), so there is no previous build to return to.`,
    );
  }
  return history.previous;
}
