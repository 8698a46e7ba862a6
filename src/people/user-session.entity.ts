import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `signed_in` authenticates the pages; `second_factor` waits for a TOTP code and `enrolment` for a person who must
 * set up TOTP first: those two open only their own page.
 */
export type SessionStage = 'signed_in' | 'second_factor' | 'enrolment';

/** A browser's sign-in: only the SHA-256 of its cookie is kept. */
@Entity({ name: 'user_sessions' })
export class UserSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ type: 'text' })
  stage: SessionStage;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** The absolute end, however active the session. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
