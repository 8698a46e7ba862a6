import { statementOf, shortStatement } from '../../claims/claim-statement';
import type { Principal } from '../../auth/principal';
import { mayEdit, type ArticlePage } from '../article-page.service';
import type { ArticleNotice } from '../dto/ui-articles.query';
import { addClaimForm, claimActions, dueDateForm, moveRefusal } from './editor-actions';
import { candidatePanel, promoteForm } from './candidate-views';
import { mayReadMatches } from '../../fact-checks/match-readers';
import { seenBeforePanel } from './seen-before';
import { commentThread, isTeamMember } from './team-views';
import { claimDetail, highlightedText, passageId, placeableClaims } from './claim-views';
import { formatDateTime } from './format';
import { html, safeHref } from './html';
import { layout } from './layout';
import { liveRegion } from './live';
import { statusChip, summaryPanel } from './status';
import { canExport, exportLinks } from './export-links';
import { bulkActionBar, bulkCheckbox, tagList } from './bulk-actions';

/**
 * An article page's address. With a claim, it opens the claim's details and lands on its passage in the text (not
 * at the top of the page), so choosing a claim or acting on it keeps the reader's place.
 */
export function articleHref(
  articleId: string,
  options: { claimId?: string; claimsCursor?: string | null; notice?: ArticleNotice } = {},
): string {
  const query = new URLSearchParams(
    Object.entries({
      claim: options.claimId,
      claims: options.claimsCursor ?? undefined,
      notice: options.notice,
    }).filter((e): e is [string, string] => !!e[1]),
  );
  return `/ui/articles/${articleId}${query.size ? `?${query}` : ''}${options.claimId ? `#${passageId(options.claimId)}` : ''}`;
}

/** What a move, or the end of extraction, changes on the page: live.js fetches the page again and swaps these in. */
const LIVE_PARTS = 'header.article-head, section.summary, [data-article-body], aside.sidebar';

const NOTICES: Record<ArticleNotice, string> = {
  posted: 'The article was posted; its claims are being extracted.',
  revised:
    'The new revision was posted; its claims are being extracted (unchanged claims keep their status and history).',
  unchanged: 'Nothing changed: the desk already holds exactly this title and body.',
  added: 'The passage was added as a claim, scored, typed and queued for review.',
  moved: 'The claim was moved.',
  assigned: 'The claim was assigned.',
  unassigned: 'The claim went back to the pool.',
  claimant: 'The claimant was corrected.',
  bulk: 'The action was applied to the chosen claims.',
  due: 'The due date was saved; the article’s claims carry it.',
  approved: 'The verdict is approved and published.',
  returned: 'The verdict went back to its reviewer, unverified, with your note.',
};

/** A bulk action's outcome: how many of the chosen claims it changed; each refused one keeps its state. */
function bulkNotice(outcome: { done?: number; of?: number }): string {
  if (outcome.done === undefined || outcome.of === undefined) return NOTICES.bulk;
  const refused = outcome.of - outcome.done;
  return `The action was applied to ${outcome.done} of ${outcome.of} chosen claim${outcome.of === 1 ? '' : 's'}${
    refused ? `; ${refused} could not take it (their history and status say why)` : ''
  }.`;
}

export function articlePage(
  page: ArticlePage,
  principal: Principal,
  notice: ArticleNotice | null = null,
  outcome: { done?: number; of?: number } = {},
): string {
  const { article, summary, claims, selected, people } = page;
  const hrefOf = (claim: { id: string }) =>
    articleHref(article.id, { claimId: claim.id, claimsCursor: page.claimsCursor });
  const editing = mayEdit(principal);
  const withdrawn = claims.filter((c) => c.status === 'withdrawn');
  const candidates = claims.filter((c) => c.status === 'candidate');
  const placed = new Set(placeableClaims(article.body, claims).map((c) => c.id));
  const url = safeHref(article.url);
  return layout(
    {
      title: article.title,
      principal,
      section: '/ui/articles',
      scripts: [
        ...(editing ? ['article.js'] : []),
        'live.js',
        ...(selected && isTeamMember(principal) ? ['comments.js'] : []),
      ],
    },
    html`<nav class="crumbs" aria-label="Breadcrumb"><a href="/ui/articles">Articles</a> › <span>${article.title}</span></nav>
    <header class="article-head">
      <h1>${article.title}</h1>
      <p class="muted">Posted ${formatDateTime(article.createdAt)}${article.publishedAt ? html` · published ${formatDateTime(article.publishedAt)}` : ''}${article.dueAt ? html` · <strong data-due-at="${article.dueAt.toISOString()}">due ${formatDateTime(article.dueAt)}</strong>` : ''}
        · revision ${article.revision} · ${article.status === 'ready' ? `${summary.total - summary.withdrawn} claims` : html`<strong>${article.status}</strong>`}
        ${url ? html` · <a href="${url}" rel="noopener noreferrer nofollow">original</a>` : ''}
        ${editing ? html` · <a href="/ui/articles/${article.id}/revise">Post a new revision</a>` : ''}</p>
      ${editing ? dueDateForm(article, principal) : ''}
      ${article.status === 'failed' ? html`<p class="alert error">Extraction failed: ${article.failureReason ?? 'unknown reason'}</p>` : ''}
      ${article.status === 'received' || article.status === 'extracting' ? html`<p class="alert" data-extracting>Claims are being extracted; they appear here when ready.</p>` : ''}
    </header>
    ${summaryPanel(summary, page.reviewed)}
    ${liveRegion(`/ui/live?article=${article.id}`, LIVE_PARTS)}
    <div class="columns">
      <section class="article-text" aria-label="Article text with its claims highlighted">
        <p class="hint muted">Each highlighted passage is a claim, coloured by its status. Select one to see its sources, notes and history.</p>
        <div class="body" lang="${article.language}" data-article-body>${highlightedText(article.body, claims, { selectedId: selected?.claim.id ?? null, hrefOf })}</div>
      </section>
      <aside class="sidebar" aria-label="Claim details">
        ${notice ? html`<p class="alert ok" role="status" id="notice">${notice === 'bulk' ? bulkNotice(outcome) : NOTICES[notice]}</p>` : ''}
        ${editing && article.status === 'ready' ? addClaimForm(article.id, principal) : ''}
        ${
          selected
            ? html`${claimDetail(selected.claim, selected.events, people, page.scale.ratings, editing && selected.claim.status !== 'candidate' ? html`${moveRefusal(selected.claim, selected.events, people)}${claimActions(selected.claim, principal, page.assignable, page.scale)}` : undefined)}${selected.claim.status === 'candidate' ? promoteForm(selected.claim, principal) : ''}${mayReadMatches(principal) ? seenBeforePanel(selected.claim, selected.matches, principal, 'article') : ''}
              ${isTeamMember(principal) ? commentThread(selected.claim.id, selected.comments, principal, articleHref(article.id, { claimId: selected.claim.id, claimsCursor: page.claimsCursor })) : ''}
              <p><a href="/ui/articles/${article.id}">Close</a>${editing ? html` · <a href="/ui/admin/audit?claim=${selected.claim.id}">This claim in the audit log</a>` : ''}</p>`
            : html`<h2>Claims</h2>
            ${canExport(principal) && claims.length > 0 ? exportLinks(new URLSearchParams({ articleId: article.id })) : ''}
            ${claims.length === 0 ? html`<p class="muted">No claims found${article.status === 'ready' ? '' : ' yet'}.</p>` : ''}
            <ol class="claim-list">${claims
              .filter((c) => c.status !== 'withdrawn' && c.status !== 'candidate')
              .map(
                (
                  c,
                ) => html`<li data-claim-item="${c.id}">${editing ? bulkCheckbox(c) : ''} ${statusChip(c.status)} <a href="${hrefOf(c)}">${shortStatement(c, 110)}</a>
                ${tagList(c.tags)}<span class="muted">${c.assigneeId ? `· ${people.reviewer(c.assigneeId)}` : ''}${placed.has(c.id) ? '' : ' · not in the current text'}</span></li>`,
              )}</ol>
            ${editing && claims.some((c) => c.status !== 'withdrawn' && c.status !== 'candidate') ? bulkActionBar(principal, articleHref(article.id), page.assignable) : ''}`
        }
        ${candidatePanel(candidates, principal, hrefOf)}
        ${
          withdrawn.length
            ? html`<details class="withdrawn"><summary>${withdrawn.length} withdrawn claim${withdrawn.length > 1 ? 's' : ''}</summary>
              <ul>${withdrawn.map((c) => html`<li><a href="${hrefOf(c)}">${statementOf(c)}</a></li>`)}</ul></details>`
            : ''
        }
        ${
          page.claimsCursor || page.claimsNextCursor
            ? html`<nav class="pager" aria-label="More claims">${page.claimsCursor ? html`<a href="/ui/articles/${article.id}">First claims</a>` : ''}
              ${page.claimsNextCursor ? html`<a href="${articleHref(article.id, { claimsCursor: page.claimsNextCursor })}">Next claims →</a>` : ''}</nav>`
            : ''
        }
      </aside>
    </div>`,
  ).value;
}
