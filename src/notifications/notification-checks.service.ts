import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import { inTransaction } from '../database/unit-of-work';
import { MailOutboxRepository } from './mail-outbox.repository';
import { digestMail } from './notice-mail';
import { NotificationsRepository, type DueDigest } from './notifications.repository';
import { messageDomainOf, NotificationsService } from './notifications.service';

const CHECK_BATCH = 500;

/**
 * The worker's timed notices, all from Postgres (Redis plays no part, so losing it loses none): holds on claims about
 * to lapse (`lease_expiring`, once per lease), and each person's daily digest once its hour has come.
 */
@Injectable()
export class NotificationChecksService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationChecksService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly repository: NotificationsRepository,
    private readonly mail: MailOutboxRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.checkSafely(), this.config.get('NOTIFICATION_CHECK_MS', { infer: true }));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  check(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async checkSafely(): Promise<void> {
    try {
      await this.check();
    } catch (error) {
      this.logger.warn(`Notification check failed; the next one retries: ${(error as Error).message}`);
    }
  }

  private async pass(): Promise<void> {
    await this.leasesExpiring();
    if (this.config.get('SMTP_URL', { infer: true })) await this.digests();
  }

  private async leasesExpiring(): Promise<void> {
    const within = this.config.get('LEASE_EXPIRING_NOTICE_SECONDS', { infer: true });
    const expiring = await this.repository.leaseExpiring(within, CHECK_BATCH);
    if (expiring.length === 0) return;
    await inTransaction(this.dataSource, (em) =>
      this.notifications.notify(
        em,
        expiring.map((e) => ({
          userId: e.userId,
          kind: 'lease_expiring' as const,
          claimId: e.claimId,
          articleId: e.articleId,
          actorUserId: null,
          dedupeKey: `lease_expiring:${e.claimId}:${new Date(e.leaseExpiresAt).getTime()}`,
        })),
      ),
    );
  }

  private async digests(): Promise<void> {
    const due = await this.repository.dueDigests(this.config.get('DESK_TIME_ZONE', { infer: true }), CHECK_BATCH);
    for (const person of due) await this.sendDigest(person);
  }

  /** One person's digest, in one transaction: the mail row, the notices it carries, the day it was sent. */
  private async sendDigest(person: DueDigest): Promise<void> {
    const publicUrl = this.config.get('PUBLIC_URL', { infer: true });
    await inTransaction(this.dataSource, async (em) => {
      if (!(await this.repository.lockForDigest(em, person.userId, person.dueAt))) return;
      const notices = await this.repository.waitingForDigest(em, person.userId);
      if (notices.length === 0) return;
      const mail = digestMail(person, notices, publicUrl);
      const written = await this.mail.insert(em, [mail], messageDomainOf(publicUrl));
      const mailId = written.get(mail.dedupeKey);
      if (!mailId) return;
      await this.repository.markDigested(
        em,
        person.userId,
        notices.map((n) => n.id),
        mailId,
      );
    });
  }
}
