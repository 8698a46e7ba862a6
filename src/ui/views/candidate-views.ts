import { shortStatement } from '../../claims/claim-statement';
import type { Principal } from '../../auth/principal';
import type { ClaimEntity } from '../../claims/claim.entity';
import { html, type Html } from './html';
import { csrfField } from './layout';

const PROMOTERS = new Set(['admin', 'editor']);

/** One step from candidate to claim in review, for the roles that may take it (a plain form: PRG). */
export function promoteForm(candidate: ClaimEntity, principal: Principal): Html | '' {
  if (!PROMOTERS.has(principal.role)) return '';
  return html`<form class="promote" method="post" action="/ui/claims/${candidate.id}/promote">${csrfField(principal)}<button type="submit" data-promote="${candidate.id}">Promote</button></form>`;
}

/** The sentences scored below the threshold, faint in the text and listed here with their scores. */
export function candidatePanel(
  candidates: ClaimEntity[],
  principal: Principal,
  hrefOf: (claim: ClaimEntity) => string,
): Html | '' {
  if (candidates.length === 0) return '';
  return html`<details class="candidates" open><summary>${candidates.length} candidate${candidates.length > 1 ? 's' : ''} below the threshold</summary>
    <p class="muted legend-line"><span class="swatch candidate-swatch" aria-hidden="true"></span> Faint in the text: not queued or counted until promoted.</p>
    <ul class="candidate-list">${candidates.map(
      (c) => html`<li data-candidate-id="${c.id}"><a href="${hrefOf(c)}">${shortStatement(c, 110)}</a>
        <span class="muted">score ${c.checkworthiness.toFixed(2)}</span>${promoteForm(c, principal)}</li>`,
    )}</ul></details>`;
}
