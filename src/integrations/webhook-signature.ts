import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** Standard Webhooks secrets: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export type SignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export function signWebhook(secret: string, id: string, body: string, at: Date = new Date()): SignedHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks a request against every secret still valid (several during a rotation's overlap); the library
 * checks the ±5 minutes tolerance and accepts any one of several signatures in the header.
 */
export function verifyWebhook(
  secrets: string[],
  body: Buffer | string,
  headers: Record<string, string | string[] | undefined>,
): VerifyResult {
  const flat: Record<string, string> = {};
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const value = headers[name];
    if (typeof value === 'string') flat[name] = value;
  }
  let reason = 'No secret to check the signature with';
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(body, flat, { jsonParse: false });
      return { ok: true };
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      reason = error.message;
    }
  }
  return { ok: false, reason };
}
