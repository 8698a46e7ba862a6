import { ARTICLE_STATUSES } from '../../articles/article.entity';
import type { Principal } from '../../auth/principal';
import type { ArticleListPage } from '../article-list.service';
import { mayEdit } from '../article-page.service';
import type { UiArticlesQuery } from '../dto/ui-articles.query';
import { formatDateTime } from './format';
import { html } from './html';
import { layout } from './layout';
import { legend, stackedBar, verdictShare } from './status';

function option(value: string, label: string, current: string | undefined) {
  return html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
}

export function articlesPage(page: ArticleListPage, query: UiArticlesQuery, principal: Principal): string {
  const sourceNames = new Map(page.sources.map((s) => [s.id, s.name]));
  const filters = new URLSearchParams(
    Object.entries({ status: query.status, source: query.source, from: query.from, to: query.to }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  const next = page.nextCursor
    ? `/ui/articles?${new URLSearchParams([...filters, ['cursor', page.nextCursor]])}`
    : null;
  return layout(
    { title: 'Articles', principal, section: '/ui/articles' },
    html`<div class="page-head"><h1>Articles</h1>${mayEdit(principal) ? html`<a class="button" href="/ui/articles/new">Post article</a>` : ''}</div>
    <form class="filters" method="get" action="/ui/articles" aria-label="Filter articles">
      <div><label for="f-status">Status</label>
        <select id="f-status" name="status">${option('', 'Any', query.status)}${ARTICLE_STATUSES.map((s) => option(s, s, query.status))}</select></div>
      ${
        page.sources.length
          ? html`<div><label for="f-source">Source</label>
          <select id="f-source" name="source">${option('', 'Any', query.source)}${page.sources.map((s) => option(s.id, s.name, query.source))}</select></div>`
          : ''
      }
      <div><label for="f-from">Posted from</label><input id="f-from" type="date" name="from" value="${query.from ?? ''}"></div>
      <div><label for="f-to">to</label><input id="f-to" type="date" name="to" value="${query.to ?? ''}"></div>
      <div class="actions"><button type="submit" class="primary">Filter</button> <a href="/ui/articles">Clear</a></div>
    </form>
    ${legend()}
    ${
      page.items.length === 0
        ? html`<p class="panel">No articles${filters.size ? ' match these filters' : ' yet'}.</p>`
        : html`<table class="articles">
      <caption class="visually-hidden">Articles, newest first, with how many of their claims have a verdict</caption>
      <thead><tr><th scope="col">Article</th><th scope="col">Progress</th><th scope="col">Claims</th><th scope="col">Source</th><th scope="col">Posted</th></tr></thead>
      <tbody>${page.items.map(({ article, summary }) => {
        const share = verdictShare(summary);
        return html`<tr data-article-id="${article.id}">
          <th scope="row"><a href="/ui/articles/${article.id}">${article.title}</a>${article.status !== 'ready' ? html` <span class="chip pending">${article.status}</span>` : ''}</th>
          <td><div class="progress">${stackedBar(summary, { width: 200, height: 12, label: `${share.percent}% have a verdict` })}<span class="pct">${share.percent}%</span></div></td>
          <td class="num">${share.decided} / ${share.counted}</td>
          <td>${sourceNames.get(article.ownerId) ?? (principal.role === 'integrator' ? 'you' : 'unknown')}</td>
          <td>${formatDateTime(article.createdAt)}</td></tr>`;
      })}</tbody></table>`
    }
    ${next ? html`<p class="pager"><a href="${next}" rel="next">Next page →</a></p>` : ''}`,
  ).value;
}
