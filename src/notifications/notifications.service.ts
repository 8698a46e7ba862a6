import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/pagination';
import type { Environment } from '../config/environment';
import { MailOutboxRepository } from './mail-outbox.repository';
import { noticeMail } from './notice-mail';
import { NOTIFICATION_KINDS, preferencesWithDefaults, type NotificationPreferences } from './notification-kinds';
import { NotificationsRepository, type NewNotification, type NotificationRow } from './notifications.repository';

/** The domain of a mail's Message-ID: the desk's own host. */
export function messageDomainOf(publicUrl: string): string {
  return `claimdesk.${new URL(publicUrl).hostname || 'localhost'}`;
}

/** Notices to people, written in the transaction of what they report, with the mail each person wants at once. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mail: MailOutboxRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Raises the notices (nobody is told of what they did themselves); mail for those whose person wants it now. */
  async notify(em: EntityManager, notices: NewNotification[]): Promise<void> {
    const toOthers = notices.filter((n) => n.userId !== n.actorUserId);
    const inserted = await this.notifications.insert(em, toOthers);
    if (!this.config.get('SMTP_URL', { infer: true })) return;
    const immediate = inserted.filter((n) => n.delivery === 'immediately').map((n) => n.id);
    if (immediate.length === 0) return;
    const publicUrl = this.config.get('PUBLIC_URL', { infer: true });
    const mails = (await this.notifications.mailable(em, immediate)).map((n) => noticeMail(n, publicUrl));
    await this.mail.insert(em, mails, messageDomainOf(publicUrl));
  }

  list(principal: Principal, page: { cursor?: string; limit?: number }): Promise<Page<NotificationRow>> {
    return this.notifications.list(personOf(principal), { cursor: page.cursor, limit: page.limit ?? 50 });
  }

  async markRead(principal: Principal, ids: string[]): Promise<{ marked: string[]; unread: number }> {
    const person = personOf(principal);
    const marked = await this.notifications.markRead(person, ids);
    return { marked, unread: await this.notifications.unreadCount(person) };
  }

  unreadCount(principal: Principal): Promise<number> {
    return this.notifications.unreadCount(personOf(principal));
  }

  async preferences(principal: Principal): Promise<NotificationPreferences> {
    return preferencesWithDefaults(await this.notifications.preferences(personOf(principal)));
  }

  async savePreferences(
    principal: Principal,
    change: { kinds?: Partial<NotificationPreferences['kinds']>; digestHour?: number },
  ): Promise<NotificationPreferences> {
    const person = personOf(principal);
    const current = preferencesWithDefaults(await this.notifications.preferences(person));
    const kinds = { ...current.kinds };
    for (const kind of NOTIFICATION_KINDS) {
      const chosen = change.kinds?.[kind];
      if (chosen) kinds[kind] = chosen;
    }
    const next = { kinds, digestHour: change.digestHour ?? current.digestHour };
    await this.notifications.savePreferences(person, next);
    return next;
  }
}

/** Notices belong to people: the one signed in, or the one who owns the key. */
export function personOf(principal: Principal): string {
  if (!principal.userId)
    throw new ApiError(
      HttpStatus.FORBIDDEN,
      'no_person',
      'Notifications belong to people: this key has no owner. Use a key issued to a person, or sign in to the pages.',
    );
  return principal.userId;
}
