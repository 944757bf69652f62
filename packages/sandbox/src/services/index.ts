// The registry of emulated services. The HTTP front routes to these by name; the order
// is the seeding order (EC2 first: others look up its VPC, subnets and instances).
import type { BuilderHost } from '../builder-exec/host.js';
import type { EmulatedService, OperationHandler, ServiceContext } from '../service.js';
import { createAutoScalingService } from './autoscaling/index.js';
import { createEc2Service } from './ec2/index.js';
import { createElbv2Service } from './elbv2/index.js';
import { createRdsService } from './rds/index.js';
import { route53Authorization } from './route53/authorization.js';
import { createRoute53Service } from './route53/index.js';
import { createKmsService } from './kms/index.js';
import { createS3Service } from './s3/index.js';
import { ssmAuthorization } from './ssm/authorization.js';
import { createSsmService } from './ssm.js';
import { createStsService } from './sts.js';

/** One account's services. `shared.builders`: the builder host all accounts share (accounts.ts). */
export function createServices(
  ctx: ServiceContext,
  shared: { builders?: BuilderHost } = {},
): EmulatedService[] {
  const ec2 = createEc2Service(shared.builders);
  const elbv2 = createElbv2Service({
    subnet: (id, region) => ec2.subnet(id, region),
    instance: (id, region) => ec2.instance(id, region, ctx.clock.now()),
    securityGroup: (id, region) => ec2.securityGroup(id, region),
  });
  const route53 = createRoute53Service({
    loadBalancerByDnsName: (dnsName) => elbv2.loadBalancerByDnsName(dnsName),
  });
  const rds = createRdsService();
  // Route 53's and SSM's IAM authorizations read no state; they are attached here.
  const ssm = Object.assign(createSsmService(), { authorization: ssmAuthorization });
  Object.assign(route53, { authorization: route53Authorization });
  // Auto Scaling groups act on EC2 and ELBv2 state on their own; their actions are worked
  // out (settled) before every EC2 and ELBv2 call too, so what those calls see includes them.
  const autoscaling = createAutoScalingService({
    ec2: { ...ec2.fleet, subnet: (id, region) => ec2.subnet(id, region) },
    elb: elbv2.fleet,
  });
  settledFirst(ec2, autoscaling.settle);
  settledFirst(elbv2, autoscaling.settle);
  return [
    ec2,
    ssm,
    createStsService(),
    createKmsService(),
    elbv2,
    route53,
    rds,
    createS3Service(ctx),
    autoscaling,
  ];
}

/** Run `settle` before each of the service's operations and its inventory. */
function settledFirst(service: EmulatedService, settle: (ctx: ServiceContext) => void): void {
  for (const [name, handler] of Object.entries(service.operations)) {
    const wrapped: OperationHandler = (req, c) => {
      settle(c);
      return handler(req, c);
    };
    service.operations[name] = wrapped;
  }
  const inventory = service.inventory.bind(service);
  service.inventory = (c) => {
    settle(c);
    return inventory(c);
  };
}
