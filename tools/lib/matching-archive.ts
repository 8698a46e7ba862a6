import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../../src/config/environment';
import { dataSourceOptions } from '../../src/database/data-source';
import { migrateDatabase } from '../../src/database/migrate';
import { FactCheckImportService } from '../../src/fact-checks/fact-check-import.service';
import type { FactCheckQueueService } from '../../src/fact-checks/fact-check-queue.service';
import { FactCheckSearchService } from '../../src/fact-checks/fact-check-search.service';
import { FactChecksRepository } from '../../src/fact-checks/fact-checks.repository';
import { FactCheckSentenceVectorsRepository } from '../../src/fact-checks/fact-check-sentence-vectors.repository';
import { SentenceEncoder } from '../../src/fact-checks/sentence-encoder';
import { SentenceSimilarityService } from '../../src/fact-checks/sentence-similarity.service';
import type { VerifiedClaim } from './matching-evaluation';

export const URL_PREFIX = 'https://claim-matching.invalid/vclaim/';

export const vclaimId = (url: string) => url.slice(URL_PREFIX.length);

/** A fresh scratch database beside DATABASE_URL's (MATCHING_EVAL_DATABASE, default <name>_match_eval). */
async function scratchDatabase(): Promise<string> {
  const url = new URL(loadEnvironment().DATABASE_URL);
  const name = process.env.MATCHING_EVAL_DATABASE ?? `${url.pathname.slice(1)}_match_eval`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The verified claims imported through the API's import code into a scratch database, the API's search over them
 * and the worker's sentence similarity (which encodes each fact-check the first time a search meets it).
 */
export async function openMatchingArchive(claims: VerifiedClaim[]): Promise<{
  search: FactCheckSearchService;
  sentences: SentenceSimilarityService;
  close: () => Promise<void>;
}> {
  const databaseUrl = await scratchDatabase();
  await migrateDatabase(databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 4));
  await dataSource.initialize();
  try {
    const repository = new FactChecksRepository(dataSource);
    // No worker and no claims here: an import's re-match has nothing to do.
    const noRematch = { enqueueImportRematches: () => Promise.resolve(true) } as unknown as FactCheckQueueService;
    const importer = new FactCheckImportService(repository, noRematch);
    const started = Date.now();
    for (let i = 0; i < claims.length; i += 1000) {
      const batch = claims.slice(i, i + 1000).map((c) => ({
        '@type': 'ClaimReview',
        url: `${URL_PREFIX}${c.id}`,
        claimReviewed: c.claim,
        headline: c.title,
      }));
      const result = await importer.importItems(batch);
      if (result.errors.length) throw new Error(`import errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
    }
    console.log(`imported ${claims.length} verified claims in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const encoder = new SentenceEncoder();
    return {
      search: new FactCheckSearchService(repository),
      sentences: new SentenceSimilarityService(new FactCheckSentenceVectorsRepository(dataSource), encoder),
      close: async () => {
        await encoder.onModuleDestroy();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
