import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { ReviewersService } from '../reviewers/reviewers.service';
import { passwordMatches } from './passwords';
import { PeopleRepository } from './people.repository';
import { SessionsService } from './sessions.service';
import type { SessionRow } from './sessions.repository';
import { SignInThrottle } from './sign-in-throttle';
import { acceptedTotpStep } from './totp';
import { TotpSecretBox } from './totp-secret-box';
import type { SessionStage } from './user-session.entity';
import type { UserEntity } from './user.entity';

export interface SignedIn {
  token: string;
  stage: SessionStage;
  user: Pick<UserEntity, 'id' | 'role'>;
}

const WRONG = 'That email and password do not match a person who may sign in.';

/** Email and password, then (when the person has one, or must) a TOTP code; every attempt is counted before it is checked. */
@Injectable()
export class SignInService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottle,
    private readonly reviewers: ReviewersService,
    private readonly secrets: TotpSecretBox,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** The same answer, after the same argon2 work, whether the email is unknown, the password wrong or the person inactive. */
  async withPassword(email: string, password: string, request: Request, response: Response): Promise<SignedIn> {
    const attempt = await this.throttle.reserve(email, request, response);
    const user = email ? await this.people.byEmail(email) : null;
    const matches = await passwordMatches(user?.passwordHash ?? null, password);
    if (!user || !matches || !(await this.maySignIn(user)))
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', WRONG);
    await attempt.giveBack();
    return this.begin(user);
  }

  /** An active person; a reviewer person only while their reviewer profile is active too. */
  private async maySignIn(user: UserEntity): Promise<boolean> {
    return user.active && (!user.reviewerId || (await this.reviewers.get(user.reviewerId)).active);
  }

  /**
   * A session for a person the provider or the password vouched for: at the stage their second factor asks — none
   * when the provider says it checked one (`secondFactorChecked`).
   */
  async begin(user: UserEntity, secondFactorChecked = false): Promise<SignedIn> {
    if (!(await this.maySignIn(user)))
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'unauthorized',
        'Single sign-on refused: this person may not sign in',
      );
    const stage: SessionStage = secondFactorChecked
      ? 'signed_in'
      : user.totpEnabledAt
        ? 'second_factor'
        : this.mustEnrol(user.role)
          ? 'enrolment'
          : 'signed_in';
    return { token: await this.sessions.start(user.id, stage), stage, user };
  }

  mustEnrol(role: string): boolean {
    return this.config.get('REQUIRE_2FA_FOR', { infer: true }).includes(role);
  }

  /** The second step: a code from the person's app moves the session to signed in, under a new token. */
  async withCode(session: SessionRow, code: string, request: Request, response: Response): Promise<SignedIn> {
    const attempt = await this.throttle.reserve(session.email, request, response);
    const user = await this.people.byId(session.userId);
    const stored = user?.totpEnabledAt ? user.totpSecret : null;
    const secret = user && stored ? this.secrets.open(user.id, stored) : null;
    const lastStep = user?.totpLastStep == null ? null : Number(user.totpLastStep);
    const step = secret ? acceptedTotpStep(secret, code, lastStep) : null;
    if (!user || !stored || !secret || step === null || !(await this.people.useTotpStep(user.id, step)))
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'unauthorized',
        'That code is not right (or was used already); use the current one from your app.',
      );
    await attempt.giveBack();
    if (this.secrets.isUnsealed(stored))
      await this.people.replaceTotpSecret(user.id, this.secrets.seal(user.id, secret));
    return { token: await this.sessions.advance(session, 'signed_in'), stage: 'signed_in', user };
  }
}
