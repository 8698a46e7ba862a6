import { Injectable } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';
import type { Principal } from './principal';

/** What a request carries: a key in `Authorization: Bearer`, or, on the pages only, a person's session cookie. */
export interface Credential {
  token: string;
  session: boolean;
}

/** Resolves a session token to its signed-in person; the people module provides it (it sits above auth). */
export interface SessionAuthenticator {
  /** `touch: false` looks without counting as activity (a long-lived stream's re-check must not keep a session alive). */
  principalOf(sessionToken: string, options?: { touch: boolean }): Promise<Principal | null>;
}

/** The one place a credential becomes a principal, for the guard and the queue dashboard alike. */
@Injectable()
export class PrincipalResolver {
  private sessions: SessionAuthenticator | null = null;

  constructor(private readonly apiKeys: ApiKeysService) {}

  useSessions(sessions: SessionAuthenticator): void {
    this.sessions = sessions;
  }

  resolve(credential: Credential): Promise<Principal | null> {
    if (!credential.session) return this.apiKeys.authenticate(credential.token);
    return this.sessions ? this.sessions.principalOf(credential.token) : Promise.resolve(null);
  }

  /**
   * Whether a credential accepted earlier still stands for the same principal (a long-lived response asks again): not
   * when the session ended, the key was revoked, the person or reviewer was deactivated, or the role changed.
   */
  async stillValid(credential: Credential, principal: Principal): Promise<boolean> {
    const now = credential.session
      ? await this.sessions?.principalOf(credential.token, { touch: false })
      : await this.apiKeys.authenticate(credential.token).catch(() => null);
    return (
      !!now &&
      now.keyId === principal.keyId &&
      now.userId === principal.userId &&
      now.role === principal.role &&
      now.reviewerId === principal.reviewerId &&
      now.integratorId === principal.integratorId
    );
  }
}
