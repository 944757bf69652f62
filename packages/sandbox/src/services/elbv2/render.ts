// Resources as ELBv2 returns them on the wire.
import { iso } from '../common/params.js';
import {
  lbArnsOf,
  lbState,
  type Listener,
  type LoadBalancer,
  type State,
  type TargetGroup,
} from './state.js';

export const lbOut = (lb: LoadBalancer, now: number): Record<string, unknown> => ({
  LoadBalancerArn: lb.arn,
  DNSName: lb.dnsName,
  CanonicalHostedZoneId: lb.canonicalHostedZoneId,
  CreatedTime: iso(lb.createdAt),
  LoadBalancerName: lb.name,
  Scheme: lb.scheme,
  VpcId: lb.vpcId,
  State: { Code: lbState(lb, now) },
  Type: lb.type,
  AvailabilityZones: lb.zones.map((z) => ({
    ZoneName: z.ZoneName,
    SubnetId: z.SubnetId,
    LoadBalancerAddresses: [],
  })),
  ...(lb.type === 'application' || lb.securityGroups.length > 0 ? { SecurityGroups: lb.securityGroups } : {}),
  IpAddressType: lb.ipAddressType,
});

export const tgOut = (state: State, tg: TargetGroup): Record<string, unknown> => ({
  TargetGroupArn: tg.arn,
  TargetGroupName: tg.name,
  Protocol: tg.protocol,
  Port: tg.port,
  VpcId: tg.vpcId,
  ...tg.healthCheck,
  LoadBalancerArns: lbArnsOf(state, tg.arn),
  TargetType: tg.targetType,
  ProtocolVersion: tg.protocolVersion,
  IpAddressType: tg.ipAddressType,
});

export const listenerOut = (l: Listener): Record<string, unknown> => ({
  ListenerArn: l.arn,
  LoadBalancerArn: l.loadBalancerArn,
  Port: l.port,
  Protocol: l.protocol,
  ...(l.certificates.length > 0
    ? { Certificates: l.certificates.map((CertificateArn) => ({ CertificateArn })) }
    : {}),
  SslPolicy: l.sslPolicy,
  DefaultActions: l.actions,
  AlpnPolicy: l.alpnPolicy,
});
