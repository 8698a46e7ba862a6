/** What the extractor tells about a claim; the claim owns these types, the extractor fills them. */
export type ClaimType = 'quantity' | 'causal' | 'prediction' | 'rule' | 'attribution' | 'experience' | 'other';

export interface ExtractedEntity {
  text: string;
  type: string;
  start: number;
  end: number;
}
