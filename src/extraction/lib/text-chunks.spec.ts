import { readFileSync } from 'fs';
import { DEMO_ARTICLE_PATH } from '../../common/repo-paths';
import { ClaimExtractor, type ExtractedClaim } from './claim-extractor';
import { chunkText, joinPieces } from './text-chunks';

describe('chunkText', () => {
  const joined = (text: string, max: number) => chunkText(text, max).map((r) => text.slice(r.start, r.end));

  it('keeps a text that fits as one range', () => {
    expect(chunkText('One line.\nTwo lines.', 100)).toEqual([{ start: 0, end: 20 }]);
  });

  it('cuts after line breaks, covering the text exactly once and never over the limit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Sentence number ${i} is here.`).join('\n');
    const pieces = joined(text, 120);

    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length <= 120)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => p.endsWith('\n'))).toBe(true);
  });

  it('cuts a long line at a space, and a text without spaces outside surrogate pairs', () => {
    const line = 'word '.repeat(100);
    expect(joined(line, 42).every((p, i, all) => p.length <= 42 && (i === all.length - 1 || p.endsWith(' ')))).toBe(
      true,
    );
    const emoji = '😀'.repeat(30);
    const pieces = joined(emoji, 7);
    expect(pieces.join('')).toBe(emoji);
    expect(pieces.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe('joinPieces', () => {
  it('extracts a text piece by piece exactly as in one go, but for claimants carried across a cut', () => {
    const extractor = new ClaimExtractor();
    const body = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
    const ranges = chunkText(body, 600);
    const pieces = ranges.map((r) => extractor.extractCounted(body.slice(r.start, r.end), { minCheckworthiness: 0 }));
    const withoutClaimant = ({ claimant: _, ...claim }: ExtractedClaim) => claim;

    expect(ranges.length).toBeGreaterThan(4);
    expect(joinPieces(ranges, pieces).map(withoutClaimant)).toEqual(
      extractor.extract(body, { minCheckworthiness: 0 }).map(withoutClaimant),
    );
  });
});
