// Listener actions from a request: forward (one target group or weighted ones, with
// stickiness), fixed-response and redirect.
import { boolean, objects, str, type Params } from '../common/params.js';
import { int, validation } from './params.js';
import { targetGroupNotFound, tgByArn, type Action, type State } from './state.js';

function forwardAction(state: State, a: Params, base: Action, region: string): Action {
  const fc = (a['ForwardConfig'] ?? undefined) as Params | undefined;
  const groups = fc
    ? objects(fc['TargetGroups'], 'member').map((t) => ({
        TargetGroupArn: str(t['TargetGroupArn']) ?? '',
        Weight: int(t['Weight'], 'Weight') ?? 1,
      }))
    : [];
  const single = str(a['TargetGroupArn']);
  if (!single && groups.length === 0)
    throw validation('A target group ARN must be specified for a forward action');
  const all = groups.length > 0 ? groups : [{ TargetGroupArn: single!, Weight: 1 }];
  for (const g of all) {
    if (g.Weight < 0 || g.Weight > 999)
      throw validation(`Target group weight '${g.Weight}' must be between 0 and 999`);
    if (!tgByArn(state, g.TargetGroupArn, region)) throw targetGroupNotFound(g.TargetGroupArn);
  }
  const stick = fc ? ((fc['TargetGroupStickinessConfig'] ?? {}) as Params) : {};
  const enabled = boolean(stick['Enabled']) ?? false;
  const duration = int(stick['DurationSeconds'], 'DurationSeconds');
  return {
    ...base,
    ...(all.length === 1 ? { TargetGroupArn: all[0]!.TargetGroupArn } : {}),
    ForwardConfig: {
      TargetGroups: all,
      TargetGroupStickinessConfig: {
        Enabled: enabled,
        ...(duration !== undefined ? { DurationSeconds: duration } : {}),
      },
    },
  };
}

/** A config structure with every member as text. */
const flat = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((v ?? {}) as Params).map(([k, x]) => [k, str(x) ?? '']));

function parseAction(state: State, a: Params, region: string): Action {
  const type = str(a['Type']) ?? '';
  const order = int(a['Order'], 'Order');
  const base: Action = { Type: type, ...(order !== undefined ? { Order: order } : {}) };
  if (type === 'forward') return forwardAction(state, a, base, region);
  if (type === 'fixed-response') {
    const cfg = flat(a['FixedResponseConfig']);
    if (!cfg['StatusCode']) throw validation('A status code must be specified for a fixed-response action');
    return { ...base, FixedResponseConfig: cfg };
  }
  if (type === 'redirect') {
    const cfg = flat(a['RedirectConfig']);
    if (!cfg['StatusCode']) throw validation('A status code must be specified for a redirect action');
    return { ...base, RedirectConfig: cfg };
  }
  throw validation(
    `Action type '${type}' must be one of 'redirect,fixed-response,forward,authenticate-oidc,authenticate-cognito'`,
  );
}

/** The request's default actions (at least one); forwards must name existing groups. */
export function parseActions(state: State, raw: unknown, region: string): Action[] {
  const actions = objects(raw, 'member');
  if (actions.length === 0) throw validation('A default action must be specified');
  return actions.map((a) => parseAction(state, a, region));
}
