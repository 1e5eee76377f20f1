import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks (https://www.standardwebhooks.com): secrets, headers and the v1 signature. */

const SECRET_PREFIX = 'whsec_';
// 256 bits of key, within the 24 to 64 random bytes the spec asks for.
const SECRET_BYTES = 32;

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * The `webhook-signature` value for one attempt: `v1,` + base64 HMAC-SHA256, keyed with the secret's bytes, of
 * `${id}.${timestamp}.${body}`.
 */
export function signWebhook(secret: string, message: { id: string; timestamp: number; body: string }): string {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('a webhook secret starts with whsec_');
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  const mac = createHmac('sha256', key).update(`${message.id}.${message.timestamp}.${message.body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers of one attempt; `timestamp` is unix seconds at the time of sending. */
export function webhookHeaders(secret: string, message: { id: string; timestamp: number; body: string }): Record<string, string> {
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': signWebhook(secret, message),
  };
}
