import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface NamedRecord {
  id: string;
  name: string;
}

export interface ReviewerCard extends NamedRecord {
  capacity: number;
}

/** What the pages show beside the domain services' answers: names and titles for ids, read across reviewers, keys and articles. */
@Injectable()
export class PagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every reviewer's name, by id. */
  async reviewerNames(): Promise<Map<string, string>> {
    const rows: NamedRecord[] = await this.dataSource.query(`SELECT id, name FROM reviewers`);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async reviewerCard(reviewerId: string): Promise<ReviewerCard | null> {
    const [row]: ReviewerCard[] = await this.dataSource.query(
      `SELECT id, name, capacity FROM reviewers WHERE id = $1`,
      [reviewerId],
    );
    return row ?? null;
  }

  /** The names of these keys, by id. */
  keyNames(keyIds: string[]): Promise<Map<string, string>> {
    return this.namesById(`SELECT id, name FROM api_keys WHERE id = ANY($1)`, keyIds);
  }

  /** Integrators by name and callback endpoints by URL, for the audit log's targets. */
  integratorNames(integratorIds: string[]): Promise<Map<string, string>> {
    return this.namesById(`SELECT id, name FROM integrators WHERE id = ANY($1)`, integratorIds);
  }

  endpointUrls(endpointIds: string[]): Promise<Map<string, string>> {
    return this.namesById(`SELECT id, url AS name FROM callback_endpoints WHERE id = ANY($1)`, endpointIds);
  }

  personNames(userIds: string[]): Promise<Map<string, string>> {
    return this.namesById(`SELECT id, name FROM users WHERE id = ANY($1)`, userIds);
  }

  /**
   * Who may post articles: each integrator once (by the name of its first key), every admin and editor key, and every
   * admin and editor person (who post from the pages), by name.
   */
  articleSources(): Promise<NamedRecord[]> {
    return this.dataSource.query(
      `SELECT coalesce(integrator_id, id) AS id, min(name) AS name FROM api_keys
       WHERE role IN ('admin', 'editor', 'integrator') GROUP BY 1
       UNION ALL
       SELECT id, name FROM users WHERE role IN ('admin', 'editor')
       ORDER BY 2, 1`,
    );
  }

  /** The titles of these articles, by id. */
  articleTitles(articleIds: string[]): Promise<Map<string, string>> {
    return this.namesById(`SELECT id, title AS name FROM articles WHERE id = ANY($1)`, articleIds);
  }

  /** The texts of these claims, by id. */
  claimTexts(claimIds: string[]): Promise<Map<string, string>> {
    return this.namesById(`SELECT id, text AS name FROM claims WHERE id = ANY($1)`, claimIds);
  }

  /** Runs a `SELECT id, name … WHERE id = ANY($1)` for these ids (each asked once), as a map; no query for none. */
  private async namesById(sql: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: NamedRecord[] = await this.dataSource.query(sql, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
