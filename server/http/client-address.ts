import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the server may say who the client is (X-Forwarded-For), as
 * Express's `trust proxy` does: a number of hops, or the proxies' addresses. Whatever a client
 * writes into the header itself stays to the left of what the trusted proxies appended.
 */
export type TrustProxy = { hops: number } | { trusted: BlockList };

const RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Parses CHIME_TRUST_PROXY: `0`/`false`, `1`/`true`, a number of hops, or addresses, CIDR ranges, `loopback` and `uniquelocal`. */
export function parseTrustProxy(value: string): TrustProxy {
  if (value === 'false') return { hops: 0 };
  if (value === 'true') return { hops: 1 };
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  const trusted = new BlockList();
  for (const entry of value.split(',').flatMap((v) => RANGES[v.trim()] ?? [v.trim()])) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? (type === 'ipv6' ? 128 : 32) : Number(prefix);
    if (!isIP(address) || !(bits >= 0 && bits <= (type === 'ipv6' ? 128 : 32))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range (use a number of hops, addresses, loopback or uniquelocal)`);
    }
    trusted.addSubnet(address, bits, type);
  }
  return { trusted };
}

/** ::ffff:192.0.2.1 is 192.0.2.1 to a list of IPv4 ranges. */
const plain = (address: string) => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;

function isTrusted(list: BlockList, address: string) {
  const type = isIP(address);
  return type !== 0 && list.check(address, type === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's, unless it is a trusted proxy; then, walking
 * X-Forwarded-For from the right (the entry the nearest proxy appended), the first address
 * that is not a trusted proxy, or the one `hops` proxies away.
 */
export function clientAddress(socket: string | null, forwarded: string | undefined, trust: TrustProxy): string | null {
  const chain = [
    socket,
    ...(forwarded ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .reverse(),
  ].map((a) => a && plain(a));
  if ('hops' in trust) return chain[Math.min(trust.hops, chain.length - 1)] ?? null;
  for (const [n, address] of chain.entries()) {
    if (n === chain.length - 1 || !address || !isTrusted(trust.trusted, address)) return address;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address (valid, as isIP says), as numbers. */
function groups(address: string): number[] {
  let text = address.replace(/%.*$/, '');
  // An IPv4 address at the end (::ffff:192.0.2.1, 64:ff9b::192.0.2.1) is the last two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16));
}

/**
 * What limits, blocks and stream caps count a client by: an IPv4 address as it is, an IPv6
 * address by its /64. Providers give every subscriber a /64 (RFC 6177) and hosts pick addresses
 * in it at will: counted one by one, 2^64 addresses would each escape every per-address limit.
 */
export function clientKey(address: string | null): string | null {
  if (!address || isIP(address) !== 6 || plain(address) !== address) return address && plain(address);
  return `${groups(address)
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
