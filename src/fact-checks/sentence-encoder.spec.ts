import { cosine } from './match-features';
import { SentenceEncoder, sentenceFingerprint } from './sentence-encoder';

describe('SentenceEncoder (the packaged Universal Sentence Encoder, run here in its thread)', () => {
  const encoder = new SentenceEncoder();
  afterAll(() => encoder.onModuleDestroy());

  it('puts a claim in other words closer than one that shares its words but says something else', async () => {
    const [claim, reworded, sameWords] = await encoder.encode([
      'Health officials say the jab is safe for children.',
      'The vaccine poses no danger to kids, according to the health authorities.',
      'Officials say children are safe to play in the health center garden.',
    ]);
    expect(cosine(claim, reworded)).toBeGreaterThan(cosine(claim, sameWords));
  });

  it('encodes a text the same way every time, as 512 signed bytes of a unit vector, and an empty one too', async () => {
    const [first, again, empty] = await encoder.encode([
      'The ferry carries 9,000 passengers a day.',
      'The ferry carries 9,000 passengers a day.',
      '',
    ]);
    expect(first).toHaveLength(512);
    expect([...again]).toEqual([...first]);
    expect(cosine(first, again)).toBeCloseTo(1, 6);
    expect(Math.max(...first.map(Math.abs))).toBeLessThanOrEqual(127);
    expect(empty).toHaveLength(512);
  });

  it('encodes batches larger than one call takes, in order', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `Claim number ${i} about the city budget.`);
    const batched = await encoder.encode(texts);
    const [last] = await encoder.encode([texts[69]]);
    expect(batched).toHaveLength(70);
    expect(cosine(batched[69], last)).toBeCloseTo(1, 2);
  });

  it('fingerprints the texts it encoded, so an edited fact-check is encoded again', () => {
    expect(sentenceFingerprint('a', 'b')).toBe(sentenceFingerprint('a', 'b'));
    expect(sentenceFingerprint('a', 'b')).not.toBe(sentenceFingerprint('a', 'c'));
    // A claim holding a line break is not a claim and headline.
    expect(sentenceFingerprint('a\nb', '')).not.toBe(sentenceFingerprint('a', 'b'));
  });

  it('encodes nothing for no texts, without starting its thread', async () => {
    const idle = new SentenceEncoder();
    expect(await idle.encode([])).toEqual([]);
    await idle.onModuleDestroy();
  });
});
