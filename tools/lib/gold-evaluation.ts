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

interface Span {
  start: number;
  end: number;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** An extracted claim covers a marked span when it holds at least half of it, or half of itself lies in it (a clause counts). */
const covers = (claim: Span, marked: Span) =>
  overlap(claim, marked) * 2 >= marked.end - marked.start || overlap(claim, marked) * 2 >= claim.end - claim.start;

/** Where `text` stands in `body`; a gold file whose text is not there is broken, and says so. */
function spanOf(body: string, text: string, where: string): Span {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`${where}: "${text}" is not in the article's body`);
  return { start, end: start + text.length };
}

/** "Supreme Court of the United Kingdom (summary of the decision)" → "supreme court of the united kingdom". */
const bareName = (name: string | null) =>
  (name ?? '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The same speaker: the same words (a parenthetical aside dropped), or one name ends the other, where the shorter is a
 * proper name ("Council member Tom Hale" / "Tom Hale", "the Supreme Court of the United Kingdom" / "Supreme Court of
 * the United Kingdom"), or one is the other's leading words ("Supreme Court" / "Supreme Court of the United Kingdom").
 */
const same = (a: string | null, b: string | null) => {
  const [x, y] = [bareName(a), bareName(b)];
  if (x === y) return true;
  if (x === '' || y === '') return false;
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
  const shorterAsWritten = (x.length < y.length ? a : b)!.trim();
  return (
    /^\p{Lu}/u.test(shorterAsWritten.replace(/^the\s+/i, '')) &&
    (longer.endsWith(` ${shorter}`) || longer.startsWith(`${shorter} `) || longer.startsWith(`the ${shorter}`))
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
    const gold = article.claims.map((g) => ({ ...g, ...spanOf(article.body, g.text, article.id) }));
    const finds = (pool: ExtractedClaim[], g: Span) => pool.filter((c) => covers(c, g));
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

/** The outside reader's Wikinews set (data/news-gold-wikinews/gold.json), each article's body read from its file. */
export interface ReaderArticle {
  file: string;
  body: string;
  claims: { text: string; claimant: string | null; checkworthy: boolean }[];
  must_be_claims: { contains: string; claimant_matches?: string }[];
  must_split: { sentence_contains: string; parts: string[] }[];
  must_not_be_claims: string[];
}

/** A named check of the reader's that failed, to print. */
export interface FailedCheck {
  file: string;
  check: string;
}

export interface ReaderOutcomes {
  /** per check-worthy claim the reader marked: a claim at the threshold covers it */
  recalled: number[];
  /** per check-worthy marked claim: a claim or a candidate (at or above the floor) covers it */
  recalledWithCandidates: number[];
  /** check-worthy marked claims by where the desk puts them */
  tally: { claims: number; candidatesOnly: number; missing: number };
  /** per extracted claim at the threshold: it overlaps a claim the reader marked, check-worthy or not */
  precise: number[];
  /** per recalled check-worthy claim: a covering claim names the reader's claimant */
  claimantRight: number[];
  /** per must_split: each part covered by a claim of its own */
  splits: number[];
  /** per must_not_be_claims phrase: no claim at the threshold covers it */
  nonClaimsDropped: number[];
  /** per must_be_claims: a claim at the threshold covers it, with the claimant named when the check names one */
  mustBeClaims: number[];
  failures: FailedCheck[];
}

/** Reads gold.json and each article's file: title, blank line, body (claims are in the body, which is what is extracted). */
export function readReaderSet(goldFile: string, read: (path: string) => string, dir: string): ReaderArticle[] {
  const gold = JSON.parse(read(goldFile)) as { articles: Omit<ReaderArticle, 'body'>[] };
  return gold.articles.map((article) => {
    const text = read(`${dir}/${article.file}`);
    const split = text.indexOf('\n\n');
    return { ...article, body: split < 0 ? text : text.slice(split + 2) };
  });
}

/** The reader's figures and checks for the desk's claims (at `threshold`) and candidates (at or above `floor`). */
export function readerOutcomes(
  extractor: ClaimExtractor,
  articles: ReaderArticle[],
  threshold: number,
  floor: number,
): ReaderOutcomes {
  const outcomes: ReaderOutcomes = {
    recalled: [],
    recalledWithCandidates: [],
    tally: { claims: 0, candidatesOnly: 0, missing: 0 },
    precise: [],
    claimantRight: [],
    splits: [],
    nonClaimsDropped: [],
    mustBeClaims: [],
    failures: [],
  };
  for (const article of articles) {
    const scored = extractor.extract(article.body, { minCheckworthiness: 0 });
    const claims = scored.filter((c) => c.checkworthiness >= threshold);
    const kept = scored.filter((c) => c.checkworthiness >= Math.min(floor, threshold));
    const marked = article.claims.map((g) => ({ ...g, ...spanOf(article.body, g.text, article.file) }));
    const fail = (check: string) => outcomes.failures.push({ file: article.file, check });

    for (const g of marked.filter((m) => m.checkworthy)) {
      const found = claims.filter((c) => covers(c, g));
      const foundKept = kept.some((c) => covers(c, g));
      outcomes.recalled.push(found.length ? 1 : 0);
      outcomes.recalledWithCandidates.push(foundKept ? 1 : 0);
      if (found.length) outcomes.tally.claims += 1;
      else if (foundKept) outcomes.tally.candidatesOnly += 1;
      else outcomes.tally.missing += 1;
      if (found.length) outcomes.claimantRight.push(found.some((c) => same(c.claimant, g.claimant)) ? 1 : 0);
    }
    for (const c of claims) outcomes.precise.push(marked.some((g) => overlap(c, g) > 0) ? 1 : 0);

    for (const check of article.must_split) {
      const covering = check.parts.map((part) => {
        const span = spanOf(article.body, part, article.file);
        return claims.filter((c) => covers(c, span));
      });
      // Each part needs a claim of its own; the parts with fewest claims choose first.
      const used = new Set<ExtractedClaim>();
      const held = [...covering]
        .sort((a, b) => a.length - b.length)
        .every((found) => {
          const own = found.find((c) => !used.has(c));
          if (own) used.add(own);
          return own !== undefined;
        });
      outcomes.splits.push(held ? 1 : 0);
      if (!held) fail(`split: ${check.parts.map((p) => `"${p}"`).join(' / ')}`);
    }
    for (const phrase of article.must_not_be_claims) {
      const span = spanOf(article.body, phrase, article.file);
      const dropped = !claims.some((c) => covers(c, span));
      outcomes.nonClaimsDropped.push(dropped ? 1 : 0);
      if (!dropped) fail(`not a claim: "${phrase}"`);
    }
    for (const check of article.must_be_claims) {
      const span = spanOf(article.body, check.contains, article.file);
      const wanted = check.claimant_matches?.toLowerCase();
      const held = claims.some(
        (c) => covers(c, span) && (!wanted || (c.claimant ?? '').toLowerCase().includes(wanted)),
      );
      outcomes.mustBeClaims.push(held ? 1 : 0);
      if (!held) fail(`claim: "${check.contains}"${wanted ? ` by ${check.claimant_matches}` : ''}`);
    }
  }
  return outcomes;
}
