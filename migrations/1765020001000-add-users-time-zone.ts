import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The time zone a person reads the pages' dates in (IANA name, checked by the service); null: the desk's DESK_TIME_ZONE. */
export class AddUsersTimeZone1765020001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN time_zone text CONSTRAINT "CHK_users_time_zone" CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN time_zone`);
  }
}
