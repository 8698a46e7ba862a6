import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Cluster } from 'ioredis';
import { RedisService } from '../queue/redis.service';
import { clusterHealth } from './cluster-health';

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
      return cluster.state === 'ok'
        ? indicator.up({ cluster })
        : indicator.down({ message: `cluster state ${cluster.state}`, cluster });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
