import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module';
import { AppLoggerModule } from './config/logger.module';
import { DatabaseModule } from './database/database.module';
import { CallbackOutboxModule } from './integrations/callback-outbox.module';
import { QueueModule } from './queue/queue.module';

/** What both processes stand on: configuration, logs, Postgres, the queues and the callback outbox. */
@Module({
  imports: [AppConfigModule, AppLoggerModule, DatabaseModule, QueueModule, CallbackOutboxModule],
  exports: [AppConfigModule, AppLoggerModule, DatabaseModule, QueueModule, CallbackOutboxModule],
})
export class InfrastructureModule {}
