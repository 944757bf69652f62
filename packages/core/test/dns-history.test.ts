import { describe, expect, it } from '@jest/globals';
import { GuardError } from '../src/errors.js';
import { type History, fqdn, historyName, historyRecord, parseHistory } from '../src/dns-history.js';

const history: History = {
  role: 'api',
  env: 'prod',
  current: {
    build: 'b2',
    release: 'api-b2',
    dnsName: 'prod-api-b2-1.us-east-1.elb.amazonaws.com',
    zoneId: 'Z35SXDOTRQ7X7K',
  },
  previous: {
    build: 'b1',
    release: 'api-b1',
    dnsName: 'prod-api-b1-1.us-east-1.elb.amazonaws.com',
    zoneId: 'Z35SXDOTRQ7X7K',
  },
  weight: 50,
  at: '2026-01-01T00:00:00.000Z',
  run: 'https://github.com/o/r/actions/runs/1',
};

describe('dns-history', () => {
  it('reads back what it writes', () => {
    expect(parseHistory(historyRecord('API.prod.example.test', history))).toEqual(history);
  });

  it('names the record next to the name, in Route 53 stored form', () => {
    expect(historyName('api.prod.example.test')).toBe('_immut-history.api.prod.example.test.');
    expect(fqdn('*.Example.test')).toBe('\\052.example.test.');
  });

  it('refuses a TXT record that is not a history record', () => {
    expect(() =>
      parseHistory({ Name: 'x.', Type: 'TXT', ResourceRecords: [{ Value: '"v=spf1 -all"' }] }),
    ).toThrow(GuardError);
  });

  it('refuses values that cannot be stored in a TXT string', () => {
    expect(() => historyRecord('a.test', { ...history, run: 'has space' })).toThrow(/cannot be stored/);
  });
});
