// launch-behind-lb: until its own issue lands, the action validates its inputs and says it is not
// implemented. The real logic will live here as plain functions taking inputs and clients.
import { pendingAction } from '../../packages/core/src/run-action.js';
import { crossCheckLaunchBehindLb, launchBehindLbInputs } from './inputs.js';

export const launchBehindLb = pendingAction(
  'launch-behind-lb',
  launchBehindLbInputs,
  crossCheckLaunchBehindLb,
);
