import { clusterHealth } from './cluster-health';

describe('clusterHealth', () => {
  const info = 'cluster_enabled:1\r\ncluster_state:ok\r\ncluster_slots_assigned:16384\r\n';

  it('counts the masters and replicas a node knows, and those it reaches', () => {
    const nodes = [
      'a1 127.0.0.1:7301@17301 myself,master - 0 0 1 connected 0-5460',
      'a2 127.0.0.1:7302@17302 master - 0 1700000000000 2 connected 5461-10922',
      'a3 127.0.0.1:7303@17303 master - 0 1700000000000 3 connected 10923-16383',
      'b1 127.0.0.1:7304@17304 slave a1 0 1700000000000 1 connected',
      'b2 127.0.0.1:7305@17305 slave a2 0 1700000000000 2 connected',
      'b3 127.0.0.1:7306@17306 slave a3 0 1700000000000 3 connected',
    ].join('\n');
    expect(clusterHealth(info, nodes)).toEqual({
      state: 'ok',
      masters: { reachable: 3, known: 3 },
      replicas: { reachable: 3, known: 3 },
    });
  });

  it('does not count a failed master (replaced by its replica) or a node whose link is down as reachable', () => {
    const nodes = [
      'a1 127.0.0.1:7301@17301 master,fail - 1700000000000 1700000000000 1 disconnected',
      'a2 127.0.0.1:7302@17302 myself,master - 0 0 2 connected 5461-10922',
      'a3 127.0.0.1:7303@17303 master - 0 1700000000000 3 connected 10923-16383',
      'b1 127.0.0.1:7304@17304 master - 0 1700000000000 7 connected 0-5460',
      'b2 127.0.0.1:7305@17305 slave a2 0 1700000000000 2 disconnected',
      'b3 127.0.0.1:7306@17306 slave,fail? a3 0 1700000000000 3 connected',
    ].join('\n');
    expect(clusterHealth(info.replace('ok', 'fail'), nodes)).toEqual({
      state: 'fail',
      masters: { reachable: 3, known: 4 },
      replicas: { reachable: 0, known: 2 },
    });
  });
});
