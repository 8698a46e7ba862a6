import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type * as OpenIdClient from 'openid-client';
import { DataSource } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import type { UserEntity } from './user.entity';
import { providerCheckedSeveralFactors } from './provider-multi-factor';
import { clip } from '../common/text-rules';

/** What the browser keeps (in an HTTP-only cookie) between leaving for the provider and coming back. */
export interface SsoAttempt {
  state: string;
  nonce: string;
  verifier: string;
  next: string | null;
}

/** Whether an address may sign in by SSO: any domain when none is listed. */
export function emailDomainAllowed(email: string, allowed: readonly string[]): boolean {
  const domain = email.toLowerCase().split('@').pop() ?? '';
  return allowed.length === 0 || allowed.includes(domain);
}

/**
 * OpenID Connect sign-in: authorization code with PKCE (S256), state and nonce, through openid-client. A person is
 * matched by the email the provider says it verified; an unknown one is refused unless OIDC_DEFAULT_ROLE is set.
 */
@Injectable()
export class SingleSignOnService {
  /** openid-client 6 is ES modules only: loaded on first use (Node ≥ 20.19 `require`s ES modules). */
  private configuration: Promise<{ client: typeof OpenIdClient; config: OpenIdClient.Configuration }> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly env: ConfigService<Environment, true>,
  ) {}

  get enabled(): boolean {
    return !!this.env.get('OIDC_ISSUER', { infer: true });
  }

  private get redirectUri(): string {
    return `${this.env.get('PUBLIC_URL', { infer: true })}/ui/sso/callback`;
  }

  private provider() {
    this.configuration ??= (async () => {
      const client = await import('openid-client');
      const issuer = new URL(this.env.get('OIDC_ISSUER', { infer: true }));
      const config = await client.discovery(
        issuer,
        this.env.get('OIDC_CLIENT_ID', { infer: true }),
        this.env.get('OIDC_CLIENT_SECRET', { infer: true }),
        undefined,
        {
          // A provider on plain http is for tests on this machine only; https is required otherwise.
          execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        },
      );
      return { client, config };
    })().catch((error) => {
      this.configuration = null;
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'service_unavailable',
        `The single sign-on provider did not answer: ${error.message}`,
      );
    });
    return this.configuration;
  }

  /**
   * The attempt as the browser keeps it: JSON, then an HMAC under a key drawn from the client secret (which every api
   * process shares), so an attempt written or changed elsewhere — its return address above all — is refused.
   */
  sealAttempt(attempt: SsoAttempt): string {
    const body = Buffer.from(JSON.stringify(attempt)).toString('base64url');
    return `${body}.${this.attemptMac(body)}`;
  }

  /** The attempt this service sealed, or null for anything else. */
  openAttempt(sealed: unknown): SsoAttempt | null {
    if (typeof sealed !== 'string') return null;
    const [body, mac, ...rest] = sealed.split('.');
    const expected = Buffer.from(this.attemptMac(body ?? ''));
    // Compared as bytes: a MAC of as many characters may be longer in bytes (é), which timingSafeEqual refuses.
    const given = Buffer.from(mac ?? '');
    if (rest.length > 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<SsoAttempt> | null;
      return typeof value?.state === 'string' &&
        typeof value.nonce === 'string' &&
        typeof value.verifier === 'string' &&
        (value.next === null || typeof value.next === 'string')
        ? { state: value.state, nonce: value.nonce, verifier: value.verifier, next: value.next }
        : null;
    } catch {
      return null;
    }
  }

  private attemptMac(body: string): string {
    const key = createHmac('sha256', this.env.get('OIDC_CLIENT_SECRET', { infer: true }) ?? '')
      .update('claimdesk sso attempt')
      .digest();
    return createHmac('sha256', key).update(body).digest('base64url');
  }

  async start(next: string | null): Promise<{ url: string; attempt: SsoAttempt }> {
    if (!this.enabled) throw ApiError.notFound('Single sign-on', 'configuration');
    const { client, config } = await this.provider();
    const attempt = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { url: url.href, attempt };
  }

  /**
   * The person the provider vouched for, from the callback's URL (path and query as received), and whether it checked
   * a second factor (read from the ID token only, and only when OIDC_TRUST_PROVIDER_MFA).
   */
  async finish(
    callbackPathAndQuery: string,
    attempt: SsoAttempt,
  ): Promise<{ user: UserEntity; secondFactorChecked: boolean }> {
    const { client, config } = await this.provider();
    const refused = (why: string) =>
      new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', `Single sign-on refused: ${why}`);
    let claims: { sub: string; email?: unknown; email_verified?: unknown; name?: unknown };
    let secondFactorChecked: boolean;
    try {
      const tokens = await client.authorizationCodeGrant(config, new URL(callbackPathAndQuery, this.redirectUri), {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      secondFactorChecked =
        this.env.get('OIDC_TRUST_PROVIDER_MFA', { infer: true }) && providerCheckedSeveralFactors(idToken.amr);
      claims = { ...idToken, ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
    } catch (error) {
      throw refused(`the provider’s answer did not check out (${(error as Error).message})`);
    }
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
    if (!email || claims.email_verified !== true) throw refused('the provider did not vouch for a verified email');
    if (!emailDomainAllowed(email, this.env.get('OIDC_ALLOWED_DOMAINS', { infer: true })))
      throw refused(`${email.split('@').pop()} is not a domain of this desk`);
    const known = await this.people.byEmail(email);
    if (known) {
      if (known.active && !known.joinedAt) await this.peopleService.joined(known);
      return { user: known, secondFactorChecked };
    }
    const role = this.env.get('OIDC_DEFAULT_ROLE', { infer: true });
    if (!role) throw refused('this desk has no person with that email; ask an admin to invite you');
    const name = typeof claims.name === 'string' && claims.name.trim() ? clip(claims.name.trim(), 200) : email;
    const reviewerId = await this.peopleService.reviewerProfileFor(role, null, { name, email }, null);
    const user = await this.dataSource.transaction(async (em) => {
      const inserted = await this.people.insert(em, { email, name, role, reviewerId });
      await recordAuditEvent(em, {
        action: 'user.created',
        actor: null,
        targetType: 'user',
        targetId: inserted.id,
        details: { email, name, role, via: 'sso' },
      });
      return inserted;
    });
    await this.peopleService.joined(user);
    return { user, secondFactorChecked };
  }
}
