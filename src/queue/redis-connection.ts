import type { ConfigService } from '@nestjs/config';
import Redis, { Cluster, type ClusterNode, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { Environment } from '../config/environment';

export type RedisClient = Redis | Cluster;
export type RedisSettings = Pick<Environment, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>;

export function redisSettings(config: ConfigService<Environment, true>): RedisSettings {
  return {
    REDIS_URL: config.get('REDIS_URL', { infer: true }),
    REDIS_CLUSTER_NODES: config.get('REDIS_CLUSTER_NODES', { infer: true }),
  };
}

/** ioredis options from a redis:// URL (BullMQ takes options, not URLs). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    db: Number.isInteger(db) ? db : 0,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers must block on Redis indefinitely; they retry forever instead of failing commands.
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
}

/** `host:port,host:port` (REDIS_CLUSTER_NODES, validated by the environment) as ioredis startup nodes. */
export function clusterNodesFrom(list: string): ClusterNode[] {
  return list.split(',').map((node) => {
    const at = node.lastIndexOf(':');
    return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
  });
}

/**
 * A Cluster client. Any startup node leads to the rest (CLUSTER SLOTS); a master that dies is dropped and the slots
 * fetched again, so commands wait out a failover (retried every 200 ms while the cluster is down or moving) instead of
 * failing. BullMQ needs `maxRetriesPerRequest: null` on the nodes' connections.
 */
function clusterClient(
  nodes: string,
  options: Pick<ClusterOptions, 'enableOfflineQueue'> & { maxRetriesPerRequest: number | null },
): Cluster {
  return new Cluster(clusterNodesFrom(nodes), {
    enableReadyCheck: true,
    enableOfflineQueue: options.enableOfflineQueue,
    clusterRetryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    retryDelayOnClusterDown: 200,
    retryDelayOnFailover: 200,
    retryDelayOnTryAgain: 200,
    slotsRefreshTimeout: 2000,
    redisOptions: { maxRetriesPerRequest: options.maxRetriesPerRequest },
  });
}

/**
 * What one queue (and its workers) connects with: options for a single server, from which BullMQ makes and closes
 * its own connections; on a cluster, a Cluster client of the queue's own (BullMQ only takes a cluster as a client).
 */
export function queueConnection(settings: RedisSettings): RedisOptions | Cluster {
  return settings.REDIS_CLUSTER_NODES
    ? clusterClient(settings.REDIS_CLUSTER_NODES, { enableOfflineQueue: true, maxRetriesPerRequest: null })
    : redisOptionsFromUrl(settings.REDIS_URL);
}

/** A connection for health checks, markers and rate limits: it fails fast instead of queueing commands while Redis is away. */
export function commandClient(settings: RedisSettings): RedisClient {
  return settings.REDIS_CLUSTER_NODES
    ? clusterClient(settings.REDIS_CLUSTER_NODES, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : new Redis({
        ...redisOptionsFromUrl(settings.REDIS_URL),
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        lazyConnect: false,
      });
}
