import type { Principal } from '../../auth/principal';
import { checkMove, moversFor } from '../../claims/claim-state-machine';
import type { ClaimStatus } from '../../claims/claim-status';
import type { ClaimEventEntity } from '../../claims/claim-event.entity';
import type { ClaimEntity } from '../../claims/claim.entity';
import type { VerdictRules } from '../../settings/desk-settings';
import type { PeopleDirectory } from '../people.service';
import { eventSummary } from './claim-views';
import { formatDateTime, localInputValue } from './format';
import type { NamedRecord } from '../pages.repository';
import { html, type Html } from './html';
import { csrfField } from './layout';
import { refusedAt, typed } from './refused-form';
import { secondOpinionForms } from './second-opinions-page';
import { ratingField } from './verdict-fields';
import { statusChip } from './status';

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
    <textarea id="passage" name="passage" rows="3" maxlength="10000" required aria-describedby="add-claim-hint">
${typed(`/ui/articles/${articleId}/claims`, 'passage')}</textarea>
    <input type="hidden" name="start" value=""><input type="hidden" name="end" value="">
    <button type="submit" class="primary">Add as claim</button>
  </form>`;
}

/** The article's due date, set or cleared by an editor; its claims take it (the time is the reader's zone). */
export function dueDateForm(article: { id: string; dueAt: Date | null }, principal: Principal): Html {
  const action = `/ui/articles/${article.id}/due`;
  return html`<form class="due-form" method="post" action="${action}">${csrfField(principal)}
    <label for="due-at">Due</label>
    <input id="due-at" name="dueAt" type="datetime-local" value="${typed(action, 'dueAt', localInputValue(article.dueAt))}">
    <button type="submit">Set due date</button>
    ${article.dueAt ? html`<button type="submit" name="clear" value="1">Clear due date</button>` : ''}
  </form>`;
}

interface MoveOptions {
  label: string;
  hint: string;
  /** The note is required (the state machine's rationale), else optional. */
  noteRequired: boolean;
  /** Source fields: required (a sourced verdict), welcome (counter-sources), or none. */
  source: 'required' | 'optional' | null;
}

function sourceFields(action: string, to: ClaimStatus, required: boolean): Html {
  return html`<label for="url-${to}">Source URL${required ? '' : ' (optional)'}</label>
    <input id="url-${to}" name="url" type="url" maxlength="2000" placeholder="https://…" value="${typed(action, 'url')}"${required ? html` required` : ''}>
    <label for="title-${to}">Source title (optional)</label>
    <input id="title-${to}" name="title" maxlength="500" value="${typed(action, 'title')}">
    <label for="quote-${to}">Quote (optional)</label>
    <textarea id="quote-${to}" name="quote" rows="2" maxlength="5000">
${typed(action, 'quote')}</textarea>`;
}

/** Where the claim's move forms post: a refused move fills each of them with what was typed (see moveRefusal). */
const moveAction = (claimId: string) => `/ui/claims/${claimId}/transitions`;

function moveForm(
  claim: ClaimEntity,
  principal: Principal,
  to: ClaimStatus,
  options: MoveOptions,
  scale: VerdictRules,
): Html {
  const action = moveAction(claim.id);
  const publicNoteRequired = to === 'disputed' && scale.requirePublicNote;
  return html`<form class="claim-action" method="post" action="${action}" data-move="${to}">
    ${csrfField(principal)}<input type="hidden" name="to" value="${to}"><input type="hidden" name="expectedVersion" value="${claim.version}">
    <label for="note-${to}">Note${options.noteRequired ? '' : ' (optional)'}</label>
    <textarea id="note-${to}" name="note" rows="2" maxlength="10000"${options.noteRequired ? html` required` : ''} aria-describedby="note-${to}-hint">
${typed(action, 'note')}</textarea>
    <p class="hint muted" id="note-${to}-hint">${options.hint}</p>
    ${options.source ? sourceFields(action, to, options.source === 'required') : ''}
    ${
      to === 'sourced' || to === 'disputed'
        ? html`${ratingField(`editor-${to}`, scale, typed(action, 'rating'))}
    <label for="public-note-${to}">Public rationale${publicNoteRequired ? ' (required)' : ' (optional)'}</label>
    <textarea id="public-note-${to}" name="publicNote" rows="2" maxlength="5000"${publicNoteRequired ? html` required` : ''} aria-describedby="public-note-${to}-hint">
${typed(action, 'publicNote')}</textarea>
    <p class="hint muted" id="public-note-${to}-hint">Readers see it on the fact-check page and integrators in callbacks; the note stays inside the desk.</p>`
        : ''
    }
    <button type="submit">${options.label}</button>
  </form>`;
}

const VERSION_MOVES = new Set(['transition', 'verdict_undone', 'withdrawn']);

/**
 * A move the desk refused, said where the forms are. A stale version names who moved the claim meanwhile and when;
 * the forms below hold the note and source as typed, on the current version, to send again.
 */
export function moveRefusal(claim: ClaimEntity, events: ClaimEventEntity[], people: PeopleDirectory): Html | '' {
  const refused = refusedAt(moveAction(claim.id));
  if (!refused) return '';
  refused.explained = true;
  if (refused.code !== 'stale_version')
    return html`<div class="alert error" role="alert" id="refused">
      <p><strong>${refused.title}.</strong> ${refused.message}</p>
      ${refused.problems.map((p) => html`<p>${p}</p>`)}
      <p>What you typed is kept below.</p>
    </div>`;
  const last = events.findLast((e) => VERSION_MOVES.has(e.type));
  return html`<div class="alert error" role="alert" id="refused">
    <p>
      <strong>Someone moved this claim first.</strong>
      ${last ? html`${eventSummary(last, people)}, ${formatDateTime(last.createdAt)}.` : ''}
    </p>
    <p>
      It is now ${statusChip(claim.status)} at version ${claim.version}. Your note is kept in the forms below: send it
      again to act on this version, or leave it.
    </p>
  </div>`;
}

/** What an editor may do to the chosen claim, as the state machine and assignment rules allow it now. */
export function claimActions(
  claim: ClaimEntity,
  principal: Principal,
  assignable: NamedRecord[],
  scale: VerdictRules,
): Html {
  const movers = moversFor(principal.role, principal.reviewerId, claim);
  const may = (to: ClaimStatus) => checkMove({ from: claim.status, to, movers, hasSource: true, hasNote: true }).ok;
  const open = claim.status === 'unverified';
  return html`<section class="editor-actions" aria-labelledby="editor-actions-heading">
    <h3 id="editor-actions-heading">Act on it</h3>
    ${
      claim.approval === 'pending'
        ? html`<div class="claim-action second-opinion" data-pending-approval="${claim.id}">
          <p><strong>This verdict waits for a second opinion.</strong> Approve it to publish it, or return it to its reviewer.</p>
          ${secondOpinionForms(claim, principal, `/ui/claims/${claim.id}`)}</div>`
        : ''
    }
    ${may('sourced') ? moveForm(claim, principal, 'sourced', { label: 'Mark sourced', hint: 'The source that supports it; a note if it helps.', noteRequired: false, source: 'required' }, scale) : ''}
    ${may('disputed') ? moveForm(claim, principal, 'disputed', { label: 'Dispute', hint: 'Why it is wrong; counter-sources welcome.', noteRequired: true, source: 'optional' }, scale) : ''}
    ${may('dismissed') ? moveForm(claim, principal, 'dismissed', { label: 'Dismiss', hint: 'Why it is not a checkable claim; the note goes into its history.', noteRequired: true, source: null }, scale) : ''}
    ${may('unverified') ? moveForm(claim, principal, 'unverified', { label: 'Reopen', hint: 'Why it needs another look; it goes back to the review queue.', noteRequired: true, source: null }, scale) : ''}
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
    ${claimantForm(claim, principal)}
  </section>`;
}

/** Who the claim is attributed to, and whether a person or an organization (the public ClaimReview's author type). */
function claimantForm(claim: ClaimEntity, principal: Principal): Html {
  const kind = claim.editorClaimantKind ?? '';
  const option = (value: string, label: string) =>
    html`<option value="${value}"${value === kind ? html` selected` : ''}>${label}</option>`;
  return html`<form class="claim-action" method="post" action="/ui/claims/${claim.id}/claimant">
    ${csrfField(principal)}
    <label for="claimant-name">Claimant</label>
    <input id="claimant-name" type="text" name="claimant" value="${claim.claimant ?? ''}" maxlength="200" placeholder="the article itself">
    <label for="claimant-kind">Kind</label>
    <select id="claimant-kind" name="kind">
      ${option('', 'as the name reads')}${option('person', 'a person')}${option('organization', 'an organization')}
    </select>
    <button type="submit">Correct the claimant</button>
  </form>`;
}
