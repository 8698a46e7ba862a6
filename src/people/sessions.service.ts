import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { PrincipalResolver, type SessionAuthenticator } from '../auth/principal-resolver';
import type { Environment } from '../config/environment';
import { hashSecretToken, newSecretToken, sessionLive, type SessionPolicy } from './secret-token';
import { SessionsRepository, type SessionRow } from './sessions.repository';
import type { SessionStage } from './user-session.entity';

export function principalOfSession(session: SessionRow): Principal {
  return {
    keyId: null,
    userId: session.userId,
    name: session.name,
    role: session.role,
    reviewerId: session.reviewerId,
    integratorId: null,
    timeZone: session.timeZone,
  };
}

/** Server-side sessions of the pages: the cookie holds an opaque token, Postgres its hash, its stage and its clocks. */
@Injectable()
export class SessionsService implements SessionAuthenticator, OnModuleInit {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly principals: PrincipalResolver,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onModuleInit(): void {
    this.principals.useSessions(this);
  }

  private get policy(): SessionPolicy {
    return {
      idleMinutes: this.config.get('SESSION_IDLE_MINUTES', { infer: true }),
      maxHours: this.config.get('SESSION_MAX_HOURS', { infer: true }),
    };
  }

  /** A fresh token at every sign-in: a token planted in a browser before (session fixation) never becomes signed in. */
  async start(userId: string, stage: SessionStage): Promise<string> {
    const { token, hash } = newSecretToken();
    await this.sessions.insert({
      userId,
      tokenHash: hash,
      stage,
      expiresAt: new Date(Date.now() + this.policy.maxHours * 3600_000),
    });
    return token;
  }

  /** The live session behind a token, at any stage; an ended or expired one is deleted when seen. */
  async find(token: string, { touch } = { touch: true }): Promise<SessionRow | null> {
    const session = await this.sessions.byTokenHash(hashSecretToken(token));
    if (!session) return null;
    if (!session.active || !sessionLive(session, new Date(), this.policy)) {
      await this.sessions.delete(session.id);
      return null;
    }
    if (touch) await this.sessions.touch(session.id);
    return session;
  }

  /** Only a fully signed-in session authenticates the pages. */
  async principalOf(token: string, options = { touch: true }): Promise<Principal | null> {
    const session = await this.find(token, options);
    return session?.stage === 'signed_in' ? principalOfSession(session) : null;
  }

  /** Moves a session on (its second factor given), under a new token. */
  async advance(session: SessionRow, stage: SessionStage): Promise<string> {
    const { token, hash } = newSecretToken();
    await this.sessions.rotate(session.id, hash, stage);
    return token;
  }

  async end(token: string): Promise<void> {
    const session = await this.sessions.byTokenHash(hashSecretToken(token));
    if (session) await this.sessions.delete(session.id);
  }

  /** A password change, a deactivation, "sign out everywhere". */
  lastSeenByUser(): Promise<Map<string, Date>> {
    return this.sessions.lastSeenByUser();
  }

  endAllOf(userId: string, em?: EntityManager): Promise<void> {
    return this.sessions.deleteAllOf(userId, em);
  }
}
