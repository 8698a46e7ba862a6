import type { Principal } from '../../auth/principal';
import { mayDecideOn } from '../../claims/claim-state-machine';
import type { ClaimStatus } from '../../claims/claim-status';
import { toMatchResponse } from '../../fact-checks/fact-check.response';
import type { StoredMatch } from '../../fact-checks/fact-checks.repository';
import { verdictOfMatch } from '../../fact-checks/rating-verdict';
import { html, safeHref, type Html } from './html';
import { sourceLink } from './claim-views';
import { csrfField } from './layout';
import { STATUS_LABELS } from './status';

/** A matched desk claim's status; a withdrawn one says which it had, since its verdict and sources still inform. */
function claimStatusOf(match: StoredMatch): string {
  return match.status === 'withdrawn' && match.statusHad && match.statusHad !== 'withdrawn'
    ? `withdrawn, was ${match.statusHad}`
    : (match.status ?? '');
}

/** The page a decision returns to (ui-matches.controller.ts). */
export type SeenBeforeOrigin = 'review' | 'article';

/**
 * The "Seen before" panel: a claim's matches, best first, each open one with Confirm (the claim takes the match's
 * verdict, the fact-check as its source) when the match names a verdict, and Reject. Plain form posts: no script needed.
 */
export function seenBeforePanel(
  claim: { id: string; status: ClaimStatus; assigneeId: string | null; lastVerdictReviewerId: string | null },
  matches: StoredMatch[],
  principal: Principal,
  back: SeenBeforeOrigin,
): Html {
  const claimId = claim.id;
  // Only those who may give or revise the claim's verdict see the buttons (the decision service refuses the others).
  const decides = mayDecideOn(principal.role, principal.reviewerId, claim);
  const action = (matchId: string, decision: 'confirm' | 'reject') =>
    `/ui/claims/${claimId}/matches/${matchId}/${decision}?back=${back}`;
  return html`<section class="seen-before" id="seen-before" aria-label="Seen before">
    <h3>Seen before</h3>
    ${
      matches.length === 0
        ? html`<p class="muted">No earlier verdict or fact-check matches this claim.</p>`
        : html`<ol class="matches">${matches.map((stored) => {
            const m = toMatchResponse(stored);
            const href = safeHref(m.url);
            const label =
              m.kind === 'fact-check'
                ? `fact-check · ${m.rating ?? 'unrated'}`
                : `${m.sameText ? 'same claim' : m.sameClaim ? 'same claim, other words' : 'desk claim'} · ${claimStatusOf(stored)}`;
            const verdict = verdictOfMatch(stored);
            return html`<li data-match-id="${m.id}"><span class="muted">${label} · score ${m.score.toFixed(2)}${m.state === 'confirmed' ? ' · confirmed' : ''}</span><br>
            ${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${m.text}</a>` : m.kind === 'claim' && m.articleId ? html`<a href="/ui/articles/${m.articleId}?claim=${m.claimId ?? ''}">${m.text}</a>` : m.text}
            ${m.kind === 'claim' && stored.sourcesHad.length ? html`<ul class="sources">${stored.sourcesHad.map((s) => html`<li>${sourceLink(s)}</li>`)}</ul>` : ''}
            ${
              decides && m.state === 'suggested'
                ? html`<div class="match-actions">
                  ${verdict ? html`<form method="post" action="${action(m.id, 'confirm')}">${csrfField(principal)}<button type="submit" class="primary">Confirm: ${STATUS_LABELS[verdict].label.toLowerCase()}</button></form>` : ''}
                  <form method="post" action="${action(m.id, 'reject')}">${csrfField(principal)}<button type="submit">Reject</button></form>
                </div>`
                : ''
            }</li>`;
          })}</ol>`
    }
  </section>`;
}
