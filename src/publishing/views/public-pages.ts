import { claimantKindOf } from '../../claims/claimant-kind';
import { publicPageState, publicPageUrl } from '../../claims/public-page';
import type { ClaimReviewLd } from '../../integrations/claim-review.response';
import { assetUrl } from '../../ui/page-assets';
import { Html, html, safeHref } from '../../ui/views/html';
import type { ResolvedRating } from '../../settings/desk-settings';
import type { PublicFactCheckRow } from '../public-fact-checks.repository';

/** A public fact-check with its rating read off the desk's scale. */
export interface PublicFactCheck extends PublicFactCheckRow {
  rating: ResolvedRating | null;
}

export interface Desk {
  name: string;
  url: string;
}

const VERDICT_LABELS: Record<string, string> = { sourced: 'Sourced', disputed: 'Disputed' };

/** The verdict as readers see it: its rating on the desk's scale where it has one, else sourced or disputed. */
function verdictLabel(fc: PublicFactCheck): string {
  return fc.rating?.label ?? VERDICT_LABELS[fc.status];
}

/** Made once: `toLocaleDateString` with options builds a formatter on every call, a large share of a page's render. */
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Dates as readers anywhere read them, in UTC: "5 December 2026". */
function day(date: Date): string {
  return DAY.format(new Date(date));
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no text in it can close the element. */
function jsonLd(value: unknown): Html {
  return new Html(JSON.stringify(value).replace(/</g, '\\u003c'));
}

function publicLayout(desk: Desk, title: string, head: Html, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${desk.name}</title>
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${assetUrl('ui.css')}">
<link rel="alternate" type="application/atom+xml" title="${desk.name} fact-checks" href="/fact-checks/feed.atom">
${head}
</head>
<body class="public">
<a class="skip" href="#main">Skip to content</a>
<header class="topbar"><a class="brand" href="/fact-checks">${desk.name} · fact-checks</a></header>
<main id="main" class="public-main">
${body}
</main>
<footer class="public-footer"><p>Fact-checked by <a href="${desk.url}">${desk.name}</a>.</p></footer>
</body>
</html>`.value;
}

function saidBy(row: PublicFactCheck): Html {
  const source = safeHref(row.articleUrl);
  const where = source
    ? html`<a href="${source}" rel="nofollow noopener">${row.articleTitle}</a>`
    : html`${row.articleTitle}`;
  const when = day(row.articlePublishedAt ?? row.articleCreatedAt);
  return row.claimant
    ? html`<p class="said-by">Said by <strong>${row.claimant}</strong> <span class="muted">(${claimantKindOf(row)})</span>, as reported in ${where}, ${when}.</p>`
    : html`<p class="said-by">Stated in ${where}, ${when}.</p>`;
}

function sourceList(row: PublicFactCheck): Html {
  if (row.sources.length === 0) return html`<p class="muted">No sources were attached to this verdict.</p>`;
  return html`<ul class="sources">${row.sources.map((s) => {
    const href = safeHref(s.url);
    const link = href ? html`<a href="${href}" rel="nofollow noopener">${s.title ?? s.url}</a>` : html`${s.url}`;
    return html`<li>${link}${s.quote ? html`<blockquote>${s.quote}</blockquote>` : ''}</li>`;
  })}</ul>`;
}

function standing(row: PublicFactCheck, desk: Desk): Html {
  const state = publicPageState(row);
  if (state === 'published')
    return html`<p class="verdict verdict-${row.status}"><span class="verdict-label">${verdictLabel(row)}</span>
      <span class="muted">checked ${day(row.verdictAt ?? row.changedAt)}</span></p>
      ${row.publicNote ? html`<h2>Why</h2><p class="public-note">${row.publicNote}</p>` : ''}
      <h2>Sources</h2>
      ${sourceList(row)}`;
  const reviewing = state === 'under_review';
  return html`<p class="verdict verdict-${state ?? 'withdrawn'}" role="status"><span class="verdict-label">${reviewing ? 'Under review' : 'Withdrawn'}</span>
    <span class="muted">since ${day(row.changedAt)}</span></p>
    <p>${reviewing ? `${desk.name} is looking at this claim again; its earlier verdict no longer stands.` : `${desk.name} withdrew its verdict on this claim.`}</p>`;
}

/** One fact-check: the claim, who said it and where, the verdict with its sources; or that it no longer stands. */
export function factCheckPage(row: PublicFactCheck, desk: Desk, review: ClaimReviewLd | null): string {
  const head = html`<link rel="canonical" href="${publicPageUrl(row.publicSlug)}">
<meta name="description" content="${`${desk.name} checked: ${row.statement}`.slice(0, 300)}">
${review ? html`<script type="application/ld+json">${jsonLd({ '@context': 'https://schema.org', ...review })}</script>` : ''}`;
  return publicLayout(
    desk,
    `Fact-check: ${row.statement.slice(0, 80)}`,
    head,
    html`<article class="fact-check" data-state="${publicPageState(row) ?? ''}">
      <p class="muted">Fact-check · first published <time datetime="${new Date(row.publishedAt).toISOString()}">${day(row.publishedAt)}</time></p>
      <h1 class="claim-quote">“${row.statement}”</h1>
      ${saidBy(row)}
      ${standing(row, desk)}
    </article>`,
  );
}

/** The desk's standing verdicts, newest first, a page at a time. */
export function factCheckIndex(rows: PublicFactCheck[], next: string | null, desk: Desk): string {
  const list = rows.length
    ? html`<ol class="fact-check-list">${rows.map(
        (row) => html`<li><a href="/fact-checks/${row.publicSlug}">“${row.statement}”</a>
          <span class="verdict-chip verdict-${row.status}">${verdictLabel(row)}</span>
          <span class="muted">${row.claimant ? `${row.claimant}, ` : ''}${day(row.publishedAt)}</span></li>`,
      )}</ol>`
    : html`<p class="muted">No fact-checks published yet.</p>`;
  return publicLayout(
    desk,
    'Fact-checks',
    html`<link rel="canonical" href="${publicPageUrl('').replace(/\/$/, '')}">`,
    html`<h1>Fact-checks</h1>
    ${list}
    ${next ? html`<p><a rel="next" href="/fact-checks?cursor=${next}">Older fact-checks</a></p>` : ''}`,
  );
}

/** sitemap.xml: every page's address and when it last changed. */
export function sitemap(addresses: { publicSlug: string; changedAt: Date }[]): string {
  const urls = addresses.map(
    (a) =>
      html`<url><loc>${publicPageUrl(a.publicSlug)}</loc><lastmod>${new Date(a.changedAt).toISOString()}</lastmod></url>`
        .value,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** An Atom feed of the newest standing verdicts. */
export function atomFeed(rows: PublicFactCheck[], desk: Desk): string {
  const feedUrl = publicPageUrl('feed.atom');
  const updated = new Date(Math.max(0, ...rows.map((row) => new Date(row.changedAt).getTime()))).toISOString();
  const entries = rows.map(
    (row) => html`<entry>
<id>${publicPageUrl(row.publicSlug)}</id>
<title>${verdictLabel(row)}: ${row.statement}</title>
<link rel="alternate" type="text/html" href="${publicPageUrl(row.publicSlug)}"/>
<published>${new Date(row.publishedAt).toISOString()}</published>
<updated>${new Date(row.changedAt).toISOString()}</updated>
<summary>${row.claimant ? `${row.claimant}: ` : ''}${row.statement}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n${
    html`<feed xmlns="http://www.w3.org/2005/Atom">
<title>${desk.name} fact-checks</title>
<id>${feedUrl}</id>
<link rel="self" href="${feedUrl}"/>
<link rel="alternate" type="text/html" href="${publicPageUrl('').replace(/\/$/, '')}"/>
<updated>${updated}</updated>
<author><name>${desk.name}</name><uri>${desk.url}</uri></author>
${entries}
</feed>`.value
  }\n`;
}
