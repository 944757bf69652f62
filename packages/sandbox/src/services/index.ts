// The registry of emulated services. The HTTP front routes to these by name; the order
// is the seeding order (EC2 first: others look up its VPC, subnets and instances).
import type { EmulatedService, ServiceContext } from '../service.js';
import { createEc2Service } from './ec2/index.js';
import { createElbv2Service } from './elbv2/index.js';
import { createRdsService } from './rds/index.js';
import { route53Authorization } from './route53/authorization.js';
import { createRoute53Service } from './route53/index.js';
import { ssmAuthorization } from './ssm/authorization.js';
import { createSsmService } from './ssm.js';
import { createStsService } from './sts.js';

export function createServices(ctx: ServiceContext): EmulatedService[] {
  const ec2 = createEc2Service();
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
  return [ec2, ssm, createStsService(), elbv2, route53, rds];
}
