import { statementOf } from '../../claims/claim-statement';
import type { Principal } from '../../auth/principal';
import type { ClaimEntity } from '../../claims/claim.entity';
import { html, type Html } from './html';
import { csrfField, layout } from './layout';
import { statusChip } from './status';

export interface WaitingVerdict {
  claim: ClaimEntity;
  articleTitle: string;
}

/** The workbench's two tabs: the reviewer's own claims, and the verdicts waiting for their second opinion. */
export function workbenchTabs(current: 'mine' | 'second-opinions'): Html {
  const tab = (href: string, id: typeof current, label: string) =>
    html`<li><a href="${href}" id="tab-${id}"${current === id ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="subnav" aria-label="Workbench"><ul>${tab('/ui/review', 'mine', 'My claims')}${tab('/ui/review/second-opinions', 'second-opinions', 'Second opinions')}</ul></nav>`;
}

/** Approve and Return for a verdict waiting for a second opinion, posting to `${base}/approve` and `${base}/return`. */
export function secondOpinionForms(claim: ClaimEntity, principal: Principal, base: string): Html {
  return html`<form method="post" action="${base}/approve" class="inline">${csrfField(principal)}
      <input type="hidden" name="version" value="${claim.version}">
      <button type="submit" class="primary" data-approve="${claim.id}">Approve and publish</button>
    </form>
    <form method="post" action="${base}/return">${csrfField(principal)}
      <input type="hidden" name="version" value="${claim.version}">
      <label for="return-note-${claim.id}">What should the reviewer look at again? (required to return)</label>
      <textarea id="return-note-${claim.id}" name="note" rows="2" required></textarea>
      <button type="submit" data-return="${claim.id}">Return to its reviewer</button>
    </form>`;
}

function waitingItem(item: WaitingVerdict, principal: Principal): Html {
  const { claim } = item;
  return html`<li class="panel" data-waiting-claim="${claim.id}">
    <p>${statusChip(claim.status)} ${claim.rating ? html`<span class="chip rating">${claim.rating}</span>` : ''} <a href="/ui/articles/${claim.articleId}?claim=${claim.id}#claim-heading">${statementOf(claim)}</a></p>
    <p class="muted">${item.articleTitle} · score ${claim.checkworthiness.toFixed(2)} · version ${claim.version}</p>
    ${secondOpinionForms(claim, principal, `/ui/review/second-opinions/${claim.id}`)}
  </li>`;
}

export function secondOpinionsPage(waiting: WaitingVerdict[], principal: Principal, done: string | null): string {
  return layout(
    { title: 'Second opinions', principal, section: '/ui/review' },
    html`<h1>Workbench <span class="muted">· second opinions</span></h1>
    ${workbenchTabs('second-opinions')}
    ${done ? html`<div class="alert ok" role="status" id="flash"><p>${done}</p></div>` : ''}
    <p class="muted">Verdicts others gave that wait for a second person before they are published. Your own are not listed.</p>
    ${
      waiting.length
        ? html`<ol class="claim-list" id="second-opinions">${waiting.map((item) => waitingItem(item, principal))}</ol>`
        : html`<p class="panel" id="second-opinions-empty">No verdict waits for your second opinion.</p>`
    }`,
  ).value;
}
