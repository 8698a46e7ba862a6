import { generateWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  const body = JSON.stringify({ title: 'T', body: 'B' });

  it('accepts a request signed with the secret', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(verifyWebhook([secret], body, signWebhook(secret, 'msg_1', body))).toEqual({ ok: true });
  });

  it('refuses a body changed after signing, or another secret', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook(secret, 'msg_1', body);
    expect(verifyWebhook([secret], `${body} `, headers).ok).toBe(false);
    expect(verifyWebhook([generateWebhookSecret()], body, headers).ok).toBe(false);
  });

  it('refuses a timestamp more than five minutes away, either way', () => {
    const secret = generateWebhookSecret();
    const old = signWebhook(secret, 'msg_1', body, new Date(Date.now() - 6 * 60_000));
    const future = signWebhook(secret, 'msg_1', body, new Date(Date.now() + 6 * 60_000));
    expect(verifyWebhook([secret], body, old)).toEqual({ ok: false, reason: 'Message timestamp too old' });
    expect(verifyWebhook([secret], body, future)).toEqual({ ok: false, reason: 'Message timestamp too new' });
    expect(
      verifyWebhook([secret], body, signWebhook(secret, 'msg_1', body, new Date(Date.now() - 4 * 60_000))).ok,
    ).toBe(true);
  });

  it('refuses missing headers', () => {
    const secret = generateWebhookSecret();
    const { 'webhook-signature': _, ...unsigned } = signWebhook(secret, 'msg_1', body);
    expect(verifyWebhook([secret], body, unsigned)).toEqual({ ok: false, reason: 'Missing required headers' });
  });

  it('accepts any one of several signatures, and any one of several secrets', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const signed = signWebhook(newSecret, 'msg_1', body);
    const both = { ...signed, 'webhook-signature': `v1,bm90LWEtc2lnbmF0dXJl ${signed['webhook-signature']}` };
    expect(verifyWebhook([newSecret], body, both).ok).toBe(true);
    expect(verifyWebhook([oldSecret, newSecret], body, signed).ok).toBe(true);
    expect(verifyWebhook([oldSecret], body, signed).ok).toBe(false);
  });
});
