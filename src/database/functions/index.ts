import { articlesPassDueAt } from './articles-pass-due-at';
import { claimsInheritDueAt } from './claims-inherit-due-at';
import { claimsKeepOpenCount } from './claims-keep-open-count';
import type { EntityManager } from 'typeorm';
import type { DatabaseFunction } from './database-function';
import { factCheckTermImpacts } from './fact-check-term-impacts';
import { insertExtractedClaims } from './insert-extracted-claims';
import { moveClaimAsRead } from './move-claim-as-read';
import { notifyApiKeysChanged } from './notify-api-keys-changed';
import { notifyClaimChange } from './notify-claim-change';
import { recordArticleCallbacks } from './record-article-callbacks';
import { recordFirstExtraction } from './record-first-extraction';

export type { DatabaseFunction } from './database-function';

/**
 * Every function the database runs, in the order they are applied: one a function calls comes before it.
 */
export const DATABASE_FUNCTIONS: readonly DatabaseFunction[] = [
  factCheckTermImpacts,
  claimsKeepOpenCount,
  notifyClaimChange,
  notifyApiKeysChanged,
  recordArticleCallbacks,
  insertExtractedClaims,
  recordFirstExtraction,
  moveClaimAsRead,
  claimsInheritDueAt,
  articlesPassDueAt,
];

/** Creates or replaces every function and its triggers, as written here. */
export async function applyDatabaseFunctions(em: EntityManager): Promise<void> {
  for (const fn of DATABASE_FUNCTIONS) {
    await em.query(fn.definition);
    for (const trigger of fn.triggers) await em.query(trigger);
  }
}
