import { Module } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';
import { NotificationChecksService } from './notification-checks.service';
import { NotificationsModule } from './notifications.module';

/** Worker only: the mail sender and the timed notices (lease about to lapse, daily digests). */
@Module({
  imports: [NotificationsModule],
  providers: [MailDeliveryService, NotificationChecksService],
})
export class NotificationsWorkerModule {}
