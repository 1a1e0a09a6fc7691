import { describe, expect, it } from 'vitest';
import { assertTargetAllowed, createTargetPolicy, literalAddress, parseNetworkList } from './target-policy.ts';

describe('target policy', () => {
  const strict = createTargetPolicy('');

  it.each([
    '127.0.0.1', '127.3.2.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1',
  ])('refuses %s by default', (address) => {
    expect(strict.isAllowedAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '196.200.131.1', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(strict.isAllowedAddress(address)).toBe(true);
  });

  it('refuses what is not an address at all', () => {
    expect(strict.isAllowedAddress('localhost')).toBe(false);
    expect(strict.isAllowedAddress('')).toBe(false);
  });

  it('lets listed networks through, and only them', () => {
    const policy = createTargetPolicy('127.0.0.1/32, 10.20.0.0/16 ::1');
    expect(policy.allowedNetworks).toEqual(['127.0.0.1/32', '10.20.0.0/16', '::1/128']);
    expect(policy.isAllowedAddress('127.0.0.1')).toBe(true);
    expect(policy.isAllowedAddress('127.0.0.2')).toBe(false);
    expect(policy.isAllowedAddress('10.20.9.9')).toBe(true);
    expect(policy.isAllowedAddress('10.21.0.1')).toBe(false);
    expect(policy.isAllowedAddress('::1')).toBe(true);
    expect(policy.isAllowedAddress('169.254.169.254')).toBe(false);
  });

  it.each(['10.0.0.0/33', 'intranet', '10.0.0.0/', '10.0.0.0/8/1', '::1/129', '300.1.1.1'])('rejects the allow-list entry %j', (entry) => {
    expect(() => parseNetworkList(entry)).toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
  });

  it('reads literal addresses in URLs, whatever their spelling', () => {
    expect(literalAddress(new URL('http://[::1]:8080/x'))).toBe('::1');
    expect(literalAddress(new URL('http://2130706433/'))).toBe('127.0.0.1');
    expect(literalAddress(new URL('http://0x7f.1/'))).toBe('127.0.0.1');
    expect(literalAddress(new URL('https://crm.casablanca.ma/hook'))).toBeUndefined();
  });

  it('refuses private literal targets and localhost at registration with a 400 naming the setting', async () => {
    await expect(assertTargetAllowed(new URL('http://169.254.169.254/latest/meta-data'), strict)).rejects.toMatchObject({
      status: 400,
      type: 'webhook-target-not-allowed',
    });
    await expect(assertTargetAllowed(new URL('http://localhost:5432/'), strict)).rejects.toMatchObject({ status: 400 });
    await expect(assertTargetAllowed(new URL('http://8.8.8.8/hook'), strict)).resolves.toBeUndefined();
    await expect(assertTargetAllowed(new URL('http://127.0.0.1:9/hook'), createTargetPolicy('127.0.0.1'))).resolves.toBeUndefined();
  });
});
