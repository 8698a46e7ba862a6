import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCoreSchema1764100000000 implements MigrationInterface {
  name = 'CreateCoreSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reviewers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      email text NOT NULL CONSTRAINT "UQ_reviewers_email" UNIQUE,
      languages text[] NOT NULL DEFAULT '{en}',
      topics text[] NOT NULL DEFAULT '{}',
      capacity integer NOT NULL DEFAULT 10 CONSTRAINT "CHK_reviewers_capacity" CHECK (capacity >= 0),
      active boolean NOT NULL DEFAULT true,
      last_assigned_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      role text NOT NULL CONSTRAINT "CHK_api_keys_role" CHECK (role IN ('admin','editor','reviewer','integrator')),
      prefix text NOT NULL,
      secret_hash text NOT NULL,
      reviewer_id uuid CONSTRAINT "FK_api_keys_reviewer" REFERENCES reviewers(id) ON DELETE CASCADE,
      integrator_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      CONSTRAINT "CHK_api_keys_reviewer_role" CHECK ((role = 'reviewer') = (reviewer_id IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_api_keys_prefix" ON api_keys (prefix)`);

    await q.query(`CREATE TABLE articles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL,
      external_id text,
      content_hash text NOT NULL,
      revision integer NOT NULL DEFAULT 1,
      title text NOT NULL,
      body text NOT NULL,
      url text,
      language text NOT NULL DEFAULT 'en',
      published_at timestamptz,
      topics text[] NOT NULL DEFAULT '{}',
      min_checkworthiness real,
      status text NOT NULL DEFAULT 'received' CONSTRAINT "CHK_articles_status" CHECK (status IN ('received','extracting','ready','failed')),
      failure_reason text,
      extracted_revision integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_articles_owner_external_id" ON articles (owner_id, external_id) WHERE external_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_articles_owner_content_hash" ON articles (owner_id, content_hash) WHERE external_id IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_articles_created" ON articles (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX "IDX_articles_owner_created" ON articles (owner_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX "IDX_articles_pending_extraction" ON articles (created_at) WHERE extracted_revision < revision AND status <> 'failed'`,
    );

    await q.query(`CREATE TABLE article_revisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      article_id uuid NOT NULL CONSTRAINT "FK_article_revisions_article" REFERENCES articles(id) ON DELETE CASCADE,
      revision integer NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      content_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_article_revisions_article_revision" UNIQUE (article_id, revision)
    )`);

    await q.query(`CREATE TABLE claims (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      article_id uuid NOT NULL CONSTRAINT "FK_claims_article" REFERENCES articles(id) ON DELETE CASCADE,
      revision integer NOT NULL,
      ordinal integer NOT NULL,
      text text NOT NULL,
      start integer NOT NULL,
      "end" integer NOT NULL,
      sentence_index integer NOT NULL,
      checkworthiness real NOT NULL CONSTRAINT "CHK_claims_checkworthiness" CHECK (checkworthiness BETWEEN 0 AND 1),
      type text NOT NULL,
      claimant text,
      entities jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'unverified' CONSTRAINT "CHK_claims_status" CHECK (status IN ('unverified','sourced','disputed','dismissed','withdrawn')),
      version integer NOT NULL DEFAULT 1,
      assignee_id uuid CONSTRAINT "FK_claims_assignee" REFERENCES reviewers(id),
      assigned_at timestamptz,
      lease_expires_at timestamptz,
      last_verdict_reviewer_id uuid CONSTRAINT "FK_claims_last_verdict_reviewer" REFERENCES reviewers(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_claims_article_revision_ordinal" UNIQUE (article_id, revision, ordinal),
      CONSTRAINT "CHK_claims_span" CHECK (start >= 0 AND "end" > start),
      CONSTRAINT "CHK_claims_assignment" CHECK ((assignee_id IS NULL) = (lease_expires_at IS NULL))
    )`);
    await q.query(`CREATE INDEX "IDX_claims_article_ordinal" ON claims (article_id, ordinal)`);
    await q.query(`CREATE INDEX "IDX_claims_status_created" ON claims (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX "IDX_claims_created" ON claims (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX "IDX_claims_checkworthiness" ON claims (checkworthiness DESC, id DESC)`);
    await q.query(
      `CREATE INDEX "IDX_claims_assignee_open" ON claims (assignee_id, assigned_at) WHERE assignee_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_claims_unassigned" ON claims (checkworthiness DESC, id) WHERE status = 'unverified' AND assignee_id IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_claims_lease" ON claims (lease_expires_at) WHERE assignee_id IS NOT NULL`);

    await q.query(`CREATE TABLE claim_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "UQ_claim_events_seq" UNIQUE,
      claim_id uuid NOT NULL CONSTRAINT "FK_claim_events_claim" REFERENCES claims(id) ON DELETE CASCADE,
      article_id uuid NOT NULL,
      type text NOT NULL,
      from_status text,
      to_status text,
      actor_key_id uuid,
      actor_role text NOT NULL,
      reviewer_id uuid,
      note text,
      sources jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "IDX_claim_events_claim_seq" ON claim_events (claim_id, seq)`);
    await q.query(`CREATE INDEX "IDX_claim_events_created" ON claim_events (created_at, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_events`);
    await q.query(`DROP TABLE claims`);
    await q.query(`DROP TABLE article_revisions`);
    await q.query(`DROP TABLE articles`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE reviewers`);
  }
}
