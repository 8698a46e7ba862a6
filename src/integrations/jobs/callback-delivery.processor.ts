import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { DeliverCallbackJob } from '../../queue/job-data';
import { CALLBACK_DELIVERY_QUEUE, JOB_DELIVER_CALLBACK } from '../../queue/queue-names';
import { CallbackDeliveryService } from '../callback-delivery.service';

/** Sends wait on other servers, not on this one: more of them run at once than other jobs do. */
@Processor(CALLBACK_DELIVERY_QUEUE, { concurrency: 16 })
export class CallbackDeliveryProcessor extends WorkerHost {
  constructor(private readonly deliveries: CallbackDeliveryService) {
    super();
  }

  async process(job: Job<DeliverCallbackJob>): Promise<string> {
    if (job.name !== JOB_DELIVER_CALLBACK) throw new Error(`Unknown job ${job.name} on ${CALLBACK_DELIVERY_QUEUE}`);
    return this.deliveries.deliver(job.data.deliveryId);
  }
}
