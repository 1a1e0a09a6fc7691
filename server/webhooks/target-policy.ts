import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { BadRequestError } from '../http/errors.ts';

/**
 * Where webhook requests may go. A webhook URL is typed by an administrator, but the request is made by
 * the server from inside the city's network, so without a rule it could reach services that are not
 * meant to be reachable from outside (the database, the cloud metadata endpoint 169.254.169.254, an
 * intranet admin page). The rule: public addresses are allowed; loopback, private, link-local, carrier
 * NAT, multicast and reserved ranges are refused, unless an operator lists a network in
 * WEBHOOK_ALLOWED_NETWORKS (the city's own modules often live on an intranet; tests use 127.0.0.1/32).
 *
 * The check is made on resolved IP addresses at connection time (see guardedLookup), so a host name that
 * resolves to a public address at registration and to a private one later (DNS rebinding) is refused too.
 * Redirects are never followed (deliver.ts), so a target cannot bounce the request elsewhere.
 */
export interface TargetPolicy {
  /** Whether the server may connect to this IP address (v4 or v6, IPv4-mapped v6 included). */
  isAllowedAddress(address: string): boolean;
  /** The allow-list as configured, for messages. */
  readonly allowedNetworks: readonly string[];
}

/** Special-purpose ranges (IANA registries, RFC 6890) that a webhook may not reach by default. */
const BLOCKED_NETWORKS: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata services
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.0.2.0', 24, 'ipv4'], // documentation
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'], // documentation
  ['203.0.113.0', 24, 'ipv4'], // documentation
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 96, 'ipv6'], // unspecified, loopback, IPv4-compatible
  ['64:ff9b::', 96, 'ipv6'], // NAT64: would reach IPv4 addresses through a gateway
  ['100::', 64, 'ipv6'], // discard
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['ff00::', 8, 'ipv6'], // multicast
];

/** Raised when a target resolves to an address the policy refuses; recorded as the attempt's error. */
export class TargetNotAllowedError extends Error {
  override name = 'TargetNotAllowedError';
  readonly code = 'ETARGETNOTALLOWED';
}

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/**
 * Parses "10.20.0.0/16, 127.0.0.1, ::1/128" (commas or spaces; a bare address is a single host).
 * Throws on anything else, so a typo stops the server at start rather than opening or closing a door.
 */
export function parseNetworkList(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[] {
  return text
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [address = '', prefixText, ...rest] = entry.split('/');
      const version = isIP(address);
      const maxPrefix = version === 6 ? 128 : 32;
      const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
      if (version === 0 || rest.length > 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix || prefixText === '') {
        throw new Error(`WEBHOOK_ALLOWED_NETWORKS: "${entry}" is not an IP address or CIDR network`);
      }
      return { address, prefix, family: version === 6 ? 'ipv6' : 'ipv4' };
    });
}

/** Builds the policy from the configured allow-list (WEBHOOK_ALLOWED_NETWORKS). */
export function createTargetPolicy(allowedNetworksText: string): TargetPolicy {
  const blocked = new BlockList();
  for (const [address, prefix, family] of BLOCKED_NETWORKS) blocked.addSubnet(address, prefix, family);
  const networks = parseNetworkList(allowedNetworksText);
  const allowed = new BlockList();
  for (const network of networks) allowed.addSubnet(network.address, network.prefix, network.family);
  return {
    allowedNetworks: networks.map((network) => `${network.address}/${network.prefix}`),
    isAllowedAddress(address: string): boolean {
      if (isIP(address) === 0) return false;
      const family = familyOf(address);
      return allowed.check(address, family) || !blocked.check(address, family);
    },
  };
}

/** The host of a URL as an IP address when it is written as one (brackets of IPv6 removed). */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : undefined;
}

/**
 * A `lookup` for http.request that resolves the host and refuses the connection when any address it
 * resolves to is not allowed. Node calls it with `all: true` when it races IPv4 and IPv6
 * (autoSelectFamily), and without otherwise; both are answered.
 */
export function guardedLookup(policy: TargetPolicy): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { family: options.family ?? 0, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const refused = addresses.find((entry) => !policy.isAllowedAddress(entry.address));
      if (refused || addresses.length === 0) {
        return callback(new TargetNotAllowedError(`target address ${refused?.address ?? '(none)'} is not allowed`));
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as LookupFunction;
}

/** How long registration waits for DNS before accepting a host name (the connection-time check remains). */
const REGISTRATION_LOOKUP_MS = 2_000;

function resolveForRegistration(hostname: string): Promise<LookupAddress[] | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), REGISTRATION_LOOKUP_MS);
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      resolve(error ? undefined : addresses);
    });
  });
}

/**
 * Registration-time check of a webhook URL, so an administrator learns at once that a target is refused
 * (400 naming the address and the setting). A host name that does not resolve now is accepted: DNS may
 * be down or the name not yet published, and every delivery checks again.
 */
export async function assertTargetAllowed(url: URL, policy: TargetPolicy): Promise<void> {
  const literal = literalAddress(url);
  const addresses = literal ? [literal] : ((await resolveForRegistration(url.hostname)) ?? []).map((entry) => entry.address);
  const refused = addresses.find((address) => !policy.isAllowedAddress(address));
  if (refused === undefined) return;
  throw new BadRequestError('webhook-target-not-allowed', `The URL's host resolves to ${refused}, a loopback, private or reserved address`, {
    issues: [{ pointer: '/url', code: 'target-not-allowed', message: 'loopback, private and reserved addresses are refused unless listed in WEBHOOK_ALLOWED_NETWORKS' }],
    allowedNetworks: policy.allowedNetworks,
  });
}
