import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTsv } from '../../src/extraction/lib/tsv-parser';

export const SHARED_DIR = process.env.SHARED_DIR ?? resolve(__dirname, '../../../shared');

/** Real text: the demo article, and the dev debates cut into articles of 25 sentences. */
export function realArticles(count: number): { title: string; body: string }[] {
  const demo = readFileSync(resolve(SHARED_DIR, 'data/articles/peace-talks.txt'), 'utf8');
  const sentences = parseTsv(readFileSync(resolve(SHARED_DIR, 'data/checkworthy/dev.tsv'), 'utf8')).map((row) => row.Text);
  const bodies = [demo];
  for (let i = 0; i + 25 <= sentences.length; i += 25) bodies.push(sentences.slice(i, i + 25).join(' '));
  return Array.from({ length: count }, (_, i) => ({ title: `Bench article ${i}`, body: bodies[i % bodies.length] }));
}
