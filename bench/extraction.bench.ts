import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { DEFAULT_CANDIDATE_FLOOR } from '../src/config/environment';
import { ClaimExtractor, ExtractOptions } from '../src/extraction/lib/claim-extractor';
import { splitSentences } from '../src/extraction/lib/sentence-splitter';
import { debateBodies, demoArticle } from './lib/corpus';
import { round } from './lib/stats';

export interface ExtractionBenchResult {
  sentencesPerSec: number;
  articlesPerSec: number;
  /** wink-nlp's bare parse (`readDoc`, the extractor's model) of the same texts, in the extractor's sentences. */
  nlpFloorSentencesPerSec: number;
  /** The extractor's sentences/s ÷ the bare parse's: the share of its time that is wink's parse. */
  nlpFloorRatio: number;
}

const WARM_UP_ROUNDS = 10;

function corpus(): string[] {
  const demo = demoArticle();
  return [...Array.from({ length: 20 }, () => demo), ...debateBodies(30)];
}

function secondsOf(work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Single-threaded throughput of the whole extractor (split, clauses, features, score, type, claimant), against the
 * floor under it: wink-nlp reading the same texts with the same model and nothing else. The two take turns, round by
 * round, so a machine busy with other work slows both alike.
 */
export async function runExtractionBench(): Promise<ExtractionBenchResult> {
  const extractor = new ClaimExtractor();
  // As the worker runs it: claims at its threshold, candidates down to the floor, the rest scored and left.
  const options: ExtractOptions = { minCheckworthiness: extractor.threshold, candidateFloor: DEFAULT_CANDIDATE_FLOOR };
  const nlp = winkNLP(model);
  const articles = corpus();
  const sentenceCount = articles.reduce((n, body) => n + splitSentences(body).length, 0);
  // Both sides run whole rounds untimed first: a worker extracts for hours, so what counts is the pace once V8 has
  // compiled the code, not the first seconds (the first round of the extractor's own code takes about twice as long).
  for (let r = 0; r < WARM_UP_ROUNDS; r++) {
    for (const body of articles) extractor.extract(body, options);
    for (const body of articles) nlp.readDoc(body);
  }
  const rounds = 5;
  let extractorSeconds = 0;
  let nlpSeconds = 0;
  for (let r = 0; r < rounds; r++) {
    extractorSeconds += secondsOf(() => {
      for (const body of articles) extractor.extract(body, options);
    });
    nlpSeconds += secondsOf(() => {
      for (const body of articles) nlp.readDoc(body);
    });
  }
  const sentencesPerSec = (rounds * sentenceCount) / extractorSeconds;
  const nlpFloorSentencesPerSec = (rounds * sentenceCount) / nlpSeconds;
  return {
    sentencesPerSec: Math.round(sentencesPerSec),
    articlesPerSec: Math.round((rounds * articles.length) / extractorSeconds),
    nlpFloorSentencesPerSec: Math.round(nlpFloorSentencesPerSec),
    nlpFloorRatio: round(sentencesPerSec / nlpFloorSentencesPerSec),
  };
}

if (require.main === module) {
  void runExtractionBench().then((result) => {
    console.log(
      `extraction: ${result.sentencesPerSec} sentences/s, ${result.articlesPerSec} articles/s vs wink-nlp's bare parse ${result.nlpFloorSentencesPerSec} sentences/s → NLP floor ratio ${result.nlpFloorRatio} (target ≥ 0.5)`,
    );
    console.log(JSON.stringify(result));
  });
}
