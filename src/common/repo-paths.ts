import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** A path inside the repo, found from the sources (ts-node, jest: src/common) and from the build (dist/src/common) alike. */
export function repoPath(relative: string): string {
  const fromSources = resolve(__dirname, '../..', relative);
  const fromBuild = resolve(__dirname, '../../..', relative);
  return existsSync(fromSources) || !existsSync(fromBuild) ? fromSources : fromBuild;
}

/** The data sets kept in the repo (data/README.md names each one's source and licence). */
export const DEMO_ARTICLE_PATH = repoPath('data/articles/peace-talks.txt');
export const CHECKWORTHY_DIR = repoPath('data/checkworthy');
export const CLAIM_MATCHING_DIR = repoPath('data/claim-matching');
export const COMMON_PASSWORDS_PATH = repoPath('data/common-passwords.txt');
