import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Cluster } from 'ioredis';
import { RedisService } from '../queue/redis.service';

export interface ClusterHealth {
  state: string;
  masters: { reachable: number; known: number };
  replicas: { reachable: number; known: number };
}

/**
 * The cluster as one of its nodes sees it (`CLUSTER INFO` and `CLUSTER NODES`): its state, and how many masters and
 * replicas it knows and can reach. A node the others have marked failing (`fail`, `fail?`) or lost the link to is not reachable.
 */
export function clusterHealth(info: string, nodes: string): ClusterHealth {
  const state = /^cluster_state:(\w+)/m.exec(info)?.[1] ?? 'unknown';
  const health: ClusterHealth = { state, masters: { reachable: 0, known: 0 }, replicas: { reachable: 0, known: 0 } };
  for (const line of nodes.split('\n').filter((l) => l.trim())) {
    const [, , flagList, , , , , linkState] = line.split(' ');
    const flags = flagList.split(',');
    const role = flags.includes('master') ? health.masters : flags.includes('slave') ? health.replicas : null;
    if (!role) continue;
    role.known++;
    if (!flags.includes('fail') && !flags.includes('fail?') && linkState === 'connected') role.reachable++;
  }
  return health;
}

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly redis: RedisService,
  ) {}

  /** Up when the server answers; on a cluster, when its state is ok (every slot served) and the masters answer too. */
  async isHealthy(key: 'redis') {
    const indicator = this.health.check(key);
    const { client } = this.redis;
    try {
      if (!(client instanceof Cluster)) {
        await client.ping();
        return indicator.up();
      }
      const [info, nodes] = await Promise.all([client.cluster('INFO'), client.cluster('NODES')]);
      const cluster = clusterHealth(String(info), String(nodes));
      // Every master serving slots, as this client routes to them: a cluster that says ok to one node may still be cut off from us.
      await Promise.all(client.nodes('master').map((node) => node.ping()));
      return cluster.state === 'ok' ? indicator.up({ cluster }) : indicator.down({ message: `cluster state ${cluster.state}`, cluster });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
