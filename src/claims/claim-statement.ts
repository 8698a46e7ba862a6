import { clip } from '../common/text-rules';

/** A claim's words: `text` is its span of the article; `statement`, where stored, is the claim stated on its own. */
export interface ClaimWords {
  text: string;
  statement?: string | null;
}

/** The claim as a reader would state it on its own: the stored statement, or else the text. */
export function statementOf(claim: ClaimWords): string {
  return claim.statement || claim.text;
}

/** A statement is stored only where it says more than the text: NULL reads as the text. */
export function storedStatement(claim: ClaimWords): string | null {
  return claim.statement && claim.statement !== claim.text ? claim.statement : null;
}

/** The statement for a list: cut to at most `max` characters, an ellipsis where it is cut. */
export function shortStatement(claim: ClaimWords, max: number): string {
  const statement = statementOf(claim);
  return statement.length > max ? `${clip(statement, max - 3)}…` : statement;
}
