import dns from 'node:dns';
import net, { BlockList } from 'node:net';

/**
 * Where a webhook may be sent. Unless private targets are allowed (local development, tests), an endpoint must be
 * http(s) and its host must be, and resolve only to, public addresses: a webhook is a request this service makes on
 * a client's behalf, and must not reach the service's own network (databases, cloud metadata at 169.254.169.254).
 */

/** Address ranges no webhook is sent to, by what they are. IPv4-mapped IPv6 addresses match their IPv4 range. */
const NON_PUBLIC_RANGES: readonly { kind: string; subnets: readonly [string, number, 'ipv4' | 'ipv6'][] }[] = [
  { kind: 'unspecified', subnets: [['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6']] },
  { kind: 'loopback', subnets: [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']] },
  { kind: 'private', subnets: [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4']] },
  { kind: 'carrier-grade NAT', subnets: [['100.64.0.0', 10, 'ipv4']] },
  { kind: 'link-local', subnets: [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']] },
  { kind: 'unique-local', subnets: [['fc00::', 7, 'ipv6']] },
  { kind: 'multicast', subnets: [['224.0.0.0', 4, 'ipv4'], ['ff00::', 8, 'ipv6']] },
  { kind: 'reserved', subnets: [['240.0.0.0', 4, 'ipv4']] },
];

const RANGES = NON_PUBLIC_RANGES.map(({ kind, subnets }) => {
  const list = new BlockList();
  for (const [network, prefix, family] of subnets) list.addSubnet(network, prefix, family);
  return { kind, list };
});

/** What kind of non-public address `address` is (`loopback`, `private`, …), or undefined for a public one. */
export function nonPublicKind(address: string): string | undefined {
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
  if (!family) return 'not an IP address';
  return RANGES.find(({ list }) => list.check(address, family))?.kind;
}

/** A target this service refuses to send to; its message says why, naming the host and address. */
export class UnsafeTargetError extends Error {}

/** The host of a URL as `dns.lookup` takes it (IPv6 literals without their brackets). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refuseNonPublic(host: string, addresses: readonly string[]): void {
  for (const address of addresses) {
    const kind = nonPublicKind(address);
    if (kind === undefined) continue;
    const via = address === host ? '' : ` resolves to ${address}, which`;
    throw new UnsafeTargetError(`host "${host}"${via} is not a public address (${kind}); webhooks go to public addresses only`);
  }
}

export type LookupAll = (host: string) => Promise<readonly string[]>;

/** Every address `host` resolves to (A and AAAA, as the system resolver answers). */
export const lookupAll: LookupAll = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Resolves when `url` is http(s) and its host is, and resolves only to, public addresses; otherwise rejects with an
 * UnsafeTargetError saying why. A host that does not resolve is refused too.
 */
export async function assertPublicTarget(url: URL, lookup: LookupAll = lookupAll): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeTargetError(`scheme "${url.protocol.replace(/:$/, '')}" is not http or https`);
  }
  const host = hostOf(url);
  if (net.isIP(host) !== 0) {
    refuseNonPublic(host, [host]);
    return;
  }
  let addresses: readonly string[];
  try {
    addresses = await lookup(host);
  } catch (error) {
    throw new UnsafeTargetError(`host "${host}" does not resolve (${error instanceof Error ? error.message : String(error)})`);
  }
  if (addresses.length === 0) throw new UnsafeTargetError(`host "${host}" does not resolve`);
  refuseNonPublic(host, addresses);
}

/**
 * A `lookup` for http.request that resolves like the system does and fails the connection when any address is not
 * public, so the connection goes to the addresses just checked (a DNS answer that changed between the check and the
 * connection cannot slip a private address in).
 */
export const publicOnlyLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
    if (error) {
      callback(error, []);
      return;
    }
    try {
      refuseNonPublic(hostname, addresses.map((a) => a.address));
    } catch (refused) {
      callback(refused as NodeJS.ErrnoException, []);
      return;
    }
    const first = addresses[0];
    if (options.all) callback(null, addresses);
    else if (first) callback(null, first.address, first.family);
    else callback(new UnsafeTargetError(`host "${hostname}" does not resolve`), []);
  });
};
