import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import { ApiKeysService } from '../auth/api-keys.service';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { ReviewersService } from '../reviewers/reviewers.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { PeopleRepository, personExists } from './people.repository';
import { INVITATION_HOURS, newSecretToken } from './secret-token';
import { SessionsService } from './sessions.service';
import type { UserTokenPurpose } from './user-token.entity';
import type { PersonRole, UserEntity } from './user.entity';

/** Admins invite people, change their names, roles and whether they may sign in, and send them reset links. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly reviewers: ReviewersService,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** The person and a one-time invitation link (shown once). */
  async invite(dto: CreateUserDto, actor: Principal | null): Promise<{ user: UserEntity; inviteUrl: string }> {
    if (dto.reviewerId && dto.role !== 'reviewer')
      throw ApiError.validation({ reviewerId: ['only a reviewer person names a reviewer profile'] });
    if (await this.people.byEmail(dto.email)) throw personExists(dto.email);
    const reviewerId = await this.reviewerProfileFor(dto.role, dto.reviewerId ?? null, dto, actor);
    const { user, url } = await this.dataSource.transaction(async (em) => {
      const user = await this.people.insert(em, { email: dto.email, name: dto.name, role: dto.role, reviewerId });
      await recordAuditEvent(em, {
        action: 'user.created',
        actor,
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email, name: user.name, role: user.role },
      });
      return { user, url: await this.issueLink(em, user.id, 'invitation') };
    });
    return { user, inviteUrl: url };
  }

  list(): Promise<UserEntity[]> {
    return this.people.list();
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.people.byId(id);
    if (!user) throw ApiError.notFound('Person', id);
    return user;
  }

  /**
   * The zone the person reads dates in (already checked as an IANA name, and here as one Postgres knows: ICU still
   * takes names the database's time zone data dropped); null: the desk's.
   */
  async setTimeZone(userId: string, timeZone: string | null): Promise<void> {
    if (!(await this.people.setTimeZone(userId, timeZone)))
      throw ApiError.validation(
        { timeZone: ['timeZone must be a time zone such as Europe/Berlin'] },
        `${timeZone} is not a time zone the desk's database knows`,
      );
  }

  /**
   * Deactivating or a new role ends every session at once, and the person's keys act in the new role from the next
   * request; a person made reviewer gets a reviewer profile. The reviewers the person acts as (their profile, before
   * and after, and those of the keys they hold) are given work or hand it back.
   */
  async update(id: string, dto: UpdateUserDto, actor: Principal): Promise<UserEntity> {
    const user = await this.get(id);
    const formerReviewerId = user.reviewerId;
    const changes: Partial<UserEntity> = {};
    if (dto.role && dto.role !== user.role)
      Object.assign(changes, {
        role: dto.role,
        reviewerId: await this.reviewerProfileFor(dto.role, null, user, actor),
      });
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.active !== undefined) changes.active = dto.active;
    const saved = await this.dataSource.transaction(async (em) => {
      // The changes go onto the row as it is now: what others wrote since it was read above (a password set through a
      // link, a second factor, a time zone) stays.
      const current = await this.people.lockById(em, id);
      if (!current) throw ApiError.notFound('Person', id);
      const saved = await this.people.save(em, Object.assign(current, changes));
      if (!saved.active || dto.role) await this.sessions.endAllOf(id, em);
      await recordAuditEvent(em, {
        action: 'user.updated',
        actor,
        targetType: 'user',
        targetId: id,
        details: { ...dto },
      });
      return saved;
    });
    if (dto.active !== undefined || dto.role) {
      this.apiKeys.forgetOwner(id);
      const held = (await this.apiKeys.list())
        .filter((k) => k.ownerUserId === id && !k.revokedAt)
        .map((k) => k.reviewerId);
      for (const reviewerId of new Set([formerReviewerId, saved.reviewerId, ...held]))
        if (reviewerId) await this.reviewers.standingChanged(reviewerId, actor);
    }
    return saved;
  }

  /** The person took up the account (a password through a link, a single sign-on): their reviewer may get work now. */
  async joined(user: UserEntity): Promise<void> {
    if (!user.joinedAt) await this.people.markJoined(user.id);
    if (user.reviewerId) await this.reviewers.standingChanged(user.reviewerId, null);
  }

  /** A reset link (shown once); earlier links stop working. The password changes only when the link is used. */
  async reset(id: string, actor: Principal | null): Promise<string> {
    await this.get(id);
    return this.dataSource.transaction(async (em) => {
      await recordAuditEvent(em, { action: 'user.reset', actor, targetType: 'user', targetId: id });
      return this.issueLink(em, id, 'reset');
    });
  }

  /** For a lost phone (or a lost TOTP_ENCRYPTION_KEY): the second factor goes with every session, and the person enrols again. */
  async resetTwoFactor(id: string, actor: Principal): Promise<UserEntity> {
    await this.get(id);
    await this.dataSource.transaction(async (em) => {
      await this.people.setTotp(id, null, false, em);
      await this.sessions.endAllOf(id, em);
      await recordAuditEvent(em, { action: 'user.two_factor_reset', actor, targetType: 'user', targetId: id });
    });
    return this.get(id);
  }

  private async issueLink(em: EntityManager, userId: string, purpose: UserTokenPurpose): Promise<string> {
    const { token, hash } = newSecretToken();
    await this.people.insertToken(em, {
      userId,
      purpose,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + INVITATION_HOURS * 3600_000),
    });
    return `${this.config.get('PUBLIC_URL', { infer: true })}/ui/password?token=${token}`;
  }

  /** The reviewer profile a reviewer person is linked to: the one named, or a new one (the reviewers module writes it). */
  async reviewerProfileFor(
    role: PersonRole,
    reviewerId: string | null,
    person: { name: string; email: string },
    actor: Principal | null,
  ): Promise<string | null> {
    if (role !== 'reviewer') return null;
    if (reviewerId) return (await this.reviewers.get(reviewerId)).id;
    return (await this.reviewers.create({ name: person.name, email: person.email }, actor)).id;
  }
}
