import type { Principal } from '../../auth/principal';
import type { ArticlePage } from '../article-page.service';
import { seenBeforePanel } from './seen-before';
import { claimDetail, highlightedText, placeableClaims } from './claim-views';
import { formatDateTime } from './format';
import { html, safeHref } from './html';
import { layout } from './layout';
import { liveRegion } from './live';
import { statusChip, summaryPanel } from './status';

export function articlePage(page: ArticlePage, principal: Principal): string {
  const { article, summary, claims, selected, people } = page;
  const listed = page.claimsCursor ? `&claims=${encodeURIComponent(page.claimsCursor)}` : '';
  const hrefOf = (claim: { id: string }) => `/ui/articles/${article.id}?claim=${claim.id}${listed}#claim-heading`;
  const withdrawn = claims.filter((c) => c.status === 'withdrawn');
  const placed = new Set(placeableClaims(article.body, claims).map((c) => c.id));
  const url = safeHref(article.url);
  return layout(
    { title: article.title, principal, section: '/ui/articles', scripts: ['live.js'] },
    html`<nav class="crumbs" aria-label="Breadcrumb"><a href="/ui/articles">Articles</a> › <span>${article.title}</span></nav>
    <header class="article-head">
      <h1>${article.title}</h1>
      <p class="muted">Posted ${formatDateTime(article.createdAt)}${article.publishedAt ? html` · published ${formatDateTime(article.publishedAt)}` : ''}
        · revision ${article.revision} · ${article.status === 'ready' ? `${summary.total - summary.withdrawn} claims` : html`<strong>${article.status}</strong>`}
        ${url ? html` · <a href="${url}" rel="noopener noreferrer nofollow">original</a>` : ''}</p>
      ${article.status === 'failed' ? html`<p class="alert error">Extraction failed: ${article.failureReason ?? 'unknown reason'}</p>` : ''}
      ${article.status === 'received' || article.status === 'extracting' ? html`<p class="alert">Claims are being extracted; reload in a moment.</p>` : ''}
    </header>
    ${summaryPanel(summary, page.reviewed)}
    ${liveRegion(`/ui/live?article=${article.id}`)}
    <div class="columns">
      <section class="article-text" aria-label="Article text with its claims highlighted">
        <p class="hint muted">Each highlighted passage is a claim, coloured by its status. Select one to see its sources, notes and history.</p>
        <div class="body" lang="${article.language}">${highlightedText(article.body, claims, { selectedId: selected?.claim.id ?? null, hrefOf })}</div>
      </section>
      <aside class="sidebar" aria-label="Claim details">
        ${selected
          ? html`${claimDetail(selected.claim, selected.events, people)}${seenBeforePanel(selected.claim.id, selected.matches, principal, 'article')}<p><a href="/ui/articles/${article.id}">Close</a></p>`
          : html`<h2>Claims</h2>
            ${claims.length === 0 ? html`<p class="muted">No claims found${article.status === 'ready' ? '' : ' yet'}.</p>` : ''}
            <ol class="claim-list">${claims
              .filter((c) => c.status !== 'withdrawn')
              .map((c) => html`<li>${statusChip(c.status)} <a href="${hrefOf(c)}">${c.text.length > 110 ? `${c.text.slice(0, 107)}…` : c.text}</a>
                <span class="muted">${c.assigneeId ? `· ${people.reviewer(c.assigneeId)}` : ''}${placed.has(c.id) ? '' : ' · not in the current text'}</span></li>`)}</ol>`}
        ${withdrawn.length
          ? html`<details class="withdrawn"><summary>${withdrawn.length} withdrawn claim${withdrawn.length > 1 ? 's' : ''}</summary>
              <ul>${withdrawn.map((c) => html`<li><a href="${hrefOf(c)}">${c.text}</a></li>`)}</ul></details>`
          : ''}
        ${page.claimsCursor || page.claimsNextCursor
          ? html`<nav class="pager" aria-label="More claims">${page.claimsCursor ? html`<a href="/ui/articles/${article.id}">First claims</a>` : ''}
              ${page.claimsNextCursor ? html`<a href="/ui/articles/${article.id}?claims=${encodeURIComponent(page.claimsNextCursor)}">Next claims →</a>` : ''}</nav>`
          : ''}
      </aside>
    </div>`,
  ).value;
}
