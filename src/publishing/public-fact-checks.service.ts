import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { claimantKindOf } from '../claims/claimant-kind';
import { publicPageState, publicPageUrl, PUBLIC_SLUG } from '../claims/public-page';
import { ApiError } from '../common/api-error';
import { decodeCursor, encodeCursor } from '../common/pagination';
import type { Environment } from '../config/environment';
import { toClaimReview, type PublishedVerdict } from '../integrations/claim-review';
import { PublicFactChecksRepository, type PublicFactCheckRow } from './public-fact-checks.repository';
import { resolveRating } from '../settings/desk-settings';
import { SettingsService } from '../settings/settings.service';
import {
  atomFeed,
  factCheckIndex,
  factCheckPage,
  sitemap,
  type Desk,
  type PublicFactCheck,
} from './views/public-pages';

const INDEX_PAGE = 20;
const FEED_ENTRIES = 50;
/** The sitemap protocol's limit for one file. */
const SITEMAP_URLS = 50_000;
/**
 * The sitemap is the one public answer that grows with the archive (up to 50,000 addresses): each process renders it
 * at most once in this long and answers every reader meanwhile from that (crawlers read it far less often).
 */
const SITEMAP_FRESH_MS = 60_000;

/** The desk's public face: a page per published verdict, an index, a feed and a sitemap; no sign-in, nothing internal. */
@Injectable()
export class PublicFactChecksService {
  constructor(
    private readonly repository: PublicFactChecksRepository,
    private readonly config: ConfigService<Environment, true>,
    private readonly settings: SettingsService,
  ) {}

  /** Rows with their ratings read off the desk's scale as it stands. */
  private async rated(rows: PublicFactCheckRow[]): Promise<PublicFactCheck[]> {
    if (rows.length === 0) return [];
    const { ratings } = await this.settings.get();
    return rows.map((row) => ({ ...row, rating: resolveRating(ratings, row.ratingKey) }));
  }

  private get desk(): Desk {
    return {
      name: this.config.get('DESK_NAME', { infer: true }),
      url: this.config.get('ORGANIZATION_URL', { infer: true }),
    };
  }

  async page(slug: string): Promise<string> {
    const found = PUBLIC_SLUG.test(slug) ? await this.repository.bySlug(slug) : null;
    if (!found) throw ApiError.notFound('Fact-check', slug);
    const [row] = await this.rated([found]);
    return factCheckPage(row, this.desk, publicPageState(row) === 'published' ? this.claimReview(row) : null);
  }

  async index(cursor: string | undefined): Promise<string> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.rated(await this.repository.newest(INDEX_PAGE + 1, after));
    const last = rows.length > INDEX_PAGE ? rows[INDEX_PAGE - 1] : null;
    const next = last ? encodeCursor([new Date(last.publishedAt).toISOString(), last.id]) : null;
    return factCheckIndex(rows.slice(0, INDEX_PAGE), next, this.desk);
  }

  async feed(): Promise<string> {
    return atomFeed(await this.rated(await this.repository.newest(FEED_ENTRIES, null)), this.desk);
  }

  private renderedSitemap: { until: number; body: Promise<string> } | null = null;

  sitemap(): Promise<string> {
    const now = Date.now();
    if (!this.renderedSitemap || this.renderedSitemap.until <= now) {
      const body = this.repository.addresses(SITEMAP_URLS).then(sitemap);
      const rendered = { until: now + SITEMAP_FRESH_MS, body };
      // A failed read is not kept: the next reader tries again.
      body.catch(() => {
        if (this.renderedSitemap === rendered) this.renderedSitemap = null;
      });
      this.renderedSitemap = rendered;
    }
    return this.renderedSitemap.body;
  }

  private claimReview(row: PublicFactCheck) {
    return toClaimReview(
      {
        claimId: row.id,
        pageUrl: publicPageUrl(row.publicSlug),
        text: row.statement,
        claimant: row.claimant,
        claimantKind: claimantKindOf(row),
        verdict: row.status as PublishedVerdict,
        verdictAt: row.verdictAt ?? row.changedAt,
        rating: row.rating,
        publicNote: row.publicNote,
        article: { url: row.articleUrl, publishedAt: row.articlePublishedAt, createdAt: row.articleCreatedAt },
      },
      this.desk,
    );
  }
}
