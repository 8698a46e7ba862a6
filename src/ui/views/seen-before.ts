import { html, safeHref, type Html } from './html';
import { toMatchResponse } from '../../fact-checks/fact-check.response';
import type { StoredMatch } from '../../fact-checks/fact-checks.repository';

/** The "Seen before" panel: a claim's matches, best first (decide them with POST /claims/:id/matches/:matchId/confirm|reject). */
export function seenBeforePanel(matches: StoredMatch[]): Html {
  const items = matches.map(toMatchResponse);
  return html`<section class="seen-before" aria-label="Seen before">
    <h3>Seen before</h3>
    ${items.length === 0
      ? html`<p class="muted">No earlier verdict or fact-check matches this claim.</p>`
      : html`<ol class="matches">${items.map((m) => {
          const href = safeHref(m.url);
          const label = m.kind === 'fact-check' ? `fact-check · ${m.rating ?? 'unrated'}` : `${m.sameText ? 'same claim' : 'desk claim'} · ${m.status ?? ''}`;
          return html`<li><span class="muted">${label} · score ${m.score.toFixed(2)}${m.state === 'confirmed' ? ' · confirmed' : ''}</span><br>
            ${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${m.text}</a>` : m.kind === 'claim' && m.articleId ? html`<a href="/ui/articles/${m.articleId}?claim=${m.claimId ?? ''}">${m.text}</a>` : m.text}</li>`;
        })}</ol>`}
  </section>`;
}
