import { ClaimExtractor } from '../../src/extraction/lib/claim-extractor';
import { averagePrecision, transcriptAveragePrecisions } from './claim-evaluation';

describe('averagePrecision', () => {
  it('is 1 when the check-worthy lines rank first, and lower the later they come', () => {
    expect(averagePrecision([0.9, 0.8, 0.1], [1, 1, 0])).toBe(1);
    expect(averagePrecision([0.1, 0.8, 0.9], [1, 0, 0])).toBeCloseTo(1 / 3);
    expect(averagePrecision([0.2, 0.9, 0.5], [1, 0, 1])).toBeCloseTo((1 / 2 + 2 / 3) / 2);
  });

  it('keeps the transcript order between equal scores, and has nothing to say without a check-worthy line', () => {
    expect(averagePrecision([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(averagePrecision([0.5, 0.5], [0, 0])).toBeNull();
  });
});

describe('transcriptAveragePrecisions', () => {
  it('ranks the lines of a section posted as one article, each by its best claim', () => {
    const rows = [
      { Sentence_id: '3', Text: 'Thank you all so much.', class_label: 'No' },
      { Sentence_id: '1', Text: 'Unemployment fell to 3.5 percent in 2023.', class_label: 'Yes' },
      { Sentence_id: '2', Text: 'Good evening, everyone.', class_label: 'No' },
    ];
    const { inArticle, lineAlone } = transcriptAveragePrecisions(new ClaimExtractor(), rows);

    expect(inArticle).toEqual([1]);
    expect(lineAlone).toEqual([1]);
  });
});
