import type { ClaimantKind } from './claimant-kind';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ClaimType, ExtractedEntity } from './claim-types';
import type { ClaimApproval, ClaimStatus } from './claim-status';

@Entity({ name: 'claims' })
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'integer' })
  ordinal: number;

  @Column({ type: 'text' })
  text: string;

  /** The claim as a reader would state it on its own (a shared subject carried in); null: the same as `text`. */
  @Column({ type: 'text', nullable: true })
  statement: string | null;

  @Column({ type: 'integer' })
  start: number;

  @Column({ type: 'integer' })
  end: number;

  @Column({ name: 'sentence_index', type: 'integer' })
  sentenceIndex: number;

  @Column({ type: 'real' })
  checkworthiness: number;

  @Column({ type: 'text' })
  type: ClaimType;

  @Column({ type: 'text', nullable: true })
  claimant: string | null;

  /** An editor's correction of the claimant's kind; null: as the name reads (claimantKindOf). */
  @Column({ name: 'claimant_kind', type: 'text', nullable: true })
  editorClaimantKind: ClaimantKind | null;

  /** The public page's address, given at the first published verdict and kept (public-page.ts). */
  @Column({ name: 'public_slug', type: 'text', nullable: true })
  publicSlug: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  entities: ExtractedEntity[];

  @Column({ type: 'text', default: 'unverified' })
  status: ClaimStatus;

  /** Optimistic concurrency: every move must name the version it saw; bumped only by `NEXT_VERSION` (claims.repository.ts). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ name: 'last_verdict_reviewer_id', type: 'uuid', nullable: true })
  lastVerdictReviewerId: string | null;

  /** The verdict's step on the desk's rating scale (a key of `desk_settings.ratings`); cleared by a move away from it. */
  @Column({ type: 'text', nullable: true })
  rating: string | null;

  /** The verdict's rationale for readers (callbacks, ClaimReview, its public page); `note` stays inside the desk. */
  @Column({ name: 'public_note', type: 'text', nullable: true })
  publicNote: string | null;

  /** A verdict in the second opinion's scope waits `pending` until someone else approves it; null: not asked. */
  @Column({ type: 'text', nullable: true })
  approval: ClaimApproval | null;

  /** Normalised labels (claim-tags.ts), at most MAX_TAGS_PER_CLAIM. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** The article's due date, inherited (`claims_inherit_due_at`, `articles_pass_due_at`). */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** When the due-soon notice went out (once per claim and due date). */
  @Column({ name: 'due_soon_at', type: 'timestamptz', nullable: true })
  dueSoonAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
