import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';

/** IANA's IPv4 special-purpose registry, multicast and the reserved block: nothing a CMS on the internet listens on. */
const RESERVED_V4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.31.196.0', 24],
  ['192.52.193.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['192.175.48.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  RESERVED_V4.addSubnet(network, prefix, 'ipv4');
}

/**
 * Inside global unicast (2000::/3, the only IPv6 block allowed at all): IETF protocol assignments (Teredo,
 * benchmarking, ORCHID), documentation and AS112. Everything outside 2000::/3 — loopback, unspecified, IPv4-compatible,
 * local-use NAT64, discard, unique-local, link-local, site-local, multicast — is refused by that rule.
 */
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');
const RESERVED_V6 = new BlockList();
for (const [network, prefix] of [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
  ['2620:4f:8000::', 48],
] as const) {
  RESERVED_V6.addSubnet(network, prefix, 'ipv6');
}

/** The 16 bytes of an IPv6 address (which isIP has already accepted), a trailing dotted quad included. */
function ipv6Bytes(address: string): number[] {
  const [head, tail = null] = address.split('::') as [string, string?];
  const groups = (part: string | null) =>
    (part ? part.split(':') : []).flatMap((group) =>
      group.includes('.') ? dottedToGroups(group) : [parseInt(group, 16)],
    );
  const left = groups(head);
  const right = groups(tail);
  const all = tail === null ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((group) => [group >> 8, group & 0xff]);
}

function dottedToGroups(dotted: string): number[] {
  const [a, b, c, d] = dotted.split('.').map(Number);
  return [(a << 8) | b, (c << 8) | d];
}

/** The IPv4 address an IPv6 form carries and hands to an IPv4 network: mapped, NAT64 (well-known prefix), 6to4. */
function embeddedIpv4(bytes: number[]): string | null {
  const startsWith = (prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (
    startsWith([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]) ||
    startsWith([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])
  )
    return bytes.slice(12).join('.');
  if (startsWith([0x20, 0x02])) return bytes.slice(2, 6).join('.');
  return null;
}

/** The one rule for where a callback may go; IPv6 forms that carry an IPv4 address are judged by that address too. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !RESERVED_V4.check(address, 'ipv4');
  if (family !== 6) return false;
  const embedded = embeddedIpv4(ipv6Bytes(address.toLowerCase()));
  if (embedded) return isPublicAddress(embedded);
  return GLOBAL_UNICAST.check(address, 'ipv6') && !RESERVED_V6.check(address, 'ipv6');
}

export class RefusedDestinationError extends Error {
  readonly code = 'ERR_CALLBACK_DESTINATION_REFUSED';

  constructor(host: string, address: string) {
    super(`refused: ${host} resolves to ${address}, a private or reserved address`);
  }
}

/** The refusal for a host and the addresses it stands for, or null when every one is public. */
function refusalOf(host: string, addresses: string[]): RefusedDestinationError | null {
  const internal = addresses.find((address) => !isPublicAddress(address));
  return internal === undefined ? null : new RefusedDestinationError(host, internal);
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, '');
}

/** dns.lookup's shape, so a test can answer with a hostile address without asking a resolver. */
export type Resolve = (
  hostname: string,
  options: { all: true; family?: number },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

function resolveAll(resolve: Resolve, host: string, family?: number): Promise<LookupAddress[]> {
  return new Promise((done, fail) =>
    resolve(host, { all: true, family }, (error, addresses) => (error ? fail(error) : done(addresses))),
  );
}

/**
 * Why a callback URL must not be called, or null: integrators choose these URLs, and the worker must not be
 * turned into a probe of the desk's own network. Every address the name resolves to must be public.
 * At registration only: what a delivery connects to is checked again by the agent's lookup (DNS can change).
 */
export async function refusedDestination(url: string, resolve: Resolve = dnsLookup): Promise<string | null> {
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : (await resolveAll(resolve, host)).map((a) => a.address);
  return refusalOf(host, addresses)?.message ?? null;
}

/**
 * A `lookup` for net.connect that resolves the name and refuses it if any address is not public, so the address
 * checked is the address connected to (no second resolution for a rebinding name to change).
 */
export function guardedLookup(resolve: Resolve = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(resolve, hostname, typeof options.family === 'number' ? options.family : undefined).then(
      (addresses) => {
        const refused = refusalOf(
          hostname,
          addresses.map((a) => a.address),
        );
        if (refused) return callback(refused, '', 0);
        if (options.all)
          return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * The dispatcher callbacks go through. Names are filtered by the lookup hook; a literal address never reaches a
 * lookup (net.connect skips it), so the connector judges it before connecting.
 */
export function callbackAgent(options: { allowPrivateNetworks: boolean; resolve?: Resolve }): Agent {
  if (options.allowPrivateNetworks) return new Agent();
  const connect = buildConnector({ lookup: guardedLookup(options.resolve) });
  return new Agent({
    connect: (opts, callback) => {
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      const refused = isIP(host) ? refusalOf(host, [host]) : null;
      if (refused) return callback(refused, null);
      return connect(opts, callback);
    },
  });
}
