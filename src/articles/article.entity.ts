import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ARTICLE_STATUSES = ['received', 'extracting', 'ready', 'failed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

@Entity({ name: 'articles' })
export class ArticleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The integrator, or the key, that posted it: half of the article's identity. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', default: 'en' })
  language: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  /** When its claims should be checked by; they inherit it. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'min_checkworthiness', type: 'real', nullable: true })
  minCheckworthiness: number | null;

  @Column({ type: 'text', default: 'received' })
  status: ArticleStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  /** The revision whose claims are written; lags `revision` while extraction is pending. */
  @Column({ name: 'extracted_revision', type: 'integer', default: 0 })
  extractedRevision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
