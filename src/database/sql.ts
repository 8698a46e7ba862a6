import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Rows of an UPDATE/DELETE … RETURNING. TypeORM's postgres driver answers those as
 * [rows, affectedCount] but SELECT and INSERT as plain rows; this gives rows either way.
 */
export async function returningRows<T>(
  runner: EntityManager | DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await runner.query(sql, params);
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
    ? result[0]
    : result;
}

/** An entity from a raw row of its table (… RETURNING *), by the entity's own column mapping. */
export function entityFromRow<T extends object>(
  em: EntityManager,
  target: new () => T,
  row: Record<string, unknown>,
): T {
  const metadata = em.dataSource.getMetadata(target);
  const entity = new target();
  for (const column of metadata.columns) {
    (entity as Record<string, unknown>)[column.propertyName] = row[column.databaseName];
  }
  return entity;
}

/** How many rows an UPDATE/DELETE without RETURNING changed (TypeORM's postgres driver answers [rows, affectedCount]). */
export async function affectedRows(
  runner: EntityManager | DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const [, count]: [unknown, number] = await runner.query(sql, params);
  return count;
}

/** An ILIKE pattern matching `text` anywhere, with its own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whether a server answers at all: a round trip that reads nothing. */
export async function ping(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}
