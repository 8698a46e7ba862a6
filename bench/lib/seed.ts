import type { Pool } from 'pg';

/** One article with `count` unassigned claims, written straight to the tables (benchmarks measure what comes after). */
export async function seedClaims(db: Pool, ownerId: string, count: number, title: string): Promise<string[]> {
  const body = Array.from({ length: count }, (_, i) => `Claim number ${i} says spending rose ${i % 97} percent.`).join(' ');
  const { rows } = await db.query(
    `INSERT INTO articles (owner_id, content_hash, title, body, status, extracted_revision) VALUES ($1, md5($2 || $3), $2, $3, 'ready', 1) RETURNING id`,
    [ownerId, title, body],
  );
  const articleId = rows[0].id as string;
  const claims = await db.query(
    `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type)
     SELECT $1, 1, i, 'Claim number ' || i, 0, 10, i, random(), 'quantity' FROM generate_series(0, $2 - 1) AS i
     RETURNING id`,
    [articleId, count],
  );
  return claims.rows.map((r) => r.id as string);
}
