import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTsv } from './tsv-parser';

/** The CLEF-2020 CheckThat! Task 2 files (data/README.md): verified claims, tweet queries and their qrels. */
export interface VerifiedClaim {
  id: string;
  claim: string;
  title: string;
}

export interface MatchingQuery {
  id: string;
  text: string;
  relevant: Set<string>;
}

export function loadVerifiedClaims(dir: string): VerifiedClaim[] {
  return parseTsv(readFileSync(resolve(dir, 'verified-claims.tsv'), 'utf8')).map((row) => ({
    id: row[''] ?? row.vclaim_id,
    claim: row.vclaim,
    title: row.title,
  }));
}

export function loadQueries(dir: string, split: 'train' | 'dev'): MatchingQuery[] {
  const relevant = new Map<string, Set<string>>();
  for (const line of readFileSync(resolve(dir, `${split}.qrels`), 'utf8').split(/\r?\n/)) {
    const [tweet, , vclaim, rel] = line.split('\t');
    if (!tweet || rel === '0') continue;
    if (!relevant.has(tweet)) relevant.set(tweet, new Set());
    relevant.get(tweet)!.add(vclaim);
  }
  return parseTsv(readFileSync(resolve(dir, `${split}-queries.tsv`), 'utf8'))
    .map((row) => ({
      id: row[''] ?? row.tweet_id,
      text: row.tweet_content,
      relevant: relevant.get(row[''] ?? row.tweet_id) ?? new Set<string>(),
    }))
    .filter((q) => q.relevant.size > 0);
}

/** Average precision over the first k results. */
export function averagePrecisionAt(ranked: string[], relevant: Set<string>, k = 5): number {
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) {
      hits += 1;
      sum += hits / (i + 1);
    }
  });
  return relevant.size ? sum / Math.min(relevant.size, k) : 0;
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** A percentile bootstrap over queries (seeded, so a run repeats exactly). */
export function bootstrapInterval(values: number[], rounds = 2000, seed = 15): [number, number] {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const means: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    let sum = 0;
    for (let i = 0; i < values.length; i += 1) sum += values[Math.floor(random() * values.length)];
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  return [means[Math.floor(rounds * 0.025)], means[Math.min(rounds - 1, Math.floor(rounds * 0.975))]];
}

/**
 * The baseline: plain BM25 (k1 1.2, b 0.75) over claim + title, lower-cased word tokens, no stemming, raw tweets.
 * Equal scores keep the documents' order, so the caller chooses the tie rule by the order it passes them in.
 */
export class PlainBm25 {
  private readonly docs: { id: string; tf: Map<string, number>; length: number }[] = [];
  private readonly df = new Map<string, number>();
  private avgLength = 0;

  constructor(
    docs: { id: string; text: string }[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    for (const d of docs) {
      const tokens = PlainBm25.tokens(d.text);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.docs.push({ id: d.id, tf, length: tokens.length });
    }
    this.avgLength = mean(this.docs.map((d) => d.length));
  }

  static tokens(text: string): string[] {
    return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  }

  search(query: string, k: number): string[] {
    const terms = [...new Set(PlainBm25.tokens(query))];
    const n = this.docs.length;
    const scored: { id: string; score: number }[] = [];
    for (const d of this.docs) {
      let score = 0;
      for (const t of terms) {
        const tf = d.tf.get(t);
        if (!tf) continue;
        const df = this.df.get(t)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * d.length) / this.avgLength));
      }
      if (score > 0) scored.push({ id: d.id, score });
    }
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map((s) => s.id);
  }
}
