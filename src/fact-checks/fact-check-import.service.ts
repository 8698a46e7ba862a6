import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/sql';
import { FactCheckQueueService } from './fact-check-queue.service';
import { FactChecksRepository } from './fact-checks.repository';
import { importItemsOf, MAX_IMPORT_ITEMS, parseClaimReview, type FactCheckInput } from './claim-review-input';

export class ImportError {
  @ApiProperty({ description: "The item's position in the body" })
  index: number;

  @ApiProperty()
  message: string;
}

export class ImportResult {
  @ApiProperty()
  imported: number;

  @ApiProperty()
  updated: number;

  @ApiProperty()
  skipped: number;

  @ApiProperty({ type: [ImportError] })
  errors: ImportError[];
}

/**
 * ClaimReview in, fact-checks out: identity by url, a changed item updates, an unchanged one is skipped. What an
 * import wrote is recorded with it, and the worker re-matches the desk's open claims against it.
 */
@Injectable()
export class FactCheckImportService {
  constructor(
    private readonly repository: FactChecksRepository,
    private readonly queue: FactCheckQueueService,
  ) {}

  /** `null` when the body is not one item, an array or {items}; the caller answers that as a validation error. */
  async importBody(body: unknown): Promise<ImportResult | null> {
    const items = importItemsOf(body);
    if (!items) return null;
    return this.importItems(items);
  }

  async importItems(items: unknown[]): Promise<ImportResult> {
    const result: ImportResult = { imported: 0, updated: 0, skipped: 0, errors: [] };
    const byUrl = new Map<string, FactCheckInput>();
    items.forEach((item, index) => {
      const parsed = parseClaimReview(item);
      if (!parsed.ok) result.errors.push({ index, message: parsed.message });
      else {
        // The last item with a url wins; earlier ones count as skipped.
        if (byUrl.has(parsed.value.url)) result.skipped += 1;
        byUrl.set(parsed.value.url, parsed.value);
      }
    });
    if (byUrl.size === 0) return result;
    const written = await this.writeRetrying(byUrl);
    result.imported = written.counts.imported;
    result.updated = written.counts.updated;
    result.skipped += written.counts.skipped;
    // Committed: a job Redis does not take now is re-sent by the reconciler from the import's row.
    if (written.importId) await this.queue.enqueueImportRematches([written.importId]);
    return result;
  }

  /** `write` in a transaction of its own, again when another import wrote one of these new addresses first. */
  private async writeRetrying(byUrl: Map<string, FactCheckInput>): ReturnType<FactCheckImportService['write']> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.repository.transaction((em) => this.write(em, byUrl));
      } catch (error) {
        // Read again: the item is now an update of that entry (or the same as it).
        if (attempt < IMPORT_ATTEMPTS && isUniqueViolation(error, 'UQ_fact_checks_url')) continue;
        throw error;
      }
    }
  }

  /** The items new, changed or the same as stored, in the caller's transaction; the import's row when any was written. */
  private async write(
    em: EntityManager,
    byUrl: Map<string, FactCheckInput>,
  ): Promise<{ importId: string | null; counts: Pick<ImportResult, 'imported' | 'updated' | 'skipped'> }> {
    const existing = await this.repository.existingByUrl(em, [...byUrl.keys()]);
    const inserts: FactCheckInput[] = [];
    const updates: { id: string; value: FactCheckInput }[] = [];
    let skipped = 0;
    for (const [url, value] of byUrl) {
      const found = existing.get(url);
      if (!found) inserts.push(value);
      else if (isDeepStrictEqual(found.claimReview, JSON.parse(JSON.stringify(value.claimReview)))) skipped += 1;
      else updates.push({ id: found.id, value });
    }
    const written = await this.repository.write(em, inserts, updates);
    return {
      importId: written.length > 0 ? await this.repository.recordImport(em, written) : null,
      counts: { imported: inserts.length, updated: updates.length, skipped },
    };
  }
}

/** Tries of an import whose new addresses another import wrote first (each try reads them again). */
const IMPORT_ATTEMPTS = 3;

export { MAX_IMPORT_ITEMS };
