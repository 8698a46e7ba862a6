import { CheckworthinessModel } from './checkworthiness-model';
import { analyseText, extractFeatures } from './features';
import type { Token } from './nlp-analyser';

describe('CheckworthinessModel', () => {
  const model = CheckworthinessModel.load();
  const expectScoredAsFeatureMap = (text: string) => {
    const { tokens, entities } = analyseText(text);
    expect(model.score(tokens, entities)).toBeCloseTo(model.probability(extractFeatures(tokens, entities)), 12);
  };

  it('scores tokens as it scores their feature map (to rounding in the last bits), repeated words and sentences alike', () => {
    const texts = [
      'Unemployment fell to 4.2 percent in 2019, the lowest rate in 50 years.',
      'I think we should, we really should, do more for the people who need it most.',
      '“We will cut taxes by $2 trillion,” she said, and he said that he would not.',
      'Unemployment fell to 4.2 percent in 2019, the lowest rate in 50 years.',
      'the the the the the the',
      // N-grams repeated inside one word; words past the tokens the model reads; nothing at all.
      'Mississippi banana assassinations',
      'the '.repeat(90),
      '',
    ];
    for (const text of texts) expectScoredAsFeatureMap(text);
  });

  it('scores a text as a fresh one after a reading that threw part-way', () => {
    const text = 'Inflation rose to 9 percent, the highest in 40 years, officials said.';
    const { tokens, entities } = analyseText(text);
    const broken = tokens.map((t) => (t.value === 'highest' ? ({ ...t, lower: undefined } as unknown as Token) : t));
    expect(() => model.score(broken, entities)).toThrow();
    expectScoredAsFeatureMap(text);
    expectScoredAsFeatureMap('the the the the the the');
  });
});
