import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'reviewers' })
export class ReviewerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text', array: true, default: () => "'{en}'" })
  languages: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  /** Most open claims at once. */
  @Column({ type: 'integer', default: 10 })
  capacity: number;

  /** How many claims it holds: kept by a trigger on `claims`, never written from here. */
  @Column({ name: 'open_claims', type: 'integer', default: 0, insert: false, update: false })
  openClaims: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Ties in load go to whoever has waited longest for work. */
  @Column({ name: 'last_assigned_at', type: 'timestamptz', nullable: true })
  lastAssignedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
