import { Global, Module } from '@nestjs/common';
import { CallbackOutboxService } from './callback-outbox.service';
import { CallbackQueueService } from './callback-queue.service';
import { ClaimCallbacksListener } from './claim-callbacks.listener';

/** Global, like the queues: every domain that changes an article or a claim writes its callbacks here. */
@Global()
@Module({
  providers: [CallbackOutboxService, CallbackQueueService, ClaimCallbacksListener],
  exports: [CallbackOutboxService, CallbackQueueService],
})
export class CallbackOutboxModule {}
