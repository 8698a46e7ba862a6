import { isIP } from 'node:net';

/** IPv6 in eight groups of four hex digits (an embedded IPv4 tail as two groups). */
function expandIpv6(address: string): string[] {
  // The URL parser writes an address in its canonical form, an IPv4 tail in hex.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head, tail] = canonical.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  return [...groups(head), ...(tail === undefined ? [] : Array<string>(missing).fill('0')), ...groups(tail)].map(
    (group) => group.padStart(4, '0'),
  );
}

/**
 * What requests and failed authentications are counted under: the client's IPv4 address (an IPv4-mapped IPv6
 * address is the same client), or its IPv6 /64 — one subscriber's network, inside which a client can change its
 * address at will.
 */
export function clientKeyOf(address: string | undefined): string {
  const plain = (address ?? '').replace(/%.*$/, '');
  if (isIP(plain) === 4) return `ip:${plain}`;
  if (isIP(plain) !== 6) return `ip:${plain || 'unknown'}`;
  const groups = expandIpv6(plain);
  if (groups.slice(0, 5).every((g) => g === '0000') && groups[5] === 'ffff') {
    const [high, low] = [parseInt(groups[6], 16), parseInt(groups[7], 16)];
    return `ip:${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return `ip:${groups.slice(0, 4).join(':')}::/64`;
}
