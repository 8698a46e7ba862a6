import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHECKWORTHY_DIR, DEMO_ARTICLE_PATH } from '../../src/common/repo-paths';
import { parseTsv } from '../../tools/lib/tsv-parser';

/** The demo article kept in data/. */
export function demoArticle(): string {
  return readFileSync(DEMO_ARTICLE_PATH, 'utf8');
}

/** The dev debates cut into bodies of `size` sentences each. */
export function debateBodies(size: number): string[] {
  const sentences = parseTsv(readFileSync(resolve(CHECKWORTHY_DIR, 'dev.tsv'), 'utf8')).map((row) => row.Text);
  const bodies: string[] = [];
  for (let i = 0; i + size <= sentences.length; i += size) bodies.push(sentences.slice(i, i + size).join(' '));
  return bodies;
}

/** Real text: the demo article, and the dev debates cut into articles of 25 sentences. */
export function realArticles(count: number): { title: string; body: string }[] {
  const bodies = [demoArticle(), ...debateBodies(25)];
  return Array.from({ length: count }, (_, i) => ({ title: `Bench article ${i}`, body: bodies[i % bodies.length] }));
}
