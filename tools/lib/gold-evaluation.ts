import type { ClaimExtractor, ExtractedClaim } from '../../src/extraction/lib/claim-extractor';
import { seededRandom } from './classification-metrics';

/** A news article with its claims marked by hand (data/news-gold/articles.json). */
export interface GoldArticle {
  id: string;
  kind: string;
  body: string;
  claims: { text: string; claimant: string | null; type: string }[];
}

/** One outcome per unit (a gold claim, an extracted claim): 1 or 0, so figures can be resampled. */
export interface GoldOutcomes {
  /** per gold claim: found among the extracted claims at the desk's threshold */
  recalled: number[];
  /** per gold claim: found among the claims and the candidates the desk keeps (scored at or above the floor) */
  recalledWithCandidates: number[];
  /** per gold claim: found among every candidate the extractor scores, whatever its score */
  recalledAsCandidate: number[];
  /** per article: how many candidates (below the threshold, at or above the floor) a reviewer is shown */
  candidatesPerArticle: number[];
  /** per extracted claim at the threshold: it is one of the gold claims */
  precise: number[];
  /** per recalled gold claim: the extracted claimant is the marked one */
  claimantRight: number[];
  /** per recalled gold claim: the extracted type is the marked one */
  typeRight: number[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** The same speaker: the same words, or one names the person behind the other's title ("Council member Tom Hale" / "Tom Hale"). */
const same = (a: string | null, b: string | null) => {
  const [x, y] = [(a ?? '').toLowerCase(), (b ?? '').toLowerCase()];
  return (
    x === y ||
    (x !== '' &&
      y !== '' &&
      (x.endsWith(` ${y}`) || y.endsWith(` ${x}`)) &&
      /^\p{Lu}/u.test((x.length < y.length ? a : b)!))
  );
};

/** A gold claim is found by an extracted claim covering at least half of it (a clause of it counts). */
export function goldOutcomes(
  extractor: ClaimExtractor,
  articles: GoldArticle[],
  threshold: number,
  floor = threshold,
): GoldOutcomes {
  const outcomes: GoldOutcomes = {
    recalled: [],
    recalledWithCandidates: [],
    recalledAsCandidate: [],
    candidatesPerArticle: [],
    precise: [],
    claimantRight: [],
    typeRight: [],
  };
  for (const article of articles) {
    const candidates = extractor.extract(article.body, { minCheckworthiness: 0 });
    const claims = candidates.filter((c) => c.checkworthiness >= threshold);
    const kept = candidates.filter((c) => c.checkworthiness >= Math.min(floor, threshold));
    outcomes.candidatesPerArticle.push(kept.length - claims.length);
    const gold = article.claims.map((g) => ({
      ...g,
      start: article.body.indexOf(g.text),
      end: article.body.indexOf(g.text) + g.text.length,
    }));
    const finds = (pool: ExtractedClaim[], g: (typeof gold)[number]) =>
      pool.filter((c) => overlap(c, g) * 2 >= g.end - g.start || overlap(c, g) * 2 >= c.end - c.start);
    for (const g of gold) {
      const found = finds(claims, g);
      outcomes.recalled.push(found.length > 0 ? 1 : 0);
      outcomes.recalledWithCandidates.push(finds(kept, g).length > 0 ? 1 : 0);
      outcomes.recalledAsCandidate.push(finds(candidates, g).length > 0 ? 1 : 0);
      if (found.length === 0) continue;
      outcomes.claimantRight.push(found.some((c) => same(c.claimant, g.claimant)) ? 1 : 0);
      outcomes.typeRight.push(found.some((c) => c.type === g.type) ? 1 : 0);
    }
    for (const c of claims) outcomes.precise.push(gold.some((g) => overlap(c, g) > 0) ? 1 : 0);
  }
  return outcomes;
}

/** The mean of outcomes (0/1, or counts) with a 95 % percentile bootstrap interval (seeded, so a rerun prints the same). */
export function meanWithInterval(
  values: number[],
  resamples = 2000,
): { mean: number; low: number; high: number; n: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, low: 0, high: 0, n };
  const random = seededRandom();
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)];
    means.push(sum / n);
  }
  means.sort((a, b) => a - b);
  return {
    mean: values.reduce((a, b) => a + b, 0) / n,
    low: means[Math.floor(0.025 * resamples)],
    high: means[Math.floor(0.975 * resamples)],
    n,
  };
}
