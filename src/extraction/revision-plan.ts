import type { ExtractedClaim } from './lib/claim-extractor';

export interface ExistingClaim {
  id: string;
  text: string;
  status: string;
}

export interface RevisionPlan {
  /** Claims new to this revision. */
  create: ExtractedClaim[];
  /** Claims whose text is unchanged: they keep id, status, assignment and history; offsets move. */
  keep: { id: string; claim: ExtractedClaim }[];
  /** Claims gone from the text. */
  withdraw: string[];
}

/** Matches a revision's claims to the article's current ones by exact text, in order. */
export function planRevision(existing: ExistingClaim[], extracted: ExtractedClaim[]): RevisionPlan {
  const byText = new Map<string, string[]>();
  for (const claim of existing) {
    if (claim.status === 'withdrawn') continue;
    byText.set(claim.text, [...(byText.get(claim.text) ?? []), claim.id]);
  }
  const plan: RevisionPlan = { create: [], keep: [], withdraw: [] };
  for (const claim of extracted) {
    const id = byText.get(claim.text)?.shift();
    if (id) plan.keep.push({ id, claim });
    else plan.create.push(claim);
  }
  for (const ids of byText.values()) plan.withdraw.push(...ids);
  return plan;
}
