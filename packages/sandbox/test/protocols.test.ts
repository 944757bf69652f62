// Pure decoding helpers of the protocol layer (the HTTP paths are covered over the wire).
import { describe, expect, it } from '@jest/globals';
import { decodeQuery } from '../src/protocols/query-decode.js';
import { matchPath, parseXmlBody } from '../src/protocols/rest-xml.js';
import { renderXml } from '../src/protocols/xml-encode.js';
import { listParam } from '../src/service.js';

describe('query decoding', () => {
  it('unflattens EC2 lists and awsQuery member lists', () => {
    const ec2 = decodeQuery(
      'Action=DescribeImages&Version=2016-11-15&Owner.1=self&Filter.1.Name=name&Filter.1.Value.1=my%20app-*&Filter.1.Value.2=b&Filter.2.Name=state&Filter.2.Value.1=available',
    );
    expect(ec2).toEqual({
      action: 'DescribeImages',
      version: '2016-11-15',
      params: {
        Owner: ['self'],
        Filter: [
          { Name: 'name', Value: ['my app-*', 'b'] },
          { Name: 'state', Value: ['available'] },
        ],
      },
    });
    const q = decodeQuery(
      'Action=X&Version=1&Subnets.member.1=a&Subnets.member.2=b&Tags.Tag.1.Key=k&Tags.Tag.1.Value=v&Empty=',
    );
    expect(q.params).toEqual({
      Subnets: { member: ['a', 'b'] },
      Tags: { Tag: [{ Key: 'k', Value: 'v' }] },
      Empty: '',
    });
    expect(listParam(q.params.Subnets)).toEqual(['a', 'b']);
    expect(listParam(q.params.Tags, 'Tag')).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(listParam(q.params.Empty)).toEqual([]);
    expect(listParam(undefined)).toEqual([]);
    // Indices order numerically, not lexically.
    const many = decodeQuery(
      Array.from({ length: 12 }, (_, i) => `InstanceId.${i + 1}=i-${i + 1}`).join('&'),
    );
    expect((many.params.InstanceId as string[])[9]).toBe('i-10');
  });
});

describe('rest-xml', () => {
  it('matches path templates with labels and trailing slashes', () => {
    expect(matchPath('/2013-04-01/hostedzone/{Id}/rrset/', '/2013-04-01/hostedzone/Z123/rrset')).toEqual({
      Id: 'Z123',
    });
    expect(matchPath('/2013-04-01/hostedzone/{Id}', '/2013-04-01/hostedzone/Z123/rrset')).toBeUndefined();
    expect(matchPath('/x/{Key+}', '/x/a/b%20c')).toEqual({ Key: 'a/b c' });
  });

  it('parses a body to its root content, keeping values as strings', () => {
    const body = parseXmlBody('<?xml version="1.0"?><R xmlns="urn:x"><A>007</A><L><M>1</M><M>2</M></L></R>');
    expect(body).toEqual({ A: '007', L: { M: ['1', '2'] } });
  });

  it('renders lists with their item names and escapes text', () => {
    const xml = renderXml(
      'OpResponse',
      { L: ['a<b', 'c'], N: { T: true, D: new Date(0) }, Skip: undefined },
      { defaultItemName: 'member', listItemNames: { L: 'Item' } },
      'urn:ns',
    );
    expect(xml).toContain(
      '<OpResponse xmlns="urn:ns"><L><Item>a&lt;b</Item><Item>c</Item></L><N><T>true</T><D>1970-01-01T00:00:00.000Z</D></N></OpResponse>',
    );
  });
});
