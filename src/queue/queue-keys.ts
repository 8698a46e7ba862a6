import type { QueueName } from './queue-names';

/**
 * Where each thing lives in Redis. QUEUE_PREFIX (`{name}`) names the deployment. Each queue hashes on a tag of its
 * own, `{name:queue}`: BullMQ's scripts touch several keys of one queue at once, which a Redis Cluster allows only
 * within one slot, and queues with different tags land in different slots, so they spread over the shards. On a
 * single server the tags change nothing.
 */
export function queueKeyPrefix(queuePrefix: string, queue: QueueName): string {
  return `{${deploymentName(queuePrefix)}:${queue}}`;
}

/** One of a queue's keys as BullMQ names it (`…:wait`, `…:failed`, a job's id). */
export function queueKey(queuePrefix: string, queue: QueueName, suffix: string): string {
  return `${queueKeyPrefix(queuePrefix, queue)}:${queue}:${suffix}`;
}

/** Set by the reconciler after each pass; its absence means the queue data is gone. */
export function reconciledMarkerKey(queuePrefix: string): string {
  return `${queuePrefix}:reconciled`;
}

/** A rate-limit window is one key, read and written alone: without a tag it is hashed whole, so windows spread too. */
export function throttleKey(queuePrefix: string, throttlerName: string, tracker: string): string {
  return `${throttleKeyPrefix(queuePrefix, throttlerName)}:${tracker}`;
}

/** A limiter's keys before the tracker (rate-limiter-flexible adds `:<tracker>`). */
export function throttleKeyPrefix(queuePrefix: string, throttlerName: string): string {
  return `${deploymentName(queuePrefix)}:throttle:${throttlerName}`;
}

/** One person's or key's open live streams, a sorted set read and written alone by one script (so any slot will do). */
export function liveStreamsKey(queuePrefix: string, holder: string): string {
  return `${deploymentName(queuePrefix)}:live:${holder}`;
}

function deploymentName(queuePrefix: string): string {
  return queuePrefix.slice(1, -1);
}
