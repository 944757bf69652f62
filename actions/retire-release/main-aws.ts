// The part of retire-release that talks to AWS, loaded by main.ts only once the inputs passed
// their checks: the SDK clients are made here, never at start. A retirement reads the role's
// name first (Route 53), so only the Route 53 client loads before that first request; the
// fleet's four clients and the work load afterwards, from main-fleet.ts (issue #20: cold start).
import { Route53Client } from '@aws-sdk/client-route-53';
import { createAwsClient } from '@immut/core/aws';
import { InputError } from '@immut/core/errors';
import { nameProblem, zoneOfInputs } from '@immut/core/hosted-zone';
import { roleDnsName } from '@immut/core/naming';
import type { ActionContext } from '@immut/core/run-action';
import { readLive } from './live.js';
import { ACTION, type CheckedRetire } from './main.js';

/** Mode retire once the inputs passed: reads the name, then finds, decides and retires. */
export async function retireChecked(ctx: ActionContext, checked: CheckedRetire): Promise<void> {
  const { inputs, zone: zoneInput, hostedZone, common } = checked;
  const who = { role: common.identity.role, env: common.identity.env };
  const route53 = createAwsClient(Route53Client, { region: common.region, action: ACTION });
  try {
    // Given hosted-zone (release.yml passes launch's), no Route 53 call looks the zone up.
    const zone = await zoneOfInputs(route53, { zone: zoneInput, hostedZone });
    const name = (inputs.name ?? roleDnsName(who, zone.name)).toLowerCase().replace(/\.$/, '');
    const outside = nameProblem(name, zone);
    if (outside) throw new InputError([outside]);
    const live = await readLive(route53, zone.id, name, who);
    const { retireFleet } = await import('./main-fleet.js');
    await retireFleet(ctx, checked, { route53, zone, name, live });
  } finally {
    route53.destroy();
  }
}
