import type { NewMail } from './mail-outbox.repository';
import { describeNotice } from './notification-kinds';
import type { MailableNotification, NotificationRow } from './notifications.repository';

/** Where a notice's claim is read in the pages. */
export function claimLink(publicUrl: string, notice: { claimId: string | null; articleId: string | null }): string {
  if (!notice.articleId) return `${publicUrl}/ui/notifications`;
  const query = notice.claimId ? `?claim=${notice.claimId}` : '';
  return `${publicUrl}/ui/articles/${notice.articleId}${query}`;
}

function quoted(text: string | null): string {
  if (!text) return '';
  return `“${text.length > 300 ? `${text.slice(0, 297)}…` : text}”\n`;
}

/** One notice, one plain-text mail. */
export function noticeMail(notice: MailableNotification, publicUrl: string): NewMail {
  const headline = describeNotice(notice.kind, notice.actorName);
  return {
    userId: notice.userId,
    to: notice.email,
    subject: headline,
    text:
      `${headline}.\n\n${quoted(notice.claimText)}\n${claimLink(publicUrl, notice)}\n\n` +
      `Choose which notices reach you by mail: ${publicUrl}/ui/notifications\n`,
    dedupeKey: `notification:${notice.id}`,
  };
}

/** A person's daily digest: every notice that waited for it. */
export function digestMail(
  person: { userId: string; email: string; day: string },
  notices: NotificationRow[],
  publicUrl: string,
): NewMail {
  const lines = notices.map(
    (n) => `- ${describeNotice(n.kind, n.actorName)}\n  ${quoted(n.claimText)}  ${claimLink(publicUrl, n)}\n`,
  );
  return {
    userId: person.userId,
    to: person.email,
    subject: `Your claimdesk digest: ${notices.length} notice${notices.length === 1 ? '' : 's'}`,
    text: `${lines.join('\n')}\nChoose which notices reach you by mail: ${publicUrl}/ui/notifications\n`,
    dedupeKey: `digest:${person.userId}:${person.day}`,
  };
}
