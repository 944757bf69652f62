// A build's fleet: its Auto Scaling group and launch template (launch-behind-lb). Found by
// tags like everything else retire-release touches, and retired first of the build's
// servers: the group is force-deleted (its servers terminate with it, and it stops replacing
// them) and is gone before its launch template goes, so no replacement is launched from a
// template that no longer exists, and the target group is no longer the group's when it goes.
import {
  DeleteAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
  paginateDescribeAutoScalingGroups,
  type AutoScalingClient,
  type AutoScalingGroup,
} from '@aws-sdk/client-auto-scaling';
import {
  DeleteLaunchTemplateCommand,
  DescribeLaunchTemplatesCommand,
  type EC2Client,
  type LaunchTemplate as Ec2LaunchTemplate,
} from '@aws-sdk/client-ec2';
import type { Clock } from '@immut/core/clock';
import { fromAwsTags, roleFilters, type Tags } from '@immut/core/tags';
import { waitFor } from '@immut/core/wait';

export interface Group {
  name: string;
  /** How many servers it has, for the log. */
  instances: number;
  /** True when AWS is already deleting it (an earlier, interrupted retirement). */
  deleting: boolean;
  tags: Tags;
}

export interface Template {
  id: string;
  name: string;
  tags: Tags;
}

const deleting = (g: AutoScalingGroup): boolean => /delete in progress/i.test(g.Status ?? '');

function groupOf(g: AutoScalingGroup): Group {
  return {
    name: g.AutoScalingGroupName ?? '',
    instances: g.Instances?.length ?? 0,
    deleting: deleting(g),
    tags: fromAwsTags(g.Tags),
  };
}

/** Groups tagged for this role and env (the caller checks the tags again: belongs()). */
export async function findGroups(
  autoscaling: AutoScalingClient,
  who: { role: string; env: string },
): Promise<Group[]> {
  const found: Group[] = [];
  const pages = paginateDescribeAutoScalingGroups({ client: autoscaling }, { Filters: roleFilters(who) });
  for await (const page of pages) {
    for (const g of page.AutoScalingGroups ?? []) if (g.AutoScalingGroupName) found.push(groupOf(g));
  }
  return found;
}

/** Launch templates tagged for this role and env (checked again by the caller). */
export async function findTemplates(ec2: EC2Client, who: { role: string; env: string }): Promise<Template[]> {
  const found: Template[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(new DescribeLaunchTemplatesCommand({ Filters: roleFilters(who), NextToken }));
    for (const t of page.LaunchTemplates ?? []) found.push(templateOf(t));
    NextToken = page.NextToken;
  } while (NextToken);
  return found.filter((t) => t.id !== '');
}

function templateOf(t: Ec2LaunchTemplate): Template {
  return { id: t.LaunchTemplateId ?? '', name: t.LaunchTemplateName ?? '', tags: fromAwsTags(t.Tags) };
}

/** The group as it is now; undefined once it is gone. */
export async function groupNow(autoscaling: AutoScalingClient, name: string): Promise<Group | undefined> {
  const out = await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }));
  const g = out.AutoScalingGroups?.find((x) => x.AutoScalingGroupName === name);
  return g ? groupOf(g) : undefined;
}

const TEMPLATE_GONE = new Set([
  'InvalidLaunchTemplateId.NotFound',
  'InvalidLaunchTemplateId.NotFoundException',
  'InvalidLaunchTemplateName.NotFoundException',
]);

/** The template's tags as they are now; undefined once it is gone. */
export async function templateTagsNow(ec2: EC2Client, id: string): Promise<Tags | undefined> {
  try {
    const out = await ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] }));
    const t = out.LaunchTemplates?.find((x) => x.LaunchTemplateId === id);
    return t ? fromAwsTags(t.Tags) : undefined;
  } catch (error) {
    if (error instanceof Error && TEMPLATE_GONE.has(error.name)) return undefined;
    throw error;
  }
}

/** Deletes a launch template; false when it was already gone. */
export async function deleteTemplate(ec2: EC2Client, id: string): Promise<boolean> {
  try {
    await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: id }));
    return true;
  } catch (error) {
    if (error instanceof Error && TEMPLATE_GONE.has(error.name)) return false;
    throw error;
  }
}

export interface GroupDeletion {
  autoscaling: AutoScalingClient;
  clock: Clock;
  log: (line: string) => void;
  /** Time left until the action's deadline. */
  remaining: () => number;
}

/**
 * Force-deletes the group (unless AWS is deleting it already) and waits until it is gone.
 * Returns false when it was gone before anything was asked. A delete refused while a scaling
 * activity runs is asked again on the next poll.
 */
export async function deleteGroup(d: GroupDeletion, group: Group): Promise<boolean> {
  let asked = group.deleting;
  let existed = false;
  await waitFor({
    what: `Auto Scaling group ${group.name} and its servers to be deleted`,
    clock: d.clock,
    log: d.log,
    timeoutMs: d.remaining(),
    minDelayMs: 5_000,
    maxDelayMs: 20_000,
    check: async () => {
      const now = await groupNow(d.autoscaling, group.name);
      if (!now) return { done: true, value: undefined };
      existed = true;
      if (!asked && !now.deleting) {
        try {
          await d.autoscaling.send(
            new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: group.name, ForceDelete: true }),
          );
          asked = true;
        } catch (error) {
          if (!(error instanceof Error && /ScalingActivityInProgress|ResourceInUse/.test(error.name)))
            throw error;
          return { done: false, state: 'a scaling activity is in progress' };
        }
      }
      return { done: false, state: `${now.instances} server(s) terminating` };
    },
  });
  return existed;
}
