import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';

describe('webhook signatures', () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify({ id: '3:17', change: { layer: 'permits', id: 5 } });
  const now = 1_780_000_000;

  it('makes secrets of the stored shape, different every time', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('signs "<t>.<body>" with HMAC-SHA256, as documented for receivers', () => {
    const header = signWebhookBody([secret], now, body);
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(header).toBe(`t=${now},v1=${expected}`);
    expect(verifyWebhookSignature(secret, header, body, { nowSeconds: now })).toBe(true);
  });

  it('rejects another secret, an altered body, a moved timestamp and malformed headers', () => {
    const header = signWebhookBody([secret], now, body);
    expect(verifyWebhookSignature(generateWebhookSecret(), header, body, { nowSeconds: now })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body.replace('permits', 'road_segments'), { nowSeconds: now })).toBe(false);
    expect(verifyWebhookSignature(secret, header.replace(`t=${now}`, `t=${now + 1}`), body, { nowSeconds: now })).toBe(false);
    for (const bad of [null, '', 'v1=abc', `t=${now}`, `t=x,v1=${'0'.repeat(64)}`, `t=${now},v1=zz`]) {
      expect(verifyWebhookSignature(secret, bad, body, { nowSeconds: now })).toBe(false);
    }
  });

  it('refuses signatures older or newer than the tolerance (replays)', () => {
    const header = signWebhookBody([secret], now, body);
    expect(verifyWebhookSignature(secret, header, body, { nowSeconds: now + 300 })).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, { nowSeconds: now + 301 })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { nowSeconds: now - 301 })).toBe(false);
  });

  it('carries one signature per secret during a rotation; either verifies', () => {
    const previous = generateWebhookSecret();
    const header = signWebhookBody([secret, previous], now, body);
    expect(header.split(',')).toHaveLength(3);
    expect(verifyWebhookSignature(secret, header, body, { nowSeconds: now })).toBe(true);
    expect(verifyWebhookSignature(previous, header, body, { nowSeconds: now })).toBe(true);
    expect(verifyWebhookSignature(generateWebhookSecret(), header, body, { nowSeconds: now })).toBe(false);
  });
});
