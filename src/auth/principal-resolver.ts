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
  principalOf(sessionToken: string): Promise<Principal | null>;
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
}
