import type { Principal } from '../../auth/principal';
import type { NamedRecord } from '../pages.repository';
import { adminLayout, options } from './admin-console';
import { formatDateTime } from './format';
import { html } from './html';

/** One entry of the audit log as the API answers it (claim events and admin actions). */
export interface AuditEntryView {
  id: string;
  kind: string;
  action: string;
  createdAt: Date;
  actor: { keyId: string | null; role: string; person: { id: string; name: string | null } | null };
  claimId?: string | null;
  articleId?: string | null;
  reviewerId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  target?: { type: string | null; id: string | null };
}

export interface AuditFilters {
  person: string;
  claim: string;
  since: string;
}

export interface AuditPageData {
  entries: AuditEntryView[];
  nextCursor: string | null;
  filters: AuditFilters;
  people: NamedRecord[];
  keyNames: Map<string, string>;
  articleTitles: Map<string, string>;
  claimTexts: Map<string, string>;
  /** Claims whose text matched the words typed in the claim filter, to choose one; null when none were typed. */
  claimChoices: { id: string; text: string; articleTitle: string }[] | null;
  reviewerNames: Map<string, string>;
  integratorNames: Map<string, string>;
  endpointUrls: Map<string, string>;
}

/** Admins follow links into the console; an editor reads the names only (the console is not theirs). */
function who(entry: AuditEntryView, data: AuditPageData, linked: boolean) {
  const person = entry.actor.person;
  const key = entry.actor.keyId ? (data.keyNames.get(entry.actor.keyId) ?? 'a deleted key') : null;
  const keyPart = key ? (linked ? html`<a href="/ui/admin/keys#key-${entry.actor.keyId}">${key}</a>` : key) : null;
  if (entry.actor.role === 'system') return html`<span class="muted">claimdesk (automatic)</span>`;
  const personPart = person
    ? linked
      ? html`<a href="/ui/admin/people#person-${person.id}">${person.name}</a>`
      : person.name
    : null;
  if (personPart && keyPart)
    return html`${personPart} <span class="muted">(${entry.actor.role}, with key ${keyPart})</span>`;
  if (personPart) return html`${personPart} <span class="muted">(${entry.actor.role})</span>`;
  return html`key ${keyPart} <span class="muted">(${entry.actor.role})</span>`;
}

const TARGET_PAGES: Record<string, (id: string) => string> = {
  key: (id) => `/ui/admin/keys#key-${id}`,
  reviewer: (id) => `/ui/admin/reviewers/${id}`,
  user: (id) => `/ui/admin/people#person-${id}`,
  integrator: (id) => `/ui/admin/integrators#integrator-${id}`,
  endpoint: (id) => `/ui/admin/endpoints/${id}`,
  settings: () => '/ui/admin/settings',
};

const TARGET_NAMES: Record<string, (data: AuditPageData, id: string) => string | undefined> = {
  key: (data, id) => data.keyNames.get(id),
  reviewer: (data, id) => data.reviewerNames.get(id),
  user: (data, id) => data.people.find((p) => p.id === id)?.name,
  integrator: (data, id) => data.integratorNames.get(id),
  endpoint: (data, id) => data.endpointUrls.get(id),
  settings: () => 'of the desk',
};

const shortened = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function touched(entry: AuditEntryView, data: AuditPageData, linked: boolean) {
  if (entry.claimId && entry.articleId) {
    const title = data.articleTitles.get(entry.articleId) ?? 'its article';
    const text = data.claimTexts.get(entry.claimId);
    return html`<a href="/ui/articles/${entry.articleId}?claim=${entry.claimId}#claim-heading">${text ? `“${shortened(text)}”` : 'a claim'}</a> <span class="muted">in “${title}”</span>`;
  }
  const { type, id } = entry.target ?? { type: null, id: null };
  if (!type || !id) return '—';
  const name = TARGET_NAMES[type]?.(data, id);
  const text = `${type} ${name ?? id.slice(0, 8)}`;
  return linked && TARGET_PAGES[type] ? html`<a href="${TARGET_PAGES[type](id)}">${text}</a>` : text;
}

function what(entry: AuditEntryView, data: AuditPageData) {
  const move =
    entry.fromStatus && entry.toStatus ? html` <span class="muted">${entry.fromStatus} → ${entry.toStatus}</span>` : '';
  // Assignment rows name the reviewer they concern (the actor may be an editor, or the service).
  const reviewer =
    entry.reviewerId && ASSIGNMENT_ACTIONS.has(entry.action)
      ? html` <span class="muted">${ASSIGNMENT_WORDS[entry.action]}</span> ${data.reviewerNames.get(entry.reviewerId) ?? 'a deleted reviewer'}`
      : '';
  return html`<strong>${entry.action}</strong>${reviewer}${move}${entry.note ? html`<br><span class="muted">“${entry.note}”</span>` : ''}`;
}

const ASSIGNMENT_WORDS: Record<string, string> = {
  assigned: 'to',
  unassigned: 'from',
  released: 'by',
  lease_expired: 'of',
};
const ASSIGNMENT_ACTIONS = new Set(Object.keys(ASSIGNMENT_WORDS));

function claimChoices(choices: NonNullable<AuditPageData['claimChoices']>, filters: AuditFilters) {
  const hrefOf = (id: string) =>
    `/ui/admin/audit?${new URLSearchParams(Object.entries({ ...filters, claim: id }).filter(([, v]) => v))}`;
  return choices.length
    ? html`<section class="panel" aria-labelledby="claim-choices-heading"><h2 id="claim-choices-heading">Claims matching “${filters.claim}”</h2>
      <p class="muted">Choose one to read its log.</p>
      <ul class="claim-choices">${choices.map((c) => html`<li><a href="${hrefOf(c.id)}">${shortened(c.text, 140)}</a> <span class="muted">in “${c.articleTitle}”</span></li>`)}</ul></section>`
    : html`<p class="muted">No claim’s text matches “${filters.claim}”.</p>`;
}

export function auditPage(principal: Principal, data: AuditPageData): string {
  const linked = principal.role === 'admin';
  const { filters } = data;
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  if (data.nextCursor) query.set('cursor', data.nextCursor);
  return adminLayout(
    'Audit log',
    principal,
    '/ui/admin/audit',
    html`<h1>Audit log</h1>
    <p class="muted">Every claim move and note, and every admin action on people, reviewers, keys, integrators and callback endpoints, newest first (back to the date chosen).</p>
    <form method="get" action="/ui/admin/audit" class="filters" role="search" aria-label="Filter the audit log">
      <div><label for="audit-person">Person</label><select id="audit-person" name="person">${options([{ value: '', label: 'anyone' }, ...data.people.map((p) => ({ value: p.id, label: p.name }))], filters.person)}</select></div>
      <div><label for="audit-claim">Claim</label><input id="audit-claim" name="claim" maxlength="200" placeholder="words of the claim, or its id" value="${data.claimTexts.get(filters.claim) ?? filters.claim}"></div>
      <div><label for="audit-since">Since</label><input id="audit-since" name="since" type="date" value="${filters.since}"></div>
      <div><button type="submit">Filter</button> <a href="/ui/admin/audit">Clear</a></div>
    </form>
    ${
      data.claimChoices
        ? claimChoices(data.claimChoices, filters)
        : data.entries.length === 0
          ? html`<p class="muted">Nothing matches.</p>`
          : html`<div class="table-wrap"><table class="articles">
      <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Touched</th></tr></thead>
      <tbody>${data.entries.map(
        (e) =>
          html`<tr data-entry="${e.id}"><td>${formatDateTime(e.createdAt)}</td><td>${who(e, data, linked)}</td><td>${what(e, data)}</td><td>${touched(e, data, linked)}</td></tr>`,
      )}</tbody></table></div>`
    }
    ${data.nextCursor ? html`<p class="pager"><a href="/ui/admin/audit?${query.toString()}">Next page →</a></p>` : ''}`,
  );
}
