import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ApiError } from '../common/api-error';
import type { QueueName } from '../queue/queue-names';
import { EVERY_QUEUE } from '../queue/queue.module';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'paused'] as const;

@Injectable()
export class QueuesService {
  private readonly queues: Map<string, Queue>;

  constructor(@Inject(EVERY_QUEUE) queues: Queue[]) {
    this.queues = new Map(queues.map((q) => [q.name, q]));
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  get(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw ApiError.notFound('Queue', name);
    return queue;
  }

  /** Counts per state; prioritized jobs are waiting ones, so they are counted as waiting. */
  async stats(queue: Queue) {
    const counts = await queue.getJobCounts(...STATES);
    const failedJobs = await queue.getFailed(0, 19);
    return {
      name: queue.name as QueueName,
      paused: await queue.isPaused(),
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
      recentFailures: failedJobs.map((job) => ({
        id: job.id,
        name: job.name,
        data: job.data,
        attemptsMade: job.attemptsMade,
        failedReason: job.failedReason,
        finishedOn: job.finishedOn ? new Date(job.finishedOn) : null,
      })),
    };
  }

  /** Pauses the queue for every worker (BullMQ keeps the flag in Redis). */
  async pause(name: string) {
    const queue = this.get(name);
    await queue.pause();
    return this.stats(queue);
  }

  async resume(name: string) {
    const queue = this.get(name);
    await queue.resume();
    return this.stats(queue);
  }

  /** Moves every failed job back to waiting. */
  async retryFailed(name: string): Promise<number> {
    const queue = this.get(name);
    const failed = await queue.getJobCountByTypes('failed');
    await queue.retryJobs({ state: 'failed' });
    return failed;
  }
}
