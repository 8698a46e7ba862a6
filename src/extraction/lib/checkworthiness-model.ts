import { readFileSync } from 'fs';
import { repoPath } from '../../common/repo-paths';
import { analyseText, charGrams, FeatureBlock, FeatureSink, readFeatures } from './features';
import { EntitySpan, Token } from './nlp-analyser';

export interface CheckworthinessModelJson {
  version: 2;
  threshold: number;
  metrics: Record<string, number>;
  hyperParameters: Record<string, number | string>;
  trainingRows: number;
  bias: number;
  blockWeights: Record<FeatureBlock, number>;
  /** feature -> [idf, weight] */
  features: Record<string, [number, number]>;
  /** Platt scaling fitted on held-out newer debates: probability = σ(slope · z + intercept) */
  calibration: { slope: number; intercept: number };
}

export const DEFAULT_MODEL_PATH = repoPath('models/checkworthiness.json');

/** A word's own features as model ids (-1: not in the model), and the model's bigrams that open with it. */
interface WordFeatures {
  unigram: number;
  /** Its character n-grams in the model, in the order `charGrams` gives them, repeats kept. */
  grams: Int32Array;
  /** Σ idf · weight and Σ idf² over `grams`: what they add to the n-gram block when each is counted once in the text. */
  gramDot: number;
  gramNorm: number;
  /** Its number as the second word of the model's bigrams (-1: it closes none), which `bigrams` are keyed by. */
  follower: number;
  /** Bigram id by the number of the word that follows; none when the model has no bigram opening with this word. */
  bigrams: Map<number, number> | undefined;
}

/** Words remembered before the cache starts afresh (it holds a few MB at most). */
const WORD_CACHE_LIMIT = 100_000;

/** Logistic regression over per-block tf-idf features (see features.ts), calibrated. */
export class CheckworthinessModel {
  private readonly table: Map<string, [number, number]>;
  /** The model's features by number, word features first, then character n-grams, then linguistic features. */
  private readonly ids = new Map<string, number>();
  /** The ids of the character n-grams by the n-gram itself ("c:" left off, so a word's n-grams are looked up as cut). */
  private readonly gramIds = new Map<string, number>();
  /** Feature id's idf at 2·id, weight at 2·id + 1. */
  private readonly parameters: Float64Array;
  /** The first id of the character n-grams (the linguistic features follow them). */
  private readonly firstC: number;
  /**
   * Counts of the text being scored, by feature id, and the word and linguistic ids counted, in the order first seen:
   * `seen` up to `seenCount` (each id is seen once, so it never outgrows the model).
   */
  private readonly counts: Uint32Array;
  private readonly seen: Int32Array;
  private seenCount = 0;
  /**
   * The character n-grams, most of a text's features, are summed a word at a time from the word's own sums
   * (`WordFeatures.gramDot`, `gramNorm`) into the text's, as if each were counted once; only those counted again are
   * corrected at the end. An n-gram's count is valid while its stamp is the text's (`stamp`), so n-gram counts need
   * no clearing between texts.
   */
  private readonly gramStamps: Uint32Array;
  private stamp = 1;
  private readonly repeatedGrams: Int32Array;
  private repeatedCount = 0;
  private textGramDot = 0;
  private textGramNorm = 0;
  private readonly words = new Map<string, WordFeatures>();
  /**
   * The model's bigrams "w:a b" by a and the number of b, split at each space (a word may hold one); the second words
   * are numbered so that a bigram is looked up by a small integer rather than by a string.
   */
  private readonly bigrams = new Map<string, Map<number, number>>();
  private readonly followers = new Map<string, number>();
  /** The number of "</s>", the end of the text, as a second word (-1: no bigram closes a text). */
  private readonly endFollower: number;
  /** The word last read, whose features the next bigram starts from. */
  private lastWord: string | null = null;
  private lastFeatures: WordFeatures | null = null;
  /** Ids of the linguistic features by name without "l:", and of a part of speech alone and after another. */
  private readonly linguistic = new Map<string, number>();
  private readonly partsOfSpeech = new Map<string, { single: number; after: Map<string, number> }>();
  private readonly sink: FeatureSink;

  constructor(readonly json: CheckworthinessModelJson) {
    this.table = new Map(Object.entries(json.features));
    const size = this.table.size;
    this.parameters = new Float64Array(2 * size);
    this.counts = new Uint32Array(size);
    this.seen = new Int32Array(size);
    this.gramStamps = new Uint32Array(size);
    this.repeatedGrams = new Int32Array(size);
    const entries = [...this.table];
    const w = entries.filter(([key]) => key.charCodeAt(0) === W);
    const c = entries.filter(([key]) => key.charCodeAt(0) === C);
    const l = entries.filter(([key]) => key.charCodeAt(0) !== W && key.charCodeAt(0) !== C);
    this.firstC = w.length;
    [...w, ...c, ...l].forEach(([key, [idf, weight]], id) => {
      this.ids.set(key, id);
      this.parameters[2 * id] = idf;
      this.parameters[2 * id + 1] = weight;
      if (key.startsWith('c:')) this.gramIds.set(key.slice(2), id);
      if (!key.startsWith('w:')) return;
      for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
        const first = key.slice(2, space);
        const second = key.slice(space + 1);
        let follower = this.followers.get(second);
        if (follower === undefined) this.followers.set(second, (follower = this.followers.size));
        let after = this.bigrams.get(first);
        if (after === undefined) this.bigrams.set(first, (after = new Map()));
        after.set(follower, id);
      }
    });
    this.endFollower = this.followers.get('</s>') ?? -1;
    this.sink = {
      word: (word, previous) => {
        const before =
          previous === this.lastWord && this.lastFeatures ? this.lastFeatures : this.wordFeatures(previous);
        const features = this.wordFeatures(word);
        this.count(features.unigram);
        this.count(this.bigramId(before, features.follower));
        // A word's n-grams are all in the model: counted inline, the hottest loop of scoring.
        this.textGramDot += features.gramDot;
        this.textGramNorm += features.gramNorm;
        const { grams } = features;
        const { counts, gramStamps, repeatedGrams, stamp } = this;
        let { repeatedCount } = this;
        for (let i = 0; i < grams.length; i++) {
          const id = grams[i];
          if (gramStamps[id] !== stamp) {
            gramStamps[id] = stamp;
            counts[id] = 1;
          } else if (++counts[id] === 2) repeatedGrams[repeatedCount++] = id;
        }
        this.repeatedCount = repeatedCount;
        this.lastWord = word;
        this.lastFeatures = features;
      },
      end: (previous) => {
        const before =
          previous === this.lastWord && this.lastFeatures ? this.lastFeatures : this.wordFeatures(previous);
        this.count(this.bigramId(before, this.endFollower));
      },
      partOfSpeech: (pos, previous) => {
        let ids = this.partsOfSpeech.get(pos);
        if (ids === undefined) {
          ids = { single: this.ids.get('l:p:' + pos) ?? -1, after: new Map() };
          this.partsOfSpeech.set(pos, ids);
        }
        this.count(ids.single);
        let pair = ids.after.get(previous);
        if (pair === undefined) {
          pair = this.ids.get('l:pp:' + previous + '_' + pos) ?? -1;
          ids.after.set(previous, pair);
        }
        this.count(pair);
      },
      linguistic: (key) => {
        let id = this.linguistic.get(key);
        if (id === undefined) {
          id = this.ids.get('l:' + key) ?? -1;
          this.linguistic.set(key, id);
        }
        this.count(id);
      },
    };
  }

  static load(path = DEFAULT_MODEL_PATH): CheckworthinessModel {
    return new CheckworthinessModel(JSON.parse(readFileSync(path, 'utf8')) as CheckworthinessModelJson);
  }

  get threshold(): number {
    return this.json.threshold;
  }

  /**
   * `probability(extractFeatures(tokens, entities))` (to rounding in the last bits), without building the feature
   * names: features are counted by model id straight from the tokens (a word's n-grams looked up once per word) and
   * those outside the model skipped.
   */
  score(tokens: Token[], entities: EntitySpan[]): number {
    // The text before is cleared here rather than after it: also when its reading threw part-way.
    this.resetCounts();
    readFeatures(tokens, entities, this.sink);
    let dotW = 0,
      dotL = 0,
      normW = 0,
      normL = 0;
    const { counts, parameters, firstC, seen, seenCount } = this;
    for (let i = 0; i < seenCount; i++) {
      const id = seen[i];
      const count = counts[id];
      const value = (count === 1 ? 1 : 1 + Math.log(count)) * parameters[2 * id];
      if (id < firstC) {
        dotW += value * parameters[2 * id + 1];
        normW += value * value;
      } else {
        dotL += value * parameters[2 * id + 1];
        normL += value * value;
      }
    }
    let dotC = this.textGramDot,
      normC = this.textGramNorm;
    // An n-gram counted k times was summed as k of idf · weight and of idf²; its tf-idf value is (1 + ln k) · idf.
    for (let i = 0; i < this.repeatedCount; i++) {
      const id = this.repeatedGrams[i];
      const count = counts[id];
      const idf = parameters[2 * id];
      const value = (1 + Math.log(count)) * idf;
      dotC += (value - count * idf) * parameters[2 * id + 1];
      normC += value * value - count * idf * idf;
    }
    return this.calibrated(this.decision(dotW, dotC, dotL, normW, normC, normL));
  }

  scoreText(text: string): number {
    const { tokens, entities } = analyseText(text);
    return this.score(tokens, entities);
  }

  probability(terms: Map<string, number>): number {
    return this.calibrated(this.logit(terms));
  }

  /** The uncalibrated decision value. */
  logit(terms: Map<string, number>): number {
    // Hot path: plain locals per block instead of keyed records.
    let dotW = 0,
      dotC = 0,
      dotL = 0,
      normW = 0,
      normC = 0,
      normL = 0;
    for (const [key, count] of terms) {
      const entry = this.table.get(key);
      if (entry === undefined) continue;
      const value = (count === 1 ? 1 : 1 + Math.log(count)) * entry[0];
      const block = key.charCodeAt(0);
      if (block === W) {
        dotW += value * entry[1];
        normW += value * value;
      } else if (block === C) {
        dotC += value * entry[1];
        normC += value * value;
      } else {
        dotL += value * entry[1];
        normL += value * value;
      }
    }
    return this.decision(dotW, dotC, dotL, normW, normC, normL);
  }

  private calibrated(z: number): number {
    const { slope, intercept } = this.json.calibration;
    return 1 / (1 + Math.exp(-(slope * z + intercept)));
  }

  private decision(dotW: number, dotC: number, dotL: number, normW: number, normC: number, normL: number): number {
    const weights = this.json.blockWeights;
    let z = this.json.bias;
    if (normW > 0) z += (weights.w * dotW) / Math.sqrt(normW);
    if (normC > 0) z += (weights.c * dotC) / Math.sqrt(normC);
    if (normL > 0) z += (weights.l * dotL) / Math.sqrt(normL);
    return z;
  }

  private bigramId(first: WordFeatures, follower: number): number {
    return follower < 0 ? -1 : (first.bigrams?.get(follower) ?? -1);
  }

  private count(id: number): void {
    if (id >= 0 && this.counts[id]++ === 0) this.seen[this.seenCount++] = id;
  }

  private resetCounts(): void {
    for (let i = 0; i < this.seenCount; i++) this.counts[this.seen[i]] = 0;
    this.seenCount = 0;
    this.repeatedCount = 0;
    this.textGramDot = 0;
    this.textGramNorm = 0;
    // A new stamp makes every n-gram's count stale at once; at the end of the stamps' range they start afresh.
    if (++this.stamp === 0xffffffff) {
      this.gramStamps.fill(0);
      this.stamp = 1;
    }
  }

  private wordFeatures(word: string): WordFeatures {
    let features = this.words.get(word);
    if (features === undefined) {
      if (this.words.size >= WORD_CACHE_LIMIT) this.words.clear();
      const grams: number[] = [];
      charGrams(word, (gram) => {
        const id = this.gramIds.get(gram);
        if (id !== undefined) grams.push(id);
      });
      let gramDot = 0;
      let gramNorm = 0;
      for (const id of grams) {
        gramDot += this.parameters[2 * id] * this.parameters[2 * id + 1];
        gramNorm += this.parameters[2 * id] * this.parameters[2 * id];
      }
      features = {
        unigram: this.ids.get('w:' + word) ?? -1,
        grams: Int32Array.from(grams),
        gramDot,
        gramNorm,
        follower: this.followers.get(word) ?? -1,
        bigrams: this.bigrams.get(word),
      };
      this.words.set(word, features);
    }
    return features;
  }
}

const W = 'w'.charCodeAt(0);
const C = 'c'.charCodeAt(0);
