import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { FailedAuthLimiter } from '../auth/rate-limit';
import { ApiError } from '../common/api-error';
import { passwordProblem } from './password-policy';
import { hashPassword } from './passwords';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { hashSecretToken, oneTimeTokenUsable } from './secret-token';
import { SessionsService } from './sessions.service';
import type { UserTokenPurpose } from './user-token.entity';
import type { UserEntity } from './user.entity';

export interface PasswordLink {
  tokenId: string;
  purpose: UserTokenPurpose;
  user: UserEntity;
}

const LINK_UNUSABLE = 'This link has been used or has expired; ask an admin for a new one.';

/**
 * Invitation and reset links: they set a password once; setting one ends every session of the person. A link that
 * does not work counts as a failed authentication from the address, counted before the link is looked up.
 */
@Injectable()
export class PasswordSetupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly sessions: SessionsService,
    private readonly failedAuth: FailedAuthLimiter,
    private readonly peopleService: PeopleService,
  ) {}

  /** The link's person, or null for a link that does not work; 429 past the address's limit of failures. */
  async link(token: string, request: Request, response: Response): Promise<PasswordLink | null> {
    const attempt = await this.failedAuth.reserve(request, response);
    const link = await this.open(token);
    if (link) await attempt.giveBack();
    return link;
  }

  /** The link's person, uncounted: for callers inside the service (the demo), never for a request. */
  async open(token: string): Promise<PasswordLink | null> {
    const row = token ? await this.people.tokenByHash(hashSecretToken(token)) : null;
    const user = row && oneTimeTokenUsable(row, new Date()) ? await this.people.byId(row.userId) : null;
    return row && user?.active ? { tokenId: row.id, purpose: row.purpose, user } : null;
  }

  async setPassword(link: PasswordLink, password: string, confirmation: string): Promise<UserEntity> {
    const problem = password !== confirmation ? 'the two passwords differ' : passwordProblem(password, link.user);
    if (problem) throw ApiError.validation({ password: [problem] }, `Password refused: ${problem}`);
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (em) => {
      if (!(await this.people.useToken(em, link.tokenId)))
        throw new ApiError(HttpStatus.GONE, 'link_expired', LINK_UNUSABLE);
      await this.people.setPassword(em, link.user.id, passwordHash);
      await this.sessions.endAllOf(link.user.id, em);
    });
    await this.peopleService.joined({ ...link.user, joinedAt: link.user.joinedAt ?? new Date() });
    return link.user;
  }
}
