import { spanOfPassage } from './passage-span';

describe('spanOfPassage', () => {
  const body =
    'Talks resumed on Monday.\r\nThe ceasefire held for 12 days. Officials said the ceasefire held for 12 days.';

  it('finds a passage that occurs once, whitespace aside', () => {
    const match = spanOfPassage(body, '  Talks resumed\non Monday. ');
    expect(match).toEqual({ ok: true, span: { start: 0, end: 24 } });
  });

  it('matches across a line break the browser turned from \\r\\n into \\n', () => {
    const match = spanOfPassage(body, 'on Monday.\nThe ceasefire');
    expect(match.ok && body.slice(match.span.start, match.span.end)).toBe('on Monday.\r\nThe ceasefire');
  });

  it('keeps the selection’s own offsets when they hold the passage', () => {
    const start = body.lastIndexOf('the ceasefire held');
    const match = spanOfPassage(body, 'the ceasefire held', { start, end: start + 18 });
    expect(match).toEqual({ ok: true, span: { start, end: start + 18 } });
  });

  it('refuses a passage that occurs twice without offsets, and picks the nearest occurrence with them', () => {
    expect(spanOfPassage(body, 'held for 12 days')).toEqual({ ok: false, problem: 'ambiguous' });
    const second = body.lastIndexOf('held for 12 days');
    const match = spanOfPassage(body, 'held for 12 days', { start: second - 3, end: second + 10 });
    expect(match).toEqual({ ok: true, span: { start: second, end: second + 16 } });
  });

  it('says when the passage is not in the body or holds no text', () => {
    expect(spanOfPassage(body, 'a sentence the article never had')).toEqual({ ok: false, problem: 'not_found' });
    expect(spanOfPassage(body, ' \n ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('takes regular-expression characters literally', () => {
    expect(spanOfPassage('Growth (in %) was 3.5* points.', '(in %) was 3.5*')).toEqual({
      ok: true,
      span: { start: 7, end: 22 },
    });
  });

  it('maps a hit back over runs of whitespace, tabs and non-breaking spaces in the body', () => {
    const text = 'One.\r\n\r\nThe  rate\u00a0fell\tto 4.1 percent. Two.';
    const match = spanOfPassage(text, 'The rate fell to 4.1 percent.');
    expect(match).toEqual({ ok: true, span: { start: 8, end: 38 } });
    expect(match.ok && text.slice(match.span.start, match.span.end)).toBe('The  rate\u00a0fell\tto 4.1 percent.');
  });

  it('counts occurrences that do not overlap, as a reader would', () => {
    expect(spanOfPassage('aaa', 'aa')).toEqual({ ok: true, span: { start: 0, end: 2 } });
    expect(spanOfPassage('aa aa', 'aa', { start: 2, end: 3 })).toEqual({ ok: true, span: { start: 3, end: 5 } });
  });

  it('finds a 10,000-character passage of words that all start alike without overflowing the stack', () => {
    const passage = `${'a '.repeat(4999)}b`;
    const text = `Before. ${'a  '.repeat(5000)}${passage.replace(/ /g, '\n')} After.`;
    const match = spanOfPassage(text, passage);
    expect(match.ok && text.slice(match.span.start, match.span.end).replace(/\s+/g, ' ')).toBe(passage);
  });

  it('finds a passage in a megabyte of one letter, where it differs from the rest by one letter', () => {
    const text = `${'a'.repeat(999_999)}b`;
    const passage = `${'a'.repeat(50)}b${'a'.repeat(9_949)}`;
    expect(spanOfPassage(text, passage)).toEqual({ ok: false, problem: 'not_found' });
    expect(spanOfPassage(text, `${'a'.repeat(9_999)}b`)).toEqual({
      ok: true,
      span: { start: 990_000, end: 1_000_000 },
    });
  });
});
