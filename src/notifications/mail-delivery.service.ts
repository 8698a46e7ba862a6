import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Transporter } from 'nodemailer';
import type { Environment } from '../config/environment';
import { MailOutboxRepository, type OutgoingMail } from './mail-outbox.repository';
import { MAIL_BATCH, MAIL_LEASE_SECONDS, retryDelayMs, smtpTransport } from './mail-transport';

/**
 * The worker's mail sender. Postgres holds every mail until the server has accepted it: a sender claims due rows
 * with a lease (`FOR UPDATE SKIP LOCKED`, so two workers never take the same one), sends them at once over a pool of
 * connections, and marks each sent as soon as the server accepts it; a refusal or an outage puts it back with a
 * doubling delay. A sender that dies between the server's acceptance and the mark leaves the row to be sent again once
 * its lease lapses, with the same Message-ID, which the receiving side can recognise.
 */
@Injectable()
export class MailDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailDeliveryService.name);
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private failing = false;

  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    const smtpUrl = this.config.get('SMTP_URL', { infer: true });
    if (!smtpUrl) return;
    this.transport = smtpTransport(smtpUrl);
    this.timer = setInterval(() => void this.sendSafely(), this.config.get('MAIL_POLL_MS', { infer: true }));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  /** Sends what is due, batch after batch; one pass at a time in this process. Answers how many were accepted. */
  sendDue(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async sendSafely(): Promise<void> {
    try {
      await this.sendDue();
    } catch (error) {
      this.logger.warn(`Mail pass failed; the next one retries: ${(error as Error).message}`);
    }
  }

  private async pass(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.outbox.claimDue(MAIL_BATCH, MAIL_LEASE_SECONDS);
      const accepted = await Promise.all(batch.map((mail) => this.send(mail)));
      sent += accepted.filter(Boolean).length;
      if (batch.length < MAIL_BATCH) return sent;
    }
  }

  private async send(mail: OutgoingMail): Promise<boolean> {
    try {
      await this.transport!.sendMail({
        from: this.config.get('MAIL_FROM', { infer: true }),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    } catch (error) {
      const delay = retryDelayMs(
        mail.attempts,
        this.config.get('MAIL_RETRY_BASE_MS', { infer: true }),
        this.config.get('MAIL_RETRY_MAX_MS', { infer: true }),
      );
      if (!this.failing) this.logger.warn(`Mail not accepted (${(error as Error).message}); retried in ${delay} ms`);
      this.failing = true;
      await this.outbox.markFailed(mail.id, (error as Error).message, delay);
      return false;
    }
    this.failing = false;
    await this.outbox.markSent(mail.id);
    return true;
  }
}
