import type { Principal } from '../../auth/principal';
import type { CommentRow } from '../../comments/comments.repository';
import { COMMENT_MAX_LENGTH } from '../../comments/dto/comment.dto';
import {
  describeNotice,
  MAIL_DELIVERIES,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
} from '../../notifications/notification-kinds';
import type { NotificationRow } from '../../notifications/notifications.repository';
import { clip } from '../../common/text-rules';
import { formatDateTime } from './format';
import { html, type Html } from './html';
import { csrfField, layout } from './layout';

/** Whether the pages show the team's features (threads, the bell) to this caller: people, not integrators. */
export function isTeamMember(principal: Principal): boolean {
  return principal.role !== 'integrator';
}

/** A claim's comments and the form to add one, with @ completion over people (comments.js). */
export function commentThread(claimId: string, comments: CommentRow[], principal: Principal, returnTo: string): Html {
  return html`<section class="comments" aria-labelledby="comments-heading" data-comments="${claimId}">
    <h3 id="comments-heading">Comments <span class="muted">(internal)</span></h3>
    ${
      comments.length
        ? html`<ol class="comment-list">${comments.map(
            (c) => html`<li id="comment-${c.id}"><p class="comment-body">${c.body}</p>
              <span class="muted">— ${c.authorName}, ${formatDateTime(c.createdAt)}${c.editedAt ? ' (edited)' : ''}${c.mentions.length ? html` · for ${c.mentions.map((m) => m.name).join(', ')}` : ''}</span></li>`,
          )}</ol>`
        : html`<p class="muted">No comments yet.</p>`
    }
    <form method="post" action="/ui/claims/${claimId}/comments" class="comment-form" data-comment-form>
      ${csrfField(principal)}<input type="hidden" name="returnTo" value="${returnTo}">
      <input type="hidden" name="mentions" value="" data-mention-ids>
      <label for="comment-body">Add a comment <span class="muted">— type @ to mention someone</span></label>
      <textarea id="comment-body" name="body" rows="3" maxlength="${COMMENT_MAX_LENGTH}" required data-mention-input aria-autocomplete="list" aria-controls="mention-choices"></textarea>
      <ul id="mention-choices" class="mention-choices" role="listbox" aria-label="People to mention" hidden data-mention-choices></ul>
      <button type="submit">Comment</button>
    </form>
  </section>`;
}

const DELIVERY_LABELS = { immediately: 'At once', digest: 'In the daily digest', off: 'Not by mail' } as const;
const KIND_LABELS: Record<NotificationKind, string> = {
  assigned: 'A claim is assigned to you',
  mentioned: 'Someone mentions you',
  second_opinion_requested: 'A verdict waits for a second opinion',
  returned: 'Your verdict is returned',
  lease_expiring: 'Your hold on a claim is about to lapse',
  due_soon: 'A claim you hold is due soon',
};

function noticeItem(n: NotificationRow): Html {
  const href = n.articleId ? `/ui/articles/${n.articleId}${n.claimId ? `?claim=${n.claimId}` : ''}` : null;
  return html`<li class="notice${n.readAt ? '' : ' unread'}" data-notification="${n.id}">
    <strong>${describeNotice(n.kind, n.actorName)}</strong>${n.readAt ? '' : html` <span class="chip">new</span>`}
    ${n.claimText ? html`<br>${href ? html`<a href="${href}">“${clip(n.claimText, 160)}”</a>` : html`“${clip(n.claimText, 160)}”`}` : ''}
    <br><span class="muted">${formatDateTime(n.createdAt)}</span></li>`;
}

export function notificationsPage(
  principal: Principal,
  page: { items: NotificationRow[]; nextCursor: string | null },
  preferences: NotificationPreferences,
  mailEnabled: boolean,
): string {
  const unread = page.items.filter((n) => !n.readAt).map((n) => n.id);
  return layout(
    { title: 'Notifications', principal, section: '/ui/notifications' },
    html`<h1>Notifications</h1>
    <div class="columns">
      <section aria-label="Your notices">
        ${
          unread.length
            ? html`<form method="post" action="/ui/notifications/read">${csrfField(principal)}<input type="hidden" name="ids" value="${unread.join(',')}"><button type="submit">Mark all read</button></form>`
            : ''
        }
        ${page.items.length ? html`<ol class="notices">${page.items.map(noticeItem)}</ol>` : html`<p class="muted">Nothing yet.</p>`}
        ${page.nextCursor ? html`<p><a href="/ui/notifications?cursor=${page.nextCursor}">Older</a></p>` : ''}
      </section>
      <aside class="sidebar" aria-labelledby="mail-heading">
        <h2 id="mail-heading">By mail</h2>
        ${mailEnabled ? '' : html`<p class="muted">This desk sends no mail (no SMTP_URL); your choices apply once it does.</p>`}
        <form method="post" action="/ui/notifications/preferences" class="preferences">
          ${csrfField(principal)}
          ${NOTIFICATION_KINDS.map(
            (kind) => html`<label for="pref-${kind}">${KIND_LABELS[kind]}</label>
            <select id="pref-${kind}" name="${kind}">${MAIL_DELIVERIES.map(
              (d) =>
                html`<option value="${d}"${preferences.kinds[kind] === d ? html` selected` : ''}>${DELIVERY_LABELS[d]}</option>`,
            )}</select>`,
          )}
          <label for="pref-digest-hour">Daily digest at (your time zone)</label>
          <select id="pref-digest-hour" name="digestHour">${Array.from(
            { length: 24 },
            (_, h) =>
              html`<option value="${h}"${preferences.digestHour === h ? html` selected` : ''}>${String(h).padStart(2, '0')}:00</option>`,
          )}</select>
          <button type="submit">Save</button>
        </form>
      </aside>
    </div>`,
  ).value;
}
