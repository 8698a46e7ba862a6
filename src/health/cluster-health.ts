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
