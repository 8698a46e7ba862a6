import { ClaimExtractor } from '../src/extraction/lib/claim-extractor';
import { splitSentences } from '../src/extraction/lib/sentence-splitter';
import { debateBodies, demoArticle } from './lib/corpus';

function corpus(): string[] {
  const demo = demoArticle();
  return [...Array.from({ length: 20 }, () => demo), ...debateBodies(30)];
}

/** Single-threaded throughput of the whole extractor (split, clauses, features, score, type, claimant). */
export async function runExtractionBench(): Promise<{ sentencesPerSec: number; articlesPerSec: number }> {
  const extractor = new ClaimExtractor();
  const articles = corpus();
  const sentenceCount = articles.reduce((n, body) => n + splitSentences(body).length, 0);
  for (const body of articles.slice(0, 10)) extractor.extract(body, { minCheckworthiness: 0 });
  const rounds = 3;
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const body of articles) extractor.extract(body, { minCheckworthiness: 0 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    sentencesPerSec: Math.round((rounds * sentenceCount) / seconds),
    articlesPerSec: Math.round((rounds * articles.length) / seconds),
  };
}

if (require.main === module) {
  void runExtractionBench().then((result) => {
    console.log(`extraction: ${result.sentencesPerSec} sentences/s, ${result.articlesPerSec} articles/s`);
    console.log(JSON.stringify(result));
  });
}
