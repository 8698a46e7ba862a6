import type { Principal } from '../../auth/principal';
import { checkMove, moversFor } from '../../claims/claim-state-machine';
import type { ClaimStatus } from '../../claims/claim-status';
import type { ClaimEntity } from '../../claims/claim.entity';
import type { NamedRecord } from '../pages.repository';
import { html, type Html } from './html';
import { csrfField } from './layout';

/**
 * Add as claim: a plain form (paste the passage) that the page's script fills from a selection in the text, with
 * the selection's offsets, so the exact span is posted.
 */
export function addClaimForm(articleId: string, principal: Principal): Html {
  return html`<form class="add-claim panel" id="add-claim" method="post" action="/ui/articles/${articleId}/claims" aria-labelledby="add-claim-heading">
    ${csrfField(principal)}
    <h2 id="add-claim-heading">Add a claim</h2>
    <p class="hint muted" id="add-claim-hint">Select a passage in the text (or paste it here) that the extractor missed.</p>
    <label for="passage">Passage</label>
    <textarea id="passage" name="passage" rows="3" maxlength="10000" required aria-describedby="add-claim-hint"></textarea>
    <input type="hidden" name="start" value=""><input type="hidden" name="end" value="">
    <button type="submit" class="primary">Add as claim</button>
  </form>`;
}

function moveForm(claim: ClaimEntity, principal: Principal, to: ClaimStatus, label: string, hint: string): Html {
  return html`<form class="claim-action" method="post" action="/ui/claims/${claim.id}/transitions">
    ${csrfField(principal)}<input type="hidden" name="to" value="${to}"><input type="hidden" name="expectedVersion" value="${claim.version}">
    <label for="note-${to}">Note</label>
    <textarea id="note-${to}" name="note" rows="2" maxlength="10000" required aria-describedby="note-${to}-hint"></textarea>
    <p class="hint muted" id="note-${to}-hint">${hint}</p>
    <button type="submit">${label}</button>
  </form>`;
}

/** What an editor may do to the chosen claim, as the state machine and assignment rules allow it now. */
export function claimActions(claim: ClaimEntity, principal: Principal, assignable: NamedRecord[]): Html {
  const movers = moversFor(principal.role, principal.reviewerId, claim);
  const may = (to: ClaimStatus) => checkMove({ from: claim.status, to, movers, hasSource: true, hasNote: true }).ok;
  const open = claim.status === 'unverified';
  return html`<section class="editor-actions" aria-labelledby="editor-actions-heading">
    <h3 id="editor-actions-heading">Act on it</h3>
    ${may('dismissed') ? moveForm(claim, principal, 'dismissed', 'Dismiss', 'Why it is not a checkable claim; the note goes into its history.') : ''}
    ${may('unverified') ? moveForm(claim, principal, 'unverified', 'Reopen', 'Why it needs another look; it goes back to the review queue.') : ''}
    ${
      open
        ? html`<form class="claim-action" method="post" action="/ui/claims/${claim.id}/assign">
          ${csrfField(principal)}
          <label for="assign-reviewer">Reviewer</label>
          <select id="assign-reviewer" name="reviewerId" required>
            <option value="">Choose an active reviewer…</option>
            ${assignable.map((r) => html`<option value="${r.id}"${r.id === claim.assigneeId ? html` selected` : ''}>${r.name}</option>`)}
          </select>
          <button type="submit">Assign</button>
        </form>`
        : ''
    }
    ${
      open && claim.assigneeId
        ? html`<form class="claim-action" method="post" action="/ui/claims/${claim.id}/unassign">${csrfField(principal)}<button type="submit" class="link">Back to the pool</button></form>`
        : ''
    }
  </section>`;
}
