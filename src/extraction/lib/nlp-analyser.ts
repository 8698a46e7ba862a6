import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  value: string;
  lower: string;
  lemma: string;
  pos: string;
  type: string;
  start: number;
  end: number;
}

export interface EntitySpan {
  text: string;
  type: string;
  start: number;
  end: number;
}

export interface AnalysedSentence {
  start: number;
  end: number;
  tokens: Token[];
  entities: EntitySpan[];
}

// Sentences, parts of speech and entities: the reading never asks for negation or sentiment, so wink does not work them out.
const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
const its = nlp.its;

// wink's tokenizer is quadratic in the length of a single token, so longer runs bypass it.
const MAX_RUN = 200;
const POSSESSIVE = /^(\p{L}[\p{L}.-]*)(['’][sS])$/u;

/** Tokens, POS, lemmas and entities for one line of text, with offsets into the body (base = line start). */
export function analyseLine(line: string, base: number): AnalysedSentence[] {
  const sentences: AnalysedSentence[] = [];
  let from = 0;
  for (const match of longRuns(line)) {
    sentences.push(...analyseSegment(line.slice(from, match.index), base + from));
    const start = base + match.index;
    const value = match.value;
    const token: Token = {
      value,
      lower: value.toLowerCase(),
      lemma: value.toLowerCase(),
      pos: 'X',
      type: 'word',
      start,
      end: start + value.length,
    };
    sentences.push({ start, end: token.end, tokens: [token], entities: [] });
    from = match.index + value.length;
  }
  sentences.push(...analyseSegment(line.slice(from), base + from));
  return sentences;
}

function analyseSegment(text: string, base: number): AnalysedSentence[] {
  if (text.trim() === '') return [];
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const spaces = doc.tokens().out(its.precedingSpaces);
  const pos = doc.tokens().out(its.pos);
  const types = doc.tokens().out(its.type);
  // wink's typings omit lemma from ItsFunction although it is one.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value);
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    if (!text.startsWith(values[i], offset)) {
      // wink normalises some input (e.g. combining marks); resynchronise on the raw text.
      const found = text.indexOf(values[i], offset);
      if (found >= 0 && found - offset < 8) offset = found;
    }
    starts.push(Math.min(offset, text.length));
    offset = Math.min(offset + values[i].length, text.length);
    ends.push(offset);
  }
  const entityTypes = doc.entities().out(its.type);
  const allEntities = (doc.entities().out(its.span) as number[][]).map(([a, b], k) => ({
    first: a,
    last: b,
    type: entityTypes[k],
  }));
  const entitiesInOrder = allEntities.every((e, k) => k === 0 || allEntities[k - 1].first <= e.first);
  let nextEntity = 0;
  let previousFirst = 0;
  const sentences: AnalysedSentence[] = [];
  for (const [first, last] of doc.sentences().out(its.span) as number[][]) {
    const tokens: Token[] = [];
    for (let i = first; i <= last; i++) {
      if (types[i] === 'tabCRLF' || ends[i] <= starts[i] || isBlank(text, starts[i], ends[i])) continue;
      const possessive = endsInApostropheS(values[i]) ? POSSESSIVE.exec(values[i]) : null;
      if (possessive && ends[i] - starts[i] === values[i].length) {
        // wink's cache sometimes learns "Benson's" as one token after seeing it elsewhere; split it so output does not depend on history.
        const name = possessive[1];
        const split = base + starts[i] + name.length;
        tokens.push({
          value: name,
          lower: name.toLowerCase(),
          lemma: name.toLowerCase(),
          pos: /^\p{Lu}/u.test(name) ? 'PROPN' : 'NOUN',
          type: 'word',
          start: base + starts[i],
          end: split,
        });
        tokens.push({
          value: possessive[2],
          lower: possessive[2].toLowerCase(),
          lemma: possessive[2].toLowerCase(),
          pos: 'PART',
          type: 'word',
          start: split,
          end: base + ends[i],
        });
        continue;
      }
      tokens.push({
        value: values[i],
        lower: values[i].toLowerCase(),
        lemma: lemmas[i],
        pos: pos[i],
        type: types[i],
        start: base + starts[i],
        end: base + ends[i],
      });
    }
    if (tokens.length === 0) continue;
    // Entities come in text order, like sentences: skip those before this sentence, take those that start in it.
    if (!entitiesInOrder || first < previousFirst) nextEntity = 0;
    previousFirst = first;
    while (nextEntity < allEntities.length && allEntities[nextEntity].first < first) nextEntity++;
    let entityEnd = nextEntity;
    while (entityEnd < allEntities.length && allEntities[entityEnd].first <= last) entityEnd++;
    const inSentence = entitiesInOrder
      ? allEntities.slice(nextEntity, entityEnd)
      : allEntities.filter((e) => e.first >= first && e.first <= last);
    const entities = inSentence.map((e) => ({
      text: text.slice(starts[e.first], ends[e.last]),
      type: e.type,
      start: base + starts[e.first],
      end: base + ends[e.last],
    }));
    sentences.push({ start: tokens[0].start, end: tokens[tokens.length - 1].end, tokens, entities });
  }
  return sentences;
}

/** The runs of more than MAX_RUN characters without white space (`/\S{201,}/g`), found in one pass. */
function longRuns(line: string): { index: number; value: string }[] {
  const runs: { index: number; value: string }[] = [];
  if (line.length <= MAX_RUN) return runs;
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && !isWhiteSpace(line, i)) continue;
    if (i - start > MAX_RUN) runs.push({ index: start, value: line.slice(start, i) });
    start = i + 1;
  }
  return runs;
}

/** Whether text[from, to) is all white space (as `trim` reads it), without cutting it out. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhiteSpace(text, i)) return false;
  return true;
}

function isWhiteSpace(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // Every white space character is a space or below it, or at U+00A0 or above.
  return (code <= 32 || code >= 160) && WHITE_SPACE.test(text[i]);
}

const WHITE_SPACE = /^\s$/;

/** The cheap test before POSSESSIVE: a value that ends in 's or ’s. */
function endsInApostropheS(value: string): boolean {
  const n = value.length;
  if (n < 3) return false;
  const s = value.charCodeAt(n - 1);
  const apostrophe = value.charCodeAt(n - 2);
  return (s === 115 || s === 83) && (apostrophe === 39 || apostrophe === 0x2019);
}
