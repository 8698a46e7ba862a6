import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, QueryFailedError, type EntityManager, type QueryRunner } from 'typeorm';

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

/**
 * Rows of a statement run as a named prepared statement, on `runner`'s transaction or a connection of the pool:
 * Postgres plans it once per connection and reuses the plan, rather than planning it on every call. For the hot
 * statements whose planning costs as much as their run (a reviewer's pull of the next claim, its assignment).
 * The statement must name its result columns: with `*`, a migration adding a column would change a prepared plan's
 * result type, which Postgres refuses to run.
 */
export async function preparedRows<T>(
  runner: EntityManager | DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const manager = runner instanceof DataSource ? runner.manager : runner;
  const inTransaction = manager.queryRunner;
  const queryRunner: QueryRunner = inTransaction ?? manager.connection.createQueryRunner();
  try {
    const client = (await queryRunner.connect()) as PoolClient;
    const result = await client.query<T & object>({ name: statementName(text), text, values });
    return result.rows;
  } finally {
    if (!inTransaction) await queryRunner.release();
  }
}

const statementNames = new Map<string, string>();
/** More statements than the code has: the map is then cleared rather than grown. */
const STATEMENT_NAMES_LIMIT = 200;

/** A name per statement text (the same name for another text would make Postgres run the wrong statement). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= STATEMENT_NAMES_LIMIT) statementNames.clear();
    name = 'claimdesk_' + createHash('sha256').update(text).digest('hex').slice(0, 32);
    statementNames.set(text, name);
  }
  return name;
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

/** Whether Postgres refused a write for a unique constraint (`constraint`: that one only). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const failure = error as { code?: unknown; constraint?: unknown; driverError?: { constraint?: unknown } } | null;
  return (
    error instanceof QueryFailedError &&
    failure?.code === '23505' &&
    (constraint === undefined || (failure.constraint ?? failure.driverError?.constraint) === constraint)
  );
}
