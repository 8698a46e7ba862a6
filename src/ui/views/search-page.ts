import { statementOf } from '../../claims/claim-statement';
import { CLAIM_STATUSES } from '../../claims/claim-status';
import type { Principal } from '../../auth/principal';
import type { UiSearchQuery } from '../dto/ui-search.query';
import type { SearchPage } from '../search-page.service';
import { formatDateTime } from './format';
import { html, safeHref, type Html } from './html';
import { layout } from './layout';
import { STATUS_LABELS, statusChip } from './status';
import { canExport, exportLinks } from './export-links';
import { bulkActionBar, bulkCheckbox, tagList } from './bulk-actions';
import { csrfField } from './layout';
import { currentSavedViews } from './saved-views-nav';
import type { NamedRecord } from '../pages.repository';

function option(value: string, label: string, current: string | undefined) {
  return html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
}

/** The site an article came from, e.g. "www.example.org", or '' when it has no readable URL. */
function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}

/** Save the filters as a view, and the reader's views to open or delete (a signed-in person's only). */
function savedViewsPanel(filters: URLSearchParams, principal: Principal): Html | '' {
  if (!principal.csrfToken || !principal.userId) return '';
  const views = currentSavedViews();
  return html`<section class="saved-views" aria-labelledby="views-heading">
    <h2 id="views-heading">Saved views</h2>
    <form class="inline" method="post" action="/ui/views">${csrfField(principal)}${[...filters].map(
      ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
    )}
      <label for="view-name">Save these filters as</label> <input id="view-name" name="name" required maxlength="100">
      <button type="submit">Save view</button></form>
    ${
      views.length
        ? html`<ul class="views">${views.map(
            (view) => html`<li><a href="${view.url}">${view.name}</a>
            <form class="inline" method="post" action="/ui/views/${view.id}/delete">${csrfField(principal)}<button type="submit" class="link" aria-label="Delete the view ${view.name}">Delete</button></form></li>`,
          )}</ul>`
        : ''
    }
  </section>`;
}

export function searchPage(
  result: SearchPage,
  query: UiSearchQuery,
  principal: Principal,
  assignable: NamedRecord[] = [],
): string {
  const bulk = principal.role === 'admin' || principal.role === 'editor';
  const filters = new URLSearchParams(
    Object.entries({
      q: query.q,
      kind: query.kind,
      status: query.status,
      claimant: query.claimant,
      from: query.from,
      to: query.to,
      tag: query.tag,
    }).filter((e): e is [string, string] => !!e[1]),
  );
  const next = result.more
    ? `/ui/search?${new URLSearchParams([...filters, ['page', String(result.page + 1)]])}`
    : null;
  return layout(
    { title: 'Search', principal, section: '/ui/search' },
    html`<h1>Search claims and fact-checks</h1>
    <form class="filters" method="get" action="/ui/search" role="search" aria-label="Search claims and fact-checks">
      <div><label for="s-q">Text</label><input id="s-q" type="search" name="q" value="${query.q ?? ''}" maxlength="500" placeholder="bus lanes -parking &quot;40 million&quot;"></div>
      <div><label for="s-kind">In</label>
        <select id="s-kind" name="kind">${option('', 'Claims and fact-checks', query.kind)}${option('claims', 'Claims', query.kind)}${option('fact-checks', 'Fact-checks', query.kind)}</select></div>
      <div><label for="s-status">Claim status</label>
        <select id="s-status" name="status">${option('', 'Any', query.status)}${CLAIM_STATUSES.map((s) => option(s, STATUS_LABELS[s].label, query.status))}</select></div>
      <div><label for="s-claimant">Claimant</label><input id="s-claimant" type="text" name="claimant" value="${query.claimant ?? ''}" maxlength="200"></div>
      <div><label for="s-from">From</label><input id="s-from" type="date" name="from" value="${query.from ?? ''}"></div>
      <div><label for="s-to">to</label><input id="s-to" type="date" name="to" value="${query.to ?? ''}"></div>
      <div><label for="s-tag">Tag</label><input id="s-tag" type="text" name="tag" value="${query.tag ?? ''}" maxlength="100"></div>
      <div class="actions"><button type="submit" class="primary">Search</button> <a href="/ui/search">Clear</a></div>
    </form>
    ${query.done !== undefined && query.of !== undefined ? html`<p class="alert ok" role="status" id="notice">The action was applied to ${query.done} of ${query.of} chosen claims.</p>` : ''}
    ${savedViewsPanel(filters, principal)}
    ${
      result.claims === null
        ? ''
        : html`<section class="search-results" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims</h2>
      ${canExport(principal) ? exportLinks(filters) : ''}
      ${
        result.claims.length === 0
          ? html`<p class="panel">No claims match.</p>`
          : html`<table class="results">
        <caption class="visually-hidden">Claims, best match first</caption>
        <thead><tr>${bulk ? html`<th scope="col"><span class="visually-hidden">Choose</span></th>` : ''}<th scope="col">Claim</th><th scope="col">Status</th><th scope="col">Claimant</th><th scope="col">Article</th><th scope="col">Found</th></tr></thead>
        <tbody>${result.claims.map(
          (c) => html`<tr data-claim-id="${c.id}">${bulk ? html`<td>${bulkCheckbox(c)}</td>` : ''}
          <th scope="row"><a href="/ui/articles/${c.articleId}?claim=${c.id}">${statementOf(c)}</a> ${tagList(c.tags)}</th>
          <td>${statusChip(c.status)}</td><td>${c.claimant ?? '—'}</td>
          <td><a href="/ui/articles/${c.articleId}">${c.articleTitle}</a> <span class="muted" data-article-origin>posted ${formatDateTime(c.articlePostedAt)}${hostOf(c.articleUrl) ? ` · ${hostOf(c.articleUrl)}` : ''}</span></td><td>${formatDateTime(c.createdAt)}</td></tr>`,
        )}</tbody></table>
        ${bulk ? bulkActionBar(principal, `/ui/search${filters.size ? `?${filters}` : ''}`, assignable) : ''}`
      }
    </section>`
    }
    ${
      result.factChecks === null
        ? query.status && query.kind !== 'claims'
          ? html`<p class="muted">Fact-checks have a rating, not a claim status: clear the status to see them.</p>`
          : ''
        : html`<section class="search-results" aria-labelledby="fact-checks-heading">
      <h2 id="fact-checks-heading">Fact-checks</h2>
      ${
        result.factChecks.length === 0
          ? html`<p class="panel">No fact-checks match.</p>`
          : html`<table class="results">
        <caption class="visually-hidden">Fact-checks, best match first</caption>
        <thead><tr><th scope="col">Claim reviewed</th><th scope="col">Rating</th><th scope="col">Claimant</th><th scope="col">By</th><th scope="col">Published</th></tr></thead>
        <tbody>${result.factChecks.map((f) => {
          const href = safeHref(f.url);
          return html`<tr data-fact-check-id="${f.id}">
          <th scope="row">${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${f.claimReviewed}</a>` : f.claimReviewed}${
            f.sourceArticleId && f.sourceClaimId
              ? html` <a class="muted" href="/ui/articles/${f.sourceArticleId}?claim=${f.sourceClaimId}">(the desk’s claim)</a>`
              : ''
          }</th>
          <td>${f.rating ?? '—'}</td><td>${f.claimant ?? '—'}</td><td>${f.author ?? '—'}</td><td>${formatDateTime(f.datePublished)}</td></tr>`;
        })}</tbody></table>`
      }
    </section>`
    }
    ${next ? html`<p class="pager"><a href="${next}" rel="next">Next page →</a></p>` : ''}`,
  ).value;
}
