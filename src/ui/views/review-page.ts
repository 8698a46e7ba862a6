import { shortStatement } from '../../claims/claim-statement';
import type { Principal } from '../../auth/principal';
import { checkMove, moversFor } from '../../claims/claim-state-machine';
import type { ClaimStatus } from '../../claims/claim-status';
import type { ClaimEntity } from '../../claims/claim.entity';
import type { VerdictRules } from '../../settings/desk-settings';
import type { Workbench } from '../workbench.service';
import { commentThread } from './team-views';
import { claimDetail, highlightedText } from './claim-views';
import { formatDateTime } from './format';
import { html, type Html } from './html';
import { csrfField, layout } from './layout';
import { seenBeforePanel } from './seen-before';
import { liveRegion } from './live';
import { workbenchTabs } from './second-opinions-page';
import { ratingField } from './verdict-fields';
import { STATUS_LABELS, statusChip } from './status';

export interface WorkbenchFlash {
  kind: 'ok' | 'info';
  message: Html;
  /** The verdict just given, while its reviewer may still take it back. */
  undo?: { claimId: string; version: number; until: Date };
}

function flashPanel(flash: WorkbenchFlash, principal: Principal): Html {
  return html`<div class="alert ${flash.kind}" role="status" id="flash"><p>${flash.message}</p>${
    flash.undo
      ? html`<form method="post" action="/ui/review/undo?claim=${flash.undo.claimId}&amp;version=${flash.undo.version}" class="undo">${csrfField(principal)}
        <button type="submit" id="undo-verdict">Undo</button> <span class="muted">until ${formatDateTime(flash.undo.until)}</span></form>`
      : ''
  }</div>`;
}

const SHORTCUTS: [keys: Html, what: string][] = [
  [html`<kbd>n</kbd>`, 'Next claim'],
  [html`<kbd>s</kbd>`, 'Sourced: to the source URL'],
  [html`<kbd>d</kbd>`, 'Disputed: to the rationale'],
  [html`<kbd>x</kbd>`, 'Dismiss: to the reason'],
  [html`<kbd>/</kbd>`, 'Note: to a note without a verdict'],
  [html`<kbd>u</kbd>`, 'Undo the verdict just given (while offered)'],
  [html`<kbd>Ctrl</kbd> + <kbd>Enter</kbd>`, 'Send the form you are typing in'],
  [html`<kbd>Esc</kbd>`, 'Leave the field (shortcuts work again)'],
];

function shortcutsPanel(): Html {
  return html`<section class="shortcuts" aria-labelledby="shortcuts-heading">
    <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
    <dl>${SHORTCUTS.map(([keys, what]) => html`<dt>${keys}</dt><dd>${what}</dd>`)}</dl>
  </section>`;
}

/** The claim's paragraph with one paragraph either side. */
function contextRange(body: string, start: number, end: number): { from: number; to: number } {
  const paragraphStart = (i: number) => {
    const k = body.lastIndexOf('\n\n', i);
    return k < 0 ? 0 : k + 2;
  };
  const paragraphEnd = (i: number) => {
    const k = body.indexOf('\n\n', i);
    return k < 0 ? body.length : k;
  };
  const own = paragraphStart(start);
  const ownEnd = paragraphEnd(end);
  return {
    from: own > 0 ? paragraphStart(Math.max(0, own - 3)) : 0,
    to: ownEnd < body.length ? paragraphEnd(ownEnd + 2) : body.length,
  };
}

function sourceFields(prefix: string, required: boolean): Html {
  return html`<label for="${prefix}-url">Source URL${required ? '' : ' (optional)'}</label>
    <input id="${prefix}-url" name="url" type="url" inputmode="url" placeholder="https://…"${required ? html` required` : ''}>
    <label for="${prefix}-title">Source title (optional)</label><input id="${prefix}-title" name="title" type="text" maxlength="500">
    <label for="${prefix}-quote">Quote (optional)</label><textarea id="${prefix}-quote" name="quote" rows="2" maxlength="5000"></textarea>`;
}

/** The verdicts the state machine lets this reviewer give now (with evidence), so the page offers nothing it would refuse. */
function offeredMoves(claim: ClaimEntity, principal: Principal): Set<ClaimStatus> {
  const movers = moversFor(principal.role, principal.reviewerId, claim);
  const verdicts: ClaimStatus[] = ['sourced', 'disputed', 'dismissed'];
  return new Set(
    verdicts.filter((to) => checkMove({ from: claim.status, to, movers, hasSource: true, hasNote: true }).ok),
  );
}

/** A verdict's rationale for readers (callbacks, ClaimReview, the public page), apart from the desk's own note. */
function publicNoteField(prefix: string, required: boolean): Html {
  return html`<label for="${prefix}-public-note">Public rationale${required ? ' (required)' : ' (optional)'} <span class="muted">— readers see it on the fact-check page; the note stays inside the desk</span></label>
    <textarea id="${prefix}-public-note" name="publicNote" rows="2" maxlength="5000"${required ? html` required` : ''}></textarea>`;
}

function actions(claim: ClaimEntity, principal: Principal, scale: VerdictRules): Html {
  const open = claim.status === 'unverified';
  const offered = offeredMoves(claim, principal);
  return html`<section class="actions-panel" id="claim-actions" data-claim-id="${claim.id}" data-version="${claim.version}" aria-labelledby="actions-heading">
    <h2 id="actions-heading">Your verdict</h2>
    <div id="result" class="result" role="status" aria-live="polite" tabindex="-1"></div>
    ${open ? '' : html`<p class="muted">This claim is ${STATUS_LABELS[claim.status].label.toLowerCase()}; you can change your verdict below.</p>`}
    <div class="verdicts">
      ${
        offered.has('sourced')
          ? html`<form class="verdict status-border-sourced" data-move="sourced">
        <h3>${statusChip('sourced')} Mark sourced</h3>
        ${sourceFields('sourced', true)}
        ${ratingField('sourced', scale)}
        ${publicNoteField('sourced', false)}
        <label for="sourced-note">Internal note (optional)</label><textarea id="sourced-note" name="note" rows="2"></textarea>
        <button type="submit" class="primary">Mark sourced</button>
      </form>`
          : ''
      }
      ${
        offered.has('disputed')
          ? html`<form class="verdict status-border-disputed" data-move="disputed">
        <h3>${statusChip('disputed')} Dispute</h3>
        <label for="disputed-note">Why is it wrong? (required)</label><textarea id="disputed-note" name="note" rows="3" required></textarea>
        ${sourceFields('disputed', false)}
        ${ratingField('disputed', scale)}
        ${publicNoteField('disputed', scale.requirePublicNote)}
        <button type="submit" class="primary">Dispute</button>
      </form>`
          : ''
      }
      ${
        offered.has('dismissed')
          ? html`<form class="verdict status-border-dismissed" data-move="dismissed">
        <h3>${statusChip('dismissed')} Dismiss</h3>
        <label for="dismissed-note">Why is it not checkable? (required)</label><textarea id="dismissed-note" name="note" rows="3" required></textarea>
        <button type="submit" class="primary">Dismiss</button>
      </form>`
          : ''
      }
    </div>
    <details class="annotate">
      <summary>Add a note or source without a verdict</summary>
      <form data-annotate="1">
        <label for="note-note">Note</label><textarea id="note-note" name="note" rows="2"></textarea>
        ${sourceFields('note', false)}
        <button type="submit">Add</button>
      </form>
    </details>
    ${claim.assigneeId === principal.reviewerId ? html`<form data-release="1" class="release"><button type="submit" class="link">Hand this claim back to the pool</button></form>` : ''}
  </section>`;
}

export function reviewPage(bench: Workbench, principal: Principal, flash: WorkbenchFlash | null): string {
  const { reviewer, open, selected, people } = bench;
  const reviewerNames = JSON.stringify(Object.fromEntries(people.reviewers));
  return layout(
    { title: 'Workbench', principal, section: '/ui/review', scripts: ['review.js', 'live.js', 'comments.js'] },
    html`<div class="bench-head">
      <h1>Workbench <span class="muted">· ${reviewer.name}</span></h1>
      <form method="post" action="/ui/review/next${selected ? html`?leaving=${selected.claim.id}` : ''}">${csrfField(principal)}<button type="submit" class="primary" id="next-claim">Next claim</button></form>
    </div>
    ${workbenchTabs('mine')}
    ${flash ? flashPanel(flash, principal) : ''}
    ${liveRegion('/ui/live?workbench=1')}
    <div class="columns bench" data-reviewer-names="${reviewerNames}">
      <aside class="sidebar" aria-labelledby="open-heading">
        <h2 id="open-heading">My open claims <span class="muted">(${open.length} of ${reviewer.capacity})</span></h2>
        ${
          open.length === 0
            ? html`<p class="muted">Nothing open. Take the next claim.</p>`
            : html`<ol class="claim-list" id="open-claims">${open.map(
                ({ claim, articleTitle }) => html`<li${claim.id === selected?.claim.id ? html` class="current"` : ''}>
                <a href="/ui/review?claim=${claim.id}" data-claim-id="${claim.id}"${claim.id === selected?.claim.id ? html` aria-current="true"` : ''}>${shortStatement(claim, 100)}</a>
                <span class="muted">${articleTitle} · score ${claim.checkworthiness.toFixed(2)} · lease to ${formatDateTime(claim.leaseExpiresAt)}</span></li>`,
              )}</ol>`
        }
        ${shortcutsPanel()}
      </aside>
      <section class="in-hand" aria-label="The claim in hand">
        ${
          selected
            ? html`<h2>In its article: <a href="/ui/articles/${selected.article.id}?claim=${selected.claim.id}#claim-heading">${selected.article.title}</a></h2>
            <div class="body context" lang="${selected.article.language}">${(() => {
              const range = contextRange(selected.article.body, selected.claim.start, selected.claim.end);
              return html`${range.from > 0 ? '… ' : ''}${highlightedText(selected.article.body, [selected.claim], { ...range, selectedId: selected.claim.id })}${range.to < selected.article.body.length ? ' …' : ''}`;
            })()}</div>
            ${selected.mine || selected.claim.lastVerdictReviewerId === principal.reviewerId ? actions(selected.claim, principal, bench.scale) : html`<p class="alert">This claim is not assigned to you; it is shown read-only.</p>`}
            ${seenBeforePanel(selected.claim, selected.matches, principal, 'review')}
            ${commentThread(selected.claim.id, selected.comments, principal, `/ui/review?claim=${selected.claim.id}`)}
            ${claimDetail(selected.claim, selected.events, people, bench.scale.ratings)}`
            : html`<p class="panel">No claim in hand. Press <strong>Next claim</strong> to take the most check-worthy one you may review.</p>`
        }
      </section>
    </div>`,
  ).value;
}
