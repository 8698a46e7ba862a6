import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimStatus } from './claim-status';

export const CLAIM_EVENT_TYPES = [
  'created',
  'transition',
  'note',
  'assigned',
  'unassigned',
  'released',
  'lease_expired',
  'withdrawn',
  'verdict_undone',
  'match_confirmed',
  'match_rejected',
  'claimant_changed',
  'approved',
  'returned',
  'tags_changed',
] as const;
export type ClaimEventType = (typeof CLAIM_EVENT_TYPES)[number];

export interface EvidenceSource {
  url: string;
  title?: string;
  quote?: string;
}

/** Append-only history of a claim; `seq` orders events written in one transaction. */
@Entity({ name: 'claim_events' })
export class ClaimEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', generated: 'increment', insert: false, update: false, select: true })
  seq: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'text' })
  type: ClaimEventType;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ClaimStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: ClaimStatus | null;

  @Column({ name: 'actor_key_id', type: 'uuid', nullable: true })
  actorKeyId: string | null;

  /** The person who acted, signed in to the pages; null for keys and the service. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sources: EvidenceSource[];

  /** The rating a verdict carried. */
  @Column({ type: 'text', nullable: true })
  rating: string | null;

  /** The rationale for readers a verdict carried. */
  @Column({ name: 'public_note', type: 'text', nullable: true })
  publicNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
