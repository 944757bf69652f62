// cutover-dns: until its own issue lands, the action validates its inputs and says it is not
// implemented. The real logic will live here as plain functions taking inputs and clients.
import { pendingAction } from '../../packages/core/src/run-action.js';
import { crossCheckCutoverDns, cutoverDnsInputs } from './inputs.js';

export const cutoverDns = pendingAction('cutover-dns', cutoverDnsInputs, crossCheckCutoverDns);
