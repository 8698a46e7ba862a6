import { AnalysedSentence, analyseLine } from './nlp-analyser';

export interface Sentence extends AnalysedSentence {
  index: number;
  /** Index of the line (paragraph) the sentence sits in; line breaks always end a sentence. */
  line: number;
  startsInsideQuote: boolean;
  endsInsideQuote: boolean;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\v\f\x85]/g;

export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  let line = 0;
  const lines: [number, number][] = [];
  for (const match of body.matchAll(LINE_BREAK)) {
    lines.push([lineStart, match.index]);
    lineStart = match.index + match[0].length;
  }
  lines.push([lineStart, body.length]);
  for (const [start, end] of lines) {
    const text = body.slice(start, end);
    if (text.trim() === '') continue;
    let insideQuote = false;
    for (const analysed of mergeFragments(analyseLine(text, start), body)) {
      const startsInsideQuote = insideQuote;
      insideQuote = quoteStateAfter(analysed, insideQuote);
      sentences.push({
        start: analysed.start,
        end: analysed.end,
        tokens: analysed.tokens,
        entities: analysed.entities,
        index: sentences.length,
        line,
        startsInsideQuote,
        endsInsideQuote: insideQuote,
      });
    }
    line++;
  }
  return sentences;
}

// Straight double quotes toggle; curly and guillemet quotes open and close. Single quotes are left alone: ’ is mostly an apostrophe.
function quoteStateAfter(sentence: AnalysedSentence, insideAtStart: boolean): boolean {
  let inside = insideAtStart;
  for (const token of sentence.tokens) {
    if (token.value === '"') inside = !inside;
    else if (token.value === '“' || token.value === '«') inside = true;
    else if (token.value === '”' || token.value === '»') inside = false;
  }
  return inside;
}

// wink ends a sentence at a quoted full stop even when the speaker follows ("… winning,” he said).
function mergeFragments(sentences: AnalysedSentence[], body: string): AnalysedSentence[] {
  const merged: AnalysedSentence[] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    const first = body[sentence.start];
    const continues =
      previous &&
      (/^[a-z]/.test(first) || /^[,;:)\]”’]/.test(first)) &&
      previous.tokens[0].pos !== 'X' &&
      sentence.tokens[0].pos !== 'X';
    if (continues) {
      merged[merged.length - 1] = {
        start: previous.start,
        end: sentence.end,
        tokens: [...previous.tokens, ...sentence.tokens],
        entities: [...previous.entities, ...sentence.entities],
      };
    } else {
      merged.push(sentence);
    }
  }
  return merged;
}
