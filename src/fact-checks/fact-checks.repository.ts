import type { ClaimantKind } from '../claims/claimant-kind';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern, returningRows } from '../database/sql';
import type { EvidenceSource } from '../claims/claim-event.entity';
import type { FactCheckInput } from './claim-review-input';
import type { CorpusStats, TermStat } from './match-scorer';

export interface FactCheckRow {
  id: string;
  url: string;
  claimReviewed: string;
  headline: string | null;
  rating: string | null;
  author: string | null;
  claimant: string | null;
  datePublished: Date | null;
  sourceClaimId: string | null;
  sourceArticleId: string | null;
}

export interface CandidateRow extends FactCheckRow {
  /** bigint as text: the order it came into the archive. */
  importSeq: string;
  claimVector: string;
  titleVector: string;
  rank: number;
}

export type FactCheckText = Pick<FactCheckRow, 'id' | 'claimReviewed' | 'headline'>;

/** The search page's filters; a null one is not applied. The text is a web-search query: all its words, "phrases", -not. */
export interface BrowseFilters {
  text: string | null;
  claimant: string | null;
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
  limit: number;
  offset: number;
  /** A text search ranks at most this many of the rows its words find. */
  ranked: number;
}

/** `same-text`: the same words in another article; `same-claim`: the same claim there in other words. */
export type MatchKind = 'fact-check' | 'claim' | 'same-text' | 'same-claim';

export interface StoredMatch {
  id: string;
  kind: MatchKind;
  score: number;
  state: string;
  factCheckId: string | null;
  matchedClaimId: string | null;
  url: string | null;
  text: string;
  rating: string | null;
  status: string | null;
  articleId: string | null;
  /** A matched claim's status, or the one it had when a revision withdrew it. */
  statusHad: string | null;
  /** The sources of the move that gave the matched claim `statusHad`. */
  sourcesHad: EvidenceSource[];
}

export interface NewMatch {
  kind: MatchKind;
  factCheckId: string | null;
  matchedClaimId: string | null;
  score: number;
}

const FACT_CHECK_COLUMNS = `f.id, f.url, f.claim_reviewed AS "claimReviewed", f.headline, f.rating, f.author, f.claimant,
  f.date_published AS "datePublished", f.source_claim_id AS "sourceClaimId", sc.article_id AS "sourceArticleId"`;

/**
 * A match with what a matched desk claim stands on: the status it had (before a revision withdrew it, if one did) and
 * the sources of the move that gave it that status.
 */
const MATCH_SELECT = `SELECT m.id, m.kind, m.score, m.state, m.fact_check_id AS "factCheckId", m.matched_claim_id AS "matchedClaimId",
    f.url, coalesce(f.claim_reviewed, mc.text) AS text, f.rating, mc.status, coalesce(mc.article_id, sc.article_id) AS "articleId",
    coalesce(wd.from_status, mc.status) AS "statusHad", coalesce(lv.sources, '[]') AS "sourcesHad"
  FROM claim_matches m
  LEFT JOIN fact_checks f ON f.id = m.fact_check_id
  LEFT JOIN claims sc ON sc.id = f.source_claim_id
  LEFT JOIN claims mc ON mc.id = m.matched_claim_id
  LEFT JOIN LATERAL (SELECT w.from_status FROM claim_events w WHERE w.claim_id = mc.id AND w.type = 'withdrawn'
                     ORDER BY w.seq DESC LIMIT 1) wd ON mc.status = 'withdrawn'
  LEFT JOIN LATERAL (SELECT v.sources FROM claim_events v WHERE v.claim_id = mc.id AND v.type = 'transition'
                       AND v.to_status = coalesce(wd.from_status, mc.status) ORDER BY v.seq DESC LIMIT 1) lv ON true`;

/** Each fact-check's postings: its lexemes with their weights (the function is the migration's, the one home of the weight). */
const POSTINGS_OF = `SELECT i.lexeme, f.id, i.impact FROM fact_checks f,
  fact_check_term_impacts(f.search_vector, length(f.claim_vector), length(f.title_vector)) i`;

/** The same-text rule, one expression, matched by the index "IDX_claims_fingerprint". */
const CLAIM_FINGERPRINT = `lower(regexp_replace(c.text, '[^a-zA-Z0-9%$]+', ' ', 'g'))`;

/** Every statement on fact_checks, their term statistics and claim_matches. */
@Injectable()
export class FactChecksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async existingByUrl(
    em: EntityManager,
    urls: string[],
  ): Promise<Map<string, { id: string; claimReview: unknown; sourceClaimId: string | null }>> {
    const rows: { id: string; url: string; claim_review: unknown; source_claim_id: string | null }[] = await em.query(
      `SELECT id, url, claim_review, source_claim_id FROM fact_checks WHERE url = ANY($1::text[]) ORDER BY url FOR UPDATE`,
      [urls],
    );
    return new Map(
      rows.map((r) => [r.url, { id: r.id, claimReview: r.claim_review, sourceClaimId: r.source_claim_id }]),
    );
  }

  /**
   * Writes new and changed items and keeps the term statistics exact: the changed rows' old lexemes are taken out
   * before, and every written row's lexemes added after.
   */
  async write(
    em: EntityManager,
    inserts: FactCheckInput[],
    updates: { id: string; value: FactCheckInput }[],
    sourceClaimId: string | null = null,
  ): Promise<string[]> {
    if (inserts.length === 0 && updates.length === 0) return [];
    const updateIds = updates.map((u) => u.id);
    if (updateIds.length > 0) await this.adjustStats(em, updateIds, -1);
    const written: string[] = [...updateIds];
    for (const u of updates) {
      const v = u.value;
      await em.query(
        `UPDATE fact_checks SET claim_reviewed = $2, headline = $3, rating = $4, author = $5, claimant = $6, date_published = $7,
           language = $8, claim_review = $9, updated_at = now() WHERE id = $1`,
        [
          u.id,
          v.claimReviewed,
          v.headline,
          v.rating,
          v.author,
          v.claimant,
          v.datePublished,
          v.language,
          JSON.stringify(v.claimReview),
        ],
      );
    }
    if (inserts.length > 0) {
      const rows: { id: string }[] = await em.query(
        `INSERT INTO fact_checks (url, claim_reviewed, headline, rating, author, claimant, date_published, language, claim_review, source_claim_id)
         SELECT u.url, u.claim_reviewed, u.headline, u.rating, u.author, u.claimant, u.date_published, u.language, u.claim_review, $10::uuid
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::jsonb[])
           WITH ORDINALITY AS u(url, claim_reviewed, headline, rating, author, claimant, date_published, language, claim_review, position)
         ORDER BY u.position
         RETURNING id`,
        [
          inserts.map((v) => v.url),
          inserts.map((v) => v.claimReviewed),
          inserts.map((v) => v.headline),
          inserts.map((v) => v.rating),
          inserts.map((v) => v.author),
          inserts.map((v) => v.claimant),
          inserts.map((v) => v.datePublished),
          inserts.map((v) => v.language),
          inserts.map((v) => JSON.stringify(v.claimReview)),
          sourceClaimId,
        ],
      );
      written.push(...rows.map((r) => r.id));
    }
    await this.adjustStats(em, written, 1);
    return written;
  }

  /** The term statistics and the postings follow every write: `sign` -1 takes rows out before a change, 1 puts them in. */
  private async adjustStats(em: EntityManager, ids: string[], sign: 1 | -1): Promise<void> {
    await em.query(
      `INSERT INTO fact_check_lexemes (lexeme, ndoc)
       SELECT t.lexeme, $2 * count(*) FROM fact_checks f, unnest(f.search_vector) t WHERE f.id = ANY($1::uuid[])
       GROUP BY t.lexeme ORDER BY t.lexeme
       ON CONFLICT (lexeme) DO UPDATE SET ndoc = fact_check_lexemes.ndoc + EXCLUDED.ndoc`,
      [ids, sign],
    );
    await em.query(
      `UPDATE fact_check_stats s SET doc_count = s.doc_count + $2 * d.n, claim_length = s.claim_length + $2 * d.cl, title_length = s.title_length + $2 * d.tl
       FROM (SELECT count(*) AS n, coalesce(sum(length(claim_vector)), 0) AS cl, coalesce(sum(length(title_vector)), 0) AS tl
             FROM fact_checks WHERE id = ANY($1::uuid[])) d WHERE s.id = 1`,
      [ids, sign],
    );
    if (sign < 0) await em.query(`DELETE FROM fact_check_postings WHERE fact_check_id = ANY($1::uuid[])`, [ids]);
    else
      await em.query(
        `INSERT INTO fact_check_postings (lexeme, fact_check_id, impact) ${POSTINGS_OF} WHERE f.id = ANY($1::uuid[])`,
        [ids],
      );
  }

  /** After a bulk COPY (the bench): the statistics and postings from scratch. */
  async rebuildStats(): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query(`DELETE FROM fact_check_lexemes`);
      await em.query(
        `INSERT INTO fact_check_lexemes (lexeme, ndoc) SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM fact_checks')`,
      );
      await em.query(
        `UPDATE fact_check_stats SET (doc_count, claim_length, title_length) =
           (SELECT count(*), coalesce(sum(length(claim_vector)), 0), coalesce(sum(length(title_vector)), 0) FROM fact_checks) WHERE id = 1`,
      );
      await em.query(`TRUNCATE fact_check_postings`);
      await em.query(`INSERT INTO fact_check_postings (lexeme, fact_check_id, impact) ${POSTINGS_OF}`);
    });
  }

  /**
   * The query's lexemes (Postgres's English parser and stemmer) with their document frequencies, and the archive's
   * statistics, in one round trip.
   */
  async queryTerms(text: string): Promise<{ terms: TermStat[]; stats: CorpusStats }> {
    const rows: {
      lexeme: string | null;
      tf: number;
      ndoc: number;
      doc_count: string;
      claim_length: string;
      title_length: string;
    }[] = await this.dataSource.query(
      `SELECT t.lexeme, coalesce(array_length(t.positions, 1), 1) AS tf, coalesce(l.ndoc, 0) AS ndoc, s.doc_count, s.claim_length, s.title_length
       FROM fact_check_stats s
       LEFT JOIN unnest(to_tsvector('english', $1)) t ON true
       LEFT JOIN fact_check_lexemes l ON l.lexeme = t.lexeme
       WHERE s.id = 1`,
      [text],
    );
    const docCount = Number(rows[0]?.doc_count ?? 0);
    const stats = {
      docCount,
      avgClaimLength: docCount ? Number(rows[0].claim_length) / docCount : 0,
      avgTitleLength: docCount ? Number(rows[0].title_length) / docCount : 0,
    };
    const terms = rows
      .filter((r) => r.lexeme !== null)
      .map((r) => ({ lexeme: r.lexeme!, queryTf: Number(r.tf), ndoc: Math.max(0, Number(r.ndoc)) }));
    return { terms, stats };
  }

  /**
   * The fact-checks with the highest sums of idf × posting weight over the query's lexemes, reading at most `cap`
   * postings of each lexeme (its best ones), so a search's work is bounded however large the archive.
   */
  async candidates(lexemes: { lexeme: string; idf: number; cap: number }[], limit: number): Promise<CandidateRow[]> {
    if (lexemes.length === 0) return [];
    return this.dataSource.query(
      `WITH hits AS (
         SELECT p.fact_check_id AS id, sum(q.idf * p.impact) AS rank
         FROM unnest($1::text[], $2::float8[], $3::int[]) AS q(lexeme, idf, cap)
         CROSS JOIN LATERAL (SELECT fact_check_id, impact FROM fact_check_postings p WHERE p.lexeme = q.lexeme ORDER BY p.impact DESC LIMIT q.cap) p
         GROUP BY p.fact_check_id ORDER BY rank DESC, p.fact_check_id LIMIT $4)
       SELECT ${FACT_CHECK_COLUMNS}, f.import_seq AS "importSeq", f.claim_vector::text AS "claimVector", f.title_vector::text AS "titleVector", h.rank
       FROM hits h JOIN fact_checks f ON f.id = h.id
       LEFT JOIN claims sc ON sc.id = f.source_claim_id
       ORDER BY h.rank DESC, md5(f.url)`,
      [lexemes.map((l) => l.lexeme), lexemes.map((l) => l.idf), lexemes.map((l) => l.cap), limit],
    );
  }

  /** The search page's fact-checks: best text match first (newest first without text), through the GIN index. */
  /** Best text match first among the first `ranked` the search index finds; newest first without text. */
  async browse(filters: BrowseFilters): Promise<FactCheckRow[]> {
    const where = `($1::text IS NULL OR f.claimant ILIKE $1)
         AND ($2::timestamptz IS NULL OR f.date_published >= $2) AND ($3::timestamptz IS NULL OR f.date_published < $3)`;
    const params = [
      filters.claimant === null ? null : containsPattern(filters.claimant),
      filters.from,
      filters.to,
      filters.limit,
      filters.offset,
    ];
    if (filters.text === null)
      return this.dataSource.query(
        `SELECT ${FACT_CHECK_COLUMNS} FROM fact_checks f LEFT JOIN claims sc ON sc.id = f.source_claim_id
         WHERE ${where}
         ORDER BY f.date_published DESC NULLS LAST, f.id
         LIMIT $4 OFFSET $5`,
        params,
      );
    return this.dataSource.query(
      `SELECT ${FACT_CHECK_COLUMNS}
       FROM (SELECT f.id, ts_rank_cd(f.search_vector, websearch_to_tsquery('english', $6)) AS rank
             FROM fact_checks f
             WHERE f.search_vector @@ websearch_to_tsquery('english', $6) AND ${where}
             LIMIT $7) hit
       JOIN fact_checks f ON f.id = hit.id LEFT JOIN claims sc ON sc.id = f.source_claim_id
       ORDER BY hit.rank DESC, f.date_published DESC NULLS LAST, f.id
       LIMIT $4 OFFSET $5`,
      [...params, filters.text, filters.ranked],
    );
  }

  async findById(id: string): Promise<FactCheckRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${FACT_CHECK_COLUMNS} FROM fact_checks f LEFT JOIN claims sc ON sc.id = f.source_claim_id WHERE f.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** What the sentence encoder reads of each fact-check; those deleted meanwhile are left out. */
  textsOf(ids: string[]): Promise<FactCheckText[]> {
    return this.dataSource.query(
      `SELECT id, claim_reviewed AS "claimReviewed", headline FROM fact_checks WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  // --- imports and the re-match of open claims ---

  async recordImport(em: EntityManager, factCheckIds: string[]): Promise<string> {
    const [row] = await em.query(`INSERT INTO fact_check_imports (fact_check_ids) VALUES ($1::uuid[]) RETURNING id`, [
      factCheckIds,
    ]);
    return row.id;
  }

  /** The import's fact-checks, or null once its re-match is done (or the row is gone). */
  async importAwaitingRematch(importId: string): Promise<string[] | null> {
    const [row] = await this.dataSource.query(
      `SELECT fact_check_ids AS "factCheckIds" FROM fact_check_imports WHERE id = $1 AND rematched_at IS NULL`,
      [importId],
    );
    return row ? row.factCheckIds : null;
  }

  async markRematched(importId: string): Promise<void> {
    await this.dataSource.query(`UPDATE fact_check_imports SET rematched_at = now() WHERE id = $1`, [importId]);
  }

  /** Imports not yet re-matched, once their own job has had `olderThanMs` to run; by id after `after`. */
  importsAwaitingRematch(olderThanMs: number, after: string | null, limit: number): Promise<{ id: string }[]> {
    return this.dataSource.query(
      `SELECT id FROM fact_check_imports
       WHERE rematched_at IS NULL AND created_at < now() - make_interval(secs => $2::int / 1000.0) AND ($1::uuid IS NULL OR id > $1::uuid)
       ORDER BY id LIMIT ${limit}`,
      [after, olderThanMs],
    );
  }

  /**
   * Open claims (unverified, or with a verdict changed within `verdictMaxAgeDays`) sharing words with each of the
   * fact-checks: at most `perFactCheck` each, those sharing most first, through the claims' text index. The scorer
   * then decides which of them the fact-check matches.
   */
  async openClaimsNear(factCheckIds: string[], verdictMaxAgeDays: number, perFactCheck: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT c.id FROM fact_checks f
       CROSS JOIN LATERAL (SELECT replace(plainto_tsquery('english', f.claim_reviewed)::text, ' & ', ' | ')::tsquery AS q) w
       CROSS JOIN LATERAL (
         SELECT c.id FROM claims c
         WHERE to_tsvector('english', c.text) @@ w.q
           AND (c.status = 'unverified'
             OR (c.status IN ('sourced', 'disputed', 'dismissed') AND c.updated_at > now() - make_interval(days => $2::int)))
         ORDER BY ts_rank(to_tsvector('english', c.text), w.q) DESC, c.id LIMIT $3) c
       WHERE f.id = ANY($1::uuid[])`,
      [factCheckIds, verdictMaxAgeDays, perFactCheck],
    );
    return rows.map((r) => r.id);
  }

  // --- the desk's own verdicts ---

  async sourceFactCheckOf(em: EntityManager, claimId: string): Promise<{ id: string; url: string } | null> {
    const [row] = await em.query(`SELECT id, url FROM fact_checks WHERE source_claim_id = $1`, [claimId]);
    return row ?? null;
  }

  async setSourceClaim(em: EntityManager, factCheckId: string, claimId: string): Promise<void> {
    await em.query(`UPDATE fact_checks SET source_claim_id = $2 WHERE id = $1`, [factCheckId, claimId]);
  }

  async removeSourceFactCheck(em: EntityManager, claimId: string): Promise<void> {
    const existing = await this.sourceFactCheckOf(em, claimId);
    if (!existing) return;
    await this.adjustStats(em, [existing.id], -1);
    await em.query(`DELETE FROM fact_checks WHERE id = $1`, [existing.id]);
  }

  // --- matches ---

  /** The job's claims, in one statement. */
  async claimsForMatching(
    claimIds: string[],
  ): Promise<{ id: string; text: string; statement: string | null; articleId: string; status: string }[]> {
    return this.dataSource.query(
      `SELECT id, text, statement, article_id AS "articleId", status FROM claims WHERE id = ANY($1)`,
      [claimIds],
    );
  }

  /** Other claims with the same text once case, punctuation and spacing are ignored. */
  async sameTextClaims(claimId: string, text: string, limit: number): Promise<{ id: string; status: string }[]> {
    return this.dataSource.query(
      `SELECT c.id, c.status FROM claims c
       WHERE ${CLAIM_FINGERPRINT} = lower(regexp_replace($2::text, '[^a-zA-Z0-9%$]+', ' ', 'g')) AND c.id <> $1 AND c.status NOT IN ('withdrawn', 'candidate')
       ORDER BY c.created_at LIMIT $3`,
      [claimId, text, limit],
    );
  }

  /**
   * Claims of other articles holding every anchor word (through the claims' text index), newest first: the ones to
   * compare with a claim for the same claim in other words. Same-text ones are left to `sameTextClaims`.
   */
  async paraphraseCandidates(
    claim: { text: string; articleId: string },
    anchors: string[],
    limit: number,
  ): Promise<{ id: string; text: string }[]> {
    if (anchors.length === 0) return [];
    return this.dataSource.query(
      `SELECT c.id, c.text FROM claims c
       WHERE to_tsvector('english', c.text) @@ plainto_tsquery('english', $2) AND c.article_id <> $1
         AND c.status NOT IN ('withdrawn', 'candidate')
         AND ${CLAIM_FINGERPRINT} <> lower(regexp_replace($3::text, '[^a-zA-Z0-9%$]+', ' ', 'g'))
       ORDER BY c.created_at DESC LIMIT $4`,
      [claim.articleId, anchors.join(' '), claim.text, limit],
    );
  }

  /**
   * Replaces each claim's suggestions, in the caller's transaction, in two statements however many claims and
   * matches there are; decided matches stay as they are.
   */
  async replaceSuggestions(em: EntityManager, suggestions: Map<string, NewMatch[]>): Promise<void> {
    if (suggestions.size === 0) return;
    await em.query(`DELETE FROM claim_matches WHERE claim_id = ANY($1) AND state = 'suggested'`, [
      [...suggestions.keys()],
    ]);
    const rows = [...suggestions].flatMap(([claimId, matches]) => matches.map((match) => ({ claimId, ...match })));
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO claim_matches (claim_id, kind, fact_check_id, matched_claim_id, score)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::uuid[], $5::double precision[])
       ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.claimId),
        rows.map((r) => r.kind),
        rows.map((r) => r.factCheckId),
        rows.map((r) => r.matchedClaimId),
        rows.map((r) => r.score),
      ],
    );
  }

  /** Links the other way too, in one statement: each earlier claim saying the same learns of the new one. */
  async linkSameClaims(
    links: { fromClaimId: string; toClaimId: string; kind: 'same-text' | 'same-claim'; score: number }[],
  ): Promise<void> {
    if (links.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO claim_matches (claim_id, kind, matched_claim_id, score)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::double precision[]) ON CONFLICT DO NOTHING`,
      [
        links.map((l) => l.fromClaimId),
        links.map((l) => l.kind),
        links.map((l) => l.toClaimId),
        links.map((l) => l.score),
      ],
    );
  }

  /** The same claim in other articles first (same text, then other words), then by score: a fact-check's is a chance. */
  async matchesOf(claimId: string): Promise<StoredMatch[]> {
    return this.dataSource.query(
      `${MATCH_SELECT} WHERE m.claim_id = $1 AND m.state <> 'rejected'
       ORDER BY m.kind IN ('same-text', 'same-claim') DESC, m.kind = 'same-text' DESC, m.score DESC, m.id`,
      [claimId],
    );
  }

  async matchOf(em: EntityManager, claimId: string, matchId: string): Promise<StoredMatch | null> {
    const [row] = await em.query(`${MATCH_SELECT} WHERE m.claim_id = $1 AND m.id = $2 FOR UPDATE OF m`, [
      claimId,
      matchId,
    ]);
    return row ?? null;
  }

  async decideMatch(em: EntityManager, matchId: string, state: 'confirmed' | 'rejected'): Promise<void> {
    await returningRows(em, `UPDATE claim_matches SET state = $2, decided_at = now() WHERE id = $1 RETURNING id`, [
      matchId,
      state,
    ]);
  }

  /** A claim as the desk's ClaimReview needs it: its article and when it reached its current status. */
  async deskVerdictOf(em: EntityManager, claimId: string): Promise<DeskVerdictRow | null> {
    const [row] = await em.query(
      `SELECT c.id, c.version, c.text, coalesce(c.statement, c.text) AS statement, c.claimant, c.claimant_kind AS "editorClaimantKind", c.public_slug AS "publicSlug", c.status, c.rating, c.public_note AS "publicNote", c.approval, c.updated_at AS "updatedAt", a.url AS "articleUrl", a.published_at AS "publishedAt",
              a.created_at AS "articleCreatedAt",
              (SELECT e.created_at FROM claim_events e WHERE e.claim_id = c.id AND e.type = 'transition' AND e.to_status = c.status
               ORDER BY e.seq DESC LIMIT 1) AS "verdictAt"
       FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = $1 FOR UPDATE OF c`,
      [claimId],
    );
    return row ?? null;
  }
}

export interface DeskVerdictRow {
  id: string;
  version: number;
  text: string;
  /** The claim as stated on its own (the stored statement, else the text). */
  statement: string;
  claimant: string | null;
  editorClaimantKind: ClaimantKind | null;
  publicSlug: string | null;
  status: string;
  rating: string | null;
  publicNote: string | null;
  approval: string | null;
  updatedAt: Date;
  articleUrl: string | null;
  publishedAt: Date | null;
  articleCreatedAt: Date;
  verdictAt: Date | null;
}
