import { statementOf } from '../../claims/claim-statement';
import type { Principal } from '../../auth/principal';
import type { NamedRecord } from '../pages.repository';
import { html, type Html } from './html';
import { csrfField } from './layout';

/** The form id that claim checkboxes (inside a list or a table) name with `form=`. */
export const BULK_FORM_ID = 'bulk-form';

/** A claim's checkbox for the action bar. */
export function bulkCheckbox(claim: { id: string; text: string }): Html {
  return html`<input type="checkbox" class="bulk-pick" name="ids" value="${claim.id}" form="${BULK_FORM_ID}" aria-label="Choose: ${statementOf(claim).slice(0, 80)}">`;
}

/**
 * The action bar: one action on the checked claims, through POST /ui/claims/bulk (the API's bulk action, each claim
 * under its single action's rules). Plain form controls, so it works by keyboard and without script.
 */
export function bulkActionBar(principal: Principal, back: string, assignable: NamedRecord[]): Html {
  return html`<form id="${BULK_FORM_ID}" class="bulk-bar" method="post" action="/ui/claims/bulk" aria-label="Act on the chosen claims">
    ${csrfField(principal)}<input type="hidden" name="back" value="${back}">
    <fieldset><legend>With the chosen claims</legend>
    <div><label for="bulk-action">Action</label>
      <select id="bulk-action" name="action" required>
        <option value="dismiss">Dismiss (needs a note)</option>
        <option value="reopen">Reopen (needs a note)</option>
        <option value="assign">Assign to…</option>
        <option value="unassign">Back to the pool</option>
        <option value="tag">Add tags</option>
        <option value="untag">Remove tags</option>
      </select></div>
    <div><label for="bulk-note">Note</label><input id="bulk-note" type="text" name="note" maxlength="10000"></div>
    <div><label for="bulk-reviewer">Reviewer</label>
      <select id="bulk-reviewer" name="reviewerId"><option value="">—</option>${assignable.map(
        (r) => html`<option value="${r.id}">${r.name}</option>`,
      )}</select></div>
    <div><label for="bulk-tags">Tags</label><input id="bulk-tags" type="text" name="tags" maxlength="2000" placeholder="budget, elections"></div>
    <div class="actions"><button type="submit" class="primary">Apply to chosen</button></div>
    </fieldset>
  </form>`;
}

/** A claim's tags as small labels. */
export function tagList(tags: string[]): Html | '' {
  return tags.length
    ? html`<span class="tags">${tags.map((tag) => html`<a class="tag" href="/ui/search?kind=claims&tag=${encodeURIComponent(tag)}">#${tag}</a> `)}</span>`
    : '';
}
