import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import type { Environment } from '../config/environment';
import { queueKeyPrefix } from './queue-keys';
import { ALL_QUEUES } from './queue-names';
import { queueConnection, redisSettings } from './redis-connection';
import { RedisService } from './redis.service';

/** Every registered queue, in ALL_QUEUES' order: what lists or counts all queues injects this, never a hand-made list. */
export const EVERY_QUEUE = 'claimdesk:every-queue';

/** Registers every queue for producing, each under its own hash tag; processors are added only by the worker module. */
@Global()
@Module({
  imports: [
    BullModule.registerQueueAsync(
      ...ALL_QUEUES.map((name) => ({
        name,
        inject: [ConfigService],
        useFactory: (config: ConfigService<Environment, true>) => ({
          connection: queueConnection(redisSettings(config)),
          prefix: queueKeyPrefix(config.get('QUEUE_PREFIX', { infer: true }), name),
          // A cluster client is the queue's own (shared with its workers): closed with the queue.
          forceDisconnectOnShutdown: true,
        }),
      })),
    ),
  ],
  providers: [
    RedisService,
    {
      provide: EVERY_QUEUE,
      inject: ALL_QUEUES.map((name) => getQueueToken(name)),
      useFactory: (...queues: Queue[]) => queues,
    },
  ],
  exports: [BullModule, RedisService, EVERY_QUEUE],
})
export class QueueModule {}
