import type { Principal } from '../../auth/principal';
import type { NoWorkReason } from '../../review/assignment.repository';
import type { ReviewerEntity } from '../../reviewers/reviewer.entity';
import { adminLayout } from './admin-console';
import { formatDateTime } from './format';
import { html } from './html';
import { csrfField } from './layout';
import { typed, typedChecked } from './refused-form';

/** The reviewer's fields, blank for a new one; `id` keeps the labels of two forms on one page apart. */
function reviewerFields(prefix: string, reviewer: ReviewerEntity | null) {
  const field = (name: string) => `${prefix}-${name}`;
  const action = reviewer ? `/ui/admin/reviewers/${reviewer.id}` : '/ui/admin/reviewers';
  const value = (name: string, stored: string | number | undefined) => typed(action, name, stored);
  return html`<div><label for="${field('name')}">Name</label><input id="${field('name')}" name="name" required maxlength="200" value="${value('name', reviewer?.name)}"></div>
    <div><label for="${field('email')}">Email</label><input id="${field('email')}" name="email" type="email" required maxlength="320" value="${value('email', reviewer?.email)}"></div>
    <div><label for="${field('languages')}">Languages</label><input id="${field('languages')}" name="languages" placeholder="en, fr" value="${value('languages', (reviewer?.languages ?? ['en']).join(', '))}" aria-describedby="${field('languages-hint')}">
      <span id="${field('languages-hint')}" class="muted">ISO 639-1 codes, comma-separated</span></div>
    <div><label for="${field('topics')}">Topics</label><input id="${field('topics')}" name="topics" placeholder="any topic" value="${value('topics', (reviewer?.topics ?? []).join(', '))}"></div>
    <div><label for="${field('capacity')}">Capacity</label><input id="${field('capacity')}" name="capacity" type="number" min="0" max="10000" value="${value('capacity', reviewer?.capacity ?? 10)}"></div>
    <div class="check"><input id="${field('active')}" name="active" type="checkbox"${typedChecked(action, 'active', 'on', !reviewer || reviewer.active) ? html` checked` : ''}><label for="${field('active')}">Active</label></div>`;
}

/** What the reviewers page says of a profile that is given no work. */
const NO_WORK: Record<NoWorkReason, string> = {
  inactive: 'inactive',
  invitation_pending: 'no work: invited, has not accepted the invitation yet',
  person_inactive: 'no work: its person is deactivated, and it has no live key',
  no_person_or_key: 'no work: no person and no live key can act as it',
  at_capacity: 'at capacity',
};

function noWorkCell(reason: NoWorkReason | undefined) {
  if (!reason) return 'yes';
  return html`<span class="chip ${reason === 'at_capacity' ? 'pending' : 'bad'}" data-no-work="${reason}">${NO_WORK[reason]}</span>`;
}

export function adminReviewersPage(
  principal: Principal,
  reviewers: ReviewerEntity[],
  whyNoWork: Map<string, NoWorkReason>,
): string {
  return adminLayout(
    'Reviewers',
    principal,
    '/ui/admin/reviewers',
    html`<h1>Reviewers</h1>
    <section class="panel" aria-labelledby="new-reviewer-heading"><h2 id="new-reviewer-heading">Add a reviewer</h2>
      <form method="post" action="/ui/admin/reviewers" class="form-grid">${csrfField(principal)}${reviewerFields('new', null)}
        <div><button type="submit" class="primary">New reviewer</button></div></form>
    </section>
    <div class="table-wrap"><table class="articles">
      <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Languages</th><th scope="col">Topics</th><th scope="col" class="num">Open / capacity</th><th scope="col">Gets work</th><th scope="col">Last assigned</th><th scope="col"></th></tr></thead>
      <tbody>${reviewers.map(
        (
          r,
        ) => html`<tr id="reviewer-${r.id}" data-reviewer="${r.email}"><th scope="row">${r.name}</th><td>${r.email}</td><td>${r.languages.join(', ')}</td><td>${r.topics.length ? r.topics.join(', ') : html`<span class="muted">any</span>`}</td>
          <td class="num">${r.openClaims} / ${r.capacity}</td><td>${noWorkCell(whyNoWork.get(r.id))}</td><td>${formatDateTime(r.lastAssignedAt)}</td>
          <td><a href="/ui/admin/reviewers/${r.id}">Edit<span class="visually-hidden"> ${r.name}</span></a></td></tr>`,
      )}</tbody>
    </table></div>`,
  );
}

export function adminReviewerEditPage(principal: Principal, reviewer: ReviewerEntity): string {
  return adminLayout(
    `Reviewer ${reviewer.name}`,
    principal,
    '/ui/admin/reviewers',
    html`<p class="crumbs"><a href="/ui/admin/reviewers">Reviewers</a></p><h1>${reviewer.name}</h1>
    <section class="panel"><p class="muted">Deactivating hands the reviewer’s open claims back to the pool and stops its keys.</p>
      <form method="post" action="/ui/admin/reviewers/${reviewer.id}" class="form-grid">${csrfField(principal)}${reviewerFields('edit', reviewer)}
        <div><button type="submit" class="primary">Save reviewer</button></div></form>
    </section>`,
  );
}
