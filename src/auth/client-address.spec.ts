import { clientKeyOf } from './client-address';

describe('clientKeyOf', () => {
  it('counts an IPv4 address as itself, and its IPv4-mapped IPv6 form as the same client', () => {
    expect(clientKeyOf('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(clientKeyOf('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
    expect(clientKeyOf('::FFFF:cb00:7107')).toBe('ip:203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one client, however it is written', () => {
    const key = 'ip:2001:0db8:0000:0042::/64';
    expect(clientKeyOf('2001:db8:0:42::1')).toBe(key);
    expect(clientKeyOf('2001:db8:0:42:ffff:1:2:3')).toBe(key);
    expect(clientKeyOf('2001:0DB8:0000:0042:0000:0000:0000:0009')).toBe(key);
    expect(clientKeyOf('2001:db8:0:42::1%eth0')).toBe(key);
    expect(clientKeyOf('2001:db8:0:43::1')).not.toBe(key);
    expect(clientKeyOf('::1')).toBe('ip:0000:0000:0000:0000::/64');
  });

  it('keeps an address it cannot read as it is, and names a missing one', () => {
    expect(clientKeyOf('not-an-address')).toBe('ip:not-an-address');
    expect(clientKeyOf(undefined)).toBe('ip:unknown');
  });
});
