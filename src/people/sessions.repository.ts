import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affectedRows } from '../database/sql';
import type { SessionStage } from './user-session.entity';
import type { PersonRole } from './user.entity';

/** A session with what the guard needs of its person. */
export interface SessionRow {
  id: string;
  userId: string;
  stage: SessionStage;
  lastSeenAt: Date;
  expiresAt: Date;
  name: string;
  email: string;
  role: PersonRole;
  reviewerId: string | null;
  timeZone: string | null;
  /** The person is active, and so is the reviewer profile behind a reviewer. */
  active: boolean;
}

/** `user_sessions`. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(session: { userId: string; tokenHash: string; stage: SessionStage; expiresAt: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO user_sessions (user_id, token_hash, stage, expires_at) VALUES ($1, $2, $3, $4)`,
      [session.userId, session.tokenHash, session.stage, session.expiresAt],
    );
  }

  async byTokenHash(tokenHash: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.user_id AS "userId", s.stage, s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
              u.name, u.email, u.role, u.reviewer_id AS "reviewerId", u.time_zone AS "timeZone", (u.active AND coalesce(r.active, true)) AS active
       FROM user_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN reviewers r ON r.id = u.reviewer_id
       WHERE s.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** At most one write a minute per session: the idle timeout is counted in minutes. */
  async touch(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'`,
      [id],
    );
  }

  /** A new token for the same sign-in, at a new stage: the old token stops working at once. */
  async rotate(id: string, tokenHash: string, stage: SessionStage): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_sessions SET token_hash = $2, stage = $3, last_seen_at = now() WHERE id = $1`,
      [id, tokenHash, stage],
    );
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM user_sessions WHERE id = $1`, [id]);
  }

  /** Sessions that can no longer open anything (past their lifetime, or idle too long), up to `limit`; how many went. */
  deleteEnded(idleMinutes: number, limit: number): Promise<number> {
    return affectedRows(
      this.dataSource,
      `DELETE FROM user_sessions WHERE id = ANY (ARRAY(
         SELECT id FROM user_sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(mins => $1) LIMIT $2))`,
      [idleMinutes, limit],
    );
  }

  /** When each person with a live session was last seen (sign-out deletes sessions, so this is "if known"). */
  async lastSeenByUser(): Promise<Map<string, Date>> {
    const rows: { userId: string; lastSeenAt: Date }[] = await this.dataSource.query(
      `SELECT user_id AS "userId", max(last_seen_at) AS "lastSeenAt" FROM user_sessions GROUP BY user_id`,
    );
    return new Map(rows.map((r) => [r.userId, r.lastSeenAt]));
  }

  async deleteAllOf(userId: string, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource.manager).query(`DELETE FROM user_sessions WHERE user_id = $1`, [userId]);
  }
}
