import { CheckworthinessModel } from './checkworthiness-model';
import { analyseText, extractFeatures } from './features';

describe('CheckworthinessModel', () => {
  const model = CheckworthinessModel.load();

  it('scores tokens as it scores their feature map (to rounding in the last bits), repeated words and sentences alike', () => {
    const texts = [
      'Unemployment fell to 4.2 percent in 2019, the lowest rate in 50 years.',
      'I think we should, we really should, do more for the people who need it most.',
      '“We will cut taxes by $2 trillion,” she said, and he said that he would not.',
      'Unemployment fell to 4.2 percent in 2019, the lowest rate in 50 years.',
      'the the the the the the',
    ];
    for (const text of texts) {
      const { tokens, entities } = analyseText(text);
      expect(model.score(tokens, entities)).toBeCloseTo(model.probability(extractFeatures(tokens, entities)), 12);
    }
  });
});
