import type { Pool } from 'pg';

/**
 * Unassigned claims, `perArticle` to an article (news articles carry tens of claims), written straight to the
 * tables: benchmarks measure what comes after.
 */
export async function seedClaims(
  db: Pool,
  ownerId: string,
  count: number,
  title: string,
  perArticle = 20,
): Promise<string[]> {
  const { rows } = await db.query(
    `INSERT INTO articles (owner_id, content_hash, title, body, status, extracted_revision)
     SELECT $1, md5($2 || i), $2 || ' ' || i, 'Seeded body ' || i, 'ready', 1 FROM generate_series(1, $3) AS i
     RETURNING id`,
    [ownerId, title, Math.ceil(count / perArticle)],
  );
  const claims = await db.query(
    `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type)
     SELECT ($1::uuid[])[i / $3 + 1], 1, i % $3, 'Claim number ' || i || ' says spending rose.', 0, 10, i % $3, random(), 'quantity'
     FROM generate_series(0, $2 - 1) AS i
     RETURNING id`,
    [rows.map((r) => r.id), count, perArticle],
  );
  return claims.rows.map((r) => r.id as string);
}
