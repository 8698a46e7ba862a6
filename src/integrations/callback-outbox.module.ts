import { Global, Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { CallbackOutboxRepository } from './callback-outbox.repository';
import { CallbackOutboxService } from './callback-outbox.service';
import { CallbackQueueService } from './callback-queue.service';
import { ClaimCallbacksListener } from './claim-callbacks.listener';

/** Global, like the queues: every domain that changes an article or a claim writes its callbacks here; the outbox's rows are read and settled through its repository. */
@Global()
@Module({
  imports: [SettingsModule],
  providers: [CallbackOutboxRepository, CallbackOutboxService, CallbackQueueService, ClaimCallbacksListener],
  exports: [CallbackOutboxRepository, CallbackOutboxService, CallbackQueueService],
})
export class CallbackOutboxModule {}
