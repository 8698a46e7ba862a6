import { CANDIDATE } from '../claims/claim-status';
import type { ExtractedClaim } from './lib/claim-extractor';

export interface ExistingClaim {
  id: string;
  text: string;
  status: string;
}

export type KeptPlacement = Pick<ExtractedClaim, 'ordinal' | 'start' | 'end' | 'sentenceIndex'>;

export interface RevisionPlan {
  /** Claims new to this revision. */
  create: ExtractedClaim[];
  /** Claims whose text is unchanged: they keep id, status, assignment and history; offsets move. */
  keep: { id: string; claim: KeptPlacement }[];
  /** Claims gone from the text. */
  withdraw: string[];
  /** Candidates gone from the text: never claims, so they are dropped rather than withdrawn. */
  drop: string[];
}

/**
 * Matches a revision's claims and candidates to the article's current ones by exact text, in order; a kept one keeps
 * its status (a candidate stays one until promoted, a claim is not demoted by a lower score). A current one the
 * extractor did not produce this time (an editor's, or one under today's threshold) is kept too while its text is
 * still in the body.
 */
export function planRevision(existing: ExistingClaim[], extracted: ExtractedClaim[], body: string): RevisionPlan {
  const byText = new Map<string, string[]>();
  for (const claim of existing) {
    if (claim.status === 'withdrawn') continue;
    byText.set(claim.text, [...(byText.get(claim.text) ?? []), claim.id]);
  }
  const plan: RevisionPlan = { create: [], keep: [], withdraw: [], drop: [] };
  const statuses = new Map(existing.map((c) => [c.id, c.status]));
  for (const claim of extracted) {
    const id = byText.get(claim.text)?.shift();
    if (id) plan.keep.push({ id, claim });
    else plan.create.push(claim);
  }
  const texts = new Map(existing.map((c) => [c.id, c.text]));
  const taken = plan.keep.map((k) => [k.claim.start, k.claim.end]);
  let ordinal = extracted.length;
  for (const id of [...byText.values()].flat()) {
    const start = findFreeOccurrence(body, texts.get(id)!, taken);
    if (start < 0) {
      (statuses.get(id) === CANDIDATE ? plan.drop : plan.withdraw).push(id);
      continue;
    }
    const end = start + texts.get(id)!.length;
    taken.push([start, end]);
    const before = extracted.filter((c) => c.start <= start).pop();
    plan.keep.push({ id, claim: { ordinal: ordinal++, start, end, sentenceIndex: before?.sentenceIndex ?? 0 } });
  }
  return plan;
}

function findFreeOccurrence(body: string, text: string, taken: number[][]): number {
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
    if (!taken.some(([start, end]) => at < end && at + text.length > start)) return at;
  }
  return -1;
}
