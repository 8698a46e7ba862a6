import { Module } from '@nestjs/common';
import { MailOutboxRepository } from './mail-outbox.repository';
import { NotificationEventsListener } from './notification-events.listener';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Notices to people and the mail that carries them; imported by both processes, so every event is heard. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, MailOutboxRepository, NotificationsService, NotificationEventsListener],
  exports: [NotificationsService, NotificationsRepository, MailOutboxRepository],
})
export class NotificationsModule {}
