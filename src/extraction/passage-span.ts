export interface Span {
  start: number;
  end: number;
}

export type PassageMatch = { ok: true; span: Span } | { ok: false; problem: 'empty' | 'not_found' | 'ambiguous' };

const squeezed = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * Where a passage someone copied or selected sits in the body. Whitespace may differ (a browser turns `\r\n` into `\n`
 * and a pasted passage may wrap differently); the selection's own offsets (`near`) win when they hold the passage, and
 * pick among several occurrences otherwise.
 */
export function spanOfPassage(body: string, passage: string, near?: Span): PassageMatch {
  const wanted = squeezed(passage);
  if (!wanted) return { ok: false, problem: 'empty' };
  if (
    near &&
    near.end > near.start &&
    near.end <= body.length &&
    squeezed(body.slice(near.start, near.end)) === wanted
  ) {
    return { ok: true, span: near };
  }
  const pattern = new RegExp(wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'g');
  const found = [...body.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (found.length === 0) return { ok: false, problem: 'not_found' };
  if (found.length === 1) return { ok: true, span: found[0] };
  if (!near) return { ok: false, problem: 'ambiguous' };
  const nearest = found.reduce((best, span) =>
    Math.abs(span.start - near.start) < Math.abs(best.start - near.start) ? span : best,
  );
  return { ok: true, span: nearest };
}
