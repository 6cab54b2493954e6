import { BlockList, isIP } from 'node:net';

/** Cloud metadata services and link-local addresses: never called, whatever the configuration. */
const ALWAYS_BLOCKED = new BlockList();
ALWAYS_BLOCKED.addSubnet('169.254.0.0', 16, 'ipv4');
ALWAYS_BLOCKED.addSubnet('fe80::', 10, 'ipv6');
ALWAYS_BLOCKED.addAddress('fd00:ec2::254', 'ipv6');
ALWAYS_BLOCKED.addSubnet('0.0.0.0', 8, 'ipv4');
ALWAYS_BLOCKED.addAddress('::', 'ipv6');

/** Loopback and private networks: called only when OUTBOUND_ALLOW_PRIVATE is on (trials, MLflow on an intranet). */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** `::ffff:169.254.169.254` and `::ffff:a9fe:a9fe` (as URL writes it) are 169.254.169.254. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return { address: dotted[1], family: 'ipv4' };
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 'ipv4' };
  }
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Why the server may not call `address`, or null when it may. */
export function refusalOf(address: string, allowPrivate: boolean): string | null {
  const { address: plain, family } = unmapped(address);
  if (ALWAYS_BLOCKED.check(plain, family)) return `${plain} is a link-local or cloud metadata address, which the server never calls`;
  if (!allowPrivate && PRIVATE.check(plain, family)) return `${plain} is a loopback or private address; the server calls those only when OUTBOUND_ALLOW_PRIVATE=true`;
  return null;
}
