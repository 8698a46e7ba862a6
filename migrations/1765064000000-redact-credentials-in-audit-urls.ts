import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Callback URLs are now refused with a user name or password in them; those recorded before keep their address in
 * the audit log with the credentials cut out (the log is read by every editor).
 */
export class RedactCredentialsInAuditUrls1765064000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE audit_events
       SET details = jsonb_set(details, '{url}', to_jsonb(regexp_replace(details->>'url', '^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@', '\\1')))
       WHERE details ? 'url' AND details->>'url' ~ '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@'`,
    );
  }

  async down(): Promise<void> {
    // The credentials are gone for good.
  }
}
