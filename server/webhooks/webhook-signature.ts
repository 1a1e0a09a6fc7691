import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signing of webhook requests. The header reads `t=<unix seconds>,v1=<hex>[,v1=<hex>]`: each v1 is the
 * HMAC-SHA256, keyed with a secret (the whole "whsec_..." string as UTF-8), of `<t>.<raw body>`. A
 * receiver recomputes it over the bytes it received, compares in constant time and rejects timestamps
 * too far from its clock (replays). Two v1 values appear only during the grace period after a secret
 * rotation (the new secret first).
 */
export const SIGNATURE_HEADER = 'X-Casa-Sig-Signature';

/** Another receiver of the same change gets another key; retries of one delivery keep it. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** How far a signature's timestamp may be from the receiver's clock by default, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new per-hook secret: 32 random bytes, base64url, with a recognisable prefix. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header value for a body sent at `timestamp` (unix seconds), signed with each secret. */
export function signWebhookBody(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${signatureOf(secret, timestamp, body)}`)].join(',');
}

/**
 * What a receiver does: true when the header carries a v1 signature of `body` made with `secret` and a
 * timestamp within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestampText = parts.find(([key]) => key === 't')?.[1];
  if (!timestampText || !/^\d{1,12}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body), 'hex');
  return parts.some(([key, value]) => {
    if (key !== 'v1' || !value || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(Buffer.from(value, 'hex'), expected);
  });
}
