// Checks across tag-release's promotion inputs: a baked release or a promotion, never a mix,
// and the cross-account inputs only where they belong. Apart from promote.ts (which loads the
// Route 53 and GitHub clients) so that main.ts runs them before any SDK loads (issue #20).

/** The inputs a baked release gives and a promotion takes from its source instead. */
const FROM_SOURCE = ['image-id', 'fingerprint', 'base-image-id', 'app-version'] as const;

export interface PromotionInputs {
  imageId: string | undefined;
  fingerprint: string | undefined;
  baseImageId: string | undefined;
  appVersion: string | undefined;
  promotedFrom: string | undefined;
  promotedFromZone: string | undefined;
  promotedFromName: string | undefined;
  force: boolean | undefined;
  shareWith?: string | undefined;
  sharedBy?: string | undefined;
  copy?: 'auto' | 'always' | 'never' | undefined;
  kmsKeyId?: string | undefined;
}

/** Problems with the inputs of a promotion across accounts and regions (share.ts, copy.ts). */
function crossAccountProblems(inputs: PromotionInputs): string[] {
  const problems: string[] = [];
  const copying = {
    copy: inputs.copy !== undefined && inputs.copy !== 'auto',
    'kms-key-id': !!inputs.kmsKeyId,
  };
  if (inputs.promotedFrom === undefined) {
    for (const [name, given] of Object.entries({
      'share-with': inputs.shareWith !== undefined,
      'shared-by': inputs.sharedBy !== undefined,
      ...copying,
    }))
      if (given)
        problems.push(`Input '${name}' is only for a promotion; it was given without 'promoted-from'.`);
    return problems;
  }
  if (inputs.shareWith !== undefined && inputs.sharedBy !== undefined)
    problems.push(
      `Inputs 'share-with' and 'shared-by' were both given; expected one: 'share-with' in the source account (it shares the image), 'shared-by' in the target account (it records the release).`,
    );
  if (inputs.shareWith !== undefined && inputs.kmsKeyId)
    problems.push(
      `Input 'kms-key-id' was given with 'share-with'; the copy is made and encrypted by the target account's run (with 'shared-by'), not by the source's.`,
    );
  if (inputs.copy === 'never' && inputs.kmsKeyId)
    problems.push(`Input 'kms-key-id' was given with copy 'never'; a KMS key is for the copy.`);
  return problems;
}

/** Problems with the combination of inputs: a baked release or a promotion, never a mix. */
export function promotionInputProblems(inputs: PromotionInputs): string[] {
  return [...bakedOrPromoted(inputs), ...crossAccountProblems(inputs)];
}

function bakedOrPromoted(inputs: PromotionInputs): string[] {
  const given = {
    'image-id': inputs.imageId,
    fingerprint: inputs.fingerprint,
    'base-image-id': inputs.baseImageId,
    'app-version': inputs.appVersion,
  };
  if (inputs.promotedFrom === undefined) {
    const problems = FROM_SOURCE.filter((name) => given[name] === undefined).map(
      (name) => `Input '${name}' is required (unless 'promoted-from' names a release to promote).`,
    );
    for (const [name, value] of Object.entries({
      'promoted-from-zone': inputs.promotedFromZone,
      'promoted-from-name': inputs.promotedFromName,
    })) {
      if (value !== undefined)
        problems.push(`Input '${name}' was given without 'promoted-from'; expected both or neither.`);
    }
    if (inputs.force)
      problems.push(`Input 'force' is only for a promotion; it was 'true' without 'promoted-from'.`);
    return problems;
  }
  const problems = FROM_SOURCE.filter((name) => given[name] !== undefined).map(
    (name) =>
      `Input '${name}' was given with 'promoted-from'; a promotion takes it from the source release unchanged, so leave it empty.`,
  );
  for (const [name, value] of Object.entries({
    'promoted-from-zone': inputs.promotedFromZone,
    'promoted-from-name': inputs.promotedFromName,
  })) {
    if (inputs.sharedBy !== undefined) {
      if (value !== undefined)
        problems.push(
          `Input '${name}' was given with 'shared-by'; the gate runs in the source account (its run with 'share-with' reads the history record there), so leave it empty here.`,
        );
    } else if (value === undefined)
      problems.push(
        `Input '${name}' is required with 'promoted-from': the gate reads the source role's history record (_immut-history.<name> in that zone) to check the release was live.`,
      );
  }
  return problems;
}
