import type { ClaimSummary } from '../../claims/article.response';
import { CLAIM_STATUSES, type ClaimStatus } from '../../claims/claim-status';
import { percent } from './format';
import { html, type Html } from './html';

/** What each status means to a reader; the colours live in ui.css (.status-<name>). */
export const STATUS_LABELS: Record<ClaimStatus, { label: string; meaning: string }> = {
  unverified: { label: 'Unverified', meaning: 'waiting for a reviewer' },
  sourced: { label: 'Sourced', meaning: 'backed by a source' },
  disputed: { label: 'Disputed', meaning: 'the evidence contradicts it' },
  dismissed: { label: 'Dismissed', meaning: 'not a checkable claim' },
  withdrawn: { label: 'Withdrawn', meaning: 'gone from the latest revision' },
  candidate: { label: 'Candidate', meaning: 'scored below the threshold: not queued until an editor promotes it' },
};

export function statusChip(status: ClaimStatus): Html {
  return html`<span class="chip status-${status}" data-status="${status}">${STATUS_LABELS[status].label}</span>`;
}

/** Verdicts over the claims that still count (withdrawn ones do not). */
export function verdictShare(summary: ClaimSummary): { decided: number; counted: number; percent: number } {
  const counted = summary.total - summary.withdrawn;
  const decided = summary.sourced + summary.disputed + summary.dismissed;
  return { decided, counted, percent: percent(decided, counted) };
}

/** A stacked bar drawn in SVG (attributes, not inline styles, so the CSP needs no 'unsafe-inline'). */
export function stackedBar(summary: ClaimSummary, options: { width?: number; height?: number; label: string }): Html {
  const width = options.width ?? 600;
  const height = options.height ?? 18;
  const total = summary.total || 1;
  let x = 0;
  const segments = (['sourced', 'disputed', 'dismissed', 'unverified', 'withdrawn'] as const)
    .filter((status) => summary[status] > 0)
    .map((status) => {
      const w = (summary[status] / total) * width;
      const rect = html`<rect class="fill-${status}" x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="${height}"><title>${STATUS_LABELS[status].label}: ${summary[status]}</title></rect>`;
      x += w;
      return rect;
    });
  return html`<svg class="bar" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label="${options.label}">
    <rect class="fill-empty" x="0" y="0" width="${width}" height="${height}"></rect>${segments}</svg>`;
}

/** The colour key with each status's count: the legend doubles as the tally. */
export function legend(summary?: ClaimSummary): Html {
  return html`<ul class="legend" aria-label="Claim statuses">${CLAIM_STATUSES.map(
    (
      status,
    ) => html`<li><span class="swatch fill-bg-${status}" aria-hidden="true"></span><strong>${STATUS_LABELS[status].label}</strong>
      ${summary ? html`<span class="count" data-count="${status}">${summary[status]}</span>` : ''}
      <span class="meaning">${STATUS_LABELS[status].meaning}</span></li>`,
  )}</ul>`;
}

export function summaryPanel(summary: ClaimSummary, reviewed: boolean): Html {
  const share = verdictShare(summary);
  return html`<section class="summary" aria-labelledby="summary-heading" data-summary-percent="${share.percent}">
    <div class="summary-head">
      <h2 id="summary-heading">Verification</h2>
      <p class="summary-figure"><span class="big" data-testid="verdict-percent">${share.percent}%</span>
        of claims have a verdict <span class="muted">(${share.decided} of ${share.counted})</span>
        ${reviewed ? html`<span class="chip done">Fully reviewed</span>` : html`<span class="chip pending">${summary.unverified} still to check</span>`}</p>
    </div>
    ${stackedBar(summary, { label: `${share.decided} of ${share.counted} claims have a verdict` })}
    ${legend(summary)}
  </section>`;
}
