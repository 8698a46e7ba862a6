import { splitSentences } from './sentence-splitter';

const texts = (body: string) => splitSentences(body).map((s) => body.slice(s.start, s.end));

describe('splitSentences', () => {
  it('makes the headline line its own sentence', () => {
    expect(texts('Officials Broach Peace Talks\n\nThe move is notable. It is new.')).toEqual([
      'Officials Broach Peace Talks',
      'The move is notable.',
      'It is new.',
    ]);
  });

  it('does not break at abbreviations such as Gen., Mr., U.S. and No. 2', () => {
    const body = 'Gen. Valery Zaluzhny met Mr. Smith in the U.S. on Friday. He is No. 2 in the army.';

    expect(texts(body)).toEqual([
      'Gen. Valery Zaluzhny met Mr. Smith in the U.S. on Friday.',
      'He is No. 2 in the army.',
    ]);
  });

  it('ends a sentence at every line break, including CRLF', () => {
    expect(texts('First line without stop\r\nSecond line here')).toEqual([
      'First line without stop',
      'Second line here',
    ]);
  });

  it('marks the sentences of a quote that runs over several sentences', () => {
    const sentences = splitSentences(
      'An aide said, “We’re out of options. We’re not winning. But try telling him that.”',
    );

    expect(sentences.map((s) => [s.startsInsideQuote, s.endsInsideQuote])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  it('keeps the speaker after a closing quote in the quoted sentence', () => {
    expect(texts('“Nothing could happen,” he said. Then he left.')).toEqual([
      '“Nothing could happen,” he said.',
      'Then he left.',
    ]);
  });
});
