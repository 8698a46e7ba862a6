import { statementOf } from '../../claims/claim-statement';
import { claimantKindOf } from '../../claims/claimant-kind';
import type { ClaimEventEntity } from '../../claims/claim-event.entity';
import type { ClaimEntity } from '../../claims/claim.entity';
import { resolveRating, type RatingStep } from '../../settings/desk-settings';
import type { PeopleDirectory } from '../people.service';
import { formatDateTime } from './format';
import { html, safeHref, type Html } from './html';
import { STATUS_LABELS, statusChip } from './status';
import { tagList } from './bulk-actions';

/** The id of a claim's passage in the article text: the anchor that keeps the reader's place. */
export const passageId = (claimId: string) => `passage-${claimId}`;

/** The claims that can be placed in the current text: not withdrawn, in order, not overlapping. */
export function placeableClaims(body: string, claims: ClaimEntity[]): ClaimEntity[] {
  const placed: ClaimEntity[] = [];
  let end = 0;
  for (const claim of [...claims].filter((c) => c.status !== 'withdrawn').sort((a, b) => a.start - b.start)) {
    if (claim.start >= end && claim.end <= body.length) {
      placed.push(claim);
      end = claim.end;
    }
  }
  return placed;
}

/**
 * The text from `from` to `to` with each claim marked in its status colour. Each mark carries
 * data-claim-id and data-status; `hrefOf` makes it a link (keyboard-reachable) to the claim's details.
 */
export function highlightedText(
  body: string,
  claims: ClaimEntity[],
  options: { from?: number; to?: number; selectedId?: string | null; hrefOf?: (claim: ClaimEntity) => string },
): Html {
  const from = options.from ?? 0;
  const to = options.to ?? body.length;
  const parts: Html[] = [];
  let cursor = from;
  for (const claim of placeableClaims(body, claims)) {
    if (claim.end <= from || claim.start >= to) continue;
    const start = Math.max(claim.start, from);
    const end = Math.min(claim.end, to);
    parts.push(html`${body.slice(cursor, start)}`);
    const selected = claim.id === options.selectedId;
    const text = body.slice(start, end);
    const label = html`<span class="visually-hidden"> (claim, ${STATUS_LABELS[claim.status].label.toLowerCase()})</span>`;
    parts.push(
      options.hrefOf
        ? html`<a class="claim status-${claim.status}${selected ? ' selected' : ''}" id="${passageId(claim.id)}" href="${options.hrefOf(claim)}" data-claim-id="${claim.id}" data-status="${claim.status}"${selected ? html` aria-current="true"` : ''}>${text}${label}</a>`
        : html`<mark class="claim status-${claim.status}${selected ? ' selected' : ''}" data-claim-id="${claim.id}" data-status="${claim.status}">${text}${label}</mark>`,
    );
    cursor = end;
  }
  parts.push(html`${body.slice(cursor, to)}`);
  return html`${parts}`;
}

export function sourceLink(source: { url: string; title?: string; quote?: string }): Html {
  const href = safeHref(source.url);
  const title = source.title || source.url;
  return html`${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${title}</a>` : title}${
    source.quote ? html`<blockquote>${source.quote}</blockquote>` : ''
  }`;
}

const EVENT_WORDS: Record<string, string> = {
  created: 'found in the text',
  assigned: 'assigned',
  unassigned: 'unassigned',
  released: 'released back to the pool',
  lease_expired: 'lease expired',
  withdrawn: 'withdrawn (gone from the new revision)',
  match_confirmed: 'confirmed a match (seen before)',
  match_rejected: 'rejected a match (seen before)',
  claimant_changed: 'corrected the claimant',
  tags_changed: 'changed the tags',
  approved: 'approved the verdict (second opinion): it is published',
  returned: 'returned the verdict to its reviewer (second opinion)',
};

const APPROVAL_WORDS: Record<string, string> = {
  pending: 'waiting for a second opinion (not published)',
  approved: 'approved by a second opinion',
};

export function eventSummary(event: ClaimEventEntity, people: PeopleDirectory): Html {
  const who = people.actor(event);
  if (event.type === 'transition' || event.type === 'verdict_undone') {
    return html`<strong>${who}</strong> ${event.type === 'transition' ? 'moved it' : 'undid the verdict'} ${event.fromStatus ? statusChip(event.fromStatus) : ''} → ${event.toStatus ? statusChip(event.toStatus) : ''}${event.rating ? html` <span class="chip rating">rated ${event.rating}</span>` : ''}`;
  }
  if (
    event.type === 'assigned' ||
    event.type === 'unassigned' ||
    event.type === 'released' ||
    event.type === 'lease_expired'
  ) {
    return html`${EVENT_WORDS[event.type]}: <strong>${people.reviewer(event.reviewerId) ?? '—'}</strong>${event.actorRole !== 'reviewer' ? html` <span class="muted">by ${who}</span>` : ''}`;
  }
  if (event.type === 'note') return html`<strong>${who}</strong> ${addedWords(event)}`;
  if (event.type === 'tags_changed')
    return html`<strong>${who}</strong> ${EVENT_WORDS.tags_changed}: ${event.note ?? ''}`;
  return html`<strong>${who}</strong> ${EVENT_WORDS[event.type] ?? event.type}`;
}

/** What a note event added: a note, sources, or both — never "evidence" for a plain note. */
function addedWords(event: ClaimEventEntity): string {
  const count = event.sources?.length ?? 0;
  const sources = count ? `${count} source${count > 1 ? 's' : ''}` : '';
  return `added ${[event.note ? 'a note' : '', sources].filter(Boolean).join(' and ')}`;
}

/** Everything known about one claim: who, what evidence, and every step of its history; `actions` (an editor's forms) follow the facts. */
export function claimDetail(
  claim: ClaimEntity,
  events: ClaimEventEntity[],
  people: PeopleDirectory,
  ratings: RatingStep[],
  actions?: Html,
): Html {
  const sources = events.flatMap((e) => (e.sources ?? []).map((s) => ({ ...s, by: people.actor(e), at: e.createdAt })));
  const notes = events
    .filter((e) => e.note && e.type !== 'tags_changed')
    .map((e) => ({ note: e.note!, by: people.actor(e), at: e.createdAt, type: e.type, to: e.toStatus }));
  return html`<article class="claim-detail" aria-labelledby="claim-heading" data-claim-detail="${claim.id}">
    <h2 id="claim-heading">Claim ${statusChip(claim.status)}</h2>
    <blockquote class="claim-quote status-${claim.status}">${statementOf(claim)}</blockquote>
    <dl class="facts">
      <dt>Claimant</dt><dd>${claim.claimant ? html`${claim.claimant} <span class="muted">(${claimantKindOf(claim)})</span>` : 'the article itself'}</dd>
      <dt>Type</dt><dd>${claim.type}</dd>
      <dt>Check-worthiness</dt><dd>${claim.checkworthiness.toFixed(2)}</dd>
      <dt>Reviewer</dt><dd>${claim.assigneeId ? html`${people.reviewer(claim.assigneeId)} <span class="muted">(working on it)</span>` : claim.lastVerdictReviewerId ? html`${people.reviewer(claim.lastVerdictReviewerId)} <span class="muted">(gave the verdict)</span>` : html`<span class="muted">none yet</span>`}</dd>
      <dt>Rating</dt><dd data-rating="${claim.rating ?? ''}">${claim.rating ? (resolveRating(ratings, claim.rating)?.label ?? claim.rating) : html`<span class="muted">none</span>`}</dd>
      ${claim.approval ? html`<dt>Approval</dt><dd data-approval="${claim.approval}">${APPROVAL_WORDS[claim.approval]}</dd>` : ''}
      <dt>Tags</dt><dd>${claim.tags.length ? tagList(claim.tags) : html`<span class="muted">none</span>`}</dd>
      <dt>Due</dt><dd>${claim.dueAt ? formatDateTime(claim.dueAt) : html`<span class="muted">no due date</span>`}</dd>
      <dt>Version</dt><dd>${claim.version}</dd>
    </dl>
    ${actions ?? ''}
    <h3>Sources</h3>
    ${
      sources.length
        ? html`<ul class="sources">${sources.map((s) => html`<li>${sourceLink(s)} <span class="muted">— ${s.by}, ${formatDateTime(s.at)}</span></li>`)}</ul>`
        : html`<p class="muted">No sources yet.</p>`
    }
    <h3>Notes</h3>
    ${
      notes.length
        ? html`<ul class="notes">${notes.map((n) => html`<li><p>${n.note}</p><span class="muted">— ${n.by}, ${formatDateTime(n.at)}${n.to ? ` (moving it to ${n.to})` : ''}</span></li>`)}</ul>`
        : html`<p class="muted">No notes yet.</p>`
    }
    <h3>History</h3>
    ${
      events.length
        ? html`<ol class="timeline">${events.map((e) => html`<li><time datetime="${new Date(e.createdAt).toISOString()}">${formatDateTime(e.createdAt)}</time> ${eventSummary(e, people)}</li>`)}</ol>`
        : html`<p class="muted">No events yet.</p>`
    }
  </article>`;
}
