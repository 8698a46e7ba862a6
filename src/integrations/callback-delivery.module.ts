import { Module } from '@nestjs/common';
import { CallbackDeliveryService } from './callback-delivery.service';

/** The worker side: sends callbacks. Its processor is provided by the worker module only. */
@Module({
  providers: [CallbackDeliveryService],
  exports: [CallbackDeliveryService],
})
export class CallbackDeliveryModule {}
