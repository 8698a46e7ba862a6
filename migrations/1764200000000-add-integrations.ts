import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddIntegrations1764200000000 implements MigrationInterface {
  name = 'AddIntegrations1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE integrators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `ALTER TABLE api_keys ADD CONSTRAINT "FK_api_keys_integrator" FOREIGN KEY (integrator_id) REFERENCES integrators(id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE api_keys ADD CONSTRAINT "CHK_api_keys_integrator_role" CHECK (integrator_id IS NULL OR role = 'integrator')`,
    );

    // Kept in the clear: an HMAC key must be known to check a signature. Rotation ends an old secret at expires_at.
    await q.query(`CREATE TABLE integrator_secrets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      integrator_id uuid NOT NULL CONSTRAINT "FK_integrator_secrets_integrator" REFERENCES integrators(id) ON DELETE CASCADE,
      secret text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz
    )`);
    await q.query(
      `CREATE INDEX "IDX_integrator_secrets_integrator" ON integrator_secrets (integrator_id, created_at DESC)`,
    );

    await q.query(`CREATE TABLE webhook_receipts (
      integrator_id uuid NOT NULL CONSTRAINT "FK_webhook_receipts_integrator" REFERENCES integrators(id) ON DELETE CASCADE,
      webhook_id text NOT NULL,
      article_id uuid NOT NULL CONSTRAINT "FK_webhook_receipts_article" REFERENCES articles(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_webhook_receipts" PRIMARY KEY (integrator_id, webhook_id)
    )`);

    await q.query(`CREATE TABLE idempotency_keys (
      owner_id uuid NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      status text NOT NULL DEFAULT 'in_flight' CONSTRAINT "CHK_idempotency_keys_status" CHECK (status IN ('in_flight','done')),
      response_status integer,
      response_body jsonb,
      response_location text,
      started_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      CONSTRAINT "PK_idempotency_keys" PRIMARY KEY (owner_id, key)
    )`);
    await q.query(`CREATE INDEX "IDX_idempotency_keys_expires" ON idempotency_keys (expires_at)`);

    await q.query(`CREATE TABLE callback_endpoints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL,
      url text NOT NULL,
      events text[] NOT NULL,
      secret text NOT NULL,
      disabled_at timestamptz,
      disabled_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX "IDX_callback_endpoints_owner" ON callback_endpoints (owner_id) WHERE disabled_at IS NULL`,
    );

    await q.query(`CREATE TABLE callback_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      endpoint_id uuid NOT NULL CONSTRAINT "FK_callback_deliveries_endpoint" REFERENCES callback_endpoints(id) ON DELETE CASCADE,
      event_type text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CONSTRAINT "CHK_callback_deliveries_status" CHECK (status IN ('pending','delivered','failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_callback_deliveries_pending_due" CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
    )`);
    await q.query(
      `CREATE INDEX "IDX_callback_deliveries_endpoint_created" ON callback_deliveries (endpoint_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX "IDX_callback_deliveries_due" ON callback_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );

    await q.query(`CREATE TABLE callback_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      delivery_id uuid NOT NULL CONSTRAINT "FK_callback_attempts_delivery" REFERENCES callback_deliveries(id) ON DELETE CASCADE,
      attempt integer NOT NULL,
      response_status integer,
      error text,
      duration_ms integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "IDX_callback_attempts_delivery" ON callback_attempts (delivery_id, attempt)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE callback_attempts`);
    await q.query(`DROP TABLE callback_deliveries`);
    await q.query(`DROP TABLE callback_endpoints`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE webhook_receipts`);
    await q.query(`DROP TABLE integrator_secrets`);
    await q.query(`ALTER TABLE api_keys DROP CONSTRAINT "CHK_api_keys_integrator_role"`);
    await q.query(`ALTER TABLE api_keys DROP CONSTRAINT "FK_api_keys_integrator"`);
    await q.query(`DROP TABLE integrators`);
  }
}
