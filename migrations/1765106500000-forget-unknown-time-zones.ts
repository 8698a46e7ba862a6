import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People's time zones that Postgres does not know (names ICU still takes, dropped from the time zone data) made every
 * mail digest's query fail; such a person reads dates in the desk's zone again, as with none chosen. Postgres reads zone
 * names in any letter case, and so does this.
 */
export class ForgetUnknownTimeZones1765106500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE users SET time_zone = NULL WHERE time_zone IS NOT NULL AND lower(time_zone) NOT IN (SELECT lower(name) FROM pg_timezone_names)`,
    );
  }

  async down(): Promise<void> {
    // The names it forgot were not time zones the database could use.
  }
}
