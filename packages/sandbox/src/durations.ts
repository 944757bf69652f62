// Real-world durations of AWS state changes, in sandbox milliseconds (the clock's time
// scale shrinks them in wall time). One table; each row names its source. Services read
// them from here, so a test or a demo can see where every delay comes from.

const s = 1000;
const min = 60 * s;

export const DURATIONS = {
  /** RunInstances → running: about 5–17 s to `running`, SSH ~20–30 s.
   *  Source: daemonology.net/blog/2021-08-12-EC2-boot-time-benchmarking.html;
   *  brevdev/ec2-coldboot-research (25.8 s average to SSH). We use 15 s. */
  instancePendingToRunning: 15 * s,
  /** StopInstances: stopping → stopped. EC2 user guide: OS shutdown, then the instance
   *  is stopped; typically well under a minute for EBS-backed Linux. We use 30 s. */
  instanceStoppingToStopped: 30 * s,
  /** TerminateInstances: shutting-down → terminated, typically under a minute (EC2 user
   *  guide, "Terminate your instance"); we use 30 s. */
  instanceShuttingDownToTerminated: 30 * s,
  /** Terminated instances stay visible "for about an hour" (EC2 user guide,
   *  "Terminated instances"), then disappear from DescribeInstances. */
  terminatedVisibleFor: 60 * min,
  /** CreateImage / CopyImage → available: minutes, scaling with changed blocks; "sometimes
   *  up to 24 hours". Sources: AWS user guide quoted in osbuild/osbuild-composer#2961;
   *  repost.aws/knowledge-center/ebs-snapshot-ec2-ami-creation-slow;
   *  hashicorp/packer#7472. We use 5 min. */
  imagePendingToAvailable: 5 * min,
  /** An instance whose encrypted volume's KMS key the account may not use goes pending →
   *  terminated with Client.InternalError ("Client error on launch": repost.aws
   *  knowledge-center/kms-iam-ec2-permission and encrypted-volumes-stops-immediately). AWS
   *  gives no figure for how long it stays pending; the sandbox's own: 10 s. */
  encryptedLaunchFailsAfter: 10 * s,
  /** The image's EBS snapshots complete at about the same time as the image. Same
   *  sources as above. */
  snapshotPendingToCompleted: 5 * min,
  /** ALB provisioning → active: about 2–5 min, occasionally 30. Sources:
   *  kubernetes/kubernetes#44695; hashicorp/terraform#24799. We use 3 min. */
  loadBalancerProvisioningToActive: 3 * min,
  /** Target initial → healthy: registration plus one passing health check at the
   *  default 30 s interval, roughly 30–90 s. Source: ALB user guide, "Health checks
   *  for your target groups"; kubernetes-sigs/aws-load-balancer-controller#1786. We use 45 s. */
  targetInitialToHealthy: 45 * s,
  /** Target draining: the default deregistration delay is 300 s (ELBv2 model docs,
   *  `deregistration_delay.timeout_seconds`). */
  targetDeregistrationDelay: 300 * s,
  /** Route 53 change PENDING → INSYNC: "generally propagate … within 60 seconds" (Route 53
   *  API reference, ChangeResourceRecordSets). We use 30 s. */
  route53ChangePendingToInsync: 30 * s,
  /** RDS create / restore → available: tens of minutes (rule of thumb 10–30 min for small
   *  instances, unsourced); Aurora PITR about 32 min (fecgov/openFEC#4643). We use 10 min
   *  creating, then the backing-up phase below. */
  rdsCreating: 10 * min,
  /** RDS backing-up after create / restore with backups on: can last much longer since
   *  2025 (hashicorp/terraform-provider-aws#44104); we use 2 min. */
  rdsBackingUp: 2 * min,
  /** RDS manual snapshot creating → available: minutes for small instances (RDS user
   *  guide, "Creating a DB snapshot"; unsourced figure). We use 4 min. */
  rdsSnapshotCreating: 4 * min,
  /** RDS modify → available (modifying phase); we use 1 min (unsourced). */
  rdsModifying: 1 * min,
  /** RDS deleting → gone; we use 2 min (unsourced). */
  rdsDeleting: 2 * min,
  /** Auto Scaling notices an instance that stopped or terminated outside the group at its
   *  next health check. EC2 runs instance status checks every minute (EC2 user guide,
   *  "Status checks for Amazon EC2 instances"); Auto Scaling's own interval is unpublished.
   *  We use 60 s. */
  autoScalingHealthCheckInterval: 60 * s,
  /** After a failed launch (e.g. no capacity in any zone) the group tries again, backing off
   *  (Auto Scaling user guide, "Troubleshoot Amazon EC2 Auto Scaling: EC2 instance launch
   *  failures": the group keeps retrying). The schedule is unpublished: we use 30 s,
   *  doubling up to 5 min. */
  autoScalingLaunchRetryFirst: 30 * s,
  autoScalingLaunchRetryMax: 5 * min,
  /** Aurora copy-on-write clone (RestoreDBClusterToPointInTime RestoreType=copy-on-write):
   *  the clone's cluster points at its source's storage pages, so its creation time does not
   *  grow with the data ("independent of the size of the database"); a clone of a 2 TB
   *  database was available in about 5.5 min, "most of that time … provisioning a new RDS
   *  instance" (AWS News Blog, "Amazon Aurora Fast Database Cloning",
   *  aws.amazon.com/blogs/aws/amazon-aurora-fast-database-cloning/). We use 1 min for the
   *  clone's cluster and auroraInstanceCreating for its instance. */
  auroraCloneCreating: 1 * min,
  /** Aurora DB instance in a cluster creating → available: the rest of the 5.5 min above
   *  (same source). We use 4.5 min. */
  auroraInstanceCreating: 4.5 * min,
  /** Aurora full copy (RestoreType=full-copy) or RestoreDBClusterFromSnapshot: the data is
   *  copied, so it grows with its size ("2TB snapshot restore job that used to take an
   *  hour", same source). The sandbox's data is small: we use rdsCreating's 10 min. */
  auroraFullCopyCreating: 10 * min,
} as const;

export type DurationName = keyof typeof DURATIONS;
