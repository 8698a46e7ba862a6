import { CLAIM_STATUSES } from '../../claims/claim-status';
import type { Principal } from '../../auth/principal';
import type { UiSearchQuery } from '../dto/ui-search.query';
import type { SearchPage } from '../search-page.service';
import { formatDateTime } from './format';
import { html, safeHref } from './html';
import { layout } from './layout';
import { STATUS_LABELS, statusChip } from './status';
import { canExport, exportLinks } from './export-links';

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

export function searchPage(result: SearchPage, query: UiSearchQuery, principal: Principal): string {
  const filters = new URLSearchParams(
    Object.entries({
      q: query.q,
      kind: query.kind,
      status: query.status,
      claimant: query.claimant,
      from: query.from,
      to: query.to,
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
      <div class="actions"><button type="submit" class="primary">Search</button> <a href="/ui/search">Clear</a></div>
    </form>
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
        <thead><tr><th scope="col">Claim</th><th scope="col">Status</th><th scope="col">Claimant</th><th scope="col">Article</th><th scope="col">Found</th></tr></thead>
        <tbody>${result.claims.map(
          (c) => html`<tr data-claim-id="${c.id}">
          <th scope="row"><a href="/ui/articles/${c.articleId}?claim=${c.id}">${c.text}</a></th>
          <td>${statusChip(c.status)}</td><td>${c.claimant ?? '—'}</td>
          <td><a href="/ui/articles/${c.articleId}">${c.articleTitle}</a> <span class="muted" data-article-origin>posted ${formatDateTime(c.articlePostedAt)}${hostOf(c.articleUrl) ? ` · ${hostOf(c.articleUrl)}` : ''}</span></td><td>${formatDateTime(c.createdAt)}</td></tr>`,
        )}</tbody></table>`
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
