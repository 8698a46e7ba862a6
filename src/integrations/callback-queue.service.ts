import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { enqueueInBatches } from '../queue/enqueue';
import type { DeliverCallbackJob } from '../queue/job-data';
import { deliverCallbackJobOptions } from '../queue/job-options';
import { CALLBACK_DELIVERY_QUEUE, JOB_DELIVER_CALLBACK } from '../queue/queue-names';

export interface DueDelivery {
  id: string;
  nextAttemptAt: Date;
}

/** Produces deliver-callback jobs; the delivery rows say what is owed, the jobs only make it happen on time. */
@Injectable()
export class CallbackQueueService {
  constructor(@InjectQueue(CALLBACK_DELIVERY_QUEUE) private readonly queue: Queue<DeliverCallbackJob>) {}

  enqueue(deliveries: DueDelivery[]): Promise<boolean> {
    return enqueueInBatches('callbacks', deliveries, (batch) =>
      this.queue.addBulk(
        batch.map((d) => ({
          name: JOB_DELIVER_CALLBACK,
          data: { deliveryId: d.id },
          opts: deliverCallbackJobOptions(d.id, d.nextAttemptAt),
        })),
      ),
    );
  }
}
