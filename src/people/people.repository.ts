import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../common/api-error';
import { affectedRows, returningRows, isUniqueViolation } from '../database/sql';
import { UserTokenEntity, type UserTokenPurpose } from './user-token.entity';
import { UserEntity, type PersonRole } from './user.entity';

export function personExists(email: string): ApiError {
  return new ApiError(HttpStatus.CONFLICT, 'conflict', `A person with email ${email.toLowerCase()} exists`, {
    email: email.toLowerCase(),
  });
}

export interface NewPerson {
  email: string;
  name: string;
  role: PersonRole;
  reviewerId: string | null;
}

/** `users` and `user_tokens`: the people and their one-time links. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private users(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(UserEntity);
  }

  async insert(em: EntityManager, person: NewPerson): Promise<UserEntity> {
    try {
      return await this.users(em).save(this.users(em).create({ ...person, email: person.email.toLowerCase() }));
    } catch (error) {
      throw this.asConflict(error, person.email);
    }
  }

  async save(em: EntityManager, user: UserEntity): Promise<UserEntity> {
    try {
      return await this.users(em).save(user);
    } catch (error) {
      throw this.asConflict(error, user.email);
    }
  }

  byId(id: string, em?: EntityManager): Promise<UserEntity | null> {
    return this.users(em).findOneBy({ id });
  }

  /** The person's row as it is now, locked until the caller's transaction ends: a change made from it loses no other. */
  lockById(em: EntityManager, id: string): Promise<UserEntity | null> {
    return this.users(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async byEmail(email: string): Promise<UserEntity | null> {
    return this.users().createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  list(): Promise<UserEntity[]> {
    return this.users().find({ order: { name: 'ASC', id: 'ASC' } });
  }

  /**
   * Sets the person's zone if Postgres knows it (it reads every dated query in it: the mail digests, for all at once);
   * false when it does not.
   */
  async setTimeZone(userId: string, timeZone: string | null): Promise<boolean> {
    const rows = await returningRows(
      this.dataSource,
      `UPDATE users SET time_zone = $2, updated_at = now()
       WHERE id = $1 AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM pg_timezone_names WHERE lower(name) = lower($2)))
       RETURNING id`,
      [userId, timeZone],
    );
    return rows.length > 0;
  }

  async setPassword(em: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await em.query(
      `UPDATE users SET password_hash = $2, joined_at = coalesce(joined_at, now()), updated_at = now() WHERE id = $1`,
      [userId, passwordHash],
    );
  }

  /** A first single sign-on takes up the account as a password set through the invitation would. */
  async markJoined(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET joined_at = now() WHERE id = $1 AND joined_at IS NULL`, [userId]);
  }

  async setTotp(
    userId: string,
    secret: string | null,
    enabled: boolean,
    em: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await em.query(
      `UPDATE users SET totp_secret = $2, totp_enabled_at = CASE WHEN $3 THEN now() END, totp_last_step = NULL, updated_at = now() WHERE id = $1`,
      [userId, secret, enabled],
    );
  }

  /** The same secret in another form (sealed now that a key is set); the factor stays on. */
  async replaceTotpSecret(userId: string, secret: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET totp_secret = $2, updated_at = now() WHERE id = $1`, [
      userId,
      secret,
    ]);
  }

  /** Records the step of an accepted code; false when that step (or a later one) was used already, in a race too. */
  async useTotpStep(userId: string, step: number): Promise<boolean> {
    const rows = await returningRows(
      this.dataSource,
      `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [userId, step],
    );
    return rows.length === 1;
  }

  /** A new link; any unused earlier link of the person stops working. */
  async insertToken(
    em: EntityManager,
    token: { userId: string; purpose: UserTokenPurpose; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await em.query(`UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [token.userId]);
    await em.getRepository(UserTokenEntity).insert(token);
  }

  tokenByHash(tokenHash: string): Promise<UserTokenEntity | null> {
    return this.dataSource.getRepository(UserTokenEntity).findOneBy({ tokenHash });
  }

  /** Marks the link used if it still works: of two concurrent uses, one wins. */
  async useToken(em: EntityManager, tokenId: string): Promise<boolean> {
    const rows = await returningRows(
      em,
      `UPDATE user_tokens SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [tokenId],
    );
    return rows.length === 1;
  }

  /** Invitation and reset links that no longer work (used, or expired), up to `limit`; how many went. */
  deleteSpentTokens(limit: number): Promise<number> {
    return affectedRows(
      this.dataSource,
      `DELETE FROM user_tokens WHERE id = ANY (ARRAY(SELECT id FROM user_tokens WHERE used_at IS NOT NULL OR expires_at < now() LIMIT $1))`,
      [limit],
    );
  }

  private asConflict(error: unknown, email: string): unknown {
    return isUniqueViolation(error) ? personExists(email) : error;
  }
}
