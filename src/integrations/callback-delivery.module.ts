import { Module } from '@nestjs/common';
import { CallbackDeliveryService } from './callback-delivery.service';
import { CallbackEndpointsRepository } from './callback-endpoints.repository';

/** The worker side: sends callbacks. Its processor is provided by the worker module only. */
@Module({
  providers: [CallbackEndpointsRepository, CallbackDeliveryService],
  exports: [CallbackDeliveryService],
})
export class CallbackDeliveryModule {}
