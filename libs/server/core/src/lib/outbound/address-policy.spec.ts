import { refusalOf } from './address-policy';

describe('refusalOf', () => {
  it.each(['169.254.169.254', '169.254.0.1', 'fe80::1', 'fd00:ec2::254', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '0.0.0.0'])(
    'refuses the metadata or link-local address %s even when private addresses are allowed',
    (address) => {
      expect(refusalOf(address, true)).toMatch(/link-local or cloud metadata/);
    },
  );

  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.10', '100.64.0.1', '::1', 'fd12:3456::1', '::ffff:10.0.0.1'])(
    'refuses the private address %s unless OUTBOUND_ALLOW_PRIVATE is on',
    (address) => {
      expect(refusalOf(address, false)).toMatch(/OUTBOUND_ALLOW_PRIVATE=true/);
      expect(refusalOf(address, true)).toBeNull();
    },
  );

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])('lets the public address %s through', (address) => {
    expect(refusalOf(address, false)).toBeNull();
  });
});
